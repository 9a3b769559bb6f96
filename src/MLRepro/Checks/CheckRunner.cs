using System.Collections.Immutable;
using MLRepro.Findings;
using MLRepro.Model;

namespace MLRepro.Checks;

/// <summary>Runs checks; an exception in one check becomes an Error finding for that check only.</summary>
public static class CheckRunner
{
    /// <summary>Runs the given checks (default: all registered) over a model.</summary>
    public static ImmutableArray<Finding> Run(ProjectModel project, IEnumerable<ICheck>? checks = null)
    {
        var list = new List<Finding>();
        foreach (var check in checks ?? CheckRegistry.All)
        {
            try
            {
                list.Add(check.Run(project));
            }
            catch (Exception e)
            {
                list.Add(new Finding(check.Info.Id, Outcome.Error, $"the check failed with an internal error: {e.GetType().Name}: {e.Message}", [], "Please report this as an mlrepro bug.", Source.Found));
            }
        }

        return [.. list];
    }
}
