using MLRepro.Reporting;
using MLRepro.Reporting.Console;
using MLRepro.Reporting.Html;
using MLRepro.Reporting.Json;
using MLRepro.Reporting.Markdown;
using MLRepro.Reporting.Sarif;

namespace MLRepro.Cli.Commands;

/// <summary>The output formats every reporting command accepts.</summary>
internal static class ReportFormats
{
    public static readonly string[] Names = ["text", "json", "markdown", "sarif", "html"];

    public static IReporter Create(string format, bool verbose, string? output, LinkStyle links = LinkStyle.Relative, string? userRegion = null) => format switch
    {
        "json" => new JsonReporter(),
        "markdown" => new ReproducibilityMarkdownReporter(links, userRegion),
        "sarif" => new SarifReporter(),
        "html" => new HtmlReporter(),
        _ => new ConsoleReporter(color: Terminal.UseColor(output), verbose: verbose, width: Terminal.Width()),
    };
}
