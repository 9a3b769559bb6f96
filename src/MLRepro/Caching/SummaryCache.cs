using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using MLRepro.Python;

namespace MLRepro.Caching;

/// <summary>
/// A content-addressed cache of Python module summaries on disk, the way linters get fast on re-runs: the key of a
/// file is the XxHash128 of the analyser's build (<see cref="BuildId"/>), the file's path and its decoded text; the
/// value is the <see cref="ModuleSummary"/> serialized by <see cref="RecordCodec"/>. One file per entry under
/// <see cref="Directory"/>, written atomically (a temporary file renamed over the entry); an entry that is missing,
/// truncated or corrupt is a miss and is rebuilt and rewritten. The cache holds at most <see cref="MaxBytes"/>: after a
/// run that wrote entries, the oldest-written are deleted down to three quarters of it. Thread-safe.
/// </summary>
/// <remarks>
/// The path is part of the key because a summary records its path (in every diagnostic too): two files with the same
/// text in different places are two entries. The text is hashed after decoding, so the key covers exactly what the
/// summary is computed from. Any change to the analyser's code or tables changes <see cref="BuildId"/>, so a new build
/// never reads an older build's entries.
/// </remarks>
public sealed class SummaryCache
{
    /// <summary>Default upper bound of the cache's size on disk (256 MiB).</summary>
    public const long DefaultMaxBytes = 256L * 1024 * 1024;

    /// <summary>Version of the entry layout; bump when <see cref="RecordCodec"/>'s encoding changes.</summary>
    public const int FormatVersion = 1;

    /// <summary>The environment variable that disables the cache when set to 1 (or true).</summary>
    public const string DisableVariable = "MLREPRO_NO_CACHE";

    /// <summary>Subfolder of the cache folder that holds the entries.</summary>
    public const string FolderName = "summaries";

    private const uint Magic = 0x4352_4C4D; // "MLRC"
    private const int HeaderBytes = 4 + 4 + 4; // magic, format version, payload length
    private const int TrailerBytes = 8; // XxHash3 of the payload

    private readonly HashSet<string> _createdShards = [];
    private long _writes;
    private long _hits;
    private long _misses;
    private long _writesAtTrim;

    /// <summary>Creates a cache in a folder (created on first write).</summary>
    /// <param name="directory">The cache folder; entries go to <c>summaries/v{FormatVersion}/</c> under it.</param>
    /// <param name="maxBytes">Upper bound of the entries' total size.</param>
    public SummaryCache(string directory, long maxBytes = DefaultMaxBytes)
    {
        Directory = System.IO.Path.GetFullPath(directory);
        MaxBytes = maxBytes;
        EntriesDirectory = System.IO.Path.Combine(Directory, FolderName, "v" + FormatVersion);
    }

    /// <summary>The cache folder.</summary>
    public string Directory { get; }

    /// <summary>Where the entries are.</summary>
    public string EntriesDirectory { get; }

    /// <summary>Upper bound of the entries' total size in bytes.</summary>
    public long MaxBytes { get; }

    /// <summary>Entries read back in this process.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Lookups that found no usable entry.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>Entries written in this process.</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>
    /// Identifies the analyser: the module version id of this assembly (new at every build that changes code or
    /// embedded tables) and <see cref="FormatVersion"/>.
    /// </summary>
    public static byte[] BuildId { get; } = ComputeBuildId();

    /// <summary>
    /// The default cache folder: <c>$XDG_CACHE_HOME/mlrepro</c>, else <c>~/.cache/mlrepro</c>; null when
    /// <see cref="DisableVariable"/> is set or no home folder is known.
    /// </summary>
    public static string? DefaultDirectory()
    {
        if (IsDisabledByEnvironment())
        {
            return null;
        }

        if (Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg && System.IO.Path.IsPathRooted(xdg))
        {
            return System.IO.Path.Combine(xdg, "mlrepro");
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return home.Length == 0 ? null : System.IO.Path.Combine(home, ".cache", "mlrepro");
    }

    /// <summary>Whether <see cref="DisableVariable"/> asks for no cache.</summary>
    public static bool IsDisabledByEnvironment() =>
        Environment.GetEnvironmentVariable(DisableVariable) is { } v && (v == "1" || v.Equals("true", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The cache for a scan of <paramref name="projectRoot"/>: in <paramref name="directory"/> (else the default folder),
    /// or null when disabled or when that folder lies inside the project (the cache never writes into what it scans).
    /// </summary>
    public static SummaryCache? For(string projectRoot, string? directory = null)
    {
        if (IsDisabledByEnvironment())
        {
            return null;
        }

        var dir = directory ?? DefaultDirectory();
        if (dir is null)
        {
            return null;
        }

        var full = System.IO.Path.GetFullPath(dir).TrimEnd('/') + "/";
        var root = System.IO.Path.GetFullPath(projectRoot).TrimEnd('/') + "/";
        return full.StartsWith(root, StringComparison.Ordinal) ? null : new SummaryCache(dir);
    }

    /// <summary>The key of a module: XxHash128 over the build id, the path and the text.</summary>
    public static UInt128 Key(string path, string text)
    {
        var h = new XxHash128();
        h.Append(BuildId);
        Span<byte> len = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(len, path.Length);
        h.Append(len);
        h.Append(MemoryMarshal.AsBytes(path.AsSpan()));
        h.Append(MemoryMarshal.AsBytes(text.AsSpan()));
        return h.GetCurrentHashAsUInt128();
    }

    /// <summary>The summary stored for a module's path and text, or null (absent, unreadable, truncated or corrupt).</summary>
    internal ModuleSummary? TryGet(string path, string text, StringPool? pool = null)
    {
        var file = EntryPath(Key(path, text));
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Interlocked.Increment(ref _misses);
            return null;
        }

        var summary = Decode(bytes, pool);
        // A stored summary of another path (a hash collision, or a hand-edited entry) is no hit.
        if (summary is null || summary.Path != path)
        {
            Interlocked.Increment(ref _misses);
            return null;
        }

        Interlocked.Increment(ref _hits);
        return summary;
    }

    /// <summary>Stores a module's summary (atomically; failures to write are ignored: the cache is only an accelerator).</summary>
    internal void Put(string path, string text, ModuleSummary summary)
    {
        var file = EntryPath(Key(path, text));
        var bytes = Encode(summary);
        try
        {
            var shard = System.IO.Path.GetDirectoryName(file)!;
            bool known;
            lock (_createdShards)
            {
                known = _createdShards.Contains(shard);
            }

            if (!known)
            {
                System.IO.Directory.CreateDirectory(shard);
                lock (_createdShards)
                {
                    _createdShards.Add(shard);
                }
            }

            CacheTrim.WriteAtomically(file, bytes);

            Interlocked.Increment(ref _writes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Read-only or full disk: run without caching.
        }
    }

    /// <summary>Runs <see cref="Trim"/> when entries were written since the last trim (listing the cache costs a scan of its folder).</summary>
    public void TrimAfterWrites()
    {
        var writes = Writes;
        if (writes > Interlocked.Exchange(ref _writesAtTrim, writes))
        {
            Trim();
        }
    }

    /// <summary>
    /// Keeps the cache folder within <see cref="MaxBytes"/> (summaries and whole assessments together, see
    /// <see cref="CacheTrim"/>): when over it, deletes the oldest-written entries (and stray temporary files older than an
    /// hour) until three quarters of the bound remain.
    /// </summary>
    public void Trim() => CacheTrim.Trim(Directory, MaxBytes);

    /// <summary>An entry's bytes: header, the summary, a checksum of the summary.</summary>
    internal static byte[] Encode(ModuleSummary summary)
    {
        var payload = RecordCodec.Serialize(summary);
        var bytes = new byte[HeaderBytes + payload.Length + TrailerBytes];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), FormatVersion);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), payload.Length);
        payload.CopyTo(bytes, HeaderBytes);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(HeaderBytes + payload.Length), XxHash3.HashToUInt64(payload));
        return bytes;
    }

    /// <summary>The summary in an entry's bytes, or null when they are not a whole, intact entry.</summary>
    internal static ModuleSummary? Decode(byte[] bytes, StringPool? pool = null)
    {
        if (bytes.Length < HeaderBytes + TrailerBytes
            || BinaryPrimitives.ReadUInt32LittleEndian(bytes) != Magic
            || BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4)) != FormatVersion)
        {
            return null;
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
        if (length < 0 || length != bytes.Length - HeaderBytes - TrailerBytes
            || XxHash3.HashToUInt64(bytes.AsSpan(HeaderBytes, length)) != BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(HeaderBytes + length)))
        {
            return null;
        }

        try
        {
            // ProjectModel passes its pool: strings read back are shared across modules as parsing shares them. Without it
            // the warm read was about twice as fast on the CPython stdlib (161–168 vs 261–372 ms CPU) but the 20k-file
            // corpus held 681 MB of summaries instead of 343 MB (272 MB parsed): see docs/performance.md.
            return RecordCodec.Deserialize<ModuleSummary>(bytes, HeaderBytes, length, pool is null ? null : pool.Intern);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private string EntryPath(UInt128 key)
    {
        var hex = key.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);
        return System.IO.Path.Combine(EntriesDirectory, hex[..2], hex[2..] + ".bin");
    }

    private static byte[] ComputeBuildId()
    {
        var mvid = typeof(SummaryCache).Assembly.ManifestModule.ModuleVersionId.ToByteArray();
        var id = new byte[mvid.Length + 4];
        mvid.CopyTo(id, 0);
        BinaryPrimitives.WriteInt32LittleEndian(id.AsSpan(mvid.Length), FormatVersion);
        return id;
    }
}
