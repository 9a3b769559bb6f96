using AwesomeAssertions;

namespace MLRepro.Verify.Tests;

public sealed class AccessTraceTests
{
    [Fact]
    public void Parses_reads_writes_outside_accesses_network_and_resumed_calls()
    {
        string[] lines =
        [
            """10 execve("/usr/bin/python3", ["python3", "train.py"], 0x7ffd /* 9 vars */) = 0""",
            """10 openat(AT_FDCWD, "/usr/lib/python3.11/os.py", O_RDONLY|O_CLOEXEC) = 3""",
            """10 openat(AT_FDCWD, "train.py", O_RDONLY|O_CLOEXEC) = 3""",
            """10 openat(AT_FDCWD, "/tmp/w/p/data/x.csv", O_RDONLY|O_CLOEXEC) = 3""",
            """10 openat(AT_FDCWD, "/home/alice/data.csv", O_RDONLY|O_CLOEXEC) = -1 ENOENT (No such file or directory)""",
            """10 openat(AT_FDCWD, "/tmp/scratch.bin", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 4""",
            """10 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|SIGCHLD) = 11""",
            """11 chdir("out") = 0""",
            """11 openat(AT_FDCWD, "model.pkl", O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC, 0666 <unfinished ...>""",
            """10 openat(AT_FDCWD, "/etc/passwd", O_RDONLY) = 5""",
            """11 <... openat resumed>) = 6""",
            """10 openat(AT_FDCWD, "/srv/shared/labels.csv", O_RDONLY) = 7""",
            """10 openat(AT_FDCWD, "/opt/x", O_WRONLY|O_CREAT, 0644) = -1 EROFS (Read-only file system)""",
            """10 connect(3, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("10.0.0.1")}, 16) = -1 ENETUNREACH (Network is unreachable)""",
            """10 rename("/tmp/w/p/out/tmp.json", "/tmp/w/p/out/metrics.json") = 0""",
            """10 +++ exited with 0 +++""",
        ];
        var t = AccessTrace.Parse(lines, "/tmp/w/p", ["/tmp"]);
        t.ProjectReads.Should().Equal("data/x.csv", "train.py");
        t.ProjectWrites.Should().Equal("out/metrics.json", "out/model.pkl", "out/tmp.json");
        t.Outside.Should().BeEquivalentTo(new[]
        {
            new OutsideAccess("/home/alice/data.csv", false, "ENOENT"),
            new OutsideAccess("/srv/shared/labels.csv", false, null),
            new OutsideAccess("/opt/x", true, "EROFS"),
        });
        t.Network.Should().ContainSingle().Which.Error.Should().Be("ENETUNREACH");
        t.Network[0].Address.Should().Contain("10.0.0.1");
        t.Executed.Should().Equal("/usr/bin/python3");
    }

    [Fact]
    public void Reads_and_probes_inside_the_interpreters_own_folders_are_environment_not_hidden_inputs()
    {
        string[] lines =
        [
            """7 openat(AT_FDCWD, "/opt/torch/.venv/bin/python._pth", O_RDONLY) = -1 ENOENT (No such file or directory)""",
            """7 openat(AT_FDCWD, "/opt/torch/.venv/lib/python3.12/nvidia/lib/glibc-hwcaps/x86-64-v3/libtorch_python.so", O_RDONLY|O_CLOEXEC) = -1 ENOENT (No such file or directory)""",
            """7 openat(AT_FDCWD, "/opt/torch/.venv/lib/python3.12/site-packages/torch/__init__.py", O_RDONLY|O_CLOEXEC) = 3""",
            """7 openat(AT_FDCWD, "/opt/torch/.venv-data/train.csv", O_RDONLY) = 3""",
            """7 openat(AT_FDCWD, "/home/alice/data.csv", O_RDONLY) = -1 ENOENT (No such file or directory)""",
        ];
        var t = AccessTrace.Parse(lines, "/tmp/w/p", ["/tmp"], ["/opt/torch/.venv"]);
        t.Outside.Select(o => o.Path).Should().Equal("/opt/torch/.venv-data/train.csv", "/home/alice/data.csv");
        AccessTrace.Parse(lines, "/tmp/w/p", ["/tmp"]).Outside.Should().HaveCount(5);
    }

    [Fact]
    public void Interpreter_prefixes_are_the_parent_of_bin_outside_system_folders()
    {
        AccessTrace.InterpreterPrefixes("/opt/torch/.venv/bin/python3").Should().Equal("/opt/torch/.venv");
        AccessTrace.InterpreterPrefixes("/usr/bin/python3").Should().NotContain("/usr");
        AccessTrace.InterpreterPrefixes("python3").Should().BeEmpty();
    }
}
