namespace MLRepro.Formats.Dependencies;

/// <summary>Splits a command line into words the way a POSIX shell does for plain quoting (no expansion).</summary>
public static class ShellWords
{
    /// <summary>Splits text into words honouring single quotes, double quotes and backslash escapes.</summary>
    public static List<string> Split(string text)
    {
        var words = new List<string>();
        var cur = new System.Text.StringBuilder();
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'')
            {
                var end = text.IndexOf('\'', i + 1);
                end = end < 0 ? text.Length : end;
                cur.Append(text, i + 1, end - i - 1);
                i = end;
                inWord = true;
            }
            else if (c == '"')
            {
                i++;
                while (i < text.Length && text[i] != '"')
                {
                    if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\' or '$' or '`')
                    {
                        i++;
                    }

                    cur.Append(text[i]);
                    i++;
                }

                inWord = true;
            }
            else if (c == '\\' && i + 1 < text.Length)
            {
                cur.Append(text[++i]);
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(cur.ToString());
                    cur.Clear();
                    inWord = false;
                }
            }
            else
            {
                cur.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(cur.ToString());
        }

        return words;
    }
}
