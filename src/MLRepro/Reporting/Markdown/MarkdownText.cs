using System.Text;

namespace MLRepro.Reporting.Markdown;

/// <summary>Escaping for text and links taken from a scanned repository (file names can hold anything).</summary>
public static class MarkdownText
{
    /// <summary>Escapes Markdown and HTML specials in inline text.</summary>
    public static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length + 8);
        var previous = '\0';
        foreach (var c in s)
        {
            if (c == '(' && previous == ']')
            {
                // "[x](javascript:…)" stays text, and no "](" survives for a naive renderer downstream either.
                sb.Append("\\(");
                previous = c;
                continue;
            }

            previous = c;
            switch (c)
            {
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '~':
                    sb.Append('\\').Append(c);
                    break;
                case '<':
                    sb.Append("&lt;");
                    break;
                case '>':
                    sb.Append("&gt;");
                    break;
                case '&':
                    sb.Append("&amp;");
                    break;
                case '\r' or '\n':
                    sb.Append(' ');
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>Inline code that survives backticks inside.</summary>
    public static string Code(string s)
    {
        s = s.Replace('\n', ' ').Replace('\r', ' ');
        var fence = s.Contains('`', StringComparison.Ordinal) ? "`` " : "`";
        return fence + s + (fence.Length > 1 ? " ``" : "`");
    }

    /// <summary>Percent-encodes a repository path for a link target ('/' kept).</summary>
    public static string EncodePath(string path) =>
        string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}
