using System.Globalization;
using MLRepro.Catalog;
using MLRepro.Findings;

namespace MLRepro.Web.Pages;

/// <summary>The page frame and small shared fragments.</summary>
internal static class Layout
{
    /// <summary>Wraps a body in the HTML document (stylesheet and script are same-origin files).</summary>
    public static string Page(string title, Html body)
    {
        var h = new Html();
        h.Raw("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Open("title").Text(title).Text(" — mlrepro catalog").Close("title")
            .Raw("<link rel=\"stylesheet\" href=\"/static/site.css\"><link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\">")
            .Raw("<script src=\"/static/app.js\" defer></script>")
            .Raw("</head><body><header class=\"top\"><a class=\"brand\" href=\"/\">mlrepro catalog</a>")
            .Raw("<nav><a href=\"/\">Ranking</a> <a href=\"/api/v1/openapi.json\">API</a></nav></header><main>")
            .Raw(body.ToString())
            .Raw("</main><footer>Ratings on the five-star ML Reproducibility Scale. Content shown comes from the scanned repositories.</footer></body></html>");
        return h.ToString();
    }

    /// <summary>"★★★☆☆" with an accessible label.</summary>
    public static Html Stars(Html h, int stars)
    {
        var s = Math.Clamp(stars, 0, 5);
        return h.Open("span", "stars", ("aria-label", $"{s} of 5 stars"), ("title", $"{s} of 5 stars"), ("data-value", s.ToString(CultureInfo.InvariantCulture)))
            .Text(new string('★', s) + new string('☆', 5 - s)).Close("span");
    }

    /// <summary>Level progress "met/applicable" with a bar.</summary>
    public static Html Progress(Html h, LevelCount l)
    {
        var pct = l.Applicable == 0 ? 100 : 100 * l.Met / l.Applicable;
        var cls = l.Applicable == l.Met ? "lvl done" : "lvl";
        return h.Open("span", cls, ("data-value", pct.ToString(CultureInfo.InvariantCulture)), ("title", $"★{l.Level}: {l.Met} of {l.Applicable} applicable criteria met"))
            .Open("meter", null, ("min", "0"), ("max", "100"), ("value", pct.ToString(CultureInfo.InvariantCulture))).Close("meter")
            .Text($" {l.Met}/{l.Applicable}").Close("span");
    }

    /// <summary>Outcome as a labelled chip (CSS class derived from the enum, never from input).</summary>
    public static Html Outcome(Html h, Outcome o) =>
        h.El("span", Label(o), "outcome o-" + o.ToString().ToLowerInvariant());

    /// <summary>Human label of an outcome.</summary>
    public static string Label(Outcome o) => o switch
    {
        Findings.Outcome.Met => "✓ met",
        Findings.Outcome.Partial => "◐ partial",
        Findings.Outcome.NotMet => "✗ not met",
        Findings.Outcome.NotApplicable => "n/a",
        Findings.Outcome.Skipped => "skipped",
        Findings.Outcome.Inconclusive => "? inconclusive",
        _ => "error",
    };

    /// <summary>ISO-like UTC time.</summary>
    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>A short commit id.</summary>
    public static string Short(string? commit) => commit is null ? "—" : commit.Length > 10 ? commit[..10] : commit;

    /// <summary>The badge path of a project.</summary>
    public static string BadgePath(ProjectSummary p) =>
        p.Owner is not null && p.Repo is not null
            ? $"/badge/{Uri.EscapeDataString(p.Owner)}/{Uri.EscapeDataString(p.Repo)}.svg"
            : $"/badge/local/{Uri.EscapeDataString(p.Name)}.svg";
}
