using System.Text.Json;
using AwesomeAssertions;
using MLRepro.Cli.Tests.Support;
using MLRepro.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace MLRepro.Cli.Tests.Dist;

/// <summary>action.yml and ci/github-action.sh, run with the environment GitHub gives a composite step.</summary>
public sealed class GitHubActionTests
{
    private sealed record ActionRun(DistSupport.ProcessResult Process, string Summary, string Output, string Sarif);

    private static ActionRun RunAction(string workspace, string path, IReadOnlyDictionary<string, string>? inputs = null)
    {
        // RUNNER_TEMP: where the runner keeps files between steps; the SARIF and JSON reports go there.
        using var temp = new TempDir();
        var runner = temp.Path;
        var env = new Dictionary<string, string>
        {
            ["GITHUB_WORKSPACE"] = workspace,
            ["GITHUB_STEP_SUMMARY"] = Path.Combine(runner, "step_summary.md"),
            ["GITHUB_OUTPUT"] = Path.Combine(runner, "output.txt"),
            ["RUNNER_TEMP"] = runner,
            ["MLREPRO"] = DistSupport.MlreproCommand,
            ["INPUT_PATH"] = path,
        };
        foreach (var (k, v) in inputs ?? new Dictionary<string, string>())
        {
            env[k] = v;
        }

        var p = DistSupport.Bash("ci/github-action.sh", env);
        static string Read(string f) => File.Exists(f) ? File.ReadAllText(f) : "";
        return new ActionRun(p, Read(env["GITHUB_STEP_SUMMARY"]), Read(env["GITHUB_OUTPUT"]), Read(Path.Combine(runner, "mlrepro.sarif")));
    }

    [Fact]
    public void Below_min_stars_fails_but_still_writes_summary_sarif_and_stars()
    {
        var run = RunAction(TestPaths.RepoRoot, "examples/04-three-stars", new Dictionary<string, string> { ["INPUT_MIN_STARS"] = "4" });
        run.Process.ExitCode.Should().Be(1, run.Process.Stdout + run.Process.Stderr);
        run.Process.Stdout.Should().Contain("::error title=mlrepro::3 star(s), below the required 4");
        run.Output.Split('\n').Should().Contain("stars=3");
        run.Summary.Should().StartWith("# ML Reproducibility Report — 04-three-stars").And.Contain("3 of 5 stars");
        using var sarif = JsonDocument.Parse(run.Sarif);
        sarif.RootElement.GetProperty("version").GetString().Should().Be("2.1.0");
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results");
        results.GetArrayLength().Should().BeGreaterThan(0, "the unmet ★4 criteria are results");
        run.Output.Should().MatchRegex(@"(?m)^sarif-file=/.+/mlrepro\.sarif$").And.MatchRegex(@"(?m)^report-file=/.+/mlrepro\.json$");
    }

    [Fact]
    public void At_or_above_min_stars_passes()
    {
        using var t = new TempDir();
        CliRunner.Copy(Path.Combine(TestPaths.Examples, "05-four-stars"), Path.Combine(t.Path, "ml"));
        var run = RunAction(t.Path, "ml", new Dictionary<string, string> { ["INPUT_MIN_STARS"] = "4", ["INPUT_SARIF"] = "false" });
        run.Process.ExitCode.Should().Be(0, run.Process.Stdout + run.Process.Stderr);
        run.Output.Split('\n').Should().Contain("stars=4").And.NotContain(l => l.StartsWith("sarif-file=", StringComparison.Ordinal));
        run.Summary.Should().Contain("4 of 5 stars");
        run.Sarif.Should().BeEmpty("sarif: false writes none");
    }

    [Fact]
    public void Contradicted_claims_fail_unless_disabled()
    {
        using var t = new TempDir();
        CliRunner.Copy(Path.Combine(TestPaths.Examples, "03-two-stars"), t.Path);
        t.Write("REPRODUCIBILITY.md", "# ML Reproducibility Report\n\n## 4. Environment\n- [x] Example environment: a Docker image\n");
        var run = RunAction(t.Path, ".");
        run.Process.ExitCode.Should().Be(1, run.Process.Stdout + run.Process.Stderr);
        run.Process.Stdout.Should().Contain("env.example");
        run.Summary.Should().Contain("### REPRODUCIBILITY.md claims");
        run.Output.Should().Contain("stars=");

        var off = RunAction(t.Path, ".", new Dictionary<string, string> { ["INPUT_FAIL_ON_CLAIMS"] = "false" });
        off.Process.ExitCode.Should().Be(0, off.Process.Stdout + off.Process.Stderr);
    }

    [Fact]
    public void Verify_merges_what_the_runs_showed_and_differing_runs_fail()
    {
        if (DistSupport.Run("sh", ["-c", "command -v bwrap"]).ExitCode != 0)
        {
            Assert.Skip("bubblewrap is not installed (verify's sandbox)");
        }

        using var t = new TempDir();
        CliRunner.Copy(Path.Combine(TestPaths.Examples, "02-one-star"), t.Path);
        t.Write(".mlrepro.yaml", "run: python3 train.py\n");
        var run = RunAction(t.Path, ".", new Dictionary<string, string> { ["INPUT_VERIFY"] = "true", ["INPUT_SARIF"] = "false" });
        run.Process.ExitCode.Should().Be(0, run.Process.Stdout + run.Process.Stderr);
        run.Process.Stdout.Should().Contain("::group::mlrepro verify");
        run.Summary.Should().Contain("— *verified*").And.Contain("Verified criteria:").And.NotContain("Not verified by running yet", "the summary is the assessment with the verification merged");
        run.Output.Should().Contain("stars=");

        // An unseeded output differs between the two runs: the step fails, and still reports.
        t.Write(".mlrepro.yaml", "run: python3 -c \"import random; open('out.txt', 'w').write(str(random.random()))\"\noutputs: [out.txt]\n");
        var differ = RunAction(t.Path, ".", new Dictionary<string, string> { ["INPUT_VERIFY"] = "true", ["INPUT_SARIF"] = "false" });
        differ.Process.ExitCode.Should().Be(1, differ.Process.Stdout + differ.Process.Stderr);
        differ.Process.Stdout.Should().Contain("the runs differ");
        differ.Summary.Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("INPUT_MIN_STARS", "6")]
    [InlineData("INPUT_MIN_STARS", "three")]
    [InlineData("INPUT_SARIF", "yes")]
    [InlineData("INPUT_PATH", "no/such/folder")]
    public void Bad_inputs_exit_2(string name, string value)
    {
        var run = RunAction(TestPaths.RepoRoot, "examples/02-one-star", new Dictionary<string, string> { [name] = value });
        run.Process.ExitCode.Should().Be(2);
        run.Process.Stdout.Should().Contain("::error");
    }

    [Fact]
    public void Action_yml_is_a_composite_action_wired_to_the_script()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "action.yml"))));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var inputs = (YamlMappingNode)root["inputs"];
        inputs.Children.Keys.Select(k => k.ToString()).Should().Contain(["path", "min-stars", "verify", "sarif", "fail-on-claims"]);
        ((YamlMappingNode)root["outputs"]).Children.Keys.Select(k => k.ToString()).Should().Contain("stars");
        var runs = (YamlMappingNode)root["runs"];
        runs["using"].ToString().Should().Be("composite");
        var steps = ((YamlSequenceNode)runs["steps"]).Children.Cast<YamlMappingNode>().ToList();
        string? Get(YamlMappingNode s, string k) => s.Children.TryGetValue(new YamlScalarNode(k), out var v) ? v.ToString() : null;
        var uses = steps.Select(s => Get(s, "uses")).OfType<string>().Select(u => u.Split('@')[0]).ToList();
        uses.Should().Contain(["actions/setup-dotnet", "github/codeql-action/upload-sarif"]);
        steps.Where(s => Get(s, "run") is not null).Select(s => Get(s, "shell")).Should().OnlyContain(sh => sh == "bash", "composite run steps need a shell");

        // Every script a step runs exists, and every input reaches the script through its INPUT_ variable.
        var scripts = steps.Select(s => Get(s, "run")).OfType<string>()
            .SelectMany(r => System.Text.RegularExpressions.Regex.Matches(r, @"ci/[\w.-]+\.sh").Select(m => m.Value)).ToList();
        scripts.Should().Contain(["ci/github-action.sh", "ci/github-action-install.sh"]);
        scripts.Should().OnlyContain(s => File.Exists(Path.Combine(TestPaths.RepoRoot, s)));
        var runStep = steps.Single(s => Get(s, "id") == "mlrepro");
        var env = (YamlMappingNode)runStep["env"];
        var script = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "ci", "github-action.sh"));
        foreach (var input in new[] { "path", "min-stars", "verify", "sarif", "fail-on-claims" })
        {
            var variable = "INPUT_" + input.ToUpperInvariant().Replace('-', '_');
            env[variable].ToString().Should().Be("${{ inputs." + input + " }}");
            script.Should().Contain(variable);
        }

        root["outputs"]["stars"]["value"].ToString().Should().Be("${{ steps.mlrepro.outputs.stars }}");
    }
}
