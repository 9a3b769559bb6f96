using MLRepro.Catalog;
using MLRepro.Reporting;

namespace MLRepro.Web.Pages;

/// <summary>One project: stars, each level's criteria with evidence and fixes, sources, history, badge.</summary>
internal static class ProjectPage
{
    public static string Render(ProjectSummary p, AssessmentRecord latest, IReadOnlyList<AssessmentSummary> history, string baseUrl)
    {
        var r = latest.Report;
        var h = new Html();
        h.El("h1", p.Name, "project-name");
        h.Raw("<p class=\"meta\">");
        Layout.Stars(h, r.Stars).Raw(" ");
        h.Text($"{r.Stars} of 5 stars · commit ").El("code", Layout.Short(latest.Summary.Commit)).Text(" · assessed " + Layout.Time(latest.Summary.AssessedAt));
        h.Raw("<br>Source: ").Link(p.Source, p.Source, "source");
        if (r.Project.Frameworks.Count > 0)
        {
            h.Text(" · frameworks: " + string.Join(", ", r.Project.Frameworks));
        }

        h.Raw("</p>");

        var badge = baseUrl + Layout.BadgePath(p);
        var snippet = $"[![ML reproducibility: {r.Stars} of 5 stars]({badge})]({baseUrl}/projects/{p.Id})";
        h.Raw("<section class=\"badge\"><h2>Badge</h2><p>")
            .Open("img", null, ("src", Layout.BadgePath(p)), ("alt", $"ML reproducibility: {r.Stars} of 5 stars"))
            .Raw("</p><pre><code id=\"badge-snippet\">").Text(snippet).Raw("</code></pre>")
            .Raw("<button type=\"button\" class=\"copy\" id=\"copy-badge\" data-copy=\"badge-snippet\">Copy</button> ")
            .Link($"/projects/{p.Id}/reproducibility.md", "Download REPRODUCIBILITY.md", "download")
            .Raw("</section>");

        foreach (var level in r.Levels.OrderBy(l => l.Level))
        {
            h.Open("section", "level", ("id", $"level-{level.Level}"))
                .Open("h2").Text($"★{level.Level} {level.Name} — {level.Met}/{level.Applicable}").Text(level.Complete ? " ✓" : string.Empty).Close("h2");
            foreach (var f in r.Findings.Where(f => f.Level == level.Level))
            {
                Finding(h, f);
            }

            h.Close("section");
        }

        if (r.Verification is { } v)
        {
            h.Raw("<section><h2>Verification</h2><p>").Text($"{v.Runs} runs of ").El("code", v.Command)
                .Text($" — {(v.Identical ? "identical outputs" : "outputs differ")} · {v.Environment} · {v.When}").Raw("</p></section>");
        }

        if (r.Diagnostics.Count > 0)
        {
            h.Raw("<section><h2>Diagnostics</h2><ul>");
            foreach (var d in r.Diagnostics)
            {
                h.Raw("<li>").El("code", d.Line is { } l ? $"{d.Path}:{l}" : d.Path).Text($" {d.Severity} {d.Code}: {d.Message}").Raw("</li>");
            }

            h.Raw("</ul></section>");
        }

        h.Raw("<section><h2>History</h2><form method=\"get\" action=\"/compare\"><table class=\"history\" id=\"history\"><thead><tr><th>A</th><th>B</th><th>Assessed</th><th>Commit</th><th>Stars</th></tr></thead><tbody>");
        for (var i = 0; i < history.Count; i++)
        {
            var a = history[i];
            var id = a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            h.Raw("<tr><td>").Open("input", null, ("type", "radio"), ("name", "a"), ("value", id), ("checked", i == Math.Min(1, history.Count - 1) ? "checked" : null), ("aria-label", "compare as A")).Raw("</td><td>")
                .Open("input", null, ("type", "radio"), ("name", "b"), ("value", id), ("checked", i == 0 ? "checked" : null), ("aria-label", "compare as B")).Raw("</td>");
            h.El("td", Layout.Time(a.AssessedAt)).Raw("<td>").El("code", Layout.Short(a.Commit)).Raw("</td><td>");
            Layout.Stars(h, a.Stars).Raw("</td></tr>");
        }

        h.Raw("</tbody></table><button type=\"submit\" id=\"compare\">Compare</button></form></section>");
        return Layout.Page(p.Name, h);
    }

    private static void Finding(Html h, ReportFinding f)
    {
        h.Open("article", "finding", ("id", "c-" + f.Criterion), ("data-criterion", f.Criterion));
        h.Raw("<h3>");
        Layout.Outcome(h, f.Outcome).Raw(" ").El("code", f.Criterion).Text(" " + f.Title).Raw("</h3>");
        h.Raw("<p class=\"sources\">");
        // Declared vs found vs verified: the effective finding first, then the weaker ones it overrides.
        h.El("span", $"{f.Source.ToString().ToLowerInvariant()} {Layout.Label(f.Outcome)}", "src effective");
        foreach (var s in f.Superseded)
        {
            h.Text(" · ").Open("span", "src superseded", ("title", s.Message)).Text($"{s.Source.ToString().ToLowerInvariant()} {Layout.Label(s.Outcome)}").Close("span");
        }

        h.Raw("</p>");
        h.El("p", f.Message, "message");
        if (f.Evidence.Count > 0)
        {
            h.Raw("<ul class=\"evidence\">");
            foreach (var e in f.Evidence)
            {
                h.Raw("<li>");
                if (e.Path.Length > 0)
                {
                    h.El("code", e.Line is { } l ? $"{e.Path}:{l}" : e.Path, "path").Raw(" ");
                }

                h.Text(e.Note);
                if (e.Snippet is { Length: > 0 } snip)
                {
                    h.Raw("<pre class=\"snippet\"><code>").Text(snip).Raw("</code></pre>");
                }

                h.Raw("</li>");
            }

            h.Raw("</ul>");
        }

        if (f.Fix is { Length: > 0 } fix)
        {
            h.Raw("<p class=\"fix\"><strong>Fix:</strong> ").Text(fix).Raw("</p>");
        }

        h.Close("article");
    }
}
