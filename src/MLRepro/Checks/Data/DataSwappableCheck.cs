using MLRepro.Analysis;
using MLRepro.Findings;
using MLRepro.Model;

namespace MLRepro.Checks.Data;

/// <summary>data.swappable — another dataset meeting the documented interface can replace the one used.</summary>
public sealed class DataSwappableCheck : CheckBase
{
    /// <inheritdoc />
    public override CheckInfo Info { get; } = new(
        "data.swappable",
        StarLevel.Data,
        "Data easy to swap",
        "The data is easy to modify: another dataset that meets the documented structure can replace the one used, and the model still runs.",
        "Statically: the input paths the code reads come from config or the command line (or a pipeline's deps), not string literals " +
        "buried in code. Intermediate files produced by pipeline stages do not count. Only a run with another dataset proves it.",
        "Read the input data path from the config file (e.g. `data.path` in params.yaml) or a command-line option.",
        [],
        ProvenOnlyByRunning: true);

    /// <inheritdoc />
    public override Finding Run(ProjectModel project)
    {
        var inputs = project.Data.Reads.Where(r => r.Status is not DataPathStatus.Produced).ToList();
        if (inputs.Count == 0)
        {
            return Found(Outcome.Inconclusive, "no data read with a traceable path was found; only running with another dataset can tell.",
                Evidence.Repo($"searched {Count(project.PythonModules.Count, "Python module")} for data reads (pandas, numpy, open, torch/tf loaders…)"));
        }

        var hard = inputs.Where(r => r.Origin is SeedOrigin.HardCoded).ToList();
        var configurable = inputs.Where(r => r.Origin is SeedOrigin.Config or SeedOrigin.CommandLine or SeedOrigin.Environment).ToList();
        var ev = configurable.Select(r => Evidence.At(r.Path, r.Line, $"input path from {Origin(r.Origin)}", $"{r.Function}({r.Argument})")).ToList();
        if (hard.Count == 0)
        {
            return Found(configurable.Count > 0 ? Outcome.Met : Outcome.Inconclusive,
                configurable.Count > 0 ? "input paths come from config or the command line (not verified by running with another dataset)." : "input paths could not be traced.",
                ev.Count > 0 ? ev : [.. inputs.Select(r => Evidence.At(r.Path, r.Line, "input path of unknown origin", $"{r.Function}({r.Argument})"))]);
        }

        return Found(configurable.Count > 0 ? Outcome.Partial : Outcome.NotMet,
            $"{Count(hard.Count, "input path")} {(hard.Count == 1 ? "is" : "are")} hard-coded; swapping the data means editing code.",
            hard.Select(r => Evidence.At(r.Path, r.Line, $"hard-coded input path {r.Literal}", $"{r.Function}({r.Argument})")).Concat(ev));
    }

    private static string Origin(SeedOrigin? o) => o switch
    {
        SeedOrigin.Config => "the config",
        SeedOrigin.CommandLine => "the command line",
        SeedOrigin.Environment => "an environment variable",
        _ => "code",
    };
}
