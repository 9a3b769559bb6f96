using System.Text;

namespace MLRepro.Checks;

/// <summary>Renders criteria metadata: `mlrepro explain` and docs/criteria.md (a test keeps the file current).</summary>
public static class CriteriaDoc
{
    private static readonly string[] LevelNames = ["Code", "Configuration", "Data (+ artifacts)", "Environment", "Evaluation"];

    /// <summary>Plain-text explanation of one criterion.</summary>
    public static string Explain(CheckInfo i)
    {
        var sb = new StringBuilder();
        sb.Append($"{i.Id} — {i.Title} (★{(int)i.Level} {LevelNames[(int)i.Level - 1]})\n\n");
        sb.Append($"What it asks:\n  {i.Rationale}\n\n");
        sb.Append($"How mlrepro checks it:\n  {i.HowChecked}\n\n");
        sb.Append($"How to fix it:\n  {i.Fix}\n");
        if (i.ProvenOnlyByRunning)
        {
            sb.Append("\nOnly a run proves it: `mlrepro check` reports what the files show (found); `mlrepro verify` upgrades or overturns it (verified).\n");
        }

        return sb.ToString();
    }

    /// <summary>The whole docs/criteria.md.</summary>
    public static string Markdown()
    {
        var sb = new StringBuilder();
        sb.Append("# Criteria\n\n<!-- Generated from the checks' metadata (CheckInfo) by `mlrepro docs criteria`; a test fails when this file is stale. -->\n\n");
        sb.Append("A project holds N stars when every applicable criterion of levels 1..N is met. The spec is [scale.md](scale.md).\n\n");
        sb.Append("| id | level | title | proven only by running |\n|---|---|---|---|\n");
        foreach (var c in CheckRegistry.All)
        {
            sb.Append($"| [`{c.Info.Id}`](#{c.Info.Id.Replace(".", string.Empty, StringComparison.Ordinal)}) | ★{(int)c.Info.Level} | {c.Info.Title} | {(c.Info.ProvenOnlyByRunning ? "yes" : "no")} |\n");
        }

        foreach (var level in CheckRegistry.All.GroupBy(c => c.Info.Level))
        {
            sb.Append($"\n## ★{(int)level.Key} {LevelNames[(int)level.Key - 1]}\n");
            foreach (var c in level)
            {
                var i = c.Info;
                sb.Append($"\n### {i.Id}\n\n**{i.Title}.** {i.Rationale}\n\n*How mlrepro checks it.* {i.HowChecked}\n\n*Fix.* {i.Fix}\n");
            }
        }

        return sb.ToString();
    }
}
