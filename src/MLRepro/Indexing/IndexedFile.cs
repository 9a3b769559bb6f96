namespace MLRepro.Indexing;

/// <summary>What a file's content is, as far as the index could tell without parsing it.</summary>
public enum FileKind
{
    /// <summary>Text (no NUL byte in the first 8000 bytes) and small enough to read.</summary>
    Text,
    /// <summary>Binary content.</summary>
    Binary,
    /// <summary>Larger than the text limit: listed, never read.</summary>
    TooLarge,
    /// <summary>A symbolic link: recorded, never followed.</summary>
    Symlink,
    /// <summary>Could not be read (permissions, vanished mid-walk).</summary>
    Unreadable,
}

/// <summary>How git sees a file.</summary>
public enum GitStatus
{
    /// <summary>The folder is not inside a git work tree (or git is unavailable).</summary>
    NotInRepo,
    /// <summary>In git's index.</summary>
    Tracked,
    /// <summary>Neither tracked nor ignored.</summary>
    Untracked,
    /// <summary>Matched by .gitignore (or .git/info/exclude) and not tracked.</summary>
    Ignored,
}

/// <summary>One file of the walk.</summary>
/// <param name="Path">Path relative to the index root, '/' separators.</param>
/// <param name="Size">Size in bytes (for a symlink, the link's own size).</param>
/// <param name="Kind">Content kind.</param>
/// <param name="Git">Git status.</param>
/// <param name="IsLfsPointer">Whether the content is a Git LFS pointer.</param>
/// <param name="LinkTarget">For a symlink, its target as written.</param>
public sealed record IndexedFile(string Path, long Size, FileKind Kind, GitStatus Git, bool IsLfsPointer = false, string? LinkTarget = null)
{
    /// <summary>The file name without folders.</summary>
    public string Name => Path[(Path.LastIndexOf('/') + 1)..];

    /// <summary>The lower-case extension including the dot, or "".</summary>
    public string Extension
    {
        get
        {
            var name = Name;
            var dot = name.LastIndexOf('.');
            return dot <= 0 ? string.Empty : name[dot..].ToLowerInvariant();
        }
    }

    /// <summary>The folder part of the path ("" at the root).</summary>
    public string Directory => Path.LastIndexOf('/') is var i and >= 0 ? Path[..i] : string.Empty;

    /// <summary>Whether the file can be read as text.</summary>
    public bool IsText => Kind == FileKind.Text;
}
