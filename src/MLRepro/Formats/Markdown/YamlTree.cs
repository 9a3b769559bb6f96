using MLRepro.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace MLRepro.Formats.Markdown;

/// <summary>A node of a small, bounded YAML tree (front matter). Aliases point at the anchored node, never copies.</summary>
internal abstract record YamlTreeNode(int Line);

/// <summary>A scalar.</summary>
internal sealed record YamlTreeScalar(int Line, string Value) : YamlTreeNode(Line);

/// <summary>A sequence.</summary>
internal sealed record YamlTreeSequence(int Line, List<YamlTreeNode> Items) : YamlTreeNode(Line);

/// <summary>A mapping with scalar keys in document order (non-scalar keys are dropped).</summary>
internal sealed record YamlTreeMapping(int Line, List<KeyValuePair<string, YamlTreeNode>> Entries) : YamlTreeNode(Line)
{
    /// <summary>The value of a key (first occurrence), or null.</summary>
    public YamlTreeNode? Get(string key)
    {
        foreach (var e in Entries)
        {
            if (string.Equals(e.Key, key, StringComparison.Ordinal))
            {
                return e.Value;
            }
        }

        return null;
    }

    /// <summary>A scalar value of a key, or null.</summary>
    public string? GetString(string key) => Get(key) is YamlTreeScalar s ? s.Value : null;
}

/// <summary>
/// Reads YAML with YamlDotNet's event parser (never its recursive object model), so that nesting depth,
/// node count and alias use are bounded by named limits and every problem becomes a diagnostic.
/// </summary>
internal static class YamlTree
{
    /// <summary>Deepest nesting kept; deeper nodes are skipped with a diagnostic.</summary>
    public const int MaxDepth = 64;

    /// <summary>Most nodes built from one YAML text.</summary>
    public const int MaxNodes = 100_000;

    /// <summary>Most alias references accepted (alias bombs multiply through references).</summary>
    public const int MaxAliases = 100;

    /// <summary>Parses the first document of a YAML text. Line numbers are offset by <paramref name="lineOffset"/>.</summary>
    public static YamlTreeNode? Parse(string yaml, string path, int lineOffset, List<Diagnostic> diagnostics)
    {
        if (FlowDepth(yaml) is var (depth, offset) && depth > MaxDepth)
        {
            // YamlDotNet's scanner slows down quadratically with flow nesting: refuse before handing it over.
            var line = lineOffset + yaml.AsSpan(0, offset).Count('\n');
            diagnostics.Add(new Diagnostic(path, SourceSpan.At(line), DiagnosticSeverity.Warning, "yaml.too-deep", $"YAML flow collections nested deeper than {MaxDepth} levels; not read"));
            return null;
        }

        var anchors = new Dictionary<string, YamlTreeNode>(StringComparer.Ordinal);
        var stack = new Stack<(YamlTreeNode Node, string? PendingKey, bool ExpectKey, string? Anchor)>();
        YamlTreeNode? root = null;
        var nodes = 0;
        var aliases = 0;
        var skipDepth = 0; // > 0 while skipping a too-deep subtree
        var limitReported = false;
        try
        {
            var parser = new Parser(new StringReader(yaml));
            while (parser.MoveNext())
            {
                var ev = parser.Current!;
                var line = (int)ev.Start.Line + lineOffset - 1;
                if (ev is DocumentEnd && root is not null)
                {
                    break;
                }

                if (skipDepth > 0)
                {
                    if (ev is SequenceStart or MappingStart)
                    {
                        skipDepth++;
                    }
                    else if (ev is SequenceEnd or MappingEnd)
                    {
                        skipDepth--;
                    }

                    if (skipDepth > 0)
                    {
                        continue;
                    }

                    // The skipped container ended: it counts as one (null) value of its parent.
                    Attach(stack, new YamlTreeScalar(line, string.Empty), ref root);
                    continue;
                }

                switch (ev)
                {
                    case Scalar s:
                        if (stack.Count > 0 && stack.Peek() is { Node: YamlTreeMapping, ExpectKey: true } top)
                        {
                            stack.Pop();
                            stack.Push((top.Node, s.Value, false, top.Anchor));
                            break;
                        }

                        if (++nodes > MaxNodes)
                        {
                            throw new LimitException($"more than {MaxNodes} YAML nodes");
                        }

                        var scalar = new YamlTreeScalar(line, s.Value);
                        if (!s.Anchor.IsEmpty)
                        {
                            anchors[s.Anchor.Value] = scalar;
                        }

                        Attach(stack, scalar, ref root);
                        break;
                    case AnchorAlias a:
                        if (++aliases > MaxAliases)
                        {
                            throw new LimitException($"more than {MaxAliases} aliases (possible alias bomb)");
                        }

                        if (stack.Count > 0 && stack.Peek() is { Node: YamlTreeMapping, ExpectKey: true } keyTop)
                        {
                            // An alias used as a key: keep a placeholder key so the value pairs up.
                            stack.Pop();
                            stack.Push((keyTop.Node, "*" + a.Value.Value, false, keyTop.Anchor));
                            break;
                        }

                        Attach(stack, anchors.GetValueOrDefault(a.Value.Value) ?? new YamlTreeScalar(line, string.Empty), ref root);
                        break;
                    case SequenceStart ss:
                    case MappingStart:
                        if (stack.Count > 0 && stack.Peek() is { Node: YamlTreeMapping, ExpectKey: true } complexKey)
                        {
                            // A complex (non-scalar) key: skip it, keep a placeholder key.
                            stack.Pop();
                            stack.Push((complexKey.Node, "?", false, complexKey.Anchor));
                            skipDepth = 1;
                            break;
                        }

                        if (stack.Count >= MaxDepth)
                        {
                            if (!limitReported)
                            {
                                diagnostics.Add(new Diagnostic(path, SourceSpan.At(line), DiagnosticSeverity.Warning, "yaml.too-deep", $"YAML nested deeper than {MaxDepth} levels; the deeper part is skipped"));
                                limitReported = true;
                            }

                            skipDepth = 1;
                            break;
                        }

                        if (++nodes > MaxNodes)
                        {
                            throw new LimitException($"more than {MaxNodes} YAML nodes");
                        }

                        var anchor = ev is NodeEvent ne && !ne.Anchor.IsEmpty ? ne.Anchor.Value : null;
                        YamlTreeNode container = ev is SequenceStart ? new YamlTreeSequence(line, []) : new YamlTreeMapping(line, []);
                        stack.Push((container, null, container is YamlTreeMapping, anchor));
                        break;
                    case SequenceEnd:
                    case MappingEnd:
                        if (stack.Count == 0)
                        {
                            break;
                        }

                        var done = stack.Pop();
                        if (done.Anchor is not null)
                        {
                            anchors[done.Anchor] = done.Node;
                        }

                        Attach(stack, done.Node, ref root);
                        break;
                }
            }
        }
        catch (LimitException e)
        {
            diagnostics.Add(new Diagnostic(path, SourceSpan.At(lineOffset), DiagnosticSeverity.Warning, "yaml.limit", $"YAML not fully read: {e.Message}"));
            return FinishPartial(stack, root);
        }
        catch (YamlException e)
        {
            diagnostics.Add(new Diagnostic(path, SourceSpan.At((int)e.Start.Line + lineOffset - 1, Math.Max(1, (int)e.Start.Column)), DiagnosticSeverity.Error, "yaml.syntax", $"invalid YAML: {e.Message}"));
            return FinishPartial(stack, root);
        }

        return root;
    }

    /// <summary>Deepest nesting of [ and { outside quotes, and where it was first exceeded.</summary>
    private static (int Depth, int Offset) FlowDepth(string yaml)
    {
        int depth = 0, max = 0, at = 0;
        char quote = '\0';
        foreach (var (c, i) in yaml.Select((c, i) => (c, i)))
        {
            if (quote != '\0')
            {
                if (c == quote || c == '\n')
                {
                    quote = '\0';
                }

                continue;
            }

            switch (c)
            {
                case '"' or '\'':
                    quote = c;
                    break;
                case '[' or '{':
                    if (++depth > max)
                    {
                        max = depth;
                        if (max == MaxDepth + 1)
                        {
                            at = i;
                        }
                    }

                    break;
                case ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
            }
        }

        return (max, at);
    }

    private static YamlTreeNode? FinishPartial(Stack<(YamlTreeNode Node, string? PendingKey, bool ExpectKey, string? Anchor)> stack, YamlTreeNode? root)
    {
        // Keep what was read: the outermost open container holds everything parsed so far.
        YamlTreeNode? outer = root;
        foreach (var frame in stack)
        {
            outer = frame.Node;
        }

        return outer;
    }

    private static void Attach(Stack<(YamlTreeNode Node, string? PendingKey, bool ExpectKey, string? Anchor)> stack, YamlTreeNode value, ref YamlTreeNode? root)
    {
        if (stack.Count == 0)
        {
            root ??= value;
            return;
        }

        var top = stack.Pop();
        switch (top.Node)
        {
            case YamlTreeSequence seq:
                seq.Items.Add(value);
                stack.Push(top);
                break;
            case YamlTreeMapping map:
                map.Entries.Add(new(top.PendingKey ?? string.Empty, value));
                stack.Push((map, null, true, top.Anchor));
                break;
        }
    }

    private sealed class LimitException(string message) : Exception(message);
}
