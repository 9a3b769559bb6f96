using System.IO.Hashing;

namespace MLRepro.Verify;

/// <summary>
/// Copies a project's work tree into a fresh folder for one run. The copy holds every file of the work tree
/// (tracked and untracked) except version-control metadata and re-creatable junk (virtual environments, caches),
/// so the run cannot touch the user's tree and cannot see its git history. File.Copy on Linux clones
/// (FICLONE, i.e. cp --reflink=auto) where the file system supports it and copies otherwise; never hard links.
/// </summary>
public static class Workspace
{
    /// <summary>Folder names never copied (anywhere in the tree).</summary>
    public static readonly IReadOnlySet<string> SkippedFolders = new HashSet<string>(StringComparer.Ordinal)
    {
        ".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "node_modules", "__pycache__", ".mypy_cache",
        ".pytest_cache", ".ruff_cache", ".ipynb_checkpoints", ".idea", ".vscode", ".mlrepro",
    };

    /// <summary>Largest single file copied; larger ones are skipped and reported (a run needing them fails visibly).</summary>
    public const long MaxFileBytes = 2L << 30;

    /// <summary>Lists the project's files (project-relative, '/' separators, ordinal order), skipping <see cref="SkippedFolders"/> and .dvc/cache.</summary>
    public static List<string> ListFiles(string root)
    {
        var result = new List<string>();
        Walk(root, "", result);
        result.Sort(StringComparer.Ordinal);
        return result;
    }

    private static void Walk(string root, string rel, List<string> into)
    {
        var dir = rel.Length == 0 ? root : Path.Combine(root, rel);
        IEnumerable<string> entries;
        try
        {
            entries = Directory.EnumerateFileSystemEntries(dir).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var full in entries)
        {
            var name = Path.GetFileName(full);
            var childRel = rel.Length == 0 ? name : rel + "/" + name;
            var info = new FileInfo(full);
            if (info.LinkTarget is not null)
            {
                // Symlinks are not followed: one could point outside the project.
                continue;
            }

            if ((info.Attributes & FileAttributes.Directory) != 0)
            {
                if (!SkippedFolders.Contains(name) && childRel != ".dvc/cache")
                {
                    Walk(root, childRel, into);
                }
            }
            else
            {
                into.Add(childRel);
            }
        }
    }

    /// <summary>
    /// Copies the project into <paramref name="destination"/> (created). With <paramref name="reverseOrder"/> files are
    /// created in reverse order, so code that lists a folder without sorting sees another order.
    /// Returns the copied relative paths; files over <see cref="MaxFileBytes"/> go to <paramref name="skipped"/>.
    /// </summary>
    public static List<string> Copy(string source, string destination, bool reverseOrder, ICollection<string>? skipped = null)
    {
        var files = ListFiles(source);
        if (reverseOrder)
        {
            files.Reverse();
        }

        Directory.CreateDirectory(destination);
        var copied = new List<string>();
        foreach (var rel in files)
        {
            var from = Path.Combine(source, rel);
            if (new FileInfo(from).Length > MaxFileBytes)
            {
                skipped?.Add(rel);
                continue;
            }

            var to = Path.Combine(destination, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            try
            {
                File.Copy(from, to, overwrite: false);
                copied.Add(rel);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // An unreadable file is left out and reported; the run shows whether it mattered.
                skipped?.Add(rel + " (" + e.Message + ")");
            }
        }

        copied.Sort(StringComparer.Ordinal);
        return copied;
    }

    /// <summary>Deletes a run folder, making read-only files writable first.</summary>
    public static void Delete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                try
                {
                    // Deleting needs write permission on the folders only, so this usually works without touching each file.
                    Directory.Delete(folder, recursive: true);
                    return;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                }

                foreach (var f in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
                {
                    File.SetAttributes(f, FileAttributes.Normal);
                }

                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover temp folder is not worth failing the verification.
        }
    }
}

/// <summary>One file's size and content hash, and its modification time (to skip hashing unchanged files again).</summary>
public sealed record FileStamp(long Size, string Hash, long ModifiedTicks = 0);

/// <summary>Hashes of every file under a folder (project-relative paths), to find what a run created or changed.</summary>
public static class Snapshot
{
    /// <summary>Hashes all files listed by <see cref="Workspace.ListFiles"/>.</summary>
    public static SortedDictionary<string, FileStamp> Take(string root) => Take(root, null, null);

    /// <summary>
    /// Hashes all files listed by <see cref="Workspace.ListFiles"/>, reusing the hash from <paramref name="previous"/> for a
    /// file whose size and modification time are unchanged and that is not in <paramref name="rehash"/> (the files a trace
    /// saw written: a run that rewrites a file and then resets its time is still caught when traced). After a run this
    /// hashes only what it wrote, not the inputs and data copied with the project.
    /// </summary>
    public static SortedDictionary<string, FileStamp> Take(string root, IReadOnlyDictionary<string, FileStamp>? previous, IReadOnlySet<string>? rehash)
    {
        var result = new SortedDictionary<string, FileStamp>(StringComparer.Ordinal);
        foreach (var rel in Workspace.ListFiles(root))
        {
            var full = Path.Combine(root, rel);
            try
            {
                var info = new FileInfo(full);
                var (size, ticks) = (info.Length, info.LastWriteTimeUtc.Ticks);
                result[rel] = previous is not null && previous.TryGetValue(rel, out var old) && old.Size == size && old.ModifiedTicks == ticks &&
                    old.ModifiedTicks != 0 && rehash?.Contains(rel) != true
                    ? old
                    : new FileStamp(size, HashFile(full), ticks);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                result[rel] = new FileStamp(-1, "unreadable");
            }
        }

        return result;
    }

    /// <summary>XxHash128 of a file, streamed, as 32 hex digits.</summary>
    public static string HashFile(string path)
    {
        var h = new XxHash128();
        using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        h.Append(s);
        return Convert.ToHexStringLower(h.GetCurrentHash());
    }

    /// <summary>A single hash over a whole snapshot (paths and hashes), to tell whether a tree changed.</summary>
    public static string TreeHash(SortedDictionary<string, FileStamp> snap)
    {
        var h = new XxHash128();
        foreach (var (k, v) in snap)
        {
            h.Append(System.Text.Encoding.UTF8.GetBytes(k + "\0" + v.Hash + "\n"));
        }

        return Convert.ToHexStringLower(h.GetCurrentHash());
    }
}
