using AwesomeAssertions;
using MLRepro.Assessment;
using MLRepro.Findings;
using MLRepro.Indexing;
using MLRepro.Tests.Support;

namespace MLRepro.Tests.Checks;

/// <summary>
/// code.deterministic stays met for a seeded GPU project (the scale does not count GPU kernel nondeterminism against
/// it), but says that seeding alone does not make GPU runs bit-identical unless deterministic kernels are switched on
/// (seen on an H200: bench/gpu).
/// </summary>
public sealed class GpuDeterminismNoteTests
{
    private const string Training = "torch.manual_seed(0)\nx = torch.randn(64, 10).cuda()\nmodel = torch.nn.Linear(10, 2).cuda()\n" +
                                    "loss = model(x).sum()\nloss.backward()\ntorch.save(model.state_dict(), 'model.pt')\n";

    private static MLRepro.Reporting.ReportFinding Deterministic(string source)
    {
        using var t = new TempDir();
        t.Write("train.py", source);
        t.Write("requirements.txt", "torch==2.3.1\n");
        return Assessor.Assess(t.Path, new IndexOptions { UseGit = false }).Findings.Single(f => f.Criterion == "code.deterministic");
    }

    [Fact]
    public void Seeded_gpu_training_without_deterministic_kernels_is_met_with_a_note_on_deterministic_kernels()
    {
        var f = Deterministic("import torch\n" + Training);
        f.Outcome.Should().Be(Outcome.Met);
        f.Message.Should().Contain("on a GPU");
        f.Message.Should().Contain("torch.use_deterministic_algorithms(True)");
        f.Evidence.Should().Contain(e => e.Path == "train.py" && e.Note.Contains("without deterministic kernels"));
    }

    [Theory]
    [InlineData("torch.use_deterministic_algorithms(True)\n")]
    [InlineData("torch.backends.cudnn.deterministic = True\n")]
    public void Deterministic_kernels_remove_the_note(string setting)
    {
        var f = Deterministic("import torch\n" + setting + Training);
        f.Outcome.Should().Be(Outcome.Met);
        f.Message.Should().NotContain("on a GPU");
    }

    [Fact]
    public void Cpu_training_has_no_gpu_note()
    {
        var f = Deterministic("import torch\n" + Training.Replace(".cuda()", "", StringComparison.Ordinal));
        f.Outcome.Should().Be(Outcome.Met);
        f.Message.Should().NotContain("GPU");
    }
}
