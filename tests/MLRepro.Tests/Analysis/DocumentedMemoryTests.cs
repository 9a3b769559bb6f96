using AwesomeAssertions;
using MLRepro.Analysis;

namespace MLRepro.Tests.Analysis;

/// <summary>The one rule env.hardware and data.pipeline share for a documented main-memory need.</summary>
public sealed class DocumentedMemoryTests
{
    [Theory]
    [InlineData("Note: ~200GB RAM is required to run the feature pipeline.", "200GB RAM")]
    [InlineData("Machine: 16 cores, RAM: 208GB", "RAM: 208GB")]
    [InlineData("You need at least 32 GB of RAM.", "32 GB of RAM")]
    [InlineData("Tested on a server with 64 GB system memory.", "64 GB system memory")]
    public void Large_host_memory_is_found(string text, string expected) =>
        DocumentedMemory.LargeHostMemory(text)!.Value.Should().Be(expected);

    [Theory]
    [InlineData("A laptop with 16 GB of RAM is enough.")]
    [InlineData("Training needs a GPU with 80 GB of GPU memory.")]
    [InlineData("An A100 80GB memory card.")]
    [InlineData("The dataset is 120 GB on disk.")]
    [InlineData("version 3.10 GB")]
    public void Small_memory_gpu_memory_and_disk_are_not(string text) =>
        DocumentedMemory.LargeHostMemory(text).Should().BeNull();

    [Fact]
    public void The_threshold_is_the_first_large_statement() =>
        DocumentedMemory.LargeHostMemory("8 GB of RAM for inference; 48 GB of RAM for training")!.Groups["gb"].Value.Should().Be("48");
}
