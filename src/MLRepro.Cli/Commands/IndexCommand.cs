using System.CommandLine;
using MLRepro.Indexing;
using MLRepro.Model;
using MLRepro.Reporting.Json;

namespace MLRepro.Cli.Commands;

/// <summary>`mlrepro index PATH`: what mlrepro read and understood.</summary>
internal static class IndexCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var path = new Argument<string>("path") { Description = "Project folder to index.", DefaultValueFactory = _ => "." };
        var format = new Option<string>("--format") { Description = "Output format: text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var maxFiles = new Option<int>("--max-files") { Description = "Stop indexing after this many files.", DefaultValueFactory = _ => IndexOptions.DefaultMaxFiles };
        var cmd = new Command("index", "Index a project and show the files, Python modules, documents and diagnostics mlrepro found.")
        {
            path, format, maxFiles,
        };
        cmd.SetAction(r =>
        {
            var root = r.GetValue(path)!;
            if (!Directory.Exists(root))
            {
                stderr.WriteLine($"mlrepro: '{root}' is not a folder");
                return CliApp.ExitUsage;
            }

            var model = ProjectModel.Open(root, new IndexOptions { MaxFiles = r.GetValue(maxFiles) });
            model.ParseAll();
            if (r.GetValue(format) == "json")
            {
                ModelJsonWriter.Write(stdout, model);
            }
            else
            {
                IndexSummary.Write(stdout, model);
            }

            return CliApp.ExitOk;
        });
        return cmd;
    }
}
