using AwesomeAssertions;
using MLRepro.Model;
using MLRepro.Tests.Support;

namespace MLRepro.Tests.Formats.Markdown;

/// <summary>Evidence from the docs cites the line that holds the match, not the section's heading.</summary>
public sealed class DocLineTests
{
    [Fact]
    public void A_match_is_found_on_its_own_line_of_the_section()
    {
        using var t = new TempDir();
        t.Write("README.md", "# Results\n\nSome prose first.\n\n| setting | value |\n|---|---|\n| Strategy Sharpe (112 perps,   363 weeks) | 2.16 |\n\n## Hardware\n\nWe trained on one A100.\n");

        var model = ProjectModel.Open(t.Path);
        var doc = model.Docs.Single();
        var results = doc.Sections.First(s => s.Heading == "Results");

        model.LineIn("README.md", results, "363 weeks").Should().Be(7);
        model.LineIn("README.md", results, "112 perps, 363 weeks").Should().Be(7, "runs of spaces are collapsed on both sides");
        model.LineIn("README.md", results, "not in this section").Should().Be(results.Line);
        model.LineIn("README.md", doc.Sections.First(s => s.Heading == "Hardware"), "A100").Should().Be(11);
    }
}
