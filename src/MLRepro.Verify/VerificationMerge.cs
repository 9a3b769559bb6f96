using System.Globalization;
using MLRepro.Findings;
using MLRepro.Model;
using MLRepro.Reporting;

namespace MLRepro.Verify;

/// <summary>
/// Turns a verification record into the verified findings of an assessment, combining what the runs showed with what
/// static analysis knows. The config probe is the case that needs both: a key whose change changed no output is dead
/// config when the code never reads it (config.used NotMet, verified), but only "no observable effect" when the code
/// does read it (a max_depth the trees never reach), which stays Inconclusive.
/// </summary>
public static class VerificationMerge
{
    /// <summary>Verified findings for the model's project.</summary>
    public static IReadOnlyList<Finding> Findings(VerificationRecord record, ProjectModel model)
    {
        var list = record.ToFindings().ToList();
        var noEffect = record.Probes.Where(p => p.NoObservableEffect).ToList();
        if (noEffect.Count == 0)
        {
            return list;
        }

        var usage = model.Config.Usage;
        var dead = new List<(ProbeResult Probe, string Why)>();
        var unobserved = new List<ProbeResult>();
        foreach (var p in noEffect)
        {
            var file = usage.FirstOrDefault(u => u.File.Path == p.File);
            if (file is null)
            {
                unobserved.Add(p);
            }
            else if (!file.IsLoaded || p.FileOpened == false)
            {
                dead.Add((p, p.FileOpened == false ? $"the run never opened {p.File}" : $"no code loads {p.File}"));
            }
            else if (file.UnusedKeys.Any(k => k.KeyPath == p.Key))
            {
                dead.Add((p, "no code or command reads this key"));
            }
            else
            {
                unobserved.Add(p);
            }
        }

        if (dead.Count == 0)
        {
            return list;
        }

        list.RemoveAll(f => f.CheckId == "config.used");
        var evidence = dead.Select(d => Evidence.At(d.Probe.File, LineOf(model, d.Probe), $"dead config: {d.Probe.Key} {d.Probe.OldValue} → {d.Probe.NewValue} changed no output, and {d.Why}"))
            .Concat(unobserved.Select(p => Evidence.At(p.File, LineOf(model, p), $"{p.Key}: no observable effect, although the code reads it")))
            .Concat(record.Probes.Where(p => p.ChangedOutputs).Select(p => Evidence.At(p.File, LineOf(model, p), $"{p.Key}: changing it changed {string.Join(", ", p.DifferingOutputs)}")));
        list.Add(Finding.Create("config.used", Outcome.NotMet, Source.Verified,
            $"dead config: changing {string.Join(", ", dead.Select(d => d.Probe.Key))} changed no output, and the code never reads {(dead.Count == 1 ? "it" : "them")}.",
            evidence, "Read these keys in the code (or pass them on the command line from the pipeline), or delete them from the config."));
        return list;
    }

    /// <summary>The one-paragraph summary shown in reports.</summary>
    public static VerificationSummary Summary(VerificationRecord record)
    {
        var env = record.Environment is { } e ? $"{e.Os}, Python {e.Python}, {e.Cpu}{(e.Gpu is { Length: > 0 } g ? ", " + g : string.Empty)}" : "environment not recorded";
        return new VerificationSummary(record.Runs.Count, record.Reproduced, record.Plan?.Describe() ?? "(no plan)", env,
            record.When.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }

    /// <summary>Assesses the project with the record's verified findings merged in.</summary>
    public static Report Assess(ProjectModel model, VerificationRecord record) =>
        Assessment.Assessor.Assess(model, Findings(record, model)) with { Verification = Summary(record) };

    private static int? LineOf(ProjectModel model, ProbeResult p) =>
        model.ConfigFiles.FirstOrDefault(c => c.Path == p.File)?.Find(p.Key)?.Line;

}
