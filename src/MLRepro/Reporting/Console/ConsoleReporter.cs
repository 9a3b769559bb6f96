using MLRepro.Findings;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MLRepro.Reporting.Console;

/// <summary>
/// The readable console view: stars, each level's progress, a table per level with evidence and fixes.
/// Colour only when asked (the CLI passes colour = terminal and NO_COLOR unset).
/// </summary>
public sealed class ConsoleReporter(bool color = false, bool verbose = false, int width = 110) : IReporter
{
    /// <summary>Evidence items shown per finding unless verbose.</summary>
    public const int EvidenceShown = 3;

    private static readonly string[] LevelNames = ["Code", "Configuration", "Data (+ artifacts)", "Environment", "Evaluation"];

    /// <inheritdoc />
    public void Write(Report report, TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = color ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        console.Profile.Capabilities.Unicode = true;

        var p = report.Project;
        var where = p.Commit is null ? string.Empty : $" @ {p.Commit[..Math.Min(12, p.Commit.Length)]}{(p.Branch is null ? string.Empty : $" ({p.Branch})")}{(p.Dirty ? ", uncommitted changes" : string.Empty)}";
        console.MarkupLine($"[bold]mlrepro {Markup.Escape(report.Tool.Version)}[/] — {Markup.Escape(p.Name)}{Markup.Escape(where)}");
        var stars = new string('★', report.Stars) + new string('☆', 5 - report.Stars);
        console.MarkupLine($"[bold yellow]{stars}[/]  [bold]{report.Stars} of 5 stars[/]{(report.Stars < 5 ? $" — next: ★{report.Stars + 1} {LevelNames[report.Stars]}" : string.Empty)}");
        console.WriteLine();

        var progress = new Table().Border(TableBorder.Simple).AddColumn("level").AddColumn("met").AddColumn("status");
        foreach (var l in report.Levels)
        {
            var status = l.Complete ? "[green]complete[/]" : $"[red]{l.Applicable - l.Met} to do[/]";
            progress.AddRow(new Markup($"★{l.Level} {Markup.Escape(LevelNames[l.Level - 1])}"), new Spectre.Console.Text($"{l.Met}/{l.Applicable}"), new Markup(status));
        }

        console.Write(progress);
        foreach (var level in report.Levels)
        {
            console.Write(new Rule($"[bold]★{level.Level} {Markup.Escape(LevelNames[level.Level - 1])}[/]").LeftJustified());
            var table = new Table().Border(TableBorder.None).HideHeaders().AddColumn("mark").AddColumn("criterion").AddColumn("details");
            table.Columns[0].Width(2);
            table.Columns[1].Width(22).NoWrap();
            foreach (var f in report.Findings.Where(f => f.Level == level.Level))
            {
                table.AddRow(new Markup(Mark(f.Outcome)), new Markup($"[bold]{Markup.Escape(f.Criterion)}[/]\n{Markup.Escape(Describe(f.Outcome))} [dim]({f.Source.ToString().ToLowerInvariant()})[/]"), Details(f));
            }

            console.Write(table);
        }

        if (report.Verification is { } v)
        {
            console.WriteLine();
            console.MarkupLine($"Verified by running: {Markup.Escape(v.Command)} — {v.Runs} runs, {(v.Identical ? "[green]identical[/]" : "[red]outputs differ[/]")} ({Markup.Escape(v.When)}, {Markup.Escape(v.Environment)})");
        }

        var problems = report.Diagnostics.Where(d => d.Severity != Text.DiagnosticSeverity.Info).ToList();
        if (problems.Count > 0)
        {
            console.WriteLine();
            var files = problems.Select(d => d.Path).Distinct(StringComparer.Ordinal).Count();
            console.MarkupLine(files == problems.Count
                ? $"[dim]{files} file(s) could not be fully read; --verbose lists them.[/]"
                : $"[dim]{files} file(s) could not be fully read ({problems.Count} problems); --verbose lists them.[/]");
            if (verbose)
            {
                foreach (var d in problems)
                {
                    console.MarkupLine($"[dim]  {Markup.Escape(d.Path)}{(d.Line is { } ln ? ":" + ln : string.Empty)}: {Markup.Escape(d.Message)}[/]");
                }
            }
        }
    }

    private IRenderable Details(ReportFinding f)
    {
        var lines = new List<string> { Markup.Escape(f.Message) };
        var shown = verbose ? f.Evidence : f.Evidence.Take(EvidenceShown).ToList();
        foreach (var e in shown)
        {
            var loc = e.Path.Length == 0 ? string.Empty : e.Line is { } l ? $"{e.Path}:{l}: " : $"{e.Path}: ";
            lines.Add($"[dim]•[/] [cyan]{Markup.Escape(loc)}[/]{Markup.Escape(e.Note)}{(verbose && e.Snippet is { Length: > 0 } s ? $" [dim]`{Markup.Escape(Trim(s))}`[/]" : string.Empty)}");
        }

        if (!verbose && f.Evidence.Count > EvidenceShown)
        {
            lines.Add($"[dim]… {f.Evidence.Count - EvidenceShown} more (--verbose)[/]");
        }

        foreach (var s in f.Superseded)
        {
            lines.Add($"[dim]{s.Source.ToString().ToLowerInvariant()}: {Markup.Escape(Describe(s.Outcome))} — {Markup.Escape(s.Message)}[/]");
        }

        if (f.Fix is { Length: > 0 } fix)
        {
            lines.Add($"[yellow]fix:[/] {Markup.Escape(fix)}");
        }

        return new Markup(string.Join('\n', lines));
    }

    private static string Trim(string s)
    {
        s = s.Trim();
        return s.Length > 80 ? s[..77] + "..." : s;
    }

    private static string Mark(Outcome o) => o switch
    {
        Outcome.Met => "[green]✓[/]",
        Outcome.Partial => "[yellow]◐[/]",
        Outcome.NotMet => "[red]✗[/]",
        Outcome.NotApplicable => "[dim]–[/]",
        Outcome.Error => "[red]![/]",
        _ => "[dim]?[/]",
    };

    /// <summary>The words for an outcome.</summary>
    public static string Describe(Outcome o) => o switch
    {
        Outcome.Met => "met",
        Outcome.Partial => "partial",
        Outcome.NotMet => "not met",
        Outcome.NotApplicable => "not applicable",
        Outcome.Skipped => "skipped",
        Outcome.Inconclusive => "not verified",
        _ => "error",
    };
}
