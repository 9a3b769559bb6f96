using System.Diagnostics;
using AwesomeAssertions;
using MLRepro.Formats.DatasetMeta;
using MLRepro.Formats.Markdown;
using MLRepro.Indexing;
using MLRepro.Model;
using MLRepro.Tests.Support;
using MLRepro.Text;

namespace MLRepro.Tests.Formats.DatasetMeta;

public sealed class DatasetMetaParserTests
{
    private static DatasetMetaDocument Fixture(string rel) =>
        DatasetMetaParser.Parse(new SourceText(rel, File.ReadAllText(Path.Combine(TestPaths.Fixtures, "Formats", "DatasetMeta", rel))));

    [Fact]
    public void Datapackage_resources_and_fields()
    {
        var doc = Fixture("datapackage.json");
        doc.Schemas.Select(s => s.Name).Should().Equal("measurements", "stations");
        doc.Schemas[0].Fields.Select(f => (f.Name, f.Type)).Should().Equal(("city", "string"), ("timestamp", "datetime"), ("pm25", "number"), ("station_id", "integer"));
        doc.Schemas[0].Fields[0].Line.Should().Be(12);
        doc.Diagnostics.Should().Contain(d => d.Code == "datapackage.external-schema");
    }

    [Fact]
    public void Croissant_record_sets_with_sub_fields()
    {
        var s = Fixture("croissant_metadata.json").Schemas.Single();
        s.Kind.Should().Be(SchemaSourceKind.Croissant);
        s.Fields.Select(f => f.Name).Should().Equal("image_path", "label", "bbox", "bbox.x", "bbox.y");
    }

    [Fact]
    public void Json_schema_expectations_and_pandera()
    {
        Fixture("review.schema.json").Schemas.Single().Fields.Select(f => f.Name).Should().Equal("review_id", "stars", "text", "created");
        var ge = Fixture("great_expectations/expectations/taxi_suite.json").Schemas.Single();
        ge.Fields.Select(f => f.Name).Should().Equal("vendor_id", "pickup_datetime", "passenger_count", "fare_amount", "tip_amount");
        ge.Fields.Single(f => f.Name == "passenger_count").Type.Should().Be("int64");
        var pandera = Fixture("schemas.py").Schemas;
        pandera.Select(p => p.Name).Should().Equal("train_schema", "Prediction");
        pandera[0].Fields.Select(f => f.Name).Should().Equal("age", "income", "occupation", "label");
        pandera[1].Fields.Select(f => (f.Name, f.Type)).Should().Equal(("row_id", "int"), ("score", "float"));
    }

    [Fact]
    public void Data_readme_tables_and_items()
    {
        var doc = MarkdownParser.Parse(new SourceText("data/README.md", File.ReadAllText(Path.Combine(TestPaths.Fixtures, "Formats", "DatasetMeta", "data", "README.md"))));
        var schemas = DatasetMetaParser.FromDocument(doc);
        schemas.Should().OnlyContain(s => s.Kind == SchemaSourceKind.DataReadme);
        schemas.SelectMany(s => s.Fields).Select(f => f.Name).Should().Equal("age", "workclass", "income", "age_bucket", "is_married");
        DatasetMetaParser.IsDataReadme("data/README.md").Should().BeTrue();
        DatasetMetaParser.IsDataReadme("README.md").Should().BeFalse();
        DatasetMetaParser.FromDocument(MarkdownParser.Parse(new SourceText("README.md", "| Model | Top-1 |\n|---|---|\n| a | 1 |\n"))).Should().BeEmpty("a results table is not a schema");
        DatasetMetaParser.FromDocument(MarkdownParser.Parse(new SourceText("README.md", "## Options\n\n| name | type | description |\n|---|---|---|\n| --lr | float | learning rate |\n")))
            .Should().BeEmpty("a CLI option table outside a data section is not a dataset schema");
        DatasetMetaParser.FromDocument(MarkdownParser.Parse(new SourceText("docs/install.md", "## Install the operator\n\n| Field | Value | Explanation |\n|---|---|---|\n| Installation mode | All namespaces | operator scope |\n")))
            .Should().BeEmpty("a settings form (field, value) is not a dataset schema");
        DatasetMetaParser.FromDocument(MarkdownParser.Parse(new SourceText("README.md", "## Options\n\n| column | description |\n|---|---|\n| age | years |\n")))
            .Single().Fields.Single().Name.Should().Be("age");
    }

    [Fact]
    public void Invalid_and_deep_json_are_diagnostics()
    {
        DatasetMetaParser.Parse(new SourceText("datapackage.json", "{ \"resources\": [ {\"name\": ")).Diagnostics.Single().Code.Should().Be("json.syntax");
        var deep = new string('[', 10_000) + new string(']', 10_000);
        var sw = Stopwatch.StartNew();
        DatasetMetaParser.Parse(new SourceText("x.schema.json", deep)).Diagnostics.Single().Code.Should().Be("json.syntax");
        sw.Elapsed.Should().BeLessThan(MLRepro.Tests.Support.Bounds.HostileInput);
        DatasetMetaParser.Parse(new SourceText("datapackage.json", "[]")).Diagnostics.Single().Code.Should().Be("datapackage.no-resources");
    }

    [Fact]
    public void Project_model_collects_schemas_from_docs_and_metadata()
    {
        using var t = new TempDir();
        t.Write("README.md", "# P\n\n## Dataset\n\n| name | dtype |\n|---|---|\n| x | float |\n");
        t.Write("data/datapackage.json", File.ReadAllText(Path.Combine(TestPaths.Fixtures, "Formats", "DatasetMeta", "datapackage.json")));
        t.Write("meta/croissant.json", File.ReadAllText(Path.Combine(TestPaths.Fixtures, "Formats", "DatasetMeta", "croissant_metadata.json")));
        t.Write("config.json", "{\"lr\": 0.1}");
        t.Write("node_modules/pkg/datapackage.json", "{\"resources\": []}");
        var model = ProjectModel.Open(t.Path, new IndexOptions { UseGit = false });
        model.DatasetSchemas.Select(s => (s.Kind, s.Source)).Should().Equal(
            (SchemaSourceKind.MarkdownTable, "README.md"), (SchemaSourceKind.DataPackage, "data/datapackage.json"),
            (SchemaSourceKind.DataPackage, "data/datapackage.json"), (SchemaSourceKind.Croissant, "meta/croissant.json"));
    }
}
