using AwesomeAssertions;
using MLRepro.Cli.Tests.Support;
using MLRepro.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace MLRepro.Cli.Tests.Dist;

public sealed class PreCommitHooksTests
{
    private static List<YamlMappingNode> Hooks()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, ".pre-commit-hooks.yaml"))));
        return ((YamlSequenceNode)yaml.Documents[0].RootNode).Children.Cast<YamlMappingNode>().ToList();
    }

    private static string Get(YamlMappingNode hook, string key) => hook.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v.ToString() : "";

    [Fact]
    public void Hooks_have_the_fields_pre_commit_requires()
    {
        var hooks = Hooks();
        hooks.Select(h => Get(h, "id")).Should().Equal("mlrepro-report-check", "mlrepro-report");
        foreach (var h in hooks)
        {
            // pre-commit's manifest schema: id, name, entry and language are required.
            Get(h, "name").Should().NotBeEmpty();
            Get(h, "language").Should().BeOneOf("system", "dotnet");
            Get(h, "pass_filenames").Should().Be("false", "mlrepro reads the whole project, not the staged files");
            Get(h, "entry").Should().StartWith("mlrepro report");
        }

        Get(hooks[0], "entry").Should().Be("mlrepro report --check");
        Get(hooks[1], "entry").Should().Be("mlrepro report");
    }

    [Fact]
    public void Each_entry_does_what_the_hook_says_in_a_project()
    {
        // pre-commit runs the entry in the repository root with no file names (pass_filenames: false).
        using var t = new TempDir();
        CliRunner.Copy(Path.Combine(TestPaths.Examples, "04-three-stars"), t.Path);
        var hooks = Hooks().ToDictionary(h => Get(h, "id"), h => Get(h, "entry").Split(' ').Skip(1).Append(t.Path).ToArray());

        CliRunner.Run(hooks["mlrepro-report-check"]).ExitCode.Should().Be(1, "no REPRODUCIBILITY.md yet");
        CliRunner.Run(hooks["mlrepro-report"]).ExitCode.Should().Be(0);
        File.Exists(Path.Combine(t.Path, "REPRODUCIBILITY.md")).Should().BeTrue();
        CliRunner.Run(hooks["mlrepro-report-check"]).ExitCode.Should().Be(0);
        t.Write("REPRODUCIBILITY.md", File.ReadAllText(Path.Combine(t.Path, "REPRODUCIBILITY.md")).Replace("- [ ] ", "- [x] ", StringComparison.Ordinal));
        CliRunner.Run(hooks["mlrepro-report-check"]).ExitCode.Should().Be(1, "ticking boxes the evidence denies fails the hook");
    }
}
