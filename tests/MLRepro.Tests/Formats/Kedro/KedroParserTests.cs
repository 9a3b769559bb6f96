using AwesomeAssertions;
using MLRepro.Formats.Kedro;
using MLRepro.Text;

namespace MLRepro.Tests.Formats.Kedro;

public sealed class KedroParserTests
{
    [Theory]
    [InlineData("conf/base/catalog.yml", true)]
    [InlineData("conf/local/catalog_extra.yaml", true)]
    [InlineData("conf/base/catalog/raw.yml", true)]
    [InlineData("conf/base/parameters.yml", false)]
    [InlineData("src/conf/base/catalog.yml", false)]
    public void Recognises_catalog_paths(string path, bool expected) => KedroParser.IsCatalog(path).Should().Be(expected);

    [Fact]
    public void Project_is_detected_from_registry_or_catalog_only()
    {
        KedroParser.DetectProject(["src/p/pipelines/a/nodes.py", "README.md"], []).Should().BeNull();
        var project = KedroParser.DetectProject(["src/p/pipeline_registry.py", "src/p/pipelines/b/pipeline.py", "src/p/pipelines/a/nodes.py", "src/p/pipelines/__init__.py"], []);
        project!.Pipelines.Should().Equal("a", "b");
    }

    [Fact]
    public void Non_mapping_entries_are_diagnosed()
    {
        var doc = KedroParser.ParseCatalog(new SourceText("conf/base/catalog.yml", "x: 3\ny:\n  type: pandas.CSVDataset\n  filepath: d.csv\n"));

        doc.Environment.Should().Be("base");
        doc.Datasets.Single().Name.Should().Be("y");
        doc.Diagnostics.Should().ContainSingle(d => d.Code == "kedro.dataset-shape");
    }
}
