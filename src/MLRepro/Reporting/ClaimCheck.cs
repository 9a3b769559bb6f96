using MLRepro.Findings;

namespace MLRepro.Reporting;

/// <summary>A claim of the project's REPRODUCIBILITY.md that the evidence does not support.</summary>
public sealed record UnsupportedClaim(string Criterion, string Claim, Outcome Actual, Source ActualSource, string Why);

/// <summary>Compares declared claims with found or verified evidence (`mlrepro report --check`).</summary>
public static class ClaimCheck
{
    /// <summary>Ticked boxes whose criterion is found or verified partial, not met, or in error.</summary>
    public static IReadOnlyList<UnsupportedClaim> Unsupported(Report report) =>
        [.. report.Findings
            .Where(f => f.Outcome is Outcome.NotMet or Outcome.Partial or Outcome.Error && f.Source != Source.Declared)
            .SelectMany(f => f.Superseded.Where(s => s.Source == Source.Declared && s.Outcome == Outcome.Met)
                .Select(s => new UnsupportedClaim(f.Criterion, s.Message, f.Outcome, f.Source,
                    $"{f.Title} is claimed ({s.Message}), but {f.Source.ToString().ToLowerInvariant()} evidence says {Console.ConsoleReporter.Describe(f.Outcome)}: {f.Message}")))];
}
