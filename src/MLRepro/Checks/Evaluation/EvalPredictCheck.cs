using MLRepro.Findings;
using MLRepro.Formats.Containers;
using MLRepro.Knowledge;
using MLRepro.Model;
using MLRepro.Python;

namespace MLRepro.Checks.Evaluation;

/// <summary>eval.predict — the output model can easily be used to predict on a custom user input.</summary>
public sealed partial class EvalPredictCheck : CheckBase
{
    private static readonly string[] PredictNames = ["predict", "infer", "inference", "demo", "serve", "serving", "app", "api", "server", "generate", "sample", "detect", "classify", "handler", "service", "enjoy"];

    private static readonly string[] ModelLoadSuffixes = [".load_model", ".from_pretrained", ".load_from_checkpoint", ".load_state_dict", "joblib.load", "pickle.load", "torch.load", "torch.jit.load", "onnxruntime.InferenceSession", "xgboost.Booster", "dill.load", "cloudpickle.load", "load_learner", ".pyfunc.load_model", "tensorflow.saved_model.load"];

    /// <summary>
    /// Calls that keep a trained model (suffix match). Broader on purpose than data.pipeline's stage hand-over list
    /// (DataPipelineCheck.ModelSaves): here any kept model (a pickle, a logged MLflow model, Keras <c>.save</c>) means a
    /// prediction path could load it.
    /// </summary>
    private static readonly string[] ModelSaveSuffixes = [".save_model", ".save_pretrained", "joblib.dump", "pickle.dump", "torch.save", ".log_model", "dill.dump", ".save"];

    /// <inheritdoc />
    public override CheckInfo Info { get; } = new(
        "eval.predict",
        StarLevel.Evaluation,
        "Predict on custom input",
        "The project's output model can easily be used to predict or generate from a custom user input: anything from a simple API to a full UI.",
        "Met by an app or server (Streamlit, Gradio, FastAPI, Flask, BentoML, cog.yaml predict, MLflow pyfunc, TorchServe handler, a " +
        "Hugging Face Space with sdk: gradio/streamlit) or a predict/inference script that loads the saved model and takes user input " +
        "as data (an option naming an input, image, text, prompt or path; input(); sys.argv), not only hyperparameter flags, on/off switches (store_true) or " +
        "distributed-launcher settings (--local_rank); a script counts by its file name or a function named with a prediction word as a whole word (apply_lora is no app) — an RL enjoy.py that runs a saved policy in " +
        "the environment the user names, or an entry script whose --mode offers prediction (`--mode sample --src_dir …`) or that has a prediction flag (`--do_predict` with `--data_path`) with the model loaded by the modules it imports, counts, and so does a " +
        "script of any name (test.py, test_simple.py) that loads the model without training and names the sample it runs on (--image, --image_path, --text), and so does an inference " +
        "notebook (a demo, a Colab) that loads the trained weights, trains nothing and sets the sample in a cell (text = \"…\", img_url = '…', get_text(\"…\")); a training " +
        "script that reloads a checkpoint to resume or fine-tunes pretrained weights (a Trainer's train(), fit) is no predictor, nor is a web or widget app whose code neither loads nor calls a model (a metrics dashboard). Batch scoring of a fixed test file (a competition submission CSV), or a saved model with no code to use it " +
        "(torch.save, ModelCheckpoint, DvcLiveCallback(model_file=…)), or an app whose project imports do not resolve, or a script that loads the saved model only to predict on the data set it reads (an evaluation step), is Partial. Apps, scripts and notebooks inside a vendored copy of another project (a folder with a licence of its own, such as a library's examples) are that project's demos and do not count.",
        "Add a predict.py that loads the trained model and takes the input from the command line (or a small Gradio/Streamlit app), " +
        "and show how to run it in the README.",
        [],
        ProvenOnlyByRunning: false);

    private static readonly HashSet<string> DataWords = ["input", "image", "img", "text", "prompt", "file", "path", "source", "src", "query", "sentence", "start", "audio", "video", "url", "question", "instruction", "content", "style", "photo", "picture", "string", "review", "message", "words"];

    private static readonly HashSet<string> NotDataWords = ["model", "ckpt", "checkpoint", "weight", "weights", "save", "output", "out", "log", "logs", "result", "results", "config", "cfg"];

    /// <summary>Whether a command-line option takes data (a path, an image, text) rather than a hyperparameter.</summary>
    private static bool IsDataOption(CliOption o) => IsDataOption(o, named: false);

    /// <summary>Whether an option takes data; with <paramref name="named"/>, only options named as an input (--image, --prompt, --input-file).</summary>
    private static bool IsDataOption(CliOption o, bool named)
    {
        var name = (o.Dest ?? o.Flags.FirstOrDefault(f => f.StartsWith("--", StringComparison.Ordinal)) ?? o.Flags.FirstOrDefault() ?? string.Empty).TrimStart('-').Replace('-', '_');
        var words = name.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant()).ToList();
        if (words.Count == 0 || words.Any(NotDataWords.Contains))
        {
            return false;
        }

        // A named input (--image, --prompt, --csv) is data; so is any option that is neither a hyperparameter nor a run control
        // (--bill-length 39.1 describes the sample to predict).
        return !words.Any(ControlWords.Contains) && (words.Any(DataWords.Contains) || (!named && !Knowledge.Hyperparameters.IsHyperparameter(name)));
    }

    /// <summary>
    /// Whether a function's name says it predicts or serves (<c>predict</c>, <c>run_inference</c>, <c>generateSample</c>): one of
    /// its words, split at underscores and case changes, is a prediction word. Whole words only: <c>apply_lora</c> holds "app" and
    /// <c>downsample</c> "sample" without predicting anything.
    /// </summary>
    private static bool NamesPrediction(string functionName) =>
        FunctionWords().Matches(functionName).Any(w => PredictNames.Contains(w.Value.ToLowerInvariant(), StringComparer.Ordinal));

    /// <summary>The words of an identifier: runs of letters split at underscores, digits and lower-to-upper case changes.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")]
    private static partial System.Text.RegularExpressions.Regex FunctionWords();

    /// <summary>
    /// An on/off switch (argparse <c>action="store_true"</c>, <c>store_const</c>, <c>count</c>): it
    /// selects behaviour and carries no value, so it cannot hold the user's input (<c>--llama</c>, <c>--force</c>).
    /// </summary>
    private static bool IsSwitch(ModuleSummary m, CliOption o) =>
        o.Framework == "argparse" && m.Calls.Any(c => c.Line == o.Line && c.Target.EndsWith("add_argument", StringComparison.Ordinal)
            && c.Keyword("action")?.Literal?.AsString is "store_true" or "store_false" or "store_const" or "count" or "append_const");

    private static readonly HashSet<string> ControlWords = new(StringComparer.Ordinal)
    {
        // Launcher settings of distributed runs (--local_rank, --world_size, --master_port).
        "rank", "world", "nproc", "master",
        "seed", "device", "gpu", "gpus", "cuda", "cpu", "workers", "verbose", "debug", "port", "host", "batch", "epoch", "epochs", "interval",
        "steps", "iters", "iterations", "lr", "rate", "decay", "momentum", "dropout", "size", "dim", "layers", "channels", "height", "width", "lambda",
        "beta", "b1", "b2", "warmup", "accumulation", "resume", "dataset", "split", "fold", "threads", "n",
    };

    /// <summary>
    /// `exec(open('configurator.py').read())` where that file parses sys.argv: every module-level name becomes a command-line
    /// override (`--start="..."`); it takes user input when one of those names is data (start, prompt, input, image…).
    /// </summary>
    /// <summary>Words that name an input to predict on rather than the training data (--prompt, --image, --text).</summary>
    private static readonly HashSet<string> PredictionWords = ["image", "img", "text", "prompt", "query", "sentence", "start", "audio", "video", "question", "instruction", "photo", "picture", "string", "review", "message", "style", "url"];

    private static bool NamesPredictionInput(CliOption o) =>
        (o.Dest ?? o.Flags.FirstOrDefault() ?? string.Empty).TrimStart('-').Replace('-', '_').Split('_', StringSplitOptions.RemoveEmptyEntries)
            .Any(w => PredictionWords.Contains(w.ToLowerInvariant()));

    /// <summary>Words that name a sample to run the model on (--image, --image_path, --text, --prompt, --audio), not a setting (--swa_start).</summary>
    private static readonly HashSet<string> MediaInputWords = ["image", "img", "images", "text", "prompt", "query", "sentence", "audio", "wav", "video", "question", "photo", "picture", "url"];

    private static bool NamesMediaInput(CliOption o) => NamesMedia(OptionName(o));

    /// <summary>
    /// A script run from the command line on a sample the user names (a `__main__` guard and --image_path): a demo, even when
    /// its name looks like a test file (test_simple.py), since pytest neither parses options nor runs `__main__`.
    /// </summary>
    private static bool IsMediaInputScript(ModuleSummary m) =>
        m.MainGuardLine is not null && !m.IsNotebook && m.CliOptions.Any(o => IsDataOption(o, named: true) && NamesMediaInput(o));

    /// <summary>
    /// Whether a notebook sets the sample to run on from a literal in a cell: a string assigned to a name that says it is a
    /// sample (<c>text = "…"</c>, <c>img_url = '…'</c>, <c>prompt = "…"</c>), or a string passed to a function that prepares
    /// one (<c>get_text("VITS is Awesome!", hps)</c>).
    /// </summary>
    private static bool NotebookLiteralInput(ModuleSummary m) =>
        m.Assignments.Any(a => a.Literal is { Kind: LiteralKind.String } && NamesMedia(a.RawTarget))
        || m.Calls.Any(c => c.PositionalAt(0)?.Literal is { Kind: LiteralKind.String } && NamesMedia(c.RawTarget[(c.RawTarget.LastIndexOf('.') + 1)..]));

    /// <summary>A pretrained model loaded by its hub name (<c>GPT.from_pretrained("gpt2")</c>), not from a file or folder the project writes.</summary>
    private static bool LoadsHubModelByName(ModuleSummary m, PythonCall c)
    {
        if (!c.Target.EndsWith(".from_pretrained", StringComparison.Ordinal) || c.PositionalAt(0) is not { } arg)
        {
            return false;
        }

        // The name may be set in a cell of its own (model_type = 'gpt2-xl' … GPT.from_pretrained(model_type)).
        var name = arg.Literal?.AsString ?? m.Assignments.LastOrDefault(a => a.RawTarget == arg.Text && a.Line < c.Line)?.Literal?.AsString;
        return name is not null && !name.StartsWith('.') && !name.StartsWith('/') && name.Count(ch => ch == '/') <= 1;
    }

    private static bool NamesMedia(string name) =>
        name.Split('_', StringSplitOptions.RemoveEmptyEntries).Any(w => MediaInputWords.Contains(w.ToLowerInvariant()));

    /// <summary>Microphone or camera capture; cv2.VideoCapture only on a device number (a path is a video file).</summary>
    private static bool IsLiveCapture(PythonCall c) =>
        LiveCapture().IsMatch(c.Target) || c.Target == "cv2.VideoCapture" && c.PositionalAt(0)?.Literal is { Kind: LiteralKind.Int };

    [System.Text.RegularExpressions.GeneratedRegex(@"^(sounddevice\.(InputStream|RawInputStream|rec)|pyaudio\.PyAudio|speech_recognition\.Microphone|picamera2?\.)")]
    private static partial System.Text.RegularExpressions.Regex LiveCapture();

    private static bool ExecsArgvConfigurator(ProjectModel project, ModuleSummary m)
    {
        var exec = m.Calls.FirstOrDefault(c => c.Target == "exec" && c.Arguments.Any(a => a.Text.Contains("open(", StringComparison.Ordinal)));
        if (exec is null)
        {
            return false;
        }

        var file = System.Text.RegularExpressions.Regex.Match(exec.Arguments[0].Text, @"[""']([\w./-]+\.py)[""']");
        var dir = m.Path.Contains('/', StringComparison.Ordinal) ? m.Path[..(m.Path.LastIndexOf('/') + 1)] : string.Empty;
        var target = file.Success ? project.PythonModules.FirstOrDefault(o => o.Path == file.Groups[1].Value || o.Path == dir + file.Groups[1].Value) : null;
        return target is not null && target.Names.Contains("argv")
            && m.Assignments.Any(a => a.IsModuleLevel && a.RawTarget.Split('_').Any(w => DataWords.Contains(w.ToLowerInvariant())));
    }

    /// <inheritdoc />
    public override Finding Run(ProjectModel project)
    {
        // A generic web or widget framework is only a predictor when the app (or the project code it imports) uses a model: an
        // ipywidgets @interact that replots a leaderboard or a Dash dashboard of metrics lets no one try the model.
        // An app inside a vendored copy of another project (a library's example app under its own licence, transformers'
        // examples/…/eli5_app.py) serves that project's models, not this one's.
        var appTools = project.Tools.Apps.Where(a => !project.IsVendoredPackagePath(a.Path) && (ServingTools.Contains(a.Name) || AppUsesModel(project, a.Path))).ToList();
        var apps = appTools.Select(a => Evidence.At(a.Path, a.Line, $"{a.Name} app")).ToList();
        foreach (var d in project.Docs.Where(d => d.FrontMatter?.Sdk is not null))
        {
            apps.Add(Evidence.At(d.Path, d.FrontMatter!.Line, $"Hugging Face Space (sdk: {d.FrontMatter.Sdk})"));
        }

        foreach (var c in project.Containers.Where(c => c.Kind == ContainerKind.Cog))
        {
            apps.Add(Evidence.At(c.Path, null, "Cog predictor (cog predict -i …)"));
        }

        if (apps.Count > 0)
        {
            // An app that imports a project module which is not there (src.eval_utils when the file is src/utils/eval_utils.py)
            // fails on start: users cannot try it as committed.
            var broken = appTools.Select(a => (App: a, Missing: project.LocalModules.MissingLocalImport(a.Path))).Where(x => x.Missing is not null).ToList();
            if (broken.Count > 0 && broken.Count == appTools.Count)
            {
                return Found(Outcome.Partial, "an app or API is there, but it imports a project module that does not exist, so it fails as committed.",
                    broken.Select(x => Evidence.At(x.App.Path, x.Missing!.Line, $"{x.App.Name} app imports {x.Missing.Module}, which is not in the project")).Concat(apps),
                    "Fix the app's imports so it starts from a fresh clone, and show how to run it in the README.");
            }

            return Found(Outcome.Met, "an app or API lets users try the model on their own input.", apps);
        }

        var scripts = new List<(ModuleSummary M, int Line, string Load, bool UserInput)>();
        // A vendored copy of another project (peft's example notebooks under its own licence) demonstrates that project's models.
        foreach (var m in project.PythonModules.Where(m => (!Analysis.ConfigAnalysis.IsTestOrTooling(m.Path) || IsMediaInputScript(m)) && !project.IsVendoredPackagePath(m.Path)))
        {
            // An inference notebook (a demo, a Colab) that loads trained weights, trains nothing and sets the sample in a cell
            // (text = "…", img_url = '…', get_text("…")): its input cell is the form the user types into, so it counts as taking
            // the user's input. A notebook that trains and then predicts on examples is not one (a tutorial).
            // A notebook that only prompts a hub model by name (from_pretrained("gpt2")) tries someone else's weights, not the
            // model the project trains.
            var notebookLoad = m.IsNotebook && NotebookLiteralInput(m) && !Analysis.RandomnessAnalysis.TrainsOrTunes(m)
                ? m.Calls.FirstOrDefault(c => (IsModelLoad(c) || c.Target.EndsWith("load_checkpoint", StringComparison.Ordinal)) && !LoadsHubModelByName(m, c)) : null;
            var notebookInput = notebookLoad is not null;
            var load = notebookLoad ?? m.Calls.FirstOrDefault(IsModelLoad);
            if (load is null)
            {
                // An entry script whose --mode offers prediction (`main.py --mode sample --src_dir … --ref_dir …`) often loads the
                // model through the project modules it imports (a solver, a checkpoint helper) rather than in its own body.
                if (PredictionSwitch(project, m) is { } mode && m.CliOptions.Any(o => IsDataOption(o, named: true)) && project.LocalModules.Closure(m.Path).Where(p => p != m.Path)
                        .Order(StringComparer.Ordinal).Select(p => project.LocalModules.ByPath[p]).FirstOrDefault(o => o.Calls.Any(IsModelLoad)) is { } loader)
                {
                    scripts.Add((m, mode.Line, $"{loader.Calls.First(IsModelLoad).RawTarget} in {loader.Path}, through its prediction mode", true));
                }

                continue;
            }

            var name = m.Path[(m.Path.LastIndexOf('/') + 1)..].ToLowerInvariant();

            // Whatever its name (test.py, test_simple.py, run.py), a script that loads the trained model, takes no training step
            // and names the input it predicts on (--image, --image_path, --text, --prompt) is a predictor: `python test.py --image
            // my.png --mask my_mask.png` runs the model on the user's own file.
            var namedInput = m.CliOptions.Any(o => IsDataOption(o, named: true) && NamesMediaInput(o))
                && !project.LocalModules.Closure(m.Path).Any(p => project.LocalModules.ByPath.TryGetValue(p, out var o) && Analysis.RandomnessAnalysis.TrainsOrTunes(o));
            var predictLike = namedInput || notebookInput || PredictNames.Any(n => name.Contains(n, StringComparison.Ordinal)) || m.Functions.Any(f => NamesPrediction(f.Name));
            if (!predictLike)
            {
                continue;
            }

            // A training script that reloads a checkpoint to resume (`--epoch N` → load_state_dict) or starts from pretrained
            // weights (from_pretrained → Trainer.train()) predicts nothing; its generic data options (--input-file, --data-path)
            // name the training data, not an input to predict on.
            if (m.Calls.Any(TrainingStep) && !m.CliOptions.Any(o => IsDataOption(o, named: true) && NamesPredictionInput(o)))
            {
                continue;
            }

            // The custom input must be data (a path, an image, a prompt), not hyperparameter flags.
            var userInput = m.CliOptions.Any(o => IsDataOption(o) && !IsSwitch(m, o)) || m.Calls.Any(c => c.Target is "input" || Python.CliOptionExtractor.IsFunctionCli(c.Target))
                || (m.Names.Contains("argv") && m.CliOptions.Length == 0) || ExecsArgvConfigurator(project, m) || notebookInput;
            scripts.Add((m, load.Line, load.RawTarget, userInput));
        }

        var interactive = scripts.Where(s => s.UserInput).ToList();

        // A live demo: a script that feeds microphone or camera input to the model (sounddevice.InputStream → predictor.predict).
        var live = project.PythonModules.Where(m => !Analysis.ConfigAnalysis.IsTestOrTooling(m.Path))
            .Select(m => (M: m, Capture: m.Calls.FirstOrDefault(IsLiveCapture)))
            .Where(x => x.Capture is not null && (x.M.Calls.Any(c => c.Target.EndsWith("predict", StringComparison.Ordinal) || c.Target.EndsWith(".generate", StringComparison.Ordinal))
                || scripts.Any(s => x.M.Imports.Any(i => s.M.Path.EndsWith("/" + i.Module.Replace('.', '/') + ".py", StringComparison.Ordinal) || s.M.Path == i.Module.Replace('.', '/') + ".py"))))
            .ToList();
        if (interactive.Count == 0 && live.Count > 0)
        {
            return Found(Outcome.Met, $"{live[0].M.Path} runs the model on live input (microphone or camera) from the user.",
                live.Select(x => Evidence.At(x.M.Path, x.Capture!.Line, "captures live input and predicts on it", x.Capture.RawTarget)));
        }
        if (interactive.Count > 0)
        {
            return Found(Outcome.Met, $"{interactive[0].M.Path} loads the trained model and takes the input from the user.",
                interactive.Select(s => Evidence.At(s.M.Path, s.Line, $"loads the model ({s.Load}) and accepts {(s.M.CliOptions.Length > 0 ? Count(s.M.CliOptions.Length, "command-line option") : s.M.IsNotebook ? "the input set in a notebook cell" : "user input")}")));
        }

        if (scripts.Count > 0)
        {
            return Found(Outcome.Partial, "a script runs the model, but only on a fixed input: users must edit code to try their own.",
                scripts.Select(s => Evidence.At(s.M.Path, s.Line, $"loads the model ({s.Load}) without taking user input")),
                "Let the script take the input path or values from the command line.");
        }

        var saves = project.PythonModules.SelectMany(m => m.Calls.Where(c => (ModelSaveSuffixes.Any(s => c.Target.EndsWith(s, StringComparison.Ordinal)) && !c.Target.EndsWith("savefig", StringComparison.Ordinal) && !NotModelSave().IsMatch(c.RawTarget))
            || c.Target.EndsWith("ModelCheckpoint", StringComparison.Ordinal) || c.Keyword("model_file") is not null).Select(c => Evidence.At(m.Path, c.Line, $"saves a model ({c.RawTarget})"))).ToList();

        // Checkpoint callbacks instantiated from config (Hydra `_target_: lightning.pytorch.callbacks.ModelCheckpoint`).
        saves.AddRange(project.ConfigFiles.SelectMany(f => f.Entries.Where(e => e.KeyPath.EndsWith("_target_", StringComparison.Ordinal) && e.Value is { } v && v.EndsWith("ModelCheckpoint", StringComparison.Ordinal))
            .Select(e => Evidence.At(f.Path, e.Line, $"saves a model ({e.Value})"))));
        if (saves.Count > 0)
        {
            return Found(Outcome.Partial, "the model is saved, but nothing shows how to use it on new input.", saves.Take(4));
        }

        // Batch scoring of the fixed test file into a submission (df_sub.to_csv(...), sample_submission.csv): predictions, but not on the user's input.
        var batch = project.PythonModules.Where(m => !Analysis.ConfigAnalysis.IsTestOrTooling(m.Path) && m.Calls.Any(c => c.Target.EndsWith("predict", StringComparison.Ordinal) || c.Target.EndsWith("predict_proba", StringComparison.Ordinal) || c.Target.Contains("predict_", StringComparison.Ordinal)))
            .SelectMany(m => m.Calls.Where(c => c.Target.EndsWith(".to_csv", StringComparison.Ordinal) && (SubmissionName().IsMatch(c.RawTarget) || c.Arguments.Any(a => SubmissionName().IsMatch(a.Text))))
                .Select(c => Evidence.At(m.Path, c.Line, "writes predictions for the fixed test set to a submission file", c.RawTarget))).Take(3).ToList();

        // A project helper that writes the submission (`def save_submit_file(pred, filename): pred.to_csv(path)`) called by the
        // scripts that predict: the to_csv sits in a module of its own, and its path is a variable.
        if (batch.Count == 0 && project.PythonModules.Any(m => !Analysis.ConfigAnalysis.IsTestOrTooling(m.Path) && m.Calls.Any(c => c.Target.EndsWith("predict", StringComparison.Ordinal) || c.Target.EndsWith("predict_proba", StringComparison.Ordinal))))
        {
            batch.AddRange(project.PythonModules.Where(m => !Analysis.ConfigAnalysis.IsTestOrTooling(m.Path))
                .SelectMany(m => m.Calls.Where(c => c.Target.EndsWith(".to_csv", StringComparison.Ordinal)
                        && m.Functions.Any(f => f.Line <= c.Line && c.Line <= f.EndLine && SubmitFunction().IsMatch(f.Name)))
                    .Select(c => Evidence.At(m.Path, c.Line, "a submission helper writes predictions for the fixed test set to a file", c.RawTarget))).Take(3));
        }

        // Batch scoring whatever the file is called (xgb_cv10_<loss>.csv, p_svm.csv): the value a predict call returns, or a frame
        // built from it, written to a file (DataFrame.to_csv, numpy.savetxt). Reviewers read this as predictions for the fixed
        // test file, the same as a submission.
        if (batch.Count == 0)
        {
            batch.AddRange(project.PythonModules.Where(m => !Analysis.ConfigAnalysis.IsTestOrTooling(m.Path))
                .SelectMany(m => PredictionWrites(m).Select(c => Evidence.At(m.Path, c.Line, "writes the model's predictions for a fixed input file to a file", c.RawTarget))).Take(3));
        }

        if (batch.Count > 0)
        {
            return Found(Outcome.Partial, "the model only scores the fixed test file in batch (a submission file); there is no way to give it a custom input.", batch,
                "Save the trained model and add a predict script or app that takes the user's input.");
        }

        // A script that loads a saved model and predicts with it (an evaluation step: mlflow.sklearn.load_model(path) then
        // model.predict(X_test)): the kept model is used, but only on the fixed test data the script reads.
        var scorers = project.PythonModules.Where(m => !Analysis.ConfigAnalysis.IsTestOrTooling(m.Path) && m.Calls.Any(c => c.Target.EndsWith(".predict", StringComparison.Ordinal) || c.Target.EndsWith(".predict_proba", StringComparison.Ordinal)))
            .Select(m => (M: m, Load: m.Calls.FirstOrDefault(IsModelLoad))).Where(x => x.Load is not null)
            .Select(x => Evidence.At(x.M.Path, x.Load!.Line, $"loads the saved model ({x.Load.RawTarget}) and predicts on the data the script reads")).Take(3).ToList();
        if (scorers.Count > 0)
        {
            return Found(Outcome.Partial, "a script loads the saved model and predicts on a fixed data set; there is no way to give it a custom input.", scorers,
                "Add a predict script or app that takes the user's input (a file path or values on the command line).");
        }

        return Found(Outcome.NotMet, "there is no way to try the model on a custom input.",
            Evidence.Repo($"searched {Count(project.PythonModules.Count, "Python module")} for app frameworks ({string.Join(", ", Ecosystem.Apps.Take(6).Select(a => a.Name))}…), predict/inference scripts and saved models"));
    }

    /// <summary>
    /// A call that trains the model: a backward pass, a Keras/scikit-learn fit, a Hugging Face or Lightning trainer's train(), a
    /// gradient-boosting train, a stable-baselines learn. Not env.step(): an RL enjoy script steps its environment to play.
    /// </summary>
    private static bool TrainingStep(PythonCall c) =>
        c.Target.EndsWith(".backward", StringComparison.Ordinal) || c.Target.EndsWith(".fit", StringComparison.Ordinal) || c.Target.EndsWith(".fit_generator", StringComparison.Ordinal)
        || c.Target is "xgboost.train" or "lightgbm.train" || c.Target.EndsWith(".learn", StringComparison.Ordinal)
        || (c.Target.EndsWith(".train", StringComparison.Ordinal) && c.Target.Contains("trainer", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A call that loads trained weights: a known loader, or TensorFlow's read of a checkpoint's variables
    /// (<c>tf.train.load_variable(ckpt_dir, name)</c>, <c>tf.contrib.framework.load_variable</c>) to assign them to the graph.
    /// </summary>
    private static bool IsModelLoad(PythonCall c) => ModelLoadSuffixes.Any(s => c.Target.EndsWith(s, StringComparison.Ordinal))
        || c.Target.EndsWith(".load_variable", StringComparison.Ordinal) && c.Target.StartsWith("tensorflow.", StringComparison.Ordinal)
        || BuiltFromCheckpoint(c);

    /// <summary>
    /// A model built with its trained weights passed in: <c>sam_model_registry[args.model_type](checkpoint=args.checkpoint)</c>,
    /// <c>build_model(cfg, ckpt_path=path)</c>. The keyword names a checkpoint file, and a value other than None loads it.
    /// </summary>
    private static bool BuiltFromCheckpoint(PythonCall c)
    {
        foreach (var a in c.Arguments)
        {
            if (a.Keyword is "checkpoint" or "checkpoint_path" or "ckpt" or "ckpt_path" or "checkpoint_file" or "weights_path" && a.Literal is not { Kind: LiteralKind.None or LiteralKind.Bool })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Frameworks that exist only to serve a model (a BentoML service, a TorchServe handler): an app whatever the code around it.</summary>
    private static readonly HashSet<string> ServingTools = new(StringComparer.Ordinal) { "BentoML", "Cog", "MLflow pyfunc", "TorchServe", "Ray Serve", "LitServe", "KServe", "Seldon Core", "Triton" };

    /// <summary>Calls that run or reach a model: a load, a predict/generate/chat, a pipeline, a hub model, or a request to a model server.</summary>
    private static bool IsModelUse(PythonCall c) =>
        IsModelLoad(c) || ModelUse().IsMatch(c.Target);

    /// <remarks>
    /// llama-cpp-python runs a local GGUF model in process: <c>llama_cpp.Llama(model_path=…)</c> loads it and
    /// <c>create_chat_completion</c>/<c>create_completion</c> generate from it (its documented high-level API).
    /// </remarks>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?:^|\.)(?:predict\w*|generate\w*|infer\w*|inference|chat|stream_chat|pipeline|load_weights|InferenceSession|transcribe|detect|classify|create_(?:chat_)?completion|(?:\w+_)?[Mm]odel)$|^torch\.hub\.load$|^llama_cpp\.Llama$|^(?:requests|httpx)\.post$")]
    private static partial System.Text.RegularExpressions.Regex ModelUse();

    /// <summary>Whether an app module, or a project module it imports, loads or calls a model.</summary>
    private static bool AppUsesModel(ProjectModel project, string path)
    {
        var paths = project.LocalModules.ByPath.ContainsKey(path) ? project.LocalModules.Closure(path) : (IReadOnlySet<string>)new HashSet<string>(StringComparer.Ordinal) { path };
        return paths.Any(p => (project.LocalModules.ByPath.TryGetValue(p, out var m) ? m : project.PythonModule(p)) is { } module
            && module.Calls.Any(IsModelUse));
    }

    /// <summary>Rounds of following assignments from a prediction (p = m.predict(x); out = pd.DataFrame(p); out.to_csv(…)).</summary>
    private const int MaxPredictionFlowRounds = 4;

    [System.Text.RegularExpressions.GeneratedRegex(@"\.predict(?:_proba)?\s*\(")]
    private static partial System.Text.RegularExpressions.Regex PredictCallText();

    private static bool IsFileWrite(PythonCall c) => c.Target.EndsWith(".to_csv", StringComparison.Ordinal) || c.Target is "numpy.savetxt";

    /// <summary>
    /// Writes of a module's predictions to a file: names assigned from a <c>.predict</c>/<c>.predict_proba</c> call (or from a value
    /// built of such names, a few rounds deep), then a <c>to_csv</c> on one of them or a <c>numpy.savetxt</c> of one, after the prediction.
    /// </summary>
    private static IEnumerable<PythonCall> PredictionWrites(ModuleSummary m)
    {
        // From the assignments, not the calls: a receiver that is a subscript (model_list[i].predict(z)) is no dotted call target.
        var predicted = m.Assignments.Where(a => PredictCallText().IsMatch(a.ValueText)).ToList();
        if (predicted.Count == 0)
        {
            return [];
        }

        var first = predicted.Min(a => a.Line);
        var names = predicted.Select(a => a.RawTarget).ToHashSet(StringComparer.Ordinal);
        for (var round = 0; round < MaxPredictionFlowRounds && names.Count > 0; round++)
        {
            foreach (var a in m.Assignments.Where(a => a.Line >= first && !names.Contains(a.RawTarget) && names.Any(n => MentionsName(a.ValueText, n))).ToList())
            {
                names.Add(a.RawTarget);
            }
        }

        // A frame built and written in one chain (pd.DataFrame({"Id": ids, "Hazard": pred}).set_index("Id").to_csv(…)): the
        // predictions are an argument of the call that starts the chain.
        bool ChainWrites(PythonCall c) => c.RawTarget.Contains("()", StringComparison.Ordinal) && m.Calls.Any(s => s.Line <= c.Line && s.Line >= first
            && c.RawTarget.StartsWith(s.RawTarget + "()", StringComparison.Ordinal) && s.Arguments.Any(a => names.Any(n => MentionsName(a.Text, n))));
        return names.Count == 0 ? [] : m.Calls.Where(c => c.Line >= first && IsFileWrite(c)
            && (c.Target is "numpy.savetxt" ? c.Arguments.Skip(1).Take(1).Any(a => names.Any(n => MentionsName(a.Text, n))) : names.Any(n => MentionsName(c.RawTarget, n)) || ChainWrites(c)));
    }

    /// <summary>Whether an expression mentions a name as a whole identifier (p in np.hstack((ids, p)), not in np).</summary>
    private static bool MentionsName(string text, string name) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, $@"(?<![\w.]){System.Text.RegularExpressions.Regex.Escape(name)}(?!\w)");

    /// <summary>Modes a run-mode option offers for using a trained model on new input (not "test"/"eval": those score the fixed test set).</summary>
    private static readonly HashSet<string> PredictionModes = new(StringComparer.Ordinal) { "sample", "predict", "prediction", "infer", "inference", "demo", "generate", "translate", "synthesize" };

    private static string OptionName(CliOption o) => (o.Dest ?? o.Flags.FirstOrDefault(f => f.StartsWith("--", StringComparison.Ordinal)) ?? string.Empty).TrimStart('-').Replace('-', '_');

    private static bool IsPredictionModeOption(CliOption o) => OptionName(o) is "mode" or "phase" or "run_mode" or "action" or "task";

    /// <summary>Flags that switch an entry script to prediction (<c>--do_predict</c>: "whether to predict unseen future data").</summary>
    private static readonly HashSet<string> PredictionFlags = new(StringComparer.Ordinal) { "do_predict", "predict", "do_inference", "inference", "infer" };

    /// <summary>
    /// The option that switches the script to prediction: a run mode offering it (<see cref="OffersPredictionMode"/>) or a
    /// prediction flag given on the command line (argparse <c>--do_predict</c>); null when there is none.
    /// </summary>
    private static CliOption? PredictionSwitch(ProjectModel project, ModuleSummary m) =>
        OffersPredictionMode(project, m) ? m.CliOptions.First(IsPredictionModeOption)
            : m.CliOptions.FirstOrDefault(o => o.Framework == "argparse" && PredictionFlags.Contains(OptionName(o)));

    /// <summary>Lines after an option's add_argument line that its choices may still be on.</summary>
    private const int MaxOptionContinuationLines = 3;

    /// <summary>
    /// Whether the script has a run-mode option offering a prediction mode: among its choices (<c>choices=['train', 'sample']</c>,
    /// on the add_argument lines) or compared with it (<c>elif args.mode == 'sample':</c>).
    /// </summary>
    private static bool OffersPredictionMode(ProjectModel project, ModuleSummary m)
    {
        if (m.IsNotebook || project.Text(m.Path) is not { } text)
        {
            return false;
        }

        foreach (var o in m.CliOptions.Where(IsPredictionModeOption))
        {
            var name = OptionName(o);
            if (m.StringLiterals.Any(l => PredictionModes.Contains(l.Value) && l.Line >= 1 && l.Line <= text.LineCount
                && ((l.Line >= o.Line && l.Line <= o.Line + MaxOptionContinuationLines) || System.Text.RegularExpressions.Regex.IsMatch(text.GetLine(l.Line), $@"\b{name}\b\W*(?:==|!=|\bin\b)"))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A submission file or frame (df_sub, submission_file, sample_submission.csv).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?i)submit|submission")]
    private static partial System.Text.RegularExpressions.Regex SubmitFunction();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?i)(?:^|[\W_])sub(?:mission)?s?(?:[\W_]|$)|submission")]
    private static partial System.Text.RegularExpressions.Regex SubmissionName();

    /// <summary>
    /// `.save` calls that keep media, plots, arrays or data, not a model: self.video_recorder.save, img.save, fig.save, writer.save,
    /// np.save / np.savez (feature matrices), agent.trajectory_store.save, replay_buffer.save, dataset.save.
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?i)(?:(?:video|recorder|frame|image|img|picture|photo|fig|plot|chart|audio|wav|gif|writer|workbook|excel|doc|pdf|store|buffer|trajector|replay|memory|dataset|feature|array|matrix|submission|result)\w*\.save\w*$|^(?:np|numpy)\.save\w*$)")]
    private static partial System.Text.RegularExpressions.Regex NotModelSave();
}
