namespace MLRepro.Text;

/// <summary>
/// A light scan for `[` / `{` nesting outside strings and comments, run before handing YAML or TOML to a parser
/// that recurses (Tomlyn: a stack overflow cannot be caught) or slows down sharply with depth (YamlDotNet's
/// scanner). It errs towards counting: a bracket it cannot place is counted.
/// </summary>
internal static class BracketNesting
{
    /// <summary>The offset of the first bracket that nests deeper than <paramref name="limit"/>, or -1.</summary>
    public static int FirstBeyond(string text, int limit)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                // A comment starts a line or follows white space ("a#b" is a YAML scalar, and in flow context a
                // bracket after it still nests).
                case '#' when i == 0 || char.IsWhiteSpace(text[i - 1]):
                    while (i + 1 < text.Length && text[i + 1] != '\n')
                    {
                        i++;
                    }

                    break;
                case '"' or '\'':
                    i = StringEnd(text, i);
                    break;
                case '[' or '{':
                    if (++depth > limit)
                    {
                        return i;
                    }

                    break;
                case ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
            }
        }

        return -1;
    }

    /// <summary>
    /// The offset of the last character of the string opened at <paramref name="i"/>: its closing quote, or the
    /// end of the line for an unclosed single-line string (so an unclosed quote cannot hide the rest of the file).
    /// </summary>
    private static int StringEnd(string text, int i)
    {
        var q = text[i];
        if (i + 2 < text.Length && text[i + 1] == q && text[i + 2] == q)
        {
            // TOML's multi-line strings.
            var close = new string(q, 3);
            var end = i + 3;
            while (true)
            {
                end = text.IndexOf(close, end, StringComparison.Ordinal);
                if (end < 0)
                {
                    return text.Length;
                }

                if (q == '\'' || !Escaped(text, end))
                {
                    return end + 2;
                }

                end++;
            }
        }

        for (var j = i + 1; j < text.Length; j++)
        {
            if (text[j] == '\n')
            {
                return j;
            }

            if (text[j] == '\\' && q == '"')
            {
                j++;
                continue;
            }

            if (text[j] == q)
            {
                return j;
            }
        }

        return text.Length;
    }

    private static bool Escaped(string text, int at)
    {
        var n = 0;
        for (var k = at - 1; k >= 0 && text[k] == '\\'; k--)
        {
            n++;
        }

        return n % 2 == 1;
    }
}
