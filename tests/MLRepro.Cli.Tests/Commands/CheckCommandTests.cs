using AwesomeAssertions;
using MLRepro.Cli.Tests.Support;
using MLRepro.Tests.Support;

namespace MLRepro.Cli.Tests.Commands;

public sealed class CheckCommandTests
{
    private static string Example(string name) => Path.Combine(TestPaths.Examples, name);

    [Fact]
    public void Version_and_help_work()
    {
        CliRunner.Run("--version").ExitCode.Should().Be(0);
        var help = CliRunner.Run("--help");
        help.ExitCode.Should().Be(0);
        help.Stdout.Should().Contain("check").And.Contain("report").And.Contain("explain").And.Contain("index");
    }

    [Fact]
    public void Min_stars_gates_with_exit_code_1()
    {
        var ok = CliRunner.Run("check", Example("04-three-stars"), "--min-stars", "3");
        ok.ExitCode.Should().Be(0, ok.Stderr);
        var below = CliRunner.Run("check", Example("04-three-stars"), "--min-stars", "4");
        below.ExitCode.Should().Be(1);
        below.Stderr.Should().Contain("below the required 4");
    }

    [Fact]
    public void Usage_errors_exit_2_with_a_clear_message()
    {
        CliRunner.Run("check", Example("04-three-stars"), "--min-stars", "9").ExitCode.Should().Be(2);
        var missing = CliRunner.Run("check", "/no/such/folder");
        missing.ExitCode.Should().Be(2);
        missing.Stderr.Should().Contain("is not a folder");
        CliRunner.Run("check", "--format", "yaml").ExitCode.Should().Be(2);
        CliRunner.Run("frobnicate").ExitCode.Should().Be(2);
    }

    [Fact]
    public void Json_output_is_valid_against_the_schema_and_byte_stable()
    {
        var a = CliRunner.Run("check", Example("06-five-stars"), "--format", "json");
        var b = CliRunner.Run("check", Example("06-five-stars"), "--format", "json");
        a.ExitCode.Should().Be(0);
        a.Stdout.Should().Be(b.Stdout, "machine formats are byte-stable for the same input");
        SchemaAssert.Valid("assessment-v1.schema.json", a.Stdout);
        a.Stdout.Should().Contain("\"stars\": 5");
    }

    [Fact]
    public void Plain_text_when_piped_has_no_colour()
    {
        var r = CliRunner.Run("check", Example("02-one-star"));
        r.ExitCode.Should().Be(0);
        r.Stdout.Should().Contain("1 of 5 stars").And.NotContain("\u001b[");
    }

    [Fact]
    public void Check_never_modifies_the_project()
    {
        using var t = new TempDir();
        CliRunner.Copy(Example("05-four-stars"), t.Path);
        var before = CliRunner.TreeHash(t.Path);
        foreach (var format in new[] { "text", "json", "sarif", "markdown", "html" })
        {
            CliRunner.Run("check", t.Path, "--format", format).ExitCode.Should().Be(0);
        }

        CliRunner.TreeHash(t.Path).Should().Be(before);
    }

    [Fact]
    public void List_shows_all_sixteen_criteria()
    {
        var r = CliRunner.Run("check", "--list");
        r.ExitCode.Should().Be(0);
        r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(16);
        r.Stdout.Should().Contain("config.seeds");
    }
}
