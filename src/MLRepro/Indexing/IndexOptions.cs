namespace MLRepro.Indexing;

/// <summary>Limits of the repository walk. Every limit is a named constant so reports can cite it.</summary>
public sealed record IndexOptions
{
    /// <summary>Default largest file read as text (8 MiB). Larger files are indexed but never read.</summary>
    public const long DefaultMaxTextFileBytes = 8L * 1024 * 1024;

    /// <summary>Default largest number of files indexed before the walk stops with a diagnostic.</summary>
    public const int DefaultMaxFiles = 200_000;

    /// <summary>Default deepest directory nesting walked.</summary>
    public const int DefaultMaxDepth = 64;

    /// <summary>Bytes inspected to decide text versus binary (git uses the same figure).</summary>
    public const int BinarySniffBytes = 8000;

    /// <summary>Largest file that can be a Git LFS pointer (the spec says pointers are under 1024 bytes).</summary>
    public const int MaxLfsPointerBytes = 1024;

    /// <summary>The largest file read as text.</summary>
    public long MaxTextFileBytes { get; init; } = DefaultMaxTextFileBytes;

    /// <summary>The largest number of files indexed.</summary>
    public int MaxFiles { get; init; } = DefaultMaxFiles;

    /// <summary>The deepest directory nesting walked.</summary>
    public int MaxDepth { get; init; } = DefaultMaxDepth;

    /// <summary>Whether to ask git for tracked/ignored status and repository facts (when git is installed).</summary>
    public bool UseGit { get; init; } = true;

    /// <summary>The default options.</summary>
    public static IndexOptions Default { get; } = new();
}
