using System.CommandLine;
using MLRepro.Checks;

namespace MLRepro.Cli.Commands;

/// <summary>`mlrepro docs criteria|cli`: prints docs/criteria.md (from the checks' metadata) or docs/cli.md (from the command tree).</summary>
internal static class DocsCommand
{
    public static Command Build(TextWriter stdout)
    {
        var what = new Argument<string>("what") { Description = "criteria (docs/criteria.md) or cli (docs/cli.md)" };
        what.AcceptOnlyFromAmong("criteria", "cli");
        var cmd = new Command("docs", "Print generated documentation (docs/criteria.md, docs/cli.md).") { what };
        cmd.SetAction(r =>
        {
            stdout.Write(r.GetValue(what) == "cli" ? CliDocs.Markdown(CliApp.BuildRoot(TextWriter.Null, TextWriter.Null)) : CriteriaDoc.Markdown());
            return CliApp.ExitOk;
        });
        return cmd;
    }
}
