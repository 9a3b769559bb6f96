using System.Collections.Immutable;

namespace MLRepro.Findings;

/// <summary>The verdict of one check on one criterion, with its evidence and a concrete fix.</summary>
public sealed record Finding(
    string CheckId,
    Outcome Outcome,
    string Message,
    ImmutableArray<Evidence> Evidence,
    string? Fix,
    Source Source)
{
    /// <summary>Builds a finding from an evidence list.</summary>
    public static Finding Create(string checkId, Outcome outcome, Source source, string message, IEnumerable<Evidence> evidence, string? fix = null) =>
        new(checkId, outcome, message, [.. evidence], fix, source);
}
