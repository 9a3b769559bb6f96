using System.Globalization;
using MLRepro.Findings;
using MLRepro.Verify.Comparators;

namespace MLRepro.Verify;

/// <summary>Turns a <see cref="VerificationRecord"/> into verified findings (the checks layer merges them with static ones).</summary>
internal static class VerificationFindings
{
    /// <summary>File extensions treated as data when a run reads them from the project.</summary>
    public static readonly IReadOnlySet<string> DataExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".csv", ".tsv", ".parquet", ".feather", ".arrow", ".jsonl", ".npy", ".npz", ".h5", ".hdf5", ".txt", ".xlsx", ".xls",
        ".png", ".jpg", ".jpeg", ".bmp", ".gif", ".tif", ".tiff", ".wav", ".mp3", ".flac", ".tfrecord", ".zip", ".gz", ".data",
        ".libsvm", ".arff", ".pkl", ".json", ".xml", ".db", ".sqlite",
    };

    public static IReadOnlyList<Finding> From(VerificationRecord r)
    {
        var findings = new List<Finding>();
        if (r.Runs.Count == 0)
        {
            return findings;
        }

        var run1 = r.Runs[0];
        var cmd = r.Plan is null ? "the plan" : string.Join(" && ", r.Plan.Commands);

        // code.runs
        if (run1.Succeeded)
        {
            findings.Add(Finding.Create("code.runs", Outcome.Met, Source.Verified,
                $"`{cmd}` ran to completion (exit 0) in {Seconds(run1.DurationSeconds)} in a fresh copy of the project.",
                [Evidence.Repo($"{run1.Name}: exit 0, {run1.Outputs.Count} output file(s) written")]));
        }
        else
        {
            var why = run1.TimedOut ? "was killed at the time limit" : $"exited with status {run1.ExitCode}";
            findings.Add(Finding.Create("code.runs", Outcome.NotMet, Source.Verified, $"`{cmd}` {why}.",
                [new Evidence("", null, Tail(run1.StderrTail, 1500), $"{run1.Name}: stderr tail")],
                "Make the documented command run end to end on a fresh checkout (see the stderr tail)."));
        }

        // code.deterministic
        if (r.Runs.Count >= 2 && r.Comparisons.Count > 0 && run1.Succeeded && r.Runs[1].Succeeded)
        {
            var c = r.Comparisons[0];
            var varied = string.Join(", ", r.Variations);
            if (c.Files.Count == 0)
            {
                findings.Add(Finding.Create("code.deterministic", Outcome.Inconclusive, Source.Verified,
                    "The runs wrote no output files to compare (declare outputs in .mlrepro.yaml).", [Evidence.Repo("no created or changed files")]));
            }
            else if (c.Reproduced)
            {
                var bit = c.Files.All(f => f.Verdict is Verdict.Identical or Verdict.Equivalent);
                findings.Add(Finding.Create("code.deterministic", Outcome.Met, Source.Verified,
                    bit ? $"Two runs gave bit-identical outputs ({c.Files.Count} file(s)), although the second varied {varied}."
                        : $"Two runs gave outputs equal within the configured tolerances ({c.Files.Count} file(s)); the second varied {varied}.",
                    c.Files.Select(f => Evidence.At(f.Path, null, $"{f.Verdict}: {f.Summary}"))));
            }
            else
            {
                var cause = r.Isolation.Where(i => i.ChangesOutputs).Select(i => i.Variation?.ToString() ?? "none (randomness without any variation)").ToList();
                var causeText = cause.Count > 0 ? " Isolated cause: " + string.Join(", ", cause) + "." : "";
                findings.Add(Finding.Create("code.deterministic", Outcome.NotMet, Source.Verified,
                    $"Two runs gave different outputs: {string.Join(", ", c.Differing.Select(f => f.Path))}.{causeText}",
                    c.Differing.Select(f => Evidence.At(f.Path, null, f.Summary, DiffSnippet(f))),
                    "Seed every random number generator (random, numpy, torch, scikit-learn random_state) from the config, and avoid depending on set/dict order, time or paths."));
            }
        }

        else if (r.Runs.Count >= 2 && run1.Succeeded && !r.Runs[1].Succeeded)
        {
            var run2 = r.Runs[1];
            var cause = r.Isolation.Where(i => i.ChangesOutputs).Select(i => i.Variation?.ToString() ?? "none").ToList();
            findings.Add(Finding.Create("code.deterministic", Outcome.NotMet, Source.Verified,
                $"The first run succeeded but the second, which varied {string.Join(", ", run2.Variations)}, " +
                (run2.TimedOut ? "was killed at the time limit." : $"exited with status {run2.ExitCode}.") +
                (cause.Count > 0 ? " Isolated cause: " + string.Join(", ", cause) + "." : ""),
                [new Evidence("", null, Tail(run2.StderrTail, 1500), $"{run2.Name}: stderr tail")],
                "Make the run independent of the folder it runs in, the time zone, locale, HOME, umask and file order."));
        }

        // config.used
        var probes = r.Probes.Where(p => p.Applied && p.RunSucceeded).ToList();
        if (probes.Count > 0)
        {
            var used = probes.Where(p => p.ChangedOutputs).ToList();
            var dead = probes.Where(p => !p.ChangedOutputs).ToList();
            var ev = probes.Select(p => Evidence.At(p.File, null,
                $"{p.Key}: {p.OldValue} → {p.NewValue}: " + (p.ChangedOutputs ? "changed " + string.Join(", ", p.DifferingOutputs) : "no observable effect") +
                (p.FileOpened is { } o ? o ? " (file opened)" : " (file never opened)" : ""))).ToList();
            if (dead.Count == 0)
            {
                findings.Add(Finding.Create("config.used", Outcome.Met, Source.Verified,
                    $"Changing {string.Join(", ", used.Select(p => p.Key))} changed the outputs: the code reads its config.", ev));
            }
            else
            {
                findings.Add(Finding.Create("config.used", Outcome.Inconclusive, Source.Verified,
                    $"Changing {string.Join(", ", dead.Select(p => p.Key))} had no observable effect on the outputs" +
                    (used.Count > 0 ? $"; changing {string.Join(", ", used.Select(p => p.Key))} did." : ".") +
                    " Static analysis decides whether these keys are dead config.", ev,
                    "Read every parameter from the config file (a key the code ignores misleads readers), or remove unused keys."));
            }
        }

        // config.deterministic (--deep)
        var deep = r.Probes.Where(p => p.Deterministic is not null).ToList();
        if (deep.Count > 0)
        {
            var bad = deep.Where(p => p.Deterministic == false).ToList();
            findings.Add(Finding.Create("config.deterministic", bad.Count == 0 ? Outcome.Met : Outcome.NotMet, Source.Verified,
                bad.Count == 0 ? $"Each of {deep.Count} mutated config(s) gave identical outputs in two runs."
                    : $"With {string.Join(", ", bad.Select(p => $"{p.Key}={p.NewValue}"))} two runs gave different outputs.",
                deep.Select(p => Evidence.At(p.File, null, $"{p.Key}={p.NewValue}: {(p.Deterministic == true ? "identical" : "different")} across two runs"))));
        }

        // data.managed / code.example-input: data the run read from inside the project.
        var configFiles = r.Probes.Select(p => p.File).ToHashSet(StringComparer.Ordinal);
        if (run1.Succeeded && run1.Trace.Method == "strace")
        {
            var data = run1.Trace.ProjectReads
                .Where(f => DataExtensions.Contains(Path.GetExtension(f)) && !configFiles.Contains(f) && run1.InputHashes.ContainsKey(f) && !f.StartsWith('.'))
                .ToList();
            var hidden = run1.Trace.Outside.Where(o => !o.Write).Select(o => o.Path).ToList();
            if (data.Count > 0)
            {
                var ev = data.Take(20).Select(f => Evidence.At(f, null, "read by the run from inside the project")).ToList();
                findings.Add(Finding.Create("code.example-input", Outcome.Met, Source.Verified,
                    $"The run used input data shipped with the project ({data.Count} file(s)).", ev));
                findings.Add(Finding.Create("data.managed", hidden.Count == 0 ? Outcome.Met : Outcome.Partial, Source.Verified,
                    hidden.Count == 0 ? "Every data file the run read lies inside the project."
                        : $"The run read data inside the project, but also tried to read {hidden.Count} file(s) outside it.",
                    ev.Concat(hidden.Take(10).Select(h => Evidence.Repo("read outside the project: " + h)))));
            }
            else if (hidden.Count > 0)
            {
                findings.Add(Finding.Create("data.managed", Outcome.NotMet, Source.Verified,
                    $"The run read files from outside the project ({hidden.Count}), which a fresh checkout does not have.",
                    hidden.Take(10).Select(h => Evidence.Repo("read outside the project: " + h)),
                    "Keep the data in the project (or in DVC/a download script) and use paths relative to the project."));
            }
        }

        return findings;
    }

    private static string Seconds(double s) => s.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    private static string Tail(string s, int max) => s.Length <= max ? s : s[^max..];

    private static string DiffSnippet(FileComparison f) => string.Join("; ", f.Differing.Where(i => !i.WithinTolerance).Take(5).Select(i =>
        i.Kind == "tensor"
            ? $"{i.Name} {i.Dtype} {(i.Shape is null ? "" : "(" + string.Join(", ", i.Shape) + ")")}: max |Δ| {Num(i.MaxAbs)}, {Num(i.FractionDiffering * 100)}% of elements differ"
            : $"{i.Name}: {i.A} vs {i.B}"));

    private static string Num(double? x) => x is { } v ? v.ToString("G4", CultureInfo.InvariantCulture) : "?";
}
