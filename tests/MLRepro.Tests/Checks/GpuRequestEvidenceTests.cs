using AwesomeAssertions;
using MLRepro.Tests.Support;

namespace MLRepro.Tests.Checks;

/// <summary>GPU requests outside the code (CUDA builds of packages, scheduler job scripts) are named as what they are.</summary>
public sealed class GpuRequestEvidenceTests
{
    [Fact]
    public void Cuda_extras_and_slurm_gres_are_gpu_requests_not_no_gpu_use()
    {
        var report = CheckFixtureTests.AssessCopy(Path.Combine(TestPaths.Fixtures, "Checks", "gpu-requested-by-extras-and-scheduler"));
        var hardware = report.Findings.Single(f => f.Criterion == "env.hardware");

        hardware.Message.Should().NotContain("no GPU use was found");
        hardware.Evidence.Select(e => e.Note).Should().Contain(n => n.StartsWith("declares a CUDA build: jax[cuda12]", StringComparison.Ordinal))
            .And.Contain(n => n.StartsWith("the job script requests GPUs from the scheduler: --gres=gpu:1", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cuda_wheel_a_lock_file_pulled_in_is_no_gpu_request()
    {
        var report = CheckFixtureTests.AssessCopy(Path.Combine(TestPaths.Fixtures, "Checks", "cuda-wheel-only-in-lock"));
        report.Findings.Single(f => f.Criterion == "env.hardware").Message.Should().Contain("no GPU use was found");
    }
}
