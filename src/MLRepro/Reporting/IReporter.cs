namespace MLRepro.Reporting;

/// <summary>Renders a report to a writer. Reporters own nothing else: the CLI owns paths and exit codes.</summary>
public interface IReporter
{
    /// <summary>Writes the report.</summary>
    void Write(Report report, TextWriter writer);
}
