using System.Text;
using AwesomeAssertions;
using MLRepro.Assessment;
using MLRepro.Caching;
using MLRepro.Indexing;
using MLRepro.Reporting;
using MLRepro.Reporting.Badge;
using MLRepro.Reporting.Console;
using MLRepro.Reporting.Html;
using MLRepro.Reporting.Json;
using MLRepro.Reporting.Markdown;
using MLRepro.Reporting.Sarif;
using MLRepro.Tests.Support;

namespace MLRepro.Tests.Caching;

public sealed class AssessmentCacheTests
{
    public static TheoryData<string> Projects() => SummaryCacheTests.Projects();

    [Theory]
    [MemberData(nameof(Projects))]
    public void A_warm_hit_renders_every_output_byte_identically_to_a_cold_run(string project)
    {
        using var t = new TempDir();
        var root = Path.Combine(t.Path, "project");
        CopyTree(Path.Combine(TestPaths.RepoRoot, project), root);
        var before = TreeHash(root);
        var cache = new AssessmentCache(Path.Combine(t.Path, "cache"));

        var none = RenderAll(Assessor.Assess(root));
        var (coldReport, coldRan) = Run(cache, root);
        cache.Writes.Should().Be(1, "the cold run stores its assessment");
        var (warmReport, warmRan) = Run(cache, root);

        coldRan.Should().BeTrue();
        warmRan.Should().BeFalse("an unchanged tree is a hit: nothing is assessed");
        cache.Hits.Should().Be(1);
        RenderAll(coldReport).Should().Be(none);
        RenderAll(warmReport).Should().Be(none);
        TreeHash(root).Should().Be(before, "the project is never written");
    }

    private static readonly string[] s_mutations =
    [
        "python byte", "config byte", "readme byte", "binary resized", "binary head byte", "large data resized",
        "file added", "file deleted", "file renamed", "ignore rule changed", "folder added with a file", "symlink retargeted",
        "text grows past the limit", "same size and time restored", "replaced by a rename",
    ];

    /// <summary>
    /// Every mutation twice: with the digest memo as it runs (files just written are too recent to trust, so every file
    /// is read), and with its clock a minute ahead, so that it trusts every file whose stat is unchanged.
    /// </summary>
    public static TheoryData<string, bool> Mutations()
    {
        var data = new TheoryData<string, bool>();
        foreach (var m in s_mutations)
        {
            data.Add(m, false);
            data.Add(m, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Mutations))]
    public void Any_change_of_an_input_is_a_miss_and_gives_the_fresh_assessment(string mutation, bool memoTrustsUnchangedFiles)
    {
        using var t = new TempDir();
        var root = Path.Combine(t.Path, "project");
        Project(root);
        // A small text limit stands for the 8 MiB one, so that "too large" files stay small in a test.
        var options = new IndexOptions { MaxTextFileBytes = 64 * 1024 };
        var cache = new AssessmentCache(Path.Combine(t.Path, "cache")) { MemoClockSkew = memoTrustsUnchangedFiles ? TimeSpan.FromMinutes(1) : TimeSpan.Zero };
        Run(cache, root, options).Ran.Should().BeTrue();
        Run(cache, root, options).Ran.Should().BeFalse("unchanged: a hit");
        if (memoTrustsUnchangedFiles && FileStat.IsAvailable)
        {
            cache.LastMemo!.Hits.Should().BeGreaterThan(0, "the hit reused digests without reading");
            cache.LastMemo.Reads.Should().Be(0);
        }

        var key = AssessmentKey.Compute(root, options);

        Mutate(root, mutation);

        AssessmentKey.Compute(root, options).Should().NotBe(key);
        var (report, ran) = Run(cache, root, options);
        ran.Should().BeTrue($"{mutation} must be a miss");
        RenderAll(report).Should().Be(RenderAll(Assessor.Assess(root, options)));
        Run(cache, root, options).Ran.Should().BeFalse("the new state is stored and hit next time");
    }

    [Fact]
    public void The_same_tree_with_another_build_or_another_verification_record_is_a_miss()
    {
        using var t = new TempDir();
        var root = Path.Combine(t.Path, "project");
        Project(root);
        var dir = Path.Combine(t.Path, "cache");
        var cache = new AssessmentCache(dir);
        Run(cache, root).Ran.Should().BeTrue();
        Run(cache, root).Ran.Should().BeFalse();

        var otherBuild = new AssessmentCache(dir, SummaryCache.DefaultMaxBytes, [.. AssessmentKey.BuildId, 1]);
        Run(otherBuild, root).Ran.Should().BeTrue("an entry written by another build is never read");

        KeyValuePair<string, byte[]>[] record = [new("verification record", "{\"runs\":2}"u8.ToArray())];
        KeyValuePair<string, byte[]>[] edited = [new("verification record", "{\"runs\":3}"u8.ToArray())];
        Run(cache, root, inputs: record).Ran.Should().BeTrue("a record is an input");
        Run(cache, root, inputs: record).Ran.Should().BeFalse();
        Run(cache, root, inputs: edited).Ran.Should().BeTrue("a changed record is a miss");
        Run(cache, root, inputs: []).Ran.Should().BeFalse("without a record, the first entry still holds");
    }

    [Fact]
    public void Options_and_the_folder_are_inputs()
    {
        using var t = new TempDir();
        var a = Path.Combine(t.Path, "a");
        var b = Path.Combine(t.Path, "b");
        Project(a);
        Project(b);
        var options = IndexOptions.Default;
        var key = AssessmentKey.Compute(a, options);
        AssessmentKey.Compute(a, options).Should().Be(key, "the key is deterministic");
        AssessmentKey.Compute(b, options).Should().NotBe(key, "the report names the project by its folder");
        AssessmentKey.Compute(a, options with { MaxTextFileBytes = 1000 }).Should().NotBe(key);
        AssessmentKey.Compute(a, options with { MaxFiles = 3 }).Should().NotBe(key);
        AssessmentKey.Compute(a, options with { MaxDepth = 1 }).Should().NotBe(key);
        AssessmentKey.Compute(a, options with { UseGit = false }).Should().NotBe(key);
        AssessmentKey.Compute(Path.Combine(t.Path, "missing"), options).Should().BeNull();
    }

    [Fact]
    public void Git_state_is_an_input_commits_staging_and_excludes_outside_the_tree()
    {
        if (!GitCommand.IsAvailable)
        {
            Assert.Skip("git is not installed");
        }

        using var t = new TempDir();
        Project(t.Path);
        t.Git("init", "-q");
        t.Git("add", "-A");
        t.Git("commit", "-q", "-m", "first");
        var cache = new AssessmentCache(Path.Combine(t.Path + "-cache"));
        try
        {
            Run(cache, t.Path).Ran.Should().BeTrue();
            Run(cache, t.Path).Ran.Should().BeFalse();

            t.Git("commit", "-q", "--allow-empty", "-m", "second");
            var (report, ran) = Run(cache, t.Path);
            ran.Should().BeTrue("a new HEAD is a miss (the report names the commit)");
            report.Project.Commit.Should().Be(t.Git("rev-parse", "HEAD").Trim());

            t.Write("notes.txt", "draft\n");
            Run(cache, t.Path).Ran.Should().BeTrue("a new untracked file");
            t.Git("add", "notes.txt");
            Run(cache, t.Path).Ran.Should().BeTrue("staging changes the file's git status and the dirty flag");

            t.Write("scratch.txt", "untracked\n");
            Run(cache, t.Path).Ran.Should().BeTrue("another untracked file");
            Run(cache, t.Path).Ran.Should().BeFalse();
            File.AppendAllText(Path.Combine(t.Path, ".git", "info", "exclude"), "scratch.txt\n");
            Run(cache, t.Path).Ran.Should().BeTrue("an ignore rule outside the tree (.git/info/exclude) changes statuses");
            Run(cache, t.Path).Ran.Should().BeFalse();
        }
        finally
        {
            Directory.Delete(t.Path + "-cache", recursive: true);
        }
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("bit flipped")]
    [InlineData("empty")]
    [InlineData("another key")]
    public void A_corrupt_entry_is_a_miss_and_is_rewritten(string damage)
    {
        using var t = new TempDir();
        var root = Path.Combine(t.Path, "project");
        Project(root);
        var cache = new AssessmentCache(Path.Combine(t.Path, "cache"));
        var fresh = RenderAll(Run(cache, root).Report);
        var key = AssessmentKey.Compute(root, IndexOptions.Default)!.Value;
        var file = cache.EntryPath(key);
        var good = File.ReadAllBytes(file);
        var bad = damage switch
        {
            "truncated" => good[..^9],
            "bit flipped" => Flip(good, good.Length / 2),
            "empty" => [],
            _ => Flip(good, 10), // a byte of the stored key
        };
        File.WriteAllBytes(file, bad);

        var (report, ran) = Run(cache, root);
        ran.Should().BeTrue("a damaged entry is a miss");
        RenderAll(report).Should().Be(fresh);
        File.ReadAllBytes(file).Should().Equal(good, "the entry is rewritten");
        Run(cache, root).Ran.Should().BeFalse();
        Directory.EnumerateFiles(cache.Directory, "*.tmp", SearchOption.AllDirectories).Should().BeEmpty();
    }

    [Fact]
    public void A_report_round_trips_through_an_entry_and_a_damaged_one_decodes_to_nothing()
    {
        var report = Assessor.Assess(Path.Combine(TestPaths.Examples, "05-four-stars"), new IndexOptions { UseGit = false }) with
        {
            Verification = new VerificationSummary(2, true, "python train.py", "Linux, Python 3.11", "2026-11-27T00:00:00Z"),
        };
        var key = (UInt128)0x1234_5678_9abc_def0UL << 3;
        var bytes = AssessmentCache.Encode(key, report)!;
        RenderAll(AssessmentCache.Decode(bytes, key)!).Should().Be(RenderAll(report));
        AssessmentCache.Decode(bytes, key + 1).Should().BeNull();
        for (var i = 0; i < bytes.Length; i += Math.Max(1, bytes.Length / 64))
        {
            AssessmentCache.Decode(Flip(bytes, i), key).Should().BeNull($"byte {i} flipped");
        }
    }

    [Fact]
    public void A_report_that_cannot_be_stored_exactly_is_not_stored()
    {
        var report = new Report
        {
            Tool = new ToolInfo("mlrepro", "1"),
            Project = new ProjectInfo("p\ud800", null, null, null, false, [], 0), // a lone surrogate has no JSON form
            Stars = 0,
            Levels = [],
            Findings = [],
        };
        AssessmentCache.Encode(1, report).Should().BeNull();
    }

    [Fact]
    public void Assessment_entries_count_toward_the_cache_bound_and_other_files_of_the_folder_are_kept()
    {
        using var t = new TempDir();
        var dir = Path.Combine(t.Path, "cache");
        var foreign = Path.Combine(dir, "keep-me.txt");
        Directory.CreateDirectory(dir);
        File.WriteAllText(foreign, new string('x', 100_000));
        var roots = Enumerable.Range(0, 12).Select(i => Path.Combine(t.Path, "p" + i)).ToList();
        roots.ForEach(Project);
        var probe = new AssessmentCache(Path.Combine(t.Path, "probe"));
        Run(probe, roots[0]);
        var one = Directory.EnumerateFiles(probe.EntriesDirectory, "*.bin", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        var cache = new AssessmentCache(dir, maxBytes: one * 5);

        foreach (var r in roots)
        {
            Run(cache, r);
        }

        cache.Writes.Should().Be(12);
        Directory.EnumerateFiles(cache.EntriesDirectory, "*.bin", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length)
            .Should().BeLessThanOrEqualTo(cache.MaxBytes);
        Run(cache, roots[^1]).Ran.Should().BeFalse("the newest entry survives the trim");
        File.Exists(foreign).Should().BeTrue("only the cache's own subfolders are trimmed");
    }

    [Fact]
    public void The_assessment_reads_file_contents_only_through_the_index_text_readers()
    {
        // AssessmentKey hashes the whole content of text files and only the head of binary ones, because nothing else
        // is read: RepoIndex.ReadText/ReadString refuse non-text files, and no other code of the library opens a file.
        // A new reader of file contents must be added to the key; this test is the tripwire.
        var src = Path.Combine(TestPaths.RepoRoot, "src", "MLRepro");
        string[] readers = ["File.Read", "File.Open", "FileStream", "RandomAccess.", "File.Exists", "Directory.Enumerate", "Directory.GetFiles", "new FileInfo", "new DirectoryInfo"];
        var offenders = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/Indexing/", StringComparison.Ordinal) && !f.Contains("/Caching/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Where(f => File.ReadLines(f).Any(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal) && readers.Any(r => l.Contains(r, StringComparison.Ordinal))))
            .Select(f => Path.GetRelativePath(src, f))
            .ToList();
        offenders.Should().BeEmpty("the assessment reads the tree only through RepoIndex; AssessmentKey must cover any new input");

        var index = File.ReadAllText(Path.Combine(src, "Indexing", "RepoIndex.cs"));
        CountOf(index, "if (file.Kind != FileKind.Text)").Should().Be(2, "ReadText and ReadString read text files only");
        (CountOf(index, "File.ReadAllBytes(") + CountOf(index, "File.OpenHandle(")).Should().Be(2, "RepoIndex reads contents in ReadText and ReadString only");
    }

    private static int CountOf(string s, string what)
    {
        var n = 0;
        for (var i = s.IndexOf(what, StringComparison.Ordinal); i >= 0; i = s.IndexOf(what, i + what.Length, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }

    /// <summary>A small ML project: code, a config, a README, a binary data file, a large data file, an ignore rule.</summary>
    private static void Project(string root)
    {
        Directory.CreateDirectory(Path.Combine(root, "data"));
        File.WriteAllText(Path.Combine(root, "train.py"),
            "import random\nimport numpy as np\nimport yaml\n\ncfg = yaml.safe_load(open('config.yaml'))\nrandom.seed(cfg['seed'])\nnp.random.seed(1)\nX = np.load('data/x.npy')\nprint(X.mean() * cfg['lr'])\n");
        File.WriteAllText(Path.Combine(root, "config.yaml"), "seed: 42\nlr: 0.1\nepochs: 3\n");
        File.WriteAllText(Path.Combine(root, "README.md"), "# Demo\n\nInstall with `pip install -r requirements.txt`, then run `python train.py`.\n");
        File.WriteAllText(Path.Combine(root, "requirements.txt"), "numpy==1.26.4\npyyaml==6.0.1\n");
        File.WriteAllText(Path.Combine(root, ".gitignore"), "*.log\n");
        File.WriteAllBytes(Path.Combine(root, "data", "x.npy"), [.. "\u0093NUMPY"u8, 0, 1, 2, 3, .. new byte[20_000]]);
        File.WriteAllBytes(Path.Combine(root, "data", "big.csv"), Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("1,2,3\n", 20_000))));
        File.WriteAllText(Path.Combine(root, "run.log"), "epoch 1\n");
        File.CreateSymbolicLink(Path.Combine(root, "latest.yaml"), "config.yaml");
    }

    private static void Mutate(string root, string mutation)
    {
        string P(string rel) => Path.Combine(root, rel);
        switch (mutation)
        {
            case "python byte":
                SetByte(P("train.py"), "np.random.seed(1)", "np.random.seed(2)");
                break;
            case "config byte":
                SetByte(P("config.yaml"), "seed: 42", "seed: 43");
                break;
            case "readme byte":
                SetByte(P("README.md"), "# Demo", "# Demu");
                break;
            case "binary resized":
                File.AppendAllText(P("data/x.npy"), "more");
                break;
            case "binary head byte":
                var x = File.ReadAllBytes(P("data/x.npy"));
                x[12] = 7;
                File.WriteAllBytes(P("data/x.npy"), x);
                break;
            case "large data resized":
                // Over the text limit: never read, so its size is what the key holds (the data checks count bytes).
                File.AppendAllText(P("data/big.csv"), "4,5,6\n");
                break;
            case "file added":
                File.WriteAllText(P("evaluate.py"), "print('eval')\n");
                break;
            case "file deleted":
                File.Delete(P("requirements.txt"));
                break;
            case "file renamed":
                File.Move(P("config.yaml"), P("params.yaml"));
                break;
            case "ignore rule changed":
                File.WriteAllText(P(".gitignore"), "*.lag\n"); // same size, one byte: run.log is no longer ignored
                break;
            case "folder added with a file":
                Directory.CreateDirectory(P("src"));
                File.WriteAllText(P("src/__init__.py"), string.Empty);
                break;
            case "symlink retargeted":
                File.Delete(P("latest.yaml"));
                File.CreateSymbolicLink(P("latest.yaml"), "requirements.txt");
                break;
            case "text grows past the limit":
                File.AppendAllText(P("README.md"), new string('x', 70 * 1024));
                break;
            case "same size and time restored":
                // What `rsync -t` or `touch -r` leave: the size and the modification time are the old ones, the bytes are not.
                var time = File.GetLastWriteTimeUtc(P("train.py"));
                SetByte(P("train.py"), "np.random.seed(1)", "np.random.seed(7)");
                File.SetLastWriteTimeUtc(P("train.py"), time);
                break;
            case "replaced by a rename":
                // An editor's save: a new file of the same size and time renamed over the old one.
                var old = File.GetLastWriteTimeUtc(P("config.yaml"));
                File.WriteAllText(P("config.new"), "seed: 42\nlr: 0.2\nepochs: 3\n");
                File.SetLastWriteTimeUtc(P("config.new"), old);
                File.Move(P("config.new"), P("config.yaml"), overwrite: true);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(mutation));
        }
    }

    /// <summary>Replaces text of the same length, so the file's size stays the same: only its bytes tell the change.</summary>
    private static void SetByte(string file, string from, string to)
    {
        from.Length.Should().Be(to.Length);
        var text = File.ReadAllText(file);
        text.Should().Contain(from);
        File.WriteAllText(file, text.Replace(from, to, StringComparison.Ordinal));
    }

    private static (Report Report, bool Ran) Run(AssessmentCache cache, string root, IndexOptions? options = null, IReadOnlyList<KeyValuePair<string, byte[]>>? inputs = null)
    {
        var ran = false;
        var report = cache.GetOrAssess(root, options, inputs, () =>
        {
            ran = true;
            return Assessor.Assess(root, options);
        });
        return (report, ran);
    }

    /// <summary>Every output mlrepro renders from a report, concatenated.</summary>
    internal static string RenderAll(Report report)
    {
        var sb = new StringBuilder();
        IReporter[] reporters =
        [
            new JsonReporter(), new ConsoleReporter(color: false, verbose: true), new ConsoleReporter(color: false, verbose: false),
            new ConsoleReporter(color: true, verbose: true, width: 80), new SarifReporter(), new ReproducibilityMarkdownReporter(),
            new ReproducibilityMarkdownReporter(LinkStyle.Remote), new HtmlReporter(),
        ];
        foreach (var r in reporters)
        {
            var w = new StringWriter();
            r.Write(report, w);
            sb.Append("=== ").Append(r.GetType().Name).Append('\n').Append(w);
        }

        sb.Append("=== badge\n").Append(BadgeRenderer.Render(report.Stars)).Append("\n=== stars ").Append(report.Stars);
        return sb.ToString();
    }

    private static byte[] Flip(byte[] bytes, int i)
    {
        var copy = (byte[])bytes.Clone();
        copy[i] ^= 0x40;
        return copy;
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string TreeHash(string root)
    {
        var sb = new StringBuilder();
        foreach (var f in Directory.GetFileSystemEntries(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            sb.Append(Path.GetRelativePath(root, f)).Append(' ');
            if (File.Exists(f))
            {
                sb.Append(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))).Append(' ').Append(File.GetLastWriteTimeUtc(f).Ticks);
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }
}
