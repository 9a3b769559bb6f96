using System.CommandLine;
using MLRepro.Cli.Commands;

namespace MLRepro.Cli;

/// <summary>The `mlrepro` command line: builds the command tree and maps outcomes to exit codes.</summary>
public static class CliApp
{
    /// <summary>Exit code: success.</summary>
    public const int ExitOk = 0;

    /// <summary>Exit code: below --min-stars, claims contradicted, or verify found differences.</summary>
    public const int ExitFailed = 1;

    /// <summary>Exit code: usage error.</summary>
    public const int ExitUsage = 2;

    /// <summary>Exit code: internal error.</summary>
    public const int ExitInternal = 3;

    /// <summary>Builds the root command.</summary>
    public static RootCommand BuildRoot(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("mlrepro — rates how reproducible a machine-learning project is on the five-star ML Reproducibility Scale.");
        root.Subcommands.Add(CheckCommand.Build(stdout, stderr));
        root.Subcommands.Add(ReportCommand.Build(stdout, stderr));
        root.Subcommands.Add(BadgeCommand.Build(stdout, stderr));
        root.Subcommands.Add(ExplainCommand.Build(stdout, stderr));
        root.Subcommands.Add(DocsCommand.Build(stdout));
        root.Subcommands.Add(IndexCommand.Build(stdout, stderr));
        root.Subcommands.Add(VerifyCommand.Build(stdout, stderr));
        root.Subcommands.Add(ScanCommand.Build(stdout, stderr));
        root.Subcommands.Add(ServeCommand.Build(stdout, stderr));
        root.Subcommands.Add(CompletionCommand.Build(stdout));
        CliDocs.AddExamples(root);
        return root;
    }

    /// <summary>Runs the command line and returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var root = BuildRoot(stdout, stderr);
            // "@list.txt" names a scan list (one input per line), not a response file that would split lines on spaces.
            var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            if (parse.Errors.Count > 0)
            {
                foreach (var e in parse.Errors)
                {
                    stderr.WriteLine($"mlrepro: {e.Message}");
                }

                stderr.WriteLine("Run 'mlrepro --help' for usage.");
                return ExitUsage;
            }

            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            stderr.WriteLine($"mlrepro: internal error: {e.Message}");
            stderr.WriteLine(e.StackTrace);
            return ExitInternal;
        }
    }
}
