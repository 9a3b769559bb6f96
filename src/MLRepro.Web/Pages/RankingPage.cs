using MLRepro.Catalog;

namespace MLRepro.Web.Pages;

/// <summary>The ranking: filters (a GET form, so the state lives in the URL), a sortable table, pagination.</summary>
internal static class RankingPage
{
    public static string Render(FilterState state, Page<ProjectSummary> page, IReadOnlyList<string> criteria, IReadOnlyList<string> frameworks, string? error)
    {
        var q = state.Query;
        var h = new Html();
        h.El("h1", "Ranking");
        if (error is not null)
        {
            h.El("p", error, "error");
        }

        h.Raw("<form class=\"filters\" method=\"get\" action=\"/\" role=\"search\">");
        h.Raw("<label>Min stars <select name=\"min_stars\" id=\"min_stars\"><option value=\"\">any</option>");
        for (var s = 0; s <= 5; s++)
        {
            h.Open("option", null, ("value", s.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("selected", q.MinStars == s ? "selected" : null)).Text("★" + s + "+").Close("option");
        }

        h.Raw("</select></label>");
        CriteriaSelect(h, "met", "Criteria met", criteria, q.Met);
        CriteriaSelect(h, "unmet", "Criteria not met", criteria, q.Unmet);
        h.Raw("<label>Framework <select name=\"framework\" id=\"framework\"><option value=\"\">any</option>");
        foreach (var f in frameworks)
        {
            h.Open("option", null, ("value", f), ("selected", string.Equals(q.Framework, f, StringComparison.OrdinalIgnoreCase) ? "selected" : null)).Text(f).Close("option");
        }

        h.Raw("</select></label>");
        h.Raw("<label>Verified <select name=\"verified\" id=\"verified\">")
            .Open("option", null, ("value", ""), ("selected", q.HasVerification is null ? "selected" : null)).Text("any").Close("option")
            .Open("option", null, ("value", "true"), ("selected", q.HasVerification == true ? "selected" : null)).Text("yes").Close("option")
            .Open("option", null, ("value", "false"), ("selected", q.HasVerification == false ? "selected" : null)).Text("no").Close("option")
            .Raw("</select></label>");
        h.Raw("<label>Name ").Open("input", null, ("type", "search"), ("name", "q"), ("id", "q"), ("value", q.Search)).Raw("</label>");
        h.Open("input", null, ("type", "hidden"), ("name", "sort"), ("value", state.SortKey));
        h.Raw("<button type=\"submit\" id=\"apply\">Apply</button> <a href=\"/\">Reset</a></form>");

        h.Open("p", "count", ("id", "result-count")).Text(page.Total).Text(page.Total == 1 ? " project" : " projects").Close("p");
        h.Raw("<table class=\"ranking sortable\" id=\"ranking\"><thead><tr>");
        SortHeader(h, state, "name", "Project");
        SortHeader(h, state, "stars", "Stars");
        for (var l = 1; l <= 5; l++)
        {
            h.Open("th", null, ("data-sort", "num"), ("scope", "col")).Raw("<button type=\"button\" class=\"sort\">").Text("★" + l).Raw("</button></th>");
        }

        h.Raw("<th scope=\"col\">Frameworks</th>");
        SortHeader(h, state, "assessed", "Last assessed");
        h.Raw("</tr></thead><tbody>");
        foreach (var p in page.Items)
        {
            h.Raw("<tr><td>").Link($"/projects/{p.Id}", p.Name, "project").Raw("</td><td data-value=\"").Text(p.Stars).Raw("\">");
            Layout.Stars(h, p.Stars).Raw("</td>");
            foreach (var l in p.Levels)
            {
                h.Raw("<td>");
                Layout.Progress(h, l).Raw("</td>");
            }

            h.El("td", string.Join(", ", p.Frameworks));
            h.Open("td", null, ("data-value", p.AssessedAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture))).Text(Layout.Time(p.AssessedAt)).Close("td").Raw("</tr>");
        }

        h.Raw("</tbody></table>");
        h.Raw("<nav class=\"pages\" aria-label=\"pages\">");
        if (page.PageNumber > 1)
        {
            h.Link("/" + state.ToQueryString(page: page.PageNumber - 1), "← previous", "prev").Raw(" ");
        }

        h.Text($"page {page.PageNumber} of {page.PageCount}");
        if (page.PageNumber < page.PageCount)
        {
            h.Raw(" ").Link("/" + state.ToQueryString(page: page.PageNumber + 1), "next →", "next");
        }

        h.Raw("</nav>");
        return Layout.Page("Ranking", h);
    }

    private static void CriteriaSelect(Html h, string name, string label, IReadOnlyList<string> criteria, IReadOnlyList<string> selected)
    {
        h.Open("label").Text(label + " ").Open("select", null, ("name", name), ("id", name), ("multiple", "multiple"), ("size", "4"));
        foreach (var c in criteria.Union(selected, StringComparer.Ordinal))
        {
            h.Open("option", null, ("value", c), ("selected", selected.Contains(c, StringComparer.Ordinal) ? "selected" : null)).Text(c).Close("option");
        }

        h.Close("select").Close("label");
    }

    private static void SortHeader(Html h, FilterState state, string key, string label)
    {
        var active = state.SortKey == key;
        var nextDesc = active ? !state.Query.Descending : key != "name";
        var aria = active ? (state.Query.Descending ? "descending" : "ascending") : null;
        h.Open("th", null, ("scope", "col"), ("aria-sort", aria)).Link("/" + state.ToQueryString(sort: key, descending: nextDesc), label + (active ? (state.Query.Descending ? " ▼" : " ▲") : string.Empty), "sort-" + key).Close("th");
    }
}
