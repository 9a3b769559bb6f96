using MLRepro.Findings;

namespace MLRepro.Checks;

/// <summary>
/// A criterion's metadata: the single source for docs/criteria.md, `mlrepro explain`, `check --list` and
/// SARIF rules.
/// </summary>
/// <param name="Id">The stable criterion id from SCALE.md, e.g. "config.seeds".</param>
/// <param name="Level">The star level it belongs to.</param>
/// <param name="Title">A short title.</param>
/// <param name="Rationale">What the criterion asks and why it matters (from the spec).</param>
/// <param name="HowChecked">How mlrepro decides it, statically and when verifying.</param>
/// <param name="Fix">The generic fix.</param>
/// <param name="Requires">Ids of criteria whose failure makes this one Skipped.</param>
/// <param name="ProvenOnlyByRunning">Whether only a run can prove it (static analysis stays "not verified").</param>
public sealed record CheckInfo(
    string Id,
    StarLevel Level,
    string Title,
    string Rationale,
    string HowChecked,
    string Fix,
    IReadOnlyList<string> Requires,
    bool ProvenOnlyByRunning);
