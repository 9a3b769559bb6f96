using System.CommandLine;
using MLRepro.Checks;

namespace MLRepro.Cli.Commands;

/// <summary>`mlrepro docs criteria`: prints docs/criteria.md (generated from the checks' metadata).</summary>
internal static class DocsCommand
{
    public static Command Build(TextWriter stdout)
    {
        var what = new Argument<string>("what") { Description = "criteria" };
        what.AcceptOnlyFromAmong("criteria");
        var cmd = new Command("docs", "Print generated documentation (docs/criteria.md).") { what };
        cmd.SetAction(_ =>
        {
            stdout.Write(CriteriaDoc.Markdown());
            return CliApp.ExitOk;
        });
        return cmd;
    }
}
