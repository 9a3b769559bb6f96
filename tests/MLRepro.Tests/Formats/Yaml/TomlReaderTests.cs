using System.Text;
using AwesomeAssertions;
using MLRepro.Formats.Toml;
using MLRepro.Formats.Yaml;
using MLRepro.Text;

namespace MLRepro.Tests.Formats.Yaml;

/// <summary>The shared TOML reader and the bracket-nesting pre-scan both readers use.</summary>
public sealed class TomlReaderTests
{
    [Fact]
    public void Model_view_reads_values_and_finds_lines()
    {
        var source = new SourceText("p.toml", "[project]\nname = \"x\"\ndependencies = [\"numpy\", 'torch']\n[tool.a]\nb = 1\n");
        var diags = new List<Diagnostic>();
        var root = TomlReader.Load(source, diags, "pyproject");
        diags.Should().BeEmpty();
        TomlReader.String(TomlReader.Table(root, "project"), "name").Should().Be("x");
        TomlReader.Strings(TomlReader.Table(root, "project"), "dependencies").Should().Equal("numpy", "torch");
        TomlReader.LineOf(source, "torch", "project").Should().Be(3);
        TomlReader.KeyLine(source, "b", "tool.a").Should().Be(5);
    }

    [Fact]
    public void Many_distinct_keys_are_not_taken_for_duplicates()
    {
        // Tomlyn's own validation takes keys whose string hashes collide for duplicates; the scan must not.
        var sb = new StringBuilder("[t]\n");
        for (var i = 0; i < 50_000; i++)
        {
            sb.Append(FormattableString.Invariant($"k{i} = {i}\n"));
        }

        var diags = new List<Diagnostic>();
        TomlReader.Load(new SourceText("big.toml", sb.ToString()), diags).Should().NotBeNull();
        diags.Should().BeEmpty();
    }

    [Fact]
    public void Duplicate_keys_and_tables_are_errors_with_the_caller_prefix()
    {
        var diags = new List<Diagnostic>();
        TomlReader.Load(new SourceText("p.toml", "[a]\nx = 1\n[b]\nx = 1\n[a]\ny = 2\n"), diags, "pipfile");
        diags.Should().ContainSingle(d => d.Code == "pipfile.duplicate-key" && d.Severity == DiagnosticSeverity.Error).Which.Span!.Value.Line.Should().Be(5);
    }

    [Fact]
    public void Sub_tables_of_array_elements_are_no_duplicates()
    {
        // uv.lock: each [[package]] has its own [package.optional-dependencies]; a real repeat inside one element still is one.
        var diags = new List<Diagnostic>();
        var text = "version = 1\n[[package]]\nname = \"a\"\n[package.optional-dependencies]\ncuda = []\n[[package]]\nname = \"b\"\n[package.optional-dependencies]\ncuda = []\n";
        TomlReader.Load(new SourceText("uv.lock", text), diags).Should().NotBeNull();
        diags.Should().BeEmpty();

        var again = new List<Diagnostic>();
        TomlReader.Load(new SourceText("uv.lock", "[[package]]\nname = \"a\"\n[package.extra]\nx = 1\n[package.extra]\ny = 1\n"), again);
        again.Should().ContainSingle(d => d.Code == "toml.duplicate-key").Which.Span!.Value.Line.Should().Be(5);
    }

    [Fact]
    public void Tree_view_keeps_positions_and_written_numbers()
    {
        var diags = new List<Diagnostic>();
        var root = TomlReader.LoadTree(new SourceText("c.toml", "lr = 1e-3\n[model]\nlayers = [1, 2]\n[[runs]]\nseed = 1\n[[runs]]\nseed = 2\n"), diags)!;
        diags.Should().BeEmpty();
        root.GetString("lr").Should().Be("1e-3");
        var model = (YamlMappingNode)root["model"]!;
        model.KeyLine("layers").Should().Be(3);
        ((YamlSequenceNode)root["runs"]!).Items.Should().HaveCount(2);
    }

    [Fact]
    public void Deep_nesting_is_refused_at_the_first_bracket_too_deep()
    {
        var text = "a = 1\nb = " + new string('[', 100) + new string(']', 100) + "\n";
        var diags = new List<Diagnostic>();
        TomlReader.Load(new SourceText("d.toml", text), diags, "lock").Should().BeNull();
        diags.Should().ContainSingle(d => d.Code == "lock.too-deep").Which.Span!.Value.Line.Should().Be(2);
        diags.Clear();
        TomlReader.LoadTree(new SourceText("d.toml", text), diags).Should().BeNull();
        diags.Should().ContainSingle(d => d.Code == "toml.depth-limit");
    }

    [Theory]
    [InlineData("[[[]]]", 2, 2)]
    [InlineData("[[[]]]", 3, -1)]
    [InlineData("x = \"[[[[\"", 1, -1)]
    [InlineData("x = 1 # [[[[", 1, -1)]
    [InlineData("[a#[[", 2, 4)]
    [InlineData("x = \"unclosed\n[[[", 2, 16)]
    [InlineData("x = '''\n[[[\n''' [[[", 2, 18)]
    public void Bracket_nesting_skips_strings_and_comments(string text, int limit, int expected) =>
        BracketNesting.FirstBeyond(text, limit).Should().Be(expected);
}
