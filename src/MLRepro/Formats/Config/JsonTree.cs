using System.Text;
using System.Text.Json;
using MLRepro.Formats.Yaml;
using MLRepro.Text;

namespace MLRepro.Formats.Config;

/// <summary>Reads JSON into the YAML-shaped tree with line numbers (JsonDocument has no positions).</summary>
internal static class JsonTree
{
    /// <summary>Loads a JSON document; comments and trailing commas are accepted as many tools write them.</summary>
    public static YamlNode? Load(SourceText source, List<Diagnostic> diags)
    {
        var bytes = Encoding.UTF8.GetBytes(source.Text);
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        int LineOf(long offset)
        {
            var idx = lineStarts.BinarySearch((int)offset);
            return (idx < 0 ? ~idx - 1 : idx) + 1;
        }

        var options = new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = ConfigParser.MaxDepth };
        var reader = new Utf8JsonReader(bytes, options);
        var stack = new Stack<(YamlNode Node, string? Key, int KeyLine)>();
        YamlNode? root = null;
        try
        {
            while (reader.Read())
            {
                var line = LineOf(reader.TokenStartIndex);
                YamlNode? value = null;
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        stack.Push((new YamlMappingNode(line, 1), null, 0));
                        continue;
                    case JsonTokenType.StartArray:
                        stack.Push((new YamlSequenceNode(line, 1), null, 0));
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        value = stack.Pop().Node;
                        break;
                    case JsonTokenType.PropertyName:
                    {
                        var top = stack.Pop();
                        stack.Push((top.Node, reader.GetString(), line));
                        continue;
                    }

                    case JsonTokenType.String:
                        value = new YamlScalarNode(line, 1, reader.GetString() ?? string.Empty, false, null, false);
                        break;
                    case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null:
                        value = new YamlScalarNode(line, 1, Encoding.UTF8.GetString(reader.ValueSpan), true, null, false);
                        break;
                    default:
                        continue;
                }

                if (stack.Count == 0)
                {
                    root = value;
                    continue;
                }

                var parent = stack.Pop();
                if (parent.Node is YamlMappingNode m && parent.Key is not null)
                {
                    if (m[parent.Key] is not null)
                    {
                        diags.Add(new Diagnostic(source.Path, SourceSpan.At(parent.KeyLine), DiagnosticSeverity.Warning, "json.duplicate-key", $"duplicate key '{parent.Key}'; the last value is kept, as Python's json does"));
                    }

                    m.Set(parent.Key, parent.KeyLine, value);
                    stack.Push((m, null, 0));
                }
                else
                {
                    ((YamlSequenceNode)parent.Node).Add(value);
                    stack.Push(parent);
                }
            }
        }
        catch (JsonException e)
        {
            diags.Add(new Diagnostic(source.Path, SourceSpan.At((int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1), DiagnosticSeverity.Error, "json.syntax", "JSON syntax error: " + e.Message));
            // Keep what was read before the error.
            YamlNode? partial = null;
            while (stack.Count > 0)
            {
                var (node, key, keyLine) = stack.Pop();
                if (partial is not null)
                {
                    Append(node, key, keyLine, partial);
                }

                partial = node;
            }

            root ??= partial;
        }

        return root;
    }

    private static void Append(YamlNode parent, string? key, int keyLine, YamlNode child)
    {
        if (parent is YamlSequenceNode q)
        {
            q.Add(child);
        }
        else if (parent is YamlMappingNode m && key is not null)
        {
            m.Set(key, keyLine, child);
        }
    }
}
