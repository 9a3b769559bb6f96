using AwesomeAssertions;
using MLRepro.Checks;
using MLRepro.Cli.Tests.Support;
using MLRepro.Tests.Support;

namespace MLRepro.Cli.Tests.Commands;

public sealed class ReportCommandTests
{
    [Fact]
    public void Report_writes_reproducibility_md_and_keeps_the_user_region_on_regeneration()
    {
        using var t = new TempDir();
        CliRunner.Copy(Path.Combine(TestPaths.Examples, "04-three-stars"), t.Path);
        var first = CliRunner.Run("report", t.Path);
        first.ExitCode.Should().Be(0, first.Stderr);
        var file = Path.Combine(t.Path, "REPRODUCIBILITY.md");
        var text = File.ReadAllText(file);
        text.Should().Contain("3 of 5 stars").And.Contain("[params.yaml](params.yaml)");

        var edited = text.Replace("Add your own notes here; mlrepro keeps this part when it regenerates the report.", "Our GPU runs are on the lab cluster.\nSee issue #12.", StringComparison.Ordinal);
        File.WriteAllText(file, edited);
        CliRunner.Run("report", t.Path).ExitCode.Should().Be(0);
        var regenerated = File.ReadAllText(file);
        regenerated.Should().Contain("Our GPU runs are on the lab cluster.\nSee issue #12.");
        regenerated.Should().NotContain("Add your own notes here");
        CliRunner.Run("report", t.Path, "--check").ExitCode.Should().Be(0, "a generated report only ticks what the evidence supports");
    }

    [Fact]
    public void Check_exits_1_and_names_each_unsupported_claim()
    {
        using var t = new TempDir();
        CliRunner.Copy(Path.Combine(TestPaths.Examples, "03-two-stars"), t.Path);
        File.WriteAllText(Path.Combine(t.Path, "REPRODUCIBILITY.md"), """
            # ML Reproducibility Report

            ## 1. Code
            - [x] Runnable code: `python train.py`

            ## 4. Environment
            - [x] Packages: requirements.txt
            - [x] Example environment: a Docker image

            ## 5. Evaluation
            - [ ] Predict on custom input
            """);
        var r = CliRunner.Run("report", t.Path, "--check");
        r.ExitCode.Should().Be(1);
        r.Stdout.Should().Contain("env.example").And.Contain("Example environment").And.Contain("no Dockerfile");
        r.Stdout.Should().Contain("env.packages");
        r.Stdout.Should().NotContain("code.runs:", "the code.runs claim is supported");
    }

    [Fact]
    public void Other_formats_go_to_stdout_or_a_file()
    {
        using var t = new TempDir();
        var sarif = Path.Combine(t.Path, "out.sarif");
        CliRunner.Run("report", Path.Combine(TestPaths.Examples, "02-one-star"), "-f", "sarif", "-o", sarif).ExitCode.Should().Be(0);
        File.ReadAllText(sarif).Should().Contain("\"version\": \"2.1.0\"");
        CliRunner.Run("report", Path.Combine(TestPaths.Examples, "02-one-star"), "-f", "html", "--stdout").Stdout.Should().StartWith("<!DOCTYPE html>");
        CliRunner.Run("report", Path.Combine(TestPaths.Examples, "02-one-star"), "-f", "sarif").ExitCode.Should().Be(2, "a non-Markdown format needs --output or --stdout");
    }

    [Fact]
    public void Badge_and_explain()
    {
        using var t = new TempDir();
        var svg = Path.Combine(t.Path, "b.svg");
        CliRunner.Run("badge", Path.Combine(TestPaths.Examples, "05-four-stars"), "-o", svg).ExitCode.Should().Be(0);
        File.ReadAllText(svg).Should().Contain("4 of 5 stars");
        var explain = CliRunner.Run("explain", "config.seeds");
        explain.ExitCode.Should().Be(0);
        explain.Stdout.Should().Contain("How mlrepro checks it").And.Contain("How to fix it");
        CliRunner.Run("explain", "nope").ExitCode.Should().Be(2);
    }

    [Fact]
    public void Docs_criteria_md_is_current()
    {
        var committed = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "criteria.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        committed.Should().Be(CriteriaDoc.Markdown(), "docs/criteria.md is generated: run `mlrepro docs criteria > docs/criteria.md`");
    }
}
