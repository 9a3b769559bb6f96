using AwesomeAssertions;
using MLRepro.Cli;
using MLRepro.Verify.Tests.Support;

namespace MLRepro.Verify.Tests;

/// <summary>`mlrepro verify` through the real command line: exit codes, --plan, --out, the summary.</summary>
public sealed class VerifyCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = CliApp.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void No_plan_is_a_usage_error_that_says_how_to_give_one()
    {
        using var t = new TempDir();
        t.Write("train.py", "print(1)\n");
        var (code, _, err) = Run("verify", t.Path);
        code.Should().Be(CliApp.ExitUsage);
        err.Should().Contain("--cmd").And.Contain(".mlrepro.yaml");
    }

    [Fact]
    public void Plan_prints_without_running()
    {
        using var t = new TempDir();
        t.Write(".mlrepro.yaml", "run: python3 train.py\noutputs: [model.pkl]\n");
        var (code, output, _) = Run("verify", t.Path, "--plan");
        code.Should().Be(CliApp.ExitOk);
        output.Should().Contain("plan from .mlrepro.yaml").And.Contain("1. python3 train.py").And.Contain("model.pkl");
        File.Exists(Path.Combine(t.Path, "model.pkl")).Should().BeFalse();
    }

    [Fact]
    public void Plan_of_a_dvc_pipeline_with_foreach_and_matrix_lists_every_instance_in_order()
    {
        using var t = new TempDir();
        PipelinePlanSourceTests.WriteForeachMatrixPipeline(t);
        var (code, output, err) = Run("verify", t.Path, "--plan");
        code.Should().Be(CliApp.ExitOk, err);
        output.Should().Contain("plan from dvc.yaml")
            .And.Contain("1. python3 prepare.py --name mnist --seed 7")
            .And.Contain("2. python3 prepare.py --name cifar --seed 7")
            .And.Contain("6. python3 train.py --model forest --lr 0.01 --epochs 3")
            .And.Contain("7. (cd 'reports' && python3 ../report.py --out summary.md)")
            .And.Contain("models/forest-0.01.pkl").And.Contain("reports/metrics.json");
        output.Should().NotContain("${").And.NotContain("8.");
        Directory.Exists(Path.Combine(t.Path, "models")).Should().BeFalse();
    }

    [Fact]
    public void Bad_options_are_usage_errors()
    {
        using var t = new TempDir();
        Run("verify", t.Path, "--cmd", "true", "--timeout", "soon").Code.Should().Be(CliApp.ExitUsage);
        Run("verify", t.Path, "--cmd", "true", "--memory", "lots").Code.Should().Be(CliApp.ExitUsage);
        Run("verify", t.Path, "--cmd", "true", "--runs", "1").Code.Should().Be(CliApp.ExitUsage);
        Run("verify", Path.Combine(t.Path, "missing"), "--cmd", "true").Code.Should().Be(CliApp.ExitUsage);
    }

    [Fact]
    public void Reproducible_project_exits_0_and_writes_a_loadable_record()
    {
        Env.RequireSandbox();
        Env.RequirePython("numpy", "yaml");
        using var t = new TempDir();
        var outPath = Path.Combine(t.Path, "verify.json");
        var (code, output, err) = Run("verify", Env.Project("dead-config"), "--cmd", "python3 train.py", "--mutate", "epochs=7", "--out", outPath);
        code.Should().Be(CliApp.ExitOk, err);
        output.Should().Contain("= weights.npy [npy] Identical").And.Contain("params.yaml:epochs 5 → 7: no observable effect").And.Contain("verdict: reproduced");
        var record = VerificationRecord.Load(outPath);
        record.Probes.Single().Key.Should().Be("epochs");
        record.Environment!.Packages.Should().NotBeEmpty();
    }

    [Fact]
    public void Differing_runs_exit_1_and_name_the_differing_keys()
    {
        Env.RequireSandbox();
        Env.RequirePython();
        var (code, output, _) = Run("verify", Env.Project("hash-order"), "--cmd", "python3 make_vocab.py", "--parallel");
        code.Should().Be(CliApp.ExitFailed);
        output.Should().Contain("≠ vocab.json [json] Different").And.Contain("verdict: NOT reproduced");
    }
}
