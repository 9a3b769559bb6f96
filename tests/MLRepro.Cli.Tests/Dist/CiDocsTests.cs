using System.Text.RegularExpressions;
using AwesomeAssertions;
using MLRepro.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace MLRepro.Cli.Tests.Dist;

/// <summary>The snippets users copy from docs/ci.md match what the repository offers, and the ci/ scripts parse.</summary>
public sealed class CiDocsTests
{
    private static readonly string s_ciMd = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "ci.md"));

    private static List<YamlMappingNode> YamlBlocks() =>
        Regex.Matches(s_ciMd, "```yaml\n(.*?)```", RegexOptions.Singleline).Select(m =>
        {
            var y = new YamlStream();
            y.Load(new StringReader(m.Groups[1].Value));
            return (YamlMappingNode)y.Documents[0].RootNode;
        }).ToList();

    private static IEnumerable<YamlNode> All(YamlNode n) => n switch
    {
        YamlMappingNode m => m.Children.Values.SelectMany(All).Prepend(n),
        YamlSequenceNode s => s.Children.SelectMany(All).Prepend(n),
        _ => [n],
    };

    private static HashSet<string> Keys(string file, string section)
    {
        var y = new YamlStream();
        y.Load(new StringReader(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, file))));
        return ((YamlMappingNode)((YamlMappingNode)y.Documents[0].RootNode)[section]).Children.Keys.Select(k => k.ToString()).ToHashSet(StringComparer.Ordinal);
    }

    [Fact]
    public void Workflow_example_uses_only_inputs_the_action_declares()
    {
        var blocks = YamlBlocks();
        blocks.Should().HaveCountGreaterThanOrEqualTo(3, "GitHub workflow, pre-commit config, GitLab job");
        var actionSteps = blocks.SelectMany(b => All(b)).OfType<YamlMappingNode>()
            .Where(m => m.Children.TryGetValue(new YamlScalarNode("uses"), out var u) && u.ToString().StartsWith("mlrepro/mlrepro@", StringComparison.Ordinal)).ToList();
        actionSteps.Should().ContainSingle();
        var with = ((YamlMappingNode)actionSteps[0]["with"]).Children.Keys.Select(k => k.ToString());
        Keys("action.yml", "inputs").Should().Contain(with);
        s_ciMd.Should().Contain("steps.mlrepro.outputs.stars");
        Keys("action.yml", "outputs").Should().Contain("stars");
    }

    [Fact]
    public void Pre_commit_example_names_hooks_that_exist()
    {
        var y = new YamlStream();
        y.Load(new StringReader(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, ".pre-commit-hooks.yaml"))));
        var ids = ((YamlSequenceNode)y.Documents[0].RootNode).Children.Select(h => h["id"].ToString()).ToHashSet(StringComparer.Ordinal);
        var mentioned = Regex.Matches(s_ciMd, @"id: (mlrepro-[\w-]+)").Select(m => m.Groups[1].Value).ToList();
        mentioned.Should().NotBeEmpty();
        ids.Should().Contain(mentioned);
    }

    [Fact]
    public void Gitlab_job_writes_the_report_gitlab_reads()
    {
        var job = YamlBlocks().Single(b => b.Children.ContainsKey(new YamlScalarNode("mlrepro")))["mlrepro"];
        var script = string.Join('\n', ((YamlSequenceNode)job["script"]).Children.Select(c => c.ToString()));
        var report = job["artifacts"]["reports"]["codequality"].ToString();
        script.Should().Contain("ci/gitlab-code-quality.sh").And.Contain("> " + report);
        File.Exists(Path.Combine(TestPaths.RepoRoot, "ci", "gitlab-code-quality.sh")).Should().BeTrue();
    }

    [Fact]
    public void Every_ci_script_parses()
    {
        var scripts = Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "ci"), "*.sh");
        scripts.Should().HaveCountGreaterThanOrEqualTo(5);
        foreach (var s in scripts)
        {
            var r = DistSupport.Run("bash", ["-n", s]);
            r.ExitCode.Should().Be(0, $"{s}: {r.Stderr}");
        }
    }
}
