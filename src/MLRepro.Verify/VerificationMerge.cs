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
        GpuKernelsOnly(record, model, list);
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

    /// <summary>
    /// Runs on a GPU that differ although static analysis finds every random generator seeded, and no variation of the
    /// second run explains it: GPU kernel nondeterminism (float atomics, cuDNN autotuning), which the scale does not count
    /// against code.deterministic on its own ("GPU kernel nondeterminism alone does not fail it"). Partial, not NotMet,
    /// with the fix; seen on an H200 (bench/gpu).
    /// </summary>
    private static void GpuKernelsOnly(VerificationRecord record, ProjectModel model, List<Finding> list)
    {
        var i = list.FindIndex(f => f.CheckId == "code.deterministic" && f.Outcome == Outcome.NotMet);
        if (i < 0 || record.Runs.Count < 2 || !record.Runs[0].Succeeded || !record.Runs[1].Succeeded || record.Comparisons.Count == 0 ||
            record.Environment?.Gpu is not { Length: > 0 } gpu || record.Isolation.Any(x => x.ChangesOutputs && x.Variation is not null) ||
            model.Randomness.Unseeded.Any() || model.Randomness.Settings.Any(s => s.Good && Checks.Code.CodeDeterministicCheck.DeterministicKernelSettings.Contains(s.Name)) ||
            Checks.Environment.EnvHardwareCheck.CodeGpuUses(model).FirstOrDefault() is not { } use)
        {
            return;
        }

        var f = list[i];
        list[i] = Finding.Create("code.deterministic", Outcome.Partial, Source.Verified,
            $"Two runs on the GPU ({gpu}) gave different outputs ({string.Join(", ", record.Comparisons[0].Differing.Select(d => d.Path))}) although every random " +
            "generator is seeded and no variation of the second run explains it: GPU kernel nondeterminism (float atomics, cuDNN autotuning), " +
            "which the scale does not count as a failure on its own.",
            f.Evidence.Append(use with { Note = "runs on a GPU without deterministic kernels" }),
            "For bit-identical GPU runs call torch.use_deterministic_algorithms(True) and set CUBLAS_WORKSPACE_CONFIG=:4096:8 " +
            "(TensorFlow: tf.config.experimental.enable_op_determinism()), then verify again.");
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
