using System.Diagnostics;
using System.Text;
using AwesomeAssertions;
using MLRepro.Formats.Config;
using MLRepro.Formats.Dvc;
using MLRepro.Formats.Workflows;
using MLRepro.Formats.Yaml;
using MLRepro.Model;
using MLRepro.Tests.Support;
using MLRepro.Text;

namespace MLRepro.Tests.Formats.Config;

/// <summary>Hostile inputs end in diagnostics, in bounded time and memory, never in an exception.</summary>
public sealed class HostileInputTests
{
    // Generous: the machine is shared by several builds at once.
    private static readonly TimeSpan Bound = MLRepro.Tests.Support.Bounds.HostileInput;

    private static ConfigFile Timed(string path, string text, ConfigFormat format)
    {
        var sw = Stopwatch.StartNew();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var doc = ConfigParser.Parse(new SourceText(path, text), format, ConfigRole.General);
        sw.Elapsed.Should().BeLessThan(Bound);
        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(512L * 1024 * 1024, "parsing must not balloon memory");
        return doc;
    }

    [Fact]
    public void Billion_laughs_alias_bomb_is_cut_off()
    {
        var sb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var i = 1; i < 10; i++)
        {
            var prev = (char)('a' + i - 1);
            var cur = (char)('a' + i);
            sb.Append($"{cur}: &{cur} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n");
        }

        var doc = Timed("bomb.yaml", sb.ToString(), ConfigFormat.Yaml);

        doc.Diagnostics.Should().Contain(d => d.Code == "yaml.alias-limit");
        doc.Entries.Count.Should().BeLessThanOrEqualTo(ConfigParser.MaxEntries);
        doc.Find("a")!.Items.Should().HaveCount(9, "content before the limit is kept");
    }

    [Theory]
    [InlineData("block")]
    [InlineData("flow")]
    public void Yaml_nesting_10000_deep_is_refused_past_the_limit(string style)
    {
        var text = style == "block"
            ? string.Concat(Enumerable.Repeat("- ", 10_000)) + "x\n"
            : new string('[', 10_000) + new string(']', 10_000);

        var doc = Timed("deep.yaml", text, ConfigFormat.Yaml);

        doc.Diagnostics.Should().Contain(d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Json_nesting_10000_deep_is_a_diagnostic()
    {
        var doc = Timed("deep.json", new string('[', 10_000) + new string(']', 10_000), ConfigFormat.Json);
        doc.Diagnostics.Should().ContainSingle(d => d.Code == "json.syntax");

        var objects = Timed("deep2.json", string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000), ConfigFormat.Json);
        objects.Diagnostics.Should().ContainSingle(d => d.Code == "json.syntax");
    }

    [Theory]
    [InlineData("x = ", "[", "]")]
    [InlineData("x = ", "{a=", "}")]
    public void Toml_nesting_10000_deep_is_refused_before_parsing(string head, string open, string close)
    {
        var text = head + string.Concat(Enumerable.Repeat(open, 10_000)) + "1" + string.Concat(Enumerable.Repeat(close, 10_000));

        var doc = Timed("deep.toml", text, ConfigFormat.Toml);

        doc.Diagnostics.Should().ContainSingle(d => d.Code == "toml.depth-limit");
    }

    [Fact]
    public void Binary_bytes_and_control_characters_in_yaml_are_diagnosed()
    {
        var rnd = new Random(7);
        var bytes = new byte[4096];
        rnd.NextBytes(bytes);
        var text = "lr: 0.1\n" + Encoding.Latin1.GetString(bytes);

        var doc = Timed("noise.yaml", text, ConfigFormat.Yaml);

        doc.Diagnostics.Should().Contain(d => d.Code == "yaml.syntax");
    }

    [Fact]
    public void Through_the_model_binary_yaml_is_skipped_and_invalid_utf8_is_reported_but_parsed()
    {
        using var t = new TempDir();
        t.WriteBytes("configs/binary.yaml", [0x6c, 0x72, 0x3a, 0x00, 0xff, 0x00, 0x01]);
        t.WriteBytes("params.yaml", [.. "name: caf"u8, 0xC3, 0x28, .. "\nlr: 0.5\n"u8]);

        var model = ProjectModel.Open(t.Path);

        model.ConfigFiles.Should().ContainSingle(c => c.Path == "params.yaml");
        model.ConfigFiles.Single().Find("lr")!.Kind.Should().Be(ConfigValueKind.Number);
        model.Diagnostics.Should().Contain(d => d.Path == "params.yaml" && d.Code == "text.invalid-utf8");
    }

    [Fact]
    public void Crlf_and_bom_keep_line_numbers()
    {
        using var t = new TempDir();
        t.WriteBytes("params.yaml", [0xEF, 0xBB, 0xBF, .. "a: 1\r\nb:\r\n  c: true\r\n"u8]);
        t.WriteBytes("config.json", [0xEF, 0xBB, 0xBF, .. "{\r\n  \"x\": 1,\r\n  \"y\": \"z\"\r\n}\r\n"u8]);

        var model = ProjectModel.Open(t.Path);
        var yaml = model.ConfigFiles.Single(c => c.Path == "params.yaml");
        var json = model.ConfigFiles.Single(c => c.Path == "config.json");

        yaml.Find("a")!.Line.Should().Be(1);
        yaml.Find("b.c")!.Line.Should().Be(3);
        yaml.Find("b.c")!.Kind.Should().Be(ConfigValueKind.Bool);
        json.Find("y")!.Line.Should().Be(3);
        json.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Yaml11_booleans_are_strings_with_a_diagnostic_but_keys_like_on_are_not()
    {
        var doc = Timed("p.yaml", "on: 1\nflag: off\nother: Yes\nreal: true\n", ConfigFormat.Yaml);

        doc.Find("flag")!.Kind.Should().Be(ConfigValueKind.String);
        doc.Find("real")!.Kind.Should().Be(ConfigValueKind.Bool);
        doc.Find("on")!.Value.Should().Be("1");
        doc.Diagnostics.Where(d => d.Code == "yaml.yaml11-boolean").Select(d => d.Span!.Value.Line).Should().Equal(2, 3);
    }

    [Fact]
    public void Duplicate_keys_keep_the_last_value()
    {
        var yaml = Timed("p.yaml", "lr: 0.1\nlr: 0.2\n", ConfigFormat.Yaml);
        var json = Timed("p.json", "{\"lr\": 0.1, \"lr\": 0.2}", ConfigFormat.Json);
        var toml = Timed("p.toml", "lr = 0.1\nlr = 0.2\n", ConfigFormat.Toml);

        yaml.Entries.Should().ContainSingle().Which.Value.Should().Be("0.2");
        yaml.Diagnostics.Should().ContainSingle(d => d.Code == "yaml.duplicate-key" && d.Span!.Value.Line == 2);
        json.Entries.Should().ContainSingle().Which.Value.Should().Be("0.2");
        json.Diagnostics.Should().ContainSingle(d => d.Code == "json.duplicate-key");
        toml.Diagnostics.Should().NotBeEmpty("Tomlyn or the reader reports the redefinition");
    }

    [Fact]
    public void Jinja_templated_yaml_is_read_best_effort()
    {
        var doc = Timed("t.yaml", "{% if gpu %}\ndevice: cuda\n{% endif %}\nname: {{ run_name }}\nbatch: {{ bs }}  # templated\nlr: 0.3\n", ConfigFormat.Yaml);

        doc.Diagnostics.Should().ContainSingle(d => d.Code == "yaml.jinja-template" && d.Span!.Value.Line == 1);
        doc.Find("device")!.Value.Should().Be("cuda");
        doc.Find("name")!.Value.Should().Be("{{ run_name }}");
        doc.Find("lr")!.Line.Should().Be(6);
    }

    [Fact]
    public void Yaml_scanner_failures_other_than_YamlException_become_diagnostics()
    {
        // Found by the property tests: YamlDotNet's scanner throws InvalidOperationException here.
        var doc = DvcParser.ParsePipeline(new SourceText("dvc.yaml", "defaults:\n{\ndefaults:"));

        doc.Diagnostics.Should().Contain(d => d.Code == "yaml.syntax");
    }

    [Theory]
    [InlineData(ConfigFormat.Yaml)]
    [InlineData(ConfigFormat.Json)]
    public void A_mapping_with_21000_keys_parses_in_linear_time(ConfigFormat format)
    {
        var keys = Enumerable.Range(0, ConfigParser.MaxEntries + 1_000).Select(i => $"k{i}");
        var text = format == ConfigFormat.Yaml
            ? string.Concat(keys.Select(k => k + ": 1\n"))
            : "{" + string.Join(",", keys.Select(k => $"\"{k}\": 1")) + "}";

        var doc = Timed("wide." + format.ToString().ToLowerInvariant(), text, format);

        doc.Entries.Should().HaveCount(ConfigParser.MaxEntries);
        doc.Diagnostics.Should().ContainSingle(d => d.Code == "config.too-many-entries");
    }

    [Fact]
    public void Yaml_past_the_size_limit_is_not_read()
    {
        var text = string.Concat(Enumerable.Repeat("key: value\n", (YamlLoader.MaxChars / 11) + 1));

        var doc = Timed("big.yaml", text, ConfigFormat.Yaml);

        doc.Entries.Should().BeEmpty();
        doc.Diagnostics.Should().ContainSingle(d => d.Code == "yaml.too-large");
    }

    [Fact]
    public void Huge_matrix_is_capped()
    {
        var axes = string.Concat(Enumerable.Range(0, 8).Select(i => $"      a{i}: [1, 2, 3, 4, 5, 6]\n"));
        var text = "stages:\n  s:\n    matrix:\n" + axes + "    cmd: echo ${item.a0}\n";
        var sw = Stopwatch.StartNew();

        var doc = DvcParser.ParsePipeline(new SourceText("dvc.yaml", text));

        sw.Elapsed.Should().BeLessThan(Bound);
        doc.Stages.Should().HaveCount(DvcParser.MaxStageInstances);
        doc.Diagnostics.Should().Contain(d => d.Code == "dvc.too-many-instances");
    }

    [Fact]
    public void Workflow_with_alias_bomb_is_bounded()
    {
        var text = "a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\njobs:\n  t:\n    steps:\n      - run: [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\n";
        var sw = Stopwatch.StartNew();

        var doc = WorkflowParser.Parse(new SourceText(".github/workflows/x.yml", text), CiSystem.GitHubActions);

        sw.Elapsed.Should().BeLessThan(Bound);
        doc.Diagnostics.Should().Contain(d => d.Code == "yaml.alias-limit");
    }
}
