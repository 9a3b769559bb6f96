using System.Diagnostics;
using MLRepro.Assessment;
using MLRepro.Caching;
using MLRepro.Indexing;
using MLRepro.Model;

namespace MLRepro.Bench.Check;

/// <summary>
/// `check` sub-command: the cost of a whole `mlrepro check` and of each layer under it, against reading the same
/// bytes, all measured in one run (medians after a warm-up, page cache warm):
/// read = parallel File.ReadAllBytes of every indexed text file; index; index + Python summaries;
/// index + Python + every other format (ParseAll); the full assessment (checks, scoring, report DTO); the key of the
/// whole-assessment cache (one walk that reads and hashes every input) and a full check answered by that cache.
/// `--assessment-only` measures only read, index, the cold check, the key and the warm assessment, interleaved.
/// </summary>
internal static class CheckBench
{
    public static int Run(string[] args)
    {
        var runs = Arg(args, "--runs", 3);
        var roots = new List<(string Name, string Path)>();
        if (ArgS(args, "--stdlib") is { } stdlib)
        {
            roots.Add(("CPython stdlib", stdlib));
        }

        if (ArgS(args, "--corpus") is { } corpus)
        {
            if (!Directory.Exists(corpus) || !Directory.EnumerateFileSystemEntries(corpus).Any())
            {
                var (n, bytes) = CorpusGenerator.Generate(corpus, Arg(args, "--files", 20000), Arg(args, "--seed", 1));
                Console.Error.WriteLine($"generated {n} files ({bytes / 1_000_000} MB) in {corpus}");
            }

            roots.Add(("generated repo", corpus));
        }

        if (roots.Count == 0)
        {
            Console.Error.WriteLine("usage: MLRepro.Bench check [--stdlib DIR] [--corpus DIR [--files N]] [--runs R] [--per-check [--warm]] [--assessment-only]");
            return 2;
        }

        if (args.Contains("--per-check"))
        {
            return PerCheck(roots[0].Path, runs, args.Contains("--warm"));
        }

        Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
        var quick = args.Contains("--assessment-only");
        if (quick)
        {
            // Only the columns the whole-assessment cache is judged by: many samples of them fit in a minute.
            Console.WriteLine("| | files | read bytes (ms) | index | full check, no cache | assessment key, every file read and hashed | assessment key, unchanged files from the digest memo | full check, warm assessment cache | check ÷ read, cold | check ÷ read, warm assessment cache |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        }
        else
        {
            Console.WriteLine("| | files | read bytes (ms) | index | + Python | + all formats | full check, no cache | check filling an empty cache | + Python, warm cache | full check, warm cache | formats overhead | check ÷ read, cold | check ÷ read, warm | assessment key (walk, read, hash) | full check, warm assessment cache | check ÷ read, warm assessment cache |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        }

        var cacheRoot = Path.Combine(Path.GetTempPath(), "mlrepro-bench-cache-" + Environment.ProcessId);
        try
        {
            foreach (var (name, root) in roots)
            {
                var options = new IndexOptions { UseGit = false };
                var files = RepoIndex.Build(root, options).Files.Where(f => f.IsText).Select(f => Path.Combine(root, f.Path)).ToArray();
                var warmCache = new SummaryCache(Path.Combine(cacheRoot, "warm"));
                var fills = 0;
                double Read() => Time(() => Parallel.ForEach(files, f => File.ReadAllBytes(f)));
                double Index() => Time(() => RepoIndex.Build(root, options));
                double Python() => Time(() => _ = ProjectModel.Open(root, options).PythonModules.Count);
                double All() => Time(() => ProjectModel.Open(root, options).ParseAll());
                double Check() => Time(() => Assessor.Assess(root, options));
                double Fill()
                {
                    // Every run starts from an empty cache folder of its own: the cost of a first run with the cache on.
                    var cache = new SummaryCache(Path.Combine(cacheRoot, "fill" + fills++));
                    return Time(() => Assessor.Assess(root, options, cache));
                }

                double PythonWarm() => Time(() => _ = ProjectModel.Open(root, options, warmCache).PythonModules.Count);
                double CheckWarm() => Time(() => Assessor.Assess(root, options, warmCache));
                // The whole-assessment cache as `mlrepro check` uses it: walk, read and hash every input, read the entry back.
                var assessments = AssessmentCache.Beside(warmCache);
                double Key() => Time(() => AssessmentKey.Compute(root, options));
                // The key as a hit computes it: files whose stat is unchanged since the memo's last scan are not read.
                var memo = DigestMemo.InMemory(root, options);
                _ = AssessmentKey.Compute(root, options, memo: memo);
                double KeyMemo() => Time(() => AssessmentKey.Compute(root, options, memo: memo));
                double AssessedWarm() => Time(() => assessments.GetOrAssess(root, options, [], () => throw new InvalidOperationException("the warm assessment cache missed")));
                if (quick)
                {
                    // One cold check (it fills the assessment cache; at the time of writing a cold check takes minutes here),
                    // then the cheap columns interleaved, so that a change of load moves each alike; then medians.
                    _ = (Read(), Index(), Key());
                    // --no-cold: only read, index and the key (the cost of a hit less one entry read), for a tree whose cold check
                    // would not finish in the time at hand.
                    var noCold = args.Contains("--no-cold");
                    var cold = noCold ? double.NaN : Time(() => assessments.GetOrAssess(root, options, [], () => Assessor.Assess(root, options)));
                    if (noCold && ArgS(args, "--entry-from") is { } stand)
                    {
                        // The hit path (key, entry read, checksum, decode) with the real report of a smaller project stored
                        // under this tree's key: a report's size is bounded (16 findings, capped fact lists) but for its diagnostics.
                        var standIn = Assessor.Assess(stand, options);
                        _ = assessments.GetOrAssess(root, options, [], () => standIn);
                        Console.Error.WriteLine($"{name}: stand-in entry from {stand}: {Directory.EnumerateFiles(assessments.EntriesDirectory, "*.bin", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length)} bytes");
                        noCold = false;
                    }

                    var samples = Enumerable.Range(0, runs).Select(_ => (Read(), Index(), Key(), KeyMemo(), noCold ? double.NaN : AssessedWarm())).ToList();
                    double Med(Func<(double, double, double, double, double), double> f) => samples.Select(f).Order().ElementAt(samples.Count / 2);
                    var (r, ix, k, km, a) = (Med(x => x.Item1), Med(x => x.Item2), Med(x => x.Item3), Med(x => x.Item4), Med(x => x.Item5));
                    Console.WriteLine($"| {name} | {files.Length} | {r:0.0} | {ix:0} | {cold:0} (1 run) | {k:0.0} | {km:0.0} | {a:0.0} | {cold / r:0}× | {a / r:0.00}× |");
                    Console.Error.WriteLine($"{name}: per-run read / key / key with memo / warm assessment (ms): {string.Join(", ", samples.Select(x => $"{x.Item1:0.0}/{x.Item3:0.0}/{x.Item4:0.0}/{x.Item5:0.0}"))}; assessment cache {assessments.Hits} hits, {assessments.Misses} misses; digest memo {memo.Hits} reused, {memo.Reads} read; load {File.ReadAllText("/proc/loadavg").Trim()}");
                    continue;
                }

                _ = (Read(), Check(), assessments.GetOrAssess(root, options, [], () => Assessor.Assess(root, options, warmCache))); // warm-up: page cache, JIT; fills both caches

                var (read, index, python, all, check) = (Median(runs, Read), Median(runs, Index), Median(runs, Python), Median(runs, All), Median(runs, Check));
                var (fill, pythonWarm, checkWarm) = (Median(runs, Fill), Median(runs, PythonWarm), Median(runs, CheckWarm));
                var (key, assessedWarm) = (Median(runs, Key), Median(runs, AssessedWarm));
                Console.WriteLine($"| {name} | {files.Length} | {read:0} | {index:0} | {python:0} | {all:0} | {check:0} | {fill:0} | {pythonWarm:0} | {checkWarm:0} | {(all - python) / python:P0} | {check / read:0.0}× | {checkWarm / read:0.0}× | {key:0} | {assessedWarm:0} | {assessedWarm / read:0.00}× |");
                long Live(SummaryCache? c)
                {
                    var m = ProjectModel.Open(root, options, c);
                    _ = m.PythonModules.Count;
                    var bytes = GC.GetTotalMemory(forceFullCollection: true);
                    GC.KeepAlive(m);
                    return bytes;
                }

                Console.Error.WriteLine($"{name}: live managed heap with the model's summaries: {Live(null) / 1_000_000.0:0} MB parsed, {Live(warmCache) / 1_000_000.0:0} MB read from the cache");
                Console.Error.WriteLine($"{name}: warm cache {warmCache.Hits} hits, {warmCache.Misses} misses, {Directory.EnumerateFiles(warmCache.EntriesDirectory, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) / 1_000_000.0:0.0} MB on disk");
            }
        }
        finally
        {
            if (Directory.Exists(cacheRoot))
            {
                Directory.Delete(cacheRoot, recursive: true);
            }
        }

        return 0;
    }

    /// <summary>
    /// Where a check's time goes: the model's analyses are built on first use, so each is timed where it is first asked
    /// for, in dependency order, so that each line is that analysis's own cost. Wall and process CPU time (the CPU time is
    /// steadier on a loaded machine for the single-threaded sections), medians over fresh models after one warm-up.
    /// </summary>
    private static int PerCheck(string root, int runs, bool warm)
    {
        var rows = new List<(string Name, List<double> Wall, List<double> Cpu)>();
        var cacheDir = Path.Combine(Path.GetTempPath(), "mlrepro-bench-cache-" + Environment.ProcessId);
        var cache = warm ? new SummaryCache(cacheDir) : null;
        if (cache is not null)
        {
            _ = ProjectModel.Open(root, new IndexOptions { UseGit = false }, cache).PythonModules.Count;
        }

        for (var run = 0; run <= runs; run++)
        {
            var model = ProjectModel.Open(root, new IndexOptions { UseGit = false }, cache);
            var sections = new List<(string, Action)>
            {
                ("python summaries", () => _ = model.PythonModules.Count),
                ("all formats", model.ParseAll),
                ("commands", () => _ = model.Commands),
                ("config", () => _ = model.Config),
                ("tracer", () => _ = model.Tracer),
                ("randomness", () => _ = model.Randomness),
                ("entry points", () => _ = model.EntryPoints),
                ("imports", () => _ = model.Imports),
                ("data", () => _ = model.Data),
                ("tools", () => _ = model.Tools),
            };
            sections.AddRange(MLRepro.Checks.CheckRegistry.All.Select(c => (c.Info.Id, (Action)(() => c.Run(model)))));
            sections.Add(("diagnostics", () => _ = model.Diagnostics.Length));
            sections.Add(("assess (model warm)", () => Assessor.Assess(model)));
            for (var i = 0; i < sections.Count; i++)
            {
                GC.Collect();
                var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
                var sw = Stopwatch.StartNew();
                sections[i].Item2();
                var wall = sw.Elapsed.TotalMilliseconds;
                var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds;
                if (run == 0)
                {
                    rows.Add((sections[i].Item1, [], []));
                }
                else
                {
                    rows[i].Wall.Add(wall);
                    rows[i].Cpu.Add(cpu);
                }
            }
        }

        Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine($"{"section",-22} {"wall ms",8} {"cpu ms",8}");
        foreach (var (name, wall, cpu) in rows)
        {
            Console.WriteLine($"{name,-22} {wall.Order().ElementAt(wall.Count / 2),8:0} {cpu.Order().ElementAt(cpu.Count / 2),8:0}");
        }

        if (cache is not null)
        {
            Console.WriteLine($"summary cache: {cache.Hits} hits, {cache.Misses} misses");
            Directory.Delete(cacheDir, recursive: true);
        }

        Console.WriteLine($"{"sum after formats",-22} {rows.Skip(2).Take(rows.Count - 3).Sum(r => r.Wall.Order().ElementAt(r.Wall.Count / 2)),8:0} {rows.Skip(2).Take(rows.Count - 3).Sum(r => r.Cpu.Order().ElementAt(r.Cpu.Count / 2)),8:0}");
        return 0;
    }

    private static double Time(Action a)
    {
        GC.Collect();
        var sw = Stopwatch.StartNew();
        a();
        return sw.Elapsed.TotalMilliseconds;
    }

    private static double Median(int n, Func<double> f)
    {
        var xs = Enumerable.Range(0, n).Select(_ => f()).Order().ToList();
        return xs[xs.Count / 2];
    }

    private static int Arg(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;

    private static string? ArgS(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
