using MLRepro.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace MLRepro.Formats.Config;

/// <summary>A YAML node with its 1-based position. Aliases are shared references to the anchored node.</summary>
internal abstract class YamlNode(int line, int column)
{
    /// <summary>1-based line of the node's first character.</summary>
    public int Line { get; } = line;

    /// <summary>1-based column.</summary>
    public int Column { get; } = column;

    /// <summary>Nodes reachable from this one, counting alias targets each time they are reached.</summary>
    public long ExpandedSize { get; protected set; } = 1;
}

/// <summary>A YAML scalar.</summary>
internal sealed class YamlScalarNode(int line, int column, string value, bool plain, string? tag, bool literalBlock) : YamlNode(line, column)
{
    public string Value { get; } = value;

    /// <summary>Whether the scalar was unquoted (only plain scalars are typed as numbers, booleans, nulls).</summary>
    public bool Plain { get; } = plain;

    public string? Tag { get; } = tag;

    /// <summary>Whether it was a block scalar (`|` or `>`), whose content starts on the next line.</summary>
    public bool Block { get; } = literalBlock;

    public bool IsNull => Plain && Tag is null && (Value.Length == 0 || Value is "~" or "null" or "Null" or "NULL");
}

/// <summary>A YAML sequence.</summary>
internal sealed class YamlSequenceNode(int line, int column) : YamlNode(line, column)
{
    public List<YamlNode> Items { get; } = [];

    public void Add(YamlNode node)
    {
        Items.Add(node);
        ExpandedSize += node.ExpandedSize;
    }
}

/// <summary>A YAML mapping; duplicate keys keep the last value (as PyYAML does) and are diagnosed by the loader.</summary>
internal sealed class YamlMappingNode(int line, int column) : YamlNode(line, column)
{
    // Key → position in Entries, so that large mappings (and duplicate checks) stay linear.
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<(string Key, int Line, YamlNode Value)> _entries = [];

    public IReadOnlyList<(string Key, int Line, YamlNode Value)> Entries => _entries;

    public YamlNode? this[string key] => _index.TryGetValue(key, out var i) ? _entries[i].Value : null;

    public int KeyLine(string key) => _index.TryGetValue(key, out var i) ? _entries[i].Line : 0;

    public void Set(string key, int line, YamlNode value)
    {
        if (_index.TryGetValue(key, out var i))
        {
            ExpandedSize -= _entries[i].Value.ExpandedSize;
            _entries[i] = (key, line, value);
        }
        else
        {
            _index[key] = _entries.Count;
            _entries.Add((key, line, value));
        }

        ExpandedSize += value.ExpandedSize;
    }
}

/// <summary>The documents of one YAML stream.</summary>
internal sealed record YamlStream(IReadOnlyList<YamlNode> Documents)
{
    /// <summary>The first document's root when it is a mapping.</summary>
    public YamlMappingNode? RootMapping => Documents.Count > 0 ? Documents[0] as YamlMappingNode : null;
}

/// <summary>
/// Loads YAML with YamlDotNet's event parser into <see cref="YamlNode"/>s, with limits against hostile input:
/// nesting depth, alias expansion (the "billion laughs" bomb) and node count. Never throws on content.
/// </summary>
internal static class YamlLoader
{
    /// <summary>Deeper nodes are dropped (the loader is iterative, but consumers recurse).</summary>
    public const int MaxDepth = 64;

    /// <summary>Nodes an alias-expanded document may reach; an alias beyond this becomes null.</summary>
    public const long MaxExpandedNodes = 100_000;

    /// <summary>Documents read from one multi-document stream.</summary>
    public const int MaxDocuments = 1_000;

    /// <summary>
    /// Larger YAML is not read: YamlDotNet scans about a megabyte a second, and hand-written configs, pipelines
    /// and workflows are far smaller (a 3,000-stage dvc.lock is about 1 MB).
    /// </summary>
    public const int MaxChars = 2_000_000;

    private static readonly string[] Yaml11Booleans = ["yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF"];

    /// <summary>Whether a plain scalar is a YAML 1.1 boolean (as PyYAML resolves them) that YAML 1.2 reads as a string.</summary>
    public static bool IsYaml11Boolean(string s) => Array.IndexOf(Yaml11Booleans, s) >= 0;

    public static YamlStream Load(SourceText source, List<Diagnostic> diagnostics)
    {
        var docs = new List<YamlNode>();
        var text = source.Text;
        if (text.Length > MaxChars)
        {
            diagnostics.Add(new Diagnostic(source.Path, null, DiagnosticSeverity.Info, "yaml.too-large", $"{text.Length} characters is past the {MaxChars} limit for YAML; not read"));
            return new YamlStream(docs);
        }

        if (text.Contains("{{", StringComparison.Ordinal) || text.Contains("{%", StringComparison.Ordinal))
        {
            var line = FirstLineContaining(source, "{{", "{%");
            diagnostics.Add(new Diagnostic(source.Path, SourceSpan.At(line), DiagnosticSeverity.Warning, "yaml.jinja-template", "the file contains Jinja template markers ({{ }} or {% %}); it is rendered by a tool before use, so values are read as written (best effort)"));
            text = NeutralizeJinja(text);
        }

        // YamlDotNet's scanner slows down sharply with deep flow nesting ("[[[[…" takes seconds at 10,000
        // levels), so deep brackets are refused by a light scan before parsing.
        if (TomlTree.MaxNesting(text) is var (flowDepth, flowAt) && flowDepth > MaxDepth)
        {
            diagnostics.Add(new Diagnostic(source.Path, SourceSpan.At(source.GetPosition(flowAt).Line), DiagnosticSeverity.Error, "yaml.depth-limit", $"brackets nested deeper than {MaxDepth} levels; the file is not read"));
            return new YamlStream([]);
        }

        var anchors = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var stack = new List<Frame>();
        var skipDepth = 0;
        long expanded = 0;
        var bombReported = false;
        var depthReported = false;
        YamlNode? root = null;
        var lastLine = 1;
        try
        {
            var parser = new Parser(new StringReader(text));
            while (parser.MoveNext())
            {
                var ev = parser.Current!;
                lastLine = ToLine(ev.End);
                if (skipDepth > 0)
                {
                    if (ev is MappingStart or SequenceStart)
                    {
                        skipDepth++;
                    }
                    else if (ev is MappingEnd or SequenceEnd)
                    {
                        skipDepth--;
                        if (skipDepth == 0)
                        {
                            Attach(stack, new YamlScalarNode(ToLine(ev.Start), ToCol(ev.Start), string.Empty, true, null, false), ref root, source, diagnostics);
                        }
                    }

                    continue;
                }

                switch (ev)
                {
                    case DocumentStart:
                        anchors.Clear();
                        root = null;
                        expanded = 0;
                        break;
                    case DocumentEnd:
                        if (docs.Count >= MaxDocuments)
                        {
                            diagnostics.Add(new Diagnostic(source.Path, SourceSpan.At(ToLine(ev.Start)), DiagnosticSeverity.Info, "yaml.too-many-documents", $"only the first {MaxDocuments} documents are read"));
                            return new YamlStream(docs);
                        }

                        docs.Add(root ?? new YamlScalarNode(1, 1, string.Empty, true, null, false));
                        break;
                    case Scalar s:
                    {
                        var node = new YamlScalarNode(ToLine(s.Start), ToCol(s.Start), RestoreJinja(s.Value), s.Style == ScalarStyle.Plain, s.Tag.IsEmpty || s.Tag.IsNonSpecific ? null : s.Tag.Value, s.Style is ScalarStyle.Literal or ScalarStyle.Folded);
                        Remember(anchors, s.Anchor, node);
                        expanded++;
                        Attach(stack, node, ref root, source, diagnostics);
                        break;
                    }

                    case AnchorAlias a:
                    {
                        YamlNode node;
                        if (!anchors.TryGetValue(a.Value.Value, out var target))
                        {
                            diagnostics.Add(new Diagnostic(source.Path, SourceSpan.At(ToLine(a.Start), ToCol(a.Start)), DiagnosticSeverity.Warning, "yaml.unknown-alias", $"alias *{a.Value.Value} names no anchor"));
                            node = new YamlScalarNode(ToLine(a.Start), ToCol(a.Start), string.Empty, true, null, false);
                        }
                        else if (expanded + target.ExpandedSize > MaxExpandedNodes)
                        {
                            if (!bombReported)
                            {
                                diagnostics.Add(new Diagnostic(source.Path, SourceSpan.At(ToLine(a.Start), ToCol(a.Start)), DiagnosticSeverity.Error, "yaml.alias-limit", $"alias expansion would exceed {MaxExpandedNodes} nodes (an alias bomb?); further aliases read as null"));
                                bombReported = true;
                            }

                            node = new YamlScalarNode(ToLine(a.Start), ToCol(a.Start), string.Empty, true, null, false);
                        }
                        else
                        {
                            expanded += target.ExpandedSize;
                            node = target;
                        }

                        Attach(stack, node, ref root, source, diagnostics);
                        break;
                    }

                    case MappingStart or SequenceStart:
                    {
                        if (stack.Count >= MaxDepth)
                        {
                            if (!depthReported)
                            {
                                diagnostics.Add(new Diagnostic(source.Path, SourceSpan.At(ToLine(ev.Start), ToCol(ev.Start)), DiagnosticSeverity.Error, "yaml.depth-limit", $"nesting deeper than {MaxDepth} levels is not read"));
                                depthReported = true;
                            }

                            skipDepth = 1;
                            break;
                        }

                        var ne = (NodeEvent)ev;
                        YamlNode node = ev is MappingStart ? new YamlMappingNode(ToLine(ev.Start), ToCol(ev.Start)) : new YamlSequenceNode(ToLine(ev.Start), ToCol(ev.Start));
                        Remember(anchors, ne.Anchor, node);
                        expanded++;
                        stack.Add(new Frame(node));
                        break;
                    }

                    case MappingEnd or SequenceEnd:
                    {
                        var frame = stack[^1];
                        stack.RemoveAt(stack.Count - 1);
                        Attach(stack, frame.Node, ref root, source, diagnostics);
                        break;
                    }
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // YamlDotNet reports bad syntax as YamlException, but some inputs make its scanner throw other
            // exceptions (InvalidOperationException on "k:\n{\nk:"): every one of them is a syntax diagnostic.
            // Those carry no position: the end of the last event read is where parsing stopped.
            var (at, message) = e is YamlException ye
                ? (SourceSpan.At(ToLine(ye.Start), ToCol(ye.Start)), Shorten(e.Message))
                : (SourceSpan.At(lastLine), "the parser stopped after this line (an unclosed bracket or quote?)");
            diagnostics.Add(new Diagnostic(source.Path, at, DiagnosticSeverity.Error, "yaml.syntax", "YAML syntax error: " + message));
            // Keep what was built before the error: close open frames so partial content survives.
            while (stack.Count > 0)
            {
                var frame = stack[^1];
                stack.RemoveAt(stack.Count - 1);
                if (frame.PendingKey is not null && frame.Node is YamlMappingNode m)
                {
                    m.Set(frame.PendingKey, frame.PendingKeyLine, new YamlScalarNode(frame.PendingKeyLine, 1, string.Empty, true, null, false));
                }

                Attach(stack, frame.Node, ref root, source, null);
            }

            if (root is not null)
            {
                docs.Add(root);
            }
        }

        return new YamlStream(docs);
    }

    private static int ToLine(Mark m) => (int)Math.Min(int.MaxValue, Math.Max(1, m.Line));

    private static int ToCol(Mark m) => (int)Math.Min(int.MaxValue, Math.Max(1, m.Column));

    private static string Shorten(string s) => s.Length > 200 ? s[..200] + "…" : s;

    private static void Remember(Dictionary<string, YamlNode> anchors, AnchorName anchor, YamlNode node)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node;
        }
    }

    private static void Attach(List<Frame> stack, YamlNode node, ref YamlNode? root, SourceText source, List<Diagnostic>? diagnostics)
    {
        if (stack.Count == 0)
        {
            root = node;
            return;
        }

        var frame = stack[^1];
        switch (frame.Node)
        {
            case YamlSequenceNode seq:
                seq.Add(node);
                break;
            case YamlMappingNode map when frame.PendingKey is null:
                frame.PendingKey = node is YamlScalarNode k ? k.Value : "?";
                frame.PendingKeyLine = node.Line;
                break;
            case YamlMappingNode map:
            {
                var key = frame.PendingKey;
                frame.PendingKey = null;
                if (key == "<<" && node is YamlMappingNode or YamlSequenceNode)
                {
                    Merge(map, node);
                    break;
                }

                if (map[key] is not null && diagnostics is not null)
                {
                    diagnostics.Add(new Diagnostic(source.Path, SourceSpan.At(frame.PendingKeyLine), DiagnosticSeverity.Warning, "yaml.duplicate-key", $"duplicate key '{key}' (first on line {map.KeyLine(key)}); the last value is kept, as PyYAML does"));
                }

                map.Set(key, frame.PendingKeyLine, node);
                break;
            }
        }
    }

    /// <summary>YAML merge keys (`&lt;&lt;: *base`): keys not already present are copied in.</summary>
    private static void Merge(YamlMappingNode into, YamlNode source)
    {
        var sources = source is YamlSequenceNode s ? s.Items : [source];
        foreach (var m in sources.OfType<YamlMappingNode>())
        {
            foreach (var (k, l, v) in m.Entries)
            {
                if (into[k] is null)
                {
                    into.Set(k, l, v);
                }
            }
        }
    }

    private static int FirstLineContaining(SourceText source, params string[] needles)
    {
        var best = int.MaxValue;
        foreach (var n in needles)
        {
            var i = source.Text.IndexOf(n, StringComparison.Ordinal);
            if (i >= 0)
            {
                best = Math.Min(best, i);
            }
        }

        return best == int.MaxValue ? 1 : source.GetPosition(best).Line;
    }

    /// <summary>
    /// Makes Jinja-templated YAML parseable without moving any character: `{% … %}` statements become
    /// comment-like blanks and `{{ … }}` expressions become a same-length placeholder, so line numbers hold.
    /// </summary>
    internal static string NeutralizeJinja(string text)
    {
        var chars = text.ToCharArray();
        var i = 0;
        while (i < chars.Length - 1)
        {
            if (chars[i] == '{' && (chars[i + 1] == '%' || chars[i + 1] == '#' || chars[i + 1] == '{'))
            {
                var close = chars[i + 1] == '{' ? "}}" : chars[i + 1] + "}";
                var end = text.IndexOf(close, i + 2, StringComparison.Ordinal);
                var lineEnd = text.IndexOfAny(['\n', '\r'], i);
                if (end < 0 || (lineEnd >= 0 && end > lineEnd))
                {
                    i++;
                    continue;
                }

                if (chars[i + 1] != '{')
                {
                    for (var j = i; j < end + 2; j++)
                    {
                        chars[j] = ' ';
                    }
                }
                else
                {
                    // Expressions keep their text with look-alike braces so `key: {{ x }}` stays a plain
                    // scalar; the loader maps them back when it builds the scalar.
                    chars[i] = chars[i + 1] = OpenMark;
                    chars[end] = chars[end + 1] = CloseMark;
                }

                i = end + 2;
                continue;
            }

            i++;
        }

        return new string(chars);
    }

    private const char OpenMark = '\u2983';
    private const char CloseMark = '\u2984';

    private static string RestoreJinja(string value) =>
        value.IndexOf(OpenMark) < 0 ? value : value.Replace(OpenMark, '{').Replace(CloseMark, '}');

    private sealed class Frame(YamlNode node)
    {
        public YamlNode Node { get; } = node;
        public string? PendingKey { get; set; }
        public int PendingKeyLine { get; set; }
    }
}
