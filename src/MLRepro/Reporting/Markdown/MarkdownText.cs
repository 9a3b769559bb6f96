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

    /// <summary>
    /// Escapes text that may use `code spans` on purpose (fix texts): code spans are kept when they hold nothing a
    /// renderer could turn into markup; everything else is escaped as <see cref="Escape"/> does.
    /// </summary>
    public static string EscapeKeepingCode(string s)
    {
        var parts = s.Split('`');
        if (parts.Length % 2 == 0)
        {
            return Escape(s); // unbalanced backticks: no code spans to keep
        }

        var sb = new StringBuilder(s.Length + 8);
        for (var i = 0; i < parts.Length; i++)
        {
            var inCode = i % 2 == 1;
            if (inCode && !parts[i].Contains('<', StringComparison.Ordinal) && !parts[i].Contains("](", StringComparison.Ordinal) && !parts[i].Contains('\n', StringComparison.Ordinal))
            {
                sb.Append('`').Append(parts[i]).Append('`');
            }
            else
            {
                sb.Append(inCode ? Escape("`" + parts[i] + "`") : Escape(parts[i]));
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
