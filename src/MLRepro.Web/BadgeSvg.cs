using System.Globalization;
using System.Net;

namespace MLRepro.Web;

/// <summary>A shields.io-style flat badge "ML reproducibility | ★★★☆☆ 3/5" with accessible title and aria-label.</summary>
internal static class BadgeSvg
{
    private const string Label = "ML reproducibility";

    /// <summary>Renders the badge; stars null means "not assessed".</summary>
    public static string Render(int? stars)
    {
        var value = stars is { } s ? new string('★', Math.Clamp(s, 0, 5)) + new string('☆', 5 - Math.Clamp(s, 0, 5)) + " " + s.ToString(CultureInfo.InvariantCulture) + "/5" : "not assessed";
        var aria = stars is { } n ? $"{Label}: {n.ToString(CultureInfo.InvariantCulture)} of 5 stars" : $"{Label}: not assessed";
        var color = stars switch { null => "#9f9f9f", 0 => "#e05d44", 1 => "#fe7d37", 2 => "#dfb317", 3 => "#a4a61d", 4 => "#97ca00", _ => "#4c1" };
        const int labelWidth = 118;
        var valueWidth = stars is null ? 84 : 78;
        var width = labelWidth + valueWidth;
        string Num(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);
        return $"""
            <svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="20" role="img" aria-label="{WebUtility.HtmlEncode(aria)}">
            <title>{WebUtility.HtmlEncode(aria)}</title>
            <linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>
            <clipPath id="r"><rect width="{width}" height="20" rx="3" fill="#fff"/></clipPath>
            <g clip-path="url(#r)"><rect width="{labelWidth}" height="20" fill="#555"/><rect x="{labelWidth}" width="{valueWidth}" height="20" fill="{color}"/><rect width="{width}" height="20" fill="url(#s)"/></g>
            <g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11" aria-hidden="true">
            <text x="{Num(labelWidth / 2.0)}" y="14">{Label}</text>
            <text x="{Num(labelWidth + (valueWidth / 2.0))}" y="14">{WebUtility.HtmlEncode(value)}</text>
            </g>
            </svg>
            """;
    }
}
