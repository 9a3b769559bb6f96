using MLRepro.Reporting;

namespace MLRepro.Catalog;

/// <summary>Where a project comes from and how it is named in the catalog.</summary>
/// <param name="Source">The canonical source: a git URL without credentials, or a full local path. Unique per project.</param>
/// <param name="Name">Display name ("owner/repo" or the folder name).</param>
/// <param name="Owner">Owner, for projects from a forge URL (used by badge URLs); null for local projects.</param>
/// <param name="Repo">Repository name, for projects from a forge URL; null for local projects.</param>
public sealed record ProjectSource(string Source, string Name, string? Owner, string? Repo);

/// <summary>How the project list is sorted.</summary>
public enum ProjectSort
{
    /// <summary>By stars, then by level progress, then by name.</summary>
    Stars,
    /// <summary>By name (ordinal).</summary>
    Name,
    /// <summary>By the time of the latest assessment.</summary>
    Assessed,
}

/// <summary>A filter over the latest assessment of each project. Criteria lists combine with AND.</summary>
public sealed record ProjectQuery
{
    /// <summary>The largest page size a caller may ask for.</summary>
    public const int MaxPageSize = 200;

    /// <summary>Only projects with at least this many stars.</summary>
    public int? MinStars { get; init; }

    /// <summary>Criteria that must be met.</summary>
    public IReadOnlyList<string> Met { get; init; } = [];

    /// <summary>Criteria that must be not met (outcome notMet or partial; unknown outcomes are not "unmet").</summary>
    public IReadOnlyList<string> Unmet { get; init; } = [];

    /// <summary>A framework the project uses (e.g. "pytorch").</summary>
    public string? Framework { get; init; }

    /// <summary>Only projects whose latest assessment has (true) or lacks (false) verified findings.</summary>
    public bool? HasVerification { get; init; }

    /// <summary>Case-insensitive substring of the project name.</summary>
    public string? Search { get; init; }

    /// <summary>Sort key.</summary>
    public ProjectSort Sort { get; init; } = ProjectSort.Stars;

    /// <summary>Descending order (the default for stars and assessed time).</summary>
    public bool Descending { get; init; } = true;

    /// <summary>1-based page number.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Items per page (1..<see cref="MaxPageSize"/>).</summary>
    public int PageSize { get; init; } = 50;
}

/// <summary>One level's met/applicable counts.</summary>
public sealed record LevelCount(int Level, int Met, int Applicable);

/// <summary>A project with a summary of its latest assessment.</summary>
public sealed record ProjectSummary(
    long Id,
    string Name,
    string Source,
    string? Owner,
    string? Repo,
    long AssessmentId,
    string? Commit,
    DateTimeOffset AssessedAt,
    int Stars,
    IReadOnlyList<LevelCount> Levels,
    IReadOnlyList<string> Frameworks,
    bool HasVerification,
    int AssessmentCount);

/// <summary>One stored assessment without its report.</summary>
public sealed record AssessmentSummary(long Id, long ProjectId, string? Commit, DateTimeOffset AssessedAt, int Stars, IReadOnlyList<LevelCount> Levels, bool HasVerification);

/// <summary>One stored assessment with its full report.</summary>
public sealed record AssessmentRecord(AssessmentSummary Summary, Report Report);

/// <summary>A page of results.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize)
{
    /// <summary>Number of pages (at least 1).</summary>
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>A scan that failed, with its reason.</summary>
public sealed record ScanFailure(long Id, string Source, string Reason, DateTimeOffset FailedAt);

/// <summary>An assessment to store: the project, its report and when it was assessed.</summary>
public sealed record StoredAssessment(ProjectSource Project, Report Report, DateTimeOffset AssessedAt);
