using System.Globalization;
using System.Net;
using System.Text;

namespace MLRepro.Web;

/// <summary>
/// A tiny HTML writer. Every string that reaches the page goes through <see cref="Text(string?)"/> or an attribute
/// helper, which HTML-encode it; markup comes only from literals in this project. Links pass
/// <see cref="SafeHref"/>, so a scanned repository can never inject a script or a javascript: URL.
/// </summary>
internal sealed class Html
{
    private readonly StringBuilder sb = new();

    /// <summary>HTML-encodes text for element content or a double-quoted attribute value.</summary>
    public static string Encode(string? s) => WebUtility.HtmlEncode(s ?? string.Empty);

    /// <summary>
    /// The URL when it is http(s) or a same-site relative path ("/…" but not "//…"), else null; anything else
    /// (javascript:, data:, vbscript:, protocol-relative, backslash tricks) is refused.
    /// </summary>
    public static string? SafeHref(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Any(c => char.IsControl(c) || c == '\\'))
        {
            return null;
        }

        if (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
        {
            return url;
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps)
            ? u.AbsoluteUri
            : null;
    }

    /// <summary>Appends literal markup (only ever called with constants of this project).</summary>
    public Html Raw(string markup)
    {
        sb.Append(markup);
        return this;
    }

    /// <summary>Appends encoded text.</summary>
    public Html Text(string? s)
    {
        sb.Append(Encode(s));
        return this;
    }

    /// <summary>Appends an integer.</summary>
    public Html Text(long n)
    {
        sb.Append(n.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>Appends &lt;tag attrs&gt;text&lt;/tag&gt; with encoded text.</summary>
    public Html El(string tag, string? text, string? cls = null)
    {
        Open(tag, cls);
        Text(text);
        return Close(tag);
    }

    /// <summary>Opens an element with an optional class (class names are literals).</summary>
    public Html Open(string tag, string? cls = null, params (string Name, string? Value)[] attrs)
    {
        sb.Append('<').Append(tag);
        if (cls is not null)
        {
            sb.Append(" class=\"").Append(Encode(cls)).Append('"');
        }

        foreach (var (name, value) in attrs)
        {
            if (value is not null)
            {
                sb.Append(' ').Append(name).Append("=\"").Append(Encode(value)).Append('"');
            }
        }

        sb.Append('>');
        return this;
    }

    /// <summary>Closes an element.</summary>
    public Html Close(string tag)
    {
        sb.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>A link when the URL is safe, else the text alone.</summary>
    public Html Link(string? href, string? text, string? cls = null)
    {
        if (SafeHref(href) is { } safe)
        {
            Open("a", cls, ("href", safe));
            Text(text);
            return Close("a");
        }

        return Text(text);
    }

    /// <inheritdoc />
    public override string ToString() => sb.ToString();
}
