using System.Collections.Immutable;
using MLRepro.Knowledge;
using MLRepro.Python;

namespace MLRepro.Analysis;

/// <summary>A known tool the project uses, with the first place that shows it.</summary>
public sealed record ToolUse(string Name, string Module, string Path, int Line);

/// <summary>
/// The ML ecosystem the project's code imports: frameworks, apps/servers, experiment trackers and workflow
/// orchestrators (Knowledge/Ecosystem), plus tracker folders on disk (an MLflow mlruns/ store).
/// </summary>
public sealed class ToolUsage
{
    /// <summary>ML frameworks, one entry per framework.</summary>
    public required ImmutableArray<ToolUse> Frameworks { get; init; }

    /// <summary>Apps and servers, one entry per module that imports one.</summary>
    public required ImmutableArray<ToolUse> Apps { get; init; }

    /// <summary>Trackers, one entry per module that imports one (plus tracker folders).</summary>
    public required ImmutableArray<ToolUse> Trackers { get; init; }

    /// <summary>Workflow orchestrators (Metaflow, ZenML, Airflow, Prefect, Kedro…), one entry per module.</summary>
    public required ImmutableArray<ToolUse> Orchestrators { get; init; }

    /// <summary>Builds the analysis.</summary>
    public static ToolUsage Build(IReadOnlyList<ModuleSummary> modules, Indexing.RepoIndex index)
    {
        ImmutableArray<ToolUse> PerModule(IReadOnlyList<KnownTool> table, bool skipTests) =>
            [.. modules.Where(m => !skipTests || !ConfigAnalysis.IsTestOrTooling(m.Path))
                .Select(m => First(m, table)).Where(t => t is not null).Select(t => t!)];

        var frameworks = modules.SelectMany(m => m.Imports.Where(i => i.Level == 0).Select(i => (m, i, Tool: Ecosystem.Find(Ecosystem.Frameworks, i.Module))))
            .Where(x => x.Tool is not null)
            .GroupBy(x => x.Tool!.Name)
            .Select(g => new ToolUse(g.Key, g.First().Tool!.Module, g.First().m.Path, g.First().i.Line))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToImmutableArray();
        var trackers = modules.Where(m => !ConfigAnalysis.IsTestOrTooling(m.Path))
            .Select(m => First(m, Ecosystem.Trackers) is { } t && !OnlyReadsFromTracker(m, t) ? t : null).OfType<ToolUse>().ToImmutableArray().ToBuilder();

        // A tracker reached through its parent package's import (`import tensorflow as tf` … tf.summary.scalar,
        // tf.contrib.summary.create_file_writer, tf.keras.callbacks.TensorBoard): the call target names it.
        foreach (var m in modules.Where(m => !ConfigAnalysis.IsTestOrTooling(m.Path) && !trackers.Any(t => t.Path == m.Path)))
        {
            if (m.Calls.Select(c => (c, Tool: Ecosystem.Find(Ecosystem.Trackers, c.Target))).FirstOrDefault(x => x.Tool is { } t && t.Module.Contains('.', StringComparison.Ordinal)) is { Tool: { } tool } hit)
            {
                trackers.Add(new ToolUse(tool.Name, tool.Module, m.Path, hit.c.Line));
            }
        }
        if (index.ContainsDirectory("mlruns"))
        {
            trackers.Add(new ToolUse("MLflow", "mlruns/", "mlruns", 0));
        }

        return new ToolUsage
        {
            Frameworks = frameworks,
            Apps = PerModule(Ecosystem.Apps, skipTests: true),
            Trackers = trackers.ToImmutable(),
            Orchestrators = PerModule(Ecosystem.Orchestrators, skipTests: true),
        };
    }

    /// <summary>
    /// Whether a module's every call into a tracker only reads from it: a serving app that loads the registered model
    /// (<c>mlflow.pyfunc.load_model</c>), a plotting script that queries finished runs (<c>wandb.Api().runs(…)</c>,
    /// <c>mlflow.search_runs</c>). Importing the tracker is then no logging. A module with no call into the package at all
    /// keeps its use (it may log through a callback or an integration).
    /// </summary>
    private static bool OnlyReadsFromTracker(ModuleSummary module, ToolUse use)
    {
        if (use.Module is not ("mlflow" or "wandb"))
        {
            return false;
        }

        var prefix = use.Module + ".";
        var calls = module.Calls.Where(c => c.Target.StartsWith(prefix, StringComparison.Ordinal)).Select(c => c.Target).ToList();
        return calls.Count > 0 && calls.All(IsTrackerRead);
    }

    private static bool IsTrackerRead(string target) =>
        target.EndsWith(".load_model", StringComparison.Ordinal) || target.StartsWith("wandb.Api", StringComparison.Ordinal) || target.StartsWith("wandb.apis.", StringComparison.Ordinal)
        || target is "wandb.login" or "mlflow.search_runs" or "mlflow.search_experiments" or "mlflow.get_run" or "mlflow.set_tracking_uri" or "mlflow.set_registry_uri"
            or "mlflow.artifacts.download_artifacts" or "mlflow.pyfunc.spark_udf" or "mlflow.models.get_model_info" or "mlflow.get_experiment" or "mlflow.get_experiment_by_name";

    private static ToolUse? First(ModuleSummary m, IReadOnlyList<KnownTool> table)
    {
        foreach (var i in m.Imports.Where(i => i.Level == 0))
        {
            var full = i.Name is null ? i.Module : i.Module + "." + i.Name;
            if ((Ecosystem.Find(table, full) ?? Ecosystem.Find(table, i.Module)) is { } tool)
            {
                return new ToolUse(tool.Name, tool.Module, m.Path, i.Line);
            }
        }

        return null;
    }
}
