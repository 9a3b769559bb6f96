using System.Collections.Immutable;
using AwesomeAssertions;
using MLRepro.Assessment;
using MLRepro.Caching;
using MLRepro.Formats.Notebook;
using MLRepro.Indexing;
using MLRepro.Model;
using MLRepro.Python;
using MLRepro.Reporting.Console;
using MLRepro.Reporting.Json;
using MLRepro.Tests.Python;
using MLRepro.Tests.Support;

namespace MLRepro.Tests.Caching;

public sealed class SummaryCacheTests
{
    /// <summary>Every Python file and notebook of the fixtures and examples, plus the interpreter's standard library when found.</summary>
    private static List<string> SampleFiles()
    {
        var files = new[] { TestPaths.Fixtures, TestPaths.Examples }
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".py", StringComparison.Ordinal) || f.EndsWith(".ipynb", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (PythonOracle.Interpreter is not null)
        {
            files.AddRange(DifferentialTests.StdlibFiles(PythonOracle.Stdlib()));
        }

        return files;
    }

    private static ModuleSummary Summarize(string file)
    {
        var text = File.ReadAllText(file);
        return file.EndsWith(".ipynb", StringComparison.Ordinal) ? ModuleSummary.Parse(NotebookParser.Parse(file, text)) : ModuleSummary.Parse(file, text);
    }

    [Fact]
    public void Every_fixture_and_stdlib_summary_reads_back_equal_to_the_fresh_one()
    {
        var files = SampleFiles();
        files.Should().Contain(f => f.EndsWith(".ipynb", StringComparison.Ordinal), "notebooks must be among the samples");
        var differences = new System.Collections.Concurrent.ConcurrentBag<string>();
        var pool = new StringPool();
        Parallel.ForEach(files, file =>
        {
            var fresh = Summarize(file);
            var bytes = SummaryCache.Encode(fresh);
            foreach (var back in new[] { SummaryCache.Decode(bytes), SummaryCache.Decode(bytes, pool) })
            {
                if (back is null)
                {
                    differences.Add($"{file}: entry did not decode");
                }
                else if (StructuralEquality.FirstDifference(fresh, back) is { } d)
                {
                    differences.Add($"{file}: {d}");
                }
            }
        });

        files.Count.Should().BeGreaterThan(20);
        differences.Should().BeEmpty();
    }

    [Fact]
    public void The_comparison_sees_a_lost_field()
    {
        // The round-trip test is only as good as its comparison: a copy that differs in one nested value must fail it.
        var s = ModuleSummary.Parse("m.py", "import numpy as np\nnp.random.seed(1)\nx = f(a=2, b='c')\n");
        var back = SummaryCache.Decode(SummaryCache.Encode(s))!;
        StructuralEquality.FirstDifference(s, back).Should().BeNull();
        var call = s.Calls[0];
        var changed = call with { Arguments = [call.Arguments[0] with { Star = 1 }] };
        StructuralEquality.FirstDifference(call, changed).Should().Contain("Star");
        StructuralEquality.FirstDifference(s.Names, new NameSet(s.Names.Skip(1))).Should().NotBeNull();
    }

    private sealed record WithInit(int A)
    {
        public string B { get; init; } = "x";
    }

    private sealed record WithUnknownMember(int A, Stream S);

    [Fact]
    public void A_record_with_state_outside_its_constructor_is_refused_not_dropped()
    {
        var refuseInit = () => RecordCodec.Serialize(new WithInit(1) { B = "y" });
        refuseInit.Should().Throw<TypeInitializationException>().WithInnerException<NotSupportedException>().WithMessage("*B*");
        var refuseStream = () => RecordCodec.Serialize(new WithUnknownMember(1, Stream.Null));
        refuseStream.Should().Throw<TypeInitializationException>();
    }

    [Fact]
    public void Scalars_strings_and_nulls_round_trip_exactly()
    {
        var literals = ImmutableArray.Create<PythonLiteral?>(
            new PythonLiteral(LiteralKind.String, "caf\u00e9 \ud800 lone surrogate"),
            new PythonLiteral(LiteralKind.Int, long.MinValue),
            new PythonLiteral(LiteralKind.Float, -0.0),
            new PythonLiteral(LiteralKind.Float, double.NaN),
            new PythonLiteral(LiteralKind.Bool, true),
            new PythonLiteral(LiteralKind.None, null),
            null,
            new PythonLiteral(LiteralKind.String, string.Empty),
            new PythonLiteral(LiteralKind.String, new string('x', 5000)));
        var bytes = RecordCodec.Serialize(literals);
        var back = RecordCodec.Deserialize<ImmutableArray<PythonLiteral?>>(bytes, 0, bytes.Length);
        StructuralEquality.FirstDifference(literals, back).Should().BeNull();
        BitConverter.DoubleToInt64Bits((double)back[2]!.Value!).Should().Be(BitConverter.DoubleToInt64Bits(-0.0));
        var defaults = RecordCodec.Serialize(default(ImmutableArray<string>));
        RecordCodec.Deserialize<ImmutableArray<string>>(defaults, 0, defaults.Length).IsDefault.Should().BeTrue();
    }

    [Fact]
    public void Truncated_or_corrupt_entries_are_misses_and_are_rebuilt()
    {
        using var t = new TempDir();
        var cache = new SummaryCache(Path.Combine(t.Path, "cache"));
        const string text = "import torch\ntorch.manual_seed(0)\n";
        var s = ModuleSummary.Parse("train.py", text);
        cache.TryGet("train.py", text).Should().BeNull();
        cache.Put("train.py", text, s);
        cache.TryGet("train.py", text).Should().NotBeNull();
        cache.TryGet("other.py", text).Should().BeNull("the path is part of the key");
        cache.TryGet("train.py", text + "\n").Should().BeNull("the text is part of the key");

        var entry = Directory.EnumerateFiles(cache.EntriesDirectory, "*.bin", SearchOption.AllDirectories).Single();
        var good = File.ReadAllBytes(entry);
        File.WriteAllBytes(entry, good[..(good.Length / 2)]);
        cache.TryGet("train.py", text).Should().BeNull("a truncated entry is a miss");
        var flipped = (byte[])good.Clone();
        flipped[good.Length / 2] ^= 0x5A;
        File.WriteAllBytes(entry, flipped);
        cache.TryGet("train.py", text).Should().BeNull("a corrupt entry is a miss");
        File.WriteAllBytes(entry, []);
        cache.TryGet("train.py", text).Should().BeNull();

        cache.Put("train.py", text, s);
        StructuralEquality.FirstDifference(s, cache.TryGet("train.py", text)).Should().BeNull();
        Directory.EnumerateFiles(cache.Directory, "*.tmp", SearchOption.AllDirectories).Should().BeEmpty("writes go through a renamed temporary file");
    }

    [Fact]
    public void Trim_keeps_the_cache_under_its_bound()
    {
        using var t = new TempDir();
        var probe = new SummaryCache(Path.Combine(t.Path, "probe"));
        var one = SummaryCache.Encode(ModuleSummary.Parse("m0.py", "x = 0\n" + new string('#', 2000) + "\n")).Length;
        var cache = new SummaryCache(Path.Combine(t.Path, "cache"), maxBytes: one * 10L);
        for (var i = 0; i < 30; i++)
        {
            var text = $"x = {i}\n" + new string('#', 2000) + "\n";
            cache.Put($"m{i}.py", text, ModuleSummary.Parse($"m{i}.py", text));
        }

        long Total() => Directory.EnumerateFiles(cache.EntriesDirectory, "*.bin", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Total().Should().BeGreaterThan(cache.MaxBytes, "30 entries exceed a bound of about 10");
        cache.Trim();
        Total().Should().BeLessThanOrEqualTo(cache.MaxBytes);
        Directory.EnumerateFiles(cache.EntriesDirectory, "*.bin", SearchOption.AllDirectories).Should().NotBeEmpty();
        _ = probe;
    }

    [Fact]
    public void The_cache_is_never_inside_the_scanned_project_and_the_environment_can_turn_it_off()
    {
        using var t = new TempDir();
        SummaryCache.For(t.Path, Path.Combine(t.Path, ".cache")).Should().BeNull();
        SummaryCache.For(t.Path, t.Path).Should().BeNull();
        SummaryCache.For(Path.Combine(t.Path, "project"), Path.Combine(t.Path, "cache"))!.Directory.Should().Be(Path.Combine(t.Path, "cache"));
        var before = Environment.GetEnvironmentVariable(SummaryCache.DisableVariable);
        try
        {
            Environment.SetEnvironmentVariable(SummaryCache.DisableVariable, "1");
            SummaryCache.For(Path.Combine(t.Path, "project"), Path.Combine(t.Path, "cache")).Should().BeNull();
            SummaryCache.DefaultDirectory().Should().BeNull();
        }
        finally
        {
            Environment.SetEnvironmentVariable(SummaryCache.DisableVariable, before);
        }
    }

    public static TheoryData<string> Projects() =>
    [
        .. Directory.GetDirectories(TestPaths.Examples).Where(d => !Path.GetFileName(d).StartsWith('_'))
            .Concat(Directory.GetDirectories(Path.Combine(TestPaths.Fixtures, "Checks")))
            .Select(d => Path.GetRelativePath(TestPaths.RepoRoot, d).Replace('\\', '/'))
            .Order(StringComparer.Ordinal),
    ];

    [Theory]
    [MemberData(nameof(Projects))]
    public void A_cache_hit_gives_byte_identical_check_output(string project)
    {
        using var t = new TempDir();
        var root = Path.Combine(t.Path, "project");
        Copy(Path.Combine(TestPaths.RepoRoot, project), root);
        var options = new IndexOptions { UseGit = false };
        var cache = new SummaryCache(Path.Combine(t.Path, "cache"));

        var none = Render(Assessor.Assess(root, options));
        var cold = Render(Assessor.Assess(root, options, cache));
        var modules = ProjectModel.Open(root, options).PythonModules.Count;
        cache.Writes.Should().Be(modules);
        cache.Hits.Should().Be(0);
        var warm = Render(Assessor.Assess(root, options, cache));
        cache.Hits.Should().Be(modules, "the second run reads every summary from the cache");

        cold.Should().Be(none);
        warm.Should().Be(none);
    }

    private static string Render(MLRepro.Reporting.Report report)
    {
        var json = new StringWriter();
        new JsonReporter().Write(report, json);
        var text = new StringWriter();
        new ConsoleReporter(color: false, verbose: true).Write(report, text);
        return json + "\n" + text;
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
