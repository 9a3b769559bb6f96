using AwesomeAssertions;
using MLRepro.Assessment;
using MLRepro.Checks;
using MLRepro.Findings;
using MLRepro.Indexing;
using MLRepro.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace MLRepro.Tests.Checks;

/// <summary>
/// Tests are data: each folder of Fixtures/Checks is a small project with an expected.yaml of criterion → outcome,
/// and each example project has Fixtures/Examples/NAME.yaml with its stars and every outcome. Projects are copied
/// to a temporary folder outside any git work tree first, so results do not depend on what is committed.
/// </summary>
public sealed class CheckFixtureTests
{
    public static TheoryData<string> Cases() => [.. Directory.GetDirectories(Path.Combine(TestPaths.Fixtures, "Checks")).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Examples() => [.. Directory.GetDirectories(TestPaths.Examples).Select(d => Path.GetFileName(d)!).Where(n => !n.StartsWith('_')).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fixture_outcomes_match_expected(string name)
    {
        var source = Path.Combine(TestPaths.Fixtures, "Checks", name);
        var expected = ReadExpected(Path.Combine(source, "expected.yaml"));
        var report = AssessCopy(source, exclude: "expected.yaml");
        foreach (var (criterion, outcome) in expected.Outcomes)
        {
            var finding = report.Findings.Single(f => f.Criterion == criterion);
            finding.Outcome.Should().Be(outcome, $"{name}: {criterion} — mlrepro said: {finding.Message} [{string.Join("; ", finding.Evidence.Select(e => e.Note))}]");
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_rating_matches_expected(string name)
    {
        var expected = ReadExpected(Path.Combine(TestPaths.Fixtures, "Examples", name + ".yaml"));
        var report = AssessCopy(Path.Combine(TestPaths.Examples, name));
        foreach (var (criterion, outcome) in expected.Outcomes)
        {
            var finding = report.Findings.Single(f => f.Criterion == criterion);
            finding.Outcome.Should().Be(outcome, $"{name}: {criterion} — mlrepro said: {finding.Message}");
        }

        report.Stars.Should().Be(expected.Stars!.Value);
        report.Findings.Should().HaveCount(CheckRegistry.All.Count);
        report.Findings.Should().OnlyContain(f => f.Outcome == Outcome.Met || f.Outcome == Outcome.NotApplicable || f.Evidence.Count > 0, "no verdict without evidence");
    }

    /// <summary>Every check has a met case, a not-met case, and a third outcome (partial, not applicable or inconclusive).</summary>
    [Fact]
    public void Every_check_has_met_not_met_and_another_case()
    {
        var all = Directory.GetDirectories(Path.Combine(TestPaths.Fixtures, "Checks")).Select(d => ReadExpected(Path.Combine(d, "expected.yaml")))
            .Concat(Directory.GetFiles(Path.Combine(TestPaths.Fixtures, "Examples"), "*.yaml").Select(ReadExpected))
            .SelectMany(e => e.Outcomes).ToList();
        foreach (var check in CheckRegistry.All)
        {
            var seen = all.Where(x => x.Criterion == check.Info.Id).Select(x => x.Outcome).ToHashSet();
            seen.Should().Contain(Outcome.Met, $"{check.Info.Id} needs a met fixture");
            seen.Should().Contain(Outcome.NotMet, $"{check.Info.Id} needs a not-met fixture");
            seen.Should().Contain(o => o != Outcome.Met && o != Outcome.NotMet, $"{check.Info.Id} needs a partial, not-applicable or inconclusive fixture");
        }
    }

    internal static MLRepro.Reporting.Report AssessCopy(string source, string? exclude = null)
    {
        using var t = new TempDir();
        Copy(source, t.Path, exclude);
        return Assessor.Assess(t.Path, new IndexOptions { UseGit = false });
    }

    private static void Copy(string from, string to, string? exclude)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(from, file);
            if (rel != exclude)
            {
                File.Copy(file, Path.Combine(to, rel));
            }
        }
    }

    private sealed record Expected(int? Stars, List<(string Criterion, Outcome Outcome)> Outcomes);

    private static Expected ReadExpected(string path)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        int? stars = null;
        var outcomes = new List<(string, Outcome)>();
        foreach (var (k, v) in root.Children)
        {
            var key = ((YamlScalarNode)k).Value!;
            if (key == "stars")
            {
                stars = int.Parse(((YamlScalarNode)v).Value!, System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (key == "outcomes")
            {
                outcomes.AddRange(((YamlMappingNode)v).Children.Select(c => (((YamlScalarNode)c.Key).Value!, ParseOutcome(((YamlScalarNode)c.Value).Value!))));
            }
            else
            {
                outcomes.Add((key, ParseOutcome(((YamlScalarNode)v).Value!)));
            }
        }

        return new Expected(stars, outcomes);
    }

    private static Outcome ParseOutcome(string s) => Enum.Parse<Outcome>(s, ignoreCase: true);
}
