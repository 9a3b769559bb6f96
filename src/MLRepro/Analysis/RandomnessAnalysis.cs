using System.Collections.Frozen;
using System.Collections.Immutable;
using MLRepro.Formats.Config;
using MLRepro.Knowledge;
using MLRepro.Python;

namespace MLRepro.Analysis;

/// <summary>Where a seed value comes from.</summary>
public enum SeedOrigin
{
    /// <summary>Read from a committed config file (a key of params.yaml, a Hydra cfg field…).</summary>
    Config,
    /// <summary>A command-line option (its default is in code) not fed from a config file.</summary>
    CommandLine,
    /// <summary>An environment variable.</summary>
    Environment,
    /// <summary>A literal written in the code.</summary>
    HardCoded,
    /// <summary>An expression mlrepro could not trace (a function parameter, a computed value).</summary>
    Unknown,
    /// <summary>No seed: the argument is absent or None.</summary>
    None,
}

/// <summary>A call that seeds global RNGs.</summary>
public sealed record SeedingCall(string Path, int Line, string Target, IReadOnlyList<string> Libraries, string? ValueText, SeedOrigin Origin, string? ConfigKey);

/// <summary>A draw from randomness: a global RNG or an API with its own seed parameter.</summary>
/// <param name="Path">Module path.</param>
/// <param name="Line">Line.</param>
/// <param name="Target">Resolved call target.</param>
/// <param name="Library">The global RNG it falls back to, or null when a local seed is given or it has no fallback.</param>
/// <param name="LocalSeed">The local seed argument's origin (random_state=…, default_rng(…)); null when the API has no local seed.</param>
/// <param name="ValueText">The local seed's text.</param>
/// <param name="ConfigKey">The config key the local seed comes from.</param>
/// <param name="Note">Why it draws randomness.</param>
public sealed record RandomUse(string Path, int Line, string Target, string? Library, SeedOrigin? LocalSeed, string? ValueText, string? ConfigKey, string Note)
{
    /// <summary>Whether this use is seeded, given the set of seeded global RNGs.</summary>
    public bool IsSeeded(IReadOnlySet<string> seededLibraries) =>
        LocalSeed is { } o && o != SeedOrigin.None || (Library is { } lib && seededLibraries.Contains(lib));
}

/// <summary>A process the project runs: a script or notebook, the project modules it executes, and whether it trains.</summary>
/// <param name="Root">The script or notebook started.</param>
/// <param name="Modules">The project modules it executes (itself and what it imports, directly or not).</param>
/// <param name="Trains">Whether one of those modules takes training steps or runs a hyper-parameter search.</param>
public sealed record RunProcess(string Root, IReadOnlySet<string> Modules, bool Trains);

/// <summary>A determinism switch (good or bad) found in code.</summary>
public sealed record DeterminismSetting(string Path, int Line, string Name, bool Good, string Text);

/// <summary>
/// Every source of randomness in the project's Python code, how each is seeded, and where each seed comes
/// from. Built once per model from the Python summaries and the randomness table (Knowledge/randomness.tsv).
/// </summary>
public sealed partial class RandomnessAnalysis
{
    /// <summary>Seeding calls.</summary>
    public required ImmutableArray<SeedingCall> Seeds { get; init; }

    /// <summary>Draws from randomness.</summary>
    public required ImmutableArray<RandomUse> Uses { get; init; }

    /// <summary>Determinism settings.</summary>
    public required ImmutableArray<DeterminismSetting> Settings { get; init; }

    /// <summary>Global RNGs seeded somewhere (any seed origin except None).</summary>
    public IReadOnlySet<string> SeededLibraries => _seeded ??= Seeds.Where(s => s.Origin != SeedOrigin.None).SelectMany(s => s.Libraries).ToHashSet(StringComparer.Ordinal);

    private HashSet<string>? _seeded;

    /// <summary>The runs the project's code can start (see <see cref="RunProcesses"/>), each with the modules it executes.</summary>
    public ImmutableArray<RunProcess> Processes { get; init; } = [];

    /// <summary>Uses that nothing seeds (in their process, before they draw: see <see cref="Uncovered"/>).</summary>
    public IEnumerable<RandomUse> Unseeded => Uses.Where(u => !u.IsSeeded(SeededLibraries) || Uncovered.ContainsKey(u));

    /// <summary>
    /// The line where Trainer arguments built at <paramref name="line"/> take effect: the first call of a Trainer class
    /// (<c>transformers.Trainer</c>, <c>Seq2SeqTrainer</c>, TRL's <c>SFTTrainer</c>, a project subclass named *Trainer) at
    /// or after it in the module; the arguments' own line when no Trainer is built there.
    /// </summary>
    private static int TrainerLine(ModuleSummary m, int line)
    {
        foreach (var c in m.Calls)
        {
            if (c.Line >= line && c.IsDottedName && c.Target.EndsWith("Trainer", StringComparison.Ordinal))
            {
                return c.Line;
            }
        }

        return line;
    }

    /// <summary>
    /// Where Trainer arguments built at <paramref name="line"/> of a module that builds no Trainer take effect: every
    /// Trainer construction of the project (a helper builds the arguments, another module the Trainer that seeds with
    /// them); the arguments' own line when the project builds none. Arguments that no Trainer receives seed nothing, so
    /// placing the seed at the Trainers keeps draws made before them (LoRA adapters, dataset shuffles) unseeded.
    /// </summary>
    private static List<(string Path, int Line)> TrainerSites(IReadOnlyList<ModuleSummary> modules, ModuleSummary m, int line)
    {
        var sites = modules.Where(x => !IsTestOrDocs(x.Path)).SelectMany(x => x.Calls.Where(IsTrainerConstruction).Select(c => (x.Path, c.Line))).ToList();
        return sites.Count > 0 ? sites : [(m.Path, line)];
    }

    /// <summary>A Hugging Face style Trainer built (transformers, TRL or a project subclass); Lightning's Trainer does not seed.</summary>
    private static bool IsTrainerConstruction(PythonCall c) =>
        c.IsDottedName && c.Target.EndsWith("Trainer", StringComparison.Ordinal)
        && !c.Target.StartsWith("pytorch_lightning.", StringComparison.Ordinal) && !c.Target.StartsWith("lightning.", StringComparison.Ordinal);

    /// <summary>
    /// <c>HfArgumentParser((ModelArguments, DataArguments, TrainingArguments))</c> (or TRL's <c>TrlParser</c>) with a
    /// TrainingArguments class among its dataclasses, transformers' own or a project subclass of it: the parsed arguments
    /// carry <c>seed</c> (default 42), and the Trainer built from them seeds every RNG with it. A seeding call at that
    /// Trainer, whose value is a command-line flag (or a config file's key when the script parses a JSON/YAML file).
    /// </summary>
    private static SeedingCall? ParsedTrainerArguments(ModuleSummary m, PythonCall call)
    {
        if (!call.Target.EndsWith("HfArgumentParser", StringComparison.Ordinal) && !call.Target.EndsWith("TrlParser", StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var a in call.Arguments)
        {
            foreach (var name in a.Names)
            {
                if (TrainerArgumentsRow(m, name) is not { } row)
                {
                    continue;
                }

                var fromFile = m.Assignments.Any(x => x.ValueText.Contains(".parse_json_file(", StringComparison.Ordinal) || x.ValueText.Contains(".parse_yaml_file(", StringComparison.Ordinal));
                return new SeedingCall(m.Path, TrainerLine(m, call.Line), row.Pattern, row.Libraries, $"{name}.seed (default {row.Default})",
                    fromFile ? SeedOrigin.Config : SeedOrigin.CommandLine, "seed");
            }
        }

        return null;
    }

    /// <summary>The randomness row of a TrainingArguments-like class a name stands for: imported, or a class of the module deriving from one.</summary>
    private static RandomnessApi? TrainerArgumentsRow(ModuleSummary m, string name)
    {
        if (RandomnessTable.Match(RandomnessTable.Canonical(m.ResolveImports(name))) is { Kind: RandomnessKind.Seed, Default: not null } imported)
        {
            return imported;
        }

        foreach (var c in m.Classes)
        {
            if (c.Name != name)
            {
                continue;
            }

            foreach (var b in c.Bases)
            {
                if (RandomnessTable.Match(RandomnessTable.Canonical(b)) is { Kind: RandomnessKind.Seed, Default: not null } inherited)
                {
                    return inherited;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The seed of a call that takes its arguments from a spread dict (<c>RandomForestClassifier(**params)</c>): a dict
    /// written in the module is read for the seed key (present: hard-coded; absent: no seed); a dict from a config file is
    /// a config seed when that key is configured; anything else may carry the seed or not, so it counts as a value
    /// mlrepro could not trace rather than as a missing seed.
    /// </summary>
    private static (SeedOrigin, string?) SpreadSeed(ModuleSummary m, CallArgument spread, string param, int line, ValueTracer tracer, IReadOnlyList<ConfigFile>? configs)
    {
        var text = spread.Text.Trim();
        var literal = m.Assignments.Where(a => a.RawTarget == text && a.Operator == "=" && a.Line <= line).MaxBy(a => a.Line)?.ValueText.Trim();
        if (literal is not null && (literal.StartsWith('{') || literal.StartsWith("dict(", StringComparison.Ordinal)))
        {
            return literal.Contains($"\"{param}\"", StringComparison.Ordinal) || literal.Contains($"'{param}'", StringComparison.Ordinal) || literal.Contains(param + "=", StringComparison.Ordinal)
                ? (SeedOrigin.HardCoded, null)
                : (SeedOrigin.None, null);
        }

        var (origin, _) = tracer.Trace(m, spread, line);
        if (origin != SeedOrigin.Config)
        {
            return (SeedOrigin.Unknown, null);
        }

        // A dict read from a config file carries the seed only where some config gives that key.
        var configured = configs?.SelectMany(c => c.Entries).FirstOrDefault(e => e.KeyPath == param || e.KeyPath.EndsWith("." + param, StringComparison.Ordinal));
        return configured is null ? (SeedOrigin.None, null) : (SeedOrigin.Config, configured.KeyPath);
    }

    /// <summary>Analyses the modules, with a resolver that traces values to config keys.</summary>
    /// <param name="modules">The Python modules to analyse.</param>
    /// <param name="tracer">Traces seed values to config keys, options and literals.</param>
    /// <param name="configs">Parameter files: classes they name for dynamic instantiation are randomness sources too.</param>
    /// <param name="declaredScripts">Scripts that a pipeline, Makefile, README or workflow runs: each is its own process (see <see cref="Uncovered"/>).</param>
    /// <param name="localModules">The modules' import resolver (built from <paramref name="modules"/> when not given).</param>
    public static RandomnessAnalysis Build(IReadOnlyList<ModuleSummary> modules, ValueTracer tracer, IReadOnlyList<ConfigFile>? configs = null, IReadOnlySet<string>? declaredScripts = null, LocalModules? localModules = null) =>
        Build(modules, tracer, configs, declaredScripts, localModules, null);

    /// <summary>Builds the analysis with a given seed-order cache (tests pass one to count its work).</summary>
    internal static RandomnessAnalysis Build(IReadOnlyList<ModuleSummary> modules, ValueTracer tracer, IReadOnlyList<ConfigFile>? configs, IReadOnlySet<string>? declaredScripts, LocalModules? localModules, Flows? flows)
    {
        var seeds = ImmutableArray.CreateBuilder<SeedingCall>();
        var uses = ImmutableArray.CreateBuilder<RandomUse>();
        var settings = ImmutableArray.CreateBuilder<DeterminismSetting>();
        localModules ??= new LocalModules(modules);
        var configuredSolver = ConfiguresRandomSolver(configs);
        var outsideRuns = OutsideTrainingRuns(modules, localModules);
        if (declaredScripts is { Count: > 0 })
        {
            // Where the project declares its runs (a pipeline, a Makefile, README commands), notebooks none of them runs are
            // exploration beside it: their draws and seeds are not the runs' (as config.files skips their values).
            outsideRuns.UnionWith(modules.Where(m => m.IsNotebook && !declaredScripts.Contains(m.Path)).Select(m => m.Path));
        }

        EnvironmentSeeding? envSeed = null;
        foreach (var m in modules.Where(m => !outsideRuns.Contains(m.Path)))
        {
            foreach (var call in m.Calls)
            {
                var target = RandomnessTable.Canonical(call.Target);
                if (ParsedTrainerArguments(m, call) is { } parsed)
                {
                    seeds.Add(parsed);
                    continue;
                }

                if (RandomnessTable.Match(target) is not { } api)
                {
                    continue;
                }

                switch (api.Kind)
                {
                    case RandomnessKind.Seed:
                    {
                        var arg = SeedArgument(call, api);
                        // Trainer arguments (the rows with a library default) seed nothing themselves: the Trainer built from
                        // them seeds every RNG when it is constructed, so draws between the two (LoRA adapters) are unseeded.
                        var seedLine = api.Default is not null ? TrainerLine(m, call.Line) : call.Line;
                        // Seeds with its documented default when none is given (a fixed value in library code).
                        var (origin, key) = arg is null && api.Default is not null ? (SeedOrigin.HardCoded, null) : tracer.Trace(m, arg, call.Line);
                        var text = arg is null && api.Default is { } fallback ? $"{fallback} (default)" : arg?.Text;
                        var sites = api.Default is not null && !m.Calls.Any(IsTrainerConstruction) ? TrainerSites(modules, m, call.Line) : [(m.Path, seedLine)];
                        foreach (var (sitePath, siteLine) in sites)
                        {
                            seeds.Add(new SeedingCall(sitePath, siteLine, target, api.Libraries, text, origin, key));
                        }
                        if (target.EndsWith(".improve_reproducibility", StringComparison.Ordinal))
                        {
                            // libzero/DeLU's improve_reproducibility also sets cudnn.deterministic = True and benchmark = False.
                            settings.Add(new DeterminismSetting(m.Path, call.Line, "torch.backends.cudnn.deterministic", true, call.RawTarget + "(...)"));
                        }

                        break;
                    }

                    case RandomnessKind.Factory:
                    {
                        // A generator object: seeded by its argument, else fresh OS entropy every run.
                        var arg = SeedArgument(call, api);
                        if (arg is null && StateOverwritten(m, call))
                        {
                            // RandomState() then .set_state(...): a holder for a copied state, whose entropy is never drawn.
                            break;
                        }

                        var seedLine = call.Line;
                        if (arg is null && ReseededAfter(m, call) is { } reseed)
                        {
                            // `rand = Random()` then `rand.seed(seed)` (or `g = torch.Generator(); g.manual_seed(s)`) before any draw:
                            // the generator's seed is that call's argument, not OS entropy.
                            arg = reseed.PositionalAt(0) ?? reseed.Arguments.FirstOrDefault(a => a.Keyword is "a" or "seed");
                            seedLine = reseed.Line;
                        }

                        var (origin, key) = tracer.Trace(m, arg, seedLine);
                        uses.Add(new RandomUse(m.Path, call.Line, target, null, origin, arg?.Text, key, api.Note));
                        break;
                    }

                    case RandomnessKind.Use when GivenWeights(call, target):
                        // Weights copied in (Constant(w.numpy()), weights=[...]): initialisation draws nothing.
                        break;

                    case RandomnessKind.Use:
                    {
                        if (api.Param is { } p && call.Keyword(p) is { } local && local.Literal is not { Kind: LiteralKind.None })
                        {
                            var (origin, key) = tracer.Trace(m, local, call.Line);
                            uses.Add(new RandomUse(m.Path, call.Line, target, null, origin, local.Text, key, api.Note));
                        }
                        else
                        {
                            uses.Add(new RandomUse(m.Path, call.Line, target, api.Libraries.FirstOrDefault(), null, null, null, api.Note.Length > 0 ? api.Note : "draws from the global RNG"));
                        }

                        break;
                    }

                    case RandomnessKind.Local when DrawsRandomness(m, call, target, configuredSolver):
                    {
                        var arg = api.Param is { } p ? call.Keyword(p) : null;
                        var (origin, key) = tracer.Trace(m, arg, call.Line);
                        var valueText = arg?.Text;
                        if (arg is null && api.Param is { } seedParam && call.Arguments.FirstOrDefault(a => a.Star == 2) is { } spread)
                        {
                            (origin, key) = SpreadSeed(m, spread, seedParam, call.Line, tracer, configs);
                            valueText = "**" + spread.Text;
                        }

                        uses.Add(new RandomUse(m.Path, call.Line, target, origin == SeedOrigin.None ? api.Libraries.FirstOrDefault() : null, origin, valueText, key,
                            api.Note.Length > 0 ? api.Note : $"randomised; seeded through {api.Param}="));
                        break;
                    }

                    case RandomnessKind.Environment:
                    {
                        // Seeded by the factory's own keyword (make_vec_env(seed=…)), else by a reset(seed=…) / env.seed(…) /
                        // action_space.seed(…) anywhere in the runs; without either, every reset draws from OS entropy.
                        if (api.Param is { } p && call.Keyword(p) is { } own && own.Literal is not { Kind: LiteralKind.None })
                        {
                            var (origin, key) = tracer.Trace(m, own, call.Line);
                            uses.Add(new RandomUse(m.Path, call.Line, target, null, origin, own.Text, key, api.Note));
                        }
                        else
                        {
                            envSeed ??= EnvironmentSeed(modules, outsideRuns, tracer);
                            uses.Add(new RandomUse(m.Path, call.Line, target, null, envSeed.Origin, envSeed.Text, envSeed.Key, api.Note));
                        }

                        break;
                    }

                    case RandomnessKind.Setting:
                        if (call.PositionalAt(0)?.Literal is not { Value: false })
                        {
                            settings.Add(new DeterminismSetting(m.Path, call.Line, target, true, call.RawTarget + "(...)"));
                        }

                        break;
                }
            }

            foreach (var a in m.Assignments)
            {
                var name = RandomnessTable.Canonical(a.Target);
                if (name is "torch.backends.cudnn.deterministic" && a.Literal is { Value: true })
                {
                    settings.Add(new DeterminismSetting(m.Path, a.Line, name, true, $"{a.RawTarget} = {a.ValueText}"));
                }
                else if (name is "torch.backends.cudnn.benchmark" && a.Literal is { Value: true })
                {
                    settings.Add(new DeterminismSetting(m.Path, a.Line, name, false, $"{a.RawTarget} = {a.ValueText}"));
                }
                else if (EnvironmentKey(a.RawTarget) is { } env && env is "PYTHONHASHSEED" or "CUBLAS_WORKSPACE_CONFIG" or "TF_DETERMINISTIC_OPS" or "TF_CUDNN_DETERMINISTIC")
                {
                    settings.Add(new DeterminismSetting(m.Path, a.Line, env, true, $"{a.RawTarget} = {a.ValueText}"));
                }
            }
        }

        if (!settings.Any(s => s.Name == "PYTHONHASHSEED"))
        {
            uses.AddRange(HashOrderUses([.. modules.Where(m => !outsideRuns.Contains(m.Path))]));
        }

        if (configs is not null && modules.Any(InstantiatesDynamically))
        {
            uses.AddRange(ConfiguredEstimators(configs));
        }

        return new RandomnessAnalysis
        {
            Seeds = seeds.ToImmutable(), Uses = uses.ToImmutable(), Settings = settings.ToImmutable(),
            Uncovered = Coverage(modules, seeds, uses, declaredScripts, localModules, flows),
            Processes = RunProcesses(modules, localModules, declaredScripts, outsideRuns),
        };
    }

    /// <summary>How the project seeds its simulated environments: the seed's origin, config key and text (None when nothing does).</summary>
    private sealed record EnvironmentSeeding(SeedOrigin Origin, string? Key, string? Text);

    /// <summary>
    /// The first call in the runs that seeds a simulated environment's own RNG: <c>env.reset(seed=…)</c> (gymnasium and
    /// gym ≥ 0.26), <c>env.seed(…)</c> (older gym), <c>env.action_space.seed(…)</c>, or a Stable-Baselines3 algorithm built
    /// with <c>seed=</c> (it seeds its env and action space). The global-RNG seeders of the table (random.seed,
    /// numpy.random.seed) are not environment seeds.
    /// </summary>
    private static EnvironmentSeeding EnvironmentSeed(IReadOnlyList<ModuleSummary> modules, HashSet<string> outsideRuns, ValueTracer tracer)
    {
        foreach (var m in modules.Where(m => !outsideRuns.Contains(m.Path)))
        {
            foreach (var call in m.Calls)
            {
                var raw = call.RawTarget;
                var arg = raw.EndsWith(".reset", StringComparison.Ordinal) ? call.Keyword("seed")
                    : raw.EndsWith(".seed", StringComparison.Ordinal) && SeedsEnvironment(raw) && RandomnessTable.Match(RandomnessTable.Canonical(call.Target)) is null
                        ? call.PositionalAt(0) ?? call.Keyword("seed")
                    : call.Target.StartsWith("stable_baselines3.", StringComparison.Ordinal) || call.Target.StartsWith("sb3_contrib.", StringComparison.Ordinal) ? call.Keyword("seed")
                    : null;
                if (arg is null || arg.Literal is { Kind: LiteralKind.None })
                {
                    continue;
                }

                var (origin, key) = tracer.Trace(m, arg, call.Line);
                if (origin != SeedOrigin.None)
                {
                    return new EnvironmentSeeding(origin, key, arg.Text);
                }
            }
        }

        return new EnvironmentSeeding(SeedOrigin.None, null, null);
    }

    /// <summary>A <c>.seed(…)</c> receiver that is an environment or one of its spaces (<c>env</c>, <c>self.train_env</c>, <c>envs.action_space</c>).</summary>
    private static bool SeedsEnvironment(string rawTarget)
    {
        var receiver = rawTarget[..^".seed".Length];
        var last = receiver[(receiver.LastIndexOf('.') + 1)..];
        return last.Contains("env", StringComparison.OrdinalIgnoreCase) || last is "action_space" or "observation_space";
    }

    /// <summary>
    /// Modules whose randomness does not reach the outputs of a training or prediction run: tests, docs and
    /// benchmarks, and modules imported only (directly or through other modules) by export/conversion scripts —
    /// e.g. a Keras re-implementation that an export script fills with the trained weights.
    /// </summary>
    internal static HashSet<string> OutsideTrainingRuns(IReadOnlyList<ModuleSummary> modules, LocalModules local)
    {
        var outside = modules.Where(m => IsTestOrDocs(m.Path)).Select(m => m.Path).ToHashSet(StringComparer.Ordinal);
        var importers = local.Importers;
        var imports = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (target, froms) in importers)
        {
            foreach (var f in froms)
            {
                if (!imports.TryGetValue(f, out var list))
                {
                    imports[f] = list = [];
                }

                list.Add(target);
            }
        }

        // Everything reachable through imports from a run that is not an export or a test: a script, a notebook, or a
        // module no other project code imports (a library entry, or one a framework loads by name, such as a Hydra
        // _target_; that tests import it says nothing about how it runs).
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(modules
            .Where(m => !outside.Contains(m.Path) && !IsExportScript(m.Path) && !IsSideTool(m)
                && (m.MainGuardLine is not null || m.IsNotebook || (importers.GetValueOrDefault(m.Path) ?? []).All(outside.Contains)))
            .Select(m => m.Path));
        while (stack.Count > 0)
        {
            var p = stack.Pop();
            if (!reached.Add(p))
            {
                continue;
            }

            foreach (var next in imports.GetValueOrDefault(p) ?? [])
            {
                if (!outside.Contains(next) && !IsExportScript(next))
                {
                    stack.Push(next);
                }
            }
        }

        // The rest is only reached from exports, side tools or tests. An export script's own draws are dummy inputs to trace
        // the graph (torch.onnx.export(model, torch.randn(1, 3, 224, 224), …)): the exported weights come from the checkpoint,
        // so they count only when the script itself trains.
        outside.UnionWith(modules.Where(m => !reached.Contains(m.Path) && !(IsExportScript(m.Path) && Trains(m))).Select(m => m.Path));
        return outside;
    }

    /// <summary>
    /// The processes the project's code runs as: every script a pipeline, Makefile, README or workflow runs, every script with a
    /// `__main__` guard and every notebook (each in its own kernel), with the project modules it imports; not tests, docs,
    /// exports or side tools (<see cref="OutsideTrainingRuns"/>). A process trains when a module it runs takes training steps
    /// (loss.backward(), model.fit(…), optimizer.step(), trainer.train(), a boosting library's train, a tuner's search).
    /// </summary>
    internal static ImmutableArray<RunProcess> RunProcesses(IReadOnlyList<ModuleSummary> modules, LocalModules local, IReadOnlySet<string>? declaredScripts, IReadOnlySet<string> outside)
    {
        var byPath = modules.ToDictionary(m => m.Path, StringComparer.Ordinal);
        var trains = new Dictionary<string, bool>(StringComparer.Ordinal);
        bool ModuleTrains(string path) => trains.TryGetValue(path, out var t) ? t : trains[path] = byPath.TryGetValue(path, out var m) && TrainsOrTunes(m);
        return [.. modules
            .Where(m => !outside.Contains(m.Path) && (m.IsNotebook || m.MainGuardLine is not null || declaredScripts is not null && declaredScripts.Contains(m.Path)))
            .OrderBy(m => m.Path, StringComparer.Ordinal)
            .Select(m =>
            {
                var closure = new HashSet<string>(local.Closure(m.Path), StringComparer.Ordinal);
                closure.ExceptWith(outside.Where(o => o != m.Path));
                return new RunProcess(m.Path, closure, closure.Any(ModuleTrains));
            })];
    }

    /// <summary>Whether a module takes training steps or runs a hyper-parameter search (what decides the weights a run produces).</summary>
    internal static bool TrainsOrTunes(ModuleSummary m) =>
        Trains(m) || m.Calls.Any(c => c.Target is "xgboost.train" or "lightgbm.train" or "xgboost.cv" or "lightgbm.cv" or "hyperopt.fmin"
            || c.Target.EndsWith(".optimize", StringComparison.Ordinal) && c.Target.Contains("study", StringComparison.OrdinalIgnoreCase)
            || c.Target.EndsWith(".train", StringComparison.Ordinal) && c.Target.Contains("trainer", StringComparison.OrdinalIgnoreCase)
            || c.Target.EndsWith(".learn", StringComparison.Ordinal));

    /// <summary>
    /// A script that times, profiles or draws a model without training it (benchmark_onnx.py, profile_model.py,
    /// visualize_graph.py): its random inputs shape timings and pictures, never the weights or the metrics of a run.
    /// </summary>
    private static bool IsSideTool(ModuleSummary m)
    {
        var name = m.Path[(m.Path.LastIndexOf('/') + 1)..].ToLowerInvariant();
        var dot = name.LastIndexOf('.');
        return dot > 0 && SideToolName().IsMatch(name[..dot]) && !Trains(m);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(benchmark|bench|profile|profiling|visuali[sz]e|visuali[sz]ation|plot)(_.*)?$|_(benchmark|bench|profile|profiling|visuali[sz]e|visuali[sz]ation|plot|plots)$")]
    private static partial System.Text.RegularExpressions.Regex SideToolName();

    /// <summary>Whether a module runs training steps itself (loss.backward(), model.fit(…), train_on_batch).</summary>
    private static bool Trains(ModuleSummary m) =>
        m.Calls.Any(c => c.Target.EndsWith(".backward", StringComparison.Ordinal) || c.Target.EndsWith(".fit", StringComparison.Ordinal)
            || c.Target.EndsWith(".fit_generator", StringComparison.Ordinal) || c.Target.EndsWith(".train_on_batch", StringComparison.Ordinal)
            || c.Target.EndsWith(".step", StringComparison.Ordinal));

    /// <summary>Test code and documentation: their random inputs never reach a run's outputs. (Benchmark folders are
    /// not included: in some projects they are the experiments.)</summary>
    private static bool IsTestOrDocs(string path)
    {
        var p = path.ToLowerInvariant();
        var name = p[(p.LastIndexOf('/') + 1)..];
        return p.StartsWith("tests/", StringComparison.Ordinal) || p.StartsWith("test/", StringComparison.Ordinal) || p.Contains("/tests/", StringComparison.Ordinal) || p.Contains("/test/", StringComparison.Ordinal)
            || name.StartsWith("test_", StringComparison.Ordinal) || name.EndsWith("_test.py", StringComparison.Ordinal) || name is "conftest.py" or "setup.py" or "noxfile.py"
            || p.StartsWith("docs/", StringComparison.Ordinal) || p.StartsWith("doc/", StringComparison.Ordinal);
    }

    /// <summary>Scripts that convert or export a trained model (export.py, convert_to_onnx.py, tools/export_tflite.py).</summary>
    internal static bool IsExportScript(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..].ToLowerInvariant();
        return name.EndsWith(".py", StringComparison.Ordinal) && ExportName().IsMatch(name[..^3]);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(export|convert)(_.*)?$|_(export|convert|onnx|tflite|coreml|tensorrt|torchscript)$|^(to|2)_?(onnx|tflite|coreml|tensorrt|torchscript)$")]
    private static partial System.Text.RegularExpressions.Regex ExportName();

    /// <summary>Code that builds objects from names in config: importlib.import_module, Hydra's instantiate, pydoc.locate.</summary>
    private static bool InstantiatesDynamically(ModuleSummary m) =>
        m.Calls.Any(c => c.Target.EndsWith("import_module", StringComparison.Ordinal) || c.Target.EndsWith("instantiate", StringComparison.Ordinal)
            || c.Target is "pydoc.locate" or "hydra.utils.get_class" or "hydra.utils.get_method");

    /// <summary>
    /// Classes a config names for instantiation — a map with `module` + `class` (or `_target_`, or `class_path`) keys —
    /// that are randomness sources with their own seed parameter: the seed must then be among the constructor
    /// arguments in the same map (`kwargs:`, `params:`, `init_args:`, or the map itself).
    /// </summary>
    internal static IEnumerable<RandomUse> ConfiguredEstimators(IReadOnlyList<ConfigFile> configs)
    {
        foreach (var file in configs)
        {
            var byParent = file.Entries.GroupBy(e => Parent(e.KeyPath), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            foreach (var (parent, entries) in byParent)
            {
                string? Value(string key) => entries.FirstOrDefault(e => Leaf(e.KeyPath) == key && e.Kind == ConfigValueKind.String)?.Value;
                var target = Value("_target_") ?? Value("class_path")
                    ?? (Value("module") is { } module && (Value("class") ?? Value("class_name") ?? Value("name")) is { } cls ? module + "." + cls : null);
                if (target is null || RandomnessTable.Match(RandomnessTable.Canonical(target)) is not { Kind: RandomnessKind.Local, Param: { } param } api)
                {
                    continue;
                }

                var last = target[(target.LastIndexOf('.') + 1)..];
                if (last is "DataLoader" or "sample" or "SVC" or "PCA" or "KFold" or "StratifiedKFold" or "LogisticRegression" or "SGDClassifier" or "SGDRegressor" or "Perceptron" or "PassiveAggressiveClassifier")
                {
                    // Random only with some arguments (shuffle=True, probability=True…); not judged from config.
                    continue;
                }

                var anchor = entries.First(e => Leaf(e.KeyPath) is "_target_" or "class_path" or "class" or "class_name" or "name");
                // Constructor arguments: the map itself (Hydra) or its kwargs/params/init_args sub-map.
                var prefixes = new[] { "kwargs", "params", "init_args", "args", "parameters", "hyperparameters" }
                    .Select(k => (parent.Length == 0 ? k : parent + "." + k)).Append(parent).ToList();
                var seed = file.Entries.FirstOrDefault(e => Leaf(e.KeyPath) == param && prefixes.Contains(Parent(e.KeyPath)));
                var display = RandomnessTable.Canonical(target);
                if (seed is null || seed.Kind == ConfigValueKind.Null)
                {
                    yield return new RandomUse(file.Path, anchor.Line, display, api.Libraries.FirstOrDefault(), SeedOrigin.None, null, null,
                        $"built from config without {param}=");
                }
                else
                {
                    yield return new RandomUse(file.Path, seed.Line, display, null, SeedOrigin.Config, seed.Value, seed.KeyPath, $"built from config, seeded through {param}=");
                }
            }
        }

        static string Parent(string keyPath) => keyPath.LastIndexOf('.') is var i and >= 0 ? keyPath[..i] : string.Empty;
        static string Leaf(string keyPath) => keyPath[(keyPath.LastIndexOf('.') + 1)..];
    }

    /// <summary>
    /// Whether the generator an unseeded factory call creates is assigned to a name whose state the same module then
    /// replaces (`rs = np.random.RandomState(); rs.set_state(np.random.get_state())`, `g = torch.Generator(); g.set_state(...)`):
    /// the object only carries a copied state, so its own fresh entropy never reaches a draw.
    /// </summary>
    internal static bool StateOverwritten(ModuleSummary m, PythonCall call)
    {
        var assigned = m.Assignments.FirstOrDefault(a => a.Line == call.Line && a.Operator == "=" && a.ValueText.StartsWith(call.RawTarget + "(", StringComparison.Ordinal));
        if (assigned is null || !IdentifierName().IsMatch(assigned.RawTarget))
        {
            return false;
        }

        return m.Calls.Any(c => c.Line > call.Line && c.Line <= call.Line + StateCopyWindow && c.Arguments.Length > 0
            && c.RawTarget == assigned.RawTarget + ".set_state");
    }

    /// <summary>
    /// The <c>.seed(x)</c> / <c>.manual_seed(x)</c> call on the generator a factory call without a seed assigns to a name,
    /// in the same function and before the generator draws anything (the next statements); null when there is none.
    /// </summary>
    internal static PythonCall? ReseededAfter(ModuleSummary m, PythonCall call)
    {
        var assigned = m.Assignments.FirstOrDefault(a => a.Line == call.Line && a.Operator == "=" && a.ValueText.StartsWith(call.RawTarget + "(", StringComparison.Ordinal));
        if (assigned is null || !IdentifierName().IsMatch(assigned.RawTarget))
        {
            return null;
        }

        var function = m.FunctionContaining(call.Line);
        var end = function is null ? call.Line + StateCopyWindow : Math.Min(function.EndLine, call.Line + StateCopyWindow);
        var seed = m.Calls.Where(c => c.Line > call.Line && c.Line <= end && c.Arguments.Length > 0
            && (c.RawTarget == assigned.RawTarget + ".seed" || c.RawTarget == assigned.RawTarget + ".manual_seed")).MinBy(c => c.Line);
        // A draw from the generator before the seeding call would come from OS entropy.
        return seed is not null && !m.Calls.Any(c => c.Line > call.Line && c.Line < seed.Line && c.RawTarget.StartsWith(assigned.RawTarget + ".", StringComparison.Ordinal)) ? seed : null;
    }

    /// <summary>Lines after the factory call within which the state must be replaced (the next statement or two).</summary>
    private const int StateCopyWindow = 3;

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z_][A-Za-z_0-9]*$")]
    private static partial System.Text.RegularExpressions.Regex IdentifierName();

    private static CallArgument? SeedArgument(PythonCall call, RandomnessApi api) =>
        (api.Param is { } p ? call.Keyword(p) : null) ?? (api.Position is { } pos ? call.PositionalAt(pos) : null);

    /// <summary>os.environ["X"] → X.</summary>
    internal static string? EnvironmentKey(string rawTarget)
    {
        const string prefix = "os.environ[";
        if (!rawTarget.StartsWith(prefix, StringComparison.Ordinal) || !rawTarget.EndsWith(']'))
        {
            return null;
        }

        return rawTarget[prefix.Length..^1].Trim('"', '\'');
    }

    /// <summary>
    /// A Keras layer whose every initialiser is constant (`kernel_initializer=Constant(w)`, "zeros", "ones") or whose
    /// weights are passed in (`weights=[...]`): its construction draws no random numbers. Dropout is not covered.
    /// </summary>
    internal static bool GivenWeights(PythonCall call, string target)
    {
        var last = target[(target.LastIndexOf('.') + 1)..];
        if (!target.Contains("keras", StringComparison.Ordinal) || last is "Dropout" or "SpatialDropout1D" or "SpatialDropout2D" or "GaussianNoise" or "GaussianDropout" or "AlphaDropout")
        {
            return false;
        }

        if (call.Keyword("weights") is { } w && w.Literal is not { Kind: LiteralKind.None })
        {
            return true;
        }

        static bool Constant(CallArgument? a) =>
            a is not null && (a.Literal?.AsString is { } s ? s is "zeros" or "ones" or "Zeros" or "Ones"
                : ConstantInitializer().IsMatch(a.Text));
        string[] required = last switch
        {
            "Embedding" => ["embeddings_initializer"],
            "LSTM" or "GRU" or "SimpleRNN" => ["kernel_initializer", "recurrent_initializer"],
            "DepthwiseConv2D" => ["depthwise_initializer"],
            "SeparableConv1D" or "SeparableConv2D" => ["depthwise_initializer", "pointwise_initializer"],
            _ => ["kernel_initializer"],
        };
        return required.All(k => Constant(call.Keyword(k)));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\w+\.)*(Constant|Zeros|Ones|constant|zeros|ones)\(")]
    private static partial System.Text.RegularExpressions.Regex ConstantInitializer();

    /// <summary>scikit-learn's LogisticRegression solvers that shuffle the data with random_state (its documentation:
    /// "Used when solver == 'sag', 'saga' or 'liblinear' to shuffle the data"); the default lbfgs and the others draw nothing.</summary>
    private static readonly FrozenSet<string> s_randomSolvers = FrozenSet.Create(StringComparer.Ordinal, "sag", "saga", "liblinear");

    /// <summary>Whether a parameter file sets a `solver` key (a value, or a searched grid's list) to a shuffling solver: a
    /// LogisticRegression whose solver is not written in the call may then get it from there (a GridSearchCV param_grid,
    /// a **kwargs spread).</summary>
    private static bool ConfiguresRandomSolver(IReadOnlyList<ConfigFile>? configs) =>
        configs is not null && configs.Any(f => f.Entries.Any(e =>
            e.KeyPath[(e.KeyPath.LastIndexOf('.') + 1)..] is var leaf && (leaf == "solver" || leaf.EndsWith("__solver", StringComparison.Ordinal))
            && (e.Value is { } v && s_randomSolvers.Contains(v) || e.Items is { } items && items.Any(s_randomSolvers.Contains))));

    /// <summary>APIs with a seed parameter that only draw randomness in some configurations.</summary>
    /// <param name="m">The calling module.</param>
    /// <param name="call">The call.</param>
    /// <param name="target">Its canonical target.</param>
    /// <param name="configuredSolver">Whether a parameter file names a shuffling LogisticRegression solver.</param>
    private static bool DrawsRandomness(ModuleSummary m, PythonCall call, string target, bool configuredSolver)
    {
        var last = target[(target.LastIndexOf('.') + 1)..];
        bool KwTrue(string k) => call.Keyword(k) is { } a && a.Literal is not { Value: false } && a.Literal is not { Kind: LiteralKind.None };
        return last switch
        {
            "DataLoader" => KwTrue("shuffle") || call.Keyword("sampler") is null && call.PositionalAt(2)?.Literal is { Value: true },
            "sample" => target.StartsWith("random.", StringComparison.Ordinal) is false && (call.Keyword("n") is not null || call.Keyword("frac") is not null),
            "SVC" => KwTrue("probability"),
            "PCA" or "TruncatedSVD" => call.Keyword("svd_solver")?.Literal?.AsString is "randomized" or "arpack" || last == "TruncatedSVD",
            "KFold" or "StratifiedKFold" => KwTrue("shuffle"),
            // A method of an object (the table's *.shuffle / *.train_test_split rows): a Hugging Face datasets Dataset when the
            // module imports `datasets` and nothing is passed by position (numpy's rng.shuffle(x), random.Random(s).shuffle(x)
            // take the array); its own generator= seeds it.
            "shuffle" or "train_test_split" when !target.StartsWith("sklearn.", StringComparison.Ordinal) =>
                m.ImportsModule("datasets") && !call.Positional.Any() && call.Keyword("generator") is null or { Literal.Kind: LiteralKind.None }
                && call.Keyword("shuffle")?.Literal is not { Value: false },
            // An Optuna study draws its own trials only with the default sampler; a sampler= passed in is judged where it is built.
            "create_study" => call.Keyword("sampler") is null or { Literal.Kind: LiteralKind.None },
            // random_state only shuffles for the sag/saga/liblinear solvers; a solver not written here may come from config.
            "LogisticRegression" => call.Keyword("solver") is { Literal.AsString: { } solver } ? s_randomSolvers.Contains(solver) : configuredSolver,
            // The SGD family starts from zero weights: random_state shuffles the data (shuffle=True, the default) and
            // draws the early-stopping validation split.
            "SGDClassifier" or "SGDRegressor" or "Perceptron" or "PassiveAggressiveClassifier" => call.Keyword("shuffle")?.Literal is not { Value: false } || KwTrue("early_stopping"),
            _ => true,
        };
    }
}
