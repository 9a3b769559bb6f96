using System.Text;
using AwesomeAssertions;
using MLRepro.Formats.Yaml;
using MLRepro.Text;

namespace MLRepro.Tests.Formats.Yaml;

/// <summary>The shared YAML reader: positions, scalar info, limits and diagnostics under each preset.</summary>
public sealed class YamlLoaderTests
{
    private static (YamlStream Stream, List<Diagnostic> Diagnostics) Load(string text, YamlReadOptions? options = null, int firstLine = 1)
    {
        var diags = new List<Diagnostic>();
        var stream = YamlLoader.Load(new SourceText("f.yaml", text), diags, options ?? YamlReadOptions.Config, firstLine);
        return (stream, diags);
    }

    [Fact]
    public void Nodes_carry_line_column_style_and_tag()
    {
        var (stream, diags) = Load("a: 1\nb:\n  - 'x'\n  - !!str 2\nc: |\n  text\n");
        diags.Should().BeEmpty();
        var root = stream.RootMapping!;
        root.Entries.Select(e => (e.Key, e.Line)).Should().Equal(("a", 1), ("b", 2), ("c", 5));
        var a = (YamlScalarNode)root["a"]!;
        (a.Value, a.Plain, a.Line, a.Column).Should().Be(("1", true, 1, 4));
        var items = ((YamlSequenceNode)root["b"]!).Items.Cast<YamlScalarNode>().ToList();
        (items[0].Plain, items[0].Column).Should().Be((false, 5));
        items[1].Tag.Should().Be("tag:yaml.org,2002:str");
        ((YamlScalarNode)root["c"]!).Block.Should().BeTrue();
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("Off", true)]
    [InlineData("true", false)]
    [InlineData("y", false)]
    public void Yaml_1_1_booleans(string value, bool expected) => YamlLoader.IsYaml11Boolean(value).Should().Be(expected);

    [Fact]
    public void Multi_document_streams_are_read_unless_one_document_is_asked_for()
    {
        const string text = "a: 1\n---\nb: 2\n";
        Load(text).Stream.Documents.Should().HaveCount(2);
        Load(text, YamlReadOptions.Dependencies).Stream.Documents.Should().ContainSingle();
        Load(text, YamlReadOptions.FrontMatter).Stream.Documents.Should().ContainSingle();
        Load("---\n---\nname: x\n", YamlReadOptions.Dependencies).Stream.Root.Should().BeOfType<YamlScalarNode>().Which.IsNull.Should().BeTrue("the first document is empty");
        Load("---\n---\nname: x\n").Stream.Documents.Should().HaveCount(2);
    }

    [Fact]
    public void Duplicate_keys_replace_or_append_and_are_diagnosed_per_preset()
    {
        const string text = "k: 1\nk: 2\n";
        var (config, configDiags) = Load(text);
        config.RootMapping!.Entries.Should().ContainSingle().Which.Line.Should().Be(2);
        configDiags.Should().ContainSingle(d => d.Code == "yaml.duplicate-key").Which.Message.Should().Contain("first on line 1");

        var (deps, depsDiags) = Load(text, YamlReadOptions.Dependencies);
        deps.RootMapping!.Entries.Should().HaveCount(2);
        deps.RootMapping.GetString("k").Should().Be("2");
        depsDiags.Should().ContainSingle(d => d.Code == "yaml.duplicate-key").Which.Span!.Value.Line.Should().Be(2);

        var (front, frontDiags) = Load(text, YamlReadOptions.FrontMatter);
        front.RootMapping!.FirstString("k").Should().Be("1");
        front.RootMapping.GetString("k").Should().Be("2");
        frontDiags.Should().BeEmpty();
    }

    [Fact]
    public void Merge_keys_copy_missing_entries()
    {
        var (stream, _) = Load("base: &b {x: 1, y: 2}\nother: &o {z: 3}\nuse:\n  <<: [*b, *o]\n  y: 9\n");
        var use = (YamlMappingNode)stream.RootMapping!["use"]!;
        use.Entries.Select(e => (e.Key, e.Value.Scalar)).Should().BeEquivalentTo([("y", "9"), ("x", "1"), ("z", "3")]);
        Load("a: &a {x: 1}\nb:\n  <<: *a\n", YamlReadOptions.FrontMatter).Stream.RootMapping!["b"].Should().BeOfType<YamlMappingNode>().Which.ContainsKey("<<").Should().BeTrue();
    }

    [Fact]
    public void A_collection_cannot_alias_itself()
    {
        var (stream, diags) = Load("a: &a [1, *a]\n");
        diags.Should().Contain(d => d.Code == "yaml.unknown-alias");
        var seq = (YamlSequenceNode)stream.RootMapping!["a"]!;
        seq.Items.Should().NotContain(seq);
    }

    [Fact]
    public void Jinja_is_neutralised_keeping_lines_and_text_or_a_placeholder()
    {
        const string text = "{% set v = 1 %}\nname: {{ name }}\n{% if x\n   and y %}\nlist:\n  - a {{ v }}\n{% endif %}\n";
        var (config, configDiags) = Load(text);
        configDiags.Should().ContainSingle(d => d.Code == "yaml.jinja-template").Which.Span!.Value.Line.Should().Be(1);
        config.RootMapping!.GetString("name").Should().Be("{{ name }}");
        config.RootMapping.KeyLine("list").Should().Be(5, "a statement spanning lines keeps its line breaks");

        var (deps, depsDiags) = Load(text, YamlReadOptions.Dependencies);
        depsDiags.Should().ContainSingle(d => d.Code == "yaml.template").Which.Span.Should().BeNull();
        deps.RootMapping!.GetString("name").Should().Be(YamlReadOptions.JinjaPlaceholder);
        ((YamlSequenceNode)deps.RootMapping["list"]!).Items[0].Scalar.Should().Be("a " + YamlReadOptions.JinjaPlaceholder);

        Load(text, YamlReadOptions.FrontMatter).Diagnostics.Should().NotContain(d => d.Code == "yaml.jinja-template" || d.Code == "yaml.template");
    }

    [Fact]
    public void Alias_bomb_is_cut_at_the_expansion_limit_and_reading_goes_on()
    {
        var sb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 10; i++)
        {
            sb.Append(FormattableString.Invariant($"a{i}: &a{i} [")).Append(string.Join(", ", Enumerable.Repeat(i == 1 ? "*a" : FormattableString.Invariant($"*a{i - 1}"), 9))).Append("]\n");
        }

        sb.Append("after: 1\n");
        var (stream, diags) = Load(sb.ToString());
        diags.Should().ContainSingle(d => d.Code == "yaml.alias-limit" && d.Severity == DiagnosticSeverity.Error);
        stream.RootMapping!.GetString("after").Should().Be("1");
        stream.RootMapping.ExpandedSize.Should().BeLessThanOrEqualTo(YamlReadOptions.DefaultMaxExpandedNodes + 100);

        Load(sb.ToString(), YamlReadOptions.FrontMatter).Diagnostics.Should().ContainSingle(d => d.Code == "yaml.limit" && d.Severity == DiagnosticSeverity.Warning);
    }

    [Fact]
    public void Too_many_aliases_stop_front_matter_reading()
    {
        var sb = new StringBuilder("a: &a 1\n");
        for (var i = 0; i <= YamlReadOptions.FrontMatterMaxAliases; i++)
        {
            sb.Append(FormattableString.Invariant($"k{i}: *a\n"));
        }

        var (stream, diags) = Load(sb.ToString(), YamlReadOptions.FrontMatter);
        diags.Should().ContainSingle(d => d.Code == "yaml.limit");
        // "a", the keys whose alias was read, and the key whose alias passed the limit (with a null value).
        stream.RootMapping!.Entries.Should().HaveCount(YamlReadOptions.FrontMatterMaxAliases + 2, "what was read before the limit is kept");
        stream.RootMapping.GetString("k0").Should().Be("1");
        Load(sb.ToString()).Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Node_count_limit_stops_reading()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < (YamlReadOptions.DependenciesMaxExpandedNodes / 2) + 10; i++)
        {
            sb.Append(FormattableString.Invariant($"k{i}: v\n"));
        }

        Load(sb.ToString(), YamlReadOptions.Dependencies with { MaxChars = int.MaxValue }).Diagnostics.Should().ContainSingle(d => d.Code == "yaml.too-large" && d.Severity == DiagnosticSeverity.Error);
    }

    [Theory]
    [InlineData(64, "yaml.depth-limit")]
    [InlineData(128, "yaml.too-deep")]
    public void Deep_block_nesting_is_skipped_with_the_preset_code(int depth, string code)
    {
        var options = code == "yaml.depth-limit" ? YamlReadOptions.Config : YamlReadOptions.Dependencies;

        // Keys k0..kN, each indented under the last: the root and N nested mappings.
        static string Nested(int keys)
        {
            var sb = new StringBuilder();
            for (var i = 0; i < keys; i++)
            {
                sb.Append(' ', i).Append('k').Append(i).Append(":\n");
            }

            return sb.Append("top: 1\n").ToString();
        }

        var (stream, diags) = Load(Nested(depth + 1), options);
        diags.Should().ContainSingle(d => d.Code == code);
        stream.RootMapping!.GetString("top").Should().Be("1");

        var (shallow, shallowDiags) = Load(Nested(depth), options);
        shallowDiags.Should().BeEmpty();
        shallow.RootMapping!.GetString("top").Should().Be("1");
    }

    [Fact]
    public void Deep_flow_nesting_is_refused_before_parsing_at_its_line()
    {
        var (stream, diags) = Load("a: 1\nb: " + new string('[', 10_000) + new string(']', 10_000) + "\n", YamlReadOptions.FrontMatter, firstLine: 2);
        stream.Documents.Should().BeEmpty();
        diags.Should().ContainSingle(d => d.Code == "yaml.too-deep" && d.Severity == DiagnosticSeverity.Warning).Which.Span!.Value.Line.Should().Be(3);
    }

    [Fact]
    public void Syntax_errors_keep_what_was_read_and_shift_lines()
    {
        var (stream, diags) = Load("a: 1\nb: [unclosed\n", YamlReadOptions.FrontMatter, firstLine: 2);
        diags.Should().ContainSingle(d => d.Code == "yaml.syntax").Which.Message.Should().StartWith("invalid YAML: ");
        diags[0].Span!.Value.Line.Should().BeGreaterThanOrEqualTo(3);
        stream.RootMapping!.GetString("a").Should().Be("1");
        stream.RootMapping.Entries[0].Line.Should().Be(2);
    }

    [Fact]
    public void Control_characters_are_reported_for_dependency_files_only()
    {
        const string text = "a: x\u0001y\n";
        Load(text, YamlReadOptions.Dependencies).Diagnostics.Should().Contain(d => d.Code == "yaml.control-character" && d.Span!.Value.Line == 1 && d.Span.Value.Column == 5);
        Load(text).Diagnostics.Should().NotContain(d => d.Code == "yaml.control-character");
    }

    [Fact]
    public void Oversized_text_is_not_read()
    {
        var (stream, diags) = Load(new string('#', YamlLoader.MaxChars + 1));
        stream.Documents.Should().BeEmpty();
        diags.Should().ContainSingle(d => d.Code == "yaml.too-large");
    }
}
