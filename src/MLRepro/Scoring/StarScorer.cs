using MLRepro.Checks;
using MLRepro.Findings;

namespace MLRepro.Scoring;

/// <summary>The one pure scoring function.</summary>
public static class StarScorer
{
    /// <summary>
    /// Scores findings: a level is complete when each of its applicable criteria is Met (NotApplicable is
    /// excluded; Skipped, Inconclusive and Error are not failures to report, but they are not Met either, so
    /// they hold the pyramid back). Stars = the number of complete levels counted from ★1 upwards.
    /// </summary>
    public static Score Score(IEnumerable<Finding> findings, Func<string, StarLevel?> levelOf)
    {
        var byLevel = findings
            .Select(f => (Finding: f, Level: levelOf(f.CheckId)))
            .Where(x => x.Level is not null)
            .GroupBy(x => x.Level!.Value)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Finding).ToList());
        var levels = new List<LevelProgress>();
        var stars = 0;
        var pyramidIntact = true;
        foreach (var level in Enum.GetValues<StarLevel>())
        {
            var fs = byLevel.GetValueOrDefault(level) ?? [];
            var applicable = fs.Where(f => f.Outcome != Outcome.NotApplicable).ToList();
            var met = applicable.Count(f => f.Outcome == Outcome.Met);
            var complete = met == applicable.Count;
            levels.Add(new LevelProgress(level, met, applicable.Count, complete));
            if (pyramidIntact && complete)
            {
                stars = (int)level;
            }
            else
            {
                pyramidIntact = false;
            }
        }

        return new Score(stars, levels);
    }

    /// <summary>Scores findings of the registered checks.</summary>
    public static Score Score(IEnumerable<Finding> findings) =>
        Score(findings, id => CheckRegistry.Find(id)?.Info.Level);
}
