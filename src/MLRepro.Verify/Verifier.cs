using MLRepro.Verify.Comparators;

namespace MLRepro.Verify;

/// <summary>Options of one verification.</summary>
public sealed record VerifyOptions
{
    /// <summary>Runs of the unmodified project (the first is the reference; the others vary everything).</summary>
    public int Runs { get; init; } = 2;

    /// <summary>When runs differ, rerun with one variation at a time (and once with none) to name the cause.</summary>
    public bool Isolate { get; init; }

    /// <summary>Run the first two runs at the same time.</summary>
    public bool Parallel { get; init; }

    /// <summary>Run each mutated config twice (config.deterministic).</summary>
    public bool Deep { get; init; }

    /// <summary>Probe config parameters: null means "when a params file exists".</summary>
    public bool? ProbeConfig { get; init; }

    /// <summary>Explicit mutations ("train.epochs=6" or "params.yaml:train.epochs=6"); replace the automatic choice.</summary>
    public IReadOnlyList<string> Mutations { get; init; } = [];

    /// <summary>Most parameters probed automatically.</summary>
    public int ProbeCount { get; init; } = ConfigProbe.DefaultCount;

    /// <summary>Sandbox and limits.</summary>
    public SandboxOptions Sandbox { get; init; } = new();

    /// <summary>Where run folders go (default: the system temp folder).</summary>
    public string? WorkRoot { get; init; }

    /// <summary>Keep the run folders for inspection.</summary>
    public bool KeepWork { get; init; }

    /// <summary>
    /// Trace only run 1 and the config probes (whose "was the params file opened" needs the trace), not run 2, further runs
    /// or isolation runs: each traced run costs strace's stops (≈ 4 % of a torch script's CPU time with seccomp-bpf).
    /// The record's sandbox.tracedRuns names the runs that were traced.
    /// </summary>
    public bool TraceOnlyFirstRun { get; init; }

    /// <summary>Collect the environment fingerprint (one interpreter start, during run 1).</summary>
    public bool Fingerprint { get; init; } = true;

    /// <summary>Progress lines (may be null).</summary>
    public TextWriter? Log { get; init; }
}

/// <summary>Runs a project several times in fresh sandboxed copies, compares every output, isolates causes and probes the config.</summary>
public sealed class Verifier
{
    private readonly string _project;
    private readonly RunPlan _plan;
    private readonly VerifyOptions _o;
    private readonly SandboxOptions _sandbox;
    private readonly string _work;
    private readonly string _name;
    private readonly List<string> _problems = [];
    private readonly Dictionary<string, string> _copies = new(StringComparer.Ordinal);
    private int _counter;

    private Verifier(string project, RunPlan plan, VerifyOptions o, SandboxOptions sandbox)
    {
        _project = Path.GetFullPath(project).TrimEnd('/');
        _plan = plan;
        _o = o;
        _sandbox = sandbox;
        _work = Path.Combine(o.WorkRoot ?? Path.GetTempPath(), "mlrepro-verify-" + Guid.NewGuid().ToString("N")[..10]);
        var name = Path.GetFileName(_project);
        _name = string.IsNullOrEmpty(name) || name.StartsWith('.') ? "project" : name;
    }

    /// <summary>Processors needed to run runs 1 and 2 at once (--parallel); with fewer they would only take turns.</summary>
    public const int MinCoresForParallel = 2;

    /// <summary>The message when bubblewrap is missing and --no-sandbox was not given.</summary>
    public const string NoSandboxMessage =
        "bubblewrap (bwrap) is not installed, so the project cannot run sandboxed: install it (apt-get install bubblewrap) or pass --no-sandbox to run it unconfined";

    /// <summary>Verifies a project. Never modifies <paramref name="project"/>.</summary>
    public static VerificationRecord Run(string project, RunPlan plan, VerifyOptions options, CancellationToken cancel = default)
    {
        var sandbox = options.Sandbox;
        var problems = new List<string>();
        if (sandbox.UseSandbox && HostTools.Bwrap is null)
        {
            if (!sandbox.AllowUnsandboxed)
            {
                return new VerificationRecord { When = DateTimeOffset.UtcNow, Project = project, Plan = plan, Problems = [NoSandboxMessage] };
            }

            sandbox = sandbox with { UseSandbox = false };
            problems.Add("bubblewrap is not installed: the runs were NOT sandboxed (--no-sandbox)");
        }
        else if (!sandbox.UseSandbox)
        {
            problems.Add("the runs were NOT sandboxed (--no-sandbox)");
        }

        if (plan.Timeout is { } t)
        {
            sandbox = sandbox with { Timeout = t };
        }

        if (sandbox.Trace && HostTools.Strace is null)
        {
            sandbox = sandbox with { Trace = false };
            problems.Add("strace is not installed: file accesses come from before/after snapshots only (reads and hidden inputs are not seen)");
        }

        // A sandbox or tracer that cannot start (no user namespaces, ptrace forbidden) must not read as "the code does not run".
        if (Preflight(sandbox, options.WorkRoot) is { } error)
        {
            if (sandbox.Trace && sandbox.EffectiveSeccompBpf && Preflight(sandbox with { SeccompBpf = false }, options.WorkRoot) is null)
            {
                // seccomp filters refused inside the sandbox (no_new_privs, an old kernel): trace the slow way.
                sandbox = sandbox with { SeccompBpf = false };
            }
            else if (sandbox.Trace && Preflight(sandbox with { Trace = false }, options.WorkRoot) is null)
            {
                sandbox = sandbox with { Trace = false };
                problems.Add("strace cannot trace here (" + error + "): file accesses come from before/after snapshots only");
            }
            else
            {
                return new VerificationRecord
                {
                    When = DateTimeOffset.UtcNow, Project = project, Plan = plan,
                    Problems = [$"the {(sandbox.UseSandbox ? "sandbox" : "runner")} could not start a trivial command here: {error}" + (sandbox.UseSandbox ? "; pass --no-sandbox to run unconfined" : "")],
                };
            }
        }

        var v = new Verifier(project, plan, options, sandbox);
        v._problems.AddRange(problems);
        try
        {
            return v.Execute(cancel);
        }
        finally
        {
            if (!options.KeepWork)
            {
                Workspace.Delete(v._work);
            }
        }
    }

    /// <summary>Runs `true` the way a real run would be run; returns the error text, or null when it worked.</summary>
    internal static string? Preflight(SandboxOptions sandbox, string? workRoot)
    {
        var work = Path.Combine(workRoot ?? Path.GetTempPath(), "mlrepro-preflight-" + Guid.NewGuid().ToString("N")[..10]);
        try
        {
            var settings = RunSettings.Base("p");
            var scratch = Path.Combine(work, "s");
            var trace = Path.Combine(work, "t");
            Directory.CreateDirectory(Path.Combine(scratch, settings.FolderName));
            Directory.CreateDirectory(Path.Combine(scratch, settings.Home));
            Directory.CreateDirectory(trace);
            var plan = new RunPlan("preflight", ["true"], [], [], null);
            var argv = Sandbox.CommandLine(plan, scratch, trace, settings, sandbox with { Timeout = TimeSpan.FromSeconds(30) }, sandbox.EffectiveHiddenPaths);
            var env = sandbox.UseSandbox
                ? new SortedDictionary<string, string>(StringComparer.Ordinal) { ["PATH"] = "/usr/bin:/bin" }
                : Sandbox.Environment(scratch, settings, sandbox);
            var o = Sandbox.Run(argv, sandbox.UseSandbox ? scratch : Path.Combine(scratch, settings.FolderName), env, TimeSpan.FromSeconds(30), CancellationToken.None);
            return o.ExitCode == 0 ? null : $"exit {o.ExitCode}: {o.StderrTail.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return e.Message;
        }
        finally
        {
            Workspace.Delete(work);
        }
    }

    private VerificationRecord Execute(CancellationToken cancel)
    {
        Directory.CreateDirectory(_work);
        // The fingerprint (an interpreter start, nvidia-smi) is collected while run 1 runs: it is off the critical path
        // whenever a core is free, and costs about 0.1 s of CPU when none is.
        var fingerprintTask = _o.Fingerprint ? Background.Run(() => EnvironmentFingerprint.Collect(_sandbox.Python), cancel) : null;
        var runs = new List<RunRecord>();
        var comparisons = new List<RunComparison>();
        var baseSettings = RunSettings.Base(_name);
        var varied = baseSettings.WithAll(_name);

        RunRecord run1, run2;
        var parallel = _o.Parallel && Environment.ProcessorCount >= MinCoresForParallel;
        if (_o.Parallel && !parallel)
        {
            _problems.Add($"--parallel: this machine has {Environment.ProcessorCount} processor(s); runs 1 and 2 ran one after the other");
        }

        if (parallel)
        {
            var t1 = Task.Run(() => RunOnce("run 1", baseSettings, null, cancel), cancel);
            var t2 = Task.Run(() => RunOnce("run 2", varied, null, cancel, traced: !_o.TraceOnlyFirstRun), cancel);
            Task.WaitAll([t1, t2], cancel);
            (run1, run2) = (t1.Result, t2.Result);
        }
        else
        {
            // Pipelined: run 2's copy and first snapshot are made while run 1 runs, and run 1's final snapshot (hashing its
            // outputs) and trace parsing happen while run 2 runs. Only the two processes stay on the critical path.
            var p1 = Prepare("run 1", baseSettings, null, cancel);
            var p2Task = Background.Run(() => Prepare("run 2", varied, null, cancel, traced: !_o.TraceOnlyFirstRun), cancel);
            var o1 = Execute(p1, cancel);
            var f1 = Background.Run(() => Finish(p1, o1), cancel);
            var p2 = p2Task.GetAwaiter().GetResult();
            run2 = Finish(p2, Execute(p2, cancel));
            run1 = f1.GetAwaiter().GetResult();
        }

        runs.Add(run1);
        runs.Add(run2);
        for (var i = 3; i <= _o.Runs; i++)
        {
            runs.Add(RunOnce($"run {i}", varied, null, cancel, traced: !_o.TraceOnlyFirstRun));
        }

        foreach (var other in runs.Skip(1))
        {
            comparisons.Add(CompareRuns(run1, other));
        }

        var isolation = new List<IsolationResult>();
        if (_o.Isolate && (!comparisons[0].Reproduced || !run2.Succeeded) && run1.Succeeded)
        {
            // A control run with no variation first: if it differs too, the project is random by itself.
            foreach (var variation in new Variation?[] { null }.Concat(Enum.GetValues<Variation>().Cast<Variation?>()))
            {
                var settings = variation is { } vv ? baseSettings.With(vv, _name) : baseSettings;
                var r = RunOnce(variation is null ? "isolate: no variation" : $"isolate: {variation}", settings, null, cancel, traced: !_o.TraceOnlyFirstRun);
                runs.Add(r);
                var c = CompareRuns(run1, r);
                comparisons.Add(c);
                var changes = !c.Reproduced || !r.Succeeded;
                isolation.Add(new IsolationResult(variation, changes, [.. c.Differing.Select(f => f.Path)]));
                if (variation is null && changes)
                {
                    // Outputs change with nothing varied: the project is random by itself; single variations cannot be told apart.
                    break;
                }
            }
        }

        var probes = Probe(run1, runs, comparisons, cancel);
        var blocked = Blocked(runs);
        var record = new VerificationRecord
        {
            When = DateTimeOffset.UtcNow,
            Project = _project,
            Environment = fingerprintTask?.GetAwaiter().GetResult(),
            Plan = _plan,
            Sandbox = new SandboxReport(_sandbox.UseSandbox ? "bubblewrap" : "none (--no-sandbox)", _sandbox.Network, _sandbox.MemoryBytes,
                _sandbox.Timeout.TotalSeconds, runs.Any(r => r.Trace.Method == "strace"), blocked, _sandbox.Tracer,
                [.. runs.Where(r => r.Trace.Method == "strace").Select(r => r.Name)]),
            Runs = runs,
            Comparisons = comparisons,
            Variations = varied.DifferencesFrom(baseSettings),
            Isolation = isolation,
            Probes = probes,
            ConfigFiles = ConfigFilesOpened(run1),
            Problems = _problems,
            ParallelRuns = parallel,
        };
        return record;
    }

    private List<ProbeResult> Probe(RunRecord run1, List<RunRecord> runs, List<RunComparison> comparisons, CancellationToken cancel)
    {
        var results = new List<ProbeResult>();
        var files = ConfigProbe.FindFiles(_project);
        var wanted = _o.Mutations.Count > 0 || (_o.ProbeConfig ?? files.Count > 0);
        if (!wanted || !run1.Succeeded)
        {
            return results;
        }

        var all = files.SelectMany(f => ConfigProbe.Parameters(_project, f)).ToList();
        var mutations = new List<ConfigMutation>();
        if (_o.Mutations.Count > 0)
        {
            foreach (var spec in _o.Mutations)
            {
                var parsed = ConfigProbe.ParseMutate(spec);
                var p = parsed is null ? null : all.FirstOrDefault(x => x.Key == parsed.Value.Key && (parsed.Value.File is null || x.File == parsed.Value.File));
                if (p is null)
                {
                    _problems.Add($"--mutate {spec}: no such numeric key in {(files.Count == 0 ? "any params file" : string.Join(", ", files))}");
                    continue;
                }

                mutations.Add(new ConfigMutation(p.File, p.Key, p.Value, parsed!.Value.Value));
            }
        }
        else
        {
            mutations.AddRange(ConfigProbe.Choose(all, _o.ProbeCount).Select(p => new ConfigMutation(p.File, p.Key, p.Value, ConfigProbe.Mutate(p.Value))));
        }

        var baseSettings = run1.Settings;
        foreach (var m in mutations)
        {
            var applied = false;
            var r = RunOnce($"probe: {m.Key}={m.NewValue}", baseSettings, copy => applied = ConfigProbe.Apply(copy, m), cancel);
            runs.Add(r);
            var c = CompareRuns(run1, r, exclude: m.File);
            comparisons.Add(c);
            bool? deterministic = null;
            if (_o.Deep && r.Succeeded)
            {
                var again = RunOnce($"probe again: {m.Key}={m.NewValue}", baseSettings.WithAll(_name), copy => ConfigProbe.Apply(copy, m), cancel);
                runs.Add(again);
                var c2 = CompareRuns(r, again, exclude: m.File);
                comparisons.Add(c2);
                deterministic = again.Succeeded && c2.Reproduced;
            }

            bool? opened = r.Trace.Method == "strace" ? r.Trace.ProjectReads.Contains(m.File) : null;
            results.Add(new ProbeResult(m.File, m.Key, m.OldValue, m.NewValue, applied, r.Succeeded, !c.Reproduced,
                [.. c.Differing.Select(f => f.Path)], opened, deterministic));
        }

        return results;
    }

    private SortedDictionary<string, bool?> ConfigFilesOpened(RunRecord run1)
    {
        var files = ConfigProbe.FindFiles(_project);
        foreach (var f in Workspace.ListFiles(_project))
        {
            var ext = Path.GetExtension(f);
            if (ext is ".yaml" or ".yml" or ".toml" or ".json" or ".cfg" or ".ini" && !f.StartsWith('.') && !files.Contains(f) &&
                (f.Contains("config", StringComparison.OrdinalIgnoreCase) || f.Contains("param", StringComparison.OrdinalIgnoreCase) || f.StartsWith("conf/", StringComparison.Ordinal)))
            {
                files.Add(f);
            }
        }

        var result = new SortedDictionary<string, bool?>(StringComparer.Ordinal);
        foreach (var f in files)
        {
            result[f] = run1.Trace.Method == "strace" ? run1.Trace.ProjectReads.Contains(f) : null;
        }

        return result;
    }

    private RunRecord RunOnce(string name, RunSettings settings, Action<string>? prepare, CancellationToken cancel, bool traced = true)
    {
        var p = Prepare(name, settings, prepare, cancel, traced);
        return Finish(p, Execute(p, cancel));
    }

    /// <summary>A run whose copy is ready and whose files were hashed before it starts.</summary>
    private sealed record PreparedRun(string Name, RunSettings Settings, string Scratch, string Copy, string TraceDir,
        SortedDictionary<string, FileStamp> Before, List<string> Argv, SortedDictionary<string, string> Env);

    private PreparedRun Prepare(string name, RunSettings settings, Action<string>? prepare, CancellationToken cancel, bool traced = true)
    {
        cancel.ThrowIfCancellationRequested();
        var id = "r" + Interlocked.Increment(ref _counter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var scratch = Path.Combine(_work, id);
        var copy = Path.Combine(scratch, settings.FolderName);
        var traceDir = Path.Combine(_work, id + "-trace");
        Directory.CreateDirectory(traceDir);
        Directory.CreateDirectory(Path.Combine(scratch, settings.Home));
        var skipped = new List<string>();
        Workspace.Copy(_project, copy, settings.ReverseCopy, skipped);
        if (skipped.Count > 0)
        {
            lock (_problems)
            {
                _problems.Add($"{name}: files too large to copy were left out: {string.Join(", ", skipped)}");
            }
        }

        prepare?.Invoke(copy);
        var before = Snapshot.Take(copy);
        var hidden = _sandbox.EffectiveHiddenPaths.Append(_project);
        var argv = Sandbox.CommandLine(_plan, scratch, traceDir, settings, traced ? _sandbox : _sandbox with { Trace = false }, hidden);
        var env = _sandbox.UseSandbox
            ? new SortedDictionary<string, string>(StringComparer.Ordinal) { ["PATH"] = "/usr/bin:/bin" }
            : Sandbox.Environment(scratch, settings, _sandbox);
        return new PreparedRun(name, settings, scratch, copy, traceDir, before, argv, env);
    }

    private ProcessOutcome Execute(PreparedRun p, CancellationToken cancel)
    {
        _o.Log?.WriteLine($"mlrepro verify: {p.Name} …");
        return Sandbox.Run(p.Argv, _sandbox.UseSandbox ? p.Scratch : p.Copy, p.Env, _sandbox.Timeout, cancel);
    }

    private RunRecord Finish(PreparedRun p, ProcessOutcome outcome)
    {
        var (name, settings, scratch, copy, before) = (p.Name, p.Settings, p.Scratch, p.Copy, p.Before);
        var traceFile = Path.Combine(p.TraceDir, "trace");
        AccessTrace? traced = null;
        if (_sandbox.Trace && File.Exists(traceFile))
        {
            var inside = Sandbox.ProjectPathInside(scratch, settings, _sandbox.UseSandbox);
            IReadOnlyList<string> scratchPrefixes = _sandbox.UseSandbox ? ["/tmp"] : [scratch, "/tmp"];
            traced = AccessTrace.Parse(File.ReadLines(traceFile), inside, scratchPrefixes, AccessTrace.InterpreterPrefixes(_sandbox.Python));
        }

        // Files whose size and time are unchanged keep their hash from before the run (inputs, data), unless the trace saw them written.
        var after = Snapshot.Take(copy, before, traced?.ProjectWrites.ToHashSet(StringComparer.Ordinal));
        var outputs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (rel, stamp) in after)
        {
            if (!before.TryGetValue(rel, out var old) || old.Hash != stamp.Hash)
            {
                outputs[rel] = stamp.Hash;
            }
        }

        var trace = traced ?? new AccessTrace("snapshot", [], [.. outputs.Keys], [], [], []);

        var inputs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (rel, stamp) in before)
        {
            if (trace.Method != "strace" || trace.ProjectReads.Contains(rel))
            {
                inputs[rel] = stamp.Hash;
            }
        }

        lock (_copies)
        {
            _copies[name] = copy;
        }

        return new RunRecord(name, settings.DifferencesFrom(RunSettings.Base(_name)), settings, outcome.ExitCode, outcome.TimedOut,
            Math.Round(outcome.Duration.TotalSeconds, 3), outcome.StdoutTail, outcome.StderrTail, trace, inputs, outputs);
    }

    private RunComparison CompareRuns(RunRecord a, RunRecord b, string? exclude = null)
    {
        var ca = _copies[a.Name];
        var cb = _copies[b.Name];
        var paths = new SortedSet<string>(a.Outputs.Keys.Concat(b.Outputs.Keys), StringComparer.Ordinal);
        if (_plan.Outputs.Count > 0)
        {
            foreach (var f in Workspace.ListFiles(ca).Concat(Workspace.ListFiles(cb)))
            {
                if (_plan.Outputs.Any(g => Glob.IsMatch(g, f) || f.StartsWith(g.TrimEnd('/') + "/", StringComparison.Ordinal)))
                {
                    paths.Add(f);
                }
            }

            foreach (var declared in _plan.Outputs.Where(g => !g.Contains('*', StringComparison.Ordinal) && !g.Contains('?', StringComparison.Ordinal)))
            {
                if (!Directory.Exists(Path.Combine(ca, declared)) && !Directory.Exists(Path.Combine(cb, declared)))
                {
                    paths.Add(declared.TrimEnd('/'));
                }
            }
        }

        if (exclude is not null)
        {
            paths.Remove(exclude);
        }

        var files = paths.Select(p => OutputComparer.Compare(p, Path.Combine(ca, p), Path.Combine(cb, p), _plan.ToleranceFor)).ToList();
        return new RunComparison(a.Name, b.Name, files);
    }

    private static List<string> Blocked(IEnumerable<RunRecord> runs)
    {
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var r in runs)
        {
            foreach (var o in r.Trace.Outside)
            {
                if (o.Error is not null || o.Write)
                {
                    set.Add($"{(o.Write ? "write" : "read")} {o.Path}{(o.Error is null ? " (allowed)" : " → " + o.Error)}");
                }
            }

            foreach (var n in r.Trace.Network)
            {
                if (!n.Address.Contains("AF_UNIX", StringComparison.Ordinal))
                {
                    set.Add($"connect {n.Address}{(n.Error is null ? " (allowed)" : " → " + n.Error)}");
                }
            }
        }

        return [.. set];
    }
}
