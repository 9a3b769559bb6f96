using AwesomeAssertions;
using MLRepro.Cli;
using MLRepro.Verify.Tests.Support;

namespace MLRepro.Verify.Tests;

/// <summary>A real three-stage DVC pipeline (examples/04-three-stars), run from the parsed dvc.yaml without DVC.</summary>
public sealed class PipelineVerifyTests
{
    [Fact]
    public void Dvc_pipeline_of_three_stages_reproduces_and_its_config_is_proven_used()
    {
        Env.RequireSandbox();
        Env.RequirePython("numpy", "pandas", "sklearn", "yaml");
        var example = Path.Combine(FindRepoRoot(), "examples", "04-three-stars");
        using var t = new TempDir();
        var outPath = Path.Combine(t.Path, "verify.json");
        var o = new StringWriter();
        var e = new StringWriter();
        var code = CliApp.Run(["verify", example, "--mutate", "train.max_depth=2", "--out", outPath], o, e);
        var output = o.ToString();
        code.Should().Be(CliApp.ExitOk, output + e);
        output.Should().Contain("plan from dvc.yaml").And.Contain("1. python src/prepare.py").And.Contain("3. python src/evaluate.py");
        output.Should().Contain("= models/model.pkl [pickle] Identical").And.Contain("= metrics.json [json] Identical");
        output.Should().Contain("params.yaml:train.max_depth 5 → 2: changed");
        var record = VerificationRecord.Load(outPath);
        record.Reproduced.Should().BeTrue();
        var findings = record.ToFindings();
        findings.Should().Contain(f => f.CheckId == "config.used" && f.Outcome == Findings.Outcome.Met && f.Source == Findings.Source.Verified);
        findings.Should().Contain(f => f.CheckId == "code.deterministic" && f.Outcome == Findings.Outcome.Met);
        Directory.Exists(Path.Combine(example, "models")).Should().BeFalse("the example itself is never written to");
    }

    private static string FindRepoRoot()
    {
        for (var d = AppContext.BaseDirectory; d is not null; d = Path.GetDirectoryName(d))
        {
            if (File.Exists(Path.Combine(d, "mlrepro.slnx")))
            {
                return d;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }
}
