using AwesomeAssertions;
using MLRepro.Verify.Tests.Support;

namespace MLRepro.Verify.Tests;

public sealed class SandboxTests
{
    private static readonly RunPlan s_plan = new("--cmd", ["python3 train.py"], [], [], null);

    [Fact]
    public void Command_line_confines_the_run_and_fixes_the_environment()
    {
        Env.RequireSandbox();
        var s = RunSettings.Base("proj");
        var argv = Sandbox.CommandLine(s_plan, "/tmp/x/scratch", "/tmp/x/trace", s, new SandboxOptions { MemoryBytes = 4L << 30 }, ["/home"]);
        argv.Should().Contain("--data=4294967296");
        argv.Should().ContainInOrder("-s", "KILL");
        argv.Should().ContainInOrder("--ro-bind", "/", "/");
        argv.Should().Contain(["--unshare-all", "--die-with-parent", "--new-session", "--clearenv"]);
        argv.Should().ContainInOrder("--tmpfs", "/home");
        argv.Should().ContainInOrder("--bind", "/tmp/x/scratch", Sandbox.InsideRoot);
        argv.Should().ContainInOrder("--chdir", Sandbox.InsideRoot + "/run/proj");
        argv.Should().ContainInOrder("--setenv", "PYTHONHASHSEED", "0");
        argv.Should().ContainInOrder("--setenv", "TZ", "UTC");
        argv[^1].Should().Contain("umask 022").And.Contain("set -e").And.EndWith("python3 train.py\n");

        var net = Sandbox.CommandLine(s_plan, "/tmp/x/scratch", "/tmp/x/trace", s, new SandboxOptions { Network = true }, []);
        net.Should().NotContain("--unshare-all");
        net.Should().Contain("--unshare-pid");
    }

    [Fact]
    public void Second_run_varies_every_variation()
    {
        var a = RunSettings.Base("proj");
        var b = a.WithAll("proj");
        b.DifferencesFrom(a).Should().BeEquivalentTo(Enum.GetValues<Variation>());
        a.With(Variation.HashSeed, "proj").DifferencesFrom(a).Should().Equal(Variation.HashSeed);
    }

    [Fact]
    public void Fingerprint_names_os_python_and_packages()
    {
        Env.RequirePython("numpy");
        var f = EnvironmentFingerprint.Collect(Env.Python);
        f.Os.Should().NotBe("unknown");
        f.Kernel.Should().NotBe("unknown");
        f.CpuCount.Should().BePositive();
        f.Python.Should().StartWith("/usr/bin/python3");
        f.Packages.Should().Contain(p => p.StartsWith("numpy==", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Workspace_copy_skips_vcs_and_venvs_and_can_reverse_creation_order()
    {
        using var t = new TempDir();
        t.Write("a.py", "");
        t.Write("data/b.csv", "x\n");
        t.Write(".git/HEAD", "ref");
        t.Write(".venv/bin/python", "");
        t.Write("src/__pycache__/m.pyc", "");
        Workspace.ListFiles(t.Path).Should().Equal("a.py", "data/b.csv");
        using var dest = new TempDir();
        var copied = Workspace.Copy(t.Path, Path.Combine(dest.Path, "c"), reverseOrder: true);
        copied.Should().Equal("a.py", "data/b.csv");
        File.ReadAllText(Path.Combine(dest.Path, "c", "data", "b.csv")).Should().Be("x\n");
    }
}
