using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using MLRepro.Verify;
using MLRepro.Verify.Comparators;

namespace MLRepro.Bench.Verify;

/// <summary>
/// `bench verify`: how much `mlrepro verify` costs on top of running the pipeline, how fast the comparators and the
/// hashing are on 1 GiB files, and how verify compares with reprotest + diffoscope on the same small PyTorch project.
/// Every ratio is against a baseline measured in the same process run, interleaved with the measured runs, because the
/// machine's load (shared cores) drifts over minutes.
/// </summary>
internal static class VerifyBench
{
    // The interpreter (--python; Debian's by default) and whether runs are sandboxed (--no-sandbox where bwrap cannot run).
    private static string Python { get; set; } = "/usr/bin/python3";
    private static bool s_sandbox = true;
    private static string[]? s_modes;
    private static readonly List<(string Section, string Name, string Value, string Target)> s_rows = [];

    /// <summary>Runs the selected sections; returns the exit code.</summary>
    public static int Run(string[] args)
    {
        string Opt(string name, string def)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : def;
        }

        var runs = int.Parse(Opt("--runs", "3"), CultureInfo.InvariantCulture);
        var sizeMb = int.Parse(Opt("--size-mb", "1024"), CultureInfo.InvariantCulture);
        var sections = Opt("--sections", "pipeline,safetensors,hash,reprotest").Split(',');
        var fixtures = Opt("--fixtures", FindFixtures());
        var tmp = Opt("--tmp", Path.Combine(Path.GetTempPath(), "mlrepro-bench-verify"));
        var reprotestTimeout = int.Parse(Opt("--reprotest-timeout", "600"), CultureInfo.InvariantCulture);
        Python = Opt("--python", Python);
        s_sandbox = !args.Contains("--no-sandbox");
        s_modes = Opt("--modes", "") is { Length: > 0 } m ? m.Split(',') : null;
        Directory.CreateDirectory(tmp);

        Console.WriteLine($"mlrepro verify benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}, " +
            $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}; load average {LoadAverage()}");
        Console.WriteLine($"median of {runs} runs; fixtures {fixtures}; scratch {tmp}; python {Sh(Python + " --version").Out.Trim()}, torch {Sh(Python + " -c 'import torch;print(torch.__version__)'").Out.Trim()}");
        Console.WriteLine($"bwrap {(HostTools.Bwrap is null ? "missing" : s_sandbox ? "present" : "present, not used (--no-sandbox)")}, " +
            $"strace {(HostTools.Strace is null ? "missing" : "present" + (HostTools.StraceSeccompBpf ? ", with --seccomp-bpf" : ", without --seccomp-bpf"))}");
        Console.WriteLine();

        if (sections.Contains("pipeline"))
        {
            Pipeline(Path.Combine(fixtures, "torch-seeded"), tmp, runs);
        }

        if (sections.Contains("safetensors") || sections.Contains("hash"))
        {
            BigFiles(tmp, runs, sizeMb, sections.Contains("safetensors"), sections.Contains("hash"));
        }

        if (sections.Contains("reprotest"))
        {
            Reprotest(fixtures, tmp, reprotestTimeout);
        }

        Console.WriteLine();
        Console.WriteLine($"## summary (load average at the end: {LoadAverage()})");
        Console.WriteLine("| section | measure | value | target |");
        Console.WriteLine("|---|---|---:|---|");
        foreach (var (s, n, v, t) in s_rows)
        {
            Console.WriteLine($"| {s} | {n} | {v} | {t} |");
        }

        return 0;
    }

    // ---------------------------------------------------------------- 1. pipeline overhead

    private static void Pipeline(string fixture, string tmp, int runs)
    {
        Console.WriteLine($"## 1. pipeline: {fixture} (`python3 train.py`, seeded PyTorch MLP)");
        var plan = new RunPlan("--cmd", ["python3 train.py"], [], [], null);
        var direct = new List<double>();
        var directPair = new List<double>();
        var modes = new List<(string Name, VerifyOptions Options)>
        {
            ("verify (strace)", Options(trace: true, parallel: false, fingerprint: true)),
            ("verify (strace, run 1 only)", Options(trace: true, parallel: false, fingerprint: true) with { TraceOnlyFirstRun = true }),
            ("verify (strace without seccomp-bpf)", Options(trace: true, parallel: false, fingerprint: true, seccomp: false)),
            ("verify (no strace)", Options(trace: false, parallel: false, fingerprint: true)),
            ("verify --parallel (strace)", Options(trace: true, parallel: true, fingerprint: true)),
            // The critical path before this change (commit 4a2d4f5), emulated: `pip list` first, then both runs traced without seccomp-bpf.
            (PreviousMode, Options(trace: true, parallel: false, fingerprint: false, seccomp: false)),
            // The same two unsandboxed: bubblewrap's PID namespace hides the runs' CPU time from this process (its init is never
            // waited for), so CPU time can only be compared without it. bwrap's own start is timed separately below.
            (CpuPrefix + "verify (strace)", Options(trace: true, parallel: false, fingerprint: true, sandbox: false)),
            (CpuPrefix + "verify (strace, run 1 only)", Options(trace: true, parallel: false, fingerprint: true, sandbox: false) with { TraceOnlyFirstRun = true }),
            (CpuPrefix + "verify (no strace)", Options(trace: false, parallel: false, fingerprint: true, sandbox: false)),
            (CpuPrefix + PreviousMode, Options(trace: true, parallel: false, fingerprint: false, seccomp: false, sandbox: false)),
        };
        if (s_modes is { } only)
        {
            // --modes a,b: only the modes whose name contains one of these (e.g. "CPU" for the unsandboxed CPU-time modes).
            modes.RemoveAll(m => !only.Any(o => m.Name.Contains(o, StringComparison.OrdinalIgnoreCase)));
        }

        var wall = modes.ToDictionary(m => m.Name, _ => new List<double>());
        var runSum = modes.ToDictionary(m => m.Name, _ => new List<double>());
        // CPU seconds (user + system) of this process and every child it waited for: unlike wall time it hardly depends on how
        // many other sessions share the two cores, and for this single-threaded script T's wall time equals its CPU time on an idle core.
        var cpu = modes.ToDictionary(m => m.Name, _ => new List<double>());
        var directCpu = new List<double>();
        var runMax = modes.ToDictionary(m => m.Name, _ => new List<double>());
        string? lastCopyA = null, lastCopyB = null;

        // One warm-up of the interpreter and torch import (page cache), not timed.
        DirectRun(fixture, tmp, "warm");
        for (var i = 0; i < runs; i++)
        {
            // Interleaved, so each mode sees the same mix of machine load.
            var c0 = CpuSeconds();
            var (t, _) = DirectRun(fixture, tmp, $"direct-{i}");
            directCpu.Add(CpuSeconds() - c0);
            direct.Add(t);
            directPair.Add(Time(() => Parallel.Invoke(() => lastCopyA = DirectRun(fixture, tmp, $"pair-a-{i}").Copy, () => lastCopyB = DirectRun(fixture, tmp, $"pair-b-{i}").Copy)));
            foreach (var (name, o) in modes)
            {
                VerificationRecord? rec = null;
                var c1 = CpuSeconds();
                wall[name].Add(Time(() =>
                {
                    if (name.EndsWith(PreviousMode, StringComparison.Ordinal))
                    {
                        Exec(Python, ["-m", "pip", "list", "--format=freeze", "--disable-pip-version-check"], null, 120);
                    }

                    rec = Verifier.Run(fixture, plan, o);
                }));
                cpu[name].Add(CpuSeconds() - c1);
                if (rec!.Runs.Count < 2 || !rec.Reproduced)
                {
                    Console.WriteLine($"   {name}: NOT reproduced or failed: {string.Join("; ", rec.Problems)} {string.Join("; ", rec.Runs.Select(r => r.Name + " exit " + r.ExitCode + " " + r.StderrTail.Trim()))}");
                }

                runSum[name].Add(rec.Runs.Take(2).Sum(r => r.DurationSeconds));
                runMax[name].Add(rec.Runs.Take(2).Max(r => r.DurationSeconds));
            }

            Console.WriteLine($"   iteration {i + 1}: T {t:F2} s, two at once {directPair[^1]:F2} s, " +
                string.Join(", ", modes.Select(m => $"{m.Name} {wall[m.Name][^1]:F2} s")) + $" (load {LoadAverage()})");
        }

        var T = Median(direct);
        var Tcpu = Median(directCpu);
        Console.WriteLine($"   CPU time (user+sys, bench process + waited-for children): T {Tcpu:F2} s [{string.Join(", ", directCpu.Select(x => x.ToString("F2", CultureInfo.InvariantCulture)))}]; " +
            string.Join("; ", modes.Where(m => !m.Options.Sandbox.UseSandbox).Select(m => $"{m.Name} {Median(cpu[m.Name]):F2} s = {Median(cpu[m.Name]) / Tcpu:F3} T_cpu " +
                $"[{string.Join(", ", cpu[m.Name].Select(x => x.ToString("F2", CultureInfo.InvariantCulture)))}]")));
        Row("pipeline", "CPU: `python3 train.py` alone (T_cpu)", $"{Tcpu:F2} s", "");
        foreach (var (name, o) in modes.Where(m => !m.Options.Sandbox.UseSandbox))
        {
            var c = Median(cpu[name]);
            Row("pipeline", "CPU: " + name, $"{c:F2} s = {c / Tcpu:F3} T_cpu", o.Parallel ? "" : $"≤ 2.10 T_cpu: {(c <= 2.10 * Tcpu ? "met" : "NOT met")}");
        }

        Console.WriteLine($"   T (direct run, median of {runs}): {T:F2} s [{string.Join(", ", direct.Select(x => x.ToString("F2", CultureInfo.InvariantCulture)))}]");
        Console.WriteLine($"   two direct runs at once: {Median(directPair):F2} s = {Median(directPair) / T:F2} T (what 2 cores give this machine now)");
        Row("pipeline", "T: `python3 train.py` alone", $"{T:F2} s", "");
        Row("pipeline", "two direct runs at once (no verify)", $"{Median(directPair):F2} s = {Median(directPair) / T:F2} T", "");
        foreach (var (name, o) in modes)
        {
            var w = Median(wall[name]);
            var sum = Median(runSum[name]);
            var target = o.Parallel ? "≤ 1.15 T" : "≤ 2.10 T";
            var met = o.Parallel ? w <= 1.15 * T : w <= 2.10 * T;
            Console.WriteLine($"   {name}: {w:F2} s = {w / T:F2} T; the two runs' own durations {sum:F2} s (sandbox{(o.Sandbox.Trace ? "+strace" : "")} vs 2T: {sum - 2 * T:+0.00;-0.00} s), " +
                $"outside the runs (preflight, sandbox start, copy, hash, compare, fingerprint, delete) {w - (o.Parallel ? Median(runMax[name]) : sum):F2} s" +
                (o.Sandbox.Trace ? $", tracer {o.Sandbox.Tracer}" : ""));
            Row("pipeline", name, $"{w:F2} s = {w / T:F2} T", $"{target}: {(met ? "met" : "NOT met")}");
        }

        // The parts verify adds, measured one by one on the same project.
        var fixtureCopy = Path.Combine(tmp, "parts-copy");
        var copyTime = MedianOf(runs * 3, () => Workspace.Copy(fixture, fixtureCopy, false), () => Workspace.Delete(fixtureCopy));
        var snapTime = MedianOf(runs * 3, () => Snapshot.Take(lastCopyA!), null);
        var outputs = Snapshot.Take(lastCopyA!).Keys.Where(k => k.StartsWith("out/", StringComparison.Ordinal)).ToList();
        var compareTime = MedianOf(runs * 3, () =>
        {
            foreach (var rel in outputs)
            {
                OutputComparer.Compare(rel, Path.Combine(lastCopyA!, rel), Path.Combine(lastCopyB!, rel), (_, _) => null);
            }
        }, null);
        var fpTime = MedianOf(runs, () => EnvironmentFingerprint.Collect(Python), null);
        var pipTime = MedianOf(runs, () => Exec(Python, ["-m", "pip", "list", "--format=freeze", "--disable-pip-version-check"], null, 120), null);
        var bwrapTrue = MedianOf(runs * 2, () => Sh("bwrap --ro-bind / / --unshare-all --die-with-parent true"), null);
        var straceTrue = MedianOf(runs * 2, () => Sh("strace -f -o /dev/null true"), null);
        Console.WriteLine($"   parts: copy the project {copyTime * 1000:F1} ms, snapshot (list + XxHash128 of every file) {snapTime * 1000:F1} ms " +
            $"(4 per verify), compare {outputs.Count} outputs {compareTime * 1000:F1} ms, environment fingerprint {fpTime:F2} s (off the critical path: collected during run 1; `pip list` alone, the previous way: {pipTime:F2} s), " +
            $"bwrap start {bwrapTrue * 1000:F0} ms, strace start {straceTrue * 1000:F0} ms");
        Row("pipeline", "part: copy project (per run)", $"{copyTime * 1000:F1} ms", "");
        Row("pipeline", "part: snapshot+hash (×2 per run)", $"{snapTime * 1000:F1} ms", "");
        Row("pipeline", $"part: compare {outputs.Count} outputs", $"{compareTime * 1000:F1} ms", "");
        Row("pipeline", "part: environment fingerprint (once, during run 1)", $"{fpTime:F2} s", "");
        Row("pipeline", "part: `pip list --format=freeze` (the previous fingerprint)", $"{pipTime:F2} s", "");
        Row("pipeline", "part: `bwrap … true` / `strace -f true`", $"{bwrapTrue * 1000:F0} ms / {straceTrue * 1000:F0} ms", "");
        Console.WriteLine();
    }

    private const string CpuPrefix = "no sandbox, for CPU time: ";

    private const string PreviousMode = "previous path, emulated (pip list, then strace without seccomp-bpf)";

    private static VerifyOptions Options(bool trace, bool parallel, bool fingerprint, bool? seccomp = null, bool sandbox = true) => new()
    {
        // --no-probe-config: the probe adds runs with a mutated config, which is not the "two runs" being measured.
        ProbeConfig = false,
        Parallel = parallel,
        Fingerprint = fingerprint,
        Sandbox = new SandboxOptions { Trace = trace, SeccompBpf = seccomp, Python = Python, UseSandbox = s_sandbox && sandbox, AllowUnsandboxed = !(s_sandbox && sandbox) },
    };

    private static (double Seconds, string Copy) DirectRun(string fixture, string tmp, string name)
    {
        var copy = Path.Combine(tmp, "direct", name);
        Workspace.Delete(copy);
        Workspace.Copy(fixture, copy, false);
        var sw = Stopwatch.StartNew();
        var r = Exec(Python, ["train.py"], copy, 600);
        var t = sw.Elapsed.TotalSeconds;
        if (r.Code != 0)
        {
            throw new InvalidOperationException($"direct run failed ({r.Code}): {r.Err}");
        }

        return (t, copy);
    }

    // ---------------------------------------------------------------- 2 + 3. safetensors comparison and hashing

    private static void BigFiles(string tmp, int runs, int sizeMb, bool compare, bool hash)
    {
        var a = Path.Combine(tmp, "a.safetensors");
        var b = Path.Combine(tmp, "b.safetensors");
        var c = Path.Combine(tmp, "c.safetensors");
        const int tensors = 16;
        var perTensor = (long)sizeMb * (1 << 20) / tensors / 4;
        if (!File.Exists(c) || new FileInfo(a).Length < (long)sizeMb << 20)
        {
            var gen = Stopwatch.StartNew();
            WriteSafetensors(a, tensors, perTensor, []);
            WriteSafetensors(b, tensors, perTensor, []);
            // A few elements differ in two tensors: what an unseeded init or a non-deterministic kernel leaves behind.
            WriteSafetensors(c, tensors, perTensor, [(7, 12345), (7, perTensor / 2), (7, perTensor - 1), (12, 99), (12, 100)]);
            Console.WriteLine($"   generated 3 safetensors files of {new FileInfo(a).Length / 1e9:F2} GB in {gen.Elapsed.TotalSeconds:F1} s");
        }

        var bytes = new FileInfo(a).Length;
        var gib = bytes / (double)(1L << 30);

        // Warm the page cache (the state right after a run wrote its outputs), then report what fincore sees.
        foreach (var f in new[] { a, b, c })
        {
            Sh($"cat '{f}' > /dev/null");
        }

        var cache = Sh($"fincore -b -o RES,SIZE,FILE '{a}' '{b}' '{c}'").Out.Trim();
        Console.WriteLine($"   page cache after a warm read (fincore: resident bytes, size):\n      {cache.Replace("\n", "\n      ", StringComparison.Ordinal)}");
        Console.WriteLine($"   memory: {Sh("free -m | sed -n 2p").Out.Trim()}");

        if (compare)
        {
            Console.WriteLine($"## 2. safetensors comparison through OutputComparer.Compare ({tensors} float32 tensors, {gib:F2} GiB per file)");
            FileComparison? same = null, diff = null;
            var tSame = MedianOf(runs, () => same = OutputComparer.Compare("model.safetensors", a, b, (_, _) => null), null);
            var tDiff = MedianOf(runs, () => diff = OutputComparer.Compare("model.safetensors", a, c, (_, _) => null), null);
            // The path before in-place comparison (1a7d611): both files hashed, loaded whole, every tensor copied out.
            var tLoad = MedianOf(runs, () =>
            {
                Parallel.Invoke(() => Snapshot.HashFile(a), () => Snapshot.HashFile(c));
                var ba = File.ReadAllBytes(a);
                var bc = File.ReadAllBytes(c);
                OutputComparer.Leaves(TensorFiles.ReadSafetensors(ba, out var e1), TensorFiles.ReadSafetensors(bc, out var e2), _ => null, e1 ?? e2);
            }, null);
            Console.WriteLine($"   same pair through the previous whole-file path (ReadAllBytes + ReadSafetensors + Leaves): {tLoad:F2} s = {gib / tLoad:F2} GiB/s per file");
            Row("safetensors", "same pair, previous whole-file path", $"{tLoad:F2} s = {gib / tLoad:F2} GiB/s per file", "");
            Console.WriteLine($"   identical files: {tSame:F2} s = {gib / tSame:F2} GiB/s per file ({2 * gib / tSame:F2} GiB/s read) → {same!.Verdict}: {same.Summary}");
            Console.WriteLine($"   5 elements differ: {tDiff:F2} s = {gib / tDiff:F2} GiB/s per file ({2 * gib / tDiff:F2} GiB/s read) → {diff!.Verdict}: {diff.Summary}");
            foreach (var item in diff.Items.Where(i => !i.Identical))
            {
                Console.WriteLine($"      {item.Name}: {item.Dtype} fraction differing {item.FractionDiffering:G3}, max |Δ| {item.MaxAbs:G3}; a {item.A} / b {item.B}");
            }

            Row("safetensors", "identical 1 GiB pair", $"{tSame:F2} s = {gib / tSame:F2} GiB/s per file", $"≥ 1 GB/s: {(bytes / tSame >= 1e9 ? "met" : "NOT met")}");
            Row("safetensors", "pair with 5 differing elements", $"{tDiff:F2} s = {gib / tDiff:F2} GiB/s per file", $"≥ 1 GB/s: {(bytes / tDiff >= 1e9 ? "met" : "NOT met")}");
            Row("safetensors", "differing tensors named", string.Join(", ", diff.Items.Where(i => !i.Identical).Select(i => i.Name)), "");
            Console.WriteLine();
        }

        if (hash)
        {
            Console.WriteLine($"## 3. hashing: Snapshot.HashFile (XxHash128, streamed) vs `cat FILE > /dev/null`, {gib:F2} GiB from page cache");
            // Interleaved, many times: on shared cores one sample can be 1.5x another.
            var (hs, cs) = (new List<double>(), new List<double>());
            for (var i = 0; i < runs * 3; i++)
            {
                cs.Add(Time(() => Sh($"cat '{a}' > /dev/null")));
                hs.Add(Time(() => Snapshot.HashFile(a)));
            }

            var (tHash, tCat) = (Median(hs), Median(cs));
            Console.WriteLine($"   {runs * 3} interleaved samples each (s): cat [{string.Join(", ", cs.Select(x => x.ToString("F3", CultureInfo.InvariantCulture)))}], " +
                $"HashFile [{string.Join(", ", hs.Select(x => x.ToString("F3", CultureInfo.InvariantCulture)))}]");
            Console.WriteLine($"   HashFile {tHash:F3} s = {gib / tHash:F2} GiB/s; cat {tCat:F3} s = {gib / tCat:F2} GiB/s; ratio {tCat / tHash:P0} of cat");
            Row("hash", "HashFile (XxHash128) 1 GiB", $"{tHash:F3} s = {gib / tHash:F2} GiB/s", "");
            Row("hash", "`cat FILE > /dev/null` 1 GiB", $"{tCat:F3} s = {gib / tCat:F2} GiB/s", "");
            Row("hash", "hash throughput / cat throughput", $"{tCat / tHash:P0}", $"≥ 80 %: {(tCat / tHash >= 0.8 ? "met" : "NOT met")}");
            Console.WriteLine();
        }
    }

    private static void WriteSafetensors(string path, int tensors, long perTensor, (int Tensor, long Element)[] changes)
    {
        var header = new StringBuilder("{\"__metadata__\":{\"format\":\"pt\"}");
        for (var t = 0; t < tensors; t++)
        {
            header.Append(CultureInfo.InvariantCulture, $",\"layers.{t:D2}.weight\":{{\"dtype\":\"F32\",\"shape\":[{perTensor / 1024},1024],\"data_offsets\":[{t * perTensor * 4},{(t + 1) * perTensor * 4}]}}");
        }

        header.Append('}');
        var h = Encoding.UTF8.GetBytes(header.ToString());
        using var s = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        Span<byte> len = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(len, (ulong)h.Length);
        s.Write(len);
        s.Write(h);
        var rng = new Random(42);
        var buf = new float[perTensor];
        for (var t = 0; t < tensors; t++)
        {
            for (long i = 0; i < perTensor; i++)
            {
                buf[i] = (rng.NextSingle() - 0.5f) * 0.1f;
            }

            foreach (var (ct, ce) in changes)
            {
                if (ct == t)
                {
                    buf[ce] += 1e-3f;
                }
            }

            s.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(buf.AsSpan()));
        }
    }

    // ---------------------------------------------------------------- 4. reprotest + diffoscope

    private static void Reprotest(string fixtures, string tmp, int timeout)
    {
        Console.WriteLine("## 4. mlrepro verify vs reprotest + diffoscope (same project, same two-run question)");
        if (Sh("command -v reprotest && command -v diffoscope").Code != 0)
        {
            Console.WriteLine("   reprotest or diffoscope is not installed (apt-get install -y reprotest diffoscope faketime disorderfs): skipped");
            Row("reprotest", "skipped", "reprotest/diffoscope not installed", "");
            return;
        }

        Console.WriteLine($"   {Sh("dpkg-query -W reprotest diffoscope disorderfs faketime 2>&1").Out.Replace('\n', ' ').Replace('\t', ' ').Trim()}");
        var variations = Environment.GetEnvironmentVariable("MLREPRO_BENCH_REPROTEST_VARIATIONS") ?? ReprotestVariations;
        foreach (var name in new[] { "torch-seeded", "torch-unseeded" })
        {
            var src = Path.Combine(fixtures, name);
            var plan = new RunPlan("--cmd", ["python3 train.py"], [], [], null);
            VerificationRecord? rec = null;
            var tVerify = Time(() => rec = Verifier.Run(src, plan, Options(trace: true, parallel: false, fingerprint: true)));
            var differing = rec!.Comparisons.Count == 0 ? [] : rec.Comparisons[0].Differing.ToList();
            var named = differing.OrderBy(f => f.Format == "torch" ? 0 : 1).ThenBy(f => f.Path, StringComparer.Ordinal)
                .SelectMany(f => f.Items.Where(i => !i.Identical).Select(i => f.Path + ":" + i.Name)).ToList();
            Console.WriteLine($"   {name}: mlrepro verify {tVerify:F1} s → {(rec.Reproduced ? "reproduced" : "differs")}" +
                (named.Count > 0 ? $"; names {named.Count} differing items: {string.Join(", ", named.Take(8))}" : ""));

            // reprotest works on its own copy; its store dir keeps the diffoscope report.
            var work = Path.Combine(tmp, "reprotest-" + name);
            Workspace.Delete(work);
            Workspace.Copy(src, work, false);
            var store = Path.Combine(tmp, "reprotest-store-" + name);
            Workspace.Delete(store);
            var cmd = $"timeout -s KILL {timeout} reprotest --vary={variations} --store-dir='{store}' " +
                $"--diffoscope-arg=--text={store}.diffoscope.txt -c '/usr/bin/python3 train.py' . 'out/*'";
            Console.WriteLine($"   $ (cd {work} && {cmd})");
            var sw = Stopwatch.StartNew();
            var rp = Exec("/bin/sh", ["-c", cmd], work, timeout + 30, env: new() { ["PATH"] = "/usr/bin:/bin:/usr/sbin:/sbin" });
            var tRep = sw.Elapsed.TotalSeconds;
            var report = File.Exists(store + ".diffoscope.txt") ? File.ReadAllText(store + ".diffoscope.txt") : "";
            var verdict = rp.Code == 0 ? "reproducible" : rp.Code == 1 ? "unreproducible" : $"error (exit {rp.Code})";
            var tail = (rp.Out + rp.Err).Trim().Split('\n').TakeLast(3);
            Console.WriteLine($"   {name}: reprotest {tRep:F1} s → {verdict}; last lines: {string.Join(" | ", tail)}");

            // diffoscope alone on the two model files mlrepro's runs would compare: one seeded run vs another of this project.
            var d1 = Path.Combine(tmp, "diffo-" + name + "-1");
            var d2 = Path.Combine(tmp, "diffo-" + name + "-2");
            foreach (var d in new[] { d1, d2 })
            {
                Workspace.Delete(d);
                Workspace.Copy(src, d, false);
                Exec(Python, ["train.py"], d, 600);
            }

            sw.Restart();
            var df = Exec("/bin/sh", ["-c", $"timeout -s KILL {timeout} diffoscope --text - '{d1}/out/model.pt' '{d2}/out/model.pt'"], tmp, timeout + 30);
            var tDiff = sw.Elapsed.TotalSeconds;
            var dText = df.Out;
            var members = dText.Split('\n').Where(l => l.Contains("├── ", StringComparison.Ordinal) || l.StartsWith("--- ", StringComparison.Ordinal))
                .Select(l => l.Trim('│', ' ', '├', '─', '-').Trim()).Distinct().Take(12).ToList();
            var tensorNames = rec.Comparisons.Count == 0 ? [] : rec.Comparisons[0].Files.Where(f => f.Path == "out/model.pt").SelectMany(f => f.Items).Select(i => i.Name).ToList();
            var namesInDiff = tensorNames.Where(n => dText.Contains(n, StringComparison.Ordinal)).ToList();
            Console.WriteLine($"   {name}: diffoscope model.pt vs model.pt {tDiff:F1} s, exit {df.Code} ({dText.Length} chars); sections: {string.Join(" ; ", members)}");
            Console.WriteLine($"      state_dict keys mentioned anywhere in diffoscope's output: {(namesInDiff.Count == 0 ? "none" : string.Join(", ", namesInDiff))}");
            File.WriteAllText(Path.Combine(tmp, $"diffoscope-{name}.txt"), dText);
            Row("reprotest", $"{name}: mlrepro verify wall", $"{tVerify:F1} s, {(rec.Reproduced ? "reproduced" : "differs")}", named.Count > 0 ? "names: " + string.Join(", ", named.Take(6)) : "");
            Row("reprotest", $"{name}: reprotest wall (--vary={variations})", $"{tRep:F1} s, {verdict}", report.Length > 0 ? $"diffoscope report {report.Length} chars" : "");
            Row("reprotest", $"{name}: diffoscope model.pt alone", $"{tDiff:F1} s, exit {df.Code}", namesInDiff.Count == 0 ? "no state_dict key named" : "mentions " + string.Join(", ", namesInDiff));
        }

        Console.WriteLine();
    }

    /// <summary>reprotest variations: all of them (the default) except user_group, which needs extra user accounts configured (docs/performance.md).</summary>
    private const string ReprotestVariations = "-user_group";

    // ---------------------------------------------------------------- helpers

    private static void Row(string section, string name, string value, string target) => s_rows.Add((section, name, value, target));

    private static string FindFixtures()
    {
        for (var d = new DirectoryInfo(Environment.CurrentDirectory); d is not null; d = d.Parent)
        {
            var p = Path.Combine(d.FullName, "bench", "verify-fixtures");
            if (Directory.Exists(p))
            {
                return p;
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "verify-fixtures");
    }

    /// <summary>utime + stime + cutime + cstime of this process from /proc/self/stat, in seconds.</summary>
    private static double CpuSeconds()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Fields 14-17 of proc(5), counted from field 3 (state) here; clock ticks of 1/100 s (sysconf(_SC_CLK_TCK) on Linux).
        return (long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture) +
            long.Parse(f[13], CultureInfo.InvariantCulture) + long.Parse(f[14], CultureInfo.InvariantCulture)) / 100.0;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static double Time(Action a)
    {
        var sw = Stopwatch.StartNew();
        a();
        return sw.Elapsed.TotalSeconds;
    }

    private static double MedianOf(int n, Action a, Action? after)
    {
        var xs = new List<double>();
        for (var i = 0; i < n; i++)
        {
            xs.Add(Time(a));
            after?.Invoke();
        }

        return Median(xs);
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToArray();
        return s.Length == 0 ? double.NaN : s.Length % 2 == 1 ? s[s.Length / 2] : (s[(s.Length / 2) - 1] + s[s.Length / 2]) / 2;
    }

    private static (int Code, string Out, string Err) Sh(string command) => Exec("/bin/sh", ["-c", command], null, 600);

    private static (int Code, string Out, string Err) Exec(string file, string[] argv, string? cwd, int timeoutSeconds, Dictionary<string, string>? env = null)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in argv)
        {
            psi.ArgumentList.Add(a);
        }

        if (cwd is not null)
        {
            psi.WorkingDirectory = cwd;
        }

        foreach (var (k, v) in env ?? [])
        {
            psi.Environment[k] = v;
        }

        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEndAsync();
        if (!p.WaitForExit(timeoutSeconds * 1000))
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
            return (137, output.Result, err.Result + "\n(killed after " + timeoutSeconds + " s)");
        }

        p.WaitForExit();
        return (p.ExitCode, output.Result, err.Result);
    }
}
