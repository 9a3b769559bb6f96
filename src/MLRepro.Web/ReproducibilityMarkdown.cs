using System.Text;
using MLRepro.Findings;
using MLRepro.Reporting;

namespace MLRepro.Web;

/// <summary>
/// A minimal REPRODUCIBILITY.md from a report: one section per level with a checkbox per criterion. A stand-in until
/// the core Markdown reporter exists; the web app calls only <see cref="Render"/>, so swapping it is one line.
/// Text from the repository is written inside code spans or escaped so it cannot add links or HTML.
/// </summary>
internal static class ReproducibilityMarkdown
{
    public static string Render(Report report)
    {
        var sb = new StringBuilder();
        sb.Append("# ML Reproducibility Report — ").Append(Escape(report.Project.Name)).Append('\n').Append('\n');
        sb.Append("Stars: ").Append(report.Stars).Append(" of 5 (").Append(new string('★', report.Stars)).Append(new string('☆', 5 - report.Stars)).Append(")\n");
        if (report.Project.Commit is { } c)
        {
            sb.Append("Commit: `").Append(c.Replace("`", string.Empty, StringComparison.Ordinal)).Append("`\n");
        }

        sb.Append("Assessed by ").Append(report.Tool.Name).Append(' ').Append(report.Tool.Version).Append(".\n");
        foreach (var level in report.Levels.OrderBy(l => l.Level))
        {
            sb.Append("\n## ").Append(level.Level).Append(". ").Append(level.Name).Append(" (").Append(level.Met).Append('/').Append(level.Applicable).Append(")\n\n");
            foreach (var f in report.Findings.Where(f => f.Level == level.Level))
            {
                var box = f.Outcome switch { Outcome.Met => "[x]", Outcome.NotApplicable => "[-]", _ => "[ ]" };
                sb.Append("- ").Append(box).Append(" **").Append(Escape(f.Title)).Append("** (`").Append(f.Criterion).Append("`, ")
                    .Append(f.Source.ToString().ToLowerInvariant()).Append("): ").Append(Escape(f.Message)).Append('\n');
                foreach (var e in f.Evidence.Where(e => e.Path.Length > 0).Take(5))
                {
                    sb.Append("  - ").Append(Code(e.Line is { } l ? $"{e.Path}:{l}" : e.Path)).Append(' ').Append(Escape(e.Note)).Append('\n');
                }

                if (f.Fix is { Length: > 0 } fix)
                {
                    sb.Append("  - Fix: ").Append(Escape(fix)).Append('\n');
                }
            }
        }

        return sb.ToString();
    }

    private static string Code(string s)
    {
        var t = s.Replace('\n', ' ').Replace('\r', ' ');
        var fence = t.Contains('`', StringComparison.Ordinal) ? "`` " : "`";
        return fence + t + (fence.Length > 1 ? " ``" : "`");
    }

    private static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s.Replace('\n', ' ').Replace('\r', ' '))
        {
            if ("\\`*_{}[]()<>#+!|".Contains(ch, StringComparison.Ordinal))
            {
                sb.Append('\\');
            }

            sb.Append(ch);
        }

        return sb.ToString();
    }
}
