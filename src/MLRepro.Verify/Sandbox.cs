using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace MLRepro.Verify;

/// <summary>How runs are confined and limited.</summary>
public sealed record SandboxOptions
{
    /// <summary>Run inside bubblewrap (refused when bwrap is missing, unless <see cref="AllowUnsandboxed"/>).</summary>
    public bool UseSandbox { get; init; } = true;

    /// <summary>Run without a sandbox when bubblewrap is missing (--no-sandbox).</summary>
    public bool AllowUnsandboxed { get; init; }

    /// <summary>Give the run the host's network (--network).</summary>
    public bool Network { get; init; }

    /// <summary>Memory limit (prlimit --data: heap and private writable mappings). Not --as: CUDA, JAX and other
    /// runtimes reserve far more address space than they use, and an address-space limit makes them fail to start. Null: none.</summary>
    public long? MemoryBytes { get; init; } = 16L << 30;

    /// <summary>Largest file a run may write (prlimit --fsize).</summary>
    public long FileSizeBytes { get; init; } = 8L << 30;

    /// <summary>Time limit of one run (all of its commands).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>The interpreter the project runs with; its folder goes first on PATH.</summary>
    public string Python { get; init; } = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    /// <summary>Record file accesses with strace when it is installed.</summary>
    public bool Trace { get; init; } = true;

    /// <summary>Ask strace for seccomp-bpf filtering when it supports it (null: when <see cref="HostTools.StraceSeccompBpf"/>).</summary>
    public bool? SeccompBpf { get; init; }

    /// <summary>Whether strace runs with --seccomp-bpf.</summary>
    public bool EffectiveSeccompBpf => SeccompBpf ?? HostTools.StraceSeccompBpf;

    /// <summary>The tracer as the record names it: "strace --seccomp-bpf", "strace", or null when untraced.</summary>
    public string? Tracer => Trace ? EffectiveSeccompBpf ? "strace --seccomp-bpf" : "strace" : null;

    /// <summary>Host folders hidden from the run (an empty tmpfs over each): private data such as ~/.ssh. Null: /home, /root and $HOME.</summary>
    public IReadOnlyList<string>? HiddenPaths { get; init; }

    /// <summary>The folders to hide: <see cref="HiddenPaths"/> or the defaults.</summary>
    public IReadOnlyList<string> EffectiveHiddenPaths =>
        HiddenPaths ?? ["/home", "/root", .. System.Environment.GetEnvironmentVariable("HOME") is { Length: > 1 } h ? [h] : Array.Empty<string>()];
}

/// <summary>Tools found on this machine.</summary>
public static class HostTools
{
    /// <summary>Path of an executable on PATH (or the standard Debian folders), or null.</summary>
    public static string? Find(string name)
    {
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/bin", "/bin", "/usr/sbin", "/sbin"]);
        foreach (var d in dirs)
        {
            var p = Path.Combine(d, name);
            if (File.Exists(p))
            {
                return p;
            }
        }

        return null;
    }

    /// <summary>bubblewrap.</summary>
    public static string? Bwrap => Find("bwrap");

    /// <summary>strace.</summary>
    public static string? Strace => Find("strace");

    private static readonly Lazy<bool> s_seccomp = new(() => Strace is { } s && ProbeSeccomp(s));

    /// <summary>
    /// Whether the installed strace can filter with seccomp-bpf (strace ≥ 5.3 on a kernel with seccomp filters): the traced
    /// process then stops only at the traced calls instead of at every system call. Tried once per process.
    /// </summary>
    public static bool StraceSeccompBpf => s_seccomp.Value;

    private static bool ProbeSeccomp(string strace)
    {
        try
        {
            var psi = new ProcessStartInfo(strace) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "-f", "--seccomp-bpf", "-qq", "-e", "trace=openat", "-o", "/dev/null", "/bin/true" })
            {
                psi.ArgumentList.Add(a);
            }

            using var p = Process.Start(psi);
            if (p is null)
            {
                return false;
            }

            var err = p.StandardError.ReadToEndAsync();
            _ = p.StandardOutput.ReadToEnd();
            if (!p.WaitForExit(10_000))
            {
                p.Kill(true);
                return false;
            }

            // An old strace rejects the option (exit 1, "unrecognized option"); one on a kernel without seccomp filters
            // warns and traces the slow way. Either way: do not ask for it.
            return p.ExitCode == 0 && err.Result.Trim().Length == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}

/// <summary>The result of running a plan's commands once.</summary>
/// <param name="ExitCode">The exit status (of the first failing command, or 0); 137 when killed.</param>
/// <param name="TimedOut">Killed for exceeding the time limit.</param>
/// <param name="Duration">Wall-clock time.</param>
/// <param name="StdoutTail">The last lines of standard output.</param>
/// <param name="StderrTail">The last lines of standard error.</param>
public sealed record ProcessOutcome(int ExitCode, bool TimedOut, TimeSpan Duration, string StdoutTail, string StderrTail);

/// <summary>Builds the command line of one confined run and runs it, killing every child on timeout or cancellation.</summary>
public static class Sandbox
{
    /// <summary>Characters of stdout/stderr kept.</summary>
    public const int TailChars = 4000;

    /// <summary>Where the scratch area is mounted inside the sandbox (a private tmpfs).</summary>
    public const string InsideRoot = "/tmp/mlrepro";

    /// <summary>Where the trace folder is mounted inside the sandbox.</summary>
    public const string InsideTrace = "/tmp/.mlrepro-trace";

    /// <summary>The shell script that runs the plan's commands in order, stopping at the first failure.</summary>
    public static string Script(RunPlan plan, RunSettings settings, string? python = null)
    {
        var sb = new StringBuilder();
        sb.Append("umask ").Append(settings.Umask).Append('\n');
        if (python is not null)
        {
            // Projects say `python` and `pip`; Debian and many images only have python3. Without a `python` on PATH the
            // commands name the interpreter mlrepro runs with.
            var q = "'" + python.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
            sb.Append("command -v python >/dev/null 2>&1 || python() { ").Append(q).Append(" \"$@\"; }\n");
            sb.Append("command -v pip >/dev/null 2>&1 || pip() { ").Append(q).Append(" -m pip \"$@\"; }\n");
        }

        sb.Append("set -e\n");
        foreach (var c in plan.Commands)
        {
            sb.Append(c).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>The project copy's path as the run sees it.</summary>
    public static string ProjectPathInside(string scratch, RunSettings s, bool sandboxed) =>
        sandboxed ? InsideRoot + "/" + s.FolderName : Path.Combine(scratch, s.FolderName);

    /// <summary>HOME as the run sees it.</summary>
    public static string HomeInside(string scratch, RunSettings s, bool sandboxed) =>
        sandboxed ? InsideRoot + "/" + s.Home : Path.Combine(scratch, s.Home);

    /// <summary>The environment of a run (everything else is cleared).</summary>
    public static SortedDictionary<string, string> Environment(string scratch, RunSettings s, SandboxOptions o)
    {
        var pyDir = Path.GetDirectoryName(o.Python);
        var path = "/usr/local/bin:/usr/bin:/bin";
        if (!string.IsNullOrEmpty(pyDir) && !path.Split(':').Contains(pyDir))
        {
            path = pyDir + ":" + path;
        }
        else if (pyDir == "/usr/bin")
        {
            path = "/usr/bin:/bin:/usr/local/bin";
        }

        var env = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = path,
            ["HOME"] = HomeInside(scratch, s, o.UseSandbox),
            ["PYTHONHASHSEED"] = s.HashSeed,
            ["TZ"] = s.TimeZone,
            ["LANG"] = s.Locale,
            ["LC_ALL"] = s.Locale,
            ["LANGUAGE"] = s.Locale.Split('.')[0],
            ["PYTHONDONTWRITEBYTECODE"] = "1",
            ["MPLBACKEND"] = "Agg",
            ["TMPDIR"] = "/tmp",
        };
        foreach (var keep in new[] { "CUDA_VISIBLE_DEVICES", "OMP_NUM_THREADS", "MKL_NUM_THREADS" })
        {
            if (System.Environment.GetEnvironmentVariable(keep) is { } v)
            {
                env[keep] = v;
            }
        }

        return env;
    }

    /// <summary>The full argument vector: prlimit, timeout, (bwrap …), (strace …), /bin/sh -c SCRIPT.</summary>
    public static List<string> CommandLine(RunPlan plan, string scratch, string traceDir, RunSettings s, SandboxOptions o, IEnumerable<string> maskedPaths)
    {
        var argv = new List<string>();
        if (HostTools.Find("prlimit") is { } prlimit)
        {
            argv.Add(prlimit);
            if (o.MemoryBytes is { } mem)
            {
                argv.Add("--data=" + mem.ToString(CultureInfo.InvariantCulture));
            }

            argv.Add("--fsize=" + o.FileSizeBytes.ToString(CultureInfo.InvariantCulture));
        }

        if (HostTools.Find("timeout") is { } timeout)
        {
            argv.AddRange([timeout, "-s", "KILL", ((int)Math.Ceiling(o.Timeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture)]);
        }

        var env = Environment(scratch, s, o);
        if (o.UseSandbox)
        {
            argv.AddRange([HostTools.Bwrap!, "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp"]);
            // Private data of the host's users must not be readable: mask home folders and the caller's HOME.
            var hidden = new List<string> { "/tmp" };
            foreach (var m in maskedPaths.Distinct(StringComparer.Ordinal))
            {
                if (Directory.Exists(m) && !m.StartsWith("/tmp/", StringComparison.Ordinal) && m != "/tmp")
                {
                    argv.AddRange(["--tmpfs", m]);
                    hidden.Add(m);
                }
            }

            // An interpreter inside a hidden folder (a venv under $HOME) is shown again, read-only.
            if (Path.IsPathRooted(o.Python) && Path.GetDirectoryName(Path.GetDirectoryName(o.Python)) is { Length: > 1 } prefix &&
                hidden.Any(m => prefix == m || prefix.StartsWith(m.TrimEnd('/') + "/", StringComparison.Ordinal)))
            {
                argv.AddRange(["--ro-bind-try", prefix, prefix]);
            }

            foreach (var gpu in Directory.GetFiles("/dev", "nvidia*").Order(StringComparer.Ordinal))
            {
                argv.AddRange(["--dev-bind-try", gpu, gpu]);
            }

            argv.AddRange(["--bind", scratch, InsideRoot, "--bind", traceDir, InsideTrace]);
            argv.AddRange(["--chdir", ProjectPathInside(scratch, s, true)]);
            argv.AddRange(o.Network ? ["--unshare-user-try", "--unshare-ipc", "--unshare-pid", "--unshare-uts", "--unshare-cgroup-try"] : ["--unshare-all"]);
            argv.AddRange(["--die-with-parent", "--new-session", "--clearenv"]);
            foreach (var (k, v) in env)
            {
                argv.AddRange(["--setenv", k, v]);
            }
        }

        if (o.Trace && HostTools.Strace is { } strace)
        {
            // With seccomp-bpf the kernel stops the process only at the traced calls (about 1 in 12 of what `import torch`
            // makes); without it every system call stops in strace, which then drops the untraced ones.
            argv.AddRange([strace, "-f", "-qq", .. o.EffectiveSeccompBpf ? ["--seccomp-bpf"] : Array.Empty<string>(),
                "-e", AccessTrace.TracedCalls, "-o", (o.UseSandbox ? InsideTrace : traceDir) + "/trace"]);
        }

        argv.AddRange(["/bin/sh", "-c", Script(plan, s, o.Python)]);
        return argv;
    }

    /// <summary>Runs the argument vector, keeping output tails; kills the whole process tree on timeout or cancellation.</summary>
    public static ProcessOutcome Run(List<string> argv, string workingDir, IDictionary<string, string> env, TimeSpan timeout, CancellationToken cancel)
    {
        var psi = new ProcessStartInfo(argv[0])
        {
            WorkingDirectory = workingDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in argv.Skip(1))
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment.Clear();
        foreach (var (k, v) in env)
        {
            psi.Environment[k] = v;
        }

        var stdout = new Tail(TailChars);
        var stderr = new Tail(TailChars);
        var sw = Stopwatch.StartNew();
        using var p = new Process { StartInfo = psi };
        p.OutputDataReceived += (_, e) => stdout.Add(e.Data);
        p.ErrorDataReceived += (_, e) => stderr.Add(e.Data);
        p.Start();
        p.StandardInput.Close();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        var timedOut = false;
        using (cancel.Register(() => Kill(p)))
        {
            // A margin over `timeout -s KILL`, which normally ends the run first.
            if (!p.WaitForExit(timeout + TimeSpan.FromSeconds(5)))
            {
                timedOut = true;
                Kill(p);
            }

            p.WaitForExit();
        }

        sw.Stop();
        var code = p.ExitCode;
        timedOut |= code == 137 && sw.Elapsed >= timeout - TimeSpan.FromSeconds(1);
        return new ProcessOutcome(code, timedOut, sw.Elapsed, stdout.Text, stderr.Text);
    }

    private static void Kill(Process p)
    {
        try
        {
            p.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
    }

    private sealed class Tail(int max)
    {
        private readonly StringBuilder _sb = new();
        private readonly Lock _lock = new();

        public void Add(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_lock)
            {
                _sb.Append(line).Append('\n');
                if (_sb.Length > max * 2)
                {
                    _sb.Remove(0, _sb.Length - max);
                }
            }
        }

        public string Text
        {
            get
            {
                lock (_lock)
                {
                    var s = _sb.ToString();
                    return s.Length > max ? s[^max..] : s;
                }
            }
        }
    }
}
