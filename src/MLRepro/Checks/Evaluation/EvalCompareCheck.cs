using MLRepro.Findings;
using MLRepro.Knowledge;
using MLRepro.Model;

namespace MLRepro.Checks.Evaluation;

/// <summary>eval.compare — the performance of different runs can easily be compared.</summary>
public sealed class EvalCompareCheck : CheckBase
{
    private static readonly string[] WriteSuffixes = ["json.dump", "yaml.dump", "yaml.safe_dump", ".to_csv", ".to_json", "numpy.savetxt", ".write_text", "csv.writer", "toml.dump"];

    private static readonly string[] MetricWords = ["metric", "score", "result", "eval", "accuracy", "report", "summary", "performance", "scores"];

    /// <inheritdoc />
    public override CheckInfo Info { get; } = new(
        "eval.compare",
        StarLevel.Evaluation,
        "Runs comparable",
        "The output performance of different runs, under different data or configurations, can easily be compared.",
        "Met when metrics go to a tracker (MLflow, W&B, DVCLive, TensorBoard, Aim, ClearML, Neptune, Comet…), to DVC metrics/plots, or " +
        "to metrics files written by the code (JSON/CSV/YAML named like metrics, scores, results). Printing to the console is not enough.",
        "Write the metrics of each run to a file (metrics.json, declared as DVC metrics) or log them to a tracker such as MLflow.",
        [],
        ProvenOnlyByRunning: false);

    /// <inheritdoc />
    public override Finding Run(ProjectModel project)
    {
        var evidence = project.Tools.Trackers.Select(t => Evidence.At(t.Path, t.Line > 0 ? t.Line : null, t.Line > 0 ? $"logs to {t.Name}" : $"{t.Name} run store")).ToList();

        foreach (var m in project.PythonModules)
        {
            // Hugging Face TrainingArguments(report_to="wandb"|"tensorboard"|["mlflow"]) sends metrics to a tracker.
            if (m.Calls.FirstOrDefault(c => c.Keyword("report_to") is { } a && a.Literal?.AsString is not ("none" or "") && !a.Text.Contains("\"none\"", StringComparison.Ordinal)) is { } call)
            {
                evidence.Add(Evidence.At(m.Path, call.Line, $"reports metrics to {call.Keyword("report_to")!.Text}", call.RawTarget));
            }
        }

        foreach (var s in project.Pipelines.SelectMany(p => p.Stages))
        {
            foreach (var metric in s.Metrics.Concat(s.Plots))
            {
                evidence.Add(Evidence.At(s.SourcePath, s.Line, $"stage {s.Name} declares {metric.Path} as metrics/plots"));
            }
        }

        foreach (var m in project.PythonModules.Where(m => !Analysis.ConfigAnalysis.IsTestOrTooling(m.Path)))
        {
            var metricPaths = m.StringLiterals.Where(l => IsMetricPath(l.Value)).ToList();
            if (metricPaths.Count == 0)
            {
                continue;
            }

            var write = m.Calls.FirstOrDefault(c => WriteSuffixes.Any(w => c.Target.EndsWith(w, StringComparison.Ordinal)) || c.Target == "open" && c.Arguments.Any(a => a.Literal?.AsString is "w" or "a"));
            if (write is not null)
            {
                evidence.Add(Evidence.At(m.Path, metricPaths[0].Line, $"writes metrics to {metricPaths[0].Value}", write.RawTarget));
            }
        }

        if (evidence.Count > 0)
        {
            return Found(Outcome.Met, "run metrics are recorded where runs can be compared.", evidence.DistinctBy(e => (e.Path, e.Note)));
        }

        var committed = project.Index.Files.Where(f => f.Extension is ".json" or ".csv" or ".tsv" or ".yaml" or ".yml" && IsMetricPath(f.Path) && !f.Path.Contains("schema", StringComparison.OrdinalIgnoreCase))
            .Select(f => Evidence.At(f.Path, null, "results file committed, but no code writes it: runs are compared by hand")).Take(3).ToList();
        if (committed.Count > 0)
        {
            return Found(Outcome.Partial, "results are committed as files, but the code does not write them, so a new run cannot be compared automatically.", committed,
                "Have the training or evaluation code write these metrics (or log them to a tracker) on every run.");
        }

        var printed = project.PythonModules.SelectMany(m => m.Calls.Where(c => c.Target == "print" && c.Arguments.Any(a => MetricWords.Any(w => a.Text.Contains(w, StringComparison.OrdinalIgnoreCase))))
            .Select(c => Evidence.At(m.Path, c.Line, "metrics only printed to the console", c.RawTarget + "(…)"))).Take(3).ToList();
        return Found(Outcome.NotMet, printed.Count > 0 ? "metrics are only printed to the console, so runs cannot be compared." : "no record of run metrics was found.",
            printed.Count > 0 ? printed : [Evidence.Repo($"searched for trackers ({string.Join(", ", Ecosystem.Trackers.Take(5).Select(t => t.Name))}…), DVC metrics/plots and metrics files written by {Count(project.PythonModules.Count, "Python module")}")]);
    }

    private static bool IsMetricPath(string s)
    {
        var l = s.ToLowerInvariant();
        return l.Length < 200 && (l.EndsWith(".json", StringComparison.Ordinal) || l.EndsWith(".csv", StringComparison.Ordinal) || l.EndsWith(".yaml", StringComparison.Ordinal) || l.EndsWith(".yml", StringComparison.Ordinal) || l.EndsWith(".tsv", StringComparison.Ordinal) || l.EndsWith(".txt", StringComparison.Ordinal))
            && MetricWords.Any(w => l[(l.LastIndexOf('/') + 1)..].Contains(w, StringComparison.Ordinal));
    }
}
