using MLRepro.Formats.Yaml;
using MLRepro.Text;
using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Parsing;
using Tomlyn.Syntax;
using SourceSpan = MLRepro.Text.SourceSpan;

namespace MLRepro.Formats.Toml;

/// <summary>
/// The one TOML reader, over Tomlyn, after a bracket-depth pre-scan (Tomlyn's parser recurses on nested arrays
/// and inline tables, and a stack overflow cannot be caught). Two views of a file: <see cref="Load"/> gives
/// Tomlyn's <see cref="TomlTable"/> model, which carries no positions (<see cref="LineOf"/> and
/// <see cref="KeyLine"/> find lines by a light scan of the text; <see cref="DuplicateKeys"/> finds repeated keys);
/// <see cref="LoadTree"/> gives the positioned <see cref="YamlNode"/> tree from Tomlyn's syntax tree.
/// Never throws on content.
/// </summary>
internal static class TomlReader
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
        if (DepthRefused(source, diagnostics, codePrefix + ".too-deep", $"nesting deeper than {MaxDepth} levels; not read"))
        {
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
                diagnostics.Add(new Diagnostic(source.Path, SourceSpan.At(dupLine), DiagnosticSeverity.Error, codePrefix + ".duplicate-key", $"key '{Dependencies.RequirementSpec.Clip(key)}' is already defined at line {first}; TOML forbids duplicate keys"));
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
        string? arrayName = null;
        var arrayElement = string.Empty;
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
                    arrayName = NormalizeKey(end > 2 ? t[2..end] : t[2..]);
                    arrayElement = arrayName + "#" + (++arrayTables).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    section = arrayElement;
                    continue;
                }

                if (t.StartsWith('['))
                {
                    var end = t.IndexOf(']');
                    section = NormalizeKey(end > 1 ? t[1..end] : t[1..]);
                    // `[package.optional-dependencies]` after `[[package]]` is a sub-table of that element of the array
                    // (uv.lock has one per package): the same header under the next element is no duplicate.
                    if (arrayName is not null && section.StartsWith(arrayName + ".", StringComparison.Ordinal))
                    {
                        section = arrayElement + section[arrayName.Length..];
                    }

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

    /// <summary>Refuses (with a diagnostic at the first bracket too deep) text nested deeper than <see cref="MaxDepth"/>.</summary>
    private static bool DepthRefused(SourceText source, List<Diagnostic> diagnostics, string code, string message)
    {
        var at = BracketNesting.FirstBeyond(source.Text, MaxDepth);
        if (at < 0)
        {
            return false;
        }

        diagnostics.Add(new Diagnostic(source.Path, SourceSpan.At(source.GetPosition(at).Line), DiagnosticSeverity.Error, code, message));
        return true;
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

    /// <summary>
    /// Reads TOML into the positioned YAML-shaped tree (config files): every syntax message is reported ("toml.syntax")
    /// and what parses is kept; a repeated key is a warning ("toml.duplicate-key") and the last value is kept.
    /// </summary>
    public static YamlMappingNode? LoadTree(SourceText source, List<Diagnostic> diags)
    {
        if (DepthRefused(source, diags, "toml.depth-limit", $"arrays or inline tables nested deeper than {MaxDepth} levels; the file is not read"))
        {
            return null;
        }

        var doc = SyntaxParser.Parse(source.Text, source.Path, true);
        foreach (var m in doc.Diagnostics)
        {
            diags.Add(new Diagnostic(source.Path, SourceSpan.At(m.Span.Start.Line + 1, m.Span.Start.Column + 1), m.Kind == DiagnosticMessageKind.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, "toml.syntax", "TOML: " + m.Message));
        }

        var root = new YamlMappingNode(1, 1);
        foreach (var kv in doc.KeyValues)
        {
            AddKeyValue(root, kv, diags, source.Path);
        }

        foreach (var table in doc.Tables)
        {
            var name = table switch { TableSyntax t => t.Name, TableArraySyntax a => a.Name, _ => null };
            var items = table switch { TableSyntax t => t.Items, TableArraySyntax a => a.Items, _ => null };
            if (name is null || items is null)
            {
                continue;
            }

            var line = table.Span.Start.Line + 1;
            var parts = KeyParts(name);
            YamlMappingNode target;
            if (table is TableArraySyntax)
            {
                var owner = Descend(root, parts[..^1], line);
                if (owner[parts[^1]] is not YamlSequenceNode seq)
                {
                    seq = new YamlSequenceNode(line, 1);
                    owner.Set(parts[^1], line, seq);
                }

                target = new YamlMappingNode(line, 1);
                seq.Add(target);
            }
            else
            {
                target = Descend(root, parts, line);
            }

            foreach (var kv in items)
            {
                AddKeyValue(target, kv, diags, source.Path);
            }
        }

        return root;
    }

    private static void AddKeyValue(YamlMappingNode into, KeyValueSyntax kv, List<Diagnostic> diags, string path)
    {
        if (kv.Key is null || kv.Value is null)
        {
            return;
        }

        var line = kv.Span.Start.Line + 1;
        var parts = KeyParts(kv.Key);
        var owner = Descend(into, parts[..^1], line);
        if (owner[parts[^1]] is not null)
        {
            diags.Add(new Diagnostic(path, SourceSpan.At(line), DiagnosticSeverity.Warning, "toml.duplicate-key", $"duplicate key '{string.Join('.', parts)}'"));
        }

        owner.Set(parts[^1], line, Convert(kv.Value, diags, path));
    }

    private static YamlNode Convert(ValueSyntax value, List<Diagnostic> diags, string path)
    {
        var line = value.Span.Start.Line + 1;
        var col = value.Span.Start.Column + 1;
        switch (value)
        {
            case StringValueSyntax s:
                return new YamlScalarNode(line, col, s.Value ?? string.Empty, false, null, false);
            case BooleanValueSyntax b:
                return new YamlScalarNode(line, col, b.Value ? "true" : "false", true, null, false);
            case ArraySyntax a:
            {
                var seq = new YamlSequenceNode(line, col);
                foreach (var item in a.Items)
                {
                    if (item.Value is not null)
                    {
                        seq.Add(Convert(item.Value, diags, path));
                    }
                }

                return seq;
            }

            case InlineTableSyntax t:
            {
                var map = new YamlMappingNode(line, col);
                foreach (var item in t.Items)
                {
                    if (item.KeyValue is not null)
                    {
                        AddKeyValue(map, item.KeyValue, diags, path);
                    }
                }

                return map;
            }

            case DateTimeValueSyntax d:
                return new YamlScalarNode(line, col, d.Token?.Text ?? string.Empty, false, null, false);
            default:
                // Integers and floats keep their written form (1e-3, 0x10, inf); the token text, because a
                // node's ToString() includes its trailing comment.
                var raw = value switch { IntegerValueSyntax i => i.Token?.Text, FloatValueSyntax f => f.Token?.Text, _ => null } ?? string.Empty;
                var text = raw.Replace("_", string.Empty, StringComparison.Ordinal);
                return new YamlScalarNode(line, col, text is "inf" or "+inf" or "-inf" or "nan" or "+nan" or "-nan" ? (text.StartsWith('-') ? "-.inf" : text.Contains("nan", StringComparison.Ordinal) ? ".nan" : ".inf") : text, true, null, false);
        }
    }

    private static YamlMappingNode Descend(YamlMappingNode root, string[] parts, int line)
    {
        var cur = root;
        foreach (var p in parts)
        {
            switch (cur[p])
            {
                case YamlMappingNode m:
                    cur = m;
                    break;
                case YamlSequenceNode { Items.Count: > 0 } s when s.Items[^1] is YamlMappingNode last:
                    // [[a]] followed by [a.b] extends the last element of the table array.
                    cur = last;
                    break;
                default:
                    var next = new YamlMappingNode(line, 1);
                    cur.Set(p, line, next);
                    cur = next;
                    break;
            }
        }

        return cur;
    }

    private static string[] KeyParts(KeySyntax key)
    {
        var parts = new List<string> { KeyName(key.Key) };
        foreach (var d in key.DotKeys)
        {
            parts.Add(KeyName(d.Key));
        }

        return [.. parts];
    }

    private static string KeyName(BareKeyOrStringValueSyntax? k) => k switch
    {
        BareKeySyntax b => b.Key?.Text ?? string.Empty,
        StringValueSyntax s => s.Value ?? string.Empty,
        _ => string.Empty,
    };
}
