using AwesomeAssertions;
using MLRepro.Findings;
using MLRepro.Indexing;
using MLRepro.Model;
using MLRepro.Verify.Tests.Support;

namespace MLRepro.Verify.Tests;

/// <summary>
/// Runs on a GPU that differ while every random generator is seeded are GPU kernel nondeterminism, which the scale
/// does not count as a failure of code.deterministic on its own: the merged verdict is Partial, not NotMet. The
/// difference here comes from the clock (a real run, CPU only; CI has no GPU), and the record is marked as taken on a
/// GPU machine, as a record made on the H200 was (bench/gpu).
/// </summary>
public sealed class GpuKernelMergeTests
{
    private const string Script = "import json\nimport time\n\n\ndef to_device(model):\n    return model.to(\"cuda\")\n\n\n" +
                                  "with open(\"metrics.json\", \"w\") as f:\n    json.dump({\"t\": time.time_ns()}, f)\n";

    // The model reads the project lazily, so the folder lives as long as the test.
    private static (VerificationRecord Record, ProjectModel Model) Differing(TempDir t, string script)
    {
        t.Write("train.py", script);
        var r = Verifier.Run(t.Path, Env.Cmd("python3 train.py"), Env.Options(o => o with { ProbeConfig = false }), TestContext.Current.CancellationToken);
        r.Runs.Should().HaveCount(2);
        r.Reproduced.Should().BeFalse(r.Runs[0].StderrTail);
        return (r, ProjectModel.Open(t.Path, new IndexOptions { UseGit = false }));
    }

    // The tests' options skip the fingerprint; the record gets the one a GPU machine gives (or none).
    private static VerificationRecord On(VerificationRecord r, string? gpu) =>
        r with { Environment = new EnvironmentFingerprint("Ubuntu 24.04.3 LTS", "6.18.44", "Intel(R) Xeon(R) Processor", 16, gpu, "/usr/bin/python3 3.12.3", [], new Dictionary<string, string>()) };

    private static VerificationRecord OnGpu(VerificationRecord r) => On(r, "NVIDIA H200, 580.159.04, 143771 MiB");

    [Fact]
    public void Differing_runs_on_a_gpu_with_everything_seeded_are_partial()
    {
        Env.RequireSandbox();
        Env.RequirePython();
        using var t = new TempDir();
        var (r, model) = Differing(t, Script);
        var cpu = VerificationMerge.Findings(On(r, null), model).Single(f => f.CheckId == "code.deterministic");
        cpu.Outcome.Should().Be(Outcome.NotMet);

        var gpu = VerificationMerge.Findings(OnGpu(r), model).Single(f => f.CheckId == "code.deterministic");
        gpu.Outcome.Should().Be(Outcome.Partial);
        gpu.Source.Should().Be(Source.Verified);
        gpu.Message.Should().Contain("GPU kernel nondeterminism").And.Contain("metrics.json");
        gpu.Fix.Should().Contain("torch.use_deterministic_algorithms(True)");
    }

    [Fact]
    public void An_unseeded_generator_keeps_differing_gpu_runs_not_met()
    {
        Env.RequireSandbox();
        Env.RequirePython();
        using var t = new TempDir();
        var (r, model) = Differing(t, "import random\n" + Script + "print(random.random())\n");
        model.Randomness.Unseeded.Should().NotBeEmpty();
        VerificationMerge.Findings(OnGpu(r), model).Single(f => f.CheckId == "code.deterministic").Outcome.Should().Be(Outcome.NotMet);
    }
}
