using MLRepro.Analysis;
using MLRepro.Checks.Environment;
using MLRepro.Findings;
using MLRepro.Knowledge;
using MLRepro.Model;
using MLRepro.Python;

namespace MLRepro.Checks.Code;

/// <summary>code.deterministic — running the code several times on the example input gives the same output.</summary>
public sealed partial class CodeDeterministicCheck : CheckBase
{
    /// <inheritdoc />
    public override CheckInfo Info { get; } = new(
        "code.deterministic",
        StarLevel.Code,
        "Same input, same output",
        "Running the code several times on the example input must give the same output (the same weights, the same metrics). " +
        "Every random number generator in use must be seeded; GPU kernel nondeterminism alone does not fail this criterion.",
        "Statically: every randomness source (Python random, NumPy legacy and Generator APIs, PyTorch, TensorFlow/Keras, JAX, " +
        "scikit-learn random_state, pandas sample, DataLoader shuffling, XGBoost/LightGBM/CatBoost seeds, and gym/gymnasium environments, " +
        "whose own RNG only reset(seed=…), env.seed(…), action_space.seed(…) or make_vec_env(seed=…) seeds) is matched against the " +
        "seeding calls of the process that runs it (each documented script, or each `__main__` script when none is documented; a seed " +
        "in one script does not seed another), and only the draws made after them: a flat script runs top to bottom, and Hugging Face " +
        "TrainingArguments seed where the Trainer is built (in another module when a helper builds them), so LoRA adapters or dataset " +
        "shuffles made before it are unseeded. An unseeded draw in a training run or a pipeline stage fails; draws only in side runs " +
        "(sampling, demos, evaluation scripts) beside seeded training runs, or a seed option that is off by default (None, -1), are " +
        "Partial; draws in scripts that do not train (data generation, tools) or in a sub-project with its own README are shown but not " +
        "counted. Where nothing trains and the code loads a checkpoint (load_state_dict, from_pretrained), the layers' initialisation draws " +
        "are overwritten by the loaded weights and not counted (a released model's inference code). " +
        "A seed whose value cannot be traced is still a seed. `mlrepro verify` proves it by running twice and comparing every output.",
        "Seed every generator once at start-up (random.seed, numpy.random.seed, torch.manual_seed, tf.random.set_seed) and pass " +
        "random_state= to scikit-learn estimators and splitters; then run `mlrepro verify` to prove two runs match.",
        [],
        ProvenOnlyByRunning: true);

    /// <inheritdoc />
    public override Finding Run(ProjectModel project)
    {
        var r = project.Randomness;
        var modules = project.PythonModules.Count;
        if (!r.Unseeded.Any() && TemplateValues(project) is { Count: > 0 } unset)
        {
            return Found(Outcome.Inconclusive, $"the committed config is a template ({Count(unset.Count, "required value")} left empty): the code cannot run as committed, and what is random depends on what the user fills in.",
                unset, "Fill in the template's required values, then run `mlrepro verify`.");
        }

        if (r.Uses.Length == 0)
        {
            return Found(Outcome.Met, $"no source of randomness was found in {Count(modules, "Python module")}; the output should not vary between runs (not verified by running).",
                Evidence.Repo($"searched {Count(modules, "Python module")} for {RandomnessTable.KnownApiCount} known randomness APIs"));
        }

        var all = r.Unseeded.ToList();
        var judged = Judge(project, r, all);
        var unseeded = judged is { } j0 ? j0.Core : all;
        var pretrained = judged is { Training.Count: 0 };
        var notCounted = judged is { } j1 ? j1.Auxiliary.Take(5).Select(u => Evidence.At(u.Path, u.Line,
            pretrained ? $"{Short(u.Target)} initialises weights that the loaded checkpoint replaces (not counted)" : $"{Short(u.Target)} is not seeded, outside the training runs (not counted)", u.Target)).ToList() : [];
        if (unseeded.Count > 0)
        {
            var libs = unseeded.Select(u => u.Library is { } l ? RandomnessTable.DisplayName(l) : u.Target).Distinct().ToList();
            if (OptionalSeed(project, r, unseeded) is { } optional)
            {
                // `if args.seed is not None: torch.manual_seed(args.seed)` with `--seed` defaulting to None: every generator is seeded
                // when the user asks for it, and none by default.
                return Found(Outcome.Partial, $"the code seeds every generator only when a seed is given: {optional.Note}, so a run without it is not seeded ({Count(unseeded.Count, "randomness source")}: {List(libs)}).",
                    unseeded.Select(u => Describe(r, u)).Prepend(optional), "Give the seed option a fixed default (e.g. `default=42`) so that a plain run is seeded, then run `mlrepro verify`.");
            }

            return Found(Outcome.NotMet, $"{Count(unseeded.Count, "randomness source")} {(unseeded.Count == 1 ? "is" : "are")} not seeded ({List(libs)}): two runs will give different outputs.",
                unseeded.Select(u => Describe(r, u)));
        }

        if (judged is { Side.Count: > 0 } side)
        {
            // The runs that train are seeded; what varies is a side run's output (sampling, a demo, an evaluation, an
            // explanation): the weights and training metrics repeat, that output does not.
            var libs = side.Side.Select(u => u.Library is { } l ? RandomnessTable.DisplayName(l) : u.Target).Distinct().ToList();
            return Found(Outcome.Partial, (side.Training.Count == 1 ? $"the training run ({side.Training[0]}) is seeded, " : $"the {side.Training.Count} training runs are seeded ({List(side.Training.Take(3).ToList())}), ") +
                $"but {Count(side.Side.Count, "randomness source")} in runs that do not train {(side.Side.Count == 1 ? "is" : "are")} not ({List(side.SideScripts.Take(3).ToList())}: {List(libs)}): their outputs differ between runs.",
                side.Side.Select(u => Describe(r, u)).Concat(notCounted),
                "Seed the sampling, demo and evaluation scripts too (random.seed, numpy.random.seed, torch.manual_seed, or a seeded generator), then run `mlrepro verify`.");
        }

        if (OptionalSeed(project, r, []) is { } onRequest)
        {
            // `if args.seed != -1: seed_everything(args.seed)`: seeded with --seed, not by default.
            return Found(Outcome.Partial, $"every generator is seeded, but only when a seed is given: {onRequest.Note}, so a plain run is not seeded.",
                [onRequest], "Give the seed option a fixed default (e.g. `default=42`) so that a plain run is seeded, then run `mlrepro verify`.");
        }

        // A seed whose value mlrepro cannot trace (`set_seed(training_args.seed)`, `torch.manual_seed(seed)` in a helper) is still a
        // seed: careful reviewers read it as one. Where its value comes from is unknown (a parameter, a computed value, a
        // constant mlrepro could not resolve), so the evidence does not say which; it is listed so the user can check it,
        // and `mlrepro verify` proves it.
        var untraced = r.Seeds.Where(s => s.Origin == SeedOrigin.Unknown).Select(s => Evidence.At(s.Path, s.Line, $"seeds {string.Join(", ", s.Libraries.Select(RandomnessTable.DisplayName))} with a value mlrepro could not trace (check where it comes from)", s.ValueText))
            .Concat(r.Uses.Where(u => u.LocalSeed == SeedOrigin.Unknown).Select(u => Evidence.At(u.Path, u.Line, $"{Short(u.Target)} seeded with a value mlrepro could not trace (check where it comes from)", u.ValueText)))
            .ToList();

        var evidence = r.Seeds.Where(s => s.Origin is not (SeedOrigin.None or SeedOrigin.Unknown)).Select(s => Evidence.At(s.Path, s.Line, $"seeds {string.Join(", ", s.Libraries.Select(RandomnessTable.DisplayName))}", s.ValueText))
            .Concat(r.Uses.Where(u => u.LocalSeed is { } o && o is not (SeedOrigin.None or SeedOrigin.Unknown)).Take(10).Select(u => Evidence.At(u.Path, u.Line, $"{Short(u.Target)} seeded locally", u.ValueText)))
            .Concat(untraced.Take(10)).Concat(notCounted).ToList();
        // The scale does not fail this criterion for GPU kernel nondeterminism, but the user should know that seeding
        // alone does not make GPU runs bit-identical (atomics, cuDNN autotuning); verified on an H200 (bench/gpu).
        if (!r.Settings.Any(s => s.Good && DeterministicKernelSettings.Contains(s.Name)) &&
            EnvHardwareCheck.GpuUses(project).FirstOrDefault() is { } gpu)
        {
            return Found(Outcome.Met, $"{(pretrained ? NothingTrains(all.Count) : all.Count > 0 ? $"the runs that train are seeded ({Count(all.Count, "draw")} outside the training runs — data generation, tools, sub-projects — are not counted)" : AllSeeded(r.Uses.Length))} (not verified by running); on a GPU, kernels with atomics and cuDNN autotuning " +
                "may still change the last bits between runs, which the scale does not count against this criterion — for bit-identical GPU runs call " +
                "torch.use_deterministic_algorithms(True) with CUBLAS_WORKSPACE_CONFIG=:4096:8 (TensorFlow: enable_op_determinism()).",
                evidence.Append(gpu with { Note = "runs on a GPU without deterministic kernels" }));
        }

        return Found(Outcome.Met, $"{(pretrained ? NothingTrains(all.Count) : all.Count > 0 ? $"the runs that train are seeded ({Count(all.Count, "draw")} outside the training runs — data generation, tools, sub-projects — are not counted)" : AllSeeded(r.Uses.Length))}; runs should repeat exactly (not verified by running).", evidence);
    }

    private static string NothingTrains(int draws) =>
        $"nothing in the project trains, and its {Count(draws, "weight-initialisation draw")} {(draws == 1 ? "is" : "are")} overwritten by the loaded checkpoint (not counted)";

    /// <summary>
    /// Sorts the unseeded draws by the run they belong to, when at least one process trains (else null: every draw counts).
    /// Core: in a run that trains, in a pipeline stage (its outputs feed the next stage), or in code no known script runs.
    /// Side: only in side runs — scripts that do not train and whose name says they sample, generate, evaluate, predict, serve a
    /// demo or plot (their outputs vary, the model does not). Auxiliary: only in other scripts that do not train (data
    /// generation through an API, downloads, conversions, one-off tools), or in the training runs of a sub-project with its own
    /// README beside the project's own training runs: reviewers judge the runs that produce the model, and these are not counted.
    /// </summary>
    internal static (List<RandomUse> Core, List<RandomUse> Side, List<RandomUse> Auxiliary, List<string> Training, List<string> SideScripts)? Judge(ProjectModel project, RandomnessAnalysis r, IReadOnlyList<RandomUse> unseeded)
    {
        var training = r.Processes.Where(p => p.Trains).ToList();
        if (training.Count == 0)
        {
            // Nothing trains, and the model's weights are loaded from a checkpoint (load_state_dict, from_pretrained): the draws
            // that initialise the layers are overwritten before any output is computed (a released model's inference code).
            var init = LoadsWeights(project) ? unseeded.Where(u => InitialisesWeights(project, u)).ToList() : [];
            return init.Count == 0 ? null : ([.. unseeded.Except(init)], [], init, [], []);
        }

        var stages = project.EntryPoints.All.Where(e => e.Kind is EntryPointKind.Pipeline or EntryPointKind.MLproject && e.Script is not null)
            .Select(e => e.Script!).ToHashSet(StringComparer.Ordinal);

        // A sub-project with its own README (a baseline vendored for comparison, another paper's code) is judged as a module of
        // its own, as code.runs reads a sub-folder's document: when the project's own training runs exist outside such folders,
        // the sub-project's runs are not the ones the project documents.
        var readmeFolders = project.Index.Files.Select(f => f.Path).Where(p => p.Contains('/') && p[(p.LastIndexOf('/') + 1)..].StartsWith("readme", StringComparison.OrdinalIgnoreCase))
            .Select(p => p[..(p.LastIndexOf('/') + 1)]).ToList();
        bool InSubProject(string path) => readmeFolders.Any(f => path.StartsWith(f, StringComparison.Ordinal));
        if (training.Any(p => !InSubProject(p.Root)))
        {
            training = [.. training.Where(p => !InSubProject(p.Root))];
        }

        var (core, side, aux, sideScripts) = (new List<RandomUse>(), new List<RandomUse>(), new List<RandomUse>(), new List<string>());
        foreach (var u in unseeded)
        {
            var runs = r.Processes.Where(p => p.Modules.Contains(u.Path)).ToList();
            if (runs.Count == 0 || runs.Any(p => training.Contains(p) || stages.Contains(p.Root)))
            {
                core.Add(u);
            }
            else if (FeedsTraining(u.Path) || runs.Any(p => FeedsTraining(p.Root)) || NamedInConfig(project, u.Path))
            {
                // A data preparation step (split.py, features/create.py, preprocess.py) makes what training reads, and a module a
                // config names for instantiation (a Hydra _target_) runs inside the training run that loads it.
                core.Add(u);
            }
            else if (runs.All(p => IsSideRun(p.Root)))
            {
                side.Add(u);
                sideScripts.AddRange(runs.Select(p => p.Root).Where(x => !sideScripts.Contains(x)));
            }
            else
            {
                aux.Add(u);
            }
        }

        return (core, side, aux, training.Select(p => p.Root).ToList(), sideScripts);
    }

    /// <summary>Calls that load trained weights into a model built in code.</summary>
    private static readonly string[] WeightLoads = [".load_state_dict", ".from_pretrained", ".load_weights", "torch.load", "torch.jit.load", "torch.hub.load", "safetensors.torch.load_file", "safetensors.torch.load_model"];

    /// <summary>Whether the project's own code (not tests or tooling) loads trained weights.</summary>
    private static bool LoadsWeights(ProjectModel project) =>
        project.PythonModules.Any(m => !Analysis.ConfigAnalysis.IsTestOrTooling(m.Path)
            && m.Calls.Any(c => WeightLoads.Any(w => w.StartsWith('.') ? c.Target.EndsWith(w, StringComparison.Ordinal) : c.Target == w)));

    /// <summary>
    /// A draw that initialises a model's weights: a layer constructor or initialiser (the table's "weight initialisation"
    /// rows), a random tensor made a parameter on the same line (<c>self.proj = nn.Parameter(scale * torch.randn(w, d))</c>),
    /// or one registered as a buffer (<c>self.register_buffer("gaussian", scale * torch.randn(2, n))</c>: buffers are in the
    /// state dict too).
    /// </summary>
    private static bool InitialisesWeights(ProjectModel project, RandomUse u) =>
        u.Note.Contains("weight initialisation", StringComparison.Ordinal)
        || project.PythonModule(u.Path) is { } m && (m.Assignments.Any(a => a.Line == u.Line
            && (a.ValueText.StartsWith("nn.Parameter(", StringComparison.Ordinal) || a.ValueText.StartsWith("torch.nn.Parameter(", StringComparison.Ordinal) || a.ValueText.StartsWith("Parameter(", StringComparison.Ordinal)))
            || m.Calls.Any(c => c.Target.EndsWith(".register_buffer", StringComparison.Ordinal) && c.Line <= u.Line && c.Arguments.Any(a => a.Text.Contains(u.Target[(u.Target.LastIndexOf('.') + 1)..] + "(", StringComparison.Ordinal))
                && u.Line - c.Line <= 3));

    /// <summary>Whether a script's path says it prepares the data training reads (split, preprocess, features, create_data…).</summary>
    private static bool FeedsTraining(string path) => PreparesData().IsMatch(path.ToLowerInvariant());

    [System.Text.RegularExpressions.GeneratedRegex(@"(^|/|_)(split|splits|prepare|prep|preprocess|preprocessing|feature|features|featurize|create|make_dataset|build_dataset|build_features|process_data|clean|tokenize|augment|augmentation)(_|\.|/|$)")]
    private static partial System.Text.RegularExpressions.Regex PreparesData();

    /// <summary>Whether a committed parameter file names the module for instantiation (`_target_: src.models.net.Net`).</summary>
    private static bool NamedInConfig(ProjectModel project, string path)
    {
        if (!path.EndsWith(".py", StringComparison.Ordinal))
        {
            return false;
        }

        var dotted = path[..^3].Replace('/', '.');
        var last = dotted[(dotted.LastIndexOf('.') + 1)..];
        return project.Config.ParameterFiles.Any(f => project.Text(f.Path) is { } t
            && (t.Text.Contains(dotted + ".", StringComparison.Ordinal) || t.Text.Contains("." + last + ".", StringComparison.Ordinal)));
    }

    /// <summary>
    /// A seed option of a training run that is off by default — `--seed` with no default, `default=None` or a negative default
    /// (-1, "draw a random seed") — whose value the seeding calls take, when it explains every unseeded draw (each one's generator
    /// is seeded only from such a value, which is None by default). Null otherwise.
    /// </summary>
    internal static Evidence? OptionalSeed(ProjectModel project, RandomnessAnalysis r, IReadOnlyList<RandomUse> unseeded)
    {
        var training = r.Processes.Where(p => p.Trains).SelectMany(p => p.Modules).ToHashSet(StringComparer.Ordinal);
        foreach (var path in training.Order(StringComparer.Ordinal))
        {
            if (project.PythonModule(path) is not { } m)
            {
                continue;
            }

            foreach (var o in m.CliOptions)
            {
                var dest = o.Dest ?? o.Flags.FirstOrDefault()?.TrimStart('-');
                if (dest is null || !SeedOptionNames.Contains(dest.Replace('-', '_').ToLowerInvariant()) || !OffByDefault(o))
                {
                    continue;
                }

                bool Takes(string? value) => value is { } v && v != "None" && (v == dest || v.EndsWith("." + dest, StringComparison.Ordinal));
                var taking = r.Seeds.Where(x => Takes(x.ValueText)).ToList();
                if (taking.Count == 0)
                {
                    continue;
                }

                // Every unseeded draw's generator is one such a seed would seed (it is None by default, so nothing seeds it).
                var optionalLibraries = taking.SelectMany(x => x.Libraries).ToHashSet(StringComparer.Ordinal);
                if (unseeded.All(u => u.Library is { } lib ? optionalLibraries.Contains(lib) : Takes(u.ValueText)))
                {
                    var shown = o.Default is { } d ? $"default {d.Text}" : "no default";
                    return Evidence.At(path, o.Line, $"the seed option {o.Flags.FirstOrDefault() ?? dest} has {shown}, and the seeding calls take it", string.Join(", ", o.Flags));
                }
            }
        }

        return null;
    }

    /// <summary>"the one randomness source is seeded" / "all 4 randomness sources are seeded".</summary>
    private static string AllSeeded(int n) => n == 1 ? "the one randomness source is seeded" : $"all {Count(n, "randomness source")} are seeded";

    private static bool OffByDefault(CliOption o) =>
        o.Default is not { } d ? o.Framework == "argparse"
        : d.Literal is { Kind: LiteralKind.None } || d.Literal?.AsInt is < 0 || long.TryParse(d.Text.Replace(" ", string.Empty), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n) && n < 0;

    private static readonly HashSet<string> SeedOptionNames = new(StringComparer.Ordinal) { "seed", "random_seed", "manual_seed", "rng_seed", "randomseed", "global_seed" };

    /// <summary>Whether a script's name or folder says it uses a trained model rather than produces one (inference.py,
    /// web_demo.py, sample_images.py, eval/test.py, app/main.py, chat_gradio/app.py).</summary>
    internal static bool IsSideRun(string path)
    {
        var parts = path.ToLowerInvariant().Split('/');
        var name = parts[^1];
        var dot = name.LastIndexOf('.');
        var stem = dot > 0 ? name[..dot] : name;
        return (SideRunName().IsMatch(stem) && !MakesData().IsMatch(stem)) || parts[..^1].Any(SideRunFolder().IsMatch);
    }

    /// <summary>A script that generates or samples the training data (generate_instruction.py, sample_data.py, gen_dataset.py):
    /// its output is data, not a side output, so it is no side run; it is judged as a data step (counted when its path says it
    /// prepares what training reads, not counted when it only generates data, e.g. through an API).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(^|_)(data|dataset|datasets|instruction|instructions|prompt|prompts|task|tasks|pairs|corpus|features|labels|split|splits|negatives|train|training)($|_)")]
    private static partial System.Text.RegularExpressions.Regex MakesData();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(infer|inference|predict|prediction|predictor|demo|app|webui|web_ui|gui|server|serve|api|chat|sample|samples|sampling|generate|generation|gen|eval|evaluate|evaluation|test|testing|explain|interpret|visuali[sz]e|plot|interactive|play|enjoy|render|translate|synthesi[sz]e)(_.*)?$|_(demo|inference|infer|predict|eval|evaluation|test|sample|sampling|generate|generation|gen|app|chat|api|server)$")]
    private static partial System.Text.RegularExpressions.Regex SideRunName();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(demo|demos|app|apps|webui|web_demo|inference|serving|eval|evaluation|chat_gradio|gradio|streamlit)$")]
    private static partial System.Text.RegularExpressions.Regex SideRunFolder();

    /// <summary>Empty required values of the project's config files (see config.files): a template nobody has filled in.</summary>
    internal static List<Evidence> TemplateValues(ProjectModel project) => [.. Config.ConfigFilesCheck.UnsetRequiredValues(project, project.Config.ParameterFiles).Take(8)];

    /// <summary>Settings that make GPU kernels deterministic.</summary>
    public static readonly IReadOnlySet<string> DeterministicKernelSettings = new HashSet<string>(StringComparer.Ordinal)
    {
        "torch.use_deterministic_algorithms", "torch.backends.cudnn.deterministic", "tensorflow.config.experimental.enable_op_determinism",
    };

    internal static Evidence Describe(RandomnessAnalysis r, RandomUse u) =>
        r.UncoveredReason(u) is { } why ? Evidence.At(u.Path, u.Line, $"{Short(u.Target)} is not seeded: {why}", u.Target) : Describe(u);

    internal static Evidence Describe(RandomUse u) =>
        Evidence.At(u.Path, u.Line, u.Library is { } lib
            ? $"{Short(u.Target)} draws from the {RandomnessTable.DisplayName(lib)} global RNG, which nothing seeds"
            : $"{Short(u.Target)} has no seed ({u.Note})", u.Target);

    internal static string Short(string target) => target.StartsWith("*.", StringComparison.Ordinal) ? target[2..] : target;
}
