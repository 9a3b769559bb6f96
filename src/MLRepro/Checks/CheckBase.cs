using MLRepro.Findings;
using MLRepro.Model;

namespace MLRepro.Checks;

/// <summary>Shared helpers for checks: finding constructors that carry the check's id and fix.</summary>
public abstract class CheckBase : ICheck
{
    /// <inheritdoc />
    public abstract CheckInfo Info { get; }

    /// <inheritdoc />
    public abstract Finding Run(ProjectModel project);

    /// <summary>A found finding.</summary>
    protected Finding Found(Outcome outcome, string message, IEnumerable<Evidence> evidence, string? fix = null) =>
        Finding.Create(Info.Id, outcome, Source.Found, message, evidence, outcome is Outcome.Met or Outcome.NotApplicable ? null : fix ?? Info.Fix);

    /// <summary>A found finding with no evidence list.</summary>
    protected Finding Found(Outcome outcome, string message, params Evidence[] evidence) => Found(outcome, message, (IEnumerable<Evidence>)evidence);

    /// <summary>"1 file" / "3 files".</summary>
    protected static string Count(int n, string singular, string? plural = null) => $"{n} {(n == 1 ? singular : plural ?? singular + "s")}";

    /// <summary>Joins a list for a sentence, capped.</summary>
    protected static string List(IEnumerable<string> items, int max = 6)
    {
        var all = items.ToList();
        return all.Count <= max ? string.Join(", ", all) : string.Join(", ", all.Take(max)) + $" and {all.Count - max} more";
    }
}
