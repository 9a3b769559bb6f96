using System.Diagnostics;
using System.Globalization;
using MLRepro.Bench;
using MLRepro.Formats.Notebook;
using MLRepro.Indexing;
using MLRepro.Model;
using MLRepro.Python;

// Usage:
//   dotnet run -c Release --project bench/MLRepro.Bench -- python [--files 20000] [--seed 1] [--runs 5] [--corpus DIR] [--stdlib DIR]
//   dotnet run -c Release --project bench/MLRepro.Bench -- verify [--runs 3] [--size-mb 1024] [--sections pipeline,safetensors,hash,reprotest]
//   dotnet run -c Release --project bench/MLRepro.Bench -- check [--stdlib DIR] [--corpus DIR [--files 20000]] [--runs 3]
//   (internal) python-mem ROOT   : index + summarize once and print the peak working set, for a clean measurement
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
if (args.Length >= 1 && args[0] == "check")
{
    return MLRepro.Bench.Check.CheckBench.Run(args);
}

if (args.Length >= 2 && args[0] == "python-mem")
{
    var m = ProjectModel.Open(args[1], new IndexOptions { UseGit = false });
    var afterIndex = GC.GetTotalMemory(true);
    var n = m.PythonModules.Count;
    var live = GC.GetTotalMemory(true);
    Console.WriteLine($"{n} {Process.GetCurrentProcess().PeakWorkingSet64} {afterIndex} {live}");
    if (Environment.GetEnvironmentVariable("MLREPRO_BENCH_PAUSE") == "1")
    {
        // Lets a heap dump tool attach (dotnet-gcdump collect -p PID).
        Console.Out.Flush();
        Thread.Sleep(30_000);
    }

    GC.KeepAlive(m);
    return 0;
}

if (args.Length >= 2 && args[0] == "python-check")
{
    // Checks that summaries built by a model (strings and parts shared across modules) equal summaries built alone.
    var m = ProjectModel.Open(args[1], new IndexOptions { UseGit = false });
    var differ = 0;
    foreach (var shared in m.PythonModules)
    {
        var text = File.ReadAllText(Path.Combine(args[1], shared.Path));
        var alone = shared.IsNotebook ? ModuleSummary.Parse(NotebookParser.Parse(shared.Path, text)) : ModuleSummary.Parse(shared.Path, text);
        if (Dump(shared) != Dump(alone))
        {
            differ++;
            Console.WriteLine($"differs: {shared.Path}");
        }
    }

    Console.WriteLine($"{m.PythonModules.Count} modules, {differ} differ");
    return differ == 0 ? 0 : 1;
}

if (args.Length >= 2 && args[0] == "python-loop")
{
    // A steady single-threaded workload for a profiler: summarize every .py under ROOT, N times.
    var texts = Directory.EnumerateFiles(args[1], "*.py", SearchOption.AllDirectories).Select(p => (p, File.ReadAllText(p))).ToArray();
    var sw = Stopwatch.StartNew();
    for (var r = 0; r < (args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5); r++)
    {
        var lap = Stopwatch.StartNew();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        foreach (var (p, t) in texts)
        {
            _ = ModuleSummary.Parse(p, t);
        }

        Console.WriteLine($"run {r}: {lap.Elapsed.TotalMilliseconds:F0} ms, {(GC.GetAllocatedBytesForCurrentThread() - allocated) / 1e6:F1} MB allocated");
    }

    Console.WriteLine($"{sw.Elapsed.TotalMilliseconds:F0} ms");
    return 0;
}

if (args.Length >= 1 && args[0] == "verify")
{
    return MLRepro.Bench.Verify.VerifyBench.Run(args[1..]);
}

if (args.Length == 0 || args[0] != "python")
{
    Console.Error.WriteLine("usage: MLRepro.Bench python [--files N] [--seed S] [--runs R] [--warmup W] [--corpus DIR] [--stdlib DIR]");
    return 2;
}

string Opt(string name, string def)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : def;
}

var files = int.Parse(Opt("--files", "20000"), CultureInfo.InvariantCulture);
var seed = int.Parse(Opt("--seed", "1"), CultureInfo.InvariantCulture);
var runs = int.Parse(Opt("--runs", "5"), CultureInfo.InvariantCulture);
// Tiered JIT reaches steady code only after a few passes over a large corpus, so warm up more than once.
var warmups = int.Parse(Opt("--warmup", "3"), CultureInfo.InvariantCulture);
var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
var stdlib = Opt("--stdlib", RunProcess(python, ["-c", "import sysconfig;print(sysconfig.get_paths()['stdlib'])"], null).Trim());
var corpus = Opt("--corpus", Path.Combine(Path.GetTempPath(), $"mlrepro-bench-corpus-{files}-{seed}"));

Console.WriteLine($"mlrepro python benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}, {RuntimeInformationText()}");
Console.WriteLine($"median of {runs} runs after {warmups} warm-up runs; CPython: {RunProcess(python, ["--version"], null).Trim()}");
Console.WriteLine();
Measure("CPython stdlib", stdlib);
if (!Directory.Exists(corpus) || !File.Exists(Path.Combine(corpus, "README.md")))
{
    var sw = Stopwatch.StartNew();
    var (n, bytes) = CorpusGenerator.Generate(corpus, files, seed);
    Console.WriteLine($"generated {n} files ({bytes / 1e6:F1} MB) under {corpus} in {sw.Elapsed.TotalSeconds:F1} s");
}

Measure($"generated repo ({files} files, seed {seed})", corpus);
return 0;

void Measure(string title, string root)
{
    Console.WriteLine($"## {title}: {root}");
    var paths = ListModules(root);
    var pyPaths = paths.Where(p => p.EndsWith(".py", StringComparison.Ordinal)).ToArray();

    var indexSummarize = Median(runs, () =>
    {
        var m = ProjectModel.Open(root, new IndexOptions { UseGit = false });
        _ = m.PythonModules.Count;
    });
    var indexOnly = Median(runs, () => RepoIndex.Build(root, new IndexOptions { UseGit = false }));
    var readParallel = Median(runs, () => Parallel.ForEach(paths, p => File.ReadAllBytes(p)));
    var readSequential = Median(runs, () =>
    {
        foreach (var p in paths)
        {
            File.ReadAllBytes(p);
        }
    });

    var texts = pyPaths.Select(File.ReadAllText).ToArray();
    var summarizeSingle = Median(runs, () =>
    {
        for (var i = 0; i < texts.Length; i++)
        {
            _ = ModuleSummary.Parse(pyPaths[i], texts[i]);
        }
    });
    var tokenizeSingle = Median(runs, () =>
    {
        foreach (var t in texts)
        {
            _ = Tokenizer.Tokenize(t);
        }
    });

    // Load-independent figures: bytes allocated and collections for one single-threaded summary pass.
    var gen0 = GC.CollectionCount(0);
    var gen2 = GC.CollectionCount(2);
    var allocated = GC.GetAllocatedBytesForCurrentThread();
    for (var i = 0; i < texts.Length; i++)
    {
        _ = ModuleSummary.Parse(pyPaths[i], texts[i]);
    }

    allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
    gen0 = GC.CollectionCount(0) - gen0;
    gen2 = GC.CollectionCount(2) - gen2;

    var astOut = RunProcess(python, [Path.Combine(AppContext.BaseDirectory, "ast_parse_time.py"), "3"], string.Join('\n', pyPaths) + "\n").Split(' ');
    var astSeconds = double.Parse(astOut[1], CultureInfo.InvariantCulture);
    var mem = RunProcess(Environment.ProcessPath!, ["python-mem", root], null).Trim().Split(' ');
    var peakMb = long.Parse(mem[1], CultureInfo.InvariantCulture) / (1024.0 * 1024.0);
    var indexMb = long.Parse(mem[2], CultureInfo.InvariantCulture) / (1024.0 * 1024.0);
    var liveMb = long.Parse(mem[3], CultureInfo.InvariantCulture) / (1024.0 * 1024.0);

    Console.WriteLine($"   index + summarize (parallel, as `mlrepro index`): {indexSummarize * 1000,9:F1} ms");
    Console.WriteLine($"     of which index only (walk, sniff, git-ignore):   {indexOnly * 1000,9:F1} ms");
    Console.WriteLine($"   File.ReadAllBytes, same files, parallel:          {readParallel * 1000,9:F1} ms   ratio {indexSummarize / readParallel:F2}x (target <= 1.5x)");
    Console.WriteLine($"   File.ReadAllBytes, same files, sequential:        {readSequential * 1000,9:F1} ms   ratio {indexSummarize / readSequential:F2}x");
    Console.WriteLine($"   tokenize only, .py, 1 thread:                     {tokenizeSingle * 1000,9:F1} ms   {texts.Sum(t => (long)t.Length) / tokenizeSingle / 1e6:F1} M chars/s");
    Console.WriteLine($"   tokenize + summary, .py, 1 thread:                {summarizeSingle * 1000,9:F1} ms   {texts.Sum(t => (long)t.Length) / summarizeSingle / 1e6:F1} M chars/s");
    Console.WriteLine($"     allocated by one summary pass: {allocated / 1e6:F1} MB ({(double)allocated / texts.Sum(t => (long)t.Length):F2} bytes/char), {gen0} gen0 / {gen2} gen2 collections");
    Console.WriteLine($"   CPython ast.parse, same {astOut[0]} .py files, 1 thread: {astSeconds * 1000,9:F1} ms   speed-up {astSeconds / summarizeSingle:F1}x (target >= 10x)");
    Console.WriteLine($"   peak working set, index + summarize in a fresh process: {peakMb:F0} MB (target <= 300 MB on 20k files); live managed heap after index {indexMb:F0} MB, after summaries {liveMb:F0} MB");
    Console.WriteLine();
}

// Lists the summarized files in a model that is dropped before anything is timed: a live model (hundreds of MB of
// summaries on the generated corpus) would make every later collection mark it, and be timed with the code under test.
string[] ListModules(string root)
{
    var model = ProjectModel.Open(root, new IndexOptions { UseGit = false });
    var paths = model.PythonModules.Select(m => Path.Combine(root, m.Path)).ToArray();
    var totalBytes = paths.Sum(p => new FileInfo(p).Length);
    Console.WriteLine($"   {model.Index.Files.Length} files indexed, {paths.Length} Python modules/notebooks summarized ({totalBytes / 1e6:F1} MB), {model.PythonModules.Sum(m => m.Calls.Length)} calls");
    return paths;
}

double Median(int runs, Action action)
{
    for (var w = 0; w < warmups; w++)
    {
        action();
    }

    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        GC.Collect();
        var sw = Stopwatch.StartNew();
        action();
        times.Add(sw.Elapsed.TotalSeconds);
    }

    times.Sort();
    return times[times.Count / 2];
}

static string RunProcess(string exe, string[] arguments, string? stdin)
{
    var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardInput = stdin is not null, RedirectStandardError = true };
    foreach (var a in arguments)
    {
        psi.ArgumentList.Add(a);
    }

    using var p = Process.Start(psi)!;
    var err = p.StandardError.ReadToEndAsync();
    var outp = p.StandardOutput.ReadToEndAsync();
    if (stdin is not null)
    {
        p.StandardInput.Write(stdin);
        p.StandardInput.Close();
    }

    p.WaitForExit();
    if (p.ExitCode != 0)
    {
        throw new InvalidOperationException($"{exe} failed: {err.Result}");
    }

    return outp.Result;
}

static string Dump(ModuleSummary m)
{
    static string Args(IEnumerable<CallArgument> a) => string.Join(", ", a.Select(Arg));
    static string Arg(CallArgument? a) => a is null ? "-" : $"{a.Keyword}={a.Text}|{a.Literal?.Kind}:{a.Literal}|{string.Join('+', a.Names)}|{a.Star}";
    var sb = new System.Text.StringBuilder();
    sb.AppendLine(string.Join('\n', m.Imports)).AppendLine(string.Join('\n', m.ImportBindings.Select(kv => kv.Key + "=" + kv.Value)));
    sb.AppendLine(string.Join('\n', m.Calls.Select(c => $"{c.Target} {c.RawTarget} {c.Line}:{c.Column} ({Args(c.Arguments)})")));
    sb.AppendLine(string.Join('\n', m.Assignments)).AppendLine(string.Join('\n', m.StringLiterals)).AppendLine(string.Join(' ', m.Names));
    sb.AppendLine(string.Join('\n', m.Decorators.Select(d => $"{d.Target} {d.RawTarget} {d.Line} {d.IsCall} ({Args(d.Arguments)})")));
    sb.AppendLine(string.Join('\n', m.Functions)).AppendLine(string.Join('\n', m.Classes.Select(c => $"{c.Name} {c.Line} {string.Join(',', c.Bases)}")));
    sb.AppendLine(string.Join('\n', m.CliOptions.Select(o => $"{o.Framework} {string.Join(',', o.Flags)} {o.Dest} {Arg(o.Default)} {o.Type} {o.Line}")));
    sb.AppendLine(string.Join('\n', m.Reads.Select(r => $"{r.Function} {r.Kind} {Arg(r.Path)} {r.Line}")));
    sb.AppendLine(string.Join('\n', m.Diagnostics)).AppendLine($"{m.MainGuardLine} {m.LineCount} {m.TokenCount}");
    return sb.ToString();
}

static string RuntimeInformationText() => System.Runtime.InteropServices.RuntimeInformation.OSDescription;
