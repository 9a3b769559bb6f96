using AwesomeAssertions;
using MLRepro.Findings;
using MLRepro.Verify.Comparators;
using MLRepro.Verify.Tests.Support;

namespace MLRepro.Verify.Tests;

/// <summary>End-to-end verifications of small real ML projects, run with /usr/bin/python3 in the sandbox.</summary>
public sealed class VerifierTests
{
    private static Finding One(VerificationRecord r, string id) => r.ToFindings().Should().ContainSingle(f => f.CheckId == id).Subject;

    [Fact]
    public void Seeded_sklearn_pipeline_is_bit_identical_and_its_config_is_used()
    {
        Env.RequireSandbox();
        Env.RequirePython("sklearn", "pandas", "yaml");
        var project = Env.Project("sklearn-seeded");
        var before = Snapshot.TreeHash(Snapshot.Take(project));
        var r = Verifier.Run(project, Env.PlanOf(project), Env.Options(o => o with { ProbeConfig = true, ProbeCount = 1, Fingerprint = true }), TestContext.Current.CancellationToken);

        r.Problems.Should().BeEmpty();
        r.Runs.Take(2).Should().OnlyContain(run => run.Succeeded);
        r.Reproduced.Should().BeTrue();
        r.Variations.Should().HaveCount(Enum.GetValues<Variation>().Length);
        r.Comparisons[0].Files.Select(f => (f.Path, f.Verdict)).Should().BeEquivalentTo(new[] { ("metrics.json", Verdict.Identical), ("model.pkl", Verdict.Identical) });

        var probe = r.Probes.Should().ContainSingle().Subject;
        probe.Key.Should().Be("model.n_estimators");
        (probe.OldValue, probe.NewValue).Should().Be(("20", "21"));
        probe.ChangedOutputs.Should().BeTrue();
        probe.DifferingOutputs.Should().Contain("model.pkl");
        probe.FileOpened.Should().BeTrue();

        var trace = r.Runs[0].Trace;
        trace.Method.Should().Be("strace");
        r.Sandbox!.Tracer.Should().Be(HostTools.StraceSeccompBpf ? "strace --seccomp-bpf" : "strace");
        r.Sandbox.TracedRuns.Should().Equal(r.Runs.Select(x => x.Name));
        r.Runs[1].Trace.ProjectReads.Should().Contain(["data/train.csv", "params.yaml", "train.py"], "run 2 is traced too");
        r.Environment!.Packages.Should().Contain(p => p.StartsWith("scikit-learn==", StringComparison.OrdinalIgnoreCase));
        trace.ProjectReads.Should().Contain(["data/train.csv", "params.yaml", "train.py"]);
        trace.ProjectWrites.Should().Contain(["model.pkl", "metrics.json"]);
        r.Runs[0].InputHashes.Should().ContainKey("data/train.csv");
        r.Environment!.Python.Should().Contain("3.");
        r.Environment.Os.Should().NotBeNullOrEmpty();

        One(r, "code.runs").Outcome.Should().Be(Outcome.Met);
        One(r, "code.deterministic").Outcome.Should().Be(Outcome.Met);
        One(r, "config.used").Outcome.Should().Be(Outcome.Met);
        One(r, "code.example-input").Evidence.Should().Contain(e => e.Path == "data/train.csv");
        One(r, "data.managed").Outcome.Should().Be(Outcome.Met);
        r.ToFindings().Should().OnlyContain(f => f.Source == Source.Verified);

        Snapshot.TreeHash(Snapshot.Take(project)).Should().Be(before, "the user's tree is never modified");

        using var t = new TempDir();
        var path = Path.Combine(t.Path, "verify.json");
        r.Save(path);
        var back = VerificationRecord.Load(path);
        back.Schema.Should().Be("mlrepro/verification/v1");
        back.Reproduced.Should().BeTrue();
        back.Plan!.Commands.Should().Equal(r.Plan!.Commands);
        back.Comparisons[0].Files.Should().HaveCount(2);
        back.ToFindings().Select(f => (f.CheckId, f.Outcome)).Should().Equal(r.ToFindings().Select(f => (f.CheckId, f.Outcome)));
    }

    [Fact]
    public void Unseeded_sklearn_fails_and_names_the_output_and_the_differing_values()
    {
        Env.RequireSandbox();
        Env.RequirePython("sklearn", "pandas");
        var project = Env.Project("sklearn-unseeded");
        var r = Verifier.Run(project, Env.Cmd("python3 train.py"), Env.Options(o => o with { Isolate = true }), TestContext.Current.CancellationToken);

        r.Runs.Take(2).Should().OnlyContain(run => run.Succeeded);
        r.Reproduced.Should().BeFalse();
        var model = r.Comparisons[0].Files.Single(f => f.Path == "model.pkl");
        model.Verdict.Should().Be(Verdict.Different);
        model.Format.Should().Be("pickle");
        model.Differing.Should().Contain(i => i.Name.StartsWith("estimators_[", StringComparison.Ordinal));
        model.Differing.Should().Contain(i => i.Name.EndsWith(".random_state", StringComparison.Ordinal) && i.A != i.B);

        // Nothing varied and the outputs still changed: the randomness is the project's own.
        r.Isolation.Should().ContainSingle().Which.Should().Match<IsolationResult>(i => i.Variation == null && i.ChangesOutputs);

        var det = One(r, "code.deterministic");
        det.Outcome.Should().Be(Outcome.NotMet);
        det.Message.Should().Contain("model.pkl");
        det.Evidence.Should().Contain(e => e.Path == "model.pkl" && e.Snippet!.Contains("estimators_", StringComparison.Ordinal));
    }

    [Fact]
    public void Torch_mlp_weights_are_compared_tensor_by_tensor()
    {
        Env.RequireSandbox();
        Env.RequirePython("torch", "yaml");
        var project = Env.Project("torch-mlp");
        var r = Verifier.Run(project, Env.PlanOf(project), Env.Options(o => o with { Mutations = ["train.epochs=4"] }), TestContext.Current.CancellationToken);

        r.Runs[0].StderrTail.Should().NotContain("Traceback");
        r.Reproduced.Should().BeTrue();
        r.Comparisons[0].Files.Select(f => f.Path).Should().Equal("out/metrics.json", "out/model.pt", "out/weights_copy.pt");
        r.Comparisons[0].Files.Single(f => f.Path == "out/model.pt").Format.Should().Be("torch");

        var probe = r.Probes.Should().ContainSingle().Subject;
        probe.ChangedOutputs.Should().BeTrue();
        var probeCmp = r.Comparisons.Single(c => c.B.StartsWith("probe", StringComparison.Ordinal));
        var weights = probeCmp.Files.Single(f => f.Path == "out/model.pt");
        weights.Verdict.Should().Be(Verdict.Different);
        weights.Items.Where(i => i.Kind == "tensor").Select(i => i.Name).Should().BeEquivalentTo(["0.weight", "0.bias", "2.weight", "2.bias"]);
        var w0 = weights.Items.Single(i => i.Name == "0.weight");
        w0.Shape.Should().Equal(16, 8);
        w0.Identical.Should().BeFalse();
        w0.MaxAbs.Should().BeGreaterThan(0);
        w0.FractionDiffering.Should().BeGreaterThan(0.5);
        probeCmp.Files.Single(f => f.Path == "out/metrics.json").Items.Should().Contain(i => i.Name == "loss[3]" && i.A == "(absent)");
    }

    [Fact]
    public void Dead_config_key_has_no_observable_effect()
    {
        Env.RequireSandbox();
        Env.RequirePython("numpy", "yaml");
        var project = Env.Project("dead-config");
        var r = Verifier.Run(project, Env.Cmd("python3 train.py"), Env.Options(o => o with { ProbeConfig = null, Deep = true }), TestContext.Current.CancellationToken);

        r.Reproduced.Should().BeTrue();
        var epochs = r.Probes.Single(p => p.Key == "epochs");
        (epochs.OldValue, epochs.NewValue).Should().Be(("5", "6"));
        epochs.NoObservableEffect.Should().BeTrue();
        epochs.FileOpened.Should().BeTrue("train.py opens params.yaml for the seed");
        epochs.Deterministic.Should().BeTrue();
        var seed = r.Probes.Single(p => p.Key == "seed");
        seed.ChangedOutputs.Should().BeTrue();
        seed.DifferingOutputs.Should().Contain("weights.npy");

        r.ConfigFiles.Should().Equal(new Dictionary<string, bool?> { ["params.yaml"] = true });
        var used = One(r, "config.used");
        used.Outcome.Should().Be(Outcome.Inconclusive);
        used.Message.Should().Contain("epochs");
        One(r, "config.deterministic").Outcome.Should().Be(Outcome.Met);
    }

    [Fact]
    public void Set_iteration_order_is_caught_by_the_hash_seed_variation_and_named_by_isolate()
    {
        Env.RequireSandbox();
        Env.RequirePython();
        var project = Env.Project("hash-order");
        var r = Verifier.Run(project, Env.Cmd("python3 make_vocab.py"), Env.Options(o => o with { Isolate = true }), TestContext.Current.CancellationToken);

        r.Reproduced.Should().BeFalse();
        r.Comparisons[0].Files.Single().Path.Should().Be("vocab.json");
        r.Isolation.Where(i => i.ChangesOutputs).Select(i => i.Variation).Should().Equal(Variation.HashSeed);
        r.Isolation.Should().HaveCount(1 + Enum.GetValues<Variation>().Length);
        One(r, "code.deterministic").Message.Should().Contain("HashSeed");
    }

    [Fact]
    public void Hostile_project_cannot_write_outside_read_ssh_keys_or_open_sockets()
    {
        Env.RequireSandbox();
        Env.RequirePython();
        // The fake HOME lives outside /tmp, so the sandbox's private /tmp alone would not hide it.
        using var outside = new TempDir("/var/tmp");
        var home = Path.Combine(outside.Path, "home");
        var secret = outside.Write("home/.ssh/id_rsa", "-----BEGIN FAKE KEY----- s3cr3t-token\n");
        var target = Path.Combine(outside.Path, "escaped.txt");
        using var t = new TempDir();
        t.Write("targets.txt", $"{secret}\n{target}\n");
        t.Write("hostile.py", """
            import json, socket
            secret, target = open("targets.txt").read().split()
            result = {}
            try:
                result["secret"] = open(secret).read()
            except OSError as e:
                result["secret"] = "blocked: " + type(e).__name__
            for name, path in [("outside", target), ("etc", "/etc/mlrepro-pwned")]:
                try:
                    open(path, "w").write("escaped")
                    result[name] = "written"
                except OSError as e:
                    result[name] = "blocked: " + type(e).__name__
            for name, addr in [("loopback", ("127.0.0.1", 9)), ("internet", ("1.1.1.1", 80))]:
                s = socket.socket()
                s.settimeout(3)
                try:
                    s.connect(addr)
                    result[name] = "connected"
                except OSError as e:
                    result[name] = "blocked: " + type(e).__name__
                finally:
                    s.close()
            json.dump(result, open("result.json", "w"), indent=1)
            print(result)
            """);
        var options = Env.Options(o => o with { Sandbox = o.Sandbox with { HiddenPaths = [home] } });
        var r = Verifier.Run(t.Path, Env.Cmd("python3 hostile.py"), options, TestContext.Current.CancellationToken);

        r.Runs[0].Succeeded.Should().BeTrue(r.Runs[0].StderrTail);
        File.Exists(target).Should().BeFalse();
        File.Exists("/etc/mlrepro-pwned").Should().BeFalse();
        r.Runs[0].StdoutTail.Should().NotContain("s3cr3t");
        r.Runs[0].StdoutTail.Should().Contain("'secret': 'blocked: FileNotFoundError'");
        r.Runs[0].StdoutTail.Should().Contain("'loopback': 'blocked");
        r.Runs[0].StdoutTail.Should().Contain("'internet': 'blocked");

        var blocked = r.Sandbox!.BlockedAttempts;
        blocked.Should().Contain($"read {secret} → ENOENT");
        blocked.Should().Contain(b => b.StartsWith($"write {target} → E", StringComparison.Ordinal));
        blocked.Should().Contain(b => b.StartsWith("write /etc/mlrepro-pwned → E", StringComparison.Ordinal));
        blocked.Should().Contain(b => b.StartsWith("connect ", StringComparison.Ordinal) && b.Contains("127.0.0.1", StringComparison.Ordinal) && b.Contains("→ E", StringComparison.Ordinal));
        blocked.Should().Contain(b => b.StartsWith("connect ", StringComparison.Ordinal) && b.Contains("1.1.1.1", StringComparison.Ordinal) && b.Contains("→ ENETUNREACH", StringComparison.Ordinal));
        r.Runs[0].Trace.Network.Should().HaveCountGreaterThanOrEqualTo(2);
    }

    [Fact]
    public void The_users_tree_is_never_modified_even_when_the_run_edits_its_inputs()
    {
        Env.RequireSandbox();
        Env.RequirePython();
        using var t = new TempDir();
        t.Write("data.txt", "1\n2\n");
        t.Write("junk.tmp", "delete me");
        t.Write(".git/HEAD", "ref: refs/heads/main\n");
        t.Write("step.py", """
            import os
            open("data.txt", "a").write("3\n")
            os.remove("junk.tmp")
            os.makedirs("out", exist_ok=True)
            open("out/model.txt", "w").write(str(sum(int(x) for x in open("data.txt"))))
            print("git visible:", os.path.exists(".git"))
            """);
        var before = Snapshot.Take(t.Path);
        var r = Verifier.Run(t.Path, Env.Cmd("python3 step.py"), Env.Options(), TestContext.Current.CancellationToken);

        r.Runs[0].Succeeded.Should().BeTrue(r.Runs[0].StderrTail);
        r.Runs[0].StdoutTail.Should().Contain("git visible: False");
        r.Runs[0].Outputs.Keys.Should().BeEquivalentTo(["data.txt", "out/model.txt"]);
        r.Reproduced.Should().BeTrue();
        var after = Snapshot.Take(t.Path);
        Snapshot.TreeHash(after).Should().Be(Snapshot.TreeHash(before));
        after.Keys.Should().Equal(before.Keys);
        Directory.Exists(Path.Combine(t.Path, "out")).Should().BeFalse();
    }

    [Fact]
    public void A_failing_run_is_not_met_with_the_stderr_tail_as_evidence()
    {
        Env.RequireSandbox();
        Env.RequirePython();
        using var t = new TempDir();
        t.Write("train.py", "import sys\nprint('loading data', file=sys.stderr)\nraise SystemExit('data/train.csv not found')\n");
        var r = Verifier.Run(t.Path, Env.Cmd("python3 train.py"), Env.Options(), TestContext.Current.CancellationToken);
        r.Runs[0].ExitCode.Should().Be(1);
        r.Reproduced.Should().BeFalse();
        var runs = One(r, "code.runs");
        runs.Outcome.Should().Be(Outcome.NotMet);
        runs.Evidence.Single().Snippet.Should().Contain("data/train.csv not found");
        r.ToFindings().Should().NotContain(f => f.CheckId == "code.deterministic");
    }

    [Fact]
    public void A_run_that_fails_only_in_another_time_zone_is_not_deterministic_and_isolated()
    {
        Env.RequireSandbox();
        Env.RequirePython();
        using var t = new TempDir();
        t.Write("report.py", "import time\nassert time.strftime('%z') == '+0000', 'expected UTC, got ' + time.strftime('%z')\nopen('report.txt', 'w').write('ok')\n");
        var r = Verifier.Run(t.Path, Env.Cmd("python3 report.py"), Env.Options(o => o with { Isolate = true }), TestContext.Current.CancellationToken);
        r.Runs[0].Succeeded.Should().BeTrue(r.Runs[0].StderrTail);
        r.Runs[1].Succeeded.Should().BeFalse();
        r.Reproduced.Should().BeFalse();
        r.Isolation.Where(i => i.ChangesOutputs).Select(i => i.Variation).Should().Equal(Variation.TimeZone);
        var det = One(r, "code.deterministic");
        det.Outcome.Should().Be(Outcome.NotMet);
        det.Message.Should().Contain("Isolated cause: TimeZone");
        det.Evidence.Single().Snippet.Should().Contain("expected UTC, got +1430");
    }

    [Fact]
    public void A_run_past_its_time_limit_is_killed_with_its_children()
    {
        Env.RequireSandbox();
        using var t = new TempDir();
        t.Write("slow.sh", "sleep 60 &\nsleep 60\n");
        var started = DateTime.UtcNow;
        var r = Verifier.Run(t.Path, Env.Cmd("sh slow.sh"), Env.Options(o => o with { Sandbox = o.Sandbox with { Timeout = TimeSpan.FromSeconds(2) } }), TestContext.Current.CancellationToken);
        (DateTime.UtcNow - started).Should().BeLessThan(TimeSpan.FromSeconds(30));
        r.Runs[0].TimedOut.Should().BeTrue();
        One(r, "code.runs").Message.Should().Contain("time limit");
    }

    [Fact]
    public void Without_a_sandbox_the_record_says_so()
    {
        Env.RequirePython();
        using var t = new TempDir();
        t.Write("run.py", "import os\nopen('out.txt', 'w').write(os.environ['PYTHONHASHSEED'] + ' ' + os.getcwd().split('/')[-1])\n");
        var r = Verifier.Run(t.Path, Env.Cmd("python3 run.py"), Env.Options(o => o with { Sandbox = o.Sandbox with { UseSandbox = false, AllowUnsandboxed = true } }), TestContext.Current.CancellationToken);
        r.Sandbox!.Mode.Should().StartWith("none");
        r.Problems.Should().Contain(p => p.Contains("NOT sandboxed", StringComparison.Ordinal));
        r.Runs[0].Succeeded.Should().BeTrue(r.Runs[0].StderrTail);
        // Both the hash seed and the folder name vary, so the output differs and says which values.
        var out1 = r.Comparisons[0].Files.Single(f => f.Path == "out.txt");
        out1.Verdict.Should().Be(Verdict.Different);
        out1.Items.Single().A.Should().StartWith("0 ");
        out1.Items.Single().B.Should().StartWith("4242 ");
    }
}

public sealed class VerifierLimitTests
{
    [Fact]
    public void Memory_limit_stops_a_run_that_allocates_too_much()
    {
        Env.RequireSandbox();
        Env.RequirePython();
        using var t = new TempDir();
        t.Write("hog.py", "x = bytearray(1 << 30)\nprint('allocated', len(x))\n");
        var r = Verifier.Run(t.Path, Env.Cmd("python3 hog.py"),
            Env.Options(o => o with { Sandbox = o.Sandbox with { MemoryBytes = 256L << 20 } }), TestContext.Current.CancellationToken);
        r.Runs[0].Succeeded.Should().BeFalse();
        r.Runs[0].StderrTail.Should().Contain("MemoryError");
    }

    [Fact]
    public void A_sandbox_that_cannot_start_is_a_problem_not_a_failing_project()
    {
        Env.RequireSandbox();
        using var t = new TempDir();
        t.Write("run.sh", "echo hi > out.txt\n");
        // 4 KiB of memory is too little for bwrap itself to start (its dynamic loader cannot map libc).
        var r = Verifier.Run(t.Path, Env.Cmd("sh run.sh"),
            Env.Options(o => o with { Sandbox = o.Sandbox with { MemoryBytes = 4096 } }), TestContext.Current.CancellationToken);
        r.Runs.Should().BeEmpty();
        r.Problems.Should().ContainSingle().Which.Should().Contain("could not start").And.Contain("--no-sandbox");
        r.ToFindings().Should().BeEmpty();
    }

    [Fact]
    public void Hidden_input_outside_the_project_is_reported_and_data_managed_is_not_met()
    {
        Env.RequireSandbox();
        Env.RequirePython();
        using var outside = new TempDir("/var/tmp");
        var data = outside.Write("data.csv", "x\n1\n2\n");
        using var t = new TempDir();
        t.Write("train.py", $"print(sum(int(v) for v in open('{data}').read().split()[1:]))\nopen('out.txt', 'w').write('3')\n");
        var r = Verifier.Run(t.Path, Env.Cmd("python3 train.py"), Env.Options(o => o with { Parallel = true }), TestContext.Current.CancellationToken);
        r.Runs.Take(2).Should().OnlyContain(run => run.Succeeded);
        r.Runs[0].Trace.Outside.Should().ContainSingle(o => o.Path == data && !o.Write && o.Error == null);
        var managed = r.ToFindings().Single(f => f.CheckId == "data.managed");
        managed.Outcome.Should().Be(MLRepro.Findings.Outcome.NotMet);
        managed.Evidence.Should().Contain(e => e.Note.Contains(data, StringComparison.Ordinal));
    }

    [Fact]
    public void Parallel_runs_overlap_in_time_and_the_record_says_so()
    {
        Env.RequireSandbox();
        Env.RequirePython();
        using var t = new TempDir();
        // Each run records when it started and ended; the comparison shows both runs' values.
        t.Write("train.py", "import json, time\ns = time.time()\ntime.sleep(3)\njson.dump({'start': s, 'end': time.time()}, open('times.json', 'w'))\n");
        var r = Verifier.Run(t.Path, Env.Cmd("python3 train.py"), Env.Options(o => o with { Parallel = true }), TestContext.Current.CancellationToken);
        r.Runs.Take(2).Should().OnlyContain(run => run.Succeeded);
        r.ParallelRuns.Should().Be(Environment.ProcessorCount >= Verifier.MinCoresForParallel);
        if (!r.ParallelRuns)
        {
            r.Problems.Should().Contain(p => p.Contains("--parallel", StringComparison.Ordinal));
            return;
        }

        var items = r.Comparisons[0].Files.Should().ContainSingle(f => f.Path == "times.json").Subject.Items;
        double Get(string key, bool a) => double.Parse((a ? items.Single(i => i.Name == key).A : items.Single(i => i.Name == key).B)!, System.Globalization.CultureInfo.InvariantCulture);
        var (s1, e1, s2, e2) = (Get("start", true), Get("end", true), Get("start", false), Get("end", false));
        (s2 < e1 && s1 < e2).Should().BeTrue($"run 1 ran {s1}..{e1} and run 2 {s2}..{e2}: at once, they overlap");
    }

    [Fact]
    public void Tracing_only_run_1_traces_run_1_and_says_so_while_run_2_is_still_compared()
    {
        Env.RequireSandbox();
        Env.RequirePython();
        using var t = new TempDir();
        t.Write("data/in.csv", "x\n21\n");
        t.Write("train.py", "open('out.txt', 'w').write(str(2 * int(open('data/in.csv').read().split()[1])))\n");
        var r = Verifier.Run(t.Path, Env.Cmd("python3 train.py"), Env.Options(o => o with { TraceOnlyFirstRun = true }), TestContext.Current.CancellationToken);
        r.Runs.Take(2).Should().OnlyContain(run => run.Succeeded);
        r.Sandbox!.TracedRuns.Should().Equal("run 1");
        r.Runs[0].Trace.Method.Should().Be("strace");
        r.Runs[0].Trace.ProjectReads.Should().Contain(["data/in.csv", "train.py"]);
        r.Runs[1].Trace.Method.Should().Be("snapshot");
        r.Runs[1].Outputs.Should().ContainKey("out.txt");
        r.Comparisons[0].Files.Should().ContainSingle(f => f.Path == "out.txt").Which.Verdict.Should().Be(Verdict.Identical);
        r.ToFindings().Should().Contain(f => f.CheckId == "code.example-input" && f.Evidence.Any(e => e.Path == "data/in.csv"));
    }

    [Fact]
    public void Tolerances_from_the_plan_turn_small_float_noise_into_within_tolerance()
    {
        Env.RequireSandbox();
        Env.RequirePython();
        using var t = new TempDir();
        // The second run's folder path is longer; its length leaks into the metric as tiny noise.
        t.Write("eval.py", "import json, os\njson.dump({'acc': 0.9 + len(os.getcwd()) * 1e-9, 'n': 10}, open('metrics.json', 'w'))\n");
        var exact = Verifier.Run(t.Path, Env.Cmd("python3 eval.py"), Env.Options(), TestContext.Current.CancellationToken);
        exact.Reproduced.Should().BeFalse();
        exact.Comparisons[0].Files.Single().Differing.Single().Name.Should().Be("acc");

        var plan = new RunPlan("--cmd", ["python3 eval.py"], ["metrics.json"], [new Tolerance("metrics.json", "acc", 1e-6, 0)], null);
        var tolerant = Verifier.Run(t.Path, plan, Env.Options(), TestContext.Current.CancellationToken);
        tolerant.Reproduced.Should().BeTrue();
        tolerant.Comparisons[0].Files.Single().Verdict.Should().Be(MLRepro.Verify.Comparators.Verdict.WithinTolerance);
        tolerant.ToFindings().Single(f => f.CheckId == "code.deterministic").Message.Should().Contain("within the configured tolerances");
    }
}
