using System.Diagnostics;
using AwesomeAssertions;
using MLRepro.Python;
using MLRepro.Tests.Support;

namespace MLRepro.Tests.Python;

/// <summary>
/// The summary's imports and call targets against CPython's ast, over the interpreter's standard library and
/// every Python fixture. Only files ast parses are counted.
/// </summary>
public sealed class DifferentialTests(ITestOutputHelper output)
{
    /// <summary>Required share of files where both sides agree exactly.</summary>
    private const double RequiredAgreement = 0.995;

    internal static IEnumerable<string> StdlibFiles(string stdlib) =>
        Directory.EnumerateFiles(stdlib, "*.py", SearchOption.AllDirectories)
            .Where(f =>
            {
                var rel = Path.GetRelativePath(stdlib, f).Replace('\\', '/');
                return !rel.Contains("-packages/", StringComparison.Ordinal) && !rel.StartsWith("test/", StringComparison.Ordinal) &&
                       !rel.Contains("/test/", StringComparison.Ordinal) && !rel.Contains("lib2to3/tests/data", StringComparison.Ordinal);
            })
            .Order(StringComparer.Ordinal);

    internal static IEnumerable<string> FixtureFiles() =>
        Directory.EnumerateFiles(Path.Combine(TestPaths.Fixtures, "Python"), "*.py", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    [Fact]
    public void Imports_and_call_targets_agree_with_cpython_ast()
    {
        Assert.SkipWhen(PythonOracle.Interpreter is null, "no python3 interpreter");
        var sw = Stopwatch.StartNew();
        var files = StdlibFiles(PythonOracle.Stdlib()).Concat(FixtureFiles()).ToList();
        // A larger corpus for local hardening runs (e.g. /usr/lib/python3/dist-packages); not part of CI.
        if (Environment.GetEnvironmentVariable("MLREPRO_PY_EXTRA_CORPUS") is { Length: > 0 } extra && Directory.Exists(extra))
        {
            files.AddRange(Directory.EnumerateFiles(extra, "*.py", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
        }

        var oracle = PythonOracle.Summaries(files).Where(o => o.Ok).ToList();
        var disagreements = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.ForEach(oracle, o =>
        {
            var text = File.ReadAllText(o.Path);
            var s = ModuleSummary.Parse(o.Path, text);
            var imports = s.Imports.Select(i => i.ToString()).ToHashSet(StringComparer.Ordinal);
            var calls = s.Calls.Where(c => c.IsDottedName).Select(c => s.ResolveImports(c.RawTarget)).ToHashSet(StringComparer.Ordinal);
            var missingImports = o.Imports.Except(imports).ToList();
            var extraImports = imports.Except(o.Imports).ToList();
            var missingCalls = o.Calls.Except(calls).ToList();
            var extraCalls = calls.Except(o.Calls).ToList();
            if (missingImports.Count + extraImports.Count + missingCalls.Count + extraCalls.Count > 0)
            {
                disagreements.Add($"{o.Path}: imports -[{string.Join(", ", missingImports.Take(5))}] +[{string.Join(", ", extraImports.Take(5))}] calls -[{string.Join(", ", missingCalls.Take(5))}] +[{string.Join(", ", extraCalls.Take(5))}]");
            }
        });

        var rate = 1.0 - ((double)disagreements.Count / oracle.Count);
        var report = new List<string> { $"compared {oracle.Count} files ({files.Count - oracle.Count} not parseable by ast, skipped) in {sw.Elapsed.TotalSeconds:F1} s; agreement {rate:P2}" };
        report.AddRange(disagreements.Order(StringComparer.Ordinal));
        File.WriteAllLines(Path.Combine(AppContext.BaseDirectory, "python-differential.txt"), report);
        output.WriteLine($"compared {oracle.Count} files ({files.Count - oracle.Count} not parseable by ast, skipped) in {sw.Elapsed.TotalSeconds:F1} s; agreement {rate:P2}");
        foreach (var d in disagreements.Order(StringComparer.Ordinal))
        {
            output.WriteLine(d);
        }

        oracle.Count.Should().BeGreaterThan(100, "the standard library must have been found");
        oracle.Count(o => o.Path.Contains("/Fixtures/Python/", StringComparison.Ordinal)).Should().BeGreaterThan(0);
        rate.Should().BeGreaterThanOrEqualTo(RequiredAgreement, string.Join('\n', disagreements.Take(20)));
        // Fixtures are ours: all of them must agree.
        disagreements.Where(d => d.Contains("/Fixtures/Python/", StringComparison.Ordinal)).Should().BeEmpty();
    }
}
