using System.Text.Json;
using AwesomeAssertions;
using MLRepro.Cli.Tests.Support;
using MLRepro.Tests.Support;

namespace MLRepro.Cli.Tests.Dist;

public sealed class GitLabCodeQualityTests
{
    private static JsonElement Convert(string example, string prefix)
    {
        using var t = new TempDir();
        var json = Path.Combine(t.Path, "mlrepro.json");
        CliRunner.Run("check", Path.Combine(TestPaths.Examples, example), "-f", "json", "-o", json).ExitCode.Should().Be(0);
        var r = DistSupport.Bash("ci/gitlab-code-quality.sh", null, json, prefix);
        r.ExitCode.Should().Be(0, r.Stderr);
        return JsonDocument.Parse(r.Stdout).RootElement.Clone();
    }

    [Fact]
    public void Unmet_criteria_become_code_quality_issues_with_repository_paths()
    {
        var issues = Convert("02-one-star", "./examples/02-one-star/");
        issues.ValueKind.Should().Be(JsonValueKind.Array);
        issues.GetArrayLength().Should().BeGreaterThan(3);
        var fingerprints = new HashSet<string>(StringComparer.Ordinal);
        foreach (var i in issues.EnumerateArray())
        {
            i.GetProperty("check_name").GetString().Should().StartWith("mlrepro.");
            i.GetProperty("description").GetString().Should().NotBeNullOrWhiteSpace();
            i.GetProperty("severity").GetString().Should().BeOneOf("major", "minor");
            fingerprints.Add(i.GetProperty("fingerprint").GetString()!).Should().BeTrue("fingerprints are unique");
            i.GetProperty("fingerprint").GetString().Should().MatchRegex("^[0-9a-f]{32}$");
            var path = i.GetProperty("location").GetProperty("path").GetString()!;
            path.Should().StartWith("examples/02-one-star/");
            i.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32().Should().BePositive();
            if (!path.EndsWith("/REPRODUCIBILITY.md", StringComparison.Ordinal))
            {
                Path.Exists(Path.Combine(TestPaths.RepoRoot, path)).Should().BeTrue($"{path} is evidence in the project");
            }
        }

        issues.EnumerateArray().Select(i => i.GetProperty("check_name").GetString()).Should().Contain("mlrepro.env.example");
    }

    [Fact]
    public void Fewer_issues_for_a_better_project_and_met_criteria_are_left_out()
    {
        var low = Convert("02-one-star", "");
        var high = Convert("05-four-stars", "");
        high.GetArrayLength().Should().BeLessThan(low.GetArrayLength());
        high.EnumerateArray().Select(i => i.GetProperty("check_name").GetString()).Should().NotContain(["mlrepro.code.runs", "mlrepro.env.example"]);
        low.EnumerateArray().Should().OnlyContain(i => !i.GetProperty("location").GetProperty("path").GetString()!.StartsWith('/'));
    }
}
