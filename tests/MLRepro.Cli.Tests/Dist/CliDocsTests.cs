using AwesomeAssertions;
using System.CommandLine;
using MLRepro.Cli.Commands;
using MLRepro.Cli.Tests.Support;
using MLRepro.Tests.Support;

namespace MLRepro.Cli.Tests.Dist;

public sealed class CliDocsTests
{
    private static RootCommand Root() => CliApp.BuildRoot(TextWriter.Null, TextWriter.Null);

    [Fact]
    public void Docs_cli_md_is_current()
    {
        var committed = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "cli.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var generated = CliRunner.Run("docs", "cli");
        generated.ExitCode.Should().Be(0, generated.Stderr);
        committed.Should().Be(generated.Stdout, "docs/cli.md is generated: run `mlrepro docs cli > docs/cli.md`");
    }

    [Fact]
    public void Docs_cli_names_every_command_argument_option_and_default()
    {
        var md = CliDocs.Markdown(Root());
        foreach (var c in CliDocs.Walk(Root()).Skip(1))
        {
            md.Should().Contain("\n## mlrepro " + c.Name + "\n");
            foreach (var a in c.Arguments)
            {
                md.Should().Contain("| `" + a.Name + "` |", $"argument {a.Name} of {c.Name}");
            }

            foreach (var o in c.Options.Where(o => o is not System.CommandLine.Help.HelpOption))
            {
                var row = md.Split('\n').SkipWhile(l => l != "## mlrepro " + c.Name).FirstOrDefault(l => l.StartsWith("| `" + o.Name + "`", StringComparison.Ordinal));
                row.Should().NotBeNull($"option {o.Name} of {c.Name}");
                row.Should().Contain(o.Description!.Split('|')[0].Trim());
                if (o.HasDefaultValue && o.ValueType != typeof(bool) && o.GetDefaultValue() is { } d)
                {
                    row.Should().Contain("`" + Convert.ToString(d, System.Globalization.CultureInfo.InvariantCulture) + "`", $"default of {o.Name}");
                }
            }
        }

        md.Should().Contain("| `--format`, `-f` | `html` \\| `json` \\| `markdown` \\| `sarif` \\| `text` | `text` |", "choices and defaults come from the parser");
    }

    [Fact]
    public void Every_command_help_shows_examples_that_parse()
    {
        var root = Root();
        foreach (var c in CliDocs.Walk(root))
        {
            CliDocs.HasExamples(c).Should().BeTrue($"`{c.Name} --help` should show examples");
            var lines = CliDocs.ExampleLines(c);
            lines.Should().NotBeEmpty();
            foreach (var line in lines)
            {
                // Shell syntax around the command (redirections, process substitution) is not mlrepro's.
                var command = line.Replace("source <(", "", StringComparison.Ordinal).TrimEnd(')');
                command = command.Split('>')[0].Trim();
                var words = System.CommandLine.Parsing.CommandLineParser.SplitCommandLine(command).ToList();
                words[0].Should().Be("mlrepro", line);
                var parse = root.Parse(words.Skip(1).ToList(), new ParserConfiguration { ResponseFileTokenReplacer = null });
                parse.Errors.Should().BeEmpty($"example `{line}` of {c.Name} must parse");
            }
        }

        var help = CliRunner.Run("check", "--help");
        help.ExitCode.Should().Be(0);
        help.Stdout.Should().Contain("Examples:").And.Contain("mlrepro check . --min-stars 3");
    }
}
