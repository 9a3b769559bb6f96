using System.Text.RegularExpressions;
using AwesomeAssertions;
using MLRepro.Checks;
using MLRepro.Tests.Support;

namespace MLRepro.Tests.Checks;

public sealed partial class CheckRegistryTests
{
    [Fact]
    public void Every_criterion_of_the_spec_has_exactly_one_check()
    {
        var spec = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "scale.md"));
        var ids = CriterionId().Matches(spec).Select(m => m.Groups[1].Value).Distinct().ToList();
        ids.Should().HaveCount(16);
        CheckRegistry.All.Select(c => c.Info.Id).Should().BeEquivalentTo(ids);
        CheckRegistry.All.Select(c => c.Info.Id).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Each_check_lives_in_a_file_named_after_its_id_and_its_level_folder()
    {
        foreach (var check in CheckRegistry.All)
        {
            var type = check.GetType();
            var parts = check.Info.Id.Split('.');
            var expectedName = string.Concat(parts.SelectMany(p => p.Split('-')).Select(w => char.ToUpperInvariant(w[0]) + w[1..])) + "Check";
            type.Name.Should().Be(expectedName);
            type.Namespace.Should().Be("MLRepro.Checks." + check.Info.Level switch
            {
                Findings.StarLevel.Code => "Code",
                Findings.StarLevel.Configuration => "Config",
                Findings.StarLevel.Data => "Data",
                Findings.StarLevel.Environment => "Environment",
                _ => "Evaluation",
            });
            check.Info.Title.Should().NotBeNullOrWhiteSpace();
            check.Info.Fix.Should().NotBeNullOrWhiteSpace();
            check.Info.HowChecked.Length.Should().BeGreaterThan(40);
        }
    }

    [GeneratedRegex(@"^- `([a-z]+\.[a-z-]+)` —", RegexOptions.Multiline)]
    private static partial Regex CriterionId();
}
