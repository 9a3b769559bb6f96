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
    public void Strace_is_asked_for_seccomp_bpf_only_when_enabled()
    {
        Env.RequireSandbox();
        var s = RunSettings.Base("proj");
        var fast = Sandbox.CommandLine(s_plan, "/tmp/x/scratch", "/tmp/x/trace", s, new SandboxOptions { SeccompBpf = true }, []);
        var slow = Sandbox.CommandLine(s_plan, "/tmp/x/scratch", "/tmp/x/trace", s, new SandboxOptions { SeccompBpf = false }, []);
        var untraced = Sandbox.CommandLine(s_plan, "/tmp/x/scratch", "/tmp/x/trace", s, new SandboxOptions { Trace = false, SeccompBpf = true }, []);
        fast.Should().ContainInOrder("-f", "--seccomp-bpf", "-e", AccessTrace.TracedCalls);
        slow.Should().NotContain("--seccomp-bpf").And.Contain(AccessTrace.TracedCalls);
        untraced.Should().NotContain(AccessTrace.TracedCalls).And.NotContain("--seccomp-bpf");
        new SandboxOptions { SeccompBpf = true }.Tracer.Should().Be("strace --seccomp-bpf");
        new SandboxOptions { SeccompBpf = false }.Tracer.Should().Be("strace");
        new SandboxOptions { Trace = false }.Tracer.Should().BeNull();
    }

    [Fact]
    public void Strace_6_on_this_kernel_supports_seccomp_bpf_and_then_logs_the_same_calls()
    {
        Env.RequireSandbox();
        HostTools.StraceSeccompBpf.Should().BeTrue("Debian 12's strace 6.1 has --seccomp-bpf and the kernel has seccomp filters");
        using var t = new TempDir();
        string Trace(bool seccomp)
        {
            var o = new SandboxOptions { SeccompBpf = seccomp, UseSandbox = false };
            var settings = RunSettings.Base("p");
            var scratch = Path.Combine(t.Path, seccomp ? "a" : "b");
            var traceDir = Path.Combine(scratch, "trace");
            Directory.CreateDirectory(Path.Combine(scratch, settings.FolderName));
            Directory.CreateDirectory(Path.Combine(scratch, settings.Home));
            Directory.CreateDirectory(traceDir);
            File.WriteAllText(Path.Combine(scratch, settings.FolderName, "in.txt"), "x");
            var plan = new RunPlan("--cmd", ["cat in.txt > out.txt", "mkdir -p sub && cd sub && sh -c 'cat ../in.txt' > ../copy.txt"], [], [], null);
            var argv = Sandbox.CommandLine(plan, scratch, traceDir, settings, o, []);
            var run = Sandbox.Run(argv, Path.Combine(scratch, settings.FolderName), Sandbox.Environment(scratch, settings, o), TimeSpan.FromSeconds(30), CancellationToken.None);
            run.ExitCode.Should().Be(0, run.StderrTail);
            var trace = AccessTrace.Parse(File.ReadLines(Path.Combine(traceDir, "trace")), Path.Combine(scratch, settings.FolderName), [scratch, "/tmp"]);
            return string.Join(";", trace.ProjectReads) + " | " + string.Join(";", trace.ProjectWrites) + " | " + trace.Executed.Count;
        }

        var slow = Trace(false);
        Trace(true).Should().Be(slow).And.StartWith("in.txt | copy.txt;out.txt | ");
    }

    [Fact]
    public void Snapshot_after_a_run_rehashes_only_files_whose_size_or_time_changed_or_that_the_trace_saw_written()
    {
        using var t = new TempDir();
        var data = t.Write("data.bin", "aaaa");
        var model = t.Write("model.bin", "bbbb");
        var before = Snapshot.Take(t.Path);
        before["data.bin"].ModifiedTicks.Should().NotBe(0);

        // Same size, new content, time moved on: rehashed.
        File.WriteAllText(model, "cccc");
        File.SetLastWriteTimeUtc(model, File.GetLastWriteTimeUtc(model).AddSeconds(5));
        // Same size, new content, time put back: only the trace can tell.
        var stamp = File.GetLastWriteTimeUtc(data);
        File.WriteAllText(data, "dddd");
        File.SetLastWriteTimeUtc(data, stamp);

        var untraced = Snapshot.Take(t.Path, before, null);
        untraced["model.bin"].Hash.Should().NotBe(before["model.bin"].Hash);
        untraced["data.bin"].Should().BeSameAs(before["data.bin"], "size and time are unchanged, so the old hash is reused");

        var traced = Snapshot.Take(t.Path, before, new HashSet<string> { "data.bin" });
        traced["data.bin"].Hash.Should().Be(Snapshot.HashFile(data)).And.NotBe(before["data.bin"].Hash);
        Snapshot.Take(t.Path)["data.bin"].Hash.Should().Be(traced["data.bin"].Hash);
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
        f.Packages.Should().OnlyHaveUniqueItems();
        f.Kernel.Should().Be(File.ReadAllText("/proc/sys/kernel/osrelease").Trim());

        // importlib.metadata must list what `pip list --format=freeze` lists (the previous, slower source).
        var pip = Env.RunPython("import runpy, sys; sys.argv = ['pip', 'list', '--format=freeze', '--disable-pip-version-check']; runpy.run_module('pip', run_name='__main__')", Path.GetTempPath());
        if (pip.ExitCode != 0)
        {
            Assert.Skip("pip is not installed for " + Env.Python);
        }

        var listed = pip.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.Contains("==", StringComparison.Ordinal));
        f.Packages.Select(p => p.ToLowerInvariant()).Should().BeEquivalentTo(listed.Select(p => p.ToLowerInvariant()));
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
