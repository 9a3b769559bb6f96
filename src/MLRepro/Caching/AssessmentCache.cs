using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text.Encodings.Web;
using System.Text.Json;
using MLRepro.Indexing;
using MLRepro.Reporting;

namespace MLRepro.Caching;

/// <summary>
/// A cache of whole assessments, the way linters and type checkers cache their results: the key is
/// <see cref="AssessmentKey"/> (every input an assessment reads, hashed in one walk of the tree), the value is the
/// <see cref="Report"/> it produced. A run over an unchanged tree then costs the walk, the reads and the hashes, plus
/// one small entry read back, instead of parsing and analysing the project. Every output (console, JSON, SARIF,
/// REPRODUCIBILITY.md, badge, the <c>--min-stars</c> verdict) is rendered from the report, which carries no timestamp
/// and no absolute path, so a hit renders byte-identically to a cold run.
/// </summary>
/// <remarks>
/// Entries live beside the summary cache, under <c>assessments/v{FormatVersion}/</c> of the same folder, and count
/// toward its bound (<see cref="CacheTrim"/>). Each entry is a header (magic, format version, the key, the payload's
/// length), the report as JSON (System.Text.Json over every public property, so a property added to the report is
/// carried without a change here), and an XxHash3 of the payload; anything else is a miss, and the entry is rewritten.
/// A report is stored only when its JSON reads back to the same JSON, and only when the tree's key is the same after
/// the assessment as before it (a file edited while the assessment ran would otherwise be cached under the wrong key).
/// Writes go to a temporary file renamed over the entry. Thread-safe.
/// </remarks>
public sealed class AssessmentCache
{
    /// <summary>Version of the entry layout; bump when the encoding changes.</summary>
    public const int FormatVersion = 1;

    /// <summary>Subfolder of the cache folder that holds the entries.</summary>
    public const string FolderName = "assessments";

    private const uint Magic = 0x414C_4D4C; // "LMLA"
    private const int HeaderBytes = 4 + 4 + 16 + 4; // magic, format version, key, payload length
    private const int TrailerBytes = 8; // XxHash3 of the payload

    private static readonly JsonSerializerOptions s_json = CreateJsonOptions();

    private readonly byte[]? _buildId;
    private long _hits;
    private long _misses;
    private long _writes;
    private long _unstable;

    /// <summary>Added to the digest memo's clock (tests: a positive skew lets it trust files just written).</summary>
    internal TimeSpan MemoClockSkew { get; init; }

    /// <summary>The digest memo of the last <see cref="GetOrAssess"/> (tests and the bench read its counters).</summary>
    public DigestMemo? LastMemo { get; private set; }

    /// <summary>Creates a cache in a folder (created on first write).</summary>
    /// <param name="directory">The cache folder (the summary cache's); entries go to <c>assessments/v{FormatVersion}/</c> under it.</param>
    /// <param name="maxBytes">Upper bound of the whole cache folder's entries (summaries and assessments together).</param>
    public AssessmentCache(string directory, long maxBytes = SummaryCache.DefaultMaxBytes)
        : this(directory, maxBytes, null)
    {
    }

    /// <summary>A cache that keys for another build (tests: an entry of another build must be a miss).</summary>
    internal AssessmentCache(string directory, long maxBytes, byte[]? buildId)
    {
        _buildId = buildId;
        Directory = Path.GetFullPath(directory);
        MaxBytes = maxBytes;
        EntriesDirectory = Path.Combine(Directory, FolderName, "v" + FormatVersion);
    }

    /// <summary>The cache folder.</summary>
    public string Directory { get; }

    /// <summary>Where the entries are.</summary>
    public string EntriesDirectory { get; }

    /// <summary>Upper bound of the cache's entries in bytes.</summary>
    public long MaxBytes { get; }

    /// <summary>Assessments read back in this process.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Lookups that found no usable entry (including trees that could not be keyed).</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>Entries written in this process.</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>Assessments not stored because the tree changed while they ran, or their report did not read back identically.</summary>
    public long Unstable => Interlocked.Read(ref _unstable);

    /// <summary>The assessment cache sharing a summary cache's folder and bound.</summary>
    public static AssessmentCache Beside(SummaryCache summaries) => new(summaries.Directory, summaries.MaxBytes);

    /// <summary>
    /// The stored assessment of <paramref name="root"/> when every input is unchanged; else runs
    /// <paramref name="assess"/> (which must assess that folder with those options and inputs) and stores its report.
    /// </summary>
    /// <param name="root">The project folder.</param>
    /// <param name="options">The index options the assessment uses (null: the defaults).</param>
    /// <param name="extraInputs">
    /// Inputs besides the tree and the build that change the report, each a label and its bytes: e.g. a verification
    /// record's bytes and the module version id of the code that merges it.
    /// </param>
    /// <param name="assess">The assessment to run on a miss.</param>
    public Report GetOrAssess(string root, IndexOptions? options, IReadOnlyList<KeyValuePair<string, byte[]>>? extraInputs, Func<Report> assess)
    {
        options ??= IndexOptions.Default;
        // The digests of the last key of this tree: files whose stat is unchanged since then are not read again.
        var memo = DigestMemo.Open(Directory, root, options, _buildId, MemoClockSkew);
        LastMemo = memo;
        var key = AssessmentKey.Compute(root, options, extraInputs, _buildId, memo);
        if (key is { } k && TryGet(k) is { } stored)
        {
            Interlocked.Increment(ref _hits);
            return stored;
        }

        Interlocked.Increment(ref _misses);
        var report = assess();
        if (key is { } before)
        {
            // Re-keying costs one more walk and read, a small part of a cold assessment, and is what makes a file edited
            // during the assessment harmless: its report is simply not stored.
            if (AssessmentKey.Compute(root, options, extraInputs, _buildId, memo) == before)
            {
                Put(before, report);
            }
            else
            {
                Interlocked.Increment(ref _unstable);
            }
        }

        return report;
    }

    /// <summary>The report stored under a key, or null (absent, unreadable, truncated, corrupt, another key's).</summary>
    internal Report? TryGet(UInt128 key)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(EntryPath(key));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return Decode(bytes, key);
    }

    /// <summary>Stores a report under a key (atomically; failures to write are ignored: the cache is only an accelerator).</summary>
    internal void Put(UInt128 key, Report report)
    {
        if (Encode(key, report) is not { } bytes)
        {
            Interlocked.Increment(ref _unstable);
            return;
        }

        var file = EntryPath(key);
        try
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            CacheTrim.WriteAtomically(file, bytes);

            Interlocked.Increment(ref _writes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Read-only or full disk: run without caching.
            return;
        }

        CacheTrim.Trim(Directory, MaxBytes);
    }

    /// <summary>An entry's bytes, or null when the report's JSON does not read back to the same JSON (then it is not stored).</summary>
    internal static byte[]? Encode(UInt128 key, Report report)
    {
        byte[] payload;
        try
        {
            payload = JsonSerializer.SerializeToUtf8Bytes(report, s_json);
            var back = JsonSerializer.Deserialize<Report>(payload, s_json);
            if (back is null || !JsonSerializer.SerializeToUtf8Bytes(back, s_json).AsSpan().SequenceEqual(payload))
            {
                return null;
            }
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            // A string that is not valid UTF-16 (a lone surrogate) cannot be written as JSON: such a report is not cached.
            return null;
        }

        var bytes = new byte[HeaderBytes + payload.Length + TrailerBytes];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), FormatVersion);
        BinaryPrimitives.WriteUInt128LittleEndian(bytes.AsSpan(8), key);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(24), payload.Length);
        payload.CopyTo(bytes, HeaderBytes);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(HeaderBytes + payload.Length), XxHash3.HashToUInt64(payload));
        return bytes;
    }

    /// <summary>The report in an entry's bytes, or null when they are not a whole, intact entry of this key.</summary>
    internal static Report? Decode(byte[] bytes, UInt128 key)
    {
        if (bytes.Length < HeaderBytes + TrailerBytes
            || BinaryPrimitives.ReadUInt32LittleEndian(bytes) != Magic
            || BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4)) != FormatVersion
            || BinaryPrimitives.ReadUInt128LittleEndian(bytes.AsSpan(8)) != key)
        {
            return null;
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(24));
        if (length < 0 || length != bytes.Length - HeaderBytes - TrailerBytes)
        {
            return null;
        }

        var payload = bytes.AsSpan(HeaderBytes, length);
        if (XxHash3.HashToUInt64(payload) != BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(HeaderBytes + length)))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Report>(payload, s_json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal string EntryPath(UInt128 key)
    {
        var hex = key.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);
        return Path.Combine(EntriesDirectory, hex[..2], hex[2..] + ".bin");
    }

    private static JsonSerializerOptions CreateJsonOptions()
    {
        // Every property written, nulls included, enums as numbers: the stored form mirrors the DTO exactly; it is never
        // shown to anyone, so it need not be indented or camel-cased.
        var o = new JsonSerializerOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            RespectRequiredConstructorParameters = false,
        };
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }
}
