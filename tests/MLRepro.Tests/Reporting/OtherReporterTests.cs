using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using AwesomeAssertions;
using Json.Schema;
using MLRepro.Findings;
using MLRepro.Formats.Reproducibility;
using MLRepro.Reporting;
using MLRepro.Reporting.Badge;
using MLRepro.Reporting.Html;
using MLRepro.Reporting.Markdown;
using MLRepro.Reporting.Sarif;
using MLRepro.Tests.Support;

namespace MLRepro.Tests.Reporting;

public sealed class OtherReporterTests
{
    private static string Render(IReporter r, Report? report = null)
    {
        var w = new StringWriter();
        r.Write(report ?? SampleReports.TwoStars(), w);
        return w.ToString();
    }

    [Fact]
    public void Reproducibility_markdown_matches_golden_and_escapes_repository_text()
    {
        var md = Render(new ReproducibilityMarkdownReporter());
        Golden.Verify("report/two-stars.REPRODUCIBILITY.md", md);
        md.Should().NotContain("<script>", "file names from the repository are escaped");
        md.Should().Contain("- [x] Runnable code").And.Contain("- [ ] Example environment").And.Contain("| [train](dvc.yaml) |");
        md.Should().Contain(ReproducibilityMarkdownReporter.UserStart).And.Contain(ReproducibilityMarkdownReporter.UserEnd);
    }

    [Fact]
    public void Generated_report_parses_back_to_the_same_criteria_and_keeps_the_user_region()
    {
        var report = SampleReports.TwoStars();
        const string notes = "Trained on the lab's cluster; see the wiki.\n";
        var md = Render(new ReproducibilityMarkdownReporter(LinkStyle.Relative, notes), report);
        var doc = ReproducibilityParser.Parse(new MLRepro.Text.SourceText("REPRODUCIBILITY.md", md));
        doc.Sections.Select(s => s.Level).Should().Equal(1, 2, 3, 4, 5);
        var items = doc.Sections.SelectMany(s => s.Items).ToList();
        items.Should().HaveCount(16);
        foreach (var f in report.Findings)
        {
            var item = items.Where(i => i.CriterionId == f.Criterion).Should().ContainSingle($"exactly one box maps back to {f.Criterion}").Subject;
            item.Checked.Should().Be(f.Outcome is Outcome.Met or Outcome.NotApplicable, f.Criterion);
        }

        doc.UserRegion!.Text.Should().Contain("Trained on the lab's cluster");
    }

    [Fact]
    public void Remote_links_point_at_the_commit_on_github()
    {
        var md = Render(new ReproducibilityMarkdownReporter(LinkStyle.Remote));
        md.Should().Contain("https://github.com/acme/penguins/blob/0123456789abcdef0123456789abcdef01234567/params.yaml");
    }

    [Fact]
    public void Sarif_matches_golden_and_has_one_rule_per_criterion()
    {
        var sarif = Render(new SarifReporter());
        Golden.Verify("report/two-stars.sarif", sarif);
        var node = JsonNode.Parse(sarif)!;
        node["runs"]![0]!["tool"]!["driver"]!["rules"]!.AsArray().Should().HaveCount(16);
        var results = node["runs"]![0]!["results"]!.AsArray();
        results.Select(r => r!["ruleId"]!.GetValue<string>()).Should().BeEquivalentTo(["data.documented", "data.swappable", "env.packages", "env.example", "eval.predict", "eval.compare"]);
        results.First(r => r!["ruleId"]!.GetValue<string>() == "data.swappable")!["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!.GetValue<int>().Should().Be(14);
    }

    /// <summary>
    /// Validates against the OASIS SARIF 2.1.0 schema. The schema is not committed (third-party file); .ci/run fetches
    /// it from the npm registry and sets MLREPRO_SARIF_SCHEMA. Without it the test fails in CI and is skipped locally.
    /// </summary>
    [Fact]
    public void Sarif_validates_against_the_sarif_2_1_0_schema()
    {
        var schemaPath = Environment.GetEnvironmentVariable("MLREPRO_SARIF_SCHEMA");
        if (string.IsNullOrEmpty(schemaPath) || !File.Exists(schemaPath))
        {
            Assert.SkipWhen(Environment.GetEnvironmentVariable("CI") is null, "MLREPRO_SARIF_SCHEMA is not set (run tests/tools/fetch-sarif-schema.sh)");
            Assert.Fail("MLREPRO_SARIF_SCHEMA must point at the SARIF 2.1.0 schema in CI");
        }

        // The published schema is draft-04; JsonSchema.Net reads draft 6+, and the keywords used are compatible,
        // so only the dialect is rewritten (and the draft-04 id, which would register the schema globally, dropped).
        var schemaNode = JsonNode.Parse(File.ReadAllText(schemaPath))!.AsObject();
        schemaNode["$schema"] = "http://json-schema.org/draft-07/schema#";
        schemaNode.Remove("id");

        var schema = JsonSchema.FromText(schemaNode.ToJsonString());
        using var good = JsonDocument.Parse(Render(new SarifReporter()));
        var result = schema.Evaluate(good.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        result.IsValid.Should().BeTrue(string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        using var bad = JsonDocument.Parse("""{"version":"2.1.0","runs":[{"tool":{"driver":{}}}]}""");
        schema.Evaluate(bad.RootElement).IsValid.Should().BeFalse("a driver without a name is invalid SARIF: the validation can fail");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(5)]
    public void Badge_is_well_formed_svg_with_accessible_text(int stars)
    {
        var svg = BadgeRenderer.Render(stars);
        var doc = XDocument.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        doc.Root!.Attribute("role")!.Value.Should().Be("img");
        doc.Root.Attribute("aria-label")!.Value.Should().Be($"ML reproducibility: {stars} of 5 stars");
        doc.Root.Element(ns + "title")!.Value.Should().Be($"ML reproducibility: {stars} of 5 stars");
        svg.Should().Contain(new string('★', stars) + new string('☆', 5 - stars) + $" {stars}/5").And.Contain(BadgeRenderer.Colour(stars));
        if (stars == 3)
        {
            Golden.Verify("report/badge-3.svg", svg);
        }
    }

    [Fact]
    public void Html_is_self_contained_and_escapes_repository_text()
    {
        var report = SampleReports.TwoStars();
        var html = Render(new HtmlReporter(), report);
        html.Should().Contain("Content-Security-Policy").And.NotContain("<script").And.NotContain("src=\"http");
        html.Should().Contain("hard-coded input path &lt;script&gt;");
        Golden.Verify("report/two-stars.html", html);
    }

    [Fact]
    public void Claim_check_names_each_unsupported_claim()
    {
        var unsupported = ClaimCheck.Unsupported(SampleReports.TwoStars());
        unsupported.Should().ContainSingle();
        unsupported[0].Criterion.Should().Be("eval.compare");
        unsupported[0].Why.Should().Contain("Compare runs").And.Contain("metrics are only printed");
    }
}
