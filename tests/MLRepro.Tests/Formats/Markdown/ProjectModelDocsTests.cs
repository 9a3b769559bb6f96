using System.Text.Json;
using AwesomeAssertions;
using MLRepro.Formats.DatasetMeta;
using MLRepro.Indexing;
using MLRepro.Model;
using MLRepro.Reporting.Json;
using MLRepro.Tests.Support;
using MLRepro.Text;

namespace MLRepro.Tests.Formats.Markdown;

public sealed class ProjectModelDocsTests
{
    [Fact]
    public void Docs_put_the_root_readme_first_and_skip_vendored_and_ignored()
    {
        using var t = new TempDir();
        t.Git("init", "-q");
        t.Write("README.rst", "Title\n=====\n");
        t.Write("README.md", "# Project\n\n```bash\npip install -r requirements.txt\n```\n");
        t.Write("docs/usage.md", "# Usage\n");
        t.Write("CHANGELOG.md", "# Changes\n");
        t.Write("sub/README.md", "# Sub\n");
        t.Write(".venv/lib/python3.11/site-packages/pkg/README.md", "# vendored\n");
        t.Write("node_modules/x/readme.md", "# vendored\n");
        t.Write(".gitignore", "build/\n");
        t.Write("build/README.md", "# ignored\n");
        t.Write("REPRODUCIBILITY.md", "# Report\n\n## 1. Code\n- [x] [train.py](train.py)\n");
        var model = new ProjectModel(RepoIndex.Build(t.Path));

        model.Docs.Select(d => d.Path).Should().Equal("README.md", "README.rst", "CHANGELOG.md", "REPRODUCIBILITY.md", "docs/usage.md", "sub/README.md");
        model.Readme!.Path.Should().Be("README.md");
        model.Readme.Commands.Single().Text.Should().Be("pip install -r requirements.txt");
        model.ReproducibilityReport!.Section(1)!.Items.Single().CriterionId.Should().Be("code.runs");
    }

    [Fact]
    public void Readme_is_null_without_a_root_readme_and_rst_is_used_when_alone()
    {
        using var t = new TempDir();
        t.Write("docs/README.md", "# Docs\n");
        var model = ProjectModel.Open(t.Path, new IndexOptions { UseGit = false });
        model.Readme.Should().BeNull();
        model.ReproducibilityReport.Should().BeNull();

        using var t2 = new TempDir();
        t2.Write("README.rst", "Title\n=====\n");
        ProjectModel.Open(t2.Path, new IndexOptions { UseGit = false }).Readme!.Flavor.Should().Be(MLRepro.Formats.Markdown.DocFlavor.ReStructuredText);
    }

    [Fact]
    public void Parse_diagnostics_reach_the_model_and_json_has_the_new_entries()
    {
        using var t = new TempDir();
        t.Write("README.md", "---\nlicense: [unclosed\n---\n# X\n[x](javascript:alert(1))\n");
        t.Write("data/README.md", "| column | type |\n|---|---|\n| a | int |\n");
        t.Write("download_data.sh", "kaggle competitions download -c titanic\n");
        var model = ProjectModel.Open(t.Path, new IndexOptions { UseGit = false });
        var sw = new StringWriter();
        ModelJsonWriter.Write(sw, model);
        model.Diagnostics.Select(d => d.Code).Should().Contain(["yaml.syntax", "markdown.unsafe-link"]);
        model.DatasetSchemas.Single().Kind.Should().Be(SchemaSourceKind.DataReadme);

        using var json = JsonDocument.Parse(sw.ToString());
        var root = json.RootElement;
        root.GetProperty("docs").GetArrayLength().Should().Be(2);
        root.GetProperty("dataTracking").GetProperty("downloadScripts")[0].GetString().Should().Be("download_data.sh");
        root.GetProperty("dataTracking").GetProperty("sources")[0].GetProperty("kind").GetString().Should().Be("kaggleCompetition");
        root.GetProperty("datasets")[0].GetProperty("fields")[0].GetProperty("name").GetString().Should().Be("a");
        root.GetProperty("reproducibility").ValueKind.Should().Be(JsonValueKind.Null, "the project has no report");
    }

    [Fact]
    public void Lone_surrogates_in_json_metadata_are_a_diagnostic()
    {
        var doc = DatasetMetaParser.Parse(new SourceText("datapackage.json", "{\"resources\": [\"\uD83D\"]}"));
        doc.Diagnostics.Single().Code.Should().Be("json.encoding");
    }
}

public sealed class ProjectModelHostileDocsTests
{
    [Fact]
    public void Binary_and_invalid_utf8_docs_are_diagnostics_not_failures()
    {
        using var t = new TempDir();
        t.WriteBytes("README.md", [.. "# Binary\n"u8.ToArray(), 0x00, 0x01, 0x02, 0xFF]);
        t.WriteBytes("docs/latin1.md", [.. "# Caf"u8.ToArray(), 0xE9, .. "\n\n```bash\npip install x\n```\n"u8.ToArray()]);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var model = ProjectModel.Open(t.Path, new IndexOptions { UseGit = false });
        model.ParseAll();
        sw.Elapsed.Should().BeLessThan(MLRepro.Tests.Support.Bounds.HostileInput);
        model.Readme.Should().BeNull("a binary README is never parsed");
        var latin = model.Docs.Single();
        latin.Path.Should().Be("docs/latin1.md");
        latin.Title.Should().Be("Caf\uFFFD");
        latin.Commands.Single().Text.Should().Be("pip install x");
        model.Diagnostics.Should().Contain(d => d.Code == "text.invalid-utf8" && d.Path == "docs/latin1.md");
    }

    [Fact]
    public void Large_readme_parses_in_bounded_time()
    {
        var sb = new System.Text.StringBuilder("# Big\n\n");
        for (var i = 0; i < 5_000; i++)
        {
            sb.Append(System.FormattableString.Invariant($"## Section {i}\n\nText with a [link](docs/{i}.md) and `code`.\n\n```bash\npip install pkg{i}\n```\n\n| a | b |\n|---|---|\n| {i} | x |\n\n"));
        }

        var sw = System.Diagnostics.Stopwatch.StartNew();
        var doc = MLRepro.Formats.Markdown.MarkdownParser.Parse(new SourceText("README.md", sb.ToString()));
        sw.Elapsed.Should().BeLessThan(MLRepro.Tests.Support.Bounds.HostileInput);
        doc.Commands.Length.Should().Be(5_000);
        doc.Headings.Length.Should().Be(5_001);
        doc.Tables.Length.Should().Be(5_000);
    }

    [Fact]
    public void Entries_beyond_the_limit_are_dropped_with_a_note()
    {
        var text = string.Concat(Enumerable.Repeat("# h\n", MLRepro.Formats.Markdown.MarkdownParser.MaxEntries + 5));
        var doc = MLRepro.Formats.Markdown.MarkdownParser.Parse(new SourceText("README.md", text));
        doc.Headings.Length.Should().Be(MLRepro.Formats.Markdown.MarkdownParser.MaxEntries);
        doc.Diagnostics.Should().ContainSingle(d => d.Code == "markdown.limit");
    }
}
