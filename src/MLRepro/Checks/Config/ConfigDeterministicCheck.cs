using MLRepro.Analysis;
using MLRepro.Checks.Code;
using MLRepro.Findings;
using MLRepro.Model;

namespace MLRepro.Checks.Config;

/// <summary>config.deterministic — several runs with the same config give the same results, for any config values.</summary>
public sealed class ConfigDeterministicCheck : CheckBase
{
    /// <inheritdoc />
    public override CheckInfo Info { get; } = new(
        "config.deterministic",
        StarLevel.Configuration,
        "Same config, same result",
        "Several runs with the same config give the same results, for any set of config values, not only the published ones.",
        "Statically: with a config file driving the run, every randomness source is seeded (where the seed lives is config.seeds' " +
        "concern). GPU kernel nondeterminism alone (torch.backends.cudnn.benchmark = True) is reported but, as for code.deterministic, " +
        "does not fail the criterion. `mlrepro verify --deep` runs a mutated config twice and compares.",
        "Seed every generator from the config and turn on deterministic algorithms (torch.use_deterministic_algorithms(True), " +
        "cudnn.benchmark = False) so any config value repeats.",
        [],
        ProvenOnlyByRunning: true);

    /// <inheritdoc />
    public override Finding Run(ProjectModel project)
    {
        if (!project.HasAnyConfig)
        {
            return Found(Outcome.NotMet, "there is no config file, so no config can be shown to repeat.", Evidence.Repo("no parameter file was found (see config.files)"));
        }

        var r = project.Randomness;
        var all = r.Unseeded.ToList();
        var judged = CodeDeterministicCheck.Judge(project, r, all);
        var unseeded = judged is { } j ? j.Core : all;
        if (unseeded.Count == 0 && judged is { Side.Count: > 0 } side)
        {
            // As for code.deterministic: the training runs repeat with the same config; only side runs (sampling, demos,
            // evaluation scripts) draw unseeded.
            return Found(Outcome.Partial, $"the training {(side.Training.Count == 1 ? "run is" : "runs are")} seeded, so the same config trains the same model; {Count(side.Side.Count, "randomness source")} in runs that do not train {(side.Side.Count == 1 ? "is" : "are")} unseeded ({List(side.SideScripts.Take(3).ToList())}), so their outputs differ.",
                side.Side.Select(u => CodeDeterministicCheck.Describe(r, u)));
        }

        if (unseeded.Count > 0)
        {
            if (CodeDeterministicCheck.OptionalSeed(project, r, unseeded) is { } optional)
            {
                return Found(Outcome.Partial, $"the same config repeats only when a seed is passed on the command line ({optional.Note}); by default runs differ.",
                    unseeded.Select(u => CodeDeterministicCheck.Describe(r, u)).Prepend(optional));
            }

            return Found(Outcome.NotMet, $"{Count(unseeded.Count, "randomness source")} {(unseeded.Count == 1 ? "is" : "are")} unseeded, so runs with the same config differ.", unseeded.Select(u => CodeDeterministicCheck.Describe(r, u)));
        }

        if (CodeDeterministicCheck.TemplateValues(project) is { Count: > 0 } unset)
        {
            return Found(Outcome.Inconclusive, $"the committed config is a template ({Count(unset.Count, "required value")} left empty), so no complete config can be run twice yet.",
                unset, "Fill in the template's required values, then run `mlrepro verify --deep`.");
        }

        // cudnn.benchmark = True (the only known nondeterministic switch) lets the autotuner pick different GPU kernels per
        // run, which changes the last bits of the results: GPU kernel nondeterminism, which the scale's interpretation does
        // not count against determinism (as for code.deterministic). The setting is still reported beside Met; with
        // deterministic cuDNN (cudnn.deterministic = True) the autotuner only chooses among deterministic kernels anyway.
        var deterministicKernels = r.Settings.Any(s => s.Good && s.Name is "torch.backends.cudnn.deterministic" or "torch.use_deterministic_algorithms");
        var gpuOnly = r.Settings.Where(s => !s.Good && !(deterministicKernels && s.Name == "torch.backends.cudnn.benchmark"))
            .Select(s => Evidence.At(s.Path, s.Line, $"{s.Name} lets GPU kernel selection vary between runs (GPU kernel nondeterminism, not counted against this criterion)", s.Text)).ToList();

        if (CodeDeterministicCheck.OptionalSeed(project, r, []) is { } onRequest)
        {
            return Found(Outcome.Partial, $"the same config repeats only when a seed is passed on the command line ({onRequest.Note}); by default runs differ.", [onRequest]);
        }

        // Seeds whose value mlrepro cannot trace are still seeds (see code.deterministic): listed, not held against the config.
        var untraced = r.Seeds.Where(s => s.Origin == SeedOrigin.Unknown).Take(10).Select(s => Evidence.At(s.Path, s.Line, "seed value not traced to its source", s.ValueText));
        var good = r.Settings.Where(s => s.Good).Select(s => Evidence.At(s.Path, s.Line, $"{s.Name} enabled", s.Text));
        var gpuNote = gpuOnly.Count > 0 ? " On a GPU, the enabled cuDNN autotuner may still change the last bits between runs, which the scale does not count against this criterion." : string.Empty;
        return Found(Outcome.Met, (r.Uses.Length == 0 ? "no randomness and a config: the same config should give the same results (not verified by running)."
            : "every randomness source is seeded; the same config should give the same results (not verified by running).") + gpuNote, gpuOnly.Concat(good).Concat(untraced));
    }
}
