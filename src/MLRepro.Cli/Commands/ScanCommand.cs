using System.CommandLine;
using System.Globalization;
using MLRepro.Catalog;
using MLRepro.Catalog.Scanning;
using Spectre.Console;

namespace MLRepro.Cli.Commands;

/// <summary>`mlrepro scan PATH_OR_URL... --db DB`: assess many projects into a catalog.</summary>
internal static class ScanCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Local folders, git URLs, or @FILE naming a list (one per line).", Arity = ArgumentArity.ZeroOrMore };
        var db = new Option<string>("--db") { Description = "Catalog: a SQLite file, or a PostgreSQL connection string (Host=…) or postgres:// URI.", Required = true };
        var from = new Option<string[]>("--from") { Description = "Read inputs from this file (one per line, '#' comments).", AllowMultipleArgumentsPerToken = false };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Projects assessed in parallel.", DefaultValueFactory = _ => 1 };
        var force = new Option<bool>("--force") { Description = "Re-assess even when the commit is already in the catalog." };
        var allow = new Option<string[]>("--allow-protocol") { Description = "Also allow these git transports (http, ssh, git); https and file are always allowed, ext never." };
        var timeout = new Option<int>("--timeout") { Description = "Seconds allowed per git call (clone, ls-remote).", DefaultValueFactory = _ => (int)ScanOptions.DefaultCloneTimeout.TotalSeconds };
        var maxSize = new Option<int>("--max-size") { Description = "Size cap per clone in MiB.", DefaultValueFactory = _ => (int)(ScanOptions.DefaultMaxCloneBytes / (1024 * 1024)) };
        var cmd = new Command("scan", "Assess many projects (local folders or git URLs) into a catalog database; unchanged commits are skipped.")
        {
            inputs, db, from, jobs, force, allow, timeout, maxSize,
        };
        cmd.SetAction(async (r, ct) =>
        {
            var list = new List<string>(Scanner.ExpandInputs(r.GetValue(inputs) ?? []));
            foreach (var f in r.GetValue(from) ?? [])
            {
                if (!File.Exists(f))
                {
                    stderr.WriteLine($"mlrepro: list file '{f}' not found");
                    return CliApp.ExitUsage;
                }

                list.AddRange(Scanner.ReadList(f));
            }

            if (list.Count == 0)
            {
                stderr.WriteLine("mlrepro: nothing to scan (give paths, URLs, @list.txt or --from FILE)");
                return CliApp.ExitUsage;
            }

            var protocols = new HashSet<string>(ScanSource.DefaultProtocols, StringComparer.Ordinal);
            foreach (var p in (r.GetValue(allow) ?? []).SelectMany(a => a.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            {
                var name = p.ToLowerInvariant();
                if (!ScanSource.KnownProtocols.Contains(name))
                {
                    stderr.WriteLine($"mlrepro: --allow-protocol: '{p}' is not allowed (choose from {string.Join(", ", ScanSource.KnownProtocols.Order(StringComparer.Ordinal))})");
                    return CliApp.ExitUsage;
                }

                protocols.Add(name);
            }

            var options = new ScanOptions
            {
                Jobs = Math.Max(1, r.GetValue(jobs)),
                Force = r.GetValue(force),
                AllowedProtocols = protocols,
                CloneTimeout = TimeSpan.FromSeconds(Math.Max(1, r.GetValue(timeout))),
                MaxCloneBytes = Math.Max(1, r.GetValue(maxSize)) * 1024L * 1024L,
            };

            using var catalog = await CatalogFactory.OpenAsync(r.GetValue(db)!, ct);
            var scanner = new Scanner(catalog, options);
            IReadOnlyList<ScanResult> results;
            var interactive = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
            if (interactive)
            {
                results = await AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                    .StartAsync(async ctx =>
                    {
                        var task = ctx.AddTask($"scanning {list.Count} projects", maxValue: list.Count);
                        return await scanner.ScanAsync(list, res =>
                        {
                            task.Increment(1);
                            AnsiConsole.MarkupLine(Markup.Escape(Line(res)));
                        }, ct);
                    });
            }
            else
            {
                var gate = new object();
                results = await scanner.ScanAsync(list, res =>
                {
                    lock (gate)
                    {
                        stdout.WriteLine(Line(res));
                    }
                }, ct);
            }

            var assessed = results.Count(x => x.Status == ScanStatus.Assessed);
            var skipped = results.Count(x => x.Status == ScanStatus.Skipped);
            var failed = results.Count(x => x.Status == ScanStatus.Failed);
            stdout.WriteLine($"{assessed} assessed, {skipped} skipped, {failed} failed");
            return failed > 0 ? CliApp.ExitFailed : CliApp.ExitOk;
        });
        return cmd;
    }

    private static string Line(ScanResult r) => r.Status switch
    {
        ScanStatus.Assessed => $"assessed {r.Name} @ {Short(r.Commit)}: {r.Stars?.ToString(CultureInfo.InvariantCulture)} stars",
        ScanStatus.Skipped => $"skipped  {r.Name} @ {Short(r.Commit)}: {r.Reason}",
        _ => $"failed   {r.Input}: {r.Reason}",
    };

    private static string Short(string? c) => c is null ? "(no commit)" : c[..Math.Min(12, c.Length)];
}
