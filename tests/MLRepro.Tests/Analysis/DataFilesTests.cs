using AwesomeAssertions;
using MLRepro.Model;
using MLRepro.Tests.Support;

namespace MLRepro.Tests.Analysis;

/// <summary>What counts as a committed data file.</summary>
public sealed class DataFilesTests
{
    [Fact]
    public void Notes_and_source_code_in_data_folders_are_not_data()
    {
        using var t = new TempDir();
        t.Write("data/train.csv", "a,b\n1,2\n");
        t.Write("data/README.txt", "# Fixed validation split, from a forum post\n");
        t.Write("data/make_tables.R", "x <- read.csv('raw.csv')\n");
        t.Write("events/liberty/src/main/scala/com/x/dataset/Columns.scala", "object Columns\n");
        t.Write("dataset/labels.txt", "cat\ndog\n");

        var model = ProjectModel.Open(t.Path);

        model.Data.DataFiles.Select(f => f.Path).Order(StringComparer.Ordinal).Should().Equal("data/train.csv", "dataset/labels.txt");
    }

    [Fact]
    public void Figures_and_logs_the_code_writes_are_outputs_not_data()
    {
        using var t = new TempDir();
        t.Write("plot.py", "import matplotlib.pyplot as plt\nplt.plot([1, 2])\nplt.savefig('data/figures/loss.png')\n");
        t.Write("train.py", "import pandas as pd\ndf = pd.read_csv('data/train.csv')\ndf.describe().to_csv('data/results.csv')\ndf.head().to_json('data/trials/srp.jsonl', lines=True, orient='records')\n");
        t.Write("data/trials/srp.jsonl", "{\"x\": 1}\n");
        t.Write("data/figures/loss.png", "png");
        t.Write("data/results.csv", "x\n1\n");
        t.Write("data/train.csv", "a,b\n1,2\n");

        var model = ProjectModel.Open(t.Path);

        model.Data.DataFiles.Select(f => f.Path).Should().Equal("data/train.csv");
    }
}
