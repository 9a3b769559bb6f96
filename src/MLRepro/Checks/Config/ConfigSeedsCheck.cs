using MLRepro.Analysis;
using MLRepro.Checks.Code;
using MLRepro.Findings;
using MLRepro.Knowledge;
using MLRepro.Model;

namespace MLRepro.Checks.Config;

/// <summary>config.seeds — every non-deterministic function has a seed, and that seed is set in the config file.</summary>
public sealed class ConfigSeedsCheck : CheckBase
{
    /// <inheritdoc />
    public override CheckInfo Info { get; } = new(
        "config.seeds",
        StarLevel.Configuration,
        "Seeds set in the config",
        "Technical reproducibility needs every seed recorded: each non-deterministic function has a seed, and the seed's value is " +
        "set in a committed config file (Python random, NumPy, torch, CUDA/cuDNN…).",
        "Each seeding call and each seed argument (random_state=, default_rng(…), generator=) is traced back through assignments, " +
        "function parameters and call sites, constants imported from project modules and entries of module-level dict literals to its origin: a config key (Met), a literal, a command-line default or an environment " +
        "variable (Partial). Any unseeded randomness source is NotMet.",
        "Put `seed: 42` in your params file, read it once, and pass it to every seeding call and random_state= argument.",
        [],
        ProvenOnlyByRunning: false);

    /// <inheritdoc />
    public override Finding Run(ProjectModel project)
    {
        var r = project.Randomness;
        // Hash-ordered sets are a code.deterministic and config.deterministic matter: no seed call or config value fixes
        // them (only sorted(), or PYTHONHASHSEED set before Python starts).
        var rngUses = r.Uses.Where(u => u.Target != RandomnessAnalysis.HashOrderTarget).ToList();
        if (!r.Unseeded.Any() && CodeDeterministicCheck.TemplateValues(project) is { Count: > 0 } unset)
        {
            return Found(Outcome.Inconclusive, $"the committed config is a template ({Count(unset.Count, "required value")} left empty): which random components run, and their seeds, depend on what the user fills in.",
                unset, "Fill in the template's required values, with a seed for every randomised step.");
        }

        // Seeding calls with a value (np.random.seed(seed), tf.set_random_seed(123)) where mlrepro found no draw: the author
        // seeded randomness that mlrepro's table does not know (a layer's initialiser, a library's internal sampler), so the
        // seeds are judged as written rather than the criterion waived.
        var explicitSeeds = r.Seeds.Where(s => s.Origin != SeedOrigin.None).ToList();
        if (rngUses.Count == 0 && explicitSeeds.Count > 0)
        {
            var notConfig = explicitSeeds.Where(s => s.Origin != SeedOrigin.Config).ToList();
            if (notConfig.Count == 0)
            {
                var keys = explicitSeeds.Select(s => s.ConfigKey).Where(k => k is not null).Distinct().ToList();
                return Found(Outcome.Met, $"every seeding call takes its seed from config ({(keys.Count == 0 ? "config" : "key " + List(keys!))}).",
                    explicitSeeds.Take(12).Select(s => Evidence.At(s.Path, s.Line, $"seed from config key '{s.ConfigKey}'", $"{s.Target}({s.ValueText})")));
            }

            return Found(Outcome.Partial,
                $"the code seeds its random number generators, but {Count(notConfig.Count, "seed")} {(notConfig.Count == 1 ? "is" : "are")} not read from a config file.",
                notConfig.Take(12).Select(s => Evidence.At(s.Path, s.Line, SeedNote(s.Origin, s.ConfigKey), $"{s.Target}({s.ValueText})")),
                "Move the seed into the config file (e.g. `seed: 42` in params.yaml) and read it from there.");
        }

        if (rngUses.Count == 0)
        {
            return Found(Outcome.NotApplicable, "no source of randomness was found, so no seed is needed.",
                Evidence.Repo($"searched {Count(project.PythonModules.Count, "Python module")} for {RandomnessTable.KnownApiCount} known randomness APIs"));
        }

        // As code.deterministic judges them, draws in scripts that do not train (data generation, tools) are not counted. Draws
        // in side runs (sampling, demos, evaluation) do count here: code.deterministic asks whether the model comes out the
        // same (Partial), config.seeds whether every non-deterministic function has a seed (SCALE.md: NotMet when something
        // is unseeded).
        var all = r.Unseeded.Where(u => u.Target != RandomnessAnalysis.HashOrderTarget).ToList();
        var judged = CodeDeterministicCheck.Judge(project, r, all);
        var unseeded = judged is { } j ? j.Core : all;
        if (unseeded.Count == 0 && judged is { Training.Count: 0 } pretrained && !r.Seeds.Any(s => s.Origin != SeedOrigin.None) && !rngUses.Any(u => u.LocalSeed is { } o && o != SeedOrigin.None))
        {
            // A released model's inference code: nothing trains, and the only draws initialise layers whose weights the loaded
            // checkpoint replaces, so no seed is needed.
            return Found(Outcome.NotApplicable, $"nothing in the project trains, and its {Count(all.Count, "draw")} only initialise weights that the loaded checkpoint replaces, so no seed is needed.",
                pretrained.Auxiliary.Take(5).Select(u => Evidence.At(u.Path, u.Line, $"{CodeDeterministicCheck.Short(u.Target)} initialises weights that the loaded checkpoint replaces", u.Target)));
        }

        if (unseeded.Count == 0 && judged is { Side.Count: > 0 } side)
        {
            return Found(Outcome.NotMet, $"the training {(side.Training.Count == 1 ? "run is" : "runs are")} seeded, but {Count(side.Side.Count, "randomness source")} in runs that do not train {(side.Side.Count == 1 ? "has" : "have")} no seed at all ({List(side.SideScripts.Take(3).ToList())}).",
                side.Side.Select(u => CodeDeterministicCheck.Describe(r, u)),
                "Seed the side scripts too, and read every seed from the config file (e.g. `seed: 42` in params.yaml).");
        }

        if (unseeded.Count > 0)
        {
            if (CodeDeterministicCheck.OptionalSeed(project, r, unseeded) is { } optional)
            {
                // A seed option that is off by default (None, -1): the seeds come from the command line, when given.
                return Found(Outcome.Partial, $"the generators are seeded only from a command-line option that is off by default ({optional.Note}), not from a config file.",
                    [optional], "Put the seed in the config file with a fixed value (e.g. `seed: 42` in params.yaml) and read it from there.");
            }

            return Found(Outcome.NotMet, $"{Count(unseeded.Count, "randomness source")} {(unseeded.Count == 1 ? "has" : "have")} no seed at all.",
                unseeded.Select(u => CodeDeterministicCheck.Describe(r, u)));
        }

        // The seeds that matter: global seeds of the RNGs that are drawn from, and every local seed.
        var usedLibraries = rngUses.Where(u => u.LocalSeed is null or SeedOrigin.None && u.Library is not null).Select(u => u.Library!).ToHashSet(StringComparer.Ordinal);
        var relevant = r.Seeds.Where(s => s.Origin != SeedOrigin.None && s.Libraries.Any(usedLibraries.Contains))
            .Select(s => (s.Path, s.Line, s.Origin, s.ConfigKey, What: $"{s.Target}({s.ValueText})"))
            .Concat(rngUses.Where(u => u.LocalSeed is { } o && o != SeedOrigin.None)
                .Select(u => (u.Path, u.Line, Origin: u.LocalSeed!.Value, u.ConfigKey, What: $"{CodeDeterministicCheck.Short(u.Target)} seed {u.ValueText}")))
            .ToList();
        var notFromConfig = relevant.Where(x => x.Origin != SeedOrigin.Config).ToList();
        if (notFromConfig.Count == 0)
        {
            var keys = relevant.Select(x => x.ConfigKey).Where(k => k is not null).Distinct().ToList();
            return Found(Outcome.Met, $"every randomness source is seeded from config ({(keys.Count == 0 ? "config" : "key " + List(keys!))}).",
                relevant.Take(12).Select(x => Evidence.At(x.Path, x.Line, $"seed from config key '{x.ConfigKey}'", x.What)));
        }

        return Found(Outcome.Partial,
            $"everything is seeded, but {Count(notFromConfig.Count, "seed")} {(notFromConfig.Count == 1 ? "is" : "are")} not read from a config file.",
            notFromConfig.Select(x => Evidence.At(x.Path, x.Line, SeedNote(x.Origin, x.ConfigKey), x.What)),
            "Move the seed into the config file (e.g. `seed: 42` in params.yaml) and read it from there.");
    }

    private static string SeedNote(SeedOrigin origin, string? configKey) => origin switch
    {
        SeedOrigin.HardCoded => "seed hard-coded in the code",
        SeedOrigin.CommandLine => $"seed only from a command-line option{(configKey is null ? string.Empty : $" ({configKey})")} and its in-code default",
        SeedOrigin.Environment => "seed from an environment variable",
        _ => "seed from a value mlrepro could not trace to a config file",
    };
}
