using AwesomeAssertions;
using MLRepro.Analysis;
using MLRepro.Formats.DataTracking;
using MLRepro.Formats.DatasetMeta;
using MLRepro.Text;

namespace MLRepro.Tests.Analysis;

/// <summary>The pieces the data-input rules rest on: names in a path expression, installer URLs, legacy expectations.</summary>
public sealed class InputTracerTests
{
    [Theory]
    [InlineData("os.path.join(data_dir, 'train.bin')", "data_dir")]
    [InlineData("ROOT_DIR / params[\"data\"][\"subdir\"]", "ROOT_DIR|params[\"data\"][\"subdir\"]")]
    [InlineData("f\"{root}/images/{split}.csv\"", "root|split")]
    [InlineData("os.path.join(os.path.dirname(os.path.abspath(__file__)), \"wine-quality.csv\")", "__file__")]
    [InlineData("Path(cfg.paths.data_dir).parent / 'x.csv'", "cfg.paths.data_dir")]
    [InlineData("open(name, mode='r')", "name")]
    [InlineData("'data/fixed.csv'", "")]
    public void Names_in_a_path_expression_skip_callees_keywords_and_string_contents(string text, string expected)
    {
        InputTracer.NamesIn(text).Should().Equal(expected.Length == 0 ? [] : expected.Split('|'));
    }

    [Theory]
    [InlineData("https://repo.anaconda.com/miniconda/Miniconda3-latest-Linux-x86_64.sh", true)]
    [InlineData("https://bootstrap.pypa.io/get-pip.py", true)]
    [InlineData("https://developer.download.nvidia.com/compute/cuda/repos/ubuntu2204/x86_64/3bf863cc.pub", true)]
    [InlineData("https://download.pytorch.org/whl/cu118", true)]
    [InlineData("https://storage.googleapis.com/mledu-datasets/cats_and_dogs_filtered.zip", false)]
    [InlineData("https://archive.ics.uci.edu/ml/machine-learning-databases/wine-quality/winequality-red.csv", false)]
    public void Software_installers_are_not_data(string url, bool installer)
    {
        DataTrackingParser.IsSoftwareInstaller(url.ToLowerInvariant()).Should().Be(installer);
    }

    [Fact]
    public void Installer_url_in_a_readme_is_no_data_source_but_a_dataset_zip_is()
    {
        var sources = DataTrackingParser.ScanText(new SourceText("README.md",
            "wget https://repo.anaconda.com/miniconda/Miniconda3-latest-Linux-x86_64.sh\nwget https://example.org/data/cats.zip\n"));
        sources.Select(s => s.Value).Should().Equal("https://example.org/data/cats.zip");
    }

    [Fact]
    public void Torchvision_classes_imported_by_name_are_standard_datasets()
    {
        var sources = DataTrackingParser.ScanText(new SourceText("dm.py",
            "from torchvision.datasets import MNIST, ImageFolder\nfrom torchvision.transforms import transforms\n\nMNIST(self.hparams.data_dir, download=True)\nImageFolder(root)\n"));
        sources.Select(s => (s.Kind, s.Value, s.Line)).Should().Equal((DataSourceKind.StandardDataset, "torchvision.datasets.MNIST", 4));
    }

    [Fact]
    public void Legacy_great_expectations_column_list_is_a_schema()
    {
        const string code = """
            def test_dataset(df):
                column_list = ["id", "title", "tag"]
                df.expect_table_columns_to_match_ordered_list(column_list=column_list)
                df.expect_column_values_to_be_of_type(column="title", type_="str")
            """;
        var schemas = DatasetMetaParser.ScanLegacyExpectations(new SourceText("tests/test_data.py", code));
        var schema = schemas.Should().ContainSingle().Subject;
        schema.Kind.Should().Be(SchemaSourceKind.GreatExpectations);
        schema.Fields.Select(f => (f.Name, f.Type)).Should().Equal(("id", null), ("title", "str"), ("tag", null));
    }
}
