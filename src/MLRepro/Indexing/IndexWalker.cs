using System.Collections.Immutable;
using MLRepro.Text;

namespace MLRepro.Indexing;

/// <summary>The single filesystem walk behind <see cref="RepoIndex"/>.</summary>
internal sealed class IndexWalker
{
    /// <summary>How a folder is listed: one level, hidden and system entries included, errors reported (the assessment key lists the same way).</summary>
    internal static readonly EnumerationOptions Listing = new()
    {
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
        RecurseSubdirectories = false,
        ReturnSpecialDirectories = false,
        MatchType = MatchType.Simple,
    };

    private readonly string _root;
    private readonly IndexOptions _options;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly List<(string Rel, string Full, long Size, string? Link)> _entries = [];
    private bool _truncated;

    public IndexWalker(string root, IndexOptions options)
    {
        _root = root;
        _options = options;
    }

    public (ImmutableArray<IndexedFile>, ImmutableArray<Diagnostic>, GitFacts?, bool) Walk()
    {
        var git = _options.UseGit ? GitView.TryOpen(_root, _diagnostics) : null;
        var ignore = git is null ? new IgnoreMatcher(_root) : null;
        WalkDirectory(_root, string.Empty, 0, ignore);

        var files = new IndexedFile[_entries.Count];
        Parallel.For(0, _entries.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, i =>
        {
            var (rel, full, size, link) = _entries[i];
            var status = git?.StatusOf(rel) ?? (ignore!.IsIgnored(rel) ? GitStatus.Ignored : GitStatus.NotInRepo);
            if (link is not null)
            {
                files[i] = new IndexedFile(rel, size, FileKind.Symlink, status, LinkTarget: link);
                return;
            }

            files[i] = Sniff(rel, full, size, status);
        });

        var sniffDiagnostics = files.Where(f => f.Kind == FileKind.Unreadable)
            .Select(f => new Diagnostic(f.Path, null, DiagnosticSeverity.Warning, "index.unreadable", "could not be read (permissions, or it vanished during the walk)"));
        _diagnostics.AddRange(sniffDiagnostics);

        Array.Sort(files, (a, b) => string.CompareOrdinal(a.Path, b.Path));
        var diags = _diagnostics.OrderBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Code, StringComparer.Ordinal).ToImmutableArray();
        return ([.. files], diags, git?.Facts, _truncated);
    }

    private IndexedFile Sniff(string rel, string full, long size, GitStatus status)
    {
        if (size > _options.MaxTextFileBytes)
        {
            return new IndexedFile(rel, size, FileKind.TooLarge, status);
        }

        if (size == 0)
        {
            // Empty files need no read; fifos, sockets and devices also report size 0, and opening a
            // fifo would block the walk forever.
            return new IndexedFile(rel, size, FileKind.Text, status);
        }

        try
        {
            using var fs = new FileStream(full, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.ReadWrite | FileShare.Delete, Options = FileOptions.None, BufferSize = 0 });
            Span<byte> buf = stackalloc byte[IndexOptions.BinarySniffBytes];
            var n = fs.ReadAtLeast(buf, buf.Length, throwOnEndOfStream: false);
            var head = buf[..n];
            // A UTF-16 byte-order mark (PowerShell's `pip freeze > requirements.txt` writes UTF-16 LE) marks text despite its NUL bytes.
            var binary = head.IndexOf((byte)0) >= 0 && !RepoIndex.HasUtf16Bom(head);
            var lfs = !binary && size <= IndexOptions.MaxLfsPointerBytes && head.StartsWith("version https://git-lfs.github.com/spec/"u8);
            return new IndexedFile(rel, size, binary ? FileKind.Binary : FileKind.Text, status, lfs);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new IndexedFile(rel, size, FileKind.Unreadable, status);
        }
    }

    private void WalkDirectory(string full, string rel, int depth, IgnoreMatcher? ignore)
    {
        if (depth > _options.MaxDepth)
        {
            _diagnostics.Add(new Diagnostic(rel, null, DiagnosticSeverity.Warning, "index.too-deep", $"folders nested deeper than {_options.MaxDepth} levels were not walked"));
            return;
        }

        List<FileSystemInfo> children;
        try
        {
            children = [.. new DirectoryInfo(full).EnumerateFileSystemInfos("*", Listing)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            _diagnostics.Add(new Diagnostic(rel, null, DiagnosticSeverity.Warning, "index.unreadable-dir", $"folder could not be listed: {e.Message}"));
            return;
        }

        children.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        ignore?.Enter(full, rel);
        foreach (var child in children)
        {
            if (_truncated)
            {
                return;
            }

            var childRel = rel.Length == 0 ? child.Name : rel + "/" + child.Name;
            if (child.Name == ".git")
            {
                continue; // git internals are never listed (a folder, or a file in worktrees and submodules)
            }

            if (child.Name.Contains('\uFFFD', StringComparison.Ordinal))
            {
                _diagnostics.Add(new Diagnostic(childRel, null, DiagnosticSeverity.Warning, "index.invalid-name", "file name is not valid UTF-8; skipped"));
                continue;
            }

            try
            {
                if (child.LinkTarget is { } target)
                {
                    CheckLink(child, childRel, target);
                    Add(childRel, child.FullName, 0, target);
                    continue;
                }

                if (child is DirectoryInfo)
                {
                    WalkDirectory(child.FullName, childRel, depth + 1, ignore);
                }
                else if (child is FileInfo fi)
                {
                    Add(childRel, fi.FullName, fi.Length, null);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _diagnostics.Add(new Diagnostic(childRel, null, DiagnosticSeverity.Warning, "index.vanished", $"changed or vanished during the walk: {e.Message}"));
            }
        }
    }

    private void Add(string rel, string full, long size, string? link)
    {
        if (_entries.Count >= _options.MaxFiles)
        {
            _truncated = true;
            _diagnostics.Add(new Diagnostic(string.Empty, null, DiagnosticSeverity.Error, "index.too-many-files",
                $"stopped after {_options.MaxFiles} files (the limit); results cover only the files walked so far. Scan a sub-folder or raise the limit with --max-files."));
            return;
        }

        _entries.Add((rel, full, size, link));
    }

    private void CheckLink(FileSystemInfo link, string rel, string target)
    {
        var dir = System.IO.Path.GetDirectoryName(link.FullName)!;
        var resolved = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir, target));
        var rootPrefix = _root.EndsWith('/') ? _root : _root + "/";
        if (resolved != _root && !resolved.StartsWith(rootPrefix, StringComparison.Ordinal))
        {
            _diagnostics.Add(new Diagnostic(rel, null, DiagnosticSeverity.Warning, "index.symlink-escape", $"symbolic link points outside the project ({target}); not followed"));
            return;
        }

        try
        {
            var final = link.ResolveLinkTarget(returnFinalTarget: true);
            if (final is null || !final.Exists)
            {
                _diagnostics.Add(new Diagnostic(rel, null, DiagnosticSeverity.Info, "index.symlink-dangling", $"symbolic link target does not exist ({target})"));
            }
        }
        catch (IOException)
        {
            _diagnostics.Add(new Diagnostic(rel, null, DiagnosticSeverity.Warning, "index.symlink-loop", $"symbolic link loop ({target}); not followed"));
        }
    }
}
