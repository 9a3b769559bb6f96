using System.Diagnostics;
using AwesomeAssertions;
using MLRepro.Formats.DataTracking;
using MLRepro.Indexing;
using MLRepro.Model;
using MLRepro.Tests.Support;
using MLRepro.Text;

namespace MLRepro.Tests.Formats.DataTracking;

public sealed class DataTrackingParserTests
{
    private static SourceText Fixture(string name, string? path = null) =>
        new(path ?? name, File.ReadAllText(Path.Combine(TestPaths.Fixtures, "Formats", "DataTracking", name)));

    [Fact]
    public void Gitattributes_lfs_patterns_and_matching()
    {
        var patterns = DataTrackingParser.ParseGitAttributes(Fixture("lfs.gitattributes.txt", ".gitattributes"));
        patterns.Select(p => (p.Pattern, p.Line)).Should().Equal(("*.pt", 2), ("*.safetensors", 3), ("data/**/*.parquet", 4), ("models/big model.bin", 5));
        var doc = DataTrackingDocument.Empty with { LfsPatterns = patterns };
        doc.IsLfsTracked("checkpoints/best.pt").Should().BeTrue();
        doc.IsLfsTracked("data/a/b/train.parquet").Should().BeTrue();
        doc.IsLfsTracked("data/train.parquet").Should().BeTrue("** matches zero folders");
        doc.IsLfsTracked("other/train.parquet").Should().BeFalse();
        doc.IsLfsTracked("models/big model.bin").Should().BeTrue();
        doc.IsLfsTracked("train.py").Should().BeFalse();
        doc.HasVersioning.Should().BeTrue();
    }

    [Fact]
    public void Lfs_pointer_valid_and_malformed()
    {
        var ok = DataTrackingParser.ParseLfsPointer(Fixture("model.lfs-pointer.txt"));
        ok.Valid.Should().BeTrue();
        ok.Size.Should().Be(94_371_840);
        ok.Oid.Should().HaveLength(64);
        var diagnostics = new List<Diagnostic>();
        DataTrackingParser.ParseLfsPointer(Fixture("broken.lfs-pointer.txt"), diagnostics).Valid.Should().BeFalse();
        diagnostics.Single().Code.Should().Be("lfs.pointer-malformed");
    }

    [Fact]
    public void Download_script_sources()
    {
        var sources = DataTrackingParser.ScanText(Fixture("download_data.sh"));
        sources.Select(s => s.Kind).Should().Contain([
            DataSourceKind.DataUrl, DataSourceKind.HttpDownload, DataSourceKind.KaggleDataset, DataSourceKind.KaggleCompetition,
            DataSourceKind.HuggingFaceDataset, DataSourceKind.HuggingFaceModel, DataSourceKind.FileHost, DataSourceKind.ObjectStore,
            DataSourceKind.DvcGet, DataSourceKind.Dolt,
        ]);
        sources.Single(s => s.Kind == DataSourceKind.KaggleDataset).Value.Should().Be("abdallahalidev/plantvillage-dataset");
        sources.Single(s => s.Kind == DataSourceKind.HuggingFaceDataset).Value.Should().Be("acme/leaf-captions");
        DataTrackingParser.IsDownloadScript("scripts/download_data.sh").Should().BeTrue();
        DataTrackingParser.IsDownloadScript("get_data.py").Should().BeTrue();
        DataTrackingParser.IsDownloadScript("train.py").Should().BeFalse();
        DataTrackingParser.IsDownloadScript("download.md").Should().BeFalse();
    }

    [Fact]
    public void Python_standard_datasets_and_hub_ids()
    {
        var sources = DataTrackingParser.ScanText(Fixture("prepare.py"));
        sources.Where(s => s.Kind == DataSourceKind.StandardDataset).Select(s => s.Value).Should().Equal(
            "torchvision.datasets.CIFAR10", "torchvision.datasets.MNIST", "sklearn.datasets.fetch_openml:mnist_784",
            "sklearn.datasets.load_iris", "keras.datasets.fashion_mnist", "tfds:mnist");
        sources.Should().NotContain(s => s.Value.Contains("ImageFolder"), "ImageFolder loads local files");
        sources.Single(s => s.Value == "acme/leaf-captions").Should().Match<DataSource>(s => s.Kind == DataSourceKind.HuggingFaceDataset && s.Line == 16);
        sources.Single(s => s.Value == "csv").Kind.Should().Be(DataSourceKind.HuggingFaceFiles);
        sources.Single(s => s.Kind == DataSourceKind.LakeFs).Value.Should().Be("lakefs://leafnet-repo/main/tables/train.parquet");
        sources.Should().NotContain(s => s.Value.Contains("pandas.pydata.org"), "a documentation URL is not a data source");
    }

    [Fact]
    public void A_project_method_named_load_dataset_is_no_hub_loader()
    {
        var sources = DataTrackingParser.ScanText(new MLRepro.Text.SourceText("explore.py", """
            import datasets as hfds
            from datasets import load_dataset
            a = load_dataset("acme/reviews")
            b = datasets.load_dataset("acme/tweets")
            c = hfds.load_dataset("acme/news")
            d = data_io.load_dataset("cash_balance", limit=3)
            e = self.load_dataset("bureau")
            """));
        sources.Select(s => s.Value).Should().Equal("acme/reviews", "acme/tweets", "acme/news");
    }

    [Fact]
    public void Local_services_and_api_requests_are_no_data_sources()
    {
        var sources = DataTrackingParser.ScanText(new MLRepro.Text.SourceText("README.md", """
            HEALTHCHECK CMD curl -f http://localhost:8000/health || exit 1
            curl -X POST https://api.example.org/predict -H "Content-Type: application/json" -d '{"x": 1}'
            curl https://api.example.org/v1/score --data @sample.json
            wget http://127.0.0.1:9000/export/train.csv
            wget http://mlflow:5000/get-artifact?path=model.pkl
            wget http://192.168.1.20/share/train.zip
            wget https://example.org/data/cats.zip
            """));
        sources.Select(s => s.Value).Should().Equal("https://example.org/data/cats.zip");
    }

    [Fact]
    public void Templates_placeholders_and_output_stores_are_no_data_sources()
    {
        var sources = DataTrackingParser.ScanText(new MLRepro.Text.SourceText("run.py", """
            SUBMIT_URL="https://www.kaggle.com/competitions/${COMP}/submit"
            # huggingface-cli download username/dataset-name --repo-type dataset
            ds = load_dataset("your-org/your-dataset")
            pipeline = dsl.pipeline(pipeline_root=f"s3://runpipelines-{user}")
            df.writeStream.format("delta").option("checkpointLocation", "s3a://lake/checkpoints/raw").start("s3a://lake/delta/raw")
            # aws emr create-cluster --bootstrap-actions Path=s3://support.elasticmapreduce/bootstrap-actions/ami/3.3.1/ridetherocket-workaround.bash
            raw = pd.read_parquet("s3://lake/raw/transactions.parquet")
            ds2 = load_dataset("tatsu-lab/alpaca")
            """));
        sources.Select(s => s.Value).Should().Equal("s3://lake/raw/transactions.parquet", "tatsu-lab/alpaca");
    }

    [Fact]
    public void Notebook_escaped_quotes_are_understood()
    {
        var sources = DataTrackingParser.ScanText(Fixture("explore.ipynb"));
        sources.Select(s => (s.Kind, s.Value)).Should().Contain([(DataSourceKind.HuggingFaceDataset, "rotten_tomatoes"), (DataSourceKind.KaggleDataset, "uciml/iris")]);
    }

    [Fact]
    public void Huge_single_line_is_scanned_in_bounded_time()
    {
        var text = "x = '" + new string('a', 3_000_000) + "' # https://" + new string('b', 100_000) + ".csv load_dataset(\"" + new string('c', 50_000);
        var sw = Stopwatch.StartNew();
        DataTrackingParser.ScanText(new SourceText("big.py", text));
        sw.Elapsed.Should().BeLessThan(MLRepro.Tests.Support.Bounds.HostileInput);
    }

    [Fact]
    public void Project_level_tracking_from_the_index()
    {
        using var t = new TempDir();
        t.Write(".gitattributes", "*.bin filter=lfs diff=lfs merge=lfs -text\n");
        t.Write("weights.bin", "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12\n");
        t.Write("db/.dolt/noms/manifest", "x");
        t.Write(".lakectl.yaml", "server:\n  endpoint_url: http://localhost:8000\n");
        t.Write("scripts/fetch_data.sh", "wget https://example.org/d.zip\n");
        t.Write(".venv/lib/site.py", "load_dataset(\"vendored/never\")\n");
        t.Write(".gitignore", "ignored/\n");
        t.Write("ignored/x.py", "load_dataset(\"ignored/never\")\n");
        var model = ProjectModel.Open(t.Path, new IndexOptions { UseGit = false });
        var dt = model.DataTracking;
        dt.LfsPatterns.Single().Pattern.Should().Be("*.bin");
        dt.LfsPointers.Single().Should().Be(new LfsPointer("weights.bin", "4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393", 12, true));
        dt.DoltRepos.Should().Equal("db");
        dt.LakeFsConfigs.Should().Equal(".lakectl.yaml");
        dt.DownloadScripts.Should().Equal("scripts/fetch_data.sh");
        dt.Sources.Select(s => s.Value).Should().Equal("https://example.org/d.zip");
        dt.IsLfsTracked("weights.bin").Should().BeTrue();
    }
}
