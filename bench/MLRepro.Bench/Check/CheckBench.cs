using System.Diagnostics;
using MLRepro.Assessment;
using MLRepro.Indexing;
using MLRepro.Model;

namespace MLRepro.Bench.Check;

/// <summary>
/// `check` sub-command: the cost of a whole `mlrepro check` and of each layer under it, against reading the same
/// bytes, all measured in one run (medians after a warm-up, page cache warm):
/// read = parallel File.ReadAllBytes of every indexed text file; index; index + Python summaries;
/// index + Python + every other format (ParseAll); the full assessment (checks, scoring, report DTO).
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
            Console.Error.WriteLine("usage: MLRepro.Bench check [--stdlib DIR] [--corpus DIR [--files N]] [--runs R]");
            return 2;
        }

        if (args.Contains("--per-check"))
        {
            // Where a check's time goes: the model's analyses are built on first use, so each is timed where it is first asked for.
            var model = ProjectModel.Open(roots[0].Path, new IndexOptions { UseGit = false });
            Console.WriteLine($"python: {Time(() => _ = model.PythonModules.Count):0} ms, all formats: {Time(model.ParseAll):0} ms");
            foreach (var check in MLRepro.Checks.CheckRegistry.All)
            {
                Console.WriteLine($"{check.Info.Id,-22} {Time(() => check.Run(model)):0} ms");
            }

            return 0;
        }

        Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine("| | files | read bytes (ms) | index | + Python | + all formats | full check | formats overhead | check ÷ read |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, root) in roots)
        {
            var options = new IndexOptions { UseGit = false };
            var files = RepoIndex.Build(root, options).Files.Where(f => f.IsText).Select(f => Path.Combine(root, f.Path)).ToArray();
            double Read() => Time(() => Parallel.ForEach(files, f => File.ReadAllBytes(f)));
            double Index() => Time(() => RepoIndex.Build(root, options));
            double Python() => Time(() => _ = ProjectModel.Open(root, options).PythonModules.Count);
            double All() => Time(() => ProjectModel.Open(root, options).ParseAll());
            double Check() => Time(() => Assessor.Assess(root, options));
            _ = (Read(), Check()); // warm-up: page cache, JIT
            var (read, index, python, all, check) = (Median(runs, Read), Median(runs, Index), Median(runs, Python), Median(runs, All), Median(runs, Check));
            Console.WriteLine($"| {name} | {files.Length} | {read:0} | {index:0} | {python:0} | {all:0} | {check:0} | {(all - python) / python:P0} | {check / read:0.0}× |");
        }

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
