using AwesomeAssertions;
using MLRepro.Formats.Workflows;
using MLRepro.Text;

namespace MLRepro.Tests.Formats.Workflows;

public sealed class WorkflowParserTests
{
    [Theory]
    [InlineData(".github/workflows/ci.yml", CiSystem.GitHubActions)]
    [InlineData(".github/workflows/release.yaml", CiSystem.GitHubActions)]
    [InlineData(".gitlab-ci.yml", CiSystem.GitLabCi)]
    [InlineData(".github/workflows/sub/x.yml", null)]
    [InlineData(".github/dependabot.yml", null)]
    [InlineData("ci/.gitlab-ci.yml", null)]
    public void Recognises_workflow_paths(string path, CiSystem? expected) => WorkflowParser.SystemOf(path).Should().Be(expected);

    [Fact]
    public void Reusable_workflow_jobs_and_string_triggers_are_read()
    {
        var doc = WorkflowParser.Parse(new SourceText(".github/workflows/x.yml", "on: [push, pull_request]\njobs:\n  call:\n    uses: org/repo/.github/workflows/train.yml@main\n  run:\n    runs-on: ubuntu-latest\n    steps:\n      - run: >-\n          python train.py\n          --epochs 1\n"), CiSystem.GitHubActions);

        doc.Triggers.Should().Equal("push", "pull_request");
        doc.Jobs[0].Steps.Single().Uses.Should().Be("org/repo/.github/workflows/train.yml@main");
        doc.Jobs[1].Commands.Single().Text.Should().Be("python train.py --epochs 1", "a folded scalar is one command");
    }

    [Fact]
    public void Gitlab_jobs_inherit_the_global_before_script_unless_they_set_their_own()
    {
        var doc = WorkflowParser.Parse(new SourceText(".gitlab-ci.yml", "default:\n  before_script: [pip install .]\nvariables:\n  X: 1\nt1:\n  script: [pytest]\nt2:\n  before_script: [make deps]\n  script: make test\n"), CiSystem.GitLabCi);

        doc.Jobs.Select(j => string.Join(";", j.Commands.Select(c => c.Text))).Should().Equal("pip install .;pytest", "make deps;make test");
    }
}
