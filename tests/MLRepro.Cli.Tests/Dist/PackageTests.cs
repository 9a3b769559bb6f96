using System.Diagnostics;
using AwesomeAssertions;
using MLRepro.Tests.Support;

namespace MLRepro.Cli.Tests.Dist;

/// <summary>The .NET tool package: packed from the CLI already built for the tests (so it takes seconds, not a rebuild), installed offline from that folder only.</summary>
public sealed class PackageTests
{
    [Fact]
    public void Pack_installs_offline_as_a_dotnet_tool_that_runs()
    {
        using var t = new TempDir();
        var config = new DirectoryInfo(Path.GetDirectoryName(DistSupport.MlreproDll)!).Parent!.Name;
        var clock = Stopwatch.StartNew();
        var pack = DistSupport.Run("dotnet", ["pack", "src/MLRepro.Cli", "-c", config, "--no-build", "-o", Path.Combine(t.Path, "nupkg")]);
        pack.ExitCode.Should().Be(0, pack.Stdout + pack.Stderr);
        var nupkg = Directory.GetFiles(Path.Combine(t.Path, "nupkg"), "*.nupkg").Should().ContainSingle().Subject;
        Path.GetFileName(nupkg).Should().MatchRegex(@"^mlrepro\.\d+\.\d+\.\d+.*\.nupkg$", "the package id is mlrepro");

        using (var zip = System.IO.Compression.ZipFile.OpenRead(nupkg))
        {
            var names = zip.Entries.Select(e => e.FullName).ToList();
            names.Should().Contain(n => n.EndsWith("/any/mlrepro.dll", StringComparison.Ordinal)).And.Contain(n => n.EndsWith("/any/MLRepro.Core.dll", StringComparison.Ordinal));
            names.Should().Contain(n => n.EndsWith("DotnetToolSettings.xml", StringComparison.Ordinal));
            using var settings = new StreamReader(zip.Entries.First(e => e.FullName.EndsWith("DotnetToolSettings.xml", StringComparison.Ordinal)).Open());
            settings.ReadToEnd().Should().Contain("Name=\"mlrepro\"");
        }

        var tool = Path.Combine(t.Path, "tool");
        var install = DistSupport.Bash("ci/install-tool.sh", null, Path.Combine(t.Path, "nupkg"), tool);
        install.ExitCode.Should().Be(0, install.Stdout + install.Stderr);

        var version = DistSupport.Run(Path.Combine(tool, "mlrepro"), ["--version"]);
        version.ExitCode.Should().Be(0, version.Stderr);
        version.Stdout.Trim().Should().StartWith(typeof(CliApp).Assembly.GetName().Version!.ToString(3));
        var check = DistSupport.Run(Path.Combine(tool, "mlrepro"), ["check", "examples/04-three-stars", "--min-stars", "3"]);
        check.ExitCode.Should().Be(0, check.Stderr);
        check.Stdout.Should().Contain("3 of 5 stars");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromMinutes(2), "CI packs and installs the tool in every run");
    }
}
