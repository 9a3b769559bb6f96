using AwesomeAssertions;
using MLRepro.Verify.Tests.Support;

namespace MLRepro.Verify.Tests;

public sealed class RunPlanTests
{
    [Fact]
    public void MlreproYaml_reads_run_list_outputs_tolerances_and_timeout()
    {
        using var t = new TempDir();
        t.Write(".mlrepro.yaml", """
            run:
              - python3 prepare.py
              - python3 train.py --epochs 3
            outputs: [model.pt, "metrics/*.json"]
            tolerances:
              "metrics/*.json": 1e-6
              "model.pt:fc1.weight": {abs: 1e-5, rel: 1e-3}
            timeout: 10m
            """);
        var problems = new List<string>();
        var plan = RunPlanResolver.Resolve(t.Path, [], problems);
        problems.Should().BeEmpty();
        plan!.Source.Should().Be(".mlrepro.yaml");
        plan.Commands.Should().Equal("python3 prepare.py", "python3 train.py --epochs 3");
        plan.Outputs.Should().Equal("model.pt", "metrics/*.json");
        plan.Timeout.Should().Be(TimeSpan.FromMinutes(10));
        plan.ToleranceFor("metrics/eval.json", "acc")!.Absolute.Should().Be(1e-6);
        plan.ToleranceFor("model.pt", "fc1.weight")!.Relative.Should().Be(1e-3);
        plan.ToleranceFor("model.pt", "fc2.weight").Should().BeNull();
        plan.ToleranceFor("other.json", null).Should().BeNull();
    }

    [Fact]
    public void Cmd_takes_precedence_over_the_yaml_file()
    {
        using var t = new TempDir();
        t.Write(".mlrepro.yaml", "run: python3 a.py\n");
        var plan = RunPlanResolver.Resolve(t.Path, ["python3 b.py"], new List<string>());
        plan!.Source.Should().Be("--cmd");
        plan.Commands.Should().Equal("python3 b.py");
    }

    [Fact]
    public void No_plan_gives_null_and_a_message_naming_both_ways()
    {
        using var t = new TempDir();
        t.Write("train.py", "print(1)\n");
        RunPlanResolver.Resolve(t.Path, [], new List<string>()).Should().BeNull();
        RunPlanResolver.NoPlanMessage.Should().Contain("--cmd").And.Contain(".mlrepro.yaml");
    }

    [Fact]
    public void Broken_yaml_is_a_problem_with_a_line_not_an_exception()
    {
        using var t = new TempDir();
        t.Write(".mlrepro.yaml", "run: [python3 a.py\nother: 1\n");
        var problems = new List<string>();
        RunPlanResolver.Resolve(t.Path, [], problems).Should().BeNull();
        problems.Should().ContainSingle().Which.Should().StartWith(".mlrepro.yaml:");
    }

    [Theory]
    [InlineData("90", 90)]
    [InlineData("90s", 90)]
    [InlineData("10m", 600)]
    [InlineData("1.5h", 5400)]
    public void Durations_parse(string text, double seconds) =>
        MlreproYamlPlanSource.ParseDuration(text)!.Value.TotalSeconds.Should().Be(seconds);

    [Theory]
    [InlineData("*.json", "metrics.json", true)]
    [InlineData("*.json", "out/metrics.json", true)]
    [InlineData("out/*.json", "out/metrics.json", true)]
    [InlineData("out/*.json", "out/sub/metrics.json", false)]
    [InlineData("out/**", "out/sub/metrics.json", true)]
    [InlineData("model.pt", "model.pth", false)]
    public void Globs_match(string glob, string path, bool expected) => Glob.IsMatch(glob, path).Should().Be(expected);
}

public sealed class PipelinePlanSourceTests
{
    [Fact]
    public void Dvc_stages_run_in_dependency_order_and_declare_their_outputs()
    {
        using var t = new TempDir();
        t.Write("dvc.yaml", """
            stages:
              train:
                cmd: python3 src/train.py
                deps: [data/clean.csv, src/train.py]
                params: [train.epochs]
                outs:
                  - models/model.pkl:
                      cache: false
                metrics:
                  - metrics.json:
                      cache: false
              prepare:
                cmd:
                  - python3 src/prepare.py
                deps: [data/raw.csv]
                outs: [data/clean.csv]
            """);
        var plan = RunPlanResolver.Resolve(t.Path, [], new List<string>());
        plan!.Source.Should().Be("dvc.yaml");
        plan.Commands.Should().Equal("python3 src/prepare.py", "python3 src/train.py");
        plan.Outputs.Should().Equal("data/clean.csv", "models/model.pkl", "metrics.json");
    }

    [Fact]
    public void Dvc_cycles_and_unresolved_templating_are_problems()
    {
        using var t = new TempDir();
        t.Write("dvc.yaml", "stages:\n  a:\n    cmd: x\n    deps: [b.out]\n    outs: [a.out]\n  b:\n    cmd: y\n    deps: [a.out]\n    outs: [b.out]\n");
        var problems = new List<string>();
        RunPlanResolver.Resolve(t.Path, [], problems).Should().BeNull();
        problems.Should().ContainSingle().Which.Should().Contain("cycle");

        // Interpolated from params.yaml, as DVC does.
        t.Write("dvc.yaml", "stages:\n  a:\n    cmd: python3 train.py --epochs ${train.epochs}\n");
        t.Write("params.yaml", "train:\n  epochs: 4\n");
        problems.Clear();
        RunPlanResolver.Resolve(t.Path, [], problems)!.Commands.Should().Equal("python3 train.py --epochs 4");
        problems.Should().BeEmpty();

        // Naming nothing: not run with a literal ${} in the shell.
        File.Delete(Path.Combine(t.Path, "params.yaml"));
        RunPlanResolver.Resolve(t.Path, [], problems).Should().BeNull();
        problems.Should().Contain(p => p.Contains("templating", StringComparison.Ordinal) && p.Contains("'a'", StringComparison.Ordinal));
        problems.Should().Contain(p => p.StartsWith("dvc.yaml:3:", StringComparison.Ordinal) && p.Contains("${train.epochs}", StringComparison.Ordinal));
    }

    [Fact]
    public void Dvc_foreach_and_matrix_stages_expand_with_vars_and_params_in_dependency_order()
    {
        using var t = new TempDir();
        WriteForeachMatrixPipeline(t);
        var problems = new List<string>();
        var plan = RunPlanResolver.Resolve(t.Path, [], problems);
        problems.Should().BeEmpty();
        plan!.Source.Should().Be("dvc.yaml");
        plan.Commands.Should().Equal(
            "python3 prepare.py --name mnist --seed 7",
            "python3 prepare.py --name cifar --seed 7",
            "python3 train.py --model tree --lr 0.1 --epochs 3",
            "python3 train.py --model tree --lr 0.01 --epochs 3",
            "python3 train.py --model forest --lr 0.1 --epochs 3",
            "python3 train.py --model forest --lr 0.01 --epochs 3",
            "(cd 'reports' && python3 ../report.py --out summary.md)");
        plan.Outputs.Should().Equal(
            "data/clean/mnist.csv", "data/clean/cifar.csv",
            "models/tree-0.1.pkl", "models/tree-0.01.pkl", "models/forest-0.1.pkl", "models/forest-0.01.pkl",
            "reports/summary.md", "reports/metrics.json");
    }

    /// <summary>A report stage first in the file that needs every model; models from a matrix; clean data from a foreach over a vars list.</summary>
    internal static void WriteForeachMatrixPipeline(TempDir t)
    {
        t.Write("dvc.yaml", """
            vars:
              - config/datasets.yaml
              - seed: 7
            stages:
              report:
                wdir: reports
                cmd: python3 ../report.py --out summary.md
                deps: [../models]
                outs: [summary.md]
                metrics:
                  - metrics.json:
                      cache: false
              train:
                matrix:
                  model: [tree, forest]
                  lr: [0.1, 0.01]
                cmd: python3 train.py --model ${item.model} --lr ${item.lr} --epochs ${train.epochs}
                deps: [data/clean, train.py]
                params: [train.epochs]
                outs:
                  - models/${item.model}-${item.lr}.pkl
              prepare:
                foreach: ${datasets}
                do:
                  cmd: python3 prepare.py --name ${item} --seed ${seed}
                  deps:
                    - data/raw/${item}.csv
                  outs:
                    - data/clean/${item}.csv
            """);
        t.Write("config/datasets.yaml", "datasets: [mnist, cifar]\n");
        t.Write("params.yaml", "train:\n  epochs: 3\n");
    }

    [Fact]
    public void MLproject_main_command_gets_default_parameters()
    {
        using var t = new TempDir();
        t.Write("MLproject", """
            name: wine
            entry_points:
              main:
                parameters:
                  alpha: {type: float, default: 0.5}
                  l1_ratio: {type: float, default: 0.1}
                command: "python3 train.py --alpha {alpha} --l1 {l1_ratio}"
            """);
        var plan = RunPlanResolver.Resolve(t.Path, [], new List<string>());
        plan!.Source.Should().Be("MLproject");
        plan.Commands.Should().Equal("python3 train.py --alpha 0.5 --l1 0.1");

        // Defaults are shell-quoted as MLflow's shlex.quote does.
        t.Write("MLproject", "entry_points:\n  main:\n    parameters:\n      name: {type: string, default: \"my run\"}\n      n: {type: int, default: 3}\n    command: python3 train.py --name {name} -n {n}\n");
        RunPlanResolver.Resolve(t.Path, [], new List<string>())!.Commands.Should().Equal("python3 train.py --name 'my run' -n 3");

        t.Write("MLproject", "entry_points:\n  main:\n    parameters:\n      data: path\n    command: python3 train.py {data}\n");
        var problems = new List<string>();
        RunPlanResolver.Resolve(t.Path, [], problems).Should().BeNull();
        problems.Should().ContainSingle().Which.Should().Contain("data");
    }

    [Fact]
    public void Makefile_repro_target_is_preferred_over_all()
    {
        using var t = new TempDir();
        t.Write("Makefile", "VAR := 1\nall: model.pkl\n\nmodel.pkl: train.py\n\tpython3 train.py\n\nrepro: clean all\n");
        var plan = RunPlanResolver.Resolve(t.Path, [], new List<string>());
        plan!.Commands.Should().Equal("make -f Makefile repro");
        t.Write("Makefile", "all:\n\tpython3 train.py\n");
        RunPlanResolver.Resolve(t.Path, [], new List<string>())!.Commands.Should().Equal("make -f Makefile all");
        t.Write("Makefile", "VAR := 1\ntest:\n\tpytest\n");
        RunPlanResolver.Resolve(t.Path, [], new List<string>()).Should().BeNull();
    }

    [Fact]
    public void Mlrepro_yaml_wins_over_pipelines()
    {
        using var t = new TempDir();
        t.Write("dvc.yaml", "stages:\n  a:\n    cmd: python3 a.py\n");
        t.Write(".mlrepro.yaml", "run: python3 b.py\n");
        RunPlanResolver.Resolve(t.Path, [], new List<string>())!.Commands.Should().Equal("python3 b.py");
    }
}
