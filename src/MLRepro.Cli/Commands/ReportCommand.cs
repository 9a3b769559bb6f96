using System.CommandLine;
using MLRepro.Assessment;
using MLRepro.Model;
using MLRepro.Reporting;
using MLRepro.Reporting.Markdown;

namespace MLRepro.Cli.Commands;

/// <summary>`mlrepro report PATH`: writes REPRODUCIBILITY.md into the project, or checks its claims.</summary>
internal static class ReportCommand
{
    public const string FileName = "REPRODUCIBILITY.md";

    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var path = new Argument<string>("path") { Description = "Project folder.", DefaultValueFactory = _ => "." };
        var toStdout = new Option<bool>("--stdout") { Description = "Print the report instead of writing REPRODUCIBILITY.md." };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 when the ticked boxes of the existing REPRODUCIBILITY.md are not supported by the evidence." };
        var format = new Option<string>("--format", "-f") { Description = "markdown (default), json, sarif, html or text.", DefaultValueFactory = _ => "markdown" };
        format.AcceptOnlyFromAmong(ReportFormats.Names);
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of PATH/REPRODUCIBILITY.md." };
        var links = new Option<string>("--links") { Description = "relative (default) or remote: permalinks to the GitHub/GitLab remote at the assessed commit.", DefaultValueFactory = _ => "relative" };
        links.AcceptOnlyFromAmong("relative", "remote");
        var cmd = new Command("report", "Write the spec's ML Reproducibility Report (REPRODUCIBILITY.md) from evidence, or check the claims of an existing one.\n\nExamples:\n  mlrepro report .                 writes ./REPRODUCIBILITY.md (your notes between the mlrepro:user markers are kept)\n  mlrepro report . --stdout        prints it\n  mlrepro report . --check         exits 1 if a ticked box is contradicted\n  mlrepro report . -f sarif -o mlrepro.sarif")
        {
            path, toStdout, check, format, output, links,
        };
        cmd.SetAction(r =>
        {
            var root = r.GetValue(path)!;
            if (!Directory.Exists(root))
            {
                stderr.WriteLine($"mlrepro: '{root}' is not a folder");
                return CliApp.ExitUsage;
            }

            var model = ProjectModel.Open(root);
            var report = Assessor.Assess(model);
            if (r.GetValue(check))
            {
                if (model.ReproducibilityReport is null)
                {
                    stderr.WriteLine($"mlrepro: {FileName} not found in {root}; nothing to check (create it with `mlrepro report`)");
                    return CliApp.ExitFailed;
                }

                var unsupported = ClaimCheck.Unsupported(report);
                foreach (var u in unsupported)
                {
                    stdout.WriteLine($"✗ {u.Criterion}: {u.Why}");
                }

                stdout.WriteLine(unsupported.Count == 0
                    ? $"✓ every ticked box of {model.ReproducibilityReport.Path} is supported by the evidence ({report.Stars} stars)"
                    : $"{unsupported.Count} claim(s) of {model.ReproducibilityReport.Path} are not supported by the evidence");
                return unsupported.Count == 0 ? CliApp.ExitOk : CliApp.ExitFailed;
            }

            var style = r.GetValue(links) == "remote" ? LinkStyle.Remote : LinkStyle.Relative;
            var fmt = r.GetValue(format)!;
            var reporter = ReportFormats.Create(fmt, verbose: false, r.GetValue(output), style, model.ReproducibilityReport?.UserRegion?.Text);
            if (r.GetValue(toStdout))
            {
                reporter.Write(report, stdout);
                return CliApp.ExitOk;
            }

            var target = r.GetValue(output) ?? (fmt == "markdown" ? Path.Combine(root, FileName) : null);
            if (target is null)
            {
                stderr.WriteLine("mlrepro: give --output FILE (or --stdout) for this format");
                return CliApp.ExitUsage;
            }

            // Write to a temporary file first so an interrupted run never leaves a half-written report.
            var tmp = target + ".mlrepro-tmp";
            using (var w = new StreamWriter(tmp, append: false, new System.Text.UTF8Encoding(false)))
            {
                reporter.Write(report, w);
            }

            File.Move(tmp, target, overwrite: true);
            stderr.WriteLine($"wrote {target} ({report.Stars} of 5 stars)");
            return CliApp.ExitOk;
        });
        return cmd;
    }
}
