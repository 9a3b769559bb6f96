using System.Text;
using AwesomeAssertions;
using MLRepro.Formats.Reproducibility;
using MLRepro.Tests.Support;
using MLRepro.Text;

namespace MLRepro.Tests.Formats.Reproducibility;

public sealed class ReproducibilityParserTests
{
    private static ReproducibilityDocument Fixture(string name) =>
        ReproducibilityParser.Parse(new SourceText(name, File.ReadAllText(Path.Combine(TestPaths.Fixtures, "Formats", "Reproducibility", name))));

    [Fact]
    public void Full_report_has_five_sections_with_mapped_items()
    {
        var doc = Fixture("REPRODUCIBILITY_full.md");
        doc.Sections.Select(s => s.Name).Should().Equal("code", "configuration", "data", "environment", "evaluation");
        doc.Sections.Select(s => s.CheckedCount).Should().Equal(2, 2, 2, 0, 0);
        doc.DeclaredStars.Should().Be(3);
        doc.ItemsFor("data.documented").Single().Links.Should().Equal("docs/DATA.md#schema");
        doc.ItemsFor("env.hardware").Single().Checked.Should().BeFalse();
        doc.Section(2)!.Items.Select(i => i.CriterionId).Should().Equal("config.files", "config.seeds");
        doc.Section(4)!.Items.Select(i => i.CriterionId).Should().Equal("env.packages", "env.example", "env.hardware");
        doc.OtherItems.Should().BeEmpty();
    }

    [Fact]
    public void User_region_is_returned_byte_for_byte()
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.Fixtures, "Formats", "Reproducibility", "REPRODUCIBILITY_full.md"));
        var doc = ReproducibilityParser.Parse(new SourceText("R.md", text));
        var start = text.IndexOf(ReproducibilityParser.UserStartMarker, StringComparison.Ordinal) + ReproducibilityParser.UserStartMarker.Length;
        var end = text.IndexOf(ReproducibilityParser.UserEndMarker, StringComparison.Ordinal);
        doc.UserRegion!.Text.Should().Be(text[start..end]);
        doc.UserRegion.Text.Should().Contain("  Indentation and trailing spaces are kept exactly.   \n");
    }

    [Fact]
    public void Heading_styles_and_pseudo_headings()
    {
        var doc = Fixture("REPRODUCIBILITY_styles.md");
        doc.Sections.Select(s => s.Level).Should().Equal(1, 2, 3, 4, 5);
        doc.DeclaredStars.Should().Be(2);
        doc.Section(4)!.Items.Select(i => (i.Checked, i.CriterionId)).Should().Equal((true, "env.packages"), (false, "env.example"));
        doc.Section(5)!.Items.Select(i => i.CriterionId).Should().Equal("eval.predict", "eval.compare");
        doc.OtherItems.Single().CriterionId.Should().Be("config.seeds", "a heading that is not one of the five ends the section");
    }

    [Fact]
    public void Broken_report_gives_diagnostics()
    {
        var doc = Fixture("REPRODUCIBILITY_broken.md");
        doc.Sections.Should().BeEmpty();
        doc.UserRegion.Should().BeNull();
        doc.Diagnostics.Select(d => d.Code).Should().Contain(["reproducibility.no-sections", "reproducibility.user-region-unclosed"]);
        doc.OtherItems.Select(i => i.CriterionId).Should().Equal("env.packages", null);
    }

    [Theory]
    [InlineData("1. Code", 1)]
    [InlineData("Code", 1)]
    [InlineData("★1 Code", 1)]
    [InlineData("⭐ Level 1 — Code", 1)]
    [InlineData("Level 2 - Configuration", 2)]
    [InlineData("2) Config", 2)]
    [InlineData("3. Data (+ artifacts)", 3)]
    [InlineData("★★★ Data & Artifacts", 3)]
    [InlineData("📦 4. Environment", 4)]
    [InlineData("Level 5: Evaluation", 5)]
    [InlineData("Level 3", 3)]
    [InlineData("ML Reproducibility Report", 0)]
    [InlineData("Citation", 0)]
    [InlineData("Codebase overview of the data", 0)]
    public void Section_headings_match_flexibly(string heading, int level) =>
        ReproducibilityParser.MatchSection(heading).Should().Be(level);

    [Theory]
    [InlineData(1, "Link to the example input", "code.example-input")]
    [InlineData(1, "Runs end to end", "code.runs")]
    [InlineData(2, "Seeds are in params.yaml", "config.seeds")]
    [InlineData(3, "Input data schema documented", "data.documented")]
    [InlineData(3, "Preprocessing and training stages with outputs", "data.pipeline")]
    [InlineData(3, "Link to the data", "data.managed")]
    [InlineData(4, "Docker image on ghcr.io", "env.example")]
    [InlineData(4, "2 V100 GPUs", "env.hardware")]
    [InlineData(5, "Runs compared in MLflow", "eval.compare")]
    [InlineData(0, "Nothing to see", null)]
    public void Items_map_to_criteria(int section, string text, string? id) =>
        ReproducibilityParser.MapCriterion(section, text).Should().Be(id);

    [Fact]
    public void Crlf_bom_and_repeated_markers()
    {
        var text = "\uFEFF# R\r\n\r\n## Code\r\n- [x] code\r\n<!-- mlrepro:user-start -->\r\nmine\r\n<!-- mlrepro:user-end -->\r\n<!-- mlrepro:user-start -->\r\n";
        var doc = ReproducibilityParser.Parse(new SourceText("R.md", text));
        doc.Section(1)!.Items.Single().Line.Should().Be(4);
        doc.UserRegion!.Text.Should().Be("\r\nmine\r\n");
        doc.Diagnostics.Should().Contain(d => d.Code == "reproducibility.user-region-repeated");
    }
}
