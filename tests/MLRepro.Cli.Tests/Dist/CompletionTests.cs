using AwesomeAssertions;
using MLRepro.Cli.Commands;
using MLRepro.Cli.Tests.Support;
using MLRepro.Tests.Support;

namespace MLRepro.Cli.Tests.Dist;

public sealed class CompletionTests
{
    [Fact]
    public void Suggest_directive_lists_subcommands_options_and_their_values()
    {
        var top = CliRunner.Run("[suggest:8]", "mlrepro ");
        top.ExitCode.Should().Be(0, top.Stderr);
        top.Stdout.Split('\n').Should().Contain(["check", "report", "badge", "explain", "docs", "verify", "completion", "--version"]);

        CliRunner.Run("[suggest:11]", "mlrepro che").Stdout.Trim().Should().Be("check");
        CliRunner.Run("[suggest:17]", "mlrepro check --f").Stdout.Trim().Should().Be("--format");
        CliRunner.Run("[suggest:20]", "mlrepro check -f ").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Should().BeEquivalentTo(["html", "json", "markdown", "sarif", "text"]);
        CliRunner.Run("[suggest:19]", "mlrepro completion ").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !w.StartsWith('-') && !w.StartsWith('/')).Should().BeEquivalentTo(CompletionCommand.Shells, "the argument's values, besides --help");
    }

    [Fact]
    public void Completion_prints_a_script_per_shell_and_rejects_others()
    {
        foreach (var shell in CompletionCommand.Shells)
        {
            var r = CliRunner.Run("completion", shell);
            r.ExitCode.Should().Be(0);
            r.Stdout.Should().Contain("[suggest:").And.Contain("mlrepro").And.Contain(shell + " completion");
        }

        CliRunner.Run("completion", "powershell").ExitCode.Should().Be(2);
    }

    [Fact]
    public void Bash_script_is_valid_and_completes_through_the_real_cli()
    {
        using var t = new TempDir();
        var script = t.Write("mlrepro.bash", CliRunner.Run("completion", "bash").Stdout);
        var syntax = DistSupport.Run("bash", ["-n", script]);
        syntax.ExitCode.Should().Be(0, syntax.Stderr);

        // A wrapper named like the tool, as the user would type it; the script calls the word typed first.
        var wrapper = t.Write("bin/mlrepro", $"#!/bin/sh\nexec {DistSupport.MlreproCommand} \"$@\"\n");
        DistSupport.Run("chmod", ["+x", wrapper]).ExitCode.Should().Be(0);
        string Complete(string line)
        {
            var words = line.Split(' ');
            var program = $"""
                source '{script}'
                COMP_LINE='{line}'; COMP_POINT={line.Length}
                COMP_WORDS=('{wrapper}' {string.Join(' ', words.Skip(1).Select(w => "'" + w + "'"))}); COMP_CWORD={words.Length - 1}
                _mlrepro_complete
                printf '%s\n' "${"{"}COMPREPLY[@]{"}"}"
                complete -p mlrepro
                """;
            var r = DistSupport.Run("bash", ["-c", program]);
            r.ExitCode.Should().Be(0, r.Stderr);
            return r.Stdout;
        }

        var check = Complete("mlrepro ch");
        check.Should().StartWith("check\n").And.Contain("-F _mlrepro_complete mlrepro", "the function is registered for mlrepro");
        Complete("mlrepro check --mi").Should().StartWith("--min-stars\n");
        var formats = Complete("mlrepro report -f ").Split('\n').TakeWhile(l => !l.StartsWith("complete", StringComparison.Ordinal)).Where(l => l.Length > 0);
        formats.Should().BeEquivalentTo(["html", "json", "markdown", "sarif", "text"]);
        Complete("mlrepro ").Should().NotContain("/?", "the Windows help spellings would glob in bash");
    }

    [Theory]
    [InlineData("zsh", "-n")]
    [InlineData("fish", "--no-execute")]
    public void Zsh_and_fish_scripts_parse_and_complete_when_the_shell_is_installed(string shell, string noExec)
    {
        var which = DistSupport.Run("sh", ["-c", "command -v " + shell]);
        if (which.ExitCode != 0)
        {
            Assert.Skip($"{shell} is not installed");
        }

        using var t = new TempDir();
        var script = t.Write("mlrepro." + shell, CliRunner.Run("completion", shell).Stdout);
        var r = DistSupport.Run(shell, [noExec, script]);
        r.ExitCode.Should().Be(0, r.Stderr);

        // The real CLI behind a wrapper named mlrepro on PATH, as an installed tool would be.
        var wrapper = t.Write("bin/mlrepro", $"#!/bin/sh\nexec {DistSupport.MlreproCommand} \"$@\"\n");
        DistSupport.Run("chmod", ["+x", wrapper]).ExitCode.Should().Be(0);
        var path = new Dictionary<string, string> { ["PATH"] = Path.GetDirectoryName(wrapper) + ":" + Environment.GetEnvironmentVariable("PATH") };
        var program = shell == "fish"
            ? $"source '{script}'; complete -C 'mlrepro report -f '"
            // Outside an interactive completion widget, compadd is stubbed to print what it is given.
            : $"compdef() {{ :; }}; compadd() {{ print -l -- ${{(P)2}}; }}; _files() {{ print FILES; }}; source '{script}'; " +
              "BUFFER='mlrepro report -f '; CURSOR=${#BUFFER}; words=(mlrepro report -f ''); _mlrepro";
        var complete = DistSupport.Run(shell, ["-c", program], path);
        complete.ExitCode.Should().Be(0, complete.Stderr);
        complete.Stdout.Split('\n').Select(l => l.Split('\t')[0]).Should().Contain(["html", "json", "markdown", "sarif", "text"]);
    }
}
