using MLRepro.Reporting;

namespace MLRepro.Catalog;

/// <summary>
/// The store of assessments: projects, every assessment over time (history is kept), per-criterion results for
/// filtering, and failed scans. Implementations apply their schema migrations when opened.
/// </summary>
public interface ICatalog : IDisposable
{
    /// <summary>The schema version after migrations.</summary>
    int SchemaVersion { get; }

    /// <summary>Stores an assessment of a project (creating the project on first sight) and returns its id.</summary>
    Task<long> AddAssessmentAsync(ProjectSource project, Report report, DateTimeOffset assessedAt, CancellationToken ct = default);

    /// <summary>Stores many assessments in one transaction (imports, benchmarks); returns their ids in order.</summary>
    Task<IReadOnlyList<long>> AddAssessmentsAsync(IReadOnlyList<StoredAssessment> assessments, CancellationToken ct = default);

    /// <summary>The commit of the latest assessment of the project with this source, or null when none.</summary>
    Task<string?> LatestCommitAsync(string source, CancellationToken ct = default);

    /// <summary>Records a failed scan with its reason.</summary>
    Task RecordFailureAsync(string source, string reason, DateTimeOffset failedAt, CancellationToken ct = default);

    /// <summary>Failed scans, newest first.</summary>
    Task<IReadOnlyList<ScanFailure>> GetFailuresAsync(int limit = 100, CancellationToken ct = default);

    /// <summary>Projects filtered, sorted and paged by their latest assessment.</summary>
    Task<Page<ProjectSummary>> QueryProjectsAsync(ProjectQuery query, CancellationToken ct = default);

    /// <summary>One project with its latest assessment summary, or null.</summary>
    Task<ProjectSummary?> GetProjectAsync(long id, CancellationToken ct = default);

    /// <summary>A project by owner/repo (forge projects) or, when owner is null, by name among local projects.</summary>
    Task<ProjectSummary?> FindProjectAsync(string? owner, string repoOrName, CancellationToken ct = default);

    /// <summary>All assessments of a project, newest first.</summary>
    Task<IReadOnlyList<AssessmentSummary>> GetAssessmentsAsync(long projectId, CancellationToken ct = default);

    /// <summary>One assessment with its report, or null.</summary>
    Task<AssessmentRecord?> GetAssessmentAsync(long id, CancellationToken ct = default);

    /// <summary>The distinct frameworks of latest assessments, sorted (for filter menus).</summary>
    Task<IReadOnlyList<string>> GetFrameworksAsync(CancellationToken ct = default);

    /// <summary>The distinct criterion ids stored, sorted (for filter menus).</summary>
    Task<IReadOnlyList<string>> GetCriteriaAsync(CancellationToken ct = default);
}
