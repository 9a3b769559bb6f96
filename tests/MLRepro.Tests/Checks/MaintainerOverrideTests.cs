using AwesomeAssertions;
using MLRepro.Assessment;
using MLRepro.Findings;
using MLRepro.Indexing;
using MLRepro.Tests.Support;

namespace MLRepro.Tests.Checks;

public sealed class MaintainerOverrideTests
{
    private static MLRepro.Reporting.Report AssessWith(string file, string content)
    {
        using var t = new TempDir();
        foreach (var f in Directory.GetFiles(Path.Combine(TestPaths.Examples, "05-four-stars"), "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(Path.Combine(TestPaths.Examples, "05-four-stars"), f);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(t.Path, rel))!);
            File.Copy(f, Path.Combine(t.Path, rel));
        }

        t.Write(file, content);
        return Assessor.Assess(t.Path, new IndexOptions { UseGit = false });
    }

    [Fact]
    public void Not_applicable_with_a_reason_replaces_the_verdict_and_shows_the_reason()
    {
        var report = AssessWith(".mlrepro.yaml", """
            criteria:
              eval.predict:
                status: not-applicable
                reason: "a benchmark of training pipelines; there is no model to serve"
            """);
        var f = report.Findings.Single(x => x.Criterion == "eval.predict");
        f.Outcome.Should().Be(Outcome.NotApplicable);
        f.Source.Should().Be(Source.Declared);
        f.Message.Should().Contain("no model to serve");
        f.Superseded.Should().Contain(s => s.Source == Source.Found && s.Outcome == Outcome.Partial, "the evidence stays visible");
        report.Stars.Should().Be(5);
    }

    [Fact]
    public void Accepted_keeps_the_verdict_and_adds_the_reason()
    {
        var report = AssessWith("pyproject.toml", """
            [project]
            name = "penguins"

            [tool.mlrepro.criteria."eval.predict"]
            status = "accepted"
            reason = "predictions are served by the platform team's service"
            """);
        var f = report.Findings.Single(x => x.Criterion == "eval.predict");
        f.Outcome.Should().Be(Outcome.Partial);
        f.Message.Should().Contain("accepted by the maintainers: predictions are served");
        f.Evidence[0].Path.Should().Be("pyproject.toml");
        report.Stars.Should().Be(4);
    }

    [Fact]
    public void Unknown_criteria_and_missing_reasons_are_diagnosed_and_ignored()
    {
        var report = AssessWith(".mlrepro.yaml", """
            criteria:
              eval.magic: { status: accepted, reason: "x" }
              eval.predict: { status: not-applicable }
              env.example: { status: maybe, reason: "y" }
            """);
        report.Findings.Single(x => x.Criterion == "eval.predict").Outcome.Should().Be(Outcome.Partial);
        report.Diagnostics.Select(d => d.Code).Should().Contain(["mlrepro-config.unknown-criterion", "mlrepro-config.no-reason", "mlrepro-config.bad-status"]);
    }
}
