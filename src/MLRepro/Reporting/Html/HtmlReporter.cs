using System.Net;
using MLRepro.Findings;

namespace MLRepro.Reporting.Html;

/// <summary>
/// One self-contained HTML page (inline CSS, no scripts, no external resources) with the five levels, evidence and
/// fixes — for CI artifacts. Every string from the project is HTML-encoded.
/// </summary>
public sealed class HtmlReporter : IReporter
{
    private static readonly string[] LevelNames = ["Code", "Configuration", "Data (+ artifacts)", "Environment", "Evaluation"];

    private const string Css = """
body{font:15px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#1b1f24}
h1{font-size:1.6rem;margin-bottom:.2rem}.stars{font-size:2rem;color:#d4a72c;letter-spacing:.1em}
.levels{display:flex;gap:.5rem;margin:1rem 0}.lvl{flex:1;border:1px solid #d0d7de;border-radius:6px;padding:.5rem;text-align:center}
.lvl.done{background:#dafbe1;border-color:#4ac26b}table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
td,th{border-bottom:1px solid #eaeef2;padding:.45rem;vertical-align:top;text-align:left}.o{font-weight:600;white-space:nowrap}
.met{color:#1a7f37}.partial{color:#9a6700}.notMet,.error{color:#cf222e}.notApplicable,.inconclusive,.skipped{color:#6e7781}
.src{font-size:.8rem;color:#57606a;border:1px solid #d0d7de;border-radius:1em;padding:0 .5em}.ev{margin:.2rem 0 0 1rem;padding:0;color:#424a53;font-size:.9rem}
code{background:#f6f8fa;padding:.1em .3em;border-radius:4px;font-size:.85em}.fix{color:#953800}.muted{color:#6e7781}
""";

    /// <inheritdoc />
    public void Write(Report report, TextWriter writer)
    {
        var w = writer;
        var p = report.Project;
        w.Write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        w.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">");
        w.Write($"<title>{E(p.Name)} — ML reproducibility</title><style>{Css}</style></head><body>\n");
        w.Write($"<h1>{E(p.Name)}</h1><div class=\"muted\">mlrepro {E(report.Tool.Version)}{(p.Commit is null ? string.Empty : $" · commit <code>{E(p.Commit[..Math.Min(12, p.Commit.Length)])}</code>")}{(p.Frameworks.Count > 0 ? " · " + E(string.Join(", ", p.Frameworks)) : string.Empty)}</div>\n");
        w.Write($"<div class=\"stars\" aria-label=\"{report.Stars} of 5 stars\">{new string('★', report.Stars)}{new string('☆', 5 - report.Stars)}</div><div><strong>{report.Stars} of 5 stars</strong></div>\n<div class=\"levels\">");
        foreach (var l in report.Levels)
        {
            w.Write($"<div class=\"lvl{(l.Complete ? " done" : string.Empty)}\">★{l.Level} {E(LevelNames[l.Level - 1])}<br><strong>{l.Met}/{l.Applicable}</strong></div>");
        }

        w.Write("</div>\n");
        foreach (var l in report.Levels)
        {
            w.Write($"<h2>★{l.Level} {E(LevelNames[l.Level - 1])}</h2>\n<table>\n");
            foreach (var f in report.Findings.Where(f => f.Level == l.Level))
            {
                w.Write($"<tr id=\"{E(f.Criterion)}\"><td class=\"o {f.Outcome.ToString()[..1].ToLowerInvariant() + f.Outcome.ToString()[1..]}\">{E(Console.ConsoleReporter.Describe(f.Outcome))}</td>");
                w.Write($"<td><strong>{E(f.Title)}</strong> <code>{E(f.Criterion)}</code> <span class=\"src\">{f.Source.ToString().ToLowerInvariant()}</span><div>{E(f.Message)}</div>");
                if (f.Evidence.Count > 0)
                {
                    w.Write("<ul class=\"ev\">");
                    foreach (var e in f.Evidence.Take(20))
                    {
                        var loc = e.Path.Length == 0 ? string.Empty : $"<code>{E(e.Path)}{(e.Line is { } ln ? ":" + ln : string.Empty)}</code> ";
                        w.Write($"<li>{loc}{E(e.Note)}{(e.Snippet is { Length: > 0 } s ? $" — <code>{E(s)}</code>" : string.Empty)}</li>");
                    }

                    w.Write("</ul>");
                }

                foreach (var s in f.Superseded)
                {
                    w.Write($"<div class=\"muted\">{s.Source.ToString().ToLowerInvariant()}: {E(Console.ConsoleReporter.Describe(s.Outcome))} — {E(s.Message)}</div>");
                }

                if (f.Fix is { Length: > 0 } fix)
                {
                    w.Write($"<div class=\"fix\">Fix: {E(fix)}</div>");
                }

                w.Write("</td></tr>\n");
            }

            w.Write("</table>\n");
        }

        if (report.Verification is { } v)
        {
            w.Write($"<h2>Verification</h2><p>{E(v.Command)} — {v.Runs} runs, {(v.Identical ? "identical outputs" : "<strong>outputs differ</strong>")}, {E(v.When)}, {E(v.Environment)}</p>\n");
        }

        w.Write("</body></html>\n");
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
