using AwesomeAssertions;
using MLRepro.Formats.Notebook;
using MLRepro.Python;
using MLRepro.Tests.Support;

namespace MLRepro.Tests.Python;

public sealed class NotebookTests
{
    private static NotebookDocument Load(string name) =>
        NotebookParser.Parse("nb/" + name, File.ReadAllText(Path.Combine(TestPaths.Fixtures, "Python", "notebooks", name)));

    [Fact]
    public void V4_code_cells_join_into_one_module_with_magics_recorded_not_parsed()
    {
        var nb = Load("explore_v4.ipynb");
        nb.NbFormat.Should().Be(4);
        nb.KernelLanguage.Should().Be("python");
        nb.Cells.Select(c => c.Kind).Should().Equal(NotebookCellKind.Markdown, NotebookCellKind.Code, NotebookCellKind.Code, NotebookCellKind.Code, NotebookCellKind.Code);
        nb.Cells[2].OutputCount.Should().Be(1);
        nb.Diagnostics.Should().BeEmpty();
        nb.PipInstalls.Select(p => (p.CellIndex, p.LineInCell, p.Text)).Should().Equal(
            (1, 1, "pip install scikit-learn==1.2.1"), (1, 2, "pip install -r requirements.txt"), (3, 3, "pip install torch"));
        nb.ShellCommands.Select(p => (p.CellIndex, p.LineInCell, p.Text)).Should().Equal(
            (2, 4, "echo {col}"), (2, 6, "ls data"), (3, 2, "python train.py --epochs 3"), (4, 5, "python train.py --epochs 3"));
        nb.Magics.Select(m => (m.Kind, m.Name)).Should().Contain([("line-magic", "matplotlib"), ("cell-magic", "bash"), ("cell-magic", "capture"), ("help", "df.describe")]);
        nb.ExecutedOutOfOrder.Should().BeTrue("cells ran 1, 3, 2");

        var s = ModuleSummary.Parse(nb);
        s.IsNotebook.Should().BeTrue();
        s.Diagnostics.Should().BeEmpty("magics and shell escapes never reach the tokenizer");
        s.Imports.Select(i => i.Module).Should().Equal("numpy", "pandas", "sklearn.linear_model");
        var seed = s.Calls.Single(c => c.Target == "numpy.random.seed");
        nb.MapLine(seed.Line).Should().Be(new CellLocation(2, 1));
        s.Describe(seed.Line).Should().Be("cell 3, line 1");
        s.Calls.Should().Contain(c => c.Target == "sklearn.linear_model.LogisticRegression.fit");
        s.Reads.Single().Path!.Literal!.AsString.Should().Be("data/iris.csv");
        s.Calls.Select(c => c.Target).Should().NotContain(t => t.Contains("train", StringComparison.Ordinal), "the %%bash cell is not Python");
    }

    [Fact]
    public void V3_worksheets_are_read()
    {
        var nb = Load("legacy_v3.ipynb");
        nb.NbFormat.Should().Be(3);
        nb.Cells.Should().HaveCount(2);
        nb.Cells[1].ExecutionCount.Should().Be(1);
        ModuleSummary.Parse(nb).Calls.Single().Target.Should().Be("random.seed");
    }

    [Fact]
    public void Broken_json_is_a_located_diagnostic()
    {
        var nb = Load("broken.ipynb");
        nb.Diagnostics.Should().ContainSingle(d => d.Code == "notebook.json" && d.Span != null && d.Span.Value.Line >= 4);
        nb.Cells.Should().BeEmpty();
        ModuleSummary.Parse(nb).Calls.Should().BeEmpty();
        NotebookParser.Parse("x.ipynb", "[1, 2]").Diagnostics.Should().ContainSingle(d => d.Code == "notebook.structure");
        NotebookParser.Parse("x.ipynb", new string('[', 5000)).Diagnostics.Should().ContainSingle(d => d.Code == "notebook.json");
    }
}
