using System.Collections.Immutable;
using MLRepro.Text;

namespace MLRepro.Formats.MLreproConfig;

/// <summary>What maintainers decided about a criterion.</summary>
public enum OverrideStatus
{
    /// <summary>The criterion does not apply to this project (e.g. env.hardware for a CPU-only tool).</summary>
    NotApplicable,
    /// <summary>The gap is known and accepted; the verdict stays, with the reason shown beside it.</summary>
    Accepted,
}

/// <summary>A maintainer's decision on one criterion, with the written reason every report shows.</summary>
public sealed record CriterionOverride(string Criterion, OverrideStatus Status, string Reason, string Path, int Line);

/// <summary>mlrepro's own settings from .mlrepro.yaml or `[tool.mlrepro]` in pyproject.toml.</summary>
/// <param name="Path">The file read, or null when there is none.</param>
/// <param name="Overrides">Criterion overrides (`criteria:`).</param>
/// <param name="Diagnostics">Problems: unknown criteria, missing reasons, unknown statuses.</param>
public sealed record MLreproConfigDocument(string? Path, ImmutableArray<CriterionOverride> Overrides, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>No settings.</summary>
    public static MLreproConfigDocument Empty { get; } = new(null, [], []);
}
