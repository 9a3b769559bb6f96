using System.CommandLine;
using System.Globalization;
using MLRepro.Verify;
using MLRepro.Verify.Comparators;

namespace MLRepro.Cli.Commands;

/// <summary>`mlrepro verify [PATH]`: runs the project twice in sandboxed copies, compares every output, probes the config.</summary>
internal static class VerifyCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var path = new Argument<string>("path") { Description = "Project folder to verify.", DefaultValueFactory = _ => "." };
        var cmdOpt = new Option<string[]>("--cmd") { Description = "Command to run (repeatable; run in order). Overrides .mlrepro.yaml.", AllowMultipleArgumentsPerToken = false };
        var planOnly = new Option<bool>("--plan") { Description = "Print the run plan and exit without running." };
        var outOpt = new Option<string?>("--out") { Description = "Write the verification record (JSON, mlrepro/verification/v1) to this file." };
        var runsOpt = new Option<int>("--runs") { Description = "Number of runs (at least 2).", DefaultValueFactory = _ => 2 };
        var isolate = new Option<bool>("--isolate") { Description = "When runs differ, rerun with one variation at a time to name the cause." };
        var parallel = new Option<bool>("--parallel") { Description = "Run the first two runs at the same time." };
        var deep = new Option<bool>("--deep") { Description = "Run each mutated config twice (config.deterministic)." };
        var probe = new Option<bool?>("--probe-config") { Description = "Change up to three numeric config values and check the outputs change (default: on when a params file exists)." };
        var noProbe = new Option<bool>("--no-probe-config") { Description = "Do not probe the config." };
        var mutate = new Option<string[]>("--mutate") { Description = "A config change to probe, e.g. train.epochs=6 or params.yaml:train.epochs=6 (repeatable)." };
        var timeout = new Option<string?>("--timeout") { Description = "Time limit per run: seconds or 10m, 1h (default 30m or .mlrepro.yaml's timeout)." };
        var memory = new Option<string?>("--memory") { Description = "Memory limit per run (heap and private mappings, not address space), e.g. 8G (default 16G)." };
        var network = new Option<bool>("--network") { Description = "Allow network access." };
        var noSandbox = new Option<bool>("--no-sandbox") { Description = "Run without bubblewrap (unconfined!)." };
        var python = new Option<string?>("--python") { Description = "Interpreter whose folder goes first on PATH (default /usr/bin/python3)." };
        var keep = new Option<bool>("--keep") { Description = "Keep the run folders for inspection." };
        var cmd = new Command("verify", "Run the project twice in sandboxed copies, compare every output down to the weights, and probe the config.")
        {
            path, cmdOpt, planOnly, outOpt, runsOpt, isolate, parallel, deep, probe, noProbe, mutate, timeout, memory, network, noSandbox, python, keep,
        };
        cmd.SetAction(r =>
        {
            var root = r.GetValue(path)!;
            if (!Directory.Exists(root))
            {
                stderr.WriteLine($"mlrepro: '{root}' is not a folder");
                return CliApp.ExitUsage;
            }

            var problems = new List<string>();
            var plan = RunPlanResolver.Resolve(root, r.GetValue(cmdOpt) ?? [], problems);
            foreach (var p in problems)
            {
                stderr.WriteLine("mlrepro: " + p);
            }

            if (plan is null)
            {
                stderr.WriteLine("mlrepro: " + RunPlanResolver.NoPlanMessage);
                return CliApp.ExitUsage;
            }

            if (r.GetValue(planOnly))
            {
                stdout.WriteLine(plan.Describe());
                return CliApp.ExitOk;
            }

            var sandbox = new SandboxOptions { Network = r.GetValue(network), UseSandbox = !r.GetValue(noSandbox), AllowUnsandboxed = r.GetValue(noSandbox) };
            if (r.GetValue(timeout) is { } ts)
            {
                if (MlreproYamlPlanSource.ParseDuration(ts) is not { } t)
                {
                    stderr.WriteLine($"mlrepro: --timeout '{ts}' is not a duration (e.g. 600, 10m, 1h)");
                    return CliApp.ExitUsage;
                }

                sandbox = sandbox with { Timeout = t };
                plan = plan with { Timeout = t };
            }

            if (r.GetValue(memory) is { } ms)
            {
                if (ParseBytes(ms) is not { } m)
                {
                    stderr.WriteLine($"mlrepro: --memory '{ms}' is not a size (e.g. 8G, 512M)");
                    return CliApp.ExitUsage;
                }

                sandbox = sandbox with { MemoryBytes = m };
            }

            if (r.GetValue(python) is { } py)
            {
                sandbox = sandbox with { Python = py };
            }

            var runs = r.GetValue(runsOpt);
            if (runs < 2)
            {
                stderr.WriteLine("mlrepro: --runs must be at least 2");
                return CliApp.ExitUsage;
            }

            var options = new VerifyOptions
            {
                Runs = runs, Isolate = r.GetValue(isolate), Parallel = r.GetValue(parallel), Deep = r.GetValue(deep),
                ProbeConfig = r.GetValue(noProbe) ? false : r.GetValue(probe), Mutations = r.GetValue(mutate) ?? [], Sandbox = sandbox, KeepWork = r.GetValue(keep), Log = stderr,
            };
            using var cts = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                e.Cancel = true;
                cts.Cancel();
            };
            Console.CancelKeyPress += onCancel;
            // The static half of the final assessment does not depend on the runs (they work in copies of an unchanged
            // tree): build the model and run every check while run 1 runs, so only the merge is left at the end. It runs at a
            // lower priority so that it takes idle cores, not the run's (see Background).
            var staticModel = Background.Run(() =>
            {
                var m = MLRepro.Model.ProjectModel.Open(root);
                MLRepro.Assessment.Assessor.Assess(m);
                return m;
            });
            VerificationRecord record;
            try
            {
                record = Verifier.Run(root, plan, options, cts.Token);
            }
            catch (OperationCanceledException)
            {
                stderr.WriteLine("mlrepro: verify cancelled; every child process was killed");
                return CliApp.ExitFailed;
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }

            if (record.Runs.Count == 0)
            {
                foreach (var p in record.Problems)
                {
                    stderr.WriteLine("mlrepro: " + p);
                }

                return CliApp.ExitUsage;
            }

            VerifySummary.Write(stdout, record);
            if (r.GetValue(outOpt) is { } outPath)
            {
                record.Save(outPath);
                stdout.WriteLine($"record written to {outPath}");
            }

            // The full assessment, with what the runs proved or disproved merged in as verified findings.
            stdout.WriteLine();
            MLRepro.Model.ProjectModel model;
            try
            {
                model = staticModel.GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The background read failed (a file vanished mid-read): read the tree again now.
                model = MLRepro.Model.ProjectModel.Open(root);
            }

            var assessment = VerificationMerge.Assess(model, record);
            new MLRepro.Reporting.Console.ConsoleReporter(color: Terminal.UseColor(null), verbose: false, width: Terminal.Width()).Write(assessment, stdout);

            return record.Reproduced ? CliApp.ExitOk : CliApp.ExitFailed;
        });
        return cmd;
    }

    /// <summary>Parses 8G, 512M, 1024K or a byte count.</summary>
    internal static long? ParseBytes(string s)
    {
        s = s.Trim().ToUpperInvariant().TrimEnd('B', 'I');
        var mul = 1L;
        if (s.EndsWith('G')) { mul = 1L << 30; s = s[..^1]; }
        else if (s.EndsWith('M')) { mul = 1L << 20; s = s[..^1]; }
        else if (s.EndsWith('K')) { mul = 1L << 10; s = s[..^1]; }
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 ? (long)(v * mul) : null;
    }
}

/// <summary>The readable summary of a verification.</summary>
internal static class VerifySummary
{
    public static void Write(TextWriter w, VerificationRecord r)
    {
        static string F(double? x) => x is { } v ? v.ToString("G4", CultureInfo.InvariantCulture) : "-";
        w.WriteLine($"mlrepro verify: {r.Project}");
        if (r.Plan is not null)
        {
            w.WriteLine(r.Plan.Describe());
        }

        w.WriteLine($"sandbox: {r.Sandbox?.Mode}{(r.Sandbox?.Network == true ? ", network allowed" : ", no network")}{(r.Sandbox?.Traced == true ? ", traced with strace" : "")}");
        foreach (var p in r.Problems)
        {
            w.WriteLine("! " + p);
        }

        w.WriteLine();
        w.WriteLine("runs:");
        foreach (var run in r.Runs)
        {
            var vars = run.Variations.Count == 0 ? "" : " [varied: " + string.Join(", ", run.Variations) + "]";
            w.WriteLine($"  {run.Name}: {(run.TimedOut ? "timed out" : "exit " + run.ExitCode.ToString(CultureInfo.InvariantCulture))} in {run.DurationSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s, {run.Outputs.Count} output(s){vars}");
            if (!run.Succeeded && run.StderrTail.Length > 0)
            {
                foreach (var line in run.StderrTail.TrimEnd().Split('\n').TakeLast(8))
                {
                    w.WriteLine("      | " + line);
                }
            }
        }

        if (r.Comparisons.Count > 0)
        {
            var c = r.Comparisons[0];
            w.WriteLine();
            w.WriteLine($"outputs ({c.A} vs {c.B}):");
            foreach (var f in c.Files)
            {
                w.WriteLine($"  {Mark(f.Verdict)} {f.Path} [{f.Format}] {f.Verdict}: {f.Summary}");
                foreach (var i in f.Differing.Take(10))
                {
                    if (i.Kind == "tensor")
                    {
                        w.WriteLine($"      {i.Name} {i.Dtype} ({string.Join(", ", i.Shape ?? [])}): max |Δ| {F(i.MaxAbs)}, max rel {F(i.MaxRel)}, {F(i.FractionDiffering * 100)}% differ{(i.WithinTolerance ? " (within tolerance)" : "")}");
                    }
                    else
                    {
                        w.WriteLine($"      {i.Name}: {i.A} vs {i.B}{(i.WithinTolerance ? " (within tolerance)" : "")}");
                    }
                }
            }
        }

        if (r.Isolation.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("isolation (one variation at a time vs run 1):");
            foreach (var i in r.Isolation)
            {
                w.WriteLine($"  {(i.Variation?.ToString() ?? "no variation")}: {(i.ChangesOutputs ? "changes " + string.Join(", ", i.DifferingOutputs) : "no effect")}");
            }
        }

        if (r.ConfigFiles.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("config files: " + string.Join(", ", r.ConfigFiles.Select(kv => kv.Key + (kv.Value is { } o ? o ? " (opened by run 1)" : " (never opened)" : ""))));
        }

        if (r.Probes.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("config probe:");
            foreach (var p in r.Probes)
            {
                var effect = !p.Applied ? "not applied" : !p.RunSucceeded ? "run failed" : p.ChangedOutputs ? "changed " + string.Join(", ", p.DifferingOutputs) : "no observable effect";
                var opened = p.FileOpened is { } o ? o ? ", file opened" : ", file never opened" : "";
                var det = p.Deterministic is { } d ? d ? ", deterministic" : ", NOT deterministic" : "";
                w.WriteLine($"  {p.File}:{p.Key} {p.OldValue} → {p.NewValue}: {effect}{opened}{det}");
            }
        }

        if (r.Sandbox?.BlockedAttempts.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("accesses outside the project copy:");
            foreach (var b in r.Sandbox.BlockedAttempts.Take(30))
            {
                w.WriteLine("  " + b);
            }
        }

        w.WriteLine();
        w.WriteLine(r.Reproduced ? "verdict: reproduced" : "verdict: NOT reproduced");
    }

    private static string Mark(Verdict v) => v switch
    {
        Verdict.Identical or Verdict.Equivalent => "=",
        Verdict.WithinTolerance => "≈",
        _ => "≠",
    };
}
