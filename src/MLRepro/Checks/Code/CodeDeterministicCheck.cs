using MLRepro.Analysis;
using MLRepro.Checks.Environment;
using MLRepro.Findings;
using MLRepro.Knowledge;
using MLRepro.Model;

namespace MLRepro.Checks.Code;

/// <summary>code.deterministic — running the code several times on the example input gives the same output.</summary>
public sealed class CodeDeterministicCheck : CheckBase
{
    /// <inheritdoc />
    public override CheckInfo Info { get; } = new(
        "code.deterministic",
        StarLevel.Code,
        "Same input, same output",
        "Running the code several times on the example input must give the same output (the same weights, the same metrics). " +
        "Every random number generator in use must be seeded; GPU kernel nondeterminism alone does not fail this criterion.",
        "Statically: every randomness source (Python random, NumPy legacy and Generator APIs, PyTorch, TensorFlow/Keras, JAX, " +
        "scikit-learn random_state, pandas sample, DataLoader shuffling, XGBoost/LightGBM/CatBoost seeds) is matched against its " +
        "seeding calls; any unseeded source fails. `mlrepro verify` proves it by running twice and comparing every output.",
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
                Evidence.Repo($"searched {Count(modules, "Python module")} for {RandomnessTable.All.Count} known randomness APIs"));
        }

        var unseeded = r.Unseeded.ToList();
        if (unseeded.Count > 0)
        {
            var libs = unseeded.Select(u => u.Library is { } l ? RandomnessTable.DisplayName(l) : u.Target).Distinct().ToList();
            return Found(Outcome.NotMet, $"{Count(unseeded.Count, "randomness source")} {(unseeded.Count == 1 ? "is" : "are")} not seeded ({List(libs)}): two runs will give different outputs.",
                unseeded.Select(u => Describe(r, u)));
        }

        var untraced = r.Seeds.Where(s => s.Origin == SeedOrigin.Unknown).Select(s => Evidence.At(s.Path, s.Line, $"seeds {string.Join(", ", s.Libraries.Select(RandomnessTable.DisplayName))} with a value mlrepro could not trace", s.ValueText))
            .Concat(r.Uses.Where(u => u.LocalSeed == SeedOrigin.Unknown).Select(u => Evidence.At(u.Path, u.Line, $"{Short(u.Target)} seeded with a value mlrepro could not trace", u.ValueText)))
            .ToList();
        if (untraced.Count > 0)
        {
            return Found(Outcome.Inconclusive, $"every randomness source has a seed, but {Count(untraced.Count, "seed value")} could not be traced (it may change between runs); only a run can tell.",
                untraced, "Pass the seed from the config (or a literal) so it is visibly fixed, then run `mlrepro verify`.");
        }

        var evidence = r.Seeds.Where(s => s.Origin != SeedOrigin.None).Select(s => Evidence.At(s.Path, s.Line, $"seeds {string.Join(", ", s.Libraries.Select(RandomnessTable.DisplayName))}", s.ValueText))
            .Concat(r.Uses.Where(u => u.LocalSeed is { } o && o != SeedOrigin.None).Take(10).Select(u => Evidence.At(u.Path, u.Line, $"{Short(u.Target)} seeded locally", u.ValueText)));
        // The scale does not fail this criterion for GPU kernel nondeterminism, but the user should know that seeding
        // alone does not make GPU runs bit-identical (atomics, cuDNN autotuning); verified on an H200 (bench/gpu).
        if (!r.Settings.Any(s => s.Good && DeterministicKernelSettings.Contains(s.Name)) &&
            EnvHardwareCheck.GpuUses(project).FirstOrDefault() is { } gpu)
        {
            return Found(Outcome.Met, $"all {Count(r.Uses.Length, "randomness source")} are seeded (not verified by running); on a GPU, kernels with atomics and cuDNN autotuning " +
                "may still change the last bits between runs, which the scale does not count against this criterion — for bit-identical GPU runs call " +
                "torch.use_deterministic_algorithms(True) with CUBLAS_WORKSPACE_CONFIG=:4096:8 (TensorFlow: enable_op_determinism()).",
                evidence.Append(gpu with { Note = "runs on a GPU without deterministic kernels" }));
        }

        return Found(Outcome.Met, $"all {Count(r.Uses.Length, "randomness source")} are seeded; runs should repeat exactly (not verified by running).", evidence);
    }

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
