using System.Globalization;
using System.Net;

namespace MLRepro.Reporting.Badge;

/// <summary>A shields-like SVG badge: "ml reproducibility | ★★★☆☆", with an accessible title.</summary>
public static class BadgeRenderer
{
    /// <summary>Badge colours by stars (red → bright green), like shields.io's scale.</summary>
    public static string Colour(int stars) => stars switch
    {
        <= 0 => "#e05d44",
        1 => "#fe7d37",
        2 => "#dfb317",
        3 => "#a4a61d",
        4 => "#97ca00",
        _ => "#4c1",
    };

    /// <summary>Renders the badge SVG.</summary>
    public static string Render(int stars, string label = "ml reproducibility")
    {
        stars = Math.Clamp(stars, 0, 5);
        var value = new string('★', stars) + new string('☆', 5 - stars);
        var title = $"{label}: {stars} of 5 stars";
        // Widths: ~6.5 px per label character (Verdana 11), ~12 px per star glyph, 10 px padding each side.
        var lw = (int)Math.Round(label.Length * 6.5) + 10;
        var vw = (5 * 12) + 10;
        var w = lw + vw;
        var c = Colour(stars);
        string F(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);
        var enc = WebUtility.HtmlEncode(label);
        return $"""
<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="20" role="img" aria-label="{WebUtility.HtmlEncode(title)}">
  <title>{WebUtility.HtmlEncode(title)}</title>
  <linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>
  <clipPath id="r"><rect width="{w}" height="20" rx="3" fill="#fff"/></clipPath>
  <g clip-path="url(#r)">
    <rect width="{lw}" height="20" fill="#555"/>
    <rect x="{lw}" width="{vw}" height="20" fill="{c}"/>
    <rect width="{w}" height="20" fill="url(#s)"/>
  </g>
  <g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">
    <text x="{F(lw / 2.0)}" y="15" fill="#010101" fill-opacity=".3" aria-hidden="true">{enc}</text>
    <text x="{F(lw / 2.0)}" y="14">{enc}</text>
    <text x="{F(lw + (vw / 2.0))}" y="15" fill="#010101" fill-opacity=".3" aria-hidden="true">{value}</text>
    <text x="{F(lw + (vw / 2.0))}" y="14">{value}</text>
  </g>
</svg>

""";
    }
}
