namespace MLRepro.Catalog.Scanning;

/// <summary>Limits and switches for a batch scan.</summary>
public sealed record ScanOptions
{
    /// <summary>Default wall-clock limit per git call.</summary>
    public static readonly TimeSpan DefaultCloneTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Default size cap of one clone (500 MiB).</summary>
    public const long DefaultMaxCloneBytes = 500L * 1024 * 1024;

    /// <summary>Assessments run at once.</summary>
    public int Jobs { get; init; } = 1;

    /// <summary>Re-assess even when the commit has not changed.</summary>
    public bool Force { get; init; }

    /// <summary>Git transports allowed for URLs (https and file by default; never ext).</summary>
    public IReadOnlySet<string> AllowedProtocols { get; init; } = ScanSource.DefaultProtocols;

    /// <summary>Wall-clock limit per git call (ls-remote, clone); the process tree is killed when it passes.</summary>
    public TimeSpan CloneTimeout { get; init; } = DefaultCloneTimeout;

    /// <summary>The clone is killed when its folder grows beyond this many bytes.</summary>
    public long MaxCloneBytes { get; init; } = DefaultMaxCloneBytes;

    /// <summary>Where clones go (a fresh temp folder when null); each clone is deleted after its assessment.</summary>
    public string? WorkDir { get; init; }
}
