using MLRepro.Findings;
using MLRepro.Text;

namespace MLRepro.Reporting;

/// <summary>
/// The one versioned result of an assessment (schema "mlrepro/assessment/v1"). Every reporter renders
/// this DTO and nothing else; the catalog stores it as JSON. It carries no timestamps, so the same input
/// gives byte-identical output.
/// </summary>
public sealed record Report
{
    /// <summary>The schema id written to JSON.</summary>
    public const string SchemaId = "mlrepro/assessment/v1";

    /// <summary>Schema id.</summary>
    public string Schema { get; init; } = SchemaId;

    /// <summary>The tool that made the report.</summary>
    public required ToolInfo Tool { get; init; }

    /// <summary>What was assessed.</summary>
    public required ProjectInfo Project { get; init; }

    /// <summary>Stars by the pyramid rule (0..5).</summary>
    public required int Stars { get; init; }

    /// <summary>Each level's own progress, ★1..★5.</summary>
    public required IReadOnlyList<ReportLevel> Levels { get; init; }

    /// <summary>One effective finding per criterion, in criterion order.</summary>
    public required IReadOnlyList<ReportFinding> Findings { get; init; }

    /// <summary>What was found, for REPRODUCIBILITY.md and the project page (links, stage table, environments…).</summary>
    public ProjectFacts? Facts { get; init; }

    /// <summary>A summary of the verification run that produced Verified findings, if any.</summary>
    public VerificationSummary? Verification { get; init; }

    /// <summary>Problems met while reading the project (malformed files, limits).</summary>
    public IReadOnlyList<ReportDiagnostic> Diagnostics { get; init; } = [];
}

/// <summary>The tool and its version.</summary>
public sealed record ToolInfo(string Name, string Version);

/// <summary>The assessed project.</summary>
/// <param name="Name">A display name: "owner/repo" from a GitHub/GitLab remote, else the folder name.</param>
/// <param name="Commit">HEAD commit, when in git.</param>
/// <param name="Branch">Branch, when in git.</param>
/// <param name="RemoteUrl">Remote URL without credentials.</param>
/// <param name="Dirty">Whether the work tree had uncommitted changes.</param>
/// <param name="Frameworks">ML frameworks the code imports (scikit-learn, pytorch, tensorflow…), sorted.</param>
/// <param name="FileCount">Files indexed.</param>
public sealed record ProjectInfo(string Name, string? Commit, string? Branch, string? RemoteUrl, bool Dirty, IReadOnlyList<string> Frameworks, int FileCount);

/// <summary>One level's progress.</summary>
public sealed record ReportLevel(int Level, string Name, int Met, int Applicable, bool Complete);

/// <summary>The effective verdict on one criterion.</summary>
/// <param name="Criterion">Criterion id (SCALE.md).</param>
/// <param name="Level">Star level 1..5.</param>
/// <param name="Title">Criterion title.</param>
/// <param name="Outcome">Verdict.</param>
/// <param name="Source">Strength of the evidence behind the verdict.</param>
/// <param name="Message">One-sentence explanation.</param>
/// <param name="Evidence">Locations and notes.</param>
/// <param name="Fix">What to do, when not met.</param>
/// <param name="Superseded">Weaker findings for the same criterion that this one overrides (e.g. declared ✓ but found ✗).</param>
public sealed record ReportFinding(
    string Criterion,
    int Level,
    string Title,
    Outcome Outcome,
    Source Source,
    string Message,
    IReadOnlyList<ReportEvidence> Evidence,
    string? Fix,
    IReadOnlyList<SupersededFinding> Superseded);

/// <summary>One evidence item.</summary>
public sealed record ReportEvidence(string Path, int? Line, string? Snippet, string Note);

/// <summary>A weaker finding overridden by a stronger one.</summary>
public sealed record SupersededFinding(Source Source, Outcome Outcome, string Message);

/// <summary>A diagnostic in report form.</summary>
public sealed record ReportDiagnostic(string Path, int? Line, DiagnosticSeverity Severity, string Code, string Message);

/// <summary>What a verification run observed, in brief.</summary>
/// <param name="Runs">Number of runs.</param>
/// <param name="Identical">Whether all compared outputs were identical (or equal within tolerance).</param>
/// <param name="Command">What was run.</param>
/// <param name="Environment">One-line environment fingerprint (OS, Python, CPU/GPU).</param>
/// <param name="When">When it ran (ISO 8601, UTC), as recorded in the verification record.</param>
public sealed record VerificationSummary(int Runs, bool Identical, string Command, string Environment, string When);

/// <summary>
/// What the assessment found, organised like the spec's REPRODUCIBILITY.md: the things a reader wants linked
/// (entry points, config files, data, stages, package lists, environments, apps, trackers).
/// </summary>
public sealed record ProjectFacts
{
    /// <summary>Ways to run the project.</summary>
    public IReadOnlyList<FactEntryPoint> EntryPoints { get; init; } = [];

    /// <summary>Parameter files and how many keys each holds.</summary>
    public IReadOnlyList<FactFile> ConfigFiles { get; init; } = [];

    /// <summary>Data the project ships, tracks or fetches.</summary>
    public IReadOnlyList<FactData> Data { get; init; } = [];

    /// <summary>Written data schemas.</summary>
    public IReadOnlyList<FactFile> DataSchemas { get; init; } = [];

    /// <summary>Pipeline stages.</summary>
    public IReadOnlyList<FactStage> Stages { get; init; } = [];

    /// <summary>Dependency files.</summary>
    public IReadOnlyList<FactFile> PackageFiles { get; init; } = [];

    /// <summary>Environment definitions (Dockerfile, devcontainer, conda…).</summary>
    public IReadOnlyList<FactFile> Environments { get; init; } = [];

    /// <summary>Whether the code uses a GPU, and where hardware is documented.</summary>
    public IReadOnlyList<FactFile> Hardware { get; init; } = [];

    /// <summary>Apps, APIs and predict scripts.</summary>
    public IReadOnlyList<FactFile> Apps { get; init; } = [];

    /// <summary>Trackers and metrics files.</summary>
    public IReadOnlyList<FactFile> Metrics { get; init; } = [];
}

/// <summary>An entry point: where declared, the command, and the script it runs.</summary>
public sealed record FactEntryPoint(string Kind, string Path, int? Line, string? Command, string? Script);

/// <summary>A file with a one-line description.</summary>
public sealed record FactFile(string Path, int? Line, string Description);

/// <summary>A data location and how it is provided.</summary>
public sealed record FactData(string Location, string How, string? Path, int? Line);

/// <summary>A pipeline stage.</summary>
public sealed record FactStage(string Tool, string Name, string Path, int Line, IReadOnlyList<string> Commands, IReadOnlyList<string> Deps, IReadOnlyList<string> Outs);
