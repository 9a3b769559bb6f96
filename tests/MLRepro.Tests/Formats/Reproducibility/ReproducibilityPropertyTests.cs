using FsCheck.Xunit;
using MLRepro.Formats.Reproducibility;
using MLRepro.Tests.Formats.Markdown;
using MLRepro.Text;

namespace MLRepro.Tests.Formats.Reproducibility;

public sealed class ReproducibilityPropertyTests
{
    [Property(MaxTest = 150)]
    public bool Random_and_mutated_reports_never_throw(int seed)
    {
        var (name, text) = FuzzInput.Mutated("Reproducibility", seed);
        var random = FuzzInput.Random(seed);
        return FuzzInput.Quick(() => ReproducibilityParser.Parse(new SourceText(name, text)))
            && FuzzInput.Quick(() => ReproducibilityParser.Parse(new SourceText("REPRODUCIBILITY.md", random)));
    }

    [Property(MaxTest = 100)]
    public bool Sections_are_distinct_and_ordered(int seed)
    {
        var (name, text) = FuzzInput.Mutated("Reproducibility", seed);
        var doc = ReproducibilityParser.Parse(new SourceText(name, text));
        var levels = doc.Sections.Select(s => s.Level).ToList();
        return levels.SequenceEqual(levels.Distinct().Order()) && levels.All(l => l is >= 1 and <= 5);
    }

    [Property(MaxTest = 100)]
    public bool User_region_round_trips(string? content)
    {
        var inner = (content ?? string.Empty).Replace("-->", string.Empty, StringComparison.Ordinal).Replace("<!--", string.Empty, StringComparison.Ordinal);
        var text = "# R\n" + ReproducibilityParser.UserStartMarker + inner + ReproducibilityParser.UserEndMarker + "\n";
        return ReproducibilityParser.Parse(new SourceText("R.md", text)).UserRegion?.Text == inner;
    }
}
