using System.Text.Json.Nodes;
using AwesomeAssertions;
using MLRepro.Reporting.Json;
using MLRepro.Tests.Support;

namespace MLRepro.Tests.Reporting;

public sealed class JsonReporterTests
{
    [Fact]
    public void Json_matches_golden_and_validates_against_the_schema()
    {
        var w = new StringWriter();
        new JsonReporter().Write(SampleReports.TwoStars(), w);
        var json = w.ToString();
        SchemaAssert.Valid("assessment-v1.schema.json", json);
        Golden.Verify("report/two-stars.json", json);
        var node = JsonNode.Parse(json)!;
        node["schema"]!.GetValue<string>().Should().Be("mlrepro/assessment/v1");
        node["stars"]!.GetValue<int>().Should().Be(2);
        node["findings"]![0]!["criterion"]!.GetValue<string>().Should().Be("code.runs");
    }

    [Fact]
    public void Schema_rejects_a_broken_report()
    {
        var w = new StringWriter();
        new JsonReporter().Write(SampleReports.TwoStars() with { Stars = 9 }, w);
        SchemaAssert.IsValid("assessment-v1.schema.json", w.ToString()).Should().BeFalse("stars above 5 must be rejected: the schema test can fail");
    }

    [Fact]
    public void Round_trips()
    {
        var w = new StringWriter();
        var report = SampleReports.TwoStars();
        new JsonReporter().Write(report, w);
        var back = JsonReporter.Read(w.ToString())!;
        back.Stars.Should().Be(2);
        back.Findings.Should().HaveCount(report.Findings.Count);
        back.Findings[15].Superseded.Should().ContainSingle();
    }
}
