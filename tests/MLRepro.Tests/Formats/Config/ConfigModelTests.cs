using System.Text.Json;
using AwesomeAssertions;
using MLRepro.Formats.Config;
using MLRepro.Model;
using MLRepro.Reporting.Json;
using MLRepro.Tests.Support;

namespace MLRepro.Tests.Formats.Config;

/// <summary>How the model picks configuration files and pipelines from a repository.</summary>
public sealed class ConfigModelTests
{
    [Fact]
    public void Git_ignored_and_vendored_configs_are_skipped_but_dvc_config_is_always_read()
    {
        using var t = new TempDir();
        t.Git("init", "-q");
        t.Write(".gitignore", "outputs/\n.dvc/config\n.env\n");
        t.Write("params.yaml", "lr: 0.1\n");
        t.Write("outputs/config.yaml", "lr: 0.2\n");
        t.Write(".venv/lib/site-packages/pkg/config.yaml", "x: 1\n");
        t.Write("node_modules/a/config.json", "{\"x\": 1}\n");
        t.Write(".env", "SECRET_THING=1\n");
        t.Write(".dvc/config", "[core]\n    remote = s3\n['remote \"s3\"']\n    url = s3://bucket/x\n");

        var model = ProjectModel.Open(t.Path);

        model.ConfigFiles.Select(c => c.Path).Should().Equal("params.yaml");
        model.DvcConfig.Should().NotBeNull();
        model.DvcConfig!.DefaultRemote.Should().Be("s3");
        model.DvcConfig.Remotes.Should().ContainSingle().Which.Url.Should().Be("s3://bucket/x");
    }

    [Fact]
    public void Files_a_dvc_stage_names_as_params_are_configs_whatever_their_names()
    {
        using var t = new TempDir();
        t.Write("dvc.yaml", "stages:\n  train:\n    cmd: python train.py\n    params:\n      - settings/train_settings.yaml:\n          - lr\n");
        t.Write("settings/train_settings.yaml", "lr: 0.3\n");
        t.Write("settings/other.yaml", "lr: 0.4\n");

        var model = ProjectModel.Open(t.Path);

        model.ConfigFiles.Should().ContainSingle().Which.Should().Match<ConfigFile>(c => c.Path == "settings/train_settings.yaml" && c.Role == ConfigRole.Params);
    }

    [Fact]
    public void Hydra_groups_are_listed_and_missing_default_choices_are_diagnosed()
    {
        using var t = new TempDir();
        t.Write("configs/train.yaml", "defaults:\n  - model: cnn\n  - data: imagenet\n  - optional logger: wandb\n  - override hydra/job_logging: colorlog\n  - _self_\nseed: 1\n");
        t.Write("configs/model/cnn.yaml", "width: 32\n");
        t.Write("configs/model/mlp.yaml", "width: 64\n");
        t.Write("configs/data/cifar.yaml", "root: data\n");

        var model = ProjectModel.Open(t.Path);

        model.HydraGroups.Should().BeEquivalentTo(new Dictionary<string, IReadOnlyList<string>> { ["data"] = ["cifar"], ["model"] = ["cnn", "mlp"] });
        model.ConfigFiles.Single(c => c.Path == "configs/train.yaml").Role.Should().Be(ConfigRole.Hydra);
        model.Diagnostics.Where(d => d.Code == "hydra.missing-option").Should().ContainSingle()
            .Which.Should().Match<MLRepro.Text.Diagnostic>(d => d.Path == "configs/train.yaml" && d.Span!.Value.Line == 3);
    }

    [Fact]
    public void Saved_models_data_records_and_run_outputs_are_not_parameter_files()
    {
        using var t = new TempDir();
        t.Write("train.py", "import json\ncfg = json.load(open('configs/train.json'))\nrows = json.load(open('dataset/test.json'))\njson.dump({}, open('test_results.json', 'w'))\n");
        t.Write("configs/train.json", "{\"lr\": 0.1, \"epochs\": 3}\n");
        t.Write("models/final/config.json", "{\"hidden_size\": 768, \"num_layers\": 12}\n");
        t.Write("models/final/model.safetensors", "weights");
        t.Write("dataset/test.json", "[" + string.Join(", ", Enumerable.Range(0, 12).Select(i => $"{{\"id\": {i}, \"text\": \"t{i}\"}}")) + "]\n");
        t.Write("test_results.json", "{\"accuracy\": 0.9}\n");

        var model = ProjectModel.Open(t.Path);

        model.ConfigFiles.Select(c => c.Path).Should().Equal("configs/train.json");
    }

    [Fact]
    public void A_config_json_without_weights_beside_it_stays_a_config()
    {
        using var t = new TempDir();
        t.Write("models/bert/config.json", "{\"hidden_size\": 768, \"learning_rate\": 0.001}\n");

        var model = ProjectModel.Open(t.Path);

        model.ConfigFiles.Select(c => c.Path).Should().Equal("models/bert/config.json");
    }

    [Fact]
    public void Ini_files_count_only_with_ml_settings()
    {
        using var t = new TempDir();
        t.Write("server.ini", "[server]\nhost = 0.0.0.0\n");
        t.Write("train.ini", "[training]\nepochs = 3\n");

        var model = ProjectModel.Open(t.Path);

        model.ConfigFiles.Select(c => c.Path).Should().Equal("train.ini");
    }

    [Fact]
    public void Secret_like_values_are_redacted_but_similar_ml_keys_are_not()
    {
        var doc = ConfigParser.Parse(new MLRepro.Text.SourceText(".env", "HF_TOKEN=hf_abc\nDB_PASSWORD='pw'\nTOKENIZER=gpt2\nMAX_TOKENS=512\nAPI_KEY=\nADMIN_PWD=123456\nMODEL=None\n"), ConfigFormat.Env, ConfigRole.Environment);

        doc.Find("HF_TOKEN")!.Value.Should().Be(ConfigParser.RedactedValue);
        doc.Find("DB_PASSWORD")!.Value.Should().Be(ConfigParser.RedactedValue);
        doc.Find("TOKENIZER")!.Value.Should().Be("gpt2");
        doc.Find("MAX_TOKENS")!.Value.Should().Be("512");
        doc.Find("API_KEY")!.Value.Should().BeEmpty("an empty placeholder reveals nothing");
        doc.Find("ADMIN_PWD")!.Value.Should().Be(ConfigParser.RedactedValue, "numbers leak too");
        doc.Find("MODEL")!.Kind.Should().Be(ConfigValueKind.String, "None is text outside Python");
        doc.Diagnostics.Should().ContainSingle(d => d.Code == "config.secret-redacted");
    }

    [Fact]
    public void Index_json_lists_config_files_and_pipelines()
    {
        using var t = new TempDir();
        t.Write("params.yaml", "train:\n  lr: 0.1\n");
        t.Write("dvc.yaml", "stages:\n  train:\n    cmd: python train.py --lr ${train.lr}\n    outs: [model.pkl]\n");
        using var w = new StringWriter();

        ModelJsonWriter.Write(w, ProjectModel.Open(t.Path));
        using var json = JsonDocument.Parse(w.ToString());

        json.RootElement.GetProperty("configFiles")[0].GetProperty("path").GetString().Should().Be("params.yaml");
        var stage = json.RootElement.GetProperty("pipelines")[0].GetProperty("stages")[0];
        stage.GetProperty("commands")[0].GetString().Should().Be("python train.py --lr 0.1");
    }

    [Fact]
    public void Pipelines_give_stages_uniformly_and_order_dvc_stages_by_data_flow()
    {
        using var t = new TempDir();
        t.Write("dvc.yaml", "stages:\n  evaluate:\n    cmd: python eval.py\n    deps: [models/m.pkl]\n    metrics:\n      - scores.json:\n          cache: false\n  train:\n    cmd: python train.py\n    deps: [data/clean]\n    outs: [models]\n  clean:\n    cmd: python clean.py\n    outs: [data/clean]\n");
        t.Write("Makefile", "run:\n\tdvc repro\n");

        var model = ProjectModel.Open(t.Path);
        var dvc = model.Pipelines.Single(p => p.Tool == PipelineTool.Dvc);

        dvc.TopologicalOrder().Order.Select(s => s.Name).Should().Equal("clean", "train", "evaluate");
        dvc.Stages[0].Metrics.Should().ContainSingle().Which.Should().Be(new PipelineOutput("scores.json", Tracked: true, Cached: false));
        model.Pipelines.Single(p => p.Tool == PipelineTool.Make).Stages.Single().Commands.Should().Equal("dvc repro");
    }
}
