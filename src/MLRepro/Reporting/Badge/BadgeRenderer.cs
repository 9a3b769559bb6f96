using System.Globalization;
using System.Net;

namespace MLRepro.Reporting.Badge;

/// <summary>
/// A shields-like SVG badge, "ML reproducibility | ★★★☆☆ 3/5", with an accessible title and aria-label. The one
/// renderer behind `mlrepro badge` and the catalog's badge endpoint.
/// </summary>
public static class BadgeRenderer
{
    /// <summary>The badge's label.</summary>
    public const string Label = "ML reproducibility";

    /// <summary>Badge colours by stars (red → bright green), like shields.io's scale; grey when not assessed.</summary>
    public static string Colour(int? stars) => stars switch
    {
        null => "#9f9f9f",
        <= 0 => "#e05d44",
        1 => "#fe7d37",
        2 => "#dfb317",
        3 => "#a4a61d",
        4 => "#97ca00",
        _ => "#4c1",
    };

    /// <summary>The accessible text: "ML reproducibility: 3 of 5 stars" or "…: not assessed".</summary>
    public static string AccessibleText(int? stars) =>
        stars is { } n ? $"{Label}: {Math.Clamp(n, 0, 5).ToString(CultureInfo.InvariantCulture)} of 5 stars" : $"{Label}: not assessed";

    /// <summary>Renders the badge SVG; null stars means "not assessed".</summary>
    public static string Render(int? stars)
    {
        var clamped = stars is { } s ? Math.Clamp(s, 0, 5) : (int?)null;
        var value = clamped is { } c ? new string('★', c) + new string('☆', 5 - c) + " " + c.ToString(CultureInfo.InvariantCulture) + "/5" : "not assessed";
        var title = WebUtility.HtmlEncode(AccessibleText(clamped));
        const int labelWidth = 118;
        var valueWidth = clamped is null ? 84 : 78;
        var width = labelWidth + valueWidth;
        string Num(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);
        return $"""
            <svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="20" role="img" aria-label="{title}">
            <title>{title}</title>
            <linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>
            <clipPath id="r"><rect width="{width}" height="20" rx="3" fill="#fff"/></clipPath>
            <g clip-path="url(#r)"><rect width="{labelWidth}" height="20" fill="#555"/><rect x="{labelWidth}" width="{valueWidth}" height="20" fill="{Colour(clamped)}"/><rect width="{width}" height="20" fill="url(#s)"/></g>
            <g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11" aria-hidden="true">
            <text x="{Num(labelWidth / 2.0)}" y="14">{Label}</text>
            <text x="{Num(labelWidth + (valueWidth / 2.0))}" y="14">{WebUtility.HtmlEncode(value)}</text>
            </g>
            </svg>

            """;
    }
}
