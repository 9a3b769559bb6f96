using MLRepro.Findings;
using MLRepro.Reporting;

namespace MLRepro.Catalog.Tests.Support;

/// <summary>Builds Report objects directly, so store and web tests do not depend on which checks exist yet.</summary>
public static class TestReports
{
    /// <summary>The criteria of SCALE.md with their levels.</summary>
    public static readonly (string Id, int Level)[] Criteria =
    [
        ("code.runs", 1), ("code.example-input", 1), ("code.deterministic", 1),
        ("config.files", 2), ("config.seeds", 2), ("config.used", 2), ("config.deterministic", 2),
        ("data.managed", 3), ("data.documented", 3), ("data.swappable", 3), ("data.pipeline", 3),
        ("env.packages", 4), ("env.example", 4), ("env.hardware", 4),
        ("eval.predict", 5), ("eval.compare", 5),
    ];

    /// <summary>
    /// A report where the first <paramref name="metCount"/> criteria (in level order) are met and the rest not met,
    /// with overrides; stars and level progress follow the pyramid rule so the numbers are consistent.
    /// </summary>
    public static Report Make(
        string name,
        int metCount,
        string? commit = null,
        IReadOnlyDictionary<string, Outcome>? overrides = null,
        IReadOnlyList<string>? frameworks = null,
        bool verified = false,
        string? evidenceSnippet = null,
        string? evidencePath = null)
    {
        var findings = new List<ReportFinding>();
        for (var i = 0; i < Criteria.Length; i++)
        {
            var (id, level) = Criteria[i];
            var outcome = overrides is not null && overrides.TryGetValue(id, out var o) ? o : i < metCount ? Outcome.Met : Outcome.NotMet;
            var source = verified && id == "code.deterministic" ? Source.Verified : Source.Found;
            findings.Add(new ReportFinding(
                id,
                level,
                "Title of " + id,
                outcome,
                source,
                $"{id} is {outcome}",
                [new ReportEvidence(evidencePath ?? "train.py", 3, evidenceSnippet ?? "seed = 42", "note for " + id)],
                outcome is Outcome.Met or Outcome.NotApplicable ? null : "Fix " + id,
                source == Source.Verified ? [new SupersededFinding(Source.Found, Outcome.NotMet, "static analysis said no")] : []));
        }

        var levels = Enumerable.Range(1, 5).Select(l =>
        {
            var of = findings.Where(f => f.Level == l).ToList();
            var applicable = of.Count(f => f.Outcome != Outcome.NotApplicable);
            var met = of.Count(f => f.Outcome == Outcome.Met);
            return new ReportLevel(l, ((StarLevel)l).ToString(), met, applicable, met == applicable);
        }).ToList();
        var stars = 0;
        foreach (var l in levels)
        {
            if (!l.Complete)
            {
                break;
            }

            stars++;
        }

        return new Report
        {
            Tool = new ToolInfo("mlrepro", "0.1.0"),
            Project = new ProjectInfo(name, commit ?? Guid.NewGuid().ToString("N") + "00000000", "main", null, false, frameworks ?? [], 10),
            Stars = stars,
            Levels = levels,
            Findings = findings,
        };
    }

    /// <summary>How many criteria (in order) must be met for a given star count.</summary>
    public static int MetFor(int stars) => stars switch { 0 => 0, 1 => 3, 2 => 7, 3 => 11, 4 => 14, _ => 16 };
}
