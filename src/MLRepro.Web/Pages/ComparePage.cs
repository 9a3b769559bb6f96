using MLRepro.Catalog;
using MLRepro.Reporting;

namespace MLRepro.Web.Pages;

/// <summary>Two assessments side by side; criteria whose outcome or source differ are highlighted.</summary>
internal static class ComparePage
{
    public static string Render(AssessmentRecord a, string aName, AssessmentRecord b, string bName)
    {
        var h = new Html();
        h.El("h1", "Compare assessments");
        h.Raw("<table class=\"compare\" id=\"compare-table\"><thead><tr><th scope=\"col\">Criterion</th>");
        Head(h, a, aName);
        Head(h, b, bName);
        h.Raw("</tr></thead><tbody>");
        h.Raw("<tr><th scope=\"row\">Stars</th><td>");
        Layout.Stars(h, a.Report.Stars).Raw("</td><td>");
        Layout.Stars(h, b.Report.Stars).Raw("</td></tr>");
        var ids = a.Report.Findings.Select(f => f.Criterion).Union(b.Report.Findings.Select(f => f.Criterion), StringComparer.Ordinal);
        var differing = 0;
        foreach (var id in ids)
        {
            var fa = a.Report.Findings.FirstOrDefault(f => f.Criterion == id);
            var fb = b.Report.Findings.FirstOrDefault(f => f.Criterion == id);
            var differ = fa?.Outcome != fb?.Outcome || fa?.Source != fb?.Source;
            differing += differ ? 1 : 0;
            h.Open("tr", differ ? "diff" : null, ("data-criterion", id)).Open("th", null, ("scope", "row")).El("code", id).Close("th");
            Cell(h, fa);
            Cell(h, fb);
            h.Raw("</tr>");
        }

        h.Raw("</tbody></table>");
        h.Open("p", null, ("id", "diff-count")).Text(differing).Text(differing == 1 ? " criterion differs" : " criteria differ").Close("p");
        return Layout.Page("Compare", h);
    }

    private static void Head(Html h, AssessmentRecord r, string name) =>
        h.Raw("<th scope=\"col\">").Link($"/projects/{r.Summary.ProjectId}", name).Raw("<br>").El("code", Layout.Short(r.Summary.Commit)).Raw("<br>").Text(Layout.Time(r.Summary.AssessedAt)).Raw("</th>");

    private static void Cell(Html h, ReportFinding? f)
    {
        h.Raw("<td>");
        if (f is null)
        {
            h.Text("—");
        }
        else
        {
            Layout.Outcome(h, f.Outcome).Text(" (" + f.Source.ToString().ToLowerInvariant() + ")");
        }

        h.Raw("</td>");
    }
}
