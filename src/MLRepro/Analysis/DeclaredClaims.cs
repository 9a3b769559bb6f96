using MLRepro.Findings;
using MLRepro.Formats.Reproducibility;

namespace MLRepro.Analysis;

/// <summary>Turns the ticked boxes of a project's own REPRODUCIBILITY.md into Declared findings.</summary>
public static class DeclaredClaims
{
    /// <summary>One Declared Met finding per criterion a ticked box claims (the first box per criterion is cited).</summary>
    public static IReadOnlyList<Finding> From(ReproducibilityDocument? doc)
    {
        if (doc is null)
        {
            return [];
        }

        return [.. doc.Sections.SelectMany(s => s.Items).Concat(doc.OtherItems)
            .Where(i => i.Checked && i.CriterionId is not null)
            .GroupBy(i => i.CriterionId!)
            .Select(g => Finding.Create(g.Key, Outcome.Met, Source.Declared,
                $"{doc.Path} ticks \"{Trim(g.First().Text)}\"",
                g.Select(i => Evidence.At(doc.Path, i.Line, "ticked box", "- [x] " + Trim(i.Text))),
                null))];
    }

    private static string Trim(string s) => s.Length > 90 ? s[..87] + "..." : s;
}
