using MLRepro.Checks.Code;
using MLRepro.Findings;
using MLRepro.Model;

namespace MLRepro.Checks.Data;

/// <summary>data.pipeline — resource-intensive projects split into stages whose artifacts are tracked.</summary>
public sealed partial class DataPipelineCheck : CheckBase
{
    /// <summary>Data above this size makes a project resource-intensive (100 MB).</summary>
    public const long IntensiveDataBytes = 100L * 1000 * 1000;

    /// <summary>Configured epochs at or above this make training long.</summary>
    public const int LongTrainingEpochs = 50;

    /// <inheritdoc />
    public override CheckInfo Info { get; } = new(
        "data.pipeline",
        StarLevel.Data,
        "Pipeline stages tracked",
        "For resource-intensive projects the pipeline is split into stages (e.g. preprocessing, training), and each stage's " +
        "intermediate artifacts are tracked and managed with the code, so a collaborator can run one stage alone and get testable output.",
        $"Resource-intensive means: a GPU the code requires (no CPU fallback; or a script that puts its model or data on the GPU unconditionally, .cuda() under no if, or docs stating the GPU the training ran on, as env.hardware reads it) or distributed training, data over {IntensiveDataBytes / 1000 / 1000} MB " +
        $"(a well-known dataset over {LargeDatasetBytes / 1000 / 1000 / 1000} GB such as COCO, ImageNet or STL-10, named by a torchvision loader, a dataset option's default or a config), long training ({LongTrainingEpochs}+ epochs configured, a deep-learning script whose options or module-level settings give {LongTrainingSteps:N0}+ training steps or environment steps/frames (1e6 and int(50e6) count), " +
        $"or a documented or scripted training command of {LongTrainingEpochs}+ epochs such as python train.py -epoch 400, or a committed config's step count such as max_iters: 100000000; a GPU training script whose epochs option defaults to {LongDefaultEpochs}+ (--epochs default=240 beside model.cuda() or a device picked when CUDA is available, trained in mini-batches: a full-batch GCN's epoch is one step; " +
        $"in a collection of scripts only a training script's, such as train_teacher.py); {LongBoostingRounds:N0}+ gradient-boosting rounds of LightGBM, XGBoost or CatBoost (num_boost_round=3500, 'n_estimators': 20000, nrounds: 5000 in a config)), " +
        "a documented or scripted launch on several GPUs (torchrun --nproc_per_node=8, deepspeed --num_gpus=4), " +
        $"a committed config that trains on several GPUs (gpus: \"0,1\"), a Cloud TPU (TPUEstimator), or documentation stating hours/days of training or running, {LargeGpuMemoryGb}+ GB of GPU memory or {Analysis.DocumentedMemory.LargeHostMemoryGb}+ GB of RAM, " +
        "or code that frees memory by hand (gc.collect() between steps, as over multi-GB competition tables). " +
        "Fine-tuning a large pretrained model (PEFT/LoRA, TRL, bitsandbytes, DeepSpeed) is intensive too; a GPU base image alone or optional " +
        "GPU examples are not. Met when a tracked pipeline exists (dvc.yaml with dvc.lock, Kedro/Snakemake with tracked outputs, an MLflow Recipe, " +
        "a Metaflow, ZenML, Flyte or Kubeflow pipeline whose steps the orchestrator stores as versioned artifacts, " +
        "or stage scripts handing artifacts on through tracker runs: logged by one stage, loaded by run id in the next; in an intensive project, stages handing on trained models " +
        $"of which {MinCommittedModels}+ model files (.pt, .pth, .ckpt, .safetensors, .h5, Git LFS pointers included) are committed with the code), " +
        "even in a cheap project; stages without tracked artifacts (a Makefile, a dvc.yaml without lock, separate prepare/train/evaluate " +
        "scripts, numbered stage scripts such as step01_prepare_input.py … step04_run_model.py, a driver shell script running 3+ different Python scripts in sequence (run.sh), Python or shell such as scripts/finetune.sh beside scripts/generate.sh, one script's modes such as `if args.mode == 'train'` … " +
        "`elif args.mode == 'sample'`, `if FLAGS.train:` … `if FLAGS.eval:` or Python Fire subcommands (def train, def evaluation), a training script that saves the model and another entry point that loads it, as an RL enjoy.py, or scripts and notebooks of which one writes an intermediate data file that another reads, as prepare_tokens.py writing common_tokens_train.csv for calculate_features.py) are Partial in an intensive project, " +
        "and so is training that saves the model or checkpoints (torch.save, save_pretrained, joblib.dump) for later steps to start from; " +
        "no pipeline and no saved model is NotMet there, and no pipeline is NotApplicable in a cheap project.",
        "Split the work into stages with dvc.yaml (`dvc stage add -n train -d … -o …`), run `dvc repro` and commit dvc.lock.",
        [],
        ProvenOnlyByRunning: false);

    /// <inheritdoc />
    public override Finding Run(ProjectModel project)
    {
        var pipelines = project.Pipelines.Where(p => p.Tool != PipelineTool.MLflow && p.Stages.Count > 0).ToList();
        var dvc = pipelines.Where(p => p.Tool == PipelineTool.Dvc).ToList();
        var stages = pipelines.SelectMany(p => p.Stages).Where(s => s.Outs.Count + s.Metrics.Count > 0).ToList();
        var stageEvidence = pipelines.SelectMany(p => p.Stages).Take(10).Select(s => Evidence.At(s.SourcePath, s.Line,
            $"stage {s.Name}: {s.Commands.FirstOrDefault() ?? "(no command)"}{(s.Outs.Count > 0 ? " → " + string.Join(", ", s.Outs.Select(o => o.Path)) : string.Empty)}")).ToList();
        if (dvc.Count > 0 && project.DvcLock is { Stages.Count: > 0 } lk)
        {
            return Found(Outcome.Met, $"a DVC pipeline of {Count(dvc.Sum(p => p.Stages.Count), "stage")} with its lock file tracks every stage's artifacts.",
                stageEvidence.Append(Evidence.At(lk.Path, 1, $"dvc.lock records hashes for {Count(lk.Stages.Count, "stage")}")));
        }

        if (MlflowRecipe(project) is { } recipe)
        {
            return Found(Outcome.Met, "an MLflow Recipe splits the work into steps whose outputs MLflow caches and tracks.", [recipe]);
        }

        if (TrackerHandOff(project) is { } handOff)
        {
            return Found(Outcome.Met, "separate stage scripts pass their artifacts through an experiment tracker: one stage logs them to a run, a later one loads them by run id.",
                handOff.Concat(StageScripts(project)));
        }

        var trackedOther = pipelines.Where(p => p.Tool is PipelineTool.Kedro or PipelineTool.Snakemake && p.Stages.Any(s => s.Outs.Any(o => o.Tracked))).ToList();
        if (trackedOther.Count > 0)
        {
            return Found(Outcome.Met, $"a {trackedOther[0].Tool} pipeline with versioned outputs.", stageEvidence);
        }

        if (OrchestratedSteps(project) is { } flow)
        {
            return Found(Outcome.Met, $"the work is a {flow.Tool} pipeline of {Count(flow.Steps.Count, "step")}: the orchestrator stores every step's outputs as versioned artifacts of each run, so a step can be rerun from the others' artifacts.",
                flow.Steps.Take(6));
        }

        var (intensive, why) = ResourceIntensive(project);
        if (!intensive)
        {
            if (stages.Count > 0 && pipelines.Any(p => p.Tool != PipelineTool.Make))
            {
                return Found(Outcome.Met, "the project is small, and its pipeline stages still declare their outputs.", stageEvidence);
            }

            return Found(Outcome.NotApplicable, "a small, cheap project: a stage pipeline is not needed.",
                Evidence.Repo($"{(Environment.EnvHardwareCheck.GpuUses(project).Any() ? "no GPU required (the code runs on a CPU too)" : "no GPU use")}, {CodeExampleInputCheck.Bytes(project.Data.TotalBytes)} of data (under {IntensiveDataBytes / 1000 / 1000} MB), no long training"));
        }

        if (stages.Count > 0)
        {
            return Found(Outcome.Partial, $"the project is resource-intensive ({why}); its stages declare outputs, but nothing records their hashes (no dvc.lock).",
                stageEvidence, "Run the pipeline with `dvc repro` and commit dvc.lock, so each stage's artifacts are tracked.");
        }

        // The stages' trained models committed with the code (snapshots/baseline/*.pt beside the oe_tune stage that restores
        // them, a LoRA adapter per stage in Git LFS): git tracks each stage's artifacts, so a later stage runs alone on them.
        var committed = CommittedModels(project);
        var scripts = StageScripts(project);
        var modelHandOff = scripts.Count > 0 ? [] : StageHandOff(project);
        var saved = scripts.Count > 0 || modelHandOff.Count > 0 ? null : SavedModel(project);
        if (committed.Count >= MinCommittedModels && (scripts.Count > 0 || modelHandOff.Count > 0 || saved is not null))
        {
            return Found(Outcome.Met, $"the project is resource-intensive ({why}); its stages hand trained models on, and {Count(committed.Count, "trained model file")} are committed with the code, so a later stage can run alone on the tracked artifacts.",
                [.. scripts.Concat(modelHandOff).Take(4), .. committed.Take(4).Select(f => Evidence.At(f, null, "a trained model committed with the code"))]);
        }

        if (scripts.Count > 0)
        {
            return Found(Outcome.Partial, $"the project is resource-intensive ({why}); separate scripts run its stages, but nothing tracks the files they pass on.",
                scripts, "Declare the stages with their inputs and outputs in dvc.yaml (`dvc stage add`), run `dvc repro` and commit dvc.lock.");
        }

        if (modelHandOff.Count > 0)
        {
            return Found(Outcome.Partial, $"the project is resource-intensive ({why}); its stages (training, then sampling or evaluation) run apart and pass a saved model on, but nothing tracks it.",
                modelHandOff, "Declare the stages with their inputs and outputs in dvc.yaml (`dvc stage add`), run `dvc repro` and commit dvc.lock.");
        }

        // Scripts or notebooks that run apart and hand intermediate data on through files (prepare_tokens.py writes
        // common_tokens_train.csv, calculate_features.py reads it): stages by their files, whatever the scripts are called.
        if (saved is null && DataHandOff(project) is { Count: > 0 } dataHandOff)
        {
            return Found(Outcome.Partial, $"the project is resource-intensive ({why}); its scripts run as separate stages that hand intermediate data files on, but nothing tracks them.",
                dataHandOff, "Declare the stages with their inputs and outputs in dvc.yaml (`dvc stage add`), run `dvc repro` and commit dvc.lock.");
        }

        // Training that writes the trained model or checkpoints to files ends a stage with an artifact: evaluating, sampling,
        // resuming or serving can start from it without retraining. The stage boundary exists though nothing tracks the
        // file; only a project whose training keeps nothing (no model saved, logs at most) has no stage at all.
        if (saved is not null)
        {
            return Found(Outcome.Partial, $"the project is resource-intensive ({why}); training saves the model to files that later steps can start from, but nothing tracks them or splits the work into stages.",
                [saved], "Declare the stages with their inputs and outputs in dvc.yaml (`dvc stage add`), run `dvc repro` and commit dvc.lock.");
        }

        return Found(Outcome.NotMet, $"the project is resource-intensive ({why}) but is not split into tracked stages.",
            stageEvidence.Count > 0 ? stageEvidence : [Evidence.Repo("no dvc.yaml, Snakefile, Kedro pipeline or Makefile with outputs was found")]);
    }

    /// <summary>
    /// Step decorators of orchestrators that persist each step's outputs as versioned artifacts of the run (Metaflow's
    /// datastore keeps every <c>self.x</c> of a <c>@step</c>, ZenML materializes step outputs in its artifact store, Flyte
    /// and Kubeflow Pipelines store task and component outputs): a pipeline of such steps tracks its intermediate artifacts
    /// without DVC. Airflow, Prefect, Luigi and Dagster tasks pass nothing through a versioned store by default and are not listed.
    /// </summary>
    private static readonly (string Decorator, string Tool)[] ArtifactSteps =
    [
        ("metaflow.step", "Metaflow"), ("zenml.step", "ZenML"), ("zenml.steps.step", "ZenML"), ("zenml.steps.base_step.step", "ZenML"),
        ("flytekit.task", "Flyte"), ("kfp.dsl.component", "Kubeflow Pipelines"), ("kfp.v2.dsl.component", "Kubeflow Pipelines"),
    ];

    /// <summary>Steps a pipeline has at least: one step alone is a function, not a pipeline.</summary>
    private const int MinOrchestratedSteps = 2;

    /// <summary>The steps of a pipeline written for an artifact-versioning orchestrator (<see cref="ArtifactSteps"/>), or null.</summary>
    private static (string Tool, IReadOnlyList<Evidence> Steps)? OrchestratedSteps(ProjectModel project)
    {
        var steps = project.PythonModules.Where(m => !Analysis.ConfigAnalysis.IsTestOrTooling(m.Path) && !project.IsVendoredPackagePath(m.Path))
            .SelectMany(m => m.Decorators.Select(d => (m, d, Tool: ArtifactSteps.FirstOrDefault(a => a.Decorator == d.Target).Tool)))
            .Where(x => x.Tool is not null).ToList();
        var tool = steps.GroupBy(x => x.Tool).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).FirstOrDefault();
        return tool is null || tool.Count() < MinOrchestratedSteps
            ? null
            : (tool.Key, [.. tool.Select(x => Evidence.At(x.m.Path, x.d.Line, $"a {tool.Key} step ({x.d.RawTarget})"))]);
    }

    /// <summary>Roles of separate stage scripts: preparing data, training, and using or checking the result.</summary>
    private static readonly string[] PrepareStages = ["prepare", "preprocess", "download", "make_dataset", "build_dataset", "tokenize", "featurize", "process_data", "data_prep"];
    private static readonly string[] TrainStages = ["train", "finetune", "fine_tune", "fit", "pretrain"];
    private static readonly string[] LaterStages = ["val", "eval", "evaluate", "test", "export", "predict", "generate", "sample", "detect", "infer", "inference", "benchmark", "serve", "render"];

    /// <summary>
    /// Separate stage scripts (a preparation or evaluation/export script beside the training one), each run on its own
    /// and passing files on: the pipeline is staged, though nothing tracks the files.
    /// </summary>
    internal static IReadOnlyList<Evidence> StageScripts(ProjectModel project)
    {
        static string Stem(string path) => System.IO.Path.GetFileNameWithoutExtension(path).ToLowerInvariant();
        static bool Is(string stem, string[] roles) => roles.Any(r => stem == r || stem.StartsWith(r + "_", StringComparison.Ordinal) || stem.EndsWith("_" + r, StringComparison.Ordinal));
        // Only scripts the project holds: a documented `python3 infer_qwen.py` run from a folder that lacks it is no stage of this one.
        var scripts = project.EntryPoints.All.Where(e => !e.IsTooling && e.Script is { } s && s.EndsWith(".py", StringComparison.Ordinal) && project.Index.Find(s) is not null)
            .DistinctBy(e => e.Script, StringComparer.Ordinal).Select(e => (Path: e.Script!, Line: e.Kind is Analysis.EntryPointKind.MainGuard ? e.Line : (int?)null))
            .Concat(ShellStageScripts(project).Select(p => (Path: p, Line: (int?)null))).ToList();
        // Numbered stage scripts (step01_prepare_input.py … step07_run_model.py, 000_init.py, 101_features.py) run one after
        // another, each on the files the previous ones wrote: a staged pipeline whatever the stages are called.
        var numbered = scripts.Where(e => NumberedStage().IsMatch(Stem(e.Path))).GroupBy(e => e.Path.Contains('/', StringComparison.Ordinal) ? e.Path[..e.Path.LastIndexOf('/')] : string.Empty, StringComparer.Ordinal)
            .Select(g => g.OrderBy(e => e.Path, StringComparer.Ordinal).ToList()).Where(g => g.Count >= MinNumberedStages).OrderByDescending(g => g.Count).FirstOrDefault();
        if (numbered is not null && PassFiles(project, numbered.Select(e => e.Path).ToList()))
        {
            return [.. numbered.Take(6).Select(e => Evidence.At(e.Path, e.Line, "a numbered stage script"))];
        }

        // A driver shell script that runs several different Python scripts one after another (run.sh: python create_user_data.py,
        // python prepare_nnmf_data.py, python nnmf.py, …) chains stages, each writing files the next ones read, whatever they are called.
        if (DriverScript(project) is { } driver)
        {
            return driver;
        }

        var train = scripts.Where(e => Is(Stem(e.Path), TrainStages)).ToList();
        var others = scripts.Where(e => Is(Stem(e.Path), PrepareStages) || Is(Stem(e.Path), LaterStages)).ToList();
        if (train.Count == 0 || others.Count == 0)
        {
            return [];
        }

        return [.. others.Take(4).Concat(train.Take(2)).Select(e => Evidence.At(e.Path, e.Line, "a separate stage script"))];
    }

    /// <summary>Committed model files from which a project keeps its stages' trained models with the code (one file is often a metric's or a demo's weights).</summary>
    private const int MinCommittedModels = 2;

    /// <summary>Extensions of trained network or estimator files (PyTorch, Lua Torch, Lightning, safetensors, Keras/HDF5, joblib, Paddle, ONNX); pickles and .bin are too often data.</summary>
    private static readonly HashSet<string> ModelFileExtensions = new(StringComparer.OrdinalIgnoreCase) { ".pt", ".pth", ".pt7", ".t7", ".ckpt", ".safetensors", ".h5", ".hdf5", ".keras", ".joblib", ".pdparams", ".onnx" };

    /// <summary>Trained model files committed in the repository (Git LFS pointers included), tests, tooling and vendored packages aside.</summary>
    private static IReadOnlyList<string> CommittedModels(ProjectModel project) =>
        [.. project.Index.Files.Where(f => ModelFileExtensions.Contains(f.Extension) && !Analysis.ConfigAnalysis.IsTestOrTooling(f.Path) && !project.IsVendoredPackagePath(f.Path))
            .Select(f => f.Path).Order(StringComparer.Ordinal)];

    /// <summary>Different Python scripts one shell script runs, from which it drives a staged pipeline.</summary>
    private const int MinDriverScripts = 3;

    /// <summary>
    /// The first committed shell script (tests and tooling aside) that runs at least <see cref="MinDriverScripts"/> different
    /// Python scripts in sequence, as evidence, or null. Reruns of one script with other flags (seeds, datasets) are one stage.
    /// </summary>
    private static IReadOnlyList<Evidence>? DriverScript(ProjectModel project)
    {
        foreach (var f in project.Index.Files.Where(f => f.Extension is ".sh" or ".bash" && !f.Path.Split('/').Any(p => p.StartsWith('.')) && !Analysis.ConfigAnalysis.IsTestOrTooling(f.Path))
            .OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            if (project.Text(f) is not { } text)
            {
                continue;
            }

            var runs = ScriptRun().Matches(text.Text).DistinctBy(m => m.Groups["script"].Value, StringComparer.Ordinal).ToList();
            if (runs.Count >= MinDriverScripts)
            {
                return [.. runs.Take(6).Select(m => Evidence.At(f.Path, text.GetPosition(m.Groups["script"].Index).Line, $"{f.Path} runs {m.Groups["script"].Value} as one stage of {runs.Count}"))];
            }
        }

        return null;
    }

    /// <summary>A shell line running a Python script (env assignments, nohup/time/poetry run/uv run and interpreter flags allowed), the script captured.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?m)^[ \t]*(?:[A-Za-z_][A-Za-z0-9_]*=\S+[ \t]+)*(?:(?:nohup|time|poetry[ \t]+run|uv[ \t]+run)[ \t]+)*(?:python[0-9.]*|accelerate[ \t]+launch|torchrun|deepspeed)[ \t]+(?:-[A-Za-z]\S*[ \t]+)*(?<script>[\w./-]+\.py)\b")]
    private static partial System.Text.RegularExpressions.Regex ScriptRun();

    /// <summary>Numbered scripts in one folder from which they form a staged pipeline.</summary>
    private const int MinNumberedStages = 3;

    /// <summary>A script name starting with a stage number: step01_…, stage_2_…, 000_…, 101-….</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:(?:step|stage)_?\d{1,3}|\d{2,3})(?:[_-]|$)")]
    private static partial System.Text.RegularExpressions.Regex NumberedStage();

    /// <summary>
    /// Calls that write a trained model or checkpoint to a file, matched exactly or by member suffix. Narrower on purpose than
    /// eval.predict's list (EvalPredictCheck.ModelSaveSuffixes): a stage hand-over must be a file another script loads back,
    /// so generic <c>.save</c> (arrays, figures, tokenizers) and <c>pickle.dump</c> (feature caches, vocabularies) stay out,
    /// while eval.predict only asks whether some model is kept at all.
    /// </summary>
    private static readonly string[] ModelSaves = ["torch.save", ".save_pretrained", "joblib.dump", ".save_weights", ".save_model", "keras.models.save_model", ".save_checkpoint", ".save_lora_weights", ".save_state", "safetensors.torch.save_file"];

    /// <summary>Calls that read a saved model or checkpoint back from a file.</summary>
    private static readonly string[] ModelLoads = ["torch.load", "joblib.load", ".load_weights", "keras.models.load_model", ".load_checkpoint", ".load_from_checkpoint"];

    /// <summary>
    /// Stages that run apart and hand a saved model on, though no script is named after its stage: one script dispatching on
    /// a mode option with a training value and a later one (<c>if args.mode == 'train': … elif args.mode == 'sample':</c>,
    /// the later mode loading the checkpoints the training mode saved), or an entry point that saves a model
    /// (<c>torch.save</c>) and another whose own code loads one (an RL <c>enjoy.py</c>: <c>torch.load(os.path.join(args.load_dir, …))</c>).
    /// Empty when neither is found.
    /// </summary>
    internal static IReadOnlyList<Evidence> StageHandOff(ProjectModel project)
    {
        static bool Is(string value, string[] roles) => roles.Any(r => value == r || value.StartsWith(r + "_", StringComparison.Ordinal) || value.EndsWith("_" + r, StringComparison.Ordinal));
        var code = project.PythonModules.Where(m => !m.IsNotebook && !Analysis.ConfigAnalysis.IsTestOrTooling(m.Path) && !project.IsVendoredPackagePath(m.Path)).ToList();
        var entryScripts = project.EntryPoints.All.Where(e => !e.IsTooling && e.Script is not null).Select(e => e.Script!).ToHashSet(StringComparer.Ordinal);

        // The dispatch is in the script run (main.py), not in a data loader that alternates modes inside one run.
        foreach (var m in code.Where(m => entryScripts.Contains(m.Path)))
        {
            if (project.Text(m.Path) is not { } text)
            {
                continue;
            }

            var modes = ModeBranch().Matches(text.Text).Concat(FlagBranch().Matches(text.Text))
                .Select(x => (Value: x.Groups["value"].Value.ToLowerInvariant(), x.Groups["value"].Index)).ToList();
            var train = modes.FirstOrDefault(x => Is(x.Value, TrainStages));
            var later = modes.FirstOrDefault(x => Is(x.Value, LaterStages) || Is(x.Value, PrepareStages));
            if (train.Value is not null && later.Value is not null)
            {
                return
                [
                    Evidence.At(m.Path, text.GetPosition(train.Index).Line, $"the '{train.Value}' mode trains"),
                    Evidence.At(m.Path, text.GetPosition(later.Index).Line, $"the '{later.Value}' mode runs as a separate stage"),
                ];
            }
        }

        // Python Fire without a component (`fire.Fire()`) makes each module-level function a subcommand:
        // `python run_cifar.py train …`, then `python run_cifar.py evaluation --model_dir …`.
        foreach (var m in code.Where(m => entryScripts.Contains(m.Path) && m.Calls.Any(c => c.Target == "fire.Fire" && c.Arguments.Length == 0)))
        {
            var functions = m.Functions.Where(f => f.IsModuleLevel && !f.Name.StartsWith('_')).ToList();
            var train = functions.FirstOrDefault(f => Is(f.Name.ToLowerInvariant(), TrainStages));
            var later = functions.FirstOrDefault(f => Is(f.Name.ToLowerInvariant(), LaterStages) || Is(f.Name.ToLowerInvariant(), FireLaterStages));
            if (train is not null && later is not null)
            {
                return
                [
                    Evidence.At(m.Path, train.Line, $"the '{train.Name}' subcommand (Python Fire) trains"),
                    Evidence.At(m.Path, later.Line, $"the '{later.Name}' subcommand runs as a separate stage"),
                ];
            }
        }

        var byPath = code.ToDictionary(m => m.Path, StringComparer.Ordinal);
        Python.PythonCall? First(string path, string[] targets) =>
            byPath.TryGetValue(path, out var m) ? m.Calls.FirstOrDefault(c => targets.Any(t => t.StartsWith('.') ? c.Target.EndsWith(t, StringComparison.Ordinal) : c.Target == t)) : null;
        var scripts = project.EntryPoints.All.Where(e => !e.IsTooling && e.Script is { } s && s.EndsWith(".py", StringComparison.Ordinal) && byPath.ContainsKey(s))
            .Select(e => e.Script!).Distinct(StringComparer.Ordinal).Take(MaxHandOffScripts).ToList();
        var closures = scripts.ToDictionary(s => s, s => project.LocalModules.Closure(s), StringComparer.Ordinal);
        foreach (var saver in scripts)
        {
            foreach (var savePath in closures[saver].Where(p => First(p, ModelSaves) is not null))
            {
                foreach (var loader in scripts.Where(l => l != saver && !closures[l].Contains(savePath) && !closures[saver].Contains(l)))
                {
                    // The loader's own code (or a module only it runs) reads the model back; a helper shared with the
                    // training script is no hand-off between stages.
                    if (closures[loader].Where(p => !closures[saver].Contains(p)).FirstOrDefault(p => First(p, ModelLoads) is not null) is { } loadPath)
                    {
                        var save = First(savePath, ModelSaves)!;
                        var load = First(loadPath, ModelLoads)!;
                        return
                        [
                            Evidence.At(savePath, save.Line, $"{saver} saves the trained model", save.RawTarget),
                            Evidence.At(loadPath, load.Line, $"{loader} loads a saved model as a separate stage", load.RawTarget),
                        ];
                    }
                }
            }
        }

        return [];
    }

    /// <summary>
    /// The first call that saves a trained model or checkpoint (<see cref="ModelSaves"/>) in the project's own code or
    /// notebooks (not tests, tooling or vendored packages). Null when the project saves no model.
    /// </summary>
    internal static Evidence? SavedModel(ProjectModel project) =>
        project.PythonModules.Where(m => !Analysis.ConfigAnalysis.IsTestOrTooling(m.Path) && !project.IsVendoredPackagePath(m.Path))
            .SelectMany(m => m.Calls.Where(c => ModelSaves.Any(t => t.StartsWith('.') ? c.Target.EndsWith(t, StringComparison.Ordinal) : c.Target == t)).Select(c => (m, c)))
            // A save whose object is a model (model.state_dict(), a checkpoint, the net) in a training module first: a
            // torch.save of cached embeddings in a data module is no trained model.
            .OrderBy(x => SavesAModel(x.c) ? 0 : 1).ThenBy(x => x.m.IsNotebook).ThenBy(x => System.IO.Path.GetFileName(x.m.Path).Contains("train", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(x => x.m.Path, StringComparer.Ordinal).ThenBy(x => x.c.Line)
            .Select(x => Evidence.At(x.m.Path, x.c.Line, "saves the trained model or a checkpoint to a file", x.c.RawTarget))
            .FirstOrDefault();

    /// <summary>Whether a save call's object (its receiver or first argument) names a model, its weights or a checkpoint.</summary>
    private static bool SavesAModel(Python.PythonCall c) =>
        !c.Target.StartsWith("torch.save", StringComparison.Ordinal) && !c.Target.StartsWith("joblib.dump", StringComparison.Ordinal) && !c.Target.StartsWith("safetensors.", StringComparison.Ordinal)
        || (c.PositionalAt(0)?.Text is { } obj && ModelObject().IsMatch(obj));

    [System.Text.RegularExpressions.GeneratedRegex(@"(?i)model|state_dict|checkpoint|ckpt|\bnet\b|network|weights|estimator|clf|classifier|regressor|pipeline|booster|agent|policy")]
    private static partial System.Text.RegularExpressions.Regex ModelObject();

    /// <summary>Calls that write a table, array or pickled object to a file (pandas, NumPy, SciPy sparse, pickle, joblib), matched exactly or by member suffix.</summary>
    private static readonly string[] DataWrites = [".to_csv", ".to_pickle", ".to_feather", ".to_parquet", ".to_hdf", "numpy.save", "numpy.savez", "numpy.savez_compressed", "scipy.sparse.save_npz", "pickle.dump", "joblib.dump"];

    /// <summary>Calls that read such a file back.</summary>
    private static readonly string[] DataReads = ["pandas.read_csv", "pandas.read_table", "pandas.read_pickle", "pandas.read_feather", "pandas.read_parquet", "pandas.read_hdf", "numpy.load", "scipy.sparse.load_npz", "pickle.load", "joblib.load"];

    /// <summary>A file name of tabular, array or pickled data in a string literal ('../input/features_train.csv', "oof/lgb.npy").</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=['""/\\])(?<name>[A-Za-z0-9][\w.-]*\.(?:csv|tsv|pkl|pickle|feather|ftr|parquet|h5|hdf5|hdf|npy|npz|joblib))(?=['""])", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex DataFileName();

    /// <summary>
    /// Separate scripts or notebooks (entry points, not the modules they import) of which one writes an intermediate data file
    /// that another reads back by the same name: <c>prepare_tokens.py</c> runs <c>df.to_csv('common_tokens_train.csv')</c>,
    /// <c>calculate_tokens.py</c> runs <c>pd.read_csv('common_tokens_train.csv')</c>. Each is a stage run on its own, on the
    /// files the earlier one left. Empty when none is found.
    /// </summary>
    internal static IReadOnlyList<Evidence> DataHandOff(ProjectModel project)
    {
        static bool Matches(string target, string[] calls) => calls.Any(t => t.StartsWith('.') ? target.EndsWith(t, StringComparison.Ordinal) : target == t);
        IEnumerable<(string Name, int Line)> Files(Python.ModuleSummary m, string[] calls) =>
            m.Calls.Where(c => Matches(c.Target, calls)).SelectMany(c => c.Arguments.Take(2)
                .SelectMany(a => DataFileName().Matches(a.Text).Select(x => (Name: x.Groups["name"].Value, c.Line))));
        var entryScripts = project.EntryPoints.All.Where(e => !e.IsTooling && e.Script is not null).Select(e => e.Script!).ToHashSet(StringComparer.Ordinal);
        var stages = project.PythonModules.Where(m => (m.IsNotebook || entryScripts.Contains(m.Path)) && !Analysis.ConfigAnalysis.IsTestOrTooling(m.Path) && !project.IsVendoredPackagePath(m.Path))
            .OrderBy(m => m.Path, StringComparer.Ordinal).ToList();
        var readers = stages.SelectMany(m => Files(m, DataReads).Select(f => (m.Path, f.Name, f.Line))).ToList();
        foreach (var writer in stages)
        {
            foreach (var written in Files(writer, DataWrites))
            {
                if (readers.FirstOrDefault(r => r.Path != writer.Path && string.Equals(r.Name, written.Name, StringComparison.OrdinalIgnoreCase)) is { Path: not null } reader)
                {
                    return
                    [
                        Evidence.At(writer.Path, written.Line, $"{writer.Path} writes {written.Name}"),
                        Evidence.At(reader.Path, reader.Line, $"{reader.Path} reads {written.Name} as a later stage"),
                    ];
                }
            }
        }

        return [];
    }

    /// <summary>Longer names of later stages that subcommands take (def evaluation(…), def sampling(…)).</summary>
    private static readonly string[] FireLaterStages = ["evaluation", "sampling", "testing", "prediction"];

    /// <summary>Entry points compared pairwise for a model hand-off (their closures are cached, but pairs grow quadratically).</summary>
    private const int MaxHandOffScripts = 40;

    /// <summary>
    /// A branch on a mode option's literal value: <c>if args.mode == 'train':</c>, <c>elif config["phase"] == "test":</c>. Only an
    /// option (an attribute or key of args/config, not of self), not a loop variable (<c>for phase in ["train", "val"]: if phase == "train"</c>
    /// alternates inside one training run) nor Lightning's <c>setup(stage)</c>.
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?m)^\s*(?:if|elif)\s+(?!self\b)\w+(?:\.\w+)*(?:\.|\[['""])(?:mode|run_mode|phase)['""\]]*\s*==\s*['""](?<value>[A-Za-z_]+)['""]\s*:")]
    private static partial System.Text.RegularExpressions.Regex ModeBranch();

    /// <summary>
    /// A branch on a boolean stage flag of the command line: <c>if FLAGS.train: train()</c> … <c>if FLAGS.eval: eval()</c> (absl),
    /// <c>if args.test:</c>. Each flag runs one stage on its own (<c>python main.py --train</c>, then <c>python main.py --eval</c>).
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?m)^\s*(?:if|elif)\s+(?:FLAGS|flags|args|opt|opts|options|config|cfg|hparams)\.(?<value>[A-Za-z_]+)\s*:")]
    private static partial System.Text.RegularExpressions.Regex FlagBranch();

    /// <summary>
    /// Whether numbered scripts may hand files on. They are independent (no stages) only when each of them reads a file it
    /// names itself and no file name (a string literal with a data or model extension) is shared between any two: five study
    /// notebooks numbered 01–05, each on another competition's data. Scripts whose inputs come from a config or a helper
    /// (paths built at run time) are taken as the stages their numbers say.
    /// </summary>
    private static bool PassFiles(ProjectModel project, IReadOnlyList<string> ordered)
    {
        static string Name(string v) => v.Replace('\\', '/')[(v.Replace('\\', '/').LastIndexOf('/') + 1)..];
        var modules = ordered.Select(p => project.PythonModules.FirstOrDefault(m => m.Path == p)).ToList();
        if (modules.Any(m => m is null || !m.Reads.Any(r => r.Path?.Literal?.AsString is { Length: > 0 })))
        {
            return true;
        }

        var names = modules.Select(m => m!.StringLiterals.Select(l => Name(l.Value)).Where(n => HandedOnFile().IsMatch(n)).ToHashSet(StringComparer.Ordinal)).ToList();
        return names.Select((set, i) => names.Skip(i + 1).Any(later => later.Overlaps(set))).Any(x => x);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[\w.-]+\.(?:csv|tsv|pkl|pickle|parquet|feather|npy|npz|h5|hdf5|json|jsonl|pt|pth|joblib|txt|zip|gz|arrow|ftr)$")]
    private static partial System.Text.RegularExpressions.Regex HandedOnFile();

    /// <summary>
    /// Committed shell scripts that run Python (scripts/finetune_7b.sh, scripts/generate.sh): each is one stage run on its
    /// own, named after its role, even when every stage calls the same Python entry point with other flags.
    /// </summary>
    private static IEnumerable<string> ShellStageScripts(ProjectModel project) =>
        project.Index.Files.Where(f => f.Extension is ".sh" or ".bash" && !f.Path.Split('/').Any(p => p.StartsWith('.')) && !Analysis.ConfigAnalysis.IsTestOrTooling(f.Path))
            .Where(f => project.Text(f) is { } t && PythonRun().IsMatch(t.Text)).Select(f => f.Path);

    [System.Text.RegularExpressions.GeneratedRegex(@"(?m)^\s*(?:[A-Z_]+=\S+\s+)*(?:python3?|accelerate\s+launch|torchrun|deepspeed)\s+\S+\.py\b")]
    private static partial System.Text.RegularExpressions.Regex PythonRun();

    private static readonly string[] ArtifactLogs = ["mlflow.log_artifact", "mlflow.log_artifacts", ".log_model", "MLflowLoggerCallback", "wandb.log_artifact", "WandbLoggerCallback", ".log_artifact"];

    private static readonly string[] ArtifactLoads = ["mlflow.get_run", "mlflow.search_runs", "mlflow.artifacts.download_artifacts", ".download_artifacts", "wandb.use_artifact", ".use_artifact"];

    /// <summary>
    /// Stage scripts whose artifacts an experiment tracker keeps: a stage logs artifacts to a run (mlflow.log_artifact,
    /// log_model, Ray's MLflowLoggerCallback, wandb.log_artifact) and another loads them back by run id (mlflow.get_run,
    /// search_runs, download_artifacts, wandb.use_artifact). Null when not all three are there.
    /// </summary>
    private static IReadOnlyList<Evidence>? TrackerHandOff(ProjectModel project)
    {
        if (StageScripts(project).Count == 0)
        {
            return null;
        }

        var code = project.PythonModules.Where(m => !m.IsNotebook && !Analysis.ConfigAnalysis.IsTestOrTooling(m.Path)).ToList();
        var log = code.SelectMany(m => m.Calls.Where(c => ArtifactLogs.Any(a => c.Target.EndsWith(a, StringComparison.Ordinal))).Select(c => (m, c))).FirstOrDefault();
        var load = code.SelectMany(m => m.Calls.Where(c => ArtifactLoads.Any(a => c.Target.EndsWith(a, StringComparison.Ordinal))).Select(c => (m, c))).FirstOrDefault();
        return log.m is null || load.m is null || log.m.Path == load.m.Path ? null :
        [
            Evidence.At(log.m.Path, log.c.Line, "logs the stage's artifacts to a tracked run", log.c.RawTarget),
            Evidence.At(load.m.Path, load.c.Line, "a later stage loads them back by run id", load.c.RawTarget),
        ];
    }

    /// <summary>An MLflow Recipes recipe.yaml: the recipe runs ingest/split/transform/train/evaluate steps and caches each step's outputs.</summary>
    private static Evidence? MlflowRecipe(ProjectModel project)
    {
        foreach (var f in project.Index.Files.Where(f => f.Path.EndsWith("recipe.yaml", StringComparison.Ordinal) || f.Path.EndsWith("pipeline.yaml", StringComparison.Ordinal)))
        {
            if (project.Text(f.Path) is { } text && RecipeKey().IsMatch(text.Text) && StepsKey().IsMatch(text.Text))
            {
                return Evidence.At(f.Path, null, "MLflow Recipes steps (ingest, split, transform, train, evaluate, register), each step's outputs cached and tracked by MLflow");
            }
        }

        return null;
    }

    /// <summary>
    /// The project's documentation states a training cost: hours or days of training ("optimizing takes a few hours",
    /// "200k iterations (about 15 hours)", GPU-hours) or tens of GB of GPU memory. Such a project is resource-intensive
    /// even when its code falls back to the CPU. (How many GPUs one *can* use is an option, not a cost: not counted.)
    /// </summary>
    internal static string? DocumentedCost(ProjectModel project)
    {
        foreach (var d in project.Docs.Where(d => !Analysis.ConfigAnalysis.IsTestOrTooling(d.Path)))
        {
            foreach (var s in d.Sections)
            {
                foreach (var sentence in Sentences(s.Text))
                {
                    if (sentence.Length > MaxSentenceChars)
                    {
                        continue;
                    }

                    if (TrainingHours().Match(sentence) is { Success: true } h && TrainingWord().IsMatch(sentence))
                    {
                        return $"{d.Path}:{project.LineIn(d.Path, s, h.Value)} documents {h.Value.Trim()} of training";
                    }

                    if (Analysis.DocumentedMemory.LargeHostMemory(sentence) is { } r)
                    {
                        return $"{d.Path}:{project.LineIn(d.Path, s, r.Value)} documents {r.Value.Trim()}";
                    }

                    if (GpuMemory().Match(sentence) is { Success: true } g && int.TryParse(g.Groups["gb"].Value, System.Globalization.CultureInfo.InvariantCulture, out var gb) && gb >= LargeGpuMemoryGb)
                    {
                        return $"{d.Path}:{s.Line} documents {g.Value.Trim()}";
                    }
                }
            }
        }

        return null;
    }

    /// <summary>Sentences longer than this are tables or code, not prose about cost.</summary>
    private const int MaxSentenceChars = 600;

    /// <summary>GPU memory at or above this (GB) needs a data-centre card.</summary>
    private const int LargeGpuMemoryGb = 24;

    /// <summary>
    /// The sentences of a section's text. A table row (the parser joins its cells with " | ") is a sentence of its own: a
    /// backtest's "363 weeks" in one row is no training time of the words in the next paragraph.
    /// </summary>
    private static IEnumerable<string> Sentences(string text)
    {
        var prose = new System.Text.StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            if (line.Contains(" | ", StringComparison.Ordinal))
            {
                yield return line;
                continue;
            }

            prose.Append(line).Append('\n');
        }

        foreach (var sentence in SentenceBreak().Split(prose.ToString()))
        {
            yield return sentence;
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=[.!?])\s+|\n\s*\n|\n\s*[-*+]\s")]
    private static partial System.Text.RegularExpressions.Regex SentenceBreak();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?i)\b(?:(?:\d+(?:\.\d+)?|a few|few|several|one|two|a)\s*(?:(?:-|–|to)\s*\d+\s*)?(?:hours?|hrs?|days?|weeks?)\b|\bGPU[- ](?:hours?|days?)\b)")]
    private static partial System.Text.RegularExpressions.Regex TrainingHours();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?i)\b(?:train|optimi[sz]|fine-?tun|converge|iterations|epochs|steps|experiments?\b|running\b)")]
    private static partial System.Text.RegularExpressions.Regex TrainingWord();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?i)\b(?<gb>\d{2,4})\s*GB\s+(?:of\s+)?(?:GPU\s+memory|VRAM)\b")]
    private static partial System.Text.RegularExpressions.Regex GpuMemory();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?m)^(?:recipe|template):\s*[""']?(?:regression|classification)/v\d")]
    private static partial System.Text.RegularExpressions.Regex RecipeKey();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?m)^steps:\s*$")]
    private static partial System.Text.RegularExpressions.Regex StepsKey();

    /// <summary>Whether the project is resource-intensive, and why.</summary>
    internal static (bool, string) ResourceIntensive(ProjectModel project)
    {
        // "cuda if available" is not intensive: a GPU counts when the code requires it (no CPU path) or trains on several.
        // A GPU base image alone, or optional GPU examples in a collection of scripts, is no requirement.
        var codeGpu = Environment.EnvHardwareCheck.CodeGpuUses(project).ToList();
        if (codeGpu.Count > 0 && !Environment.EnvHardwareCheck.HasCpuFallback(project) && Environment.EnvHardwareCheck.OptionalGpuScripts(project, codeGpu) is null)
        {
            var gpu = codeGpu[0];
            return (true, $"it requires a GPU ({gpu.Path}:{gpu.Span?.Line})");
        }

        // A fallback elsewhere does not lift the need that env.hardware sees too: the training script calls the GPU unconditionally
        // (netG = Generator().cuda() in train.py, the fallback only in inference.py), or the docs state the GPU the training ran on.
        if (codeGpu.Count > 0 && Environment.EnvHardwareCheck.OptionalGpuScripts(project, codeGpu) is null
            && (Environment.EnvHardwareCheck.UnguardedGpu(project, [.. Environment.EnvHardwareCheck.CpuFallbacks(project)]).FirstOrDefault()
                ?? Environment.EnvHardwareCheck.TrainingHardwareDocs(project).FirstOrDefault()) is { } trainingGpu)
        {
            return (true, $"its training needs a GPU ({trainingGpu.Path}:{trainingGpu.Span?.Line})");
        }

        // bitsandbytes quantised loading, a raise without CUDA, a second GPU in the config: no CPU path, whatever fallback other scripts have.
        if (Environment.EnvHardwareCheck.GpuRequirements(project).FirstOrDefault() is { } required)
        {
            return (true, $"it requires a GPU ({required.Path}:{required.Span?.Line})");
        }

        // Fine-tuning a large pretrained model (LoRA/PEFT, 8-bit loading, TRL, DeepSpeed) takes GPU hours whatever the fallback.
        if (Environment.EnvHardwareCheck.FineTuning(project).FirstOrDefault() is { } ft)
        {
            return (true, $"it fine-tunes a large pretrained model ({ft.Snippet} in {ft.Path}:{ft.Span?.Line})");
        }

        if (project.PythonModules.SelectMany(m => m.Calls.Select(c => (m, c))).FirstOrDefault(x => x.c.Target.StartsWith("torch.nn.parallel.DistributedDataParallel", StringComparison.Ordinal)
            || x.c.Target.StartsWith("torch.distributed.init_process_group", StringComparison.Ordinal) || x.c.Target.StartsWith("deepspeed.", StringComparison.Ordinal)) is { m: not null } dist)
        {
            return (true, $"it trains on several GPUs ({dist.m.Path}:{dist.c.Line})");
        }

        // TPUEstimator runs only on a Cloud TPU (use_tpu, a TPU cluster resolver): no CPU path.
        if (project.PythonModules.Where(m => !Analysis.ConfigAnalysis.IsTestOrTooling(m.Path)).SelectMany(m => m.Calls.Select(c => (m, c)))
            .FirstOrDefault(x => x.c.Target.EndsWith(".TPUEstimator", StringComparison.Ordinal)) is { m: not null } tpu)
        {
            return (true, $"it trains on a Cloud TPU ({tpu.m.Path}:{tpu.c.Line})");
        }

        if (project.Data.TotalBytes > IntensiveDataBytes)
        {
            return (true, $"{CodeExampleInputCheck.Bytes(project.Data.TotalBytes)} of data");
        }

        if (LargeStandardDataset(project) is { } dataset)
        {
            return (true, dataset);
        }

        if (DocumentedCost(project) is { } cost)
        {
            return (true, cost);
        }

        // Code that frees memory by hand (del train_df; gc.collect()) works close to the machine's memory limit: tables or
        // models too large to leave to Python's collector, as in solutions over multi-GB competition data.
        if (ManualMemoryRelease(project) is { } release)
        {
            return (true, release);
        }

        var deepLearning = new Lazy<bool>(() => project.PythonModules.Any(m => !Analysis.ConfigAnalysis.IsTestOrTooling(m.Path)
            && m.Imports.Any(i => i.Level == 0 && DeepLearningModules.Contains(i.Module.Split('.')[0]))));
        foreach (var f in project.Config.ParameterFiles)
        {
            foreach (var e in f.Entries)
            {
                var leaf = Analysis.ConfigAnalysis.Leaf(e.KeyPath).ToLowerInvariant();
                if (leaf is "epochs" or "num_epochs" or "n_epochs" or "max_epochs" or "num_train_epochs" && int.TryParse(e.Value, out var n) && n >= LongTrainingEpochs)
                {
                    return (true, $"{e.KeyPath} = {n} in {f.Path}");
                }

                // The committed config sets a deep-learning training length in steps, as a script's option default would
                // (max_iters: 100000000, an RL zoo's n_timesteps: !!float 1e7): hours on a GPU, whatever the device fallback.
                if (IsStepCount(leaf) && ConfigNumber(e.Value) is { } steps && steps >= LongTrainingSteps && deepLearning.Value)
                {
                    return (true, $"{e.KeyPath} = {e.Value} in {f.Path} trains {steps:N0} steps");
                }

                // The committed config trains on several GPUs: gpus: "0,1", num_gpus: 4.
                if (leaf is "gpus" or "gpu_ids" or "n_gpu" or "n_gpus" or "num_gpus" or "ngpu" or "ngpus" && e.Value is { } v
                    && (int.TryParse(v, out var g) ? g : v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Count(x => int.TryParse(x, out _))) >= 2)
                {
                    return (true, $"{e.KeyPath} = {v} in {f.Path} trains on several GPUs");
                }
            }
        }

        // The training script's own defaults: `--num_iters 200000` on a deep-learning framework.
        if (LongTrainingOption(project) is { } option)
        {
            return (true, option);
        }

        // A GPU training script whose epochs option defaults to 100+ epochs (`--epochs 240` of a CIFAR teacher network).
        if (LongGpuEpochsOption(project) is { } epochs)
        {
            return (true, epochs);
        }

        // Thousands of boosting rounds (`num_boost_round=3500`, `'n_estimators': 20000`): long training of a tabular model.
        if (LongBoosting(project) is { } rounds)
        {
            return (true, rounds);
        }

        // The documented or scripted training command sets the epochs: `python train.py ... -epoch 400` in the README.
        if (CommandEpochs(project) is { } command)
        {
            return (true, command);
        }

        // The documented or scripted launch spreads training over several GPUs (torchrun --nproc_per_node=8, deepspeed --num_gpus=4):
        // distributed training, though the script itself (a Hugging Face Trainer) calls no DDP API.
        if (MultiGpuLaunch(project) is { } launch)
        {
            return (true, launch);
        }

        return (false, string.Empty);
    }

    /// <summary>
    /// A gc.collect() call in the project's own code (not tests, tooling or vendored packages): Python frees memory by itself,
    /// so forcing a collection says the data or model strains the machine's memory. Null when none.
    /// </summary>
    private static string? ManualMemoryRelease(ProjectModel project) =>
        project.PythonModules.Where(m => !Analysis.ConfigAnalysis.IsTestOrTooling(m.Path) && !project.IsVendoredPackagePath(m.Path))
            .SelectMany(m => m.Calls.Where(c => c.Target == "gc.collect").Select(c => $"{m.Path}:{c.Line} frees memory by hand (gc.collect())"))
            .FirstOrDefault();

    /// <summary>A well-known dataset from this download size on (STL-10, COCO, ImageNet) is more data than a quick run handles; CIFAR and MNIST are well below.</summary>
    public const long LargeDatasetBytes = 1000L * 1000 * 1000;

    private static readonly HashSet<string> DatasetOptions = new(StringComparer.Ordinal) { "dataset", "dataset_name", "datasetname", "data", "data_name", "dataname", "data_config", "data_cfg", "dataset_config", "dataset_type", "db" };

    /// <summary>
    /// A well-known dataset over <see cref="LargeDatasetBytes"/> the project trains on (datasets.tsv): named by a loader class
    /// (torchvision.datasets.STL10, torchaudio.datasets.LIBRISPEECH), a dataset hub load (tfds.load("coco/2017"),
    /// load_dataset("imagenet-1k")), the default of a dataset option (--dataset-name stl10, --data config/coco.data), or a
    /// config's dataset key. Loaders in a few optional scripts of a collection do not count. Null when none.
    /// </summary>
    internal static string? LargeStandardDataset(ProjectModel project)
    {
        var code = new List<(Evidence At, Knowledge.WellKnownDataset Dataset)>();
        foreach (var m in project.PythonModules.Where(m => !Analysis.ConfigAnalysis.IsTestOrTooling(m.Path)))
        {
            foreach (var c in m.Calls)
            {
                var name = c.Target.StartsWith("torchvision.datasets.", StringComparison.Ordinal) || c.Target.StartsWith("torchaudio.datasets.", StringComparison.Ordinal)
                    ? c.Target[(c.Target.LastIndexOf('.') + 1)..]
                    : c.Target is "tensorflow_datasets.load" or "tensorflow_datasets.builder" or "datasets.load_dataset" ? c.PositionalAt(0)?.Literal?.AsString : null;
                if (Knowledge.WellKnownDatasets.Find(name) is { Bytes: > LargeDatasetBytes } d)
                {
                    code.Add((Evidence.At(m.Path, c.Line, $"trains on {d.Name}", c.RawTarget), d));
                }
            }

            foreach (var o in m.CliOptions)
            {
                var dest = OptionKey(o);
                if (DatasetOptions.Contains(dest) && Knowledge.WellKnownDatasets.Find(o.Default?.Literal?.AsString) is { Bytes: > LargeDatasetBytes } d)
                {
                    code.Add((Evidence.At(m.Path, o.Line, $"trains on {d.Name} by default", string.Join('/', o.Flags)), d));
                }
            }
        }

        // In a collection of independent scripts, a dataset a few of them load is an optional example's, not the project's.
        if (code.Count > 0 && Environment.EnvHardwareCheck.OptionalGpuScripts(project, [.. code.Select(x => x.At)]) is not null)
        {
            code.Clear();
        }

        var configs = project.Config.ParameterFiles.SelectMany(f => f.Entries
            .Where(e => DatasetOptions.Contains(Analysis.ConfigAnalysis.Leaf(e.KeyPath).ToLowerInvariant()))
            .Select(e => (At: Evidence.At(f.Path, e.Line, $"trains on {e.Value}"), Dataset: Knowledge.WellKnownDatasets.Find(e.Value))))
            .Where(x => x.Dataset is not null).Select(x => (x.At, Dataset: x.Dataset!));

        return code.Concat(configs).Where(x => x.Dataset.Bytes > LargeDatasetBytes).OrderByDescending(x => x.Dataset.Bytes).Select(x =>
            $"it trains on {x.Dataset.Name}, about {CodeExampleInputCheck.Bytes(x.Dataset.Bytes)} to download ({x.At.Path}:{x.At.Span?.Line})").FirstOrDefault();
    }

    /// <summary>Training steps (iterations, not epochs) from which a deep-learning training is long: hours on a GPU.</summary>
    public const int LongTrainingSteps = 100_000;

    private static readonly HashSet<string> StepOptions = new(StringComparer.Ordinal) { "num_iters", "max_iters", "n_iters", "iters", "iterations", "num_iterations", "max_iter", "max_steps", "num_steps", "total_steps", "train_steps", "num_train_steps", "n_steps", "total_iters", "niter", "total_iterations",
        // Reinforcement learning counts environment steps or frames: TD3's --max_timesteps 1e6, a DQN notebook's num_frames = 1000000.
        "max_timesteps", "total_timesteps", "num_timesteps", "timesteps", "num_frames", "max_frames", "total_frames", "num_env_steps", "total_env_steps",
        // T_max, the total step count T of RL papers (Rainbow's --T-max 50e6); as a scheduler's period in steps it is as long as the training.
        "t_max" };
    private static readonly HashSet<string> PlottingModules = new(StringComparer.Ordinal) { "matplotlib", "seaborn", "plotly", "bokeh", "altair", "pytablewriter" };
    private static readonly HashSet<string> DeepLearningModules = new(StringComparer.Ordinal) { "torch", "tensorflow", "keras", "jax", "flax", "mxnet", "paddle" };

    /// <summary>
    /// A command-line option of training code whose default trains long (iterations; `default=1e6, type=int` counts), or a
    /// module-level step count of a script or notebook (num_frames = 1000000), in a deep-learning project.
    /// </summary>
    private static string? LongTrainingOption(ProjectModel project)
    {
        var code = project.PythonModules.Where(m => !Analysis.ConfigAnalysis.IsTestOrTooling(m.Path)).ToList();
        if (!code.Any(m => m.Imports.Any(i => i.Level == 0 && DeepLearningModules.Contains(i.Module.Split('.')[0]))))
        {
            return null;
        }

        // Module-level step counts (num_frames = 1000000 in a notebook); in a collection of independent tutorials, a few
        // long examples are optional ones, not the project's cost.
        // A script run on its own sets its step count in its code too: `max_training_timesteps = int(3e6)` inside train.py's train().
        var entryScripts = project.EntryPoints.All.Where(e => !e.IsTooling && e.Script is not null).Select(e => e.Script!).ToHashSet(StringComparer.Ordinal);
        var settings = code.SelectMany(m => m.Assignments.Where(a => (a.IsModuleLevel || entryScripts.Contains(m.Path)) && a.Operator == "=" && IsStepCount(a.Target)
            && StepValue(a) >= LongTrainingSteps).Select(a => (m, a))).ToList();
        var settingsCount = settings.Count > 0 && Environment.EnvHardwareCheck.OptionalGpuScripts(project, [.. settings.Select(x => Evidence.At(x.m.Path, x.a.Line, "long training"))]) is null
            ? settings.OrderByDescending(x => StepValue(x.a)).Select(x => $"{x.m.Path}:{x.a.Line} trains {StepValue(x.a):N0} steps ({x.a.Target} = {x.a.ValueText})").First()
            : null;

        // A plotting script's options (--max-timesteps default=int(2e6) only crops the curves) say nothing about training: a module
        // that imports a plotting library and runs no deep-learning code (its own or its local imports') is left out. An options
        // module (agent/arguments.py, argparse alone) is the training script's.
        var deepLearning = code.Where(m => m.Imports.Any(i => i.Level == 0 && DeepLearningModules.Contains(i.Module.Split('.')[0]))).Select(m => m.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var m in code.Where(m => m.CliOptions.Length > 0 && !(m.Imports.Any(i => i.Level == 0 && PlottingModules.Contains(i.Module.Split('.')[0]))
            && !project.LocalModules.Closure(m.Path).Any(deepLearning.Contains))))
        {
            foreach (var o in m.CliOptions)
            {
                var name = OptionKey(o);

                // Epochs say little without the data's size (200 epochs of a GCN on Cora take seconds); steps of a network do.
                // A default written as a cast (`default=int(50e6)`, Rainbow's --T-max) is as literal as `default=50000000`.
                if (IsStepCount(name) && (WholeNumber(o.Default?.Literal) ?? IntCast(o.Default?.Text)) is { } n && n >= LongTrainingSteps)
                {
                    return $"{m.Path}:{o.Line} trains {n:N0} steps by default ({string.Join('/', o.Flags)})";
                }
            }
        }

        return settingsCount;
    }

    /// <summary>An option's name as its dest reads it, lower case with '_' for '-': --num-epochs → num_epochs.</summary>
    private static string OptionKey(Python.CliOption o) => (o.Dest ?? o.Flags.FirstOrDefault()?.TrimStart('-') ?? string.Empty).Replace('-', '_').ToLowerInvariant();

    /// <summary>Epochs an option's default gives from which training on a GPU is long: hours of deep-network passes over the data.</summary>
    public const int LongDefaultEpochs = 100;

    private static readonly HashSet<string> EpochOptions = new(StringComparer.Ordinal) { "epochs", "epoch", "num_epochs", "n_epochs", "n_epoch", "max_epochs", "max_epoch", "train_epochs", "nepochs", "nepoch", "num_train_epochs", "total_epochs", "epoch_num", "num_epoch" };

    /// <summary>
    /// An epochs option of <see cref="LongDefaultEpochs"/>+ by default (<c>--epochs default=240</c>) that a script run on its own
    /// reads, where that script or a module it imports is written for a GPU: it puts the work there (<c>model.cuda()</c>, even
    /// under <c>if args.cuda:</c>) or picks the GPU when there is one. An option default is the run the authors chose; the GPU code
    /// says the epochs are a deep network's, not a cheap model's. In a collection of independent scripts, GPU scripts that are a
    /// few optional examples do not count, a training script (train.py, train_teacher.py) does. Null when none.
    /// </summary>
    private static string? LongGpuEpochsOption(ProjectModel project)
    {
        var gpu = Environment.EnvHardwareCheck.CodeGpuUses(project).Concat(Environment.EnvHardwareCheck.CpuFallbacks(project)).ToList();
        if (gpu.Count == 0)
        {
            return null;
        }

        var optional = Environment.EnvHardwareCheck.OptionalGpuScripts(project, gpu) is not null;
        var gpuFiles = gpu.Select(u => u.Path).ToHashSet(StringComparer.Ordinal);
        var scripts = project.EntryPoints.All.Where(e => !e.IsTooling && e.Script is { } s && s.EndsWith(".py", StringComparison.Ordinal)
            && !Analysis.ConfigAnalysis.IsTestOrTooling(s) && (!optional || Environment.EnvHardwareCheck.IsTrainingScript(s))).Select(e => e.Script!).Distinct(StringComparer.Ordinal);
        foreach (var script in scripts)
        {
            var closure = project.LocalModules.Closure(script);
            var modules = closure.Select(project.PythonModule).OfType<Python.ModuleSummary>().ToList();
            if (!closure.Overlaps(gpuFiles) || !modules.Any(MiniBatches))
            {
                continue;
            }

            foreach (var m in modules)
            {
                foreach (var o in m.CliOptions)
                {
                    var name = OptionKey(o);
                    if (EpochOptions.Contains(name) && WholeNumber(o.Default?.Literal) is { } n && n >= LongDefaultEpochs)
                    {
                        return $"{m.Path}:{o.Line} trains {n} epochs by default ({string.Join('/', o.Flags)}) on a GPU";
                    }
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Whether a module trains in mini-batches: a data loader (<c>torch.utils.data.DataLoader</c>), a <c>batch_size</c> keyword or
    /// option. Full-batch training (a GCN over a whole small graph) takes one step per epoch, so its epochs are cheap.
    /// </summary>
    private static bool MiniBatches(Python.ModuleSummary m) =>
        m.Calls.Any(c => c.Target.EndsWith("DataLoader", StringComparison.Ordinal) || c.Keyword("batch_size") is not null)
        || m.CliOptions.Any(o => (o.Dest ?? o.Flags.FirstOrDefault() ?? string.Empty).Contains("batch", StringComparison.OrdinalIgnoreCase));

    /// <summary>Boosting rounds from which gradient-boosted training is long: thousands of trees, per fold and per model.</summary>
    public const int LongBoostingRounds = 3000;

    private static readonly HashSet<string> BoostingModules = new(StringComparer.Ordinal) { "lightgbm", "xgboost", "catboost" };

    /// <summary>
    /// A gradient-boosting model (LightGBM, XGBoost, CatBoost) trained for <see cref="LongBoostingRounds"/>+ rounds: a keyword or
    /// params-dict entry of the code (<c>num_boost_round=3500</c>, <c>'n_estimators': 20000</c>) in a module that imports the
    /// library, or a committed config's round count (<c>nrounds: 5000</c>) in a project that does. Thousands of trees are chosen
    /// for data too large for a few hundred to fit, and each cross-validation fold trains them again. Null when none.
    /// </summary>
    private static string? LongBoosting(ProjectModel project)
    {
        var boosting = project.PythonModules.Where(m => !Analysis.ConfigAnalysis.IsTestOrTooling(m.Path) && !project.IsVendoredPackagePath(m.Path)
            && m.Imports.Any(i => i.Level == 0 && BoostingModules.Contains(i.Module.Split('.')[0]))).ToList();
        if (boosting.Count == 0)
        {
            return null;
        }

        foreach (var m in boosting)
        {
            var source = m.Notebook is { } nb ? nb.Code : project.Text(m.Path)?.Text;
            if (source is null || source.Length > MaxRoundScanChars)
            {
                continue;
            }

            var lineNo = 0;
            foreach (var raw in source.Split('\n'))
            {
                lineNo++;
                if (!raw.TrimStart().StartsWith('#') && BoostingRounds().Match(raw) is { Success: true } r
                    && long.TryParse(r.Groups["n"].Value.Replace("_", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= LongBoostingRounds)
                {
                    return $"{m.Path}:{lineNo} trains {n:N0} boosting rounds ({r.Groups["k"].Value})";
                }
            }
        }

        return project.Config.ParameterFiles.SelectMany(f => f.Entries.Select(e => (f, e)))
            .Where(x => BoostingRoundKeys.Contains(Analysis.ConfigAnalysis.Leaf(x.e.KeyPath).ToLowerInvariant()) && ConfigNumber(x.e.Value) >= LongBoostingRounds)
            .Select(x => $"{x.e.KeyPath} = {x.e.Value} in {x.f.Path} trains {ConfigNumber(x.e.Value):N0} boosting rounds").FirstOrDefault();
    }

    /// <summary>Longest module text scanned for boosting rounds.</summary>
    private const int MaxRoundScanChars = 2_000_000;

    private static readonly HashSet<string> BoostingRoundKeys = new(StringComparer.Ordinal) { "n_estimators", "num_boost_round", "num_round", "num_rounds", "nrounds", "num_iterations", "num_trees" };

    /// <summary>A round count as a keyword argument or a dict entry: <c>num_boost_round=3500</c>, <c>'n_estimators': 20000</c>.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?:['""](?<k>n_estimators|num_boost_round|num_rounds?|nrounds|num_iterations|num_trees)['""]\s*:\s*|(?<![\w.])(?<k>n_estimators|num_boost_round|num_rounds?|nrounds|num_iterations|num_trees)\s*=\s*)(?<n>[0-9][0-9_]*)\b(?![.eE])")]
    private static partial System.Text.RegularExpressions.Regex BoostingRounds();

    /// <summary>
    /// A training command in the documentation or a committed shell script that runs a deep-learning script for
    /// <see cref="LongTrainingEpochs"/>+ epochs (`python train.py -data_pkl m30k.pkl -epoch 400`): the value the authors chose,
    /// like a config file's. Null when none.
    /// </summary>
    private static string? CommandEpochs(ProjectModel project) =>
        DocumentedDeepLearningCommand(project, EpochCommand(), (path, c) =>
            int.TryParse(c.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= LongTrainingEpochs
                ? $"{path} runs {c.Groups["script"].Value} for {n} epochs" : null);

    /// <summary>
    /// A launch command in the documentation or a committed shell script that starts training on several GPUs of one or more
    /// machines (<c>torchrun --nproc_per_node=8 train.py</c>, <c>python -m torch.distributed.launch --nproc_per_node 4</c>,
    /// <c>deepspeed --num_gpus=4</c>, <c>accelerate launch --num_processes 8</c>), in a deep-learning project. Null when none.
    /// </summary>
    private static string? MultiGpuLaunch(ProjectModel project) =>
        DocumentedDeepLearningCommand(project, MultiGpuCommand(), (path, c) =>
            int.TryParse(c.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 2
                ? $"{path} launches training on {n} GPUs ({c.Groups["launcher"].Value.Trim()})" : null);

    /// <summary>
    /// The first description <paramref name="describe"/> gives of a command matching <paramref name="command"/> in a document or
    /// shell script (continued lines joined), in a project whose code imports a deep-learning framework; null otherwise.
    /// </summary>
    private static string? DocumentedDeepLearningCommand(ProjectModel project, System.Text.RegularExpressions.Regex command,
        Func<string, System.Text.RegularExpressions.Match, string?> describe)
    {
        var code = project.PythonModules.Where(m => !Analysis.ConfigAnalysis.IsTestOrTooling(m.Path)).ToList();
        if (!code.Any(m => m.Imports.Any(i => i.Level == 0 && DeepLearningModules.Contains(i.Module.Split('.')[0]))))
        {
            return null;
        }

        foreach (var f in project.Index.Files.Where(f => f.Extension is ".md" or ".rst" or ".txt" or ".sh" or ".bash" && !Analysis.ConfigAnalysis.IsTestOrTooling(f.Path)))
        {
            if (project.Text(f) is not { } text)
            {
                continue;
            }

            foreach (System.Text.RegularExpressions.Match c in command.Matches(LineContinuation().Replace(text.Text, " ")))
            {
                if (describe(f.Path, c) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?m)\b(?<launcher>torchrun|torch\.distributed\.(?:launch|run)|deepspeed|accelerate\s+launch)\b[^\n]*?\s--(?:nproc[_-]per[_-]node|num_gpus|num_processes)[= ]+(?<n>\d+)\b")]
    private static partial System.Text.RegularExpressions.Regex MultiGpuCommand();

    [System.Text.RegularExpressions.GeneratedRegex(@"\\\r?\n")]
    private static partial System.Text.RegularExpressions.Regex LineContinuation();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?m)\b(?:python3?|torchrun|accelerate\s+launch|deepspeed)\s+(?:-\S+\s+)*(?<script>\S+\.py)\b[^\n]*?\s--?(?:epochs?|num_epochs|n_epochs|max_epochs|num_train_epochs|nepochs?)[= ]+(?<n>\d+)\b")]
    private static partial System.Text.RegularExpressions.Regex EpochCommand();

    /// <summary>
    /// A variable naming a training length in steps: one of <see cref="StepOptions"/>, or a max/total/num prefix with a
    /// (training/env/global) steps, iter(s), iterations, timesteps or frames suffix (max_training_timesteps, total_train_steps,
    /// num_iter, num_global_steps: the global step counter of a training loop).
    /// </summary>
    private static bool IsStepCount(string target) =>
        StepOptions.Contains(target.ToLowerInvariant()) || StepName().IsMatch(target);

    [System.Text.RegularExpressions.GeneratedRegex(@"(?i)^(?:max|total|num|n)_(?:training_|train_|env_|global_)?(?:timesteps|steps|iters?|iterations|frames)$")]
    private static partial System.Text.RegularExpressions.Regex StepName();

    /// <summary>
    /// The whole number a config value holds: <c>100000000</c>, <c>1e6</c>, <c>1_000_000</c> or YAML's tagged
    /// <c>!!float 7.5e7</c>; null for anything else.
    /// </summary>
    private static long? ConfigNumber(string? value)
    {
        var text = value?.Trim() ?? string.Empty;
        text = text.StartsWith("!!", StringComparison.Ordinal) ? text[(text.IndexOf(' ', StringComparison.Ordinal) + 1)..].Trim() : text;
        return text.Length > 0 && char.IsAsciiDigit(text[0]) && double.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && d is > 0 and < long.MaxValue ? (long)d : null;
    }

    /// <summary>The whole number an assignment sets, also through <c>int(3e6)</c>.</summary>
    private static long? StepValue(Python.PythonAssignment a)
    {
        if (WholeNumber(a.Literal) is { } n)
        {
            return n;
        }

        return IntCast(a.ValueText);
    }

    /// <summary>The whole number of an <c>int(3e6)</c> cast of a numeric literal, or null.</summary>
    private static long? IntCast(string? text)
    {
        var m = text is null ? System.Text.RegularExpressions.Match.Empty : IntCall().Match(text);
        return m.Success && double.TryParse(m.Groups["n"].Value.Replace("_", string.Empty, StringComparison.Ordinal), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d)
            && d == Math.Floor(d) && d is > 0 and < long.MaxValue ? (long)d : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*int\(\s*(?<n>[0-9][0-9_]*(?:\.[0-9]*)?(?:[eE][+]?[0-9]+)?)\s*\)\s*$")]
    private static partial System.Text.RegularExpressions.Regex IntCall();

    /// <summary>An integer literal, or a float literal with a whole value (1e6, 25e3): how step counts are often written.</summary>
    private static long? WholeNumber(Python.PythonLiteral? literal) =>
        literal?.AsInt ?? (literal?.AsDouble is { } d && d == Math.Floor(d) && d is > 0 and < long.MaxValue ? (long)d : null);
}
