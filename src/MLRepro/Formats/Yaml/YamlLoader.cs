using System.Globalization;
using MLRepro.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace MLRepro.Formats.Yaml;

/// <summary>
/// The one YAML reader: drives YamlDotNet's event parser (never its recursive object model) into
/// <see cref="YamlNode"/>s, with named limits against hostile input (nesting depth, alias expansion — the
/// "billion laughs" bomb —, node and alias counts, size). Never throws on content: every problem is a diagnostic,
/// and what was read before it is kept. What differs between callers is in <see cref="YamlReadOptions"/>.
/// </summary>
internal static class YamlLoader
{
    /// <summary>Deepest nesting under <see cref="YamlReadOptions.Config"/>.</summary>
    public const int MaxDepth = YamlReadOptions.DefaultMaxDepth;

    /// <summary>Largest text under <see cref="YamlReadOptions.Config"/>.</summary>
    public const int MaxChars = YamlReadOptions.DefaultMaxChars;

    private static readonly string[] Yaml11Booleans = ["yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF"];

    /// <summary>Whether a plain scalar is a YAML 1.1 boolean (as PyYAML resolves them) that YAML 1.2 reads as a string.</summary>
    public static bool IsYaml11Boolean(string s) => Array.IndexOf(Yaml11Booleans, s) >= 0;

    /// <summary>Loads a YAML stream with the <see cref="YamlReadOptions.Config"/> limits.</summary>
    public static YamlStream Load(SourceText source, List<Diagnostic> diagnostics) => Load(source, diagnostics, YamlReadOptions.Config);

    /// <summary>
    /// Loads a YAML stream. <paramref name="firstLine"/> is the line of the text's first character in its file
    /// (front matter starts on line 2): every position reported is shifted by it.
    /// </summary>
    public static YamlStream Load(SourceText source, List<Diagnostic> diagnostics, YamlReadOptions options, int firstLine = 1)
    {
        return new Reader(source, diagnostics, options, firstLine - 1).Read();
    }

    /// <summary>
    /// Makes Jinja-templated YAML parseable without moving any character: `{% … %}` statements and `{# … #}`
    /// comments become blanks (line breaks kept, so a statement may span lines) and `{{ … }}` expressions keep
    /// their text with look-alike braces, so `key: {{ x }}` stays a plain scalar and line numbers hold.
    /// </summary>
    internal static string NeutralizeJinja(string text)
    {
        var chars = text.ToCharArray();
        var i = 0;
        while (i < chars.Length - 1)
        {
            if (chars[i] == '{' && (chars[i + 1] == '%' || chars[i + 1] == '#' || chars[i + 1] == '{'))
            {
                var expression = chars[i + 1] == '{';
                var close = expression ? "}}" : chars[i + 1] + "}";
                var end = text.IndexOf(close, i + 2, StringComparison.Ordinal);
                var lineEnd = text.IndexOfAny(['\n', '\r'], i);
                if (end < 0 || (expression && lineEnd >= 0 && end > lineEnd))
                {
                    i++;
                    continue;
                }

                if (!expression)
                {
                    for (var j = i; j < end + 2; j++)
                    {
                        if (chars[j] is not ('\n' or '\r'))
                        {
                            chars[j] = ' ';
                        }
                    }
                }
                else
                {
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

    /// <summary>Maps neutralised expressions back: to their text, or each one to a placeholder.</summary>
    private static string RestoreJinja(string value, string? placeholder)
    {
        if (value.IndexOf(OpenMark) < 0)
        {
            return value;
        }

        if (placeholder is null)
        {
            return value.Replace(OpenMark, '{').Replace(CloseMark, '}');
        }

        var sb = new System.Text.StringBuilder(value.Length);
        var i = 0;
        while (i < value.Length)
        {
            var open = value.IndexOf(OpenMark, i);
            var close = open < 0 ? -1 : value.IndexOf(CloseMark, open + 2);
            if (open < 0 || close < 0)
            {
                sb.Append(value, i, value.Length - i);
                break;
            }

            sb.Append(value, i, open - i).Append(placeholder);
            i = close + 2;
        }

        return sb.ToString();
    }

    private static string Shorten(string s)
    {
        s = s.Replace('\n', ' ').Replace('\r', ' ');
        return s.Length > 200 ? s[..200] + "…" : s;
    }

    /// <summary>Keys longer than this are clipped in messages.</summary>
    private const int MaxKeyInMessage = 80;

    private static string Clip(string s) => s.Length <= MaxKeyInMessage ? s : s[..(MaxKeyInMessage - 3)] + "...";

    /// <summary>Reading stops here (a count limit was passed); what was built is kept.</summary>
    private sealed class StopReading : Exception;

    private sealed class Frame(YamlNode node, AnchorName anchor)
    {
        public YamlNode Node { get; } = node;

        public AnchorName Anchor { get; } = anchor;

        public string? PendingKey { get; set; }

        public int PendingKeyLine { get; set; }
    }

    /// <summary>One read: the state of the event loop.</summary>
    private sealed class Reader(SourceText source, List<Diagnostic> diagnostics, YamlReadOptions options, int lineShift)
    {
        private readonly List<YamlNode> _docs = [];
        private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);
        private readonly List<Frame> _stack = [];
        private YamlNode? _root;
        private long _expanded;
        private long _nodes;
        private int _aliases;
        private bool _expansionReported;
        private bool _depthReported;
        private bool _limitReported;
        private int _lastLine = 1;

        public YamlStream Read()
        {
            var text = source.Text;
            if (text.Length > options.MaxChars)
            {
                diagnostics.Add(new Diagnostic(source.Path, null, DiagnosticSeverity.Info, "yaml.too-large", $"{text.Length} characters is past the {options.MaxChars} limit for YAML; not read"));
                return new YamlStream(_docs);
            }

            text = Prepare(text);

            // YamlDotNet's scanner slows down sharply with deep flow nesting ("[[[[…" takes seconds at 10,000
            // levels), so deep brackets are refused by a light scan before parsing.
            if (BracketNesting.FirstBeyond(text, options.MaxDepth) is var flowAt and >= 0)
            {
                diagnostics.Add(new Diagnostic(source.Path, SourceSpan.At(Shift(source.GetPosition(flowAt).Line)), options.DepthSeverity, options.DepthCode, $"brackets nested deeper than {options.MaxDepth} levels; the file is not read"));
                return new YamlStream(_docs);
            }

            try
            {
                Parse(text);
            }
            catch (StopReading)
            {
                KeepPartial();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // YamlDotNet reports bad syntax as YamlException, but some inputs make its scanner throw other
                // exceptions (InvalidOperationException on "k:\n{\nk:"): every one of them is a syntax diagnostic.
                // Those carry no position: the end of the last event read is where parsing stopped.
                var (at, message) = e is YamlException ye
                    ? (SourceSpan.At(ToLine(ye.Start), ToCol(ye.Start)), Shorten(e.Message))
                    : (SourceSpan.At(_lastLine), "the parser stopped after this line (an unclosed bracket or quote?)");
                diagnostics.Add(new Diagnostic(source.Path, at, DiagnosticSeverity.Error, "yaml.syntax", options.SyntaxMessagePrefix + message));
                KeepPartial();
            }

            return new YamlStream(_docs);
        }

        /// <summary>Jinja and control-character checks; returns the text to parse (same length, same lines).</summary>
        private string Prepare(string text)
        {
            var markers = text.Contains("{{", StringComparison.Ordinal) || text.Contains("{%", StringComparison.Ordinal);
            if ((options.Jinja == YamlJinja.Warn && markers) || (options.Jinja == YamlJinja.Note && (markers || text.Contains("{#", StringComparison.Ordinal))))
            {
                var neutral = NeutralizeJinja(text);
                if (options.Jinja == YamlJinja.Warn)
                {
                    var line = FirstLineContaining(text, "{{", "{%");
                    diagnostics.Add(new Diagnostic(source.Path, SourceSpan.At(line), DiagnosticSeverity.Warning, "yaml.jinja-template", "the file contains Jinja template markers ({{ }} or {% %}); it is rendered by a tool before use, so values are read as written (best effort)"));
                }
                else if (options.Jinja == YamlJinja.Note && !string.Equals(neutral, text, StringComparison.Ordinal))
                {
                    diagnostics.Add(new Diagnostic(source.Path, null, DiagnosticSeverity.Info, "yaml.template", "templated YAML: Jinja tags were ignored"));
                }

                text = neutral;
            }

            if (options.ReportControlCharacters)
            {
                // YAML forbids C0 control characters other than tab and line breaks; report the first one.
                var ctl = text.AsSpan().IndexOfAnyInRange('\u0000', '\u0008');
                var ctl2 = text.AsSpan().IndexOfAnyInRange('\u000B', '\u001F');
                var first = ctl < 0 ? ctl2 : ctl2 < 0 ? ctl : Math.Min(ctl, ctl2);
                if (first >= 0 && text[first] != '\r')
                {
                    var (l, c) = source.GetPosition(first);
                    diagnostics.Add(new Diagnostic(source.Path, SourceSpan.At(Shift(l), c), DiagnosticSeverity.Warning, "yaml.control-character", $"control character U+{((int)text[first]).ToString("X4", CultureInfo.InvariantCulture)} is not allowed in YAML"));
                }
            }

            return text;
        }

        private void Parse(string text)
        {
            var skipDepth = 0;
            var parser = new Parser(new Scanner(new StringReader(text), skipComments: true));
            while (parser.MoveNext())
            {
                var ev = parser.Current!;
                _lastLine = ToLine(ev.End);
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
                            // The skipped collection counts as one (null) value of its parent.
                            Attach(YamlScalarNode.Empty(ToLine(ev.Start), ToCol(ev.Start)), true);
                        }
                    }

                    continue;
                }

                switch (ev)
                {
                    case DocumentStart:
                        _anchors.Clear();
                        _root = null;
                        _expanded = 0;
                        break;
                    case DocumentEnd:
                        if (_docs.Count >= options.MaxDocuments)
                        {
                            diagnostics.Add(new Diagnostic(source.Path, SourceSpan.At(ToLine(ev.Start)), DiagnosticSeverity.Info, "yaml.too-many-documents", $"only the first {options.MaxDocuments} documents are read"));
                            return;
                        }

                        _docs.Add(_root ?? YamlScalarNode.Empty(Shift(1), 1));
                        _root = null;
                        if (options.SingleDocument)
                        {
                            return;
                        }

                        break;
                    case Scalar s:
                    {
                        var node = new YamlScalarNode(ToLine(s.Start), ToCol(s.Start), RestoreJinja(s.Value, options.Jinja == YamlJinja.Note ? YamlReadOptions.JinjaPlaceholder : null), s.Style == ScalarStyle.Plain, s.Tag.IsEmpty || s.Tag.IsNonSpecific ? null : s.Tag.Value, s.Style is ScalarStyle.Literal or ScalarStyle.Folded);
                        Remember(s.Anchor, node);
                        Count(1, node.Line);
                        Attach(node, true);
                        break;
                    }

                    case AnchorAlias a:
                        Attach(Resolve(a), true);
                        break;
                    case MappingStart or SequenceStart:
                    {
                        if (_stack.Count >= options.MaxDepth)
                        {
                            if (!_depthReported)
                            {
                                diagnostics.Add(new Diagnostic(source.Path, SourceSpan.At(ToLine(ev.Start), ToCol(ev.Start)), options.DepthSeverity, options.DepthCode, $"nesting deeper than {options.MaxDepth} levels is not read"));
                                _depthReported = true;
                            }

                            skipDepth = 1;
                            break;
                        }

                        YamlNode node = ev is MappingStart ? new YamlMappingNode(ToLine(ev.Start), ToCol(ev.Start)) : new YamlSequenceNode(ToLine(ev.Start), ToCol(ev.Start));
                        Count(1, node.Line);
                        _stack.Add(new Frame(node, ((NodeEvent)ev).Anchor));
                        break;
                    }

                    case MappingEnd or SequenceEnd:
                    {
                        var frame = _stack[^1];
                        _stack.RemoveAt(_stack.Count - 1);

                        // A collection's anchor names it once complete: an alias inside it ("&a [*a]") would make
                        // the tree a cycle, which every consumer's walk would follow forever.
                        Remember(frame.Anchor, frame.Node);
                        Attach(frame.Node, true);
                        break;
                    }
                }
            }
        }

        private YamlNode Resolve(AnchorAlias a)
        {
            var line = ToLine(a.Start);
            var col = ToCol(a.Start);
            if (options.MaxAliases > 0 && ++_aliases > options.MaxAliases)
            {
                Limit(line, col, $"more than {options.MaxAliases} aliases (possible alias bomb)");
                throw new StopReading();
            }

            if (!_anchors.TryGetValue(a.Value.Value, out var target))
            {
                diagnostics.Add(new Diagnostic(source.Path, SourceSpan.At(line, col), DiagnosticSeverity.Warning, "yaml.unknown-alias", $"alias *{a.Value.Value} names no anchor"));
                return YamlScalarNode.Empty(line, col);
            }

            if (_expanded + target.ExpandedSize > options.MaxExpandedNodes)
            {
                if (!_expansionReported)
                {
                    var message = $"alias expansion would exceed {options.MaxExpandedNodes} nodes (an alias bomb?); further aliases read as null";
                    if (options.LimitCode is null)
                    {
                        diagnostics.Add(new Diagnostic(source.Path, SourceSpan.At(line, col), DiagnosticSeverity.Error, "yaml.alias-limit", message));
                    }
                    else
                    {
                        Limit(line, col, message);
                    }

                    _expansionReported = true;
                }

                return YamlScalarNode.Empty(line, col);
            }

            _expanded += target.ExpandedSize;
            Count(0, line);
            return target;
        }

        /// <summary>Counts built nodes against <see cref="YamlReadOptions.MaxNodes"/> (aliases count what they reach).</summary>
        private void Count(long built, int line)
        {
            _expanded += built;
            _nodes += built;
            if (options.MaxNodes > 0 && Math.Max(_nodes, _expanded) > options.MaxNodes)
            {
                var message = $"more than {options.MaxNodes} nodes; reading stopped";
                if (options.LimitCode is null)
                {
                    diagnostics.Add(new Diagnostic(source.Path, SourceSpan.At(line), DiagnosticSeverity.Error, "yaml.too-large", message));
                }
                else
                {
                    Limit(line, 0, message);
                }

                throw new StopReading();
            }
        }

        private void Limit(int line, int col, string message)
        {
            if (!_limitReported)
            {
                var code = options.LimitCode ?? "yaml.alias-limit";
                var severity = options.LimitCode is null ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
                diagnostics.Add(new Diagnostic(source.Path, col > 0 ? SourceSpan.At(line, col) : SourceSpan.At(line), severity, code, "YAML not fully read: " + message));
                _limitReported = true;
            }
        }

        /// <summary>Keeps what was built before reading stopped: open frames are closed so partial content survives.</summary>
        private void KeepPartial()
        {
            while (_stack.Count > 0)
            {
                var frame = _stack[^1];
                _stack.RemoveAt(_stack.Count - 1);
                if (frame.PendingKey is not null && frame.Node is YamlMappingNode m)
                {
                    m.Set(frame.PendingKey, frame.PendingKeyLine, YamlScalarNode.Empty(frame.PendingKeyLine, 1));
                }

                Attach(frame.Node, false);
            }

            if (_root is not null && (!options.SingleDocument || _docs.Count == 0))
            {
                _docs.Add(_root);
            }
        }

        private int Shift(int line) => (int)Math.Min(int.MaxValue, (long)line + lineShift);

        private int ToLine(Mark m) => Shift((int)Math.Min(int.MaxValue, Math.Max(1, m.Line)));

        private static int ToCol(Mark m) => (int)Math.Min(int.MaxValue, Math.Max(1, m.Column));

        private void Remember(AnchorName anchor, YamlNode node)
        {
            if (!anchor.IsEmpty)
            {
                _anchors[anchor.Value] = node;
            }
        }

        private void Attach(YamlNode node, bool report)
        {
            if (_stack.Count == 0)
            {
                _root = node;
                return;
            }

            var frame = _stack[^1];
            switch (frame.Node)
            {
                case YamlSequenceNode seq:
                    seq.Add(node);
                    break;
                case YamlMappingNode when frame.PendingKey is null:
                    // Complex keys (collections) read as "?".
                    frame.PendingKey = node is YamlScalarNode k ? k.Value : "?";
                    frame.PendingKeyLine = node.Line;
                    break;
                case YamlMappingNode map:
                {
                    var key = frame.PendingKey;
                    frame.PendingKey = null;
                    if (options.MergeKeys && key == "<<" && node is YamlMappingNode or YamlSequenceNode)
                    {
                        Merge(map, node);
                        break;
                    }

                    if (report && options.ReportDuplicateKeys && map.ContainsKey(key))
                    {
                        diagnostics.Add(new Diagnostic(source.Path, SourceSpan.At(frame.PendingKeyLine), DiagnosticSeverity.Warning, "yaml.duplicate-key", string.Format(CultureInfo.InvariantCulture, options.DuplicateKeyMessage, Clip(key), map.KeyLine(key))));
                    }

                    if (options.KeepRepeatedKeys)
                    {
                        map.Append(key, frame.PendingKeyLine, node);
                    }
                    else
                    {
                        map.Set(key, frame.PendingKeyLine, node);
                    }

                    break;
                }
            }
        }

        /// <summary>YAML merge keys (`&lt;&lt;: *base`, `&lt;&lt;: [*a, *b]`): keys not already present are copied in.</summary>
        private static void Merge(YamlMappingNode into, YamlNode source)
        {
            var sources = source is YamlSequenceNode s ? s.Items : [source];
            foreach (var m in sources.OfType<YamlMappingNode>())
            {
                foreach (var (k, l, v) in m.Entries)
                {
                    if (!into.ContainsKey(k))
                    {
                        into.Set(k, l, v);
                    }
                }
            }
        }

        private int FirstLineContaining(string text, params string[] needles)
        {
            var best = int.MaxValue;
            foreach (var n in needles)
            {
                var i = text.IndexOf(n, StringComparison.Ordinal);
                if (i >= 0)
                {
                    best = Math.Min(best, i);
                }
            }

            return Shift(best == int.MaxValue ? 1 : source.GetPosition(best).Line);
        }
    }
}
