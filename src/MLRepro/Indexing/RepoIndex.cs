using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using MLRepro.Text;

namespace MLRepro.Indexing;

/// <summary>
/// One walk of a folder: every file with its size, kind and git status, in ordinal path order, plus the
/// diagnostics of the walk. The index is the only part of mlrepro that touches the scanned tree; it never
/// writes to it, never follows a symlink, and never runs code from it.
/// </summary>
public sealed class RepoIndex
{
    private readonly Dictionary<string, IndexedFile> _byPath;

    private RepoIndex(string root, ImmutableArray<IndexedFile> files, ImmutableArray<Diagnostic> diagnostics, GitFacts? git, IndexOptions options, bool truncated)
    {
        Root = root;
        Files = files;
        Diagnostics = diagnostics;
        Git = git;
        Options = options;
        Truncated = truncated;
        _byPath = files.ToDictionary(f => f.Path, StringComparer.Ordinal);
    }

    /// <summary>Absolute path of the indexed folder.</summary>
    public string Root { get; }

    /// <summary>All files, sorted by path (ordinal).</summary>
    public ImmutableArray<IndexedFile> Files { get; }

    /// <summary>Problems met during the walk.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Git facts, when the folder is inside a git work tree.</summary>
    public GitFacts? Git { get; }

    /// <summary>The limits used.</summary>
    public IndexOptions Options { get; }

    /// <summary>Whether the walk stopped at <see cref="IndexOptions.MaxFiles"/>.</summary>
    public bool Truncated { get; }

    /// <summary>Looks a file up by its relative path.</summary>
    public IndexedFile? Find(string path) => _byPath.GetValueOrDefault(path);

    /// <summary>Whether a relative path names an indexed file.</summary>
    public bool Contains(string path) => _byPath.ContainsKey(path);

    /// <summary>Whether any indexed file lies under the folder (relative path, no trailing slash).</summary>
    public bool ContainsDirectory(string dir)
    {
        dir = dir.Trim('/');
        if (dir.Length == 0)
        {
            return Files.Length > 0;
        }

        var prefix = dir + "/";
        // Files are sorted ordinally, so a binary search finds the first candidate.
        var lo = 0;
        var hi = Files.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (string.CompareOrdinal(Files[mid].Path, prefix) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo < Files.Length && Files[lo].Path.StartsWith(prefix, StringComparison.Ordinal);
    }

    /// <summary>Files under a folder (recursive).</summary>
    public IEnumerable<IndexedFile> FilesUnder(string dir)
    {
        var prefix = dir.Trim('/') + "/";
        return Files.Where(f => f.Path.StartsWith(prefix, StringComparison.Ordinal));
    }

    /// <summary>
    /// Reads a text file of the index. Returns null (with a diagnostic) for binary, too large, linked,
    /// unreadable or vanished files. Invalid UTF-8 is decoded leniently and reported.
    /// </summary>
    public SourceText? ReadText(IndexedFile file, ICollection<Diagnostic>? diagnostics = null)
    {
        if (file.Kind != FileKind.Text)
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(System.IO.Path.Combine(Root, file.Path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics?.Add(new Diagnostic(file.Path, null, DiagnosticSeverity.Warning, "index.unreadable", $"could not be read: {e.Message}"));
            return null;
        }

        if (bytes.Length > Options.MaxTextFileBytes)
        {
            diagnostics?.Add(new Diagnostic(file.Path, null, DiagnosticSeverity.Info, "index.too-large", $"grew past the {Options.MaxTextFileBytes} byte text limit while indexing; not read"));
            return null;
        }

        return new SourceText(file.Path, Decode(bytes, file.Path, diagnostics));
    }

    /// <summary>
    /// What <see cref="ReadText(IndexedFile, ICollection{Diagnostic}?)"/> reads, as a plain string, through a pooled
    /// byte buffer: summarizing every Python file of a large project would otherwise allocate each file's bytes once more.
    /// </summary>
    internal string? ReadString(IndexedFile file, ICollection<Diagnostic>? diagnostics = null)
    {
        if (file.Kind != FileKind.Text)
        {
            return null;
        }

        byte[]? buffer = null;
        try
        {
            var length = 0;
            try
            {
                using var handle = File.OpenHandle(System.IO.Path.Combine(Root, file.Path));
                buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(RandomAccess.GetLength(handle), Options.MaxTextFileBytes) + 1);
                while (length <= Options.MaxTextFileBytes)
                {
                    if (length == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    var n = RandomAccess.Read(handle, buffer.AsSpan(length), length);
                    if (n == 0)
                    {
                        break;
                    }

                    length += n;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics?.Add(new Diagnostic(file.Path, null, DiagnosticSeverity.Warning, "index.unreadable", $"could not be read: {e.Message}"));
                return null;
            }

            if (length > Options.MaxTextFileBytes)
            {
                diagnostics?.Add(new Diagnostic(file.Path, null, DiagnosticSeverity.Info, "index.too-large", $"grew past the {Options.MaxTextFileBytes} byte text limit while indexing; not read"));
                return null;
            }

            return Decode(buffer.AsSpan(0, length), file.Path, diagnostics);
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>Reads a text file by relative path; null when absent or not text.</summary>
    public SourceText? ReadText(string path, ICollection<Diagnostic>? diagnostics = null) =>
        Find(path) is { } f ? ReadText(f, diagnostics) : null;

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>Whether the bytes start with a UTF-16 byte-order mark (FF FE little-endian, FE FF big-endian; not UTF-32's FF FE 00 00).</summary>
    internal static bool HasUtf16Bom(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE && !(bytes.Length >= 4 && bytes[2] == 0 && bytes[3] == 0)) || (bytes[0] == 0xFE && bytes[1] == 0xFF));

    /// <summary>
    /// Decodes UTF-8 (BOM stripped); invalid sequences become U+FFFD with one diagnostic. A UTF-16 BOM selects UTF-16, as
    /// pip and Python's tokenizer-style readers do for requirements files saved by Windows tools.
    /// </summary>
    internal static string Decode(ReadOnlySpan<byte> bytes, string path, ICollection<Diagnostic>? diagnostics)
    {
        if (HasUtf16Bom(bytes))
        {
            var utf16 = bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            return utf16.GetString(bytes[2..]);
        }

        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            bytes = bytes[3..];
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            diagnostics?.Add(new Diagnostic(path, null, DiagnosticSeverity.Warning, "text.invalid-utf8", $"invalid UTF-8 at byte {e.Index}; decoded with replacement characters"));
            return Encoding.UTF8.GetString(bytes);
        }
    }

    /// <summary>Walks a folder. Never throws for content problems; a missing root throws DirectoryNotFoundException.</summary>
    public static RepoIndex Build(string root, IndexOptions? options = null)
    {
        options ??= IndexOptions.Default;
        root = System.IO.Path.GetFullPath(root);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"'{root}' is not a folder");
        }

        var walker = new IndexWalker(root, options);
        var (files, diagnostics, git, truncated) = walker.Walk();
        return new RepoIndex(root, files, diagnostics, git, options, truncated);
    }
}
