using MLRepro.Text;
using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Parsing;
using DiagnosticMessageKind = Tomlyn.Syntax.DiagnosticMessageKind;
using SourceSpan = MLRepro.Text.SourceSpan;

namespace MLRepro.Formats.Dependencies;

/// <summary>
/// Loads TOML with Tomlyn into its <see cref="TomlTable"/> model, after a bracket-depth pre-scan (deep nesting
/// would otherwise recurse without bound). Tomlyn's model carries no positions, so <see cref="LineOf"/> finds
/// lines by a light scan of the text. Never throws on content.
/// </summary>
public static class TomlTree
{
    /// <summary>Deepest bracket/brace nesting accepted.</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// Most line look-ups per text: each scans the text, so a file with a huge number of entries would take
    /// quadratic time. Entries past the budget get line 0 (unknown).
    /// </summary>
    public const int MaxLineLookups = 2_000;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SourceText, System.Runtime.CompilerServices.StrongBox<int>> s_lookups = new();

    private static bool SpendLookup(SourceText source) => Interlocked.Increment(ref s_lookups.GetOrCreateValue(source).Value) <= MaxLineLookups;

    /// <summary>Most syntax errors reported per file.</summary>
    public const int MaxReportedErrors = 10;

    /// <summary>Parses TOML; null (with a diagnostic) when unreadable.</summary>
    public static TomlTable? Load(SourceText source, List<Diagnostic> diagnostics, string codePrefix = "toml")
    {
        if (DepthExceeded(source.Text, out var line))
        {
            diagnostics.Add(new Diagnostic(source.Path, SourceSpan.At(line), DiagnosticSeverity.Error, codePrefix + ".too-deep", $"nesting deeper than {MaxDepth} levels; not read"));
            return null;
        }

        try
        {
            // The syntax pass gives positions for syntax errors. Tomlyn's own semantic validation is not used: it
            // takes keys whose string hash codes collide for duplicates (seen with 50,000 keys), so duplicate keys
            // are found by DuplicateKeys below instead.
            var syntax = SyntaxParser.Parse(source.Text, source.Path, false);
            // Errors after the first usually cascade from it: report the first, with a count of the rest.
            var errors = syntax.HasErrors ? syntax.Diagnostics.Where(d => d.Kind == DiagnosticMessageKind.Error).ToList() : [];
            if (errors.Count > 0)
            {
                var m = errors[0];
                var errLine = Math.Clamp(m.Span.Start.Line + 1, 1, Math.Max(1, source.LineCount));
                var more = errors.Count > 1 ? $" ({errors.Count - 1} further errors follow from here)" : string.Empty;
                diagnostics.Add(new Diagnostic(source.Path, SourceSpan.At(errLine, Math.Max(1, m.Span.Start.Column + 1)), DiagnosticSeverity.Error, codePrefix + ".syntax", m.Message + more));

                return null;
            }

            foreach (var (key, dupLine, first) in DuplicateKeys(source).Take(MaxReportedErrors))
            {
                diagnostics.Add(new Diagnostic(source.Path, SourceSpan.At(dupLine), DiagnosticSeverity.Error, codePrefix + ".duplicate-key", $"key '{RequirementSpec.Clip(key)}' is already defined at line {first}; TOML forbids duplicate keys"));
            }

            return TomlSerializer.Deserialize<TomlTable>(source.Text);
        }
        catch (TomlException e)
        {
            var l = e.Line is > 0 ? e.Line.Value : 1;
            // Tomlyn reports 0- or 1-based lines depending on the path taken; clamp into the file.
            diagnostics.Add(new Diagnostic(source.Path, SourceSpan.At(Math.Min(Math.Max(1, l), Math.Max(1, source.LineCount))), DiagnosticSeverity.Error, codePrefix + ".syntax", FirstLine(e.Message)));
            return null;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or OverflowException or InvalidCastException or NotSupportedException or KeyNotFoundException)
        {
            diagnostics.Add(new Diagnostic(source.Path, null, DiagnosticSeverity.Error, codePrefix + ".syntax", FirstLine(e.Message)));
            return null;
        }
    }

    private static string FirstLine(string s)
    {
        var i = s.IndexOf('\n');
        return (i < 0 ? s : s[..i]).Trim();
    }

    /// <summary>
    /// Keys defined twice in the same table, and standard tables defined twice: a linear line scan that follows
    /// headers, skips multi-line strings and the insides of arrays and inline tables.
    /// </summary>
    internal static IEnumerable<(string Key, int Line, int FirstLine)> DuplicateKeys(SourceText source)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var section = string.Empty;
        var arrayTables = 0;
        var depth = 0;
        string? inString = null;
        for (var n = 1; n <= source.LineCount; n++)
        {
            var line = source.GetLine(n);
            var i = 0;
            if (inString is null && depth == 0)
            {
                var t = line.TrimStart();
                if (t.StartsWith("[[", StringComparison.Ordinal))
                {
                    var end = t.IndexOf("]]", StringComparison.Ordinal);
                    section = NormalizeKey(end > 2 ? t[2..end] : t[2..]) + "#" + (++arrayTables).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    continue;
                }

                if (t.StartsWith('['))
                {
                    var end = t.IndexOf(']');
                    section = NormalizeKey(end > 1 ? t[1..end] : t[1..]);
                    if (seen.TryGetValue("[" + section + "]", out var firstHeader))
                    {
                        yield return ("[" + section + "]", n, firstHeader);
                    }
                    else
                    {
                        seen["[" + section + "]"] = n;
                    }

                    continue;
                }

                var eq = KeyEnd(t);
                if (eq > 0)
                {
                    var full = section + "." + NormalizeKey(t[..eq]);
                    if (seen.TryGetValue(full, out var first))
                    {
                        yield return (full.TrimStart('.'), n, first);
                    }
                    else
                    {
                        seen[full] = n;
                    }

                    i = line.Length - t.Length + eq + 1;
                }
            }

            // Track strings and nesting through the rest of the line (values may span lines).
            for (; i < line.Length; i++)
            {
                var c = line[i];
                if (inString is not null)
                {
                    if (inString.Length == 1 && c == '\\' && inString == "\"")
                    {
                        i++;
                    }
                    else if (string.CompareOrdinal(line, i, inString, 0, inString.Length) == 0)
                    {
                        i += inString.Length - 1;
                        inString = null;
                    }
                    else if (inString.Length == 3 && c == '\\' && inString == "\"\"\"")
                    {
                        i++;
                    }

                    continue;
                }

                if (c == '#')
                {
                    break;
                }

                if (c is '"' or '\'')
                {
                    inString = i + 2 < line.Length && line[i + 1] == c && line[i + 2] == c ? new string(c, 3) : c.ToString();
                    i += inString.Length - 1;
                }
                else if (c is '[' or '{')
                {
                    depth++;
                }
                else if (c is ']' or '}')
                {
                    depth = Math.Max(0, depth - 1);
                }
            }

            if (inString is { Length: 1 })
            {
                inString = null; // single-line strings end at the line break
            }
        }
    }

    private static int KeyEnd(string t)
    {
        // A key: bare (A-Za-z0-9_-), quoted, or dotted; then '='.
        var i = 0;
        while (i < t.Length)
        {
            var c = t[i];
            if (c is '"' or '\'')
            {
                var close = t.IndexOf(c, i + 1);
                if (close < 0)
                {
                    return -1;
                }

                i = close + 1;
            }
            else if (char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ' ' or '\t')
            {
                i++;
            }
            else
            {
                return c == '=' && i > 0 ? i : -1;
            }
        }

        return -1;
    }

    private static string NormalizeKey(string key) =>
        string.Join('.', key.Split('.').Select(p => p.Trim().Trim('"', '\'')));

    /// <summary>Whether '[' / '{' nesting outside strings and comments exceeds <see cref="MaxDepth"/>.</summary>
    internal static bool DepthExceeded(string text, out int line)
    {
        var depth = 0;
        line = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\n':
                    line++;
                    break;
                case '#':
                    while (i + 1 < text.Length && text[i + 1] != '\n')
                    {
                        i++;
                    }

                    break;
                case '"' or '\'':
                    var triple = i + 2 < text.Length && text[i + 1] == c && text[i + 2] == c;
                    var close = triple ? text.IndexOf(new string(c, 3), i + 3, StringComparison.Ordinal) : IndexOfLineEnd(text, c, i + 1);
                    if (close < 0)
                    {
                        return false; // unterminated string: Tomlyn reports it
                    }

                    for (var j = i + 1; j < close; j++)
                    {
                        if (text[j] == '\n')
                        {
                            line++;
                        }
                    }

                    i = close + (triple ? 2 : 0);
                    break;
                case '[' or '{':
                    if (++depth > MaxDepth)
                    {
                        return true;
                    }

                    break;
                case ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
            }
        }

        return false;
    }

    private static int IndexOfLineEnd(string text, char quote, int from)
    {
        for (var j = from; j < text.Length; j++)
        {
            if (text[j] == '\\' && quote == '"')
            {
                j++;
                continue;
            }

            if (text[j] == quote)
            {
                return j;
            }

            if (text[j] == '\n')
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>A sub-table by dotted path (keys as parsed), or null.</summary>
    public static TomlTable? Table(TomlTable? t, params string[] keys)
    {
        foreach (var k in keys)
        {
            if (t is null || !t.TryGetValue(k, out var v) || v is not TomlTable next)
            {
                return null;
            }

            t = next;
        }

        return t;
    }

    /// <summary>A string value, or null.</summary>
    public static string? String(TomlTable? t, string key) => t is not null && t.TryGetValue(key, out var v) && v is string s ? s : null;

    /// <summary>The strings of an array value (non-strings skipped).</summary>
    public static IEnumerable<string> Strings(TomlTable? t, string key) =>
        t is not null && t.TryGetValue(key, out var v) && v is TomlArray a ? a.OfType<string>() : [];

    /// <summary>
    /// Finds the 1-based line of a string in the text: its quoted form first, then bare, searching from a section
    /// header when given. Returns 0 when not found.
    /// </summary>
    public static int LineOf(SourceText source, string value, string? header = null)
    {
        if (!SpendLookup(source))
        {
            return 0;
        }

        var text = source.Text;
        var from = 0;
        if (header is not null)
        {
            var h = FindHeader(text, header);
            if (h >= 0)
            {
                from = h;
            }
        }

        foreach (var needle in new[] { "\"" + value + "\"", "'" + value + "'", value })
        {
            var i = text.IndexOf(needle, from, StringComparison.Ordinal);
            if (i < 0 && from > 0)
            {
                i = text.IndexOf(needle, StringComparison.Ordinal);
            }

            if (i >= 0)
            {
                return source.GetPosition(i).Line;
            }
        }

        return 0;
    }

    /// <summary>The offset of a "[header]" line (also "[[header]]"), or -1.</summary>
    public static int FindHeader(string text, string header)
    {
        foreach (var h in new[] { "[" + header + "]", "[[" + header + "]]" })
        {
            var i = 0;
            while ((i = text.IndexOf(h, i, StringComparison.Ordinal)) >= 0)
            {
                if (i == 0 || text[i - 1] == '\n' || char.IsWhiteSpace(text[i - 1]))
                {
                    return i;
                }

                i += h.Length;
            }
        }

        return -1;
    }

    /// <summary>The 1-based line of "key =" at a line start after a header, or 0.</summary>
    public static int KeyLine(SourceText source, string key, string? header = null)
    {
        if (!SpendLookup(source))
        {
            return 0;
        }

        var text = source.Text;
        var from = header is null ? 0 : Math.Max(0, FindHeader(text, header));
        for (var l = source.GetPosition(from).Line; l <= source.LineCount; l++)
        {
            var s = source.GetLine(l).TrimStart();
            if (s.StartsWith(key, StringComparison.Ordinal) && s[key.Length..].TrimStart().StartsWith('=') ||
                s.StartsWith("\"" + key + "\"", StringComparison.Ordinal))
            {
                return l;
            }
        }

        return 0;
    }
}
