using System.Text;
using System.Text.RegularExpressions;

namespace MLRepro.Verify;

/// <summary>Minimal path globs: '**' crosses folders, '*' and '?' do not. A pattern without '/' matches the file name anywhere.</summary>
internal static class Glob
{
    public static bool IsMatch(string pattern, string path)
    {
        if (!pattern.Contains('/', StringComparison.Ordinal))
        {
            path = path[(path.LastIndexOf('/') + 1)..];
        }

        var sb = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                sb.Append(".*");
                i++;
                if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                {
                    i++;
                    sb.Append("/?");
                }
            }
            else if (c == '*')
            {
                sb.Append("[^/]*");
            }
            else if (c == '?')
            {
                sb.Append("[^/]");
            }
            else
            {
                sb.Append(Regex.Escape(c.ToString()));
            }
        }

        sb.Append('$');
        return Regex.IsMatch(path, sb.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
