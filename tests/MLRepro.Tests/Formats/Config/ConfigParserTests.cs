using AwesomeAssertions;
using MLRepro.Formats.Config;
using MLRepro.Text;

namespace MLRepro.Tests.Formats.Config;

public sealed class ConfigParserTests
{
    private static ConfigFile Parse(string path, string text, ConfigFormat format) => ConfigParser.Parse(new SourceText(path, text), format, ConfigRole.General);

    [Fact]
    public void Gin_bindings_become_entries_keyed_by_selector()
    {
        var text = "# experiment\ninclude 'common.gin'\nimport models.nbeats\n\nHORIZON = 6  # macro\n" +
                   "build.horizon = %HORIZON\ntrain/Trainer.learning_rate = 1e-3\nbuild.layers = [512,\n    512]  # two\n" +
                   "build.name = 'generic # not a comment'\nbuild.use_bias = True\nbuild.init = None\nbuild.block = @Block\n" +
                   "build.size = \\\n    64\n";
        var doc = Parse("x.gin", text, ConfigFormat.Gin);

        doc.Entries.Select(e => (e.KeyPath, e.Value, e.Kind, e.Line)).Should().Equal(
            ("HORIZON", "6", ConfigValueKind.Number, 5),
            ("build.horizon", "%HORIZON", ConfigValueKind.String, 6),
            ("train/Trainer.learning_rate", "1e-3", ConfigValueKind.Number, 7),
            ("build.layers", "[512, 512]", ConfigValueKind.List, 8),
            ("build.name", "generic # not a comment", ConfigValueKind.String, 10),
            ("build.use_bias", "true", ConfigValueKind.Bool, 11),
            ("build.init", null, ConfigValueKind.Null, 12),
            ("build.block", "@Block", ConfigValueKind.String, 13),
            ("build.size", "64", ConfigValueKind.Number, 14));
        doc.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Absl_flag_files_become_one_entry_per_flag()
    {
        var text = "# CIFAR-10 run\n--T=1000\n--batch_size=128\n--lr=0.0002\n--logdir=./logs/DDPM\n--noparallel\n--train\n--normalize\n\n--mean_type='epsilon'\n";
        var source = new SourceText("config/CIFAR10.txt", text);
        ConfigParser.IsFlagFile(source).Should().BeTrue();
        var doc = Parse("config/CIFAR10.txt", text, ConfigFormat.Ini);

        doc.Entries.Select(e => (e.KeyPath, e.Value, e.Kind, e.Line)).Should().Equal(
            ("T", "1000", ConfigValueKind.Number, 2),
            ("batch_size", "128", ConfigValueKind.Number, 3),
            ("lr", "0.0002", ConfigValueKind.Number, 4),
            ("logdir", "./logs/DDPM", ConfigValueKind.String, 5),
            ("parallel", "false", ConfigValueKind.Bool, 6),
            ("train", "true", ConfigValueKind.Bool, 7),
            ("normalize", "true", ConfigValueKind.Bool, 8),
            ("mean_type", "epsilon", ConfigValueKind.String, 10));
        doc.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Flag_files_are_config_in_config_folders_only_and_need_flag_lines_throughout()
    {
        ConfigClassifier.Classify("config/CIFAR10.txt").Should().BeEquivalentTo(new { Format = ConfigFormat.Ini, IsConfig = true });
        ConfigClassifier.Classify("data/classes.txt").Should().BeNull("a .txt outside config folders is no config");
        ConfigParser.IsFlagFile(new SourceText("config/a.txt", "--lr=1\nnot a flag\n")).Should().BeFalse();
        ConfigParser.IsFlagFile(new SourceText("config/a.txt", "--lr=1\n")).Should().BeFalse("one line is too little to call it a flag file");
        ConfigParser.IsFlagFile(new SourceText("config/a.txt", "[train]\nlr = 1\n")).Should().BeFalse();
    }

    [Fact]
    public void Gin_lines_that_bind_nothing_and_open_brackets_are_diagnostics()
    {
        var doc = Parse("x.gin", "build.a = 1\nthis is not gin\nbuild.b = [1,\n2\n", ConfigFormat.Gin);

        doc.Find("build.a")!.Value.Should().Be("1");
        doc.Diagnostics.Should().Contain(d => d.Code == "gin.syntax" && d.Span!.Value.Line == 2);
        doc.Diagnostics.Should().Contain(d => d.Code == "gin.syntax" && d.Span!.Value.Line == 3);
    }

    [Fact]
    public void Gin_files_are_parameter_files_wherever_they_live()
    {
        ConfigClassifier.Classify("experiments/m4/generic.gin").Should().BeEquivalentTo(new { Format = ConfigFormat.Gin, IsConfig = true });
        ConfigClassifier.Classify("venv/lib/x.gin")!.IsConfig.Should().BeFalse();
    }

    [Fact]
    public void Toml_values_carry_no_comments_or_underscores()
    {
        var doc = Parse("c.toml", "lr = 1e-3  # learning rate\nsteps = 1_000 # total\nwhen = 2024-05-01T10:00:00Z # start\nname = 'x' # n\nratio = inf\n", ConfigFormat.Toml);

        doc.Entries.Select(e => (e.KeyPath, e.Value, e.Kind, e.Line)).Should().Equal(
            ("lr", "1e-3", ConfigValueKind.Number, 1),
            ("steps", "1000", ConfigValueKind.Number, 2),
            ("when", "2024-05-01T10:00:00Z", ConfigValueKind.String, 3),
            ("name", "x", ConfigValueKind.String, 4),
            ("ratio", ".inf", ConfigValueKind.Number, 5));
        doc.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Toml_syntax_errors_are_diagnostics_with_lines()
    {
        var doc = Parse("c.toml", "a = 1\nb = = 2\n", ConfigFormat.Toml);

        doc.Diagnostics.Should().Contain(d => d.Code == "toml.syntax" && d.Span!.Value.Line == 2);
        doc.Find("a")!.Value.Should().Be("1");
    }

    [Fact]
    public void Json_syntax_error_keeps_what_came_before()
    {
        var doc = Parse("c.json", "{\n  \"a\": 1,\n  \"b\": {\"c\": 2,\n  \"d\": oops\n}", ConfigFormat.Json);

        doc.Find("a")!.Value.Should().Be("1");
        doc.Find("b.c")!.Line.Should().Be(3);
        doc.Diagnostics.Should().ContainSingle(d => d.Code == "json.syntax" && d.Span!.Value.Line == 4);
    }

    [Fact]
    public void Yaml_quoted_and_tagged_scalars_stay_strings()
    {
        var doc = Parse("p.yaml", "a: '1'\nb: !!str 2\nc: \"true\"\nd: 0x1F\ne: .nan\nf: Null\n", ConfigFormat.Yaml);

        doc.Entries.Select(e => e.Kind).Should().Equal(ConfigValueKind.String, ConfigValueKind.String, ConfigValueKind.String, ConfigValueKind.Number, ConfigValueKind.Number, ConfigValueKind.Null);
    }

    [Fact]
    public void Yaml_syntax_error_is_located()
    {
        var doc = Parse("p.yaml", "a: 1\nb: [1, 2\nc: 3\n", ConfigFormat.Yaml);

        var syntax = doc.Diagnostics.Should().ContainSingle(d => d.Code == "yaml.syntax").Which;
        syntax.Span.Should().NotBeNull(syntax.Message);
        syntax.Span!.Value.Line.Should().BeGreaterThanOrEqualTo(2);
        doc.Find("a")!.Value.Should().Be("1");
    }

    [Fact]
    public void Ini_continuations_and_inline_comments()
    {
        var doc = Parse("e.cfg", "[model]\nlayers =\n    64\n    32\ndropout = 0.5 ; tuned\n", ConfigFormat.Ini);

        doc.Find("model.layers")!.Value.Should().Be("64\n32");
        doc.Find("model.dropout")!.Value.Should().Be("0.5");
        doc.Find("model.dropout")!.Kind.Should().Be(ConfigValueKind.Number);
    }

    [Theory]
    [InlineData("params.yaml", ConfigRole.Params)]
    [InlineData("experiments/exp1/params.json", ConfigRole.Params)]
    [InlineData("hparams.yaml", ConfigRole.Hyperparameters)]
    [InlineData("configs/model/unet.yaml", ConfigRole.General)]
    [InlineData("train_config.yaml", ConfigRole.General)]
    [InlineData("conf/base/parameters_training.yml", ConfigRole.KedroParameters)]
    [InlineData(".env.example", ConfigRole.Environment)]
    [InlineData("config/settings.py", ConfigRole.PythonConfig)]
    public void Config_paths_get_roles(string path, ConfigRole role) =>
        ConfigClassifier.Classify(path).Should().Match<ConfigClassification>(c => c.IsConfig && c.Role == role);

    [Theory]
    [InlineData(".github/workflows/ci.yml")]
    [InlineData("docker-compose.override.yml")]
    [InlineData("environment-gpu.yml")]
    [InlineData("dvc.yaml")]
    [InlineData(".pre-commit-config.yaml")]
    [InlineData("mkdocs.yml")]
    [InlineData("conf/base/catalog.yml")]
    [InlineData("conf/local/credentials.yml")]
    [InlineData("venv/lib/python3.11/site-packages/x/config.yaml")]
    [InlineData("pyproject.toml")]
    [InlineData("setup.cfg")]
    [InlineData("data.dvc")]
    [InlineData("notes.yaml")]
    [InlineData("src/model.py")]
    [InlineData("config/airflow.cfg")]
    [InlineData("monitoring/prometheus.yml")]
    [InlineData("config/grafana/dashboards/model.json")]
    [InlineData("logstash/pipeline/logstash.conf")]
    [InlineData("outputs/checkpoint-1000/config.json")]
    [InlineData("models/bert/tokenizer_config.json")]
    [InlineData("runs/trainer_state.json")]
    [InlineData("data/dataset_info.json")]
    [InlineData("raw_data/labels.json")]
    [InlineData("test_results.json")]
    [InlineData("eval/evaluation_report.json")]
    public void Non_parameter_files_are_excluded_with_a_reason(string path) =>
        ConfigClassifier.Classify(path)!.ExcludedReason.Should().NotBeNullOrWhiteSpace();

    [Fact]
    public void Non_structured_files_are_not_classified() => ConfigClassifier.Classify("README.md").Should().BeNull();

    [Theory]
    [InlineData("{\"name\": \"a\", \"age\": 3}\n{\"name\": \"b\", \"age\": 4}\n", "JSON Lines")]
    [InlineData("{\n  \"$schema\": \"https://vega.github.io/schema/vega-lite/v4.json\",\n  \"mark\": \"rect\"\n}\n", "Vega")]
    [InlineData("{\"data\": [{\"type\": \"histogram\"}], \"layout\": {\"title\": \"x\"}}", "Plotly")]
    public void Data_records_and_chart_specs_are_not_parameters(string json, string reason)
    {
        var doc = ConfigParser.Parse(new MLRepro.Text.SourceText("x.json", json), ConfigFormat.Json, ConfigRole.General);
        ConfigClassifier.DataOrChartReason(ConfigFormat.Json, json, doc.Entries.Select(e => e.KeyPath)).Should().Contain(reason);
    }

    [Theory]
    [InlineData("{\n  \"lr\": 0.1,\n  \"epochs\": 3\n}\n")]
    [InlineData("{\"lr\": 0.1, \"data\": \"train.csv\"}")]
    [InlineData("[{\"lr\": 0.1, \"epochs\": 3}, {\"lr\": 0.01, \"epochs\": 3}]")]
    public void Parameter_json_is_not_data(string json)
    {
        var doc = ConfigParser.Parse(new MLRepro.Text.SourceText("x.json", json), ConfigFormat.Json, ConfigRole.General);
        ConfigClassifier.DataOrChartReason(ConfigFormat.Json, json, doc.Entries.Select(e => e.KeyPath)).Should().BeNull();
    }

    [Fact]
    public void A_top_level_list_of_records_is_data()
    {
        var json = "[" + string.Join(", ", Enumerable.Range(0, ConfigClassifier.MinDataRecords).Select(i => $"{{\"instruction\": \"q{i}\", \"output\": \"a{i}\"}}")) + "]";
        var doc = ConfigParser.Parse(new MLRepro.Text.SourceText("x.json", json), ConfigFormat.Json, ConfigRole.General);
        ConfigClassifier.DataOrChartReason(ConfigFormat.Json, json, doc.Entries.Select(e => e.KeyPath)).Should().Be($"a list of {ConfigClassifier.MinDataRecords} records (data), not parameters");

        var fewer = "[" + string.Join(", ", Enumerable.Range(0, ConfigClassifier.MinDataRecords - 1).Select(i => $"{{\"lr\": {i}}}")) + "]";
        var sweep = ConfigParser.Parse(new MLRepro.Text.SourceText("x.json", fewer), ConfigFormat.Json, ConfigRole.General);
        ConfigClassifier.DataOrChartReason(ConfigFormat.Json, fewer, sweep.Entries.Select(e => e.KeyPath)).Should().BeNull("a short list of settings is a sweep, not data");
    }

    [Theory]
    [InlineData("configs/train.json")]
    [InlineData("data/config.json")]
    [InlineData("results_config.json")]
    public void Config_names_win_over_data_folders_and_output_words(string path) =>
        ConfigClassifier.Classify(path)!.IsConfig.Should().BeTrue();

    [Fact]
    public void Yaml_in_a_data_folder_stays_open_to_code_that_names_it()
    {
        // YOLO's data/hyps/hyp.scratch.yaml is its hyperparameters: the code names it, so it is read as parameters.
        ConfigClassifier.Classify("data/hyps/hyp.scratch.yaml")!.ExcludedReason.Should().Be("structured file outside the configuration naming conventions");
        ConfigClassifier.Classify("data/labels.json")!.ExcludedReason.Should().Be(ConfigClassifier.DataFolderJson);
    }
}
