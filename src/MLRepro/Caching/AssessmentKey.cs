using System.Buffers;
using System.Collections.Concurrent;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using MLRepro.Indexing;
using MLRepro.Text;

namespace MLRepro.Caching;

/// <summary>
/// The key of a whole assessment: an XxHash128 over everything an assessment of a folder reads, computed by one walk
/// of the folder that opens each file once (the way a linter fingerprints its inputs before trusting its cache).
/// </summary>
/// <remarks>
/// <para>
/// An assessment reads the tree only through <see cref="RepoIndex"/>: the walk (names, kinds, sizes, symbolic links and
/// whether they resolve, listing errors), the first <see cref="IndexOptions.BinarySniffBytes"/> bytes of each file
/// (text or binary, Git LFS pointer), git's view (run through the same <see cref="GitView"/>: tracked, untracked and
/// ignored status of every file, HEAD, branch, dirty, remote, work-tree root, git's own diagnostics), the .gitignore
/// files when git is not used, and the whole text of the text files it parses. The key hashes a superset of these
/// observations, not the index itself, so that each file is opened once: every name met by the walk with its kind and
/// size; a symbolic link's target and whether it resolves; the whole content of every file the index would call text
/// (read to its end, so a file grown past the text limit also changes the key), and the sniffed head of a binary file
/// (its remaining bytes are never read by anything); every .gitignore in full. Since the index is a function of these
/// observations, of the options and of git's answers, equal keys mean equal indexes and equal texts.
/// </para>
/// <para>
/// Besides the tree, the key covers: the build (<see cref="BuildId"/>: this assembly's module version id, the names and
/// versions of the assemblies it references, the runtime, the current culture and <see cref="FormatVersion"/>), the
/// absolute root (the report names a project by its folder, and git's work-tree facts depend on where it lies), every
/// <see cref="IndexOptions"/> value, whether git is installed, and the caller's extra inputs (a verification record's
/// bytes and the build of the code that merges it). The assessment reads no environment variable itself; git's
/// (HOME, GIT_*) act through its answers, which are hashed.
/// </para>
/// </remarks>
public static class AssessmentKey
{
    /// <summary>Version of the key's layout; bump when what it hashes changes.</summary>
    public const int FormatVersion = 1;

    /// <summary>Bytes read per call while hashing a text file.</summary>
    private const int ChunkBytes = 128 * 1024;

    private const byte EntryFile = 1;
    private const byte EntryDirectory = 2;
    private const byte EntrySymlink = 3;
    private const byte EntryError = 4;
    private const byte EntryTooDeep = 5;

    private const byte ContentNone = 0;
    private const byte ContentText = 1;
    private const byte ContentBinaryHead = 2;
    private const byte ContentUnreadable = 3;

    /// <summary>
    /// Identifies the analyser: this assembly's module version id (new at every build that changes code or embedded
    /// tables), the assemblies it references by name and version, the runtime, the current culture and
    /// <see cref="FormatVersion"/>.
    /// </summary>
    public static byte[] BuildId { get; } = ComputeBuildId();

    /// <summary>
    /// The key of an assessment of <paramref name="root"/> with <paramref name="options"/> and extra inputs (each a
    /// label and its bytes), or null when the folder cannot be keyed (it is not a folder, or it holds far more files
    /// than the index would walk: then caching is not worth its walk).
    /// </summary>
    /// <param name="root">The project folder.</param>
    /// <param name="options">The index options of the assessment.</param>
    /// <param name="extraInputs">Inputs besides the tree, each a label and its bytes.</param>
    /// <param name="buildId">The build to key for (tests); null for <see cref="BuildId"/>.</param>
    /// <param name="memo">
    /// Digests of an earlier key of this tree with the stat each was read under (<see cref="DigestMemo"/>): files whose
    /// stat is unchanged are not read again. Null reads every file.
    /// </param>
    public static UInt128? Compute(string root, IndexOptions options, IReadOnlyList<KeyValuePair<string, byte[]>>? extraInputs = null, byte[]? buildId = null, DigestMemo? memo = null)
    {
        root = Path.GetFullPath(root);
        if (!Directory.Exists(root))
        {
            return null;
        }

        // The walk lists folders on this thread while the files it has met are read and hashed on the others: on a
        // large tree, listing costs about as much as reading, and the two overlap.
        memo?.BeginScan();
        var walk = new Walk(root, options);
        var digested = new ConcurrentBag<(int Index, FileDigest Digest)>();
        using (var queue = new BlockingCollection<(int Index, Entry Entry)>())
        {
            walk.Files = queue;
            var readers = Task.Run(() => Parallel.ForEach(
                Partitioner.Create(queue.GetConsumingEnumerable(), EnumerablePartitionerOptions.NoBuffering),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) },
                item => digested.Add((item.Index, DigestOf(item.Entry, options, memo)))));
            try
            {
                walk.Directory(root, string.Empty, 0);
            }
            finally
            {
                queue.CompleteAdding();
                readers.GetAwaiter().GetResult();
            }
        }

        if (walk.Overflow)
        {
            return null;
        }

        memo?.EndScan();

        var entries = walk.Entries;
        var digests = new FileDigest[entries.Count];
        foreach (var (index, digest) in digested)
        {
            digests[index] = digest;
        }

        var h = new XxHash128();
        h.Append(buildId ?? BuildId);
        AppendString(h, root);
        AppendInt64(h, options.MaxTextFileBytes);
        AppendInt64(h, options.MaxFiles);
        AppendInt64(h, options.MaxDepth);
        AppendByte(h, options.UseGit ? (byte)1 : (byte)0);
        AppendByte(h, GitCommand.IsAvailable ? (byte)1 : (byte)0);

        // Git's answers exactly as the index gets them: the same calls, the same overrides.
        var gitDiagnostics = new List<Diagnostic>();
        var git = options.UseGit ? GitView.TryOpen(root, gitDiagnostics) : null;
        AppendByte(h, git is null ? (byte)0 : (byte)1);
        if (git is not null)
        {
            var f = git.Facts;
            AppendString(h, f.WorkTreeRoot);
            AppendString(h, f.Head);
            AppendString(h, f.Branch);
            AppendByte(h, f.IsDirty ? (byte)1 : (byte)0);
            AppendString(h, f.RemoteUrl);
        }

        AppendInt64(h, gitDiagnostics.Count);
        foreach (var d in gitDiagnostics)
        {
            AppendString(h, d.Code);
            AppendString(h, d.Message);
        }

        AppendInt64(h, extraInputs?.Count ?? 0);
        foreach (var (label, bytes) in extraInputs ?? [])
        {
            AppendString(h, label);
            AppendInt64(h, bytes.Length);
            h.Append(bytes);
        }

        AppendInt64(h, entries.Count);
        Span<byte> hash = stackalloc byte[16];
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            AppendByte(h, e.Kind);
            AppendString(h, e.Rel);
            AppendInt64(h, e.Size);
            AppendString(h, e.Detail);
            if (e.Kind is EntryFile or EntrySymlink)
            {
                AppendByte(h, git is null ? (byte)0xFF : (byte)git.StatusOf(e.Rel));
            }

            if (e.Kind == EntryFile)
            {
                var d = digests[i];
                AppendByte(h, d.Content);
                AppendInt64(h, d.Length);
                BinaryPrimitives.WriteUInt128LittleEndian(hash, d.Hash);
                h.Append(hash);
                AppendString(h, d.Error);
            }
        }

        return h.GetCurrentHashAsUInt128();
    }

    /// <summary>
    /// What the index and the model can see of one file: nothing for an empty or too-large file (the index reads
    /// neither; size and name are in the key), the hash of the whole content for a text file, the hash of the sniffed
    /// head for a binary one; taken from the memo when the file's stat is unchanged since it was read.
    /// </summary>
    private static FileDigest DigestOf(Entry e, IndexOptions options, DigestMemo? memo)
    {
        // A .gitignore is read in full by the ignore rules (without git) whatever its size.
        var gitignore = e.Rel == ".gitignore" || e.Rel.EndsWith("/.gitignore", StringComparison.Ordinal);
        if (e.Size == 0 || (e.Size > options.MaxTextFileBytes && !gitignore))
        {
            // Fifos, sockets and devices report size 0 too: opening one could block, and the index never opens them.
            return new FileDigest(ContentNone, 0, default, null);
        }

        if (memo is null)
        {
            return Read(e, gitignore);
        }

        // The stat is taken before the read: a write after it changes the stat, so the next scan reads the file again.
        if (!FileStat.TryGet(e.Full, out var stat))
        {
            memo.Missed();
            return Read(e, gitignore);
        }

        if (memo.TryGet(e.Rel, stat, out var remembered))
        {
            return remembered;
        }

        var digest = Read(e, gitignore);
        if (digest.Error is null)
        {
            memo.Record(e.Rel, stat, digest);
        }
        else
        {
            memo.Missed();
        }

        return digest;
    }

    /// <summary>Reads what the index sees of a file that is neither empty nor over the text limit (a .gitignore is text whatever it holds).</summary>
    private static FileDigest Read(Entry e, bool gitignore)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            using var handle = File.OpenHandle(e.Full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var head = 0;
            var eof = false;
            // The head as the index sniffs it: up to BinarySniffBytes, or to the end of the file.
            while (head < IndexOptions.BinarySniffBytes)
            {
                var n = RandomAccess.Read(handle, buffer.AsSpan(head, IndexOptions.BinarySniffBytes - head), head);
                if (n == 0)
                {
                    eof = true;
                    break;
                }

                head += n;
            }

            if (IndexWalker.IsBinaryHead(buffer.AsSpan(0, head)) && !gitignore)
            {
                return new FileDigest(ContentBinaryHead, head, XxHash128.HashToUInt128(buffer.AsSpan(0, head)), null);
            }

            // The whole text, read to its end. Small files (most source files) fit the first chunk and are hashed in one call.
            long length = head;
            while (!eof)
            {
                var n = RandomAccess.Read(handle, buffer.AsSpan((int)length), length);
                if (n == 0)
                {
                    break;
                }

                length += n;
                if (length == buffer.Length)
                {
                    var hash = HashLarge(handle, buffer, ref length);
                    return new FileDigest(ContentText, length, hash, null);
                }
            }

            return new FileDigest(ContentText, length, XxHash128.HashToUInt128(buffer.AsSpan(0, (int)length)), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new FileDigest(ContentUnreadable, 0, default, ex.GetType().Name + ": " + ex.Message);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Streams the rest of a file larger than one chunk (whose first chunk is in the buffer) into one hash.</summary>
    private static UInt128 HashLarge(Microsoft.Win32.SafeHandles.SafeFileHandle handle, byte[] buffer, ref long length)
    {
        var h = new XxHash128();
        h.Append(buffer);
        while (true)
        {
            var n = RandomAccess.Read(handle, buffer, length);
            if (n == 0)
            {
                return h.GetCurrentHashAsUInt128();
            }

            h.Append(buffer.AsSpan(0, n));
            length += n;
        }
    }

    private static void AppendByte(XxHash128 h, byte b) => h.Append([b]);

    private static void AppendInt64(XxHash128 h, long v)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(b, v);
        h.Append(b);
    }

    /// <summary>A string with its length (−1 for null), so that adjacent strings cannot run into each other.</summary>
    private static void AppendString(XxHash128 h, string? s)
    {
        AppendInt64(h, s?.Length ?? -1);
        if (s is not null)
        {
            h.Append(MemoryMarshal.AsBytes(s.AsSpan()));
        }
    }

    private static byte[] ComputeBuildId()
    {
        var assembly = typeof(AssessmentKey).Assembly;
        var text = new StringBuilder();
        text.Append(assembly.ManifestModule.ModuleVersionId.ToString("N")).Append('\n');
        foreach (var name in assembly.GetReferencedAssemblies().Select(a => a.FullName).Order(StringComparer.Ordinal))
        {
            text.Append(name).Append('\n');
        }

        text.Append(RuntimeInformation.FrameworkDescription).Append('\n');
        text.Append(System.Globalization.CultureInfo.CurrentCulture.Name).Append('\n');
        text.Append(SummaryCache.FormatVersion).Append('.').Append(FormatVersion);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>One thing the walk met, in walk order.</summary>
    private readonly record struct Entry(byte Kind, string Rel, string Full, long Size, string? Detail);

    /// <summary>What was read of one file (the digest <see cref="DigestMemo"/> keeps).</summary>
    internal readonly record struct FileDigest(byte Content, long Length, UInt128 Hash, string? Error);

    /// <summary>The walk: <see cref="IndexWalker"/>'s order and rules (ordinal, .git skipped, links never followed, depth limit).</summary>
    private sealed class Walk(string root, IndexOptions options)
    {
        private readonly string _rootPrefix = root.EndsWith('/') ? root : root + "/";
        private int _files;

        public List<Entry> Entries { get; } = [];

        /// <summary>Where each file met is handed to the readers, with its index in <see cref="Entries"/>.</summary>
        public BlockingCollection<(int Index, Entry Entry)>? Files { get; set; }

        /// <summary>Whether the walk met more files than twice the index's limit (then no key).</summary>
        public bool Overflow { get; private set; }

        public void Directory(string full, string rel, int depth)
        {
            if (depth > options.MaxDepth)
            {
                Entries.Add(new Entry(EntryTooDeep, rel, full, 0, null));
                return;
            }

            List<FileSystemInfo> children;
            try
            {
                children = [.. new DirectoryInfo(full).EnumerateFileSystemInfos("*", Indexing.IndexWalker.Listing)];
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                Entries.Add(new Entry(EntryError, rel, full, 0, e.GetType().Name + ": " + e.Message));
                return;
            }

            children.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            foreach (var child in children)
            {
                if (Overflow)
                {
                    return;
                }

                if (child.Name == ".git")
                {
                    continue; // git's state enters the key through git's own answers
                }

                var childRel = rel.Length == 0 ? child.Name : rel + "/" + child.Name;
                try
                {
                    // The attributes come with the listing; LinkTarget costs a readlink call, so only links pay it.
                    if ((child.Attributes & FileAttributes.ReparsePoint) != 0 && child.LinkTarget is { } target)
                    {
                        Entries.Add(new Entry(EntrySymlink, childRel, child.FullName, 0, target + "\0" + LinkState(child, target)));
                        Count();
                    }
                    else if (child is DirectoryInfo)
                    {
                        Entries.Add(new Entry(EntryDirectory, childRel, child.FullName, 0, null));
                        Directory(child.FullName, childRel, depth + 1);
                    }
                    else if (child is FileInfo fi)
                    {
                        var entry = new Entry(EntryFile, childRel, fi.FullName, fi.Length, null);
                        Entries.Add(entry);
                        Files?.Add((Entries.Count - 1, entry));
                        Count();
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Entries.Add(new Entry(EntryError, childRel, child.FullName, 0, e.GetType().Name + ": " + e.Message));
                }
            }
        }

        private void Count()
        {
            // The index stops at MaxFiles; walking a little further keeps the key a superset of what it saw (its count
            // skips names we count), and a tree twice over the limit is not worth keying.
            if (++_files > (long)options.MaxFiles * 2 + 16)
            {
                Overflow = true;
            }
        }

        /// <summary>Whether a link stays in the project and resolves: what the index's diagnostics about it depend on.</summary>
        private string LinkState(FileSystemInfo link, string target)
        {
            var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(link.FullName)!, target));
            if (resolved != root && !resolved.StartsWith(_rootPrefix, StringComparison.Ordinal))
            {
                return "escapes";
            }

            try
            {
                var final = link.ResolveLinkTarget(returnFinalTarget: true);
                return final is null || !final.Exists ? "dangling" : "resolves";
            }
            catch (IOException)
            {
                return "loop";
            }
        }
    }
}
