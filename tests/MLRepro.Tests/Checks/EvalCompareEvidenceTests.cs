using AwesomeAssertions;
using MLRepro.Assessment;
using MLRepro.Findings;
using MLRepro.Indexing;
using MLRepro.Tests.Support;

namespace MLRepro.Tests.Checks;

/// <summary>
/// eval.compare's evidence states what the code does with a file: a metrics file is the path a write call really receives
/// (cited at that call), and "only printed" names prints of metrics, not of any variable called result, outside tests.
/// </summary>
public sealed class EvalCompareEvidenceTests
{
    private static MLRepro.Reporting.ReportFinding Compare(params (string Path, string Text)[] files)
    {
        using var t = new TempDir();
        foreach (var (path, text) in files)
        {
            t.Write(path, text);
        }

        return Assessor.Assess(t.Path, new IndexOptions { UseGit = false }).Findings.Single(f => f.Criterion == "eval.compare");
    }

    [Fact]
    public void A_write_is_paired_with_the_path_it_receives_and_cited_at_the_write()
    {
        var f = Compare(("stack.py",
            "import pandas as pd\nOUT = '/data/liberty'\nsubmission = pd.DataFrame()\nresults = pd.DataFrame()\n" +
            "prior = pd.read_csv(OUT + '/scores_old.csv')\nsubmission.to_csv(OUT + '/submission.csv')\nresults.to_csv(OUT + '/results.csv')\n"));
        f.Outcome.Should().Be(Outcome.Met);
        f.Evidence.Should().Contain(e => e.Path == "stack.py" && e.Line == 7 && e.Note == "writes metrics to /data/liberty/results.csv" && e.Snippet == "results.to_csv");
        f.Evidence.Should().NotContain(e => e.Note.Contains("scores_old", StringComparison.Ordinal));
    }

    [Fact]
    public void A_metrics_file_written_through_a_handle_of_a_joined_path_is_cited_at_the_open()
    {
        var f = Compare(("eval.py",
            "import json, os\nout_dir = 'runs'\nmetrics = {'f1': 0.5}\npath = os.path.join(out_dir, 'eval', 'metrics.json')\n" +
            "with open(path, 'w') as fh:\n    json.dump(metrics, fh)\n"));
        f.Outcome.Should().Be(Outcome.Met);
        f.Evidence.Should().Contain(e => e.Path == "eval.py" && e.Line == 5 && e.Note == "writes metrics to runs/eval/metrics.json");
    }

    [Fact]
    public void Only_prints_of_metric_words_outside_tests_and_tooling_are_evidence()
    {
        var f = Compare(
            ("train.py", "result = run()\nprint(result)\nval_accuracy = 0.9\nprint(f'val accuracy {val_accuracy}')\n"),
            ("tests/test_api.py", "print('score', 1)\n"),
            (".devcontainer/executor.py", "print(score)\n"));
        f.Outcome.Should().Be(Outcome.NotMet);
        f.Evidence.Should().ContainSingle().Which.Line.Should().Be(4);
        f.Evidence[0].Path.Should().Be("train.py");
    }
}
