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
        "Statically: the seeds that come from the config cover every randomness source and no known nondeterministic setting is " +
        "enabled (torch.backends.cudnn.benchmark = True). `mlrepro verify --deep` runs a mutated config twice and compares.",
        "Seed every generator from the config and turn on deterministic algorithms (torch.use_deterministic_algorithms(True), " +
        "cudnn.benchmark = False) so any config value repeats.",
        [],
        ProvenOnlyByRunning: true);

    /// <inheritdoc />
    public override Finding Run(ProjectModel project)
    {
        if (!project.Config.HasConfig)
        {
            return Found(Outcome.NotMet, "there is no config file, so no config can be shown to repeat.", Evidence.Repo("no parameter file was found (see config.files)"));
        }

        var r = project.Randomness;
        var unseeded = r.Unseeded.ToList();
        if (unseeded.Count > 0)
        {
            return Found(Outcome.NotMet, $"{Count(unseeded.Count, "randomness source")} {(unseeded.Count == 1 ? "is" : "are")} unseeded, so runs with the same config differ.", unseeded.Select(CodeDeterministicCheck.Describe));
        }

        var bad = r.Settings.Where(s => !s.Good).Select(s => Evidence.At(s.Path, s.Line, $"{s.Name} makes kernel selection vary between runs", s.Text)).ToList();
        var usedLibraries = r.Uses.Where(u => u.LocalSeed is null or SeedOrigin.None && u.Library is not null).Select(u => u.Library!).ToHashSet(StringComparer.Ordinal);
        var notConfig = r.Seeds.Where(s => s.Origin is not (SeedOrigin.Config or SeedOrigin.None) && s.Libraries.Any(usedLibraries.Contains))
            .Select(s => Evidence.At(s.Path, s.Line, "seed not taken from the config: a config change cannot change it, but neither can a config set it", s.ValueText))
            .Concat(r.Uses.Where(u => u.LocalSeed is { } o && o is not (SeedOrigin.Config or SeedOrigin.None)).Select(u => Evidence.At(u.Path, u.Line, "local seed not taken from the config", u.ValueText)))
            .ToList();
        if (bad.Count > 0 || notConfig.Count > 0)
        {
            return Found(Outcome.Partial, bad.Count > 0 ? "a nondeterministic setting is enabled." : "runs repeat, but some seeds are fixed in code rather than in the config.",
                bad.Concat(notConfig));
        }

        var good = r.Settings.Where(s => s.Good).Select(s => Evidence.At(s.Path, s.Line, $"{s.Name} enabled", s.Text));
        return Found(Outcome.Met, r.Uses.Length == 0 ? "no randomness and a config: the same config should give the same results (not verified by running)."
            : "every randomness source is seeded from the config; the same config should give the same results (not verified by running).", good);
    }
}
