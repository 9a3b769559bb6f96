using System.Text.RegularExpressions;
using MLRepro.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace MLRepro.Formats.Dependencies;

/// <summary>A YAML node with its 1-based line. Aliases share the anchored node (never copied).</summary>
public abstract class YNode(int line)
{
    /// <summary>1-based line where the node starts.</summary>
    public int Line { get; } = line;

    /// <summary>Nodes this one stands for once aliases are expanded (saturating).</summary>
    internal long Size { get; set; } = 1;

    /// <summary>The scalar value, or null for collections.</summary>
    public virtual string? Scalar => null;
}

/// <summary>A YAML scalar.</summary>
public sealed class YScalar(int line, string value, bool plain) : YNode(line)
{
    /// <summary>The value as text.</summary>
    public string Value { get; } = value;

    /// <summary>Whether it was written without quotes.</summary>
    public bool Plain { get; } = plain;

    /// <inheritdoc />
    public override string? Scalar => Value;
}

/// <summary>A YAML sequence.</summary>
public sealed class YSeq(int line) : YNode(line)
{
    /// <summary>Items in order.</summary>
    public List<YNode> Items { get; } = [];
}

/// <summary>A YAML mapping. Duplicate keys: the last one wins (as PyYAML does), with a diagnostic.</summary>
public sealed class YMap(int line) : YNode(line)
{
    private readonly List<(string Key, int KeyLine, YNode Value)> _entries = [];
    private readonly Dictionary<string, int> _last = new(StringComparer.Ordinal);

    /// <summary>Entries in order (key text, key line, value).</summary>
    public IReadOnlyList<(string Key, int KeyLine, YNode Value)> Entries => _entries;

    /// <summary>Whether the key is present.</summary>
    public bool ContainsKey(string key) => _last.ContainsKey(key);

    /// <summary>Appends an entry (a repeated key shadows the earlier one for <see cref="Get"/>).</summary>
    internal void Add(string key, int keyLine, YNode value)
    {
        _last[key] = _entries.Count;
        _entries.Add((key, keyLine, value));
    }

    /// <summary>The value of a key (last occurrence), or null.</summary>
    public YNode? Get(string key) => _last.TryGetValue(key, out var i) ? _entries[i].Value : null;

    /// <summary>The scalar text of a key, or null.</summary>
    public string? GetString(string key) => Get(key)?.Scalar;
}

/// <summary>
/// Loads the first YAML document into a small tree, driving YamlDotNet's event parser iteratively so depth,
/// alias expansion and node counts are bounded and nothing can overflow the stack. Never throws on content.
/// </summary>
public static partial class YamlTree
{
    /// <summary>Deepest nesting accepted.</summary>
    public const int MaxDepth = 128;

    /// <summary>Most nodes, counting alias expansions, before loading stops ("billion laughs" guard).</summary>
    public const long MaxExpandedNodes = 200_000;

    /// <summary>What a Jinja expression ("{{ version }}") is replaced with; values containing it are unknown.</summary>
    public const string JinjaPlaceholder = "__jinja__";

    /// <summary>Loads a YAML text. Returns the root (null for an empty or unreadable document) and diagnostics.</summary>
    public static YNode? Load(SourceText source, List<Diagnostic> diagnostics)
    {
        var path = source.Path;
        var text = source.Text;
        if (text.Contains("{%", StringComparison.Ordinal) || text.Contains("{{", StringComparison.Ordinal))
        {
            // Jinja-templated YAML (conda recipes, cookiecutter): blank statements, neutralize expressions, keep lines.
            var before = text;
            text = JinjaStatement().Replace(text, m => new string(' ', m.Length));
            text = JinjaExpression().Replace(text, JinjaPlaceholder);
            if (!ReferenceEquals(before, text))
            {
                diagnostics.Add(new Diagnostic(path, null, DiagnosticSeverity.Info, "yaml.template", "templated YAML: Jinja tags were ignored"));
            }
        }

        // YAML forbids C0 control characters other than tab and line breaks; report the first one.
        var ctl = text.AsSpan().IndexOfAnyInRange('\u0000', '\u0008');
        var ctl2 = text.AsSpan().IndexOfAnyInRange('\u000B', '\u001F');
        var firstCtl = ctl < 0 ? ctl2 : ctl2 < 0 ? ctl : Math.Min(ctl, ctl2);
        if (firstCtl >= 0 && text[firstCtl] != '\r')
        {
            var (l, c) = source.GetPosition(firstCtl);
            diagnostics.Add(new Diagnostic(path, SourceSpan.At(l, c), DiagnosticSeverity.Warning, "yaml.control-character", $"control character U+{(int)text[firstCtl]:X4} is not allowed in YAML"));
        }

        var stack = new Stack<(YNode Node, string? PendingKey, int PendingLine)>();
        var anchors = new Dictionary<string, YNode>(StringComparer.Ordinal);
        YNode? root = null;
        long total = 0;
        try
        {
            var parser = new Parser(new Scanner(new StringReader(text), skipComments: true));
            while (parser.MoveNext())
            {
                var ev = parser.Current;
                YNode? node = null;
                switch (ev)
                {
                    case DocumentEnd when root is not null:
                        return root; // only the first document matters for the formats read here
                    case Scalar s:
                        node = new YScalar((int)s.Start.Line, s.Value, s.Style == ScalarStyle.Plain);
                        Anchor(s, node);
                        break;
                    case SequenceStart ss:
                        if (stack.Count >= MaxDepth)
                        {
                            diagnostics.Add(new Diagnostic(path, SourceSpan.At((int)ss.Start.Line), DiagnosticSeverity.Error, "yaml.too-deep", $"nesting deeper than {MaxDepth} levels; the rest was not read"));
                            return root ?? (stack.Count > 0 ? stack.Last().Node : null);
                        }

                        var seq = new YSeq((int)ss.Start.Line);
                        Anchor(ss, seq);
                        Count(1);
                        stack.Push((seq, null, 0));
                        continue;
                    case MappingStart ms:
                        if (stack.Count >= MaxDepth)
                        {
                            diagnostics.Add(new Diagnostic(path, SourceSpan.At((int)ms.Start.Line), DiagnosticSeverity.Error, "yaml.too-deep", $"nesting deeper than {MaxDepth} levels; the rest was not read"));
                            return root ?? (stack.Count > 0 ? stack.Last().Node : null);
                        }

                        var map = new YMap((int)ms.Start.Line);
                        Anchor(ms, map);
                        Count(1);
                        stack.Push((map, null, 0));
                        continue;
                    case SequenceEnd or MappingEnd:
                        var done = stack.Pop().Node;
                        node = done;
                        break;
                    case AnchorAlias a:
                        if (!anchors.TryGetValue(a.Value.Value, out var target))
                        {
                            diagnostics.Add(new Diagnostic(path, SourceSpan.At((int)a.Start.Line), DiagnosticSeverity.Warning, "yaml.unknown-alias", $"alias *{a.Value.Value} has no anchor"));
                            node = new YScalar((int)a.Start.Line, string.Empty, true);
                        }
                        else
                        {
                            node = target;
                            if (total + target.Size > MaxExpandedNodes)
                            {
                                diagnostics.Add(new Diagnostic(path, SourceSpan.At((int)a.Start.Line), DiagnosticSeverity.Error, "yaml.alias-limit", $"aliases expand to more than {MaxExpandedNodes} nodes (a \"billion laughs\" document?); loading stopped"));
                                return null;
                            }

                            total += target.Size;
                        }

                        break;
                    default:
                        continue;
                }

                if (node is YScalar)
                {
                    Count(1);
                }

                if (total > MaxExpandedNodes)
                {
                    diagnostics.Add(new Diagnostic(path, SourceSpan.At(node.Line), DiagnosticSeverity.Error, "yaml.too-large", $"more than {MaxExpandedNodes} nodes; loading stopped"));
                    return null;
                }

                if (stack.Count == 0)
                {
                    root ??= node;
                    continue;
                }

                var (parent, pendingKey, pendingLine) = stack.Pop();
                if (parent is YSeq ps)
                {
                    ps.Items.Add(node);
                    ps.Size = Sat(ps.Size + node.Size);
                    stack.Push((ps, null, 0));
                }
                else if (parent is YMap pm)
                {
                    if (pendingKey is null)
                    {
                        // This node is a key; complex keys are read as their scalar text or "".
                        stack.Push((pm, node.Scalar ?? string.Empty, node.Line));
                    }
                    else
                    {
                        if (pendingKey != "<<" && pm.ContainsKey(pendingKey))
                        {
                            diagnostics.Add(new Diagnostic(path, SourceSpan.At(pendingLine), DiagnosticSeverity.Warning, "yaml.duplicate-key", $"duplicate key '{RequirementSpec.Clip(pendingKey)}'; the last value is used"));
                        }

                        if (pendingKey == "<<" && node is YMap merged)
                        {
                            // Merge keys: copy entries not already present.
                            foreach (var e in merged.Entries)
                            {
                                if (!pm.ContainsKey(e.Key))
                                {
                                    pm.Add(e.Key, e.KeyLine, e.Value);
                                }
                            }
                        }
                        else
                        {
                            pm.Add(pendingKey, pendingLine, node);
                        }

                        pm.Size = Sat(pm.Size + node.Size);
                        stack.Push((pm, null, 0));
                    }
                }
            }
        }
        catch (YamlException e)
        {
            diagnostics.Add(new Diagnostic(path, SourceSpan.At(Math.Max(1, (int)e.Start.Line), Math.Max(1, (int)e.Start.Column)), DiagnosticSeverity.Error, "yaml.syntax", Flatten(e.Message)));
            return root ?? (stack.Count > 0 ? stack.Last().Node : null);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            diagnostics.Add(new Diagnostic(path, null, DiagnosticSeverity.Error, "yaml.syntax", Flatten(e.Message)));
            return root ?? (stack.Count > 0 ? stack.Last().Node : null);
        }

        return root;

        void Anchor(NodeEvent e, YNode n)
        {
            if (!e.Anchor.IsEmpty)
            {
                anchors[e.Anchor.Value] = n;
            }
        }

        void Count(long n) => total += n;
    }

    private static long Sat(long v) => Math.Min(v, long.MaxValue / 4);

    private static string Flatten(string s) => s.Replace('\n', ' ').Replace('\r', ' ');

    [GeneratedRegex(@"\{%.*?%\}|\{#.*?#\}", RegexOptions.Singleline)]
    private static partial Regex JinjaStatement();

    [GeneratedRegex(@"\{\{.*?\}\}")]
    private static partial Regex JinjaExpression();
}
