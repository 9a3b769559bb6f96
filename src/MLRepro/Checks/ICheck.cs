using MLRepro.Findings;
using MLRepro.Model;

namespace MLRepro.Checks;

/// <summary>One criterion, one check. Checks are pure: no I/O, no clock, no process; they ask the model.</summary>
public interface ICheck
{
    /// <summary>The criterion's metadata.</summary>
    CheckInfo Info { get; }

    /// <summary>Judges the project.</summary>
    Finding Run(ProjectModel project);
}
