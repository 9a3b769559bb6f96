using System.CommandLine;
using MLRepro.Checks;

namespace MLRepro.Cli.Commands;

/// <summary>`mlrepro explain ID`: a criterion's text, how it is checked, and how to fix it.</summary>
internal static class ExplainCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var id = new Argument<string>("id") { Description = "Criterion id, e.g. config.seeds (see `mlrepro check --list`)." };
        var cmd = new Command("explain", "Explain a criterion: what it asks, how mlrepro checks it, how to fix it.\n\nExample:\n  mlrepro explain config.seeds") { id };
        cmd.SetAction(r =>
        {
            var wanted = r.GetValue(id)!;
            var check = CheckRegistry.Find(wanted);
            if (check is null)
            {
                stderr.WriteLine($"mlrepro: unknown criterion '{wanted}'. Known: {string.Join(", ", CheckRegistry.All.Select(c => c.Info.Id))}");
                return CliApp.ExitUsage;
            }

            stdout.Write(CriteriaDoc.Explain(check.Info));
            return CliApp.ExitOk;
        });
        return cmd;
    }
}
