using System.Diagnostics;
using System.Text;
using AwesomeAssertions;
using MLRepro.Formats.Markdown;
using MLRepro.Tests.Support;
using MLRepro.Text;

namespace MLRepro.Tests.Formats.Markdown;

public sealed class MarkdownParserTests
{
    private static MarkdownDocument Fixture(string name) =>
        MarkdownParser.Parse(new SourceText(name, File.ReadAllText(Path.Combine(TestPaths.Fixtures, "Formats", "Markdown", name))));

    private static MarkdownDocument Md(string text, string path = "README.md") => MarkdownParser.Parse(new SourceText(path, text));

    [Fact]
    public void Readme_commands_are_prompt_stripped_joined_and_comment_free()
    {
        var doc = Fixture("readme_ml_project.md");
        doc.Commands.Select(c => c.Text).Should().Contain([
            "pip install -r requirements.txt",
            "docker run --gpus all -v $(pwd)/data:/app/data leafnet python train.py --config configs/base.yaml",
            "CUDA_VISIBLE_DEVICES=0 python train.py --config configs/base.yaml --epochs 30",
        ]);
        doc.Commands.Should().NotContain(c => c.Text.Contains('#') || c.Text.StartsWith("Sending", StringComparison.Ordinal) || c.Text.StartsWith("Predicted", StringComparison.Ordinal));
        doc.Commands.Should().NotContain(c => c.Text.Contains("load_model"), "python blocks are not shell");
        doc.Commands.Single(c => c.Text.StartsWith("python predict.py", StringComparison.Ordinal)).Inferred.Should().BeTrue();
        doc.Commands.Single(c => c.Text.StartsWith("docker build", StringComparison.Ordinal)).Line.Should().Be(28);
    }

    [Fact]
    public void Readme_badges_tables_links_and_sections()
    {
        var doc = Fixture("readme_ml_project.md");
        doc.Badges.Select(b => b.Service).Should().Equal("github-actions", "license", "python", "colab");
        doc.Links.Should().Contain(l => l.Url == "docs/DATA.md#schema" && l.Kind == UrlKind.Relative);
        doc.Links.Should().Contain(l => l.Url == "#data" && l.Kind == UrlKind.Anchor);
        doc.Links.Should().OnlyContain(l => !l.Unsafe);
        var table = doc.Tables.Single(t => t.Section == "Data");
        table.Header.Should().Equal("Column", "Type", "Description");
        table.Rows.Select(r => r[0]).Should().Equal("image_path", "label", "split");
        doc.SectionsMatching("data").Single().Text.Should().Contain("image_path").And.Contain("Disease class id");
        doc.Headings.Single(h => h.Text == "Training").Parent.Should().Be(doc.Headings.ToList().FindIndex(h => h.Text == "Usage"));
        doc.ChildrenOf(null).Should().Equal(0);
    }

    [Fact]
    public void Html_block_prose_is_section_text()
    {
        var doc = Md("""
            # Graph model

            ## Datasets
            <p align="justify">
            The code takes the **edge list** in a csv file. Every row indicates an edge &amp; the first row is a header.<br>
            Nodes are indexed from 0 in `input/`.</p>
            <!-- Every row is hidden in a comment -->
            <script>var hidden = "Every row";</script>
            <p align="center"><a href="https://example.org/paper"><img src="fig.png" alt="figure"></a></p>

            ## Options
            <div>Run <b>src/main.py</b>.</div>
            """);
        var data = doc.Sections.Single(s => s.Heading == "Datasets");
        data.Text.Should().Be("The code takes the edge list in a csv file. Every row indicates an edge & the first row is a header.\nNodes are indexed from 0 in input/.");
        data.Line.Should().Be(3);
        doc.Sections.Single(s => s.Heading == "Options").Text.Should().Be("Run src/main.py.");
        doc.Links.Should().Contain(l => l.Url == "https://example.org/paper" && l.FromHtml);
        doc.Links.Should().Contain(l => l.Url == "fig.png" && l.IsImage && l.Line == 9);
    }

    [Fact]
    public void Inline_code_commands_in_prose_are_inferred_commands()
    {
        var doc = Md("""
            # Vocoder

            1. Preprocess the data with `python preprocess.py -c config/default.yaml -d data/`.
            2. Train: `python trainer.py -c config/default.yaml -n first_run`, then look at `logs/`.

            The `pip` tool and the `train.py` script are words, not commands.

            ```bash
            python trainer.py -c config/default.yaml -n first_run
            ```
            """);
        doc.Commands.Select(c => (c.Text, c.Line, c.Inferred)).Should().Equal(
            ("python preprocess.py -c config/default.yaml -d data/", 3, true),
            ("python trainer.py -c config/default.yaml -n first_run", 9, false));
    }

    [Fact]
    public void Hugging_Face_cards_are_recognised()
    {
        var space = Fixture("hf_space_readme.md").FrontMatter!;
        space.Kind.Should().Be(CardKind.Space);
        space.Sdk.Should().Be("gradio");
        space.AppFile.Should().Be("app.py");

        var model = Fixture("hf_model_card.md").FrontMatter!;
        model.Kind.Should().Be(CardKind.Model);
        model.License.Should().Be("apache-2.0");
        model.Datasets.Should().Equal("imdb", "acme/reviews-extra");

        var data = Fixture("hf_dataset_card.md").FrontMatter!;
        data.Kind.Should().Be(CardKind.Dataset);
        var config = data.Configs.Single();
        config.DataFiles.Should().Equal("data/train-*.parquet", "data/test-*.parquet");
        config.Features.Select(f => (f.Name, f.Dtype)).Should().Equal(("text", "string"), ("label", "class_label"), ("tokens", "sequence<string>"), ("meta", "struct"));
    }

    [Fact]
    public void Script_and_javascript_links_are_kept_as_data_and_flagged()
    {
        var doc = Fixture("readme_unsafe.md");
        doc.Links.Where(l => l.Unsafe).Select(l => l.Url).Should().Contain(["javascript:alert(document.domain)", "JaVaScRiPt:void(0)", "javascript:void(0)", "file:///etc/passwd"]);
        doc.Links.Single(l => l.Url.StartsWith("data:image/png", StringComparison.Ordinal)).Unsafe.Should().BeFalse();
        doc.UnsafeHtml.Select(u => u.Tag).Should().Contain(["script", "iframe", "onclick", "onerror"]);
        doc.Diagnostics.Should().Contain(d => d.Code == "markdown.unsafe-html" && d.Span!.Value.Line == 3);
        doc.Diagnostics.Should().Contain(d => d.Code == "markdown.unsafe-link");
        MarkdownParser.IsUnsafeUrl("java\tscript:alert(1)").Should().BeTrue("browsers ignore tabs inside schemes");
        MarkdownParser.IsUnsafeUrl("https://example.com/javascript:").Should().BeFalse();
    }

    [Fact]
    public void Rst_and_plain_text_readmes_get_headings_code_and_badges()
    {
        var rst = Fixture("README.rst");
        rst.Flavor.Should().Be(DocFlavor.ReStructuredText);
        rst.Headings.Select(h => (h.Level, h.Text)).Should().Equal((1, "TabularKit"), (2, "Installation"), (2, "Usage"), (3, "Data"));
        rst.Commands.Select(c => c.Text).Should().Contain(["pip install tabularkit", "tabularkit train --config configs/adult.yaml"]);
        rst.Badges.Select(b => b.LinkUrl).Should().Equal("https://pypi.org/project/tabularkit/", "https://tabularkit.readthedocs.io/en/latest/");
        rst.Sections[0].Text.Should().Contain("See the documentation for details");

        var txt = Fixture("README.txt");
        txt.Flavor.Should().Be(DocFlavor.PlainText);
        txt.Headings.Select(h => h.Text).Should().Equal("SPEECHNET", "INSTALLATION", "Training");
        txt.Links.Single().Url.Should().Be("https://example.org/speech_commands_v0.02.tar.gz");
    }

    [Theory]
    [InlineData("bash", "$ pip install x\nout\n$ python a.py", new[] { "pip install x", "python a.py" })]
    [InlineData("shell", "(venv) user@host:~/repo$ make train\n", new[] { "make train" })]
    [InlineData("bash", "export A=1 # set\necho 'a # not a comment'\n", new[] { "export A=1", "echo 'a # not a comment'" })]
    [InlineData("bash", "python train.py \\\n  --lr 0.1 \\\n  --seed 1\n", new[] { "python train.py --lr 0.1 --seed 1" })]
    [InlineData("bash", "make a &&\n  make b\n", new[] { "make a && make b" })]
    [InlineData(null, "Some prose\npip install -e .\n", new[] { "pip install -e ." })]
    [InlineData("python", "import os\n", new string[0])]
    [InlineData("console", "Collecting numpy\n", new string[0])]
    public void Commands_from_code_blocks(string? language, string code, string[] expected)
    {
        var lines = code.Split('\n').Select((t, i) => (t, i + 1)).ToList();
        MarkdownParser.ExtractCommands(language, lines).Select(c => c.Text).Should().Equal(expected);
    }

    [Fact]
    public void Front_matter_alias_bomb_is_bounded()
    {
        var sb = new StringBuilder("---\na: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
        for (var i = 0; i < 200; i++)
        {
            var prev = i == 0 ? "a" : "l" + (i - 1);
            sb.Append(FormattableString.Invariant($"l{i}: &l{i} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"));
        }

        sb.Append("dataset_info:\n  features: *l199\nlicense: mit\n---\n# Bomb\n");
        var sw = Stopwatch.StartNew();
        var doc = Md(sb.ToString());
        sw.Elapsed.Should().BeLessThan(MLRepro.Tests.Support.Bounds.HostileInput);
        doc.Diagnostics.Should().Contain(d => d.Code == "yaml.limit");
        doc.Title.Should().Be("Bomb");
    }

    [Fact]
    public void Front_matter_shared_aliases_are_walked_within_budget()
    {
        // Few aliases, huge logical expansion: a tree walk must not multiply through references.
        var sb = new StringBuilder("---\nf0: &f0 [{name: a, dtype: string}]\n");
        for (var i = 1; i <= 30; i++)
        {
            sb.Append(FormattableString.Invariant($"f{i}: &f{i} [*f{i - 1}, *f{i - 1}]\n"));
        }

        sb.Append("dataset_info:\n  features: *f30\n---\ntext\n");
        var sw = Stopwatch.StartNew();
        var doc = Md(sb.ToString());
        sw.Elapsed.Should().BeLessThan(MLRepro.Tests.Support.Bounds.HostileInput);
        doc.FrontMatter.Should().NotBeNull();
    }

    [Fact]
    public void Deep_yaml_nesting_is_a_diagnostic()
    {
        var yaml = "---\nx: " + new string('[', 10_000) + new string(']', 10_000) + "\n---\n# T\n";
        var sw = Stopwatch.StartNew();
        var doc = Md(yaml);
        sw.Elapsed.Should().BeLessThan(MLRepro.Tests.Support.Bounds.HostileInput);
        doc.Diagnostics.Should().Contain(d => d.Code == "yaml.too-deep" || d.Code == "yaml.syntax" || d.Code == "yaml.limit");
    }

    [Theory]
    [InlineData("> ")]
    [InlineData("- ")]
    [InlineData("1. ")]
    public void Ten_thousand_deep_nesting_is_bounded(string marker)
    {
        // "- - - x" and "> > > x" nest one level per marker on a single line (CommonMark), so 10,000 levels
        // fit in a small file; a second line continues the innermost block.
        var sb = new StringBuilder("# Deep\n\n");
        sb.Append(string.Concat(Enumerable.Repeat(marker, 10_000))).Append("bottom [x](https://example.com)\n");
        sb.Append(string.Concat(Enumerable.Repeat(marker, 10_000))).Append("again\n");

        var sw = Stopwatch.StartNew();
        var doc = Md(sb.ToString());
        sw.Elapsed.Should().BeLessThan(MLRepro.Tests.Support.Bounds.HostileInput);
        doc.Title.Should().Be("Deep");
        doc.Diagnostics.Should().Contain(d => d.Code == "markdown.too-deep" || d.Code == "markdown.unparsed");
    }

    [Fact]
    public void Deep_inline_nesting_is_bounded()
    {
        var text = "# T\n\n" + string.Concat(Enumerable.Repeat("[*_", 5_000)) + "x" + string.Concat(Enumerable.Repeat("_*](u)", 5_000)) + "\n";
        var sw = Stopwatch.StartNew();
        var doc = Md(text);
        sw.Elapsed.Should().BeLessThan(MLRepro.Tests.Support.Bounds.HostileInput);
        doc.Title.Should().Be("T");
    }

    [Fact]
    public void Binary_bytes_invalid_utf8_crlf_and_bom()
    {
        var bytes = new List<byte> { 0xEF, 0xBB, 0xBF };
        bytes.AddRange(Encoding.UTF8.GetBytes("# Title\r\n\r\n## Data\r\n\r\ncols \xC3\x28 here\r\n\r\n```bash\r\npip install x\r\n```\r\n"));
        bytes.AddRange([0xFF, 0xFE, 0x00, 0x01, 0x80]);
        var diagnostics = new List<Diagnostic>();
        var text = MLRepro.Indexing.RepoIndex.Decode(bytes.ToArray(), "README.md", diagnostics);
        diagnostics.Should().Contain(d => d.Code == "text.invalid-utf8");
        var doc = Md(text);
        doc.Headings.Select(h => (h.Text, h.Line)).Should().Equal(("Title", 1), ("Data", 3));
        doc.Commands.Single().Should().Be(new ShellCommand("pip install x", 8, false));
        doc.Headings[0].Text.Should().NotStartWith("\uFEFF");
    }

    [Fact]
    public void Unclosed_front_matter_and_non_mapping_are_diagnostics()
    {
        Md("---\ntitle: x\n# no end\n").Diagnostics.Should().Contain(d => d.Code == "markdown.front-matter-unclosed");
        Md("---\n- a\n- b\n---\n").Diagnostics.Should().Contain(d => d.Code == "markdown.front-matter-not-mapping");
        Md("---\nkey: [unclosed\n---\n").Diagnostics.Should().Contain(d => d.Code == "yaml.syntax");
    }
}
