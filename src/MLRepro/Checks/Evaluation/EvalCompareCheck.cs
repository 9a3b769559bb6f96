using MLRepro.Findings;
using MLRepro.Knowledge;
using MLRepro.Model;

namespace MLRepro.Checks.Evaluation;

/// <summary>eval.compare — the performance of different runs can easily be compared.</summary>
public sealed partial class EvalCompareCheck : CheckBase
{
    private static readonly string[] WriteSuffixes = ["json.dump", "yaml.dump", "yaml.safe_dump", ".to_csv", ".to_json", "numpy.savetxt", "numpy.save", "numpy.savez", ".write_text", "csv.writer", "toml.dump"];

    /// <summary>Calls whose first argument is the path they write.</summary>
    private static readonly string[] PathWriters = ["numpy.save", "numpy.savetxt", "numpy.savez", "numpy.savez_compressed", ".to_csv", ".to_json"];

    /// <summary>Hugging Face trainer classes (transformers, TRL) that log to trainer_state.json and installed integrations by default.</summary>
    private static readonly string[] HfTrainers = ["transformers.Trainer", "transformers.Seq2SeqTrainer", "trl.SFTTrainer", "trl.DPOTrainer", "trl.RewardTrainer"];

    private static readonly string[] MetricWords = ["metric", "score", "result", "eval", "accuracy", "report", "summary", "performance", "scores"];

    /// <inheritdoc />
    public override CheckInfo Info { get; } = new(
        "eval.compare",
        StarLevel.Evaluation,
        "Runs comparable",
        "The output performance of different runs, under different data or configurations, can easily be compared.",
        "Met when metrics go to a tracker (MLflow, W&B, DVCLive, TensorBoard, Aim, ClearML, Neptune, Comet…, directly or through Lightning's logger classes such as TensorBoardLogger), to DVC metrics/plots (dvc.yaml, or `dvc stage add --metrics …` in a script or the README), or " +
        "to metrics files written by the code, directly or through a project helper such as save_json (the path a write call receives, followed through variables, pathlib joins and open(…, \"w\") handles: JSON/CSV/YAML named like metrics, scores, results or after the metric, FID_…json, or in a metrics or scores folder; csv.writer rows, a hand-written CSV log headed `epoch,loss,…`, a JSON-lines log of metric records (`stats_file.write(json.dumps(stats) + \"\\n\")` in a function, file or record named as a metrics log), np.save of a metric series into a results folder, or a logging handler on a results " +
        "file), to an RL episode monitor given a file name (stable-baselines3/baselines Monitor: <name>.monitor.csv), to Kedro tracking datasets, or to loggers the config offers (Hydra `_target_: …loggers.CSVLogger`). A tracker that only a flag " +
        "off by default switches on (`if wandb_log:`, report_to=\"wandb\" if use_wandb else None) is Partial, and so is a Hugging Face Trainer " +
        "left at its default report_to (log history in trainer_state.json, trackers only if installed), and so are metrics only plotted on a live Visdom server, and so is a score kept only in the names of the output files (`f\"{dt}-{model}-{valid_auc}.csv\"`, `'oof_%.5f.csv' % score`). Trackers and metrics files inside a vendored copy of another project (a folder with a licence of its own) do not count, " +
        "and when a project of at least four training scripts (a backward pass or a fit: a tutorial collection, one script per algorithm) has fewer than half of them linked by imports to the code that records metrics (or naming their outputs after their score), it is Partial; a Metaflow project keeps every run's artifacts and is exempt. Printing to the console is not enough.",
        "Write the metrics of each run to a file (metrics.json, declared as DVC metrics) or log them to a tracker such as MLflow.",
        [],
        ProvenOnlyByRunning: false);

    /// <inheritdoc />
    public override Finding Run(ProjectModel project)
    {
        // A tracker switched on only by a flag that is off by default (`if wandb_log:`, report_to="wandb" if use_wandb else None)
        // records nothing in a default run: it is weaker evidence, kept apart.
        var optIn = new List<Evidence>();
        var evidence = new List<Evidence>();
        foreach (var t in project.Tools.Trackers)
        {
            // Optuna keeps a study in memory unless create_study/load_study is given a storage (an RDB URL, a JournalStorage):
            // without one the trials are gone when the process ends, so nothing is left to compare runs with.
            if (t.Module == "optuna" && !StoresOptunaStudy(project, t.Path))
            {
                continue;
            }

            var e = Evidence.At(t.Path, t.Line > 0 ? t.Line : null, t.Line > 0 ? $"logs to {t.Name}" : $"{t.Name} run store");
            (t.Line > 0 && IsOptInSite(project, t.Path, t.Line) ? optIn : evidence).Add(e);
        }

        foreach (var m in project.PythonModules)
        {
            // Hugging Face TrainingArguments(report_to="wandb"|"tensorboard"|["mlflow"]) sends metrics to a tracker.
            if (m.Calls.FirstOrDefault(c => c.Keyword("report_to") is { } a && a.Text.Trim() != "None" && a.Literal?.AsString is not ("none" or "") && !a.Text.Contains("\"none\"", StringComparison.Ordinal)) is { } call)
            {
                var text = call.Keyword("report_to")!.Text;
                (ConditionalExpression().IsMatch(text) ? optIn : evidence).Add(Evidence.At(m.Path, call.Line, $"reports metrics to {text}", call.RawTarget));
            }

            // Per-run metric files through csv.writer (results/log_<run>.csv) or a logging handler on a results file.
            if (!Analysis.ConfigAnalysis.IsTestOrTooling(m.Path) && m.Calls.FirstOrDefault(c => c.Target.EndsWith("csv.writer", StringComparison.Ordinal)) is { } csv
                && m.StringLiterals.FirstOrDefault(l => l.Value.Length < 200 && ResultWord().IsMatch(l.Value)) is { } csvPath)
            {
                evidence.Add(Evidence.At(m.Path, csv.Line, $"writes per-run rows to {csvPath.Value}…", csv.RawTarget));
            }

            if (m.Calls.FirstOrDefault(c => c.Target.EndsWith("FileHandler", StringComparison.Ordinal) && c.Arguments.Any(a => ResultWord().IsMatch(a.Text) && !a.Text.Contains("LOG", StringComparison.Ordinal))) is { } handler)
            {
                evidence.Add(Evidence.At(m.Path, handler.Line, $"a logging handler writes results to {handler.Arguments[0].Text}", handler.RawTarget));
            }
        }

        // Kedro experiment tracking (catalog `type: tracking.MetricsDataSet`) and loggers offered as config (Hydra `_target_: …loggers.CSVLogger`).
        foreach (var f in project.ConfigFiles)
        {
            foreach (var e in f.Entries.Where(e => e.Value is { } v && ((e.KeyPath.EndsWith("type", StringComparison.Ordinal) && v.Contains("tracking.", StringComparison.Ordinal) && (v.Contains("Metrics", StringComparison.Ordinal) || v.Contains("JSON", StringComparison.OrdinalIgnoreCase)))
                || (e.KeyPath.EndsWith("_target_", StringComparison.Ordinal) && v.Contains(".loggers.", StringComparison.Ordinal)))).Take(3))
            {
                evidence.Add(Evidence.At(f.Path, e.Line, e.KeyPath.EndsWith("_target_", StringComparison.Ordinal) ? $"the config offers a run logger ({e.Value})" : $"Kedro experiment tracking dataset ({e.Value})"));
            }
        }

        foreach (var s in project.Pipelines.SelectMany(p => p.Stages))
        {
            foreach (var metric in s.Metrics.Concat(s.Plots))
            {
                evidence.Add(Evidence.At(s.SourcePath, s.Line, $"stage {s.Name} declares {metric.Path} as metrics/plots"));
            }
        }

        // Hugging Face Trainer.save_metrics("eval", metrics) writes <split>_results.json and all_results.json into the run's
        // output_dir (documented in transformers' Trainer API): a metrics file per run, whatever report_to says.
        var usesTransformers = project.PythonModules.Any(m => m.ImportsModule("transformers"));
        foreach (var m in project.PythonModules.Where(m => usesTransformers && !Analysis.ConfigAnalysis.IsTestOrTooling(m.Path)))
        {
            if (m.Calls.FirstOrDefault(c => c.Target.EndsWith(".save_metrics", StringComparison.Ordinal) && c.PositionalAt(0)?.Literal?.AsString is { Length: > 0 } && c.Arguments.Length >= 2) is { } saved)
            {
                evidence.Add(Evidence.At(m.Path, saved.Line, $"a Hugging Face Trainer writes {saved.PositionalAt(0)!.Literal!.AsString}_results.json and all_results.json into the run's output_dir", saved.RawTarget));
            }
        }

        var helpers = WriterHelpers(project);
        foreach (var m in project.PythonModules.Where(m => !Analysis.ConfigAnalysis.IsTestOrTooling(m.Path)))
        {
            // RL episode monitors (stable-baselines3/baselines Monitor(env, filename)) append each episode's reward to <filename>.monitor.csv.
            foreach (var c in m.Calls)
            {
                if (Ecosystem.EpisodeMonitors.FirstOrDefault(t => c.Target == t.Target) is { Target: not null } monitor
                    && ((monitor.Position >= 0 ? c.PositionalAt(monitor.Position) : null) ?? c.Keyword(monitor.Keyword)) is { } file && file.Text != "None")
                {
                    evidence.Add(Evidence.At(m.Path, c.Line, $"an episode monitor writes each episode's reward to {file.Text} (.monitor.csv)", c.RawTarget));
                    break;
                }
            }

            // np.save(f"{outdir}/loss.npy", losses): a composed path into the run's folder names its file in the f-string's tail.
            if (m.Calls.FirstOrDefault(c => PathWriters.Any(w => c.Target.EndsWith(w, StringComparison.Ordinal))
                    && c.PositionalAt(0) is { Literal: null } a && ComposedFileName().Match(a.Text) is { Success: true } n && IsMetricPath(n.Groups[1].Value)) is { } composed)
            {
                evidence.Add(Evidence.At(m.Path, composed.Line, $"writes metrics to {ComposedFileName().Match(composed.PositionalAt(0)!.Text).Groups[1].Value} in each run's folder", composed.RawTarget));
            }

            // np.save(f"./results/{run_name}", evaluations): numpy adds .npy itself, so the path names only a results folder; the saved array names the metric.
            if (m.Calls.FirstOrDefault(c => (c.Target.EndsWith("numpy.save", StringComparison.Ordinal) || c.Target.EndsWith("numpy.savetxt", StringComparison.Ordinal))
                    && c.PositionalAt(0) is { } p && c.PositionalAt(1) is { } v && ResultFolder().IsMatch(p.Text) && MetricValue().IsMatch(v.Text)) is { } saved)
            {
                evidence.Add(Evidence.At(m.Path, saved.Line, $"saves {saved.PositionalAt(1)!.Text} into a results folder on every run", saved.RawTarget));
            }

            // A JSON-lines metrics log: one record per line appended to a file in the run's folder (stats_file.write(json.dumps(stats)
            // + "\n"), print(json.dumps(stats), file=stats_file)): machine-readable, comparable across runs.
            if (JsonLinesMetricRecord(m) is { } jsonl)
            {
                evidence.Add(jsonl);
            }

            // A hand-written CSV log: f.write("epoch,loss,ppl,accuracy\n") opens a per-run table of metrics.
            if (m.Calls.FirstOrDefault(c => c.Target.EndsWith(".write", StringComparison.Ordinal) && c.PositionalAt(0)?.Literal?.AsString is { } header && CsvMetricHeader().IsMatch(header)) is { } table)
            {
                evidence.Add(Evidence.At(m.Path, table.Line, $"writes a per-run metrics table ({table.PositionalAt(0)!.Literal!.AsString!.Trim()})", table.RawTarget));
            }

            // A metrics file is the path a write call really receives (the literal, a variable or constant holding it, a pathlib
            // chain or os.path.join built from it, the open(…, "w") whose handle json.dump fills), cited at that call: a
            // metrics-named literal that the module only reads (pd.read_csv(loc + "/results.csv")) records nothing.
            if (MetricsWrite(project, m, helpers) is { } written)
            {
                evidence.Add(written);
            }
        }

        // Kedro data catalogs are not config files; their tracking datasets are written on every `kedro run`.
        foreach (var f in project.Index.Files.Where(f => f.Extension is ".yml" or ".yaml" && f.Path.Contains("catalog", StringComparison.OrdinalIgnoreCase)).Take(200))
        {
            if (project.Text(f.Path) is { } text && KedroTracking().Match(text.Text) is { Success: true } k)
            {
                evidence.Add(Evidence.At(f.Path, text.GetPosition(k.Index).Line, $"Kedro experiment tracking dataset ({k.Groups[1].Value.Trim()})"));
            }
        }

        // Stages declared through the DVC command line (`dvc stage add … --metrics reports/metrics.json`, legacy `dvc run -m`) in a script
        // or the README's instructions write dvc.yaml when they are run: `dvc metrics diff` and `dvc exp show` then compare runs.
        foreach (var f in project.Index.Files.Where(f => f.Extension is ".sh" or ".md" or ".bash").Take(300))
        {
            if (project.Text(f.Path) is { } text && DvcCliMetrics().Match(text.Text) is { Success: true } d)
            {
                var at = d.Groups["flag"].Index;
                evidence.Add(Evidence.At(f.Path, text.GetPosition(at).Line, $"a DVC stage is declared with {d.Groups["flag"].Value} {d.Groups["path"].Value}"));
            }
        }

        // A vendored copy of another project (transformers' examples under its own licence) logs that project's runs, not this one's.
        evidence.RemoveAll(e => project.IsVendoredPackagePath(e.Path));
        optIn.RemoveAll(e => project.IsVendoredPackagePath(e.Path));
        if (evidence.Count > 0)
        {
            // A collection of stand-alone training scripts (tutorials, one script per algorithm) where only a few record their
            // metrics: most runs still leave nothing to compare.
            if (FewTrainersRecord(project, evidence) is { } few)
            {
                return Found(Outcome.Partial, $"only {few.Recording} of {few.Trainers} training scripts record their metrics in a tracker or file; the others only print them, so most runs cannot be compared.",
                    evidence.DistinctBy(e => (e.Path, e.Note)), "Log the metrics of every training script (a shared logger or metrics file, or a tracker).");
            }

            return Found(Outcome.Met, "run metrics are recorded where runs can be compared.", evidence.DistinctBy(e => (e.Path, e.Note)));
        }

        if (optIn.Count > 0)
        {
            return Found(Outcome.Partial, "metrics go to a tracker only when a flag that is off by default enables it; a default run prints them to the console.",
                optIn.DistinctBy(e => (e.Path, e.Note)), "Log the metrics of every run by default (a metrics file, or the tracker switched on in the committed config).");
        }

        // Visdom plots the metrics on a live server: its environments stay in the server's memory (saved only when someone
        // saves them), so the code keeps no record that a later run can be compared with.
        var visdom = project.PythonModules.Where(m => !Analysis.ConfigAnalysis.IsTestOrTooling(m.Path) && m.ImportsModule("visdom"))
            .Select(m => Evidence.At(m.Path, m.Imports.First(i => i.TopLevelPackage == "visdom").Line, "plots metrics on a live Visdom server")).Take(3).ToList();
        if (visdom.Count > 0)
        {
            return Found(Outcome.Partial, "metrics are plotted on a live Visdom dashboard, which keeps them only while its server runs; no file or tracker records them for comparing runs.", visdom,
                "Also write the metrics of each run to a file (metrics.json, a CSV log) or log them to a tracker such as TensorBoard or MLflow.");
        }

        // A Hugging Face Trainer left at its default report_to writes its log history (trainer_state.json) into each run's
        // output folder and reports to whichever trackers happen to be installed: comparable only by chance.
        var trainers = project.PythonModules.Where(m => !Analysis.ConfigAnalysis.IsTestOrTooling(m.Path))
            .SelectMany(m => m.Calls.Where(c => HfTrainers.Any(t => c.Target.EndsWith(t, StringComparison.Ordinal)) && (c.Keyword("report_to") is null || c.Keyword("report_to")!.Text.Trim() == "None"))
            .Select(c => Evidence.At(m.Path, c.Line, "a Hugging Face Trainer at its default report_to: log history in trainer_state.json, trackers only if installed", c.RawTarget))).Take(3).ToList();
        if (trainers.Count > 0)
        {
            return Found(Outcome.Partial, "a Hugging Face Trainer keeps each run's log history, but no tracker or metrics file is configured, so what gets recorded depends on what is installed.",
                trainers, "Set report_to (e.g. \"mlflow\" or \"tensorboard\") in the training arguments or a committed config, and write the evaluation metrics to a file.");
        }

        // A logging handler on a file (logging.FileHandler, basicConfig(filename=…)) that the run's logger fills with losses and
        // scores (`logger.info('Fold {} loss: {}'…)`) keeps each run's metrics, but as free text in a log, not a comparable record.
        var logged = LoggedMetrics(project);
        if (logged.Count > 0)
        {
            return Found(Outcome.Partial, "a log file records each run's metrics as text lines, but no tracker or metrics file makes runs comparable.", logged,
                "Write the metrics of each run to a structured file (metrics.json, declared as DVC metrics) or log them to a tracker such as MLflow.");
        }

        // A run that names its output after its score (submission_%.5f.csv % score, f"{dt}-{model}-{valid_auc}.csv") leaves a
        // record of each run's metric in the file names: a crude comparison by listing the folder, not a metrics file.
        var scoreNamed = ScoreNamedOutputs(project);
        if (scoreNamed.Count > 0)
        {
            return Found(Outcome.Partial, "each run's score is only kept in the names of its output files, so runs can be compared by hand but no metrics file or tracker records them.", scoreNamed,
                "Write the metrics of each run (with its parameters) to a file such as metrics.json, or log them to a tracker such as MLflow.");
        }

        var committed = project.Index.Files.Where(f => f.Extension is ".json" or ".csv" or ".tsv" or ".yaml" or ".yml" && IsMetricPath(f.Path) && !f.Path.Contains("schema", StringComparison.OrdinalIgnoreCase))
            .Select(f => Evidence.At(f.Path, null, "results file committed, but no code writes it: runs are compared by hand")).Take(3).ToList();
        if (committed.Count > 0)
        {
            return Found(Outcome.Partial, "results are committed as files, but the code does not write them, so a new run cannot be compared automatically.", committed,
                "Have the training or evaluation code write these metrics (or log them to a tracker) on every run.");
        }

        // A print names a metric as a word of its own (val_accuracy, "F1:", scores), not inside another word (print(result),
        // "evaluate"); tests and tooling (a dev container's helper, CI scripts) print no run metrics.
        var printed = project.PythonModules.Where(m => !Analysis.ConfigAnalysis.IsTestOrTooling(m.Path) && !m.Path.Split('/').SkipLast(1).Any(p => p.StartsWith('.')))
            .SelectMany(m => m.Calls.Where(c => c.Target == "print" && c.Arguments.Any(a => PrintedMetric().IsMatch(a.Text)))
            .Select(c => Evidence.At(m.Path, c.Line, "metrics only printed to the console", c.RawTarget + "(…)"))).Take(3).ToList();
        return Found(Outcome.NotMet, printed.Count > 0 ? "metrics are only printed to the console, so runs cannot be compared." : "no record of run metrics was found.",
            printed.Count > 0 ? printed : [Evidence.Repo($"searched for trackers ({string.Join(", ", Ecosystem.Trackers.Select(t => t.Name).Distinct(StringComparer.Ordinal).Take(5))}…), DVC metrics/plots and metrics files written by {Count(project.PythonModules.Count, "Python module")}")]);
    }

    /// <summary>Fewest stand-alone training scripts for which the share that records metrics is judged.</summary>
    private const int MinTrainersForShare = 4;

    /// <summary>
    /// When every piece of evidence is a Python module and the project holds at least <see cref="MinTrainersForShare"/> modules
    /// that train, the counts of training modules and of those linked by imports (either way) to a module that records metrics,
    /// if fewer than half are; null otherwise. A pipeline, config or README declaration of metrics covers every run, so it
    /// leaves the verdict alone.
    /// </summary>
    private static (int Recording, int Trainers)? FewTrainersRecord(ProjectModel project, List<Evidence> evidence)
    {
        // Metaflow keeps every artifact of every flow run in its datastore (compared through its Client API): a run store whatever
        // the scripts log.
        var recording = evidence.Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        if (recording.Any(p => !project.LocalModules.ByPath.ContainsKey(p)) || project.PythonModules.Any(m => m.ImportsModule("metaflow")))
        {
            return null;
        }

        // A script that names its outputs after its score keeps a (crude) record of its runs too.
        recording.UnionWith(ScoreNamedOutputs(project, int.MaxValue).Select(e => e.Path));

        // Training by a gradient step or a fit, not any .step(): an RL script steps its environment (env.step) without training.
        var trainers = project.PythonModules.Where(m => !Analysis.ConfigAnalysis.IsTestOrTooling(m.Path) && !project.IsVendoredPackagePath(m.Path)
            && project.LocalModules.ByPath.ContainsKey(m.Path) && m.Calls.Any(TrainingStep)).Select(m => m.Path).ToList();
        if (trainers.Count < MinTrainersForShare)
        {
            return null;
        }

        var covered = trainers.Count(t => recording.Contains(t) || project.LocalModules.Closure(t).Overlaps(recording) || recording.Any(r => project.LocalModules.Closure(r).Contains(t)));
        return covered * 2 < trainers.Count ? (covered, trainers.Count) : null;
    }

    /// <summary>A training call: a backward pass, a Keras/scikit-learn fit, a gradient-boosting train, a Keras train_on_batch.</summary>
    private static bool TrainingStep(Python.PythonCall c) =>
        c.Target.EndsWith(".backward", StringComparison.Ordinal) || c.Target.EndsWith(".fit", StringComparison.Ordinal) || c.Target.EndsWith(".fit_generator", StringComparison.Ordinal)
        || c.Target.EndsWith(".train_on_batch", StringComparison.Ordinal) || c.Target is "xgboost.train" or "lightgbm.train";

    /// <summary>Most score-named outputs reported.</summary>
    private const int MaxScoreNamedOutputs = 3;

    /// <summary>
    /// Output files whose names are formatted with the run's score (<c>'oof_pred_%.5f.csv' % score</c>,
    /// <c>f"{dt}-{model}-{valid_auc}.csv"</c>, <c>"{}_{}.npy".format(name, cv_score)</c>) in modules that write files: one
    /// evidence per module, at most <paramref name="max"/>, empty when none.
    /// </summary>
    private static List<Evidence> ScoreNamedOutputs(ProjectModel project, int max = MaxScoreNamedOutputs)
    {
        var found = new List<Evidence>();
        foreach (var m in project.PythonModules.Where(m => !Analysis.ConfigAnalysis.IsTestOrTooling(m.Path)))
        {
            if (found.Count >= max)
            {
                break;
            }

            if (!m.Calls.Any(c => IsFileWrite(c) || c.Target.EndsWith("numpy.save", StringComparison.Ordinal) || c.Target.EndsWith(".dump", StringComparison.Ordinal)))
            {
                continue;
            }

            var texts = m.Calls.SelectMany(c => c.Arguments.Select(a => (c.Line, a.Text))).Concat(m.Assignments.Select(a => (a.Line, Text: a.ValueText)));
            foreach (var (line, text) in texts)
            {
                if (ScoreFileName().Match(text) is { Success: true } name)
                {
                    found.Add(Evidence.At(m.Path, line, "names an output file after the run's score", name.Value));
                    break;
                }
            }
        }

        return found;
    }

    /// <summary>
    /// A result file name (CSV, JSON, text, NumPy, pickle; compressed too) formatted with a variable named as a score: an f-string
    /// field, a %-format operand or a str.format argument (score, valid_auc, final_cv_score, avg_loss, np.mean(scores)).
    /// Model checkpoints (.pt, .h5) are left out: a checkpoint named by its accuracy is a model, not a record of the run.
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex(
        @"(?ix)
        (?:\bf['""][^'""\n]*\{(?:\w+\.)*(?<m>(?<![\w])(?:[a-z0-9]+_)*(?:score|auc|loss|logloss|rmse|mae|mse|acc|accuracy|f1|gini|metric|ndcg)s?(?:_[a-z0-9]+)*(?![\w]))(?:[:!][^}\n]*)?\}[^'""\n]*\.(?:csv|tsv|txt|json|npy|npz|parquet|feather|pkl|pickle)(?:\.(?:gz|zip|bz2))?['""]
        | ['""][^'""\n]*%[-+\ \#0-9.]*[dfgse][^'""\n]*\.(?:csv|tsv|txt|json|npy|npz|parquet|feather|pkl|pickle)(?:\.(?:gz|zip|bz2))?['""]\s*%\s*\(?\s*(?:[\w.\[\]'""]+\s*,\s*)*(?:[\w.]+\()?(?<m>(?<![\w])(?:[a-z0-9]+_)*(?:score|auc|loss|logloss|rmse|mae|mse|acc|accuracy|f1|gini|metric|ndcg)s?(?:_[a-z0-9]+)*(?![\w]))
        | ['""][^'""\n]*\{[^}\n]*\}[^'""\n]*\.(?:csv|tsv|txt|json|npy|npz|parquet|feather|pkl|pickle)(?:\.(?:gz|zip|bz2))?['""]\s*\.format\(\s*\(?\s*(?:[\w.\[\]'""]+\s*,\s*)*(?:[\w.]+\()?(?<m>(?<![\w])(?:[a-z0-9]+_)*(?:score|auc|loss|logloss|rmse|mae|mse|acc|accuracy|f1|gini|metric|ndcg)s?(?:_[a-z0-9]+)*(?![\w])))")]
    private static partial System.Text.RegularExpressions.Regex ScoreFileName();

    /// <summary>
    /// A JSON record written as one line of a file (<c>f.write(json.dumps(x) + "\n")</c>, or <c>print(json.dumps(x), file=f)</c> to a
    /// file other than the console) where the record, the file or the function or class writing it is named as a metrics log
    /// (stats, metrics, log, scalars: <c>stats_file</c>, <c>def log(…)</c>, <c>class MetricsLogger</c>); null when there is none.
    /// Data and generation dumps (<c>fout.write(json.dumps(example) + "\n")</c>) are named otherwise and do not count.
    /// </summary>
    private static Evidence? JsonLinesMetricRecord(Python.ModuleSummary m)
    {
        foreach (var c in m.Calls)
        {
            string? file = null;
            if (c.Target.EndsWith(".write", StringComparison.Ordinal) && c.PositionalAt(0) is { } line && line.Text.Contains("json.dumps(", StringComparison.Ordinal) && LineEnd().IsMatch(line.Text))
            {
                file = c.RawTarget[..^".write".Length];
            }
            else if (c.Target == "print" && c.Keyword("file") is { } f && !f.Text.StartsWith("sys.", StringComparison.Ordinal) && c.PositionalAt(0)?.Text.StartsWith("json.dumps(", StringComparison.Ordinal) == true)
            {
                file = f.Text;
            }

            if (file is null || m.Calls.FirstOrDefault(d => d.Line == c.Line && d.Target == "json.dumps") is not { } dump)
            {
                continue;
            }

            var function = m.FunctionContaining(c.Line);
            string[] names = [dump.PositionalAt(0)?.Text ?? string.Empty, file, function?.Name ?? string.Empty, function?.ClassName ?? string.Empty];
            if (names.Any(n => MetricsLogName().IsMatch(n)))
            {
                return Evidence.At(m.Path, c.Line, $"appends each record of metrics as a JSON line to a file ({file})", c.RawTarget);
            }
        }

        return null;
    }

    /// <summary>A written text that ends the line (<c>json.dumps(x) + "\n"</c>): one record per line, appended run after run.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\+\s*(?:'\\n'|""\\n"")\s*$")]
    private static partial System.Text.RegularExpressions.Regex LineEnd();

    /// <summary>A name that says metrics log (stats, stats_file, log_stats, metrics, def log, scalars, kvs, MetricsLogger).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?:^|[_.])(?:[Ss]tats?|[Mm]etrics?|[Ll]og|[Ll]ogs|[Ss]calars|kvs)(?:[_.]|$)|[a-z]Logger$|^[A-Z]\w*(?:Metrics|Stats)\w*$")]
    private static partial System.Text.RegularExpressions.Regex MetricsLogName();

    /// <summary>A file logging handler plus logger calls whose message names a metric; empty when either is missing.</summary>
    private static List<Evidence> LoggedMetrics(ProjectModel project)
    {
        var modules = project.PythonModules.Where(m => !Analysis.ConfigAnalysis.IsTestOrTooling(m.Path)).ToList();
        var handler = modules.SelectMany(m => m.Calls.Where(c => c.Target is "logging.FileHandler" or "logging.handlers.RotatingFileHandler" or "logging.handlers.TimedRotatingFileHandler"
                || (c.Target is "logging.basicConfig" && c.Keyword("filename") is not null))
            .Select(c => Evidence.At(m.Path, c.Line, "a logging handler writes the run's log to a file", c.RawTarget))).FirstOrDefault();
        if (handler is null)
        {
            return [];
        }

        var lines = modules.SelectMany(m => m.Calls.Where(c => LogMethods.Any(l => c.Target.EndsWith(l, StringComparison.Ordinal)) && c.Arguments.Length > 0 && LogMetric().IsMatch(c.Arguments[0].Text))
            .Select(c => Evidence.At(m.Path, c.Line, "logs a metric", c.RawTarget + "(" + c.Arguments[0].Text + ")"))).Take(2).ToList();
        return lines.Count == 0 ? [] : [handler, .. lines];
    }

    private static readonly string[] LogMethods = ["logger.info", "logger.debug", "logger.warning", "log.info", "logging.info", "logging.debug", ".logger.info", ".logger.debug"];

    /// <summary>A metric named as a word of its own in printed text or a name (val_accuracy, "F1:", scores; not "result", "evaluate").</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?i)(?<![a-z])(?:metrics?|scores?|accuracy|acc|loss(?:es)?|f1|auc|roc_auc|rmse|mae|mse|r2|precision|recall|perplexity|ppl|bleu|rouge\w*|ndcg|iou|miou|psnr|ssim|fid|reward)(?![a-z])")]
    private static partial System.Text.RegularExpressions.Regex PrintedMetric();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?i)\b(?:loss|auc|cv|acc|accuracy|score|f1|rmse|mae|mse|precision|recall|metric)\b|totalcv|val_loss")]
    private static partial System.Text.RegularExpressions.Regex LogMetric();

    /// <summary>
    /// The first call of a module that writes a metrics file (see <see cref="IsMetricPath"/>), with the path it writes: a file
    /// write this can follow to its path (<see cref="Analysis.RunBlockers.WriteSites"/>), or a call of a project writer helper
    /// (save_json(metrics, "results/metrics.json")) given such a path; null when there is none.
    /// </summary>
    private static Evidence? MetricsWrite(ProjectModel project, Python.ModuleSummary m, Dictionary<string, List<string>> helpers)
    {
        foreach (var (call, pattern) in Analysis.RunBlockers.WriteSites(m))
        {
            var shown = Analysis.RunBlockers.DisplayPath(pattern);
            if (IsMetricPath(shown))
            {
                return Evidence.At(m.Path, call.Line, $"writes metrics to {shown}", call.RawTarget);
            }
        }

        foreach (var call in m.Calls.Where(c => CallsWriterHelper(project, m, c, helpers)))
        {
            foreach (var arg in call.Arguments)
            {
                if (Analysis.RunBlockers.PathPatternOf(m, arg.Text, call.Line) is { } pattern && Analysis.RunBlockers.DisplayPath(pattern) is var shown && IsMetricPath(shown))
                {
                    return Evidence.At(m.Path, call.Line, $"writes metrics to {shown}", call.RawTarget);
                }
            }
        }

        return null;
    }

    private static bool IsFileWrite(Python.PythonCall c) =>
        WriteSuffixes.Any(w => c.Target.EndsWith(w, StringComparison.Ordinal)) || c.Target == "open" && c.Arguments.Any(a => a.Literal?.AsString is "w" or "a");

    /// <summary>
    /// The project's own functions that write a file (<c>def save_json(d, path): with open(path, "w") as f: json.dump(d, f)</c>),
    /// by name, with the modules that define them: metrics are often written through such a helper from another module.
    /// </summary>
    private static Dictionary<string, List<string>> WriterHelpers(ProjectModel project)
    {
        var helpers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var m in project.PythonModules.Where(m => !m.IsNotebook && m.Functions.Length > 0))
        {
            foreach (var c in m.Calls.Where(IsFileWrite))
            {
                // The innermost definition around the write.
                if (m.FunctionContaining(c.Line) is { } f)
                {
                    if (!helpers.TryGetValue(f.Name, out var paths))
                    {
                        helpers[f.Name] = paths = [];
                    }

                    if (!paths.Contains(m.Path))
                    {
                        paths.Add(m.Path);
                    }
                }
            }
        }

        return helpers;
    }

    /// <summary>Whether a call reaches one of the writer helpers: by bare name or self. in its own module, or through a module that defines it.</summary>
    private static bool CallsWriterHelper(ProjectModel project, Python.ModuleSummary m, Python.PythonCall c, Dictionary<string, List<string>> helpers)
    {
        var dot = c.Target.LastIndexOf('.');
        if (!helpers.TryGetValue(c.Target[(dot + 1)..], out var paths))
        {
            return false;
        }

        var prefix = dot < 0 ? "" : c.Target[..dot];
        return prefix is "" or "self" or "cls" ? paths.Contains(m.Path) : project.LocalModules.WithSuffix(prefix).Any(paths.Contains);
    }

    /// <summary>Whether a module that uses Optuna gives a study a storage (<c>create_study(storage="sqlite:///…")</c>, positional or keyword).</summary>
    private static bool StoresOptunaStudy(ProjectModel project, string path) =>
        project.PythonModule(path) is { } m && m.Calls.Any(c =>
            (c.Target.EndsWith("create_study", StringComparison.Ordinal) || c.Target.EndsWith("load_study", StringComparison.Ordinal))
            && (c.Keyword("storage") ?? (c.Target.EndsWith("create_study", StringComparison.Ordinal) ? c.PositionalAt(0) : null)) is { } a && a.Text != "None");

    /// <summary>Whether the line lies in an `if` block on a flag (not `if __name__ == "__main__":`, not an availability check such as find_spec).</summary>
    private static bool IsOptInSite(ProjectModel project, string path, int line)
    {
        if (project.Text(path) is not { } source || line < 1 || line > source.LineCount)
        {
            return false;
        }

        var indent = source.GetLine(line).Length - source.GetLine(line).TrimStart().Length;
        for (var l = line - 1; l >= 1 && indent > 0; l--)
        {
            var raw = source.GetLine(l);
            var trimmed = raw.TrimStart();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            var i = raw.Length - trimmed.Length;
            if (i >= indent)
            {
                continue;
            }

            indent = i;
            if (trimmed.StartsWith("if ", StringComparison.Ordinal) && !trimmed.Contains("__main__", StringComparison.Ordinal) && !AvailabilityCheck().IsMatch(trimmed))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>`dvc run` / `dvc stage add` with a metrics or plots option, across backslash-continued lines.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\bdvc\s+(?:run|stage\s+add)\b(?:[^\n\\]|\\\r?\n)*?(?<=\s)(?<flag>--metrics(?:-no-cache)?|-[mM]|--plots(?:-no-cache)?)[\s=]+(?:\\\r?\n\s*)?(?<path>[^\s\\]+)")]
    private static partial System.Text.RegularExpressions.Regex DvcCliMetrics();

    /// <summary>A path into a results or metrics folder (<c>f"./results/{name}"</c>, <c>"metrics/" + run</c>).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?i)(?:^|[""'/{}])(?:results?|metrics?|scores?|curves?|evaluations?)/")]
    private static partial System.Text.RegularExpressions.Regex ResultFolder();

    /// <summary>A variable named like a metric series (evaluations, episode_rewards, val_acc, losses).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?i)^[\w.\[\]]*(?:eval|return|reward|score|metric|acc|loss|result|curve|histor|perf)[\w.\[\]]*$")]
    private static partial System.Text.RegularExpressions.Regex MetricValue();

    /// <summary>A CSV header of a step column and a metric column (<c>epoch,loss,ppl,accuracy</c>; tabs too).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?i)^\s*(?:epoch|step|iter(?:ation)?|episode|round)s?\s*[,\t](?:[^\n,\t]*[,\t])*?\s*\w*(?:loss|acc|accuracy|ppl|perplexity|f1|auc|reward|return|score|bleu|mae|rmse|mse)\w*\s*(?:[,\t]|\\n|\n|$)")]
    private static partial System.Text.RegularExpressions.Regex CsvMetricHeader();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?m)^\s*type:\s*((?:kedro_datasets\.|kedro\.extras\.datasets\.)?tracking\.(?:Metrics|JSON)Data[Ss]et)\s*$")]
    private static partial System.Text.RegularExpressions.Regex KedroTracking();

    [System.Text.RegularExpressions.GeneratedRegex(@"\bif\b.+\belse\b")]
    private static partial System.Text.RegularExpressions.Regex ConditionalExpression();

    [System.Text.RegularExpressions.GeneratedRegex(@"find_spec|find_loader|is_available|_available\(|importlib|ImportError")]
    private static partial System.Text.RegularExpressions.Regex AvailabilityCheck();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?i)(?:^|[/_.-])(?:results?|metrics?|scores?|logs?)(?:[/_.-]|$)")]
    private static partial System.Text.RegularExpressions.Regex ResultWord();

    private static bool IsMetricPath(string s)
    {
        var l = s.ToLowerInvariant();
        // A file of settings named after evaluation (evaluate_params.yaml, eval_config.json) is read, not a record of results.
        var name = l[(l.LastIndexOf('/') + 1)..];
        if (SettingsName().IsMatch(name))
        {
            return false;
        }

        // A file in a metrics or scores folder (artifacts/metrics/x_validation.json) records results whatever its name.
        var folders = l.Split('/')[..^1];
        return l.Length < 200 && (l.EndsWith(".json", StringComparison.Ordinal) || l.EndsWith(".csv", StringComparison.Ordinal) || l.EndsWith(".yaml", StringComparison.Ordinal) || l.EndsWith(".yml", StringComparison.Ordinal) || l.EndsWith(".tsv", StringComparison.Ordinal) || l.EndsWith(".txt", StringComparison.Ordinal)
                || l.EndsWith(".npy", StringComparison.Ordinal) || l.EndsWith(".npz", StringComparison.Ordinal))
            && (folders.Any(f => f is "metrics" or "metric" or "scores") || MetricWords.Any(w => l[(l.LastIndexOf('/') + 1)..].Contains(w, StringComparison.Ordinal)) || CurveName().IsMatch(l[(l.LastIndexOf('/') + 1)..]) || MetricName().IsMatch(l[(l.LastIndexOf('/') + 1)..]));
    }

    /// <summary>A file name that says it holds settings (params, config, cfg, settings, hparams, args, options) rather than results.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?:^|[_.-])(?:params?|parameters|config|configs|cfg|settings|hparams|hyperparams|args|options)(?:[_.-]|$)")]
    private static partial System.Text.RegularExpressions.Regex SettingsName();

    /// <summary>A file name that is a metric's own name as a word (FID_01000_latent.json, bleu.json, val_acc.csv; "fidelity" is not).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?:^|[_.-])(?:fid|lpips|psnr|ssim|bleu|rouge|auc|iou|miou|wer|ppl|perplexity|acc|rmse|mae)(?:[_.%-]|\d|$)")]
    private static partial System.Text.RegularExpressions.Regex MetricName();

    /// <summary>The file name at the end of an f-string or concatenated path (<c>f"{outdir}/loss.npy"</c>, <c>out + "/metrics.json"</c>).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"[/\\{}'""]([\w.-]+\.(?:json|csv|ya?ml|tsv|txt|npy|npz))['""]\s*\)?\s*$")]
    private static partial System.Text.RegularExpressions.Regex ComposedFileName();

    /// <summary>A file name that records a training curve per run (loss.npy, train_losses.csv, history.json): a word of its own, not "glossary".</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?:^|[_.-])(?:loss(?:es)?|history|learning_curves?)(?:[_.-]|$)")]
    private static partial System.Text.RegularExpressions.Regex CurveName();
}
