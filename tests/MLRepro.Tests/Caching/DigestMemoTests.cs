using System.Diagnostics;
using AwesomeAssertions;
using MLRepro.Caching;
using MLRepro.Indexing;
using MLRepro.Tests.Support;

namespace MLRepro.Tests.Caching;

/// <summary>
/// The digest memo that lets a key of an unchanged tree skip reading files whose stat is unchanged: it must reuse
/// digests only when that is safe (git's racy-clean rule), and the key must stay exactly the key of a full read.
/// </summary>
public sealed class DigestMemoTests
{
    private static readonly IndexOptions s_options = new() { UseGit = false };
    private static readonly TimeSpan s_ahead = TimeSpan.FromMinutes(1);

    [Fact]
    public void FileStat_reports_size_inode_and_a_status_change_that_no_time_restore_hides()
    {
        Assert.SkipUnless(FileStat.IsAvailable, "statx is Linux's");
        using var t = new TempDir();
        var file = Path.Combine(t.Path, "a.txt");
        File.WriteAllText(file, "hello");
        FileStat.TryGet(file, out var before).Should().BeTrue();
        before.Size.Should().Be(5);
        before.Inode.Should().NotBe(0UL);

        var time = File.GetLastWriteTimeUtc(file);
        var after = RewriteUntilStatusChanges(file, "jello", before);
        File.SetLastWriteTimeUtc(file, time);
        FileStat.TryGet(file, out after).Should().BeTrue();
        (after.MtimeSeconds, after.MtimeNanoseconds / 100).Should().Be((before.MtimeSeconds, before.MtimeNanoseconds / 100), "the modification time was put back");
        after.Size.Should().Be(before.Size);
        after.Should().NotBe(before, "the status-change time moved and cannot be put back");

        File.WriteAllText(file + ".new", "jelly");
        File.Move(file + ".new", file, overwrite: true);
        FileStat.TryGet(file, out var renamed).Should().BeTrue();
        renamed.Inode.Should().NotBe(before.Inode, "a file renamed over another is another inode");
        FileStat.TryGet(Path.Combine(t.Path, "missing"), out _).Should().BeFalse();
    }

    [Fact]
    public void An_unchanged_tree_is_keyed_without_reading_and_the_key_is_the_key_of_a_full_read()
    {
        Assert.SkipUnless(FileStat.IsAvailable, "statx is Linux's");
        using var t = new TempDir();
        var root = Tree(t.Path);
        var memo = DigestMemo.InMemory(root, s_options, clockSkew: s_ahead);
        var full = AssessmentKey.Compute(root, s_options);

        AssessmentKey.Compute(root, s_options, memo: memo).Should().Be(full);
        (memo.Hits, memo.Reads).Should().Be((0L, 4L), "the first key reads every non-empty file");
        AssessmentKey.Compute(root, s_options, memo: memo).Should().Be(full);
        (memo.Hits, memo.Reads).Should().Be((4L, 4L), "the second reads none");

        var time = File.GetLastWriteTimeUtc(Path.Combine(root, "train.py"));
        FileStat.TryGet(Path.Combine(root, "train.py"), out var stat).Should().BeTrue();
        RewriteUntilStatusChanges(Path.Combine(root, "train.py"), "print(2)\n", stat);
        File.SetLastWriteTimeUtc(Path.Combine(root, "train.py"), time);
        var changed = AssessmentKey.Compute(root, s_options);
        changed.Should().NotBe(full);
        AssessmentKey.Compute(root, s_options, memo: memo).Should().Be(changed, "a same-size edit with its time restored is read again");
        (memo.Hits, memo.Reads).Should().Be((7L, 5L));
    }

    [Fact]
    public void A_file_changed_within_the_racy_margin_of_a_scan_is_never_trusted()
    {
        Assert.SkipUnless(FileStat.IsAvailable, "statx is Linux's");
        using var t = new TempDir();
        var clock = Stopwatch.StartNew();
        var root = Tree(t.Path);
        var file = Path.Combine(root, "train.py");
        var time = File.GetLastWriteTimeUtc(file);
        var memo = DigestMemo.InMemory(root, s_options); // the real clock
        var first = AssessmentKey.Compute(root, s_options, memo: memo);
        FileStat.TryGet(file, out var stat).Should().BeTrue();

        // Rewritten at once, possibly within the same timestamp tick: only the racy rule can tell.
        File.WriteAllText(file, "print(2)\n");
        File.SetLastWriteTimeUtc(file, time);
        var second = AssessmentKey.Compute(root, s_options, memo: memo);
        if (clock.Elapsed >= DigestMemo.RacyMargin)
        {
            Assert.Skip("the machine took longer than the racy margin between writing and keying");
        }

        second.Should().NotBe(first);
        second.Should().Be(AssessmentKey.Compute(root, s_options));
        memo.Hits.Should().Be(0, "every file of the tree was written less than the margin before each scan");
        memo.Reads.Should().Be(8);
        _ = stat;
    }

    [Fact]
    public void The_memo_is_stored_per_tree_and_context_and_a_damaged_one_is_ignored()
    {
        Assert.SkipUnless(FileStat.IsAvailable, "statx is Linux's");
        using var t = new TempDir();
        var root = Tree(t.Path);
        var cacheDir = Path.Combine(t.Path, "cache");
        var full = AssessmentKey.Compute(root, s_options);

        var first = DigestMemo.Open(cacheDir, root, s_options, clockSkew: s_ahead);
        AssessmentKey.Compute(root, s_options, memo: first).Should().Be(full);
        File.Exists(first.File).Should().BeTrue("a scan that read files writes the memo");
        var written = File.GetLastWriteTimeUtc(first.File!);

        var second = DigestMemo.Open(cacheDir, root, s_options, clockSkew: s_ahead);
        AssessmentKey.Compute(root, s_options, memo: second).Should().Be(full);
        (second.Hits, second.Reads).Should().Be((4L, 0L), "a new process reuses the stored digests");
        File.GetLastWriteTimeUtc(second.File!).Should().Be(written, "a scan that read nothing does not rewrite the memo");

        var otherBuild = DigestMemo.Open(cacheDir, root, s_options, buildId: [.. AssessmentKey.BuildId, 1], clockSkew: s_ahead);
        AssessmentKey.Compute(root, s_options, memo: otherBuild);
        otherBuild.Hits.Should().Be(0, "another build starts empty");

        var otherLimit = s_options with { MaxTextFileBytes = 1000 };
        var limited = DigestMemo.Open(cacheDir, root, otherLimit, clockSkew: s_ahead);
        AssessmentKey.Compute(root, otherLimit, memo: limited).Should().Be(AssessmentKey.Compute(root, otherLimit));
        limited.Hits.Should().Be(0, "another text limit starts empty");

        foreach (var damage in new Func<byte[], byte[]>[] { b => b[..(b.Length / 2)], b => Flip(b, b.Length / 2), _ => [] })
        {
            AssessmentKey.Compute(root, s_options, memo: DigestMemo.Open(cacheDir, root, s_options, clockSkew: s_ahead));
            File.WriteAllBytes(first.File!, damage(File.ReadAllBytes(first.File!)));
            var damaged = DigestMemo.Open(cacheDir, root, s_options, clockSkew: s_ahead);
            AssessmentKey.Compute(root, s_options, memo: damaged).Should().Be(full);
            (damaged.Hits, damaged.Reads).Should().Be((0L, 4L), "a damaged memo is read as empty");
        }

        Directory.GetFiles(cacheDir, "*.tmp", SearchOption.AllDirectories).Should().BeEmpty();
        Directory.GetFiles(root, "*", SearchOption.AllDirectories).Should().HaveCount(6, "the memo never lives in the project");
        File.WriteAllText(Path.Combine(cacheDir, "notes.txt"), "mine");
        CacheTrim.Trim(cacheDir, maxBytes: 1);
        File.Exists(first.File).Should().BeFalse("memos count toward the cache folder's bound");
        File.Exists(Path.Combine(cacheDir, "notes.txt")).Should().BeTrue();
    }

    [Fact]
    public void A_deleted_file_is_dropped_from_the_memo()
    {
        Assert.SkipUnless(FileStat.IsAvailable, "statx is Linux's");
        using var t = new TempDir();
        var root = Tree(t.Path);
        var cacheDir = Path.Combine(t.Path, "cache");
        AssessmentKey.Compute(root, s_options, memo: DigestMemo.Open(cacheDir, root, s_options, clockSkew: s_ahead));
        var size = new FileInfo(DigestMemo.Open(cacheDir, root, s_options).File!).Length;

        File.Delete(Path.Combine(root, "README.md"));
        var memo = DigestMemo.Open(cacheDir, root, s_options, clockSkew: s_ahead);
        AssessmentKey.Compute(root, s_options, memo: memo).Should().Be(AssessmentKey.Compute(root, s_options));
        (memo.Hits, memo.Reads).Should().Be((3L, 0L));
        new FileInfo(memo.File!).Length.Should().BeLessThan(size, "the memo is rewritten without the deleted file");
    }

    /// <summary>Four files with content (one of them binary) and two empty ones, which the key never opens.</summary>
    private static string Tree(string parent)
    {
        var root = Path.Combine(parent, "project");
        Directory.CreateDirectory(Path.Combine(root, "src"));
        File.WriteAllText(Path.Combine(root, "train.py"), "print(1)\n");
        File.WriteAllText(Path.Combine(root, "README.md"), "# Demo\n");
        File.WriteAllText(Path.Combine(root, "src", "model.py"), "x = 1\n");
        File.WriteAllBytes(Path.Combine(root, "src", "weights.bin"), [0, 1, 2, 3, 0, 0, 0, 0]);
        File.WriteAllText(Path.Combine(root, "src", "__init__.py"), string.Empty);
        File.WriteAllBytes(Path.Combine(root, "big.bin"), new byte[0]);
        return root;
    }

    /// <summary>
    /// Rewrites a file with text of the same size until its status-change time differs from <paramref name="before"/>'s
    /// (file systems stamp times with a coarse clock: two writes a few milliseconds apart may share a tick).
    /// </summary>
    private static FileStat RewriteUntilStatusChanges(string file, string text, FileStat before)
    {
        for (var i = 0; i < 300; i++)
        {
            File.WriteAllText(file, text);
            if (FileStat.TryGet(file, out var now) && (now.CtimeSeconds, now.CtimeNanoseconds) != (before.CtimeSeconds, before.CtimeNanoseconds))
            {
                return now;
            }

            Thread.Sleep(10);
        }

        throw new InvalidOperationException("the status-change time never moved");
    }

    private static byte[] Flip(byte[] bytes, int i)
    {
        var copy = (byte[])bytes.Clone();
        copy[i] ^= 0x40;
        return copy;
    }
}
