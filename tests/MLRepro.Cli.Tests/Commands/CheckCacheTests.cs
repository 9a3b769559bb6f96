using AwesomeAssertions;
using MLRepro.Cli.Tests.Support;
using MLRepro.Tests.Support;

namespace MLRepro.Cli.Tests.Commands;

public sealed class CheckCacheTests
{
    [Theory]
    [InlineData("json")]
    [InlineData("text")]
    public void Output_with_a_cold_or_warm_cache_is_byte_identical_to_output_without(string format)
    {
        using var t = new TempDir();
        var project = Path.Combine(TestPaths.Examples, "05-four-stars");
        var cache = Path.Combine(t.Path, "cache");
        var none = CliRunner.Run("check", project, "--format", format, "--no-cache");
        var cold = CliRunner.Run("check", project, "--format", format, "--cache-dir", cache);
        var entries = Directory.EnumerateFiles(cache, "*.bin", SearchOption.AllDirectories).Count();
        var warm = CliRunner.Run("check", project, "--format", format, "--cache-dir", cache);

        none.ExitCode.Should().Be(0, none.Stderr);
        entries.Should().BeGreaterThan(0, "the first run stores the project's Python summaries");
        Directory.EnumerateFiles(cache, "*.bin", SearchOption.AllDirectories).Count().Should().Be(entries, "the second run only reads");
        cold.Stdout.Should().Be(none.Stdout);
        warm.Stdout.Should().Be(none.Stdout);
    }

    [Fact]
    public void A_cache_folder_inside_the_project_is_never_written()
    {
        using var t = new TempDir();
        t.Write("train.py", "import random\nrandom.seed(0)\nprint(random.random())\n");
        var r = CliRunner.Run("check", t.Path, "--cache-dir", Path.Combine(t.Path, ".mlrepro-cache"));
        r.ExitCode.Should().Be(0, r.Stderr);
        Directory.Exists(Path.Combine(t.Path, ".mlrepro-cache")).Should().BeFalse();
    }
}
