using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using MLRepro.Indexing;

namespace MLRepro.Caching;

/// <summary>
/// The digests <see cref="AssessmentKey"/> computed for one tree's files, each with the <see cref="FileStat"/> it was
/// read under, so that a later key of the same tree reads only the files whose stat changed: git's index does the same
/// to answer <c>git status</c> without reading the work tree.
/// </summary>
/// <remarks>
/// <para>
/// A recorded digest is reused only when the file's device, inode, size, modification time and status-change time are
/// all unchanged, and only when the file's last change (the later of the two times) lies more than
/// <see cref="RacyMargin"/> before the start of the scan that read it. The second rule is git's "racy clean" rule: a
/// file written again within the same timestamp tick as its previous change, after it was read, keeps an equal stat;
/// a change that old cannot share a tick with any write made after the read. The status-change time cannot be set by
/// any user call (<c>touch -d</c>, <c>rsync -t</c>, <c>git checkout</c>, <c>chmod</c> all move it to the present), and
/// a file replaced by a rename has another inode, so an unchanged stat means the bytes read then are the bytes now.
/// </para>
/// <para>
/// One memo file per tree (<c>stats/v{FormatVersion}/</c> beside the other entries of the cache folder, counted in its
/// bound), tied to the build, the key's layout, the tree's absolute path and the text-size limit: any other context
/// starts empty. It is written (to a temporary file renamed over it) only when a scan read a file or missed one it
/// recorded; a truncated or corrupt file is ignored. Where <c>statx</c> is unavailable, every file is read as before.
/// </para>
/// </remarks>
public sealed class DigestMemo
{
    /// <summary>Version of the memo's layout; bump when it or the meaning of a digest changes.</summary>
    public const int FormatVersion = 1;

    /// <summary>Subfolder of the cache folder that holds the memos.</summary>
    public const string FolderName = "stats";

    /// <summary>How long before a scan a file's last change must lie for its digest to be trusted later.</summary>
    public static readonly TimeSpan RacyMargin = TimeSpan.FromSeconds(2);

    private const uint Magic = 0x534C_4D4C; // "LMLS"
    private const int HeaderBytes = 4 + 4 + 8 + 8 + 4; // magic, version, context, scan start, count
    private const int ItemBytes = 8 + 8 + 8 + 8 + 4 + 8 + 4 + 1 + 8 + 16; // stat, content, length, hash
    private const int TrailerBytes = 8;

    private readonly ulong _context;
    private readonly long _clockSkew;
    private readonly Dictionary<string, Item> _previous;
    private long _previousScanStart;
    private ConcurrentDictionary<string, Item> _current = new(StringComparer.Ordinal);
    private long _scanStart;
    private long _hits;
    private long _reads;
    private bool _dirty;

    private DigestMemo(string? file, ulong context, Dictionary<string, Item> previous, long previousScanStart, TimeSpan clockSkew)
    {
        File = file;
        _clockSkew = (long)clockSkew.TotalNanoseconds;
        _context = context;
        _previous = previous;
        _previousScanStart = previousScanStart;
    }

    /// <summary>The memo file (null for a memo kept only in memory).</summary>
    public string? File { get; }

    /// <summary>Digests reused without reading since the memo was opened.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Files read (no usable record) since the memo was opened.</summary>
    public long Reads => Interlocked.Read(ref _reads);

    /// <summary>An empty memo kept in memory (tests, or a caller without a cache folder).</summary>
    /// <param name="root">The tree.</param>
    /// <param name="options">The index options of the keys.</param>
    /// <param name="buildId">The build to key for (tests); null for <see cref="AssessmentKey.BuildId"/>.</param>
    /// <param name="clockSkew">Added to the clock (tests: a positive skew makes files just written old enough to trust).</param>
    public static DigestMemo InMemory(string root, IndexOptions options, byte[]? buildId = null, TimeSpan clockSkew = default) =>
        new(null, Context(root, options, buildId), new Dictionary<string, Item>(StringComparer.Ordinal), 0, clockSkew);

    /// <summary>The memo of a tree stored in a cache folder, or an empty one (absent, unreadable, corrupt, another context).</summary>
    /// <param name="cacheDirectory">The cache folder.</param>
    /// <param name="root">The tree.</param>
    /// <param name="options">The index options of the keys.</param>
    /// <param name="buildId">The build to key for (tests); null for <see cref="AssessmentKey.BuildId"/>.</param>
    /// <param name="clockSkew">Added to the clock (tests: a positive skew makes files just written old enough to trust).</param>
    public static DigestMemo Open(string cacheDirectory, string root, IndexOptions options, byte[]? buildId = null, TimeSpan clockSkew = default)
    {
        root = Path.GetFullPath(root);
        var context = Context(root, options, buildId);
        var name = XxHash64.HashToUInt64(MemoryMarshal.AsBytes(root.AsSpan())).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
        var file = Path.Combine(cacheDirectory, FolderName, "v" + FormatVersion, name + ".bin");
        var previous = new Dictionary<string, Item>(StringComparer.Ordinal);
        long scanStart = 0;
        try
        {
            if (System.IO.File.Exists(file) && !TryDecode(System.IO.File.ReadAllBytes(file), context, previous, out scanStart))
            {
                previous.Clear();
                scanStart = 0;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            previous.Clear();
        }

        return new DigestMemo(file, context, previous, scanStart, clockSkew);
    }

    /// <summary>Starts a scan: records made from now on are judged against this moment.</summary>
    internal void BeginScan()
    {
        _scanStart = NowNanoseconds() + _clockSkew;
        _current = new ConcurrentDictionary<string, Item>(StringComparer.Ordinal);
    }

    /// <summary>The digest recorded for a file whose stat is unchanged and whose last change is old enough; else false.</summary>
    internal bool TryGet(string rel, in FileStat stat, out AssessmentKey.FileDigest digest)
    {
        if (_previous.TryGetValue(rel, out var item)
            && item.Stat == stat
            && stat.LatestChangeNanoseconds < _previousScanStart - (long)RacyMargin.TotalNanoseconds)
        {
            _current[rel] = item;
            Interlocked.Increment(ref _hits);
            digest = item.Digest;
            return true;
        }

        digest = default;
        return false;
    }

    /// <summary>Records a digest just read under a stat taken before the read (kept only if trustworthy next time).</summary>
    internal void Record(string rel, in FileStat stat, AssessmentKey.FileDigest digest)
    {
        Interlocked.Increment(ref _reads);
        _dirty = true;
        if (stat.LatestChangeNanoseconds < _scanStart - (long)RacyMargin.TotalNanoseconds)
        {
            _current[rel] = new Item(stat, digest);
        }
    }

    /// <summary>Counts a file read without a stat (so the memo is rewritten without it).</summary>
    internal void Missed()
    {
        Interlocked.Increment(ref _reads);
        _dirty = true;
    }

    /// <summary>
    /// Ends a scan: what it recorded becomes what the next scan of this memo compares with, and is written to the memo
    /// file when anything changed (failures to write are ignored: the memo is only an accelerator).
    /// </summary>
    internal void EndScan()
    {
        var changed = _dirty || _current.Count != _previous.Count;
        _previous.Clear();
        foreach (var (rel, item) in _current)
        {
            _previous[rel] = item;
        }

        // Every digest kept is older than the margin before this scan, so it stays trustworthy against this start.
        _previousScanStart = _scanStart;
        _dirty = false;
        if (!changed || File is null)
        {
            return;
        }

        try
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(File)!);
            CacheTrim.WriteAtomically(File, Encode());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Read-only or full disk: the next run reads the files again.
        }
    }

    private byte[] Encode()
    {
        var items = _previous.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        var size = HeaderBytes + TrailerBytes + items.Sum(p => 4 + (p.Key.Length * 2) + ItemBytes);
        var bytes = new byte[size];
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], FormatVersion);
        BinaryPrimitives.WriteUInt64LittleEndian(span[8..], _context);
        BinaryPrimitives.WriteInt64LittleEndian(span[16..], _previousScanStart);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], items.Count);
        var at = HeaderBytes;
        foreach (var (rel, item) in items)
        {
            BinaryPrimitives.WriteInt32LittleEndian(span[at..], rel.Length);
            MemoryMarshal.AsBytes(rel.AsSpan()).CopyTo(span[(at + 4)..]);
            at += 4 + (rel.Length * 2);
            var s = item.Stat;
            BinaryPrimitives.WriteUInt64LittleEndian(span[at..], s.Device);
            BinaryPrimitives.WriteUInt64LittleEndian(span[(at + 8)..], s.Inode);
            BinaryPrimitives.WriteInt64LittleEndian(span[(at + 16)..], s.Size);
            BinaryPrimitives.WriteInt64LittleEndian(span[(at + 24)..], s.MtimeSeconds);
            BinaryPrimitives.WriteUInt32LittleEndian(span[(at + 32)..], s.MtimeNanoseconds);
            BinaryPrimitives.WriteInt64LittleEndian(span[(at + 36)..], s.CtimeSeconds);
            BinaryPrimitives.WriteUInt32LittleEndian(span[(at + 44)..], s.CtimeNanoseconds);
            span[at + 48] = item.Digest.Content;
            BinaryPrimitives.WriteInt64LittleEndian(span[(at + 49)..], item.Digest.Length);
            BinaryPrimitives.WriteUInt128LittleEndian(span[(at + 57)..], item.Digest.Hash);
            at += ItemBytes;
        }

        BinaryPrimitives.WriteUInt64LittleEndian(span[at..], XxHash3.HashToUInt64(span[..at]));
        return bytes;
    }

    private static bool TryDecode(byte[] bytes, ulong context, Dictionary<string, Item> into, out long scanStart)
    {
        scanStart = 0;
        var span = bytes.AsSpan();
        if (span.Length < HeaderBytes + TrailerBytes
            || BinaryPrimitives.ReadUInt32LittleEndian(span) != Magic
            || BinaryPrimitives.ReadInt32LittleEndian(span[4..]) != FormatVersion
            || BinaryPrimitives.ReadUInt64LittleEndian(span[8..]) != context
            || XxHash3.HashToUInt64(span[..^TrailerBytes]) != BinaryPrimitives.ReadUInt64LittleEndian(span[^TrailerBytes..]))
        {
            return false;
        }

        scanStart = BinaryPrimitives.ReadInt64LittleEndian(span[16..]);
        var count = BinaryPrimitives.ReadInt32LittleEndian(span[24..]);
        var at = HeaderBytes;
        var end = span.Length - TrailerBytes;
        for (var i = 0; i < count; i++)
        {
            if (at + 4 > end)
            {
                return false;
            }

            var chars = BinaryPrimitives.ReadInt32LittleEndian(span[at..]);
            if (chars < 0 || chars > (end - at - 4 - ItemBytes) / 2)
            {
                return false;
            }

            var rel = new string(MemoryMarshal.Cast<byte, char>(span.Slice(at + 4, chars * 2)));
            at += 4 + (chars * 2);
            var stat = new FileStat(
                BinaryPrimitives.ReadUInt64LittleEndian(span[at..]),
                BinaryPrimitives.ReadUInt64LittleEndian(span[(at + 8)..]),
                BinaryPrimitives.ReadInt64LittleEndian(span[(at + 16)..]),
                BinaryPrimitives.ReadInt64LittleEndian(span[(at + 24)..]),
                BinaryPrimitives.ReadUInt32LittleEndian(span[(at + 32)..]),
                BinaryPrimitives.ReadInt64LittleEndian(span[(at + 36)..]),
                BinaryPrimitives.ReadUInt32LittleEndian(span[(at + 44)..]));
            into[rel] = new Item(stat, new AssessmentKey.FileDigest(
                span[at + 48],
                BinaryPrimitives.ReadInt64LittleEndian(span[(at + 49)..]),
                BinaryPrimitives.ReadUInt128LittleEndian(span[(at + 57)..]),
                null));
            at += ItemBytes;
        }

        return at == end;
    }

    /// <summary>Everything a digest's meaning depends on besides the file: the build, the key's layout, the tree, the text limit.</summary>
    private static ulong Context(string root, IndexOptions options, byte[]? buildId)
    {
        var h = new XxHash64();
        h.Append(buildId ?? AssessmentKey.BuildId);
        h.Append(BitConverter.GetBytes(AssessmentKey.FormatVersion));
        h.Append(BitConverter.GetBytes(FormatVersion));
        h.Append(BitConverter.GetBytes(options.MaxTextFileBytes));
        h.Append(Encoding.UTF8.GetBytes(Path.GetFullPath(root)));
        return h.GetCurrentHashAsUInt64();
    }

    private static long NowNanoseconds() => (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;

    /// <summary>A digest (never one with an error: those are read again) and the stat it was read under.</summary>
    private readonly record struct Item(FileStat Stat, AssessmentKey.FileDigest Digest);
}
