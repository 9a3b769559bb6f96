using System.CommandLine;
using MLRepro.Web;

namespace MLRepro.Cli.Commands;

/// <summary>`mlrepro serve --db DB --urls URL`: the catalog web app, hosted in this process.</summary>
internal static class ServeCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var db = new Option<string>("--db") { Description = "Catalog: a SQLite file, or a PostgreSQL connection string (Host=…) or postgres:// URI.", Required = true };
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on (semicolon-separated).", DefaultValueFactory = _ => "http://127.0.0.1:5000" };
        var token = new Option<string?>("--token") { Description = $"Bearer token that allows POST /api/v1/scans (default: env {CatalogWebOptions.TokenEnvVar}; unset disables submission)." };
        var cmd = new Command("serve", "Serve the catalog: ranking, project pages, compare view, JSON API, badges.") { db, urls, token };
        cmd.SetAction(async (r, ct) =>
        {
            var dbValue = r.GetValue(db)!;
            if (!Catalog.CatalogFactory.IsPostgres(dbValue) && !File.Exists(dbValue))
            {
                stderr.WriteLine($"mlrepro: catalog '{dbValue}' does not exist yet; it will be created empty (run 'mlrepro scan … --db {dbValue}' to fill it)");
            }

            stdout.WriteLine($"Serving the catalog on {r.GetValue(urls)} (Ctrl+C to stop)");
            await CatalogWebApp.RunAsync(new CatalogWebOptions { Db = dbValue, Urls = r.GetValue(urls)!, ScanToken = r.GetValue(token) }, ct);
            return CliApp.ExitOk;
        });
        return cmd;
    }
}
