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
        var unseeded = r.Unseeded.ToList();
        if (unseeded.Count > 0)
        {
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

        if (r.Uses.Any(u => u.LocalSeed == SeedOrigin.Unknown) || r.Seeds.Any(s => s.Origin == SeedOrigin.Unknown))
        {
            return Found(Outcome.Inconclusive, "some seed values could not be traced, so only two runs with the same config can tell.",
                r.Seeds.Where(s => s.Origin == SeedOrigin.Unknown).Select(s => Evidence.At(s.Path, s.Line, "seed value not traced", s.ValueText)));
        }

        var good = r.Settings.Where(s => s.Good).Select(s => Evidence.At(s.Path, s.Line, $"{s.Name} enabled", s.Text));
        var gpuNote = gpuOnly.Count > 0 ? " On a GPU, the enabled cuDNN autotuner may still change the last bits between runs, which the scale does not count against this criterion." : string.Empty;
        return Found(Outcome.Met, (r.Uses.Length == 0 ? "no randomness and a config: the same config should give the same results (not verified by running)."
            : "every randomness source is seeded; the same config should give the same results (not verified by running).") + gpuNote, gpuOnly.Concat(good));
    }
}
