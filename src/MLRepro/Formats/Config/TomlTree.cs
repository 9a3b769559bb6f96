using MLRepro.Text;
using Tomlyn.Parsing;
using Tomlyn.Syntax;
using SourceSpan = MLRepro.Text.SourceSpan;

namespace MLRepro.Formats.Config;

/// <summary>Reads TOML with Tomlyn's syntax parser (which keeps spans) into the YAML-shaped tree.</summary>
internal static class TomlTree
{
    public static YamlNode? Load(SourceText source, List<Diagnostic> diags)
    {
        // Tomlyn's parser recurses on nested arrays and inline tables; a stack overflow cannot be caught,
        // so deep nesting is measured first by a light scan.
        if (MaxNesting(source.Text) is var (depth, offset) && depth > ConfigParser.MaxDepth)
        {
            diags.Add(new Diagnostic(source.Path, SourceSpan.At(source.GetPosition(offset).Line), DiagnosticSeverity.Error, "toml.depth-limit", $"arrays or inline tables nested deeper than {ConfigParser.MaxDepth} levels; the file is not read"));
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
        var parts = new List<string> { Name(key.Key) };
        foreach (var d in key.DotKeys)
        {
            parts.Add(Name(d.Key));
        }

        return [.. parts];
    }

    private static string Name(BareKeyOrStringValueSyntax? k) => k switch
    {
        BareKeySyntax b => b.Key?.Text ?? string.Empty,
        StringValueSyntax s => s.Value ?? string.Empty,
        _ => string.Empty,
    };

    /// <summary>Deepest nesting of [ and { outside strings and comments, and where it was reached.</summary>
    internal static (int Depth, int Offset) MaxNesting(string text)
    {
        var depth = 0;
        var max = 0;
        var at = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '#':
                    while (i < text.Length && text[i] != '\n')
                    {
                        i++;
                    }

                    break;
                case '"' or '\'':
                {
                    var triple = i + 2 < text.Length && text[i + 1] == c && text[i + 2] == c;
                    var close = triple ? new string(c, 3) : c.ToString();
                    var start = i + (triple ? 3 : 1);
                    var end = start;
                    while (true)
                    {
                        end = text.IndexOf(close, end, StringComparison.Ordinal);
                        if (end < 0 || c == '\'' || text[end - 1] != '\\' || (end >= 2 && text[end - 2] == '\\'))
                        {
                            break;
                        }

                        end++;
                    }

                    var nl = triple ? -1 : text.IndexOf('\n', start);
                    i = end < 0 ? text.Length : (nl >= 0 && nl < end ? nl : end + close.Length - 1);
                    break;
                }

                case '[' or '{':
                    if (++depth > max)
                    {
                        max = depth;
                        at = i;
                    }

                    break;
                case ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
            }
        }

        return (max, at);
    }
}
