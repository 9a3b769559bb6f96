using System.CommandLine;
using MLRepro.Assessment;
using MLRepro.Reporting.Badge;

namespace MLRepro.Cli.Commands;

/// <summary>`mlrepro badge PATH -o badge.svg`.</summary>
internal static class BadgeCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var path = new Argument<string>("path") { Description = "Project folder.", DefaultValueFactory = _ => "." };
        var output = new Option<string?>("--output", "-o") { Description = "SVG file to write (default: standard output)." };
        var stars = new Option<int?>("--stars") { Description = "Render a badge for this star count without assessing." };
        var cmd = new Command("badge", "Write an SVG badge with the project's stars.\n\nExample:\n  mlrepro badge . -o reproducibility.svg") { path, output, stars };
        cmd.SetAction(r =>
        {
            int n;
            if (r.GetValue(stars) is { } given)
            {
                if (given is < 0 or > 5)
                {
                    stderr.WriteLine("mlrepro: --stars must be between 0 and 5");
                    return CliApp.ExitUsage;
                }

                n = given;
            }
            else
            {
                var root = r.GetValue(path)!;
                if (!Directory.Exists(root))
                {
                    stderr.WriteLine($"mlrepro: '{root}' is not a folder");
                    return CliApp.ExitUsage;
                }

                n = Assessor.Assess(root).Stars;
            }

            var svg = BadgeRenderer.Render(n);
            if (r.GetValue(output) is { } file)
            {
                File.WriteAllText(file, svg);
                stderr.WriteLine($"wrote {file} ({n} of 5 stars)");
            }
            else
            {
                stdout.Write(svg);
            }

            return CliApp.ExitOk;
        });
        return cmd;
    }
}
