using AwesomeAssertions;
using MLRepro.Formats.Dvc;
using MLRepro.Text;

namespace MLRepro.Tests.Formats.Dvc;

public sealed class DvcParserTests
{
    private static SourceText T(string path, string text) => new(path, text);

    [Fact]
    public void Nested_dvc_yaml_and_wdir_make_paths_repository_relative()
    {
        var doc = DvcParser.ParsePipeline(T("experiments/nlp/dvc.yaml", "stages:\n  train:\n    wdir: ../..\n    cmd: python train.py\n    deps: [data/x.csv]\n    outs: [models/m.pt]\n    params: [lr]\n"));

        var s = doc.Stages.Single();
        s.Wdir.Should().Be(".");
        s.Deps.Single().Path.Should().Be("data/x.csv");
        s.Outs.Single().Path.Should().Be("models/m.pt");
        s.Params.Single().Should().Be(new DvcParam("params.yaml", "lr", 7));
    }

    [Fact]
    public void Foreach_over_a_params_list_resolves_through_the_file_reader()
    {
        var files = new Dictionary<string, string> { ["params.yaml"] = "models: [svm, rf]\nseed: 3\n" };
        var doc = DvcParser.ParsePipeline(
            T("dvc.yaml", "stages:\n  fit:\n    foreach: ${models}\n    do:\n      cmd: python fit.py ${item} --seed ${seed}\n"),
            p => files.TryGetValue(p, out var t) ? T(p, t) : null);

        doc.Stages.Select(s => (s.Name, s.Commands.Single(), s.Template)).Should().Equal(
            ("fit@svm", "python fit.py svm --seed 3", "fit"),
            ("fit@rf", "python fit.py rf --seed 3", "fit"));
        doc.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Unresolvable_foreach_keeps_the_stage_and_says_so()
    {
        var doc = DvcParser.ParsePipeline(T("dvc.yaml", "stages:\n  fit:\n    foreach: ${nothing}\n    do:\n      cmd: echo ${item}\n"));

        doc.Stages.Should().ContainSingle().Which.Name.Should().Be("fit");
        doc.Diagnostics.Select(d => d.Code).Should().Contain(["dvc.unresolved-interpolation", "dvc.unresolved-foreach"]);
    }

    [Fact]
    public void Missing_vars_file_is_a_diagnostic()
    {
        var doc = DvcParser.ParsePipeline(T("dvc.yaml", "vars:\n  - config/extra.yaml:train\nstages:\n  a:\n    cmd: echo ${train.lr}\n"), _ => null);

        doc.VarsFiles.Should().Equal("config/extra.yaml");
        doc.Diagnostics.Should().Contain(d => d.Code == "dvc.vars-missing" && d.Span!.Value.Line == 2);
        doc.Stages.Single().Commands.Single().Should().Be("echo ${train.lr}");
    }

    [Fact]
    public void Pointer_without_md5_and_config_with_undefined_default_remote_are_diagnosed()
    {
        var file = DvcParser.ParseDvcFile(T("data.dvc", "outs:\n- path: data\n"));
        var config = DvcParser.ParseConfig(T(".dvc/config", "[core]\nremote = origin\n"));

        file.Outs.Single().HasHash.Should().BeFalse();
        file.Diagnostics.Should().ContainSingle(d => d.Code == "dvc.file-no-hash");
        config.DefaultRemote.Should().Be("origin");
        config.Diagnostics.Should().ContainSingle(d => d.Code == "dvc.default-remote-undefined");
    }

    [Fact]
    public void Lock_params_keep_dotted_keys_and_values()
    {
        var doc = DvcParser.ParseLock(T("dvc.lock", "schema: '2.0'\nstages:\n  s:\n    cmd: python s.py\n    params:\n      cfg/p.yaml:\n        train.lr: 0.01\n        model:\n          depth: 4\n"));

        doc.Stages.Single().Params.Select(p => (p.File, p.Key, p.Value)).Should().Equal(("cfg/p.yaml", "train.lr", "0.01"), ("cfg/p.yaml", "model.depth", "4"));
    }
}
