using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;
using MLRepro.Formats.Notebook;
using MLRepro.Text;

namespace MLRepro.Python;

/// <summary>
/// Builds a <see cref="ModuleSummary"/> from tokens in two linear passes: imports first (so a name used in a
/// function before the import statement still resolves), then calls, assignments and definitions with an
/// explicit bracket stack (no recursion on nesting). F-string replacement fields are tokenized and walked in
/// turn from a work queue, to a bounded depth.
/// </summary>
internal sealed class ModuleSummaryBuilder
{
    /// <summary>Nesting of f-strings inside f-string fields followed; deeper ones are reported.</summary>
    public const int MaxFStringNesting = 32;

    /// <summary>Files longer than this (characters) are summarized only up to it.</summary>
    public const int MaxSourceChars = 16 * 1024 * 1024;

    /// <summary>Types of objects returned by well-known factories, so <c>rng.normal()</c> resolves.</summary>
    internal static readonly FrozenDictionary<string, string> FactoryTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["numpy.random.default_rng"] = "numpy.random.Generator",
        ["numpy.random.Generator"] = "numpy.random.Generator",
        ["numpy.random.RandomState"] = "numpy.random.RandomState",
        ["random.Random"] = "random.Random",
        ["random.SystemRandom"] = "random.SystemRandom",
        ["torch.Generator"] = "torch.Generator",
        ["torch.Generator.manual_seed"] = "torch.Generator",
        ["tensorflow.random.Generator.from_seed"] = "tensorflow.random.Generator",
        ["jax.random.PRNGKey"] = "jax.Array",
        ["argparse.ArgumentParser"] = "argparse.ArgumentParser",
        ["argparse.ArgumentParser.add_argument_group"] = "argparse.ArgumentParser",
        ["argparse.ArgumentParser.add_mutually_exclusive_group"] = "argparse.ArgumentParser",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly PythonLiteral TrueLiteral = new(LiteralKind.Bool, true);
    private static readonly PythonLiteral FalseLiteral = new(LiteralKind.Bool, false);
    private static readonly PythonLiteral NoneLiteral = new(LiteralKind.None, null);

    private readonly string _s;
    private readonly string _path;
    private readonly NotebookDocument? _notebook;
    private readonly List<PythonImport> _imports = [];
    private readonly Dictionary<string, string> _bindings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _varTypes;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _bindingLookup;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _varTypeLookup;
    private readonly Dictionary<string, CallArgument?> _handles;
    private readonly List<(int Offset, PythonCall Call, string? Param)> _calls;
    private readonly List<PythonAssignment> _assignments;
    private readonly List<PythonStringLiteral> _strings;
    private readonly HashSet<string> _names;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _nameLookup;
    private readonly List<PythonDecorator> _decorators = [];
    private readonly List<PythonFunction> _functions = [];
    private readonly List<PythonClass> _classes = [];

    /// <summary>Definitions whose body is still open while walking: (is a class, index in its list, indent of the def,
    /// whether its indented body has started).</summary>
    private readonly List<(bool IsClass, int Index, int Indent, bool HasBody)> _openDefinitions = [];
    private readonly List<Diagnostic> _diags = [];
    private readonly Queue<(FStringField Field, int Depth)> _fieldQueue;
    private readonly StringBuilder _sb;
    private readonly List<string> _scratch;
    private readonly HashSet<string> _intern;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _internLookup;
    private readonly Stack<Frame> _framePool;
    private readonly List<Frame> _walkFrames;
    private readonly List<(string Name, int Indent)> _walkClasses;
    private readonly Dictionary<string, ImmutableArray<string>> _singleNames;
    private readonly Dictionary<string, PythonLiteral> _literals;
    private readonly Dictionary<string, PythonLiteral> _stringLiterals;
    private int? _mainGuard;
    private int _tokenCount;

    private readonly StringPool? _pool;

    /// <summary>A module's builder collections are reused by the next module summarized on the same thread (no regrowth).</summary>
    [ThreadStatic]
    private static Scratch? t_scratch;

    private ModuleSummaryBuilder(string path, string text, NotebookDocument? notebook, StringPool? pool, Scratch scratch)
    {
        _varTypes = scratch.VarTypes;
        _fieldQueue = scratch.FieldQueue;
        _sb = scratch.Text;
        _scratch = scratch.NameList;
        _framePool = scratch.FramePool;
        _walkFrames = scratch.WalkFrames;
        _walkClasses = scratch.WalkClasses;
        _handles = scratch.Handles;
        _calls = scratch.Calls;
        _assignments = scratch.Assignments;
        _strings = scratch.Strings;
        _names = scratch.Names;
        _intern = scratch.Intern;
        _singleNames = scratch.SingleNames;
        _literals = scratch.Literals;
        _stringLiterals = scratch.StringLiterals;
        _pool = pool;
        _path = path;
        _s = text;
        _notebook = notebook;
        _nameLookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
        _varTypeLookup = _varTypes.GetAlternateLookup<ReadOnlySpan<char>>();
        _bindingLookup = _bindings.GetAlternateLookup<ReadOnlySpan<char>>();
        _internLookup = _intern.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static ModuleSummary Build(string path, string text, NotebookDocument? notebook, StringPool? pool = null)
    {
        // Taken, not shared: a summary that fails half-way never hands dirty collections to the next one.
        var scratch = t_scratch ?? new Scratch();
        t_scratch = null;
        var b = new ModuleSummaryBuilder(path, text.Length > MaxSourceChars ? text[..MaxSourceChars] : text, notebook, pool, scratch);
        if (text.Length > MaxSourceChars)
        {
            b._diags.Add(new Diagnostic(path, null, DiagnosticSeverity.Info, "python.too-long", $"only the first {MaxSourceChars} characters were summarized"));
        }

        var summary = b.Run();
        if (scratch.Clear())
        {
            t_scratch = scratch;
        }

        return summary;
    }

    /// <summary>The collections of a builder that never escape into its summary (they are copied out).</summary>
    private sealed class Scratch
    {
        /// <summary>Collections that grew past this many items are dropped rather than kept for the thread's lifetime.</summary>
        private const int MaxKeptItems = 16_384;

        public readonly Dictionary<string, string> VarTypes = new(StringComparer.Ordinal);
        public readonly Dictionary<string, CallArgument?> Handles = new(StringComparer.Ordinal);
        public readonly List<(int Offset, PythonCall Call, string? Param)> Calls = [];
        public readonly List<PythonAssignment> Assignments = [];
        public readonly List<PythonStringLiteral> Strings = [];
        public readonly HashSet<string> Names = new(StringComparer.Ordinal);
        public readonly HashSet<string> Intern = new(StringComparer.Ordinal);
        public readonly Dictionary<string, ImmutableArray<string>> SingleNames = new(StringComparer.Ordinal);
        public readonly Dictionary<string, PythonLiteral> Literals = new(StringComparer.Ordinal);
        public readonly Dictionary<string, PythonLiteral> StringLiterals = new(StringComparer.Ordinal);
        public readonly Queue<(FStringField Field, int Depth)> FieldQueue = new();
        public readonly StringBuilder Text = new();
        public readonly List<string> NameList = [];
        public readonly Stack<Frame> FramePool = new();
        public readonly List<Frame> WalkFrames = [];
        public readonly List<(string Name, int Indent)> WalkClasses = [];

        /// <summary>Empties every collection; false when they grew too large to keep.</summary>
        public bool Clear()
        {
            var small = Intern.Count <= MaxKeptItems && Names.Count <= MaxKeptItems && Calls.Count <= MaxKeptItems &&
                Assignments.Count <= MaxKeptItems && Strings.Count <= MaxKeptItems && Literals.Count <= MaxKeptItems &&
                StringLiterals.Count <= MaxKeptItems && SingleNames.Count <= MaxKeptItems && VarTypes.Count <= MaxKeptItems && Handles.Count <= MaxKeptItems;
            VarTypes.Clear();
            Handles.Clear();
            Calls.Clear();
            Assignments.Clear();
            Strings.Clear();
            Names.Clear();
            Intern.Clear();
            SingleNames.Clear();
            Literals.Clear();
            StringLiterals.Clear();
            FieldQueue.Clear();
            Text.Clear();
            NameList.Clear();
            WalkFrames.Clear();
            WalkClasses.Clear();
            foreach (var f in FramePool)
            {
                // Frames keep their argument lists (capacity) but not the last module's arguments and names.
                f.Args?.Clear();
                f.Raw = string.Empty;
                f.Target = string.Empty;
                f.Param = null;
            }

            return small && FramePool.Count <= MaxKeptItems && Text.Capacity <= MaxKeptItems;
        }
    }

    /// <summary>
    /// An assignment with nothing after its operator on the logical line (<c>x = # YOUR CODE HERE</c>, a course template's blank):
    /// CPython rejects the file with a SyntaxError before running any of it. Inside brackets a line break is no logical line end
    /// (<c>help=</c> followed by the value on the next line), and the tokenizer marks it NL, not NEWLINE.
    /// </summary>
    private void ReportValuelessAssignment(Toks t, int count)
    {
        for (var i = 0; i + 1 < count; i++)
        {
            // '=' and the augmented operators ('+=', '//='), not the comparisons ending in '='.
            if (t[i].Kind != TokenKind.Op || t[i].Length > 3 || _s[t[i].Offset + t[i].Length - 1] != '='
                || (t[i].Length == 2 && _s[t[i].Offset] is '=' or '!' or '<' or '>'))
            {
                continue;
            }

            var j = i + 1;
            while (j < count && t[j].Kind == TokenKind.Comment)
            {
                j++;
            }

            if (j < count && t[j].Kind is TokenKind.Newline or TokenKind.EndMarker)
            {
                _diags.Add(new Diagnostic(_path, SourceSpan.At(t[i].Line, t[i].Column), DiagnosticSeverity.Error, "python.empty-assignment",
                    $"invalid syntax: nothing is assigned after '{t[i].Text(_s)}'"));
                return;
            }
        }
    }

    private ModuleSummary Run()
    {
        var result = Tokenizer.TokenizePooled(_s, 0, _s.Length, 1, 1, _path, expression: false);
        _diags.AddRange(result.Diagnostics);
        var t = result.Tokens;
        _tokenCount = result.Count;
        ReportValuelessAssignment(t, result.Count);
        CollectImports(t);
        foreach (var imp in _imports)
        {
            if (imp.BoundName is { } bound && imp.QualifiedName is { } q)
            {
                _bindings.TryAdd(bound, q);
            }
        }

        Walk(t, expression: false);
        System.Buffers.ArrayPool<Token>.Shared.Return(result.Buffer);
        EnqueueFields(result.FStringFields, 1);
        while (_fieldQueue.Count > 0)
        {
            var (f, depth) = _fieldQueue.Dequeue();
            if (depth > MaxFStringNesting)
            {
                _diags.Add(new Diagnostic(_path, SourceSpan.At(f.Line, f.Column), DiagnosticSeverity.Info, "python.fstring-too-deep", $"f-strings nested deeper than {MaxFStringNesting} levels were not summarized"));
                continue;
            }

            var sub = Tokenizer.TokenizePooled(_s, f.Start, f.End, f.Line, f.Column, _path, expression: true);
            Walk(sub.Tokens, expression: true);
            System.Buffers.ArrayPool<Token>.Shared.Return(sub.Buffer);
            EnqueueFields(sub.FStringFields, depth + 1);
        }

        var calls = SortedCalls();
        var callArray = ImmutableArray.CreateBuilder<PythonCall>(calls.Length);
        foreach (var c in calls)
        {
            callArray.Add(c.Call);
        }

        var callList = callArray.MoveToImmutable();
        var lineCount = 1;
        foreach (var c in _s)
        {
            if (c == '\n')
            {
                lineCount++;
            }
        }

        return new ModuleSummary(
            _path,
            [.. _imports],
            new System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(_bindings),
            callList,
            [.. _assignments],
            IsInOrder(_strings, static (x, y) => x.Line < y.Line || (x.Line == y.Line && x.Column <= y.Column)) ? [.. _strings] : [.. _strings.OrderBy(s => s.Line).ThenBy(s => s.Column)],
            new NameSet(_names),
            IsInOrder(_decorators, static (x, y) => x.Line <= y.Line) ? [.. _decorators] : [.. _decorators.OrderBy(d => d.Line)],
            _mainGuard,
            [.. _functions],
            [.. _classes],
            CliOptionExtractor.Extract(calls, _decorators, _assignments),
            ReadExtractor.Extract(callList, _handles),
            [.. _diags],
            lineCount,
            _tokenCount,
            _notebook);
    }

    /// <summary>Calls in source order: by offset, then the shorter callee first; ties keep their order (a stable sort, as OrderBy).</summary>
    private (int Offset, PythonCall Call, string? Param)[] SortedCalls()
    {
        var calls = _calls.ToArray();
        if (IsInOrder(_calls, static (x, y) => x.Offset < y.Offset || (x.Offset == y.Offset && x.Call.RawTarget.Length <= y.Call.RawTarget.Length)))
        {
            return calls;
        }

        var order = new int[calls.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (x, y) =>
        {
            var c = calls[x].Offset.CompareTo(calls[y].Offset);
            if (c == 0)
            {
                c = calls[x].Call.RawTarget.Length.CompareTo(calls[y].Call.RawTarget.Length);
            }

            return c != 0 ? c : x.CompareTo(y);
        });
        var sorted = new (int Offset, PythonCall Call, string? Param)[calls.Length];
        for (var i = 0; i < order.Length; i++)
        {
            sorted[i] = calls[order[i]];
        }

        return sorted;
    }

    /// <summary>Whether each item is in order with the next (<paramref name="inOrder"/> allows equal keys, so a stable sort would keep the list as is).</summary>
    private static bool IsInOrder<T>(List<T> items, Func<T, T, bool> inOrder)
    {
        for (var i = 1; i < items.Count; i++)
        {
            if (!inOrder(items[i - 1], items[i]))
            {
                return false;
            }
        }

        return true;
    }

    private void EnqueueFields(ImmutableArray<FStringField> fields, int depth)
    {
        foreach (var f in fields)
        {
            _fieldQueue.Enqueue((f, depth));
        }
    }

    private bool IsOp(Token t, char c) => t.Kind == TokenKind.Op && t.Length == 1 && _s[t.Offset] == c;

    private bool IsOp(Token t, string op) => t.Kind == TokenKind.Op && t.Span(_s).SequenceEqual(op);

    private bool IsName(Token t, string w) => t.Kind == TokenKind.Name && t.Span(_s).SequenceEqual(w);

    private bool IsPlainName(Token t) => t.Kind == TokenKind.Name && !PythonSyntax.IsKeyword(t.Span(_s));

    private bool IsBoundary(Toks t, int i) =>
        i == 0 || t[i - 1].Kind is TokenKind.Newline or TokenKind.Indent or TokenKind.Dedent || IsOp(t[i - 1], ';') || IsOp(t[i - 1], ':');

    // ---------------------------------------------------------------- imports

    private void CollectImports(Toks t)
    {
        for (var i = 0; i < t.Length; i++)
        {
            if (t[i].Kind != TokenKind.Name || !IsBoundary(t, i))
            {
                continue;
            }

            if (IsName(t[i], "import"))
            {
                i = ParseImport(t, i + 1, null, 0, t[i].Line);
            }
            else if (IsName(t[i], "from"))
            {
                var j = i + 1;
                var level = 0;
                while (j < t.Length && (IsOp(t[j], '.') || IsOp(t[j], "...")))
                {
                    level += t[j].Length;
                    j++;
                }

                var module = ReadDotted(t, ref j);
                if (j < t.Length && IsName(t[j], "import"))
                {
                    i = ParseImport(t, j + 1, module ?? string.Empty, level, t[i].Line);
                }
            }
        }
    }

    private string? ReadDotted(Toks t, ref int j)
    {
        if (j >= t.Length || !IsPlainName(t[j]))
        {
            return null;
        }

        _sb.Clear().Append(t[j].Span(_s));
        j++;
        while (j + 1 < t.Length && IsOp(t[j], '.') && IsPlainName(t[j + 1]))
        {
            _sb.Append('.').Append(t[j + 1].Span(_s));
            j += 2;
        }

        return _sb.ToString();
    }

    /// <summary>Parses the names after `import`; <paramref name="fromModule"/> is null for plain imports.</summary>
    private int ParseImport(Toks t, int j, string? fromModule, int level, int line)
    {
        var paren = j < t.Length && IsOp(t[j], '(');
        if (paren)
        {
            j++;
        }

        while (j < t.Length)
        {
            if (fromModule is not null && IsOp(t[j], '*'))
            {
                _imports.Add(new PythonImport(fromModule, "*", null, level, line));
                j++;
            }
            else
            {
                var name = fromModule is null ? ReadDotted(t, ref j) : (j < t.Length && IsPlainName(t[j]) ? t[j++].Text(_s) : null);
                if (name is null)
                {
                    break;
                }

                string? alias = null;
                if (j + 1 < t.Length && IsName(t[j], "as") && IsPlainName(t[j + 1]))
                {
                    alias = t[j + 1].Text(_s);
                    j += 2;
                }

                _imports.Add(fromModule is null ? new PythonImport(name, null, alias, 0, line) : new PythonImport(fromModule, name, alias, level, line));
            }

            if (j < t.Length && IsOp(t[j], ','))
            {
                j++;
                continue;
            }

            break;
        }

        if (paren && j < t.Length && IsOp(t[j], ')'))
        {
            j++;
        }

        return j - 1;
    }

    // ---------------------------------------------------------------- resolution

    /// <summary>Resolves a dotted name: variable types (longest prefix) first, then imports.</summary>
    private string Resolve(string dotted)
    {
        if (_varTypes.Count > 0)
        {
            for (var k = dotted.LastIndexOf('.'); k > 0; k = dotted.LastIndexOf('.', k - 1))
            {
                if (_varTypeLookup.TryGetValue(dotted.AsSpan(0, k), out var type))
                {
                    return Concat(type, dotted.AsSpan(k));
                }
            }
        }

        var dot = dotted.IndexOf('.', StringComparison.Ordinal);
        var head = dot < 0 ? dotted.AsSpan() : dotted.AsSpan(0, dot);
        return _bindingLookup.TryGetValue(head, out var q) ? (dot < 0 ? q : Concat(q, dotted.AsSpan(dot))) : dotted;
    }

    /// <summary><paramref name="a"/> followed by <paramref name="b"/>, interned (resolved names repeat; no temporary strings).</summary>
    private string Concat(string a, ReadOnlySpan<char> b)
    {
        var len = a.Length + b.Length;
        if (len > 256)
        {
            return string.Concat(a.AsSpan(), b);
        }

        Span<char> buf = stackalloc char[len];
        a.AsSpan().CopyTo(buf);
        b.CopyTo(buf[a.Length..]);
        return Intern(buf);
    }

    private string? TypeOfCall(string target)
    {
        if (FactoryTypes.TryGetValue(target, out var type))
        {
            return type;
        }

        var last = target.LastIndexOf('.') + 1;
        return last < target.Length && char.IsUpper(target[last]) ? target : null;
    }

    // ---------------------------------------------------------------- the main walk

    private sealed class Frame
    {
        public int OpenIndex;
        public bool IsCall;
        public string Raw = string.Empty;
        public string Target = string.Empty;
        public int Offset;
        public int Line;
        public int Column;
        public int ArgStart;
        public List<CallArgument>? Args;
        public bool IsDecorator;
        public string? Param;
    }

    private void Walk(Toks t, bool expression)
    {
        // Walks run one after the other (the module, then each f-string field): they reuse the same lists.
        var frames = _walkFrames;
        frames.Clear();
        var stmtStart = 0;
        var indent = 0;
        var lambdas = 0;
        var classStack = _walkClasses;
        classStack.Clear();
        string? lastClosedRaw = null;
        string? lastClosedType = null;
        var lastClosedIndex = -1;
        // The last ']' that closed a subscript (not a call) and its '[': `REGISTRY[name](…)` calls what the subscript holds.
        var lastSubscriptClose = -1;
        var lastSubscriptOpen = -1;
        for (var i = 0; i < t.Length; i++)
        {
            var tk = t[i];
            switch (tk.Kind)
            {
                case TokenKind.Newline or TokenKind.EndMarker:
                    if (!expression && _openDefinitions.Count > 0 && !_openDefinitions[^1].HasBody && (i + 1 >= t.Length || t[i + 1].Kind != TokenKind.Indent))
                    {
                        // `def f(): return 1`: a body on the header's line ends with it.
                        CloseDefinitions(_openDefinitions[^1].Indent, tk.Line);
                    }

                    CloseAll(t, frames, i);
                    if (!expression && i > stmtStart)
                    {
                        Statement(t, stmtStart, i, indent);
                    }

                    stmtStart = i + 1;
                    lambdas = 0;
                    continue;
                case TokenKind.Indent:
                    indent++;
                    if (!expression && _openDefinitions.Count > 0 && !_openDefinitions[^1].HasBody)
                    {
                        _openDefinitions[^1] = _openDefinitions[^1] with { HasBody = true };
                    }

                    stmtStart = i + 1;
                    continue;
                case TokenKind.Dedent:
                    indent = Math.Max(0, indent - 1);
                    while (classStack.Count > 0 && classStack[^1].Indent >= indent)
                    {
                        classStack.RemoveAt(classStack.Count - 1);
                    }

                    if (!expression)
                    {
                        CloseDefinitions(indent, LastCodeLine(t, i));
                    }

                    stmtStart = i + 1;
                    continue;
                case TokenKind.String:
                    {
                        var span = tk.Span(_s);
                        var parts = PythonSyntax.StringParts(span);
                        if (!parts.F)
                        {
                            var value = DecodeString(span);
                            _strings.Add(new PythonStringLiteral(value.Length <= 64 ? Intern(value) : value, tk.Line, tk.Column));
                        }

                        continue;
                    }

                case TokenKind.Name:
                    {
                        var w = tk.Span(_s);
                        if (PythonSyntax.IsKeyword(w))
                        {
                            if (w.SequenceEqual("lambda") && frames.Count == 0)
                            {
                                lambdas++;
                            }
                            else if (!expression && i == stmtStart)
                            {
                                Definition(t, i, indent, classStack);
                            }

                            continue;
                        }

                        _nameLookup.Add(w);
                        continue;
                    }

                case TokenKind.Op:
                    break;
                default:
                    continue;
            }

            var c = tk.Length == 1 ? _s[tk.Offset] : '\0';
            switch (c)
            {
                case '(' or '[' or '{':
                    {
                        var f = RentFrame();
                        f.OpenIndex = i;
                        f.ArgStart = i + 1;
                        if (c == '(')
                        {
                            OpenCall(t, i, f, stmtStart, lastClosedIndex, lastClosedRaw, lastClosedType, expression, lastSubscriptClose, lastSubscriptOpen);
                        }

                        frames.Add(f);
                        continue;
                    }

                case ')' or ']' or '}':
                    {
                        if (frames.Count == 0)
                        {
                            continue;
                        }

                        var f = frames[^1];
                        frames.RemoveAt(frames.Count - 1);
                        _framePool.Push(f);
                        if (c == ']' && !f.IsCall)
                        {
                            lastSubscriptClose = i;
                            lastSubscriptOpen = f.OpenIndex;
                        }

                        if (f.IsCall)
                        {
                            var call = FinishCall(t, f, i);
                            lastClosedIndex = i;
                            lastClosedRaw = call.RawTarget;
                            lastClosedType = TypeOfCall(call.Target) ?? (call.Target + "()");
                            if (call.Target is "open" or "io.open" or "codecs.open" && i + 2 < t.Length && IsName(t[i + 1], "as") && IsPlainName(t[i + 2]))
                            {
                                _handles[t[i + 2].Text(_s)] = call.PositionalAt(0) ?? call.Keyword("file");
                            }
                        }

                        continue;
                    }

                case ',':
                    if (frames.Count > 0 && frames[^1].IsCall)
                    {
                        var f = frames[^1];
                        AddArg(t, f, f.ArgStart, i);
                        f.ArgStart = i + 1;
                    }

                    continue;
                case ';' when frames.Count == 0:
                    if (!expression && i > stmtStart)
                    {
                        Statement(t, stmtStart, i, indent);
                    }

                    stmtStart = i + 1;
                    lambdas = 0;
                    continue;
                case ':' when frames.Count == 0:
                    if (lambdas > 0)
                    {
                        lambdas--;
                    }
                    else if (!expression && stmtStart < t.Length && t[stmtStart].Kind == TokenKind.Name && PythonSyntax.IsCompoundKeyword(t[stmtStart].Span(_s)))
                    {
                        // The header of a compound statement; its body may follow on the same line.
                        stmtStart = i + 1;
                    }

                    continue;
                case '@' when !expression && i == stmtStart && i + 1 < t.Length:
                    {
                        var j = i + 1;
                        var raw = ReadDotted(t, ref j);
                        if (raw is not null && !(j < t.Length && IsOp(t[j], '(')))
                        {
                            _decorators.Add(new PythonDecorator(Resolve(raw), raw, tk.Line, [], false));
                        }

                        continue;
                    }
            }
        }

        CloseAll(t, frames, t.Length);
        if (!expression)
        {
            CloseDefinitions(0, LastCodeLine(t, t.Length));
        }
    }

    /// <summary>Ends the bodies of the open definitions at or deeper than an indent (a dedent to it, or the end of the module).</summary>
    private void CloseDefinitions(int indent, int endLine)
    {
        while (_openDefinitions.Count > 0 && _openDefinitions[^1].Indent >= indent)
        {
            var (isClass, index, _, _) = _openDefinitions[^1];
            _openDefinitions.RemoveAt(_openDefinitions.Count - 1);
            if (isClass)
            {
                _classes[index] = _classes[index] with { EndLine = endLine };
            }
            else
            {
                _functions[index] = _functions[index] with { EndLine = endLine };
            }
        }
    }

    /// <summary>The line of the last code token before index i (a body ends with its last statement, not at the dedent).</summary>
    private static int LastCodeLine(Toks t, int i)
    {
        for (var j = Math.Min(i, t.Length) - 1; j >= 0; j--)
        {
            if (t[j].Kind is not (TokenKind.Newline or TokenKind.Indent or TokenKind.Dedent or TokenKind.EndMarker))
            {
                return t[j].Line;
            }
        }

        return 0;
    }

    private Frame RentFrame()
    {
        var f = _framePool.Count > 0 ? _framePool.Pop() : new Frame();
        f.IsCall = false;
        f.IsDecorator = false;
        f.Param = null;
        return f;
    }

    private void CloseAll(Toks t, List<Frame> frames, int end)
    {
        for (var k = frames.Count - 1; k >= 0; k--)
        {
            if (frames[k].IsCall)
            {
                FinishCall(t, frames[k], end);
            }

            _framePool.Push(frames[k]);
        }

        frames.Clear();
    }

    private void OpenCall(Toks t, int i, Frame f, int stmtStart, int lastClosedIndex, string? lastClosedRaw, string? lastClosedType, bool expression, int subscriptClose, int subscriptOpen)
    {
        if (i >= 3 && IsOp(t[i - 1], ')') && ParenthesizedDotted(t, i - 1) is { } group)
        {
            // `(int)(x)` calls the name inside the parentheses.
            var inner = JoinDotted(t, group + 1, i - 1);
            SetCall(f, inner, Intern(Resolve(inner)), t[group + 1]);
            return;
        }

        if (i - 1 == subscriptClose && SubscriptedName(t, subscriptOpen) is { } named)
        {
            SubscriptCall(t, f, named, subscriptOpen);
            return;
        }

        if (i == 0 || !IsPlainName(t[i - 1]))
        {
            return;
        }

        // Walk back over Name ('.' Name)*.
        var j = DottedStart(t, i - 1);

        string raw;
        string target;
        if (j >= 1 && IsOp(t[j - 1], '.'))
        {
            // An attribute of something that is not a name: only a call result is followed (`torch.Generator().manual_seed`).
            if (j >= 4 && IsOp(t[j - 2], ')') && ParenthesizedDotted(t, j - 2) is { } open)
            {
                // `(num).bit_length()` is an attribute of a name, as ast sees it.
                raw = JoinDotted(t, open + 1, j - 2) + "." + JoinDotted(t, j, i);
                SetCall(f, raw, Intern(Resolve(raw)), t[open + 1]);
                return;
            }

            if (j >= 2 && j - 2 == subscriptClose && SubscriptedName(t, subscriptOpen) is { } first)
            {
                // `df[cols].sample(frac=0.1)`, `self.heads[k].forward(x)`: a method of what a named container holds.
                var container = JoinDotted(t, first, subscriptOpen);
                var rest = JoinDotted(t, j, i);
                SetCall(f, Intern(container + "[]." + rest), Intern(Resolve(container) + "[]." + rest), t[first]);
                return;
            }

            if (j >= 2 && j - 2 == lastClosedIndex && lastClosedRaw is not null)
            {
                var rest = JoinDotted(t, j, i);
                raw = lastClosedRaw + "()." + rest;
                target = lastClosedType + "." + rest;
                f.IsCall = true;
                f.Raw = raw;
                f.Target = target;
                f.Offset = t[j].Offset;
                f.Line = t[j].Line;
                f.Column = t[j].Column;
                f.Args ??= [];
        f.Args.Clear();
                return;
            }

            return;
        }

        if (j >= 1 && t[j - 1].Kind == TokenKind.Name && t[j - 1].Span(_s) is "def" or "class")
        {
            return;
        }

        // `match (x):` and `case (a, b):` are soft-keyword statements, not calls.
        if (j == stmtStart && j == i - 1 && !expression && t[j].Span(_s) is "match" or "case" && LogicalLineEndsWithColon(t, i))
        {
            return;
        }

        // Class patterns of `case` clauses (`case ast.Expr(value):`) are not calls.
        if (!expression && IsName(t[stmtStart], "case") && stmtStart + 1 < t.Length && t[stmtStart + 1].Kind is not TokenKind.Op && IsCaseClause(t, stmtStart))
        {
            return;
        }

        raw = JoinDotted(t, j, i);
        target = Intern(Resolve(raw));
        f.IsCall = true;
        f.Raw = raw;
        f.Target = target;
        f.Offset = t[j].Offset;
        f.Line = t[j].Line;
        f.Column = t[j].Column;
        f.Args ??= [];
        f.Args.Clear();
        f.IsDecorator = j >= 1 && IsOp(t[j - 1], '@') && j - 1 == stmtStart;
        if (j >= 2 && IsOp(t[j - 1], '='))
        {
            f.Param = ParameterBefore(t, j - 1);
        }
    }

    /// <summary>The first token of the dotted name `Name ('.' Name)*` that ends with the plain name at <paramref name="last"/>.</summary>
    private int DottedStart(Toks t, int last)
    {
        while (last >= 2 && IsOp(t[last - 1], '.') && IsPlainName(t[last - 2]))
        {
            last -= 2;
        }

        return last;
    }

    /// <summary>
    /// For a '[' that subscripts a plain dotted name (<c>ALGOS[</c>, <c>self.heads[</c>), the index of the name's first token;
    /// null for list displays, subscripts of call results or other expressions, and the type parameters of
    /// <c>def f[T](…)</c> and <c>class C[T](…)</c>.
    /// </summary>
    private int? SubscriptedName(Toks t, int open)
    {
        var k = open - 1;
        if (k < 0 || !IsPlainName(t[k]))
        {
            return null;
        }

        k = DottedStart(t, k);

        if (k >= 1 && (IsOp(t[k - 1], '.') || (t[k - 1].Kind == TokenKind.Name && t[k - 1].Span(_s) is "def" or "class")))
        {
            return null;
        }

        return k;
    }

    /// <summary>
    /// A call of a subscripted name (<c>ALGOS[args.algo](env, **hp)</c>, <c>sam_model_registry[t](checkpoint=p)</c>): the
    /// callee is whatever the container holds, so the target is the container's name (resolved) with "[]" appended, and
    /// the arguments are recorded like any call's. <see cref="PythonCall.IsDottedName"/> is false for it.
    /// </summary>
    private void SubscriptCall(Toks t, Frame f, int first, int open)
    {
        var name = JoinDotted(t, first, open);
        SetCall(f, Intern(name + "[]"), Intern(Resolve(name) + "[]"), t[first]);
        if (first >= 2 && IsOp(t[first - 1], '='))
        {
            f.Param = ParameterBefore(t, first - 1);
        }
    }

    private int _caseStmt = -1;
    private bool _caseIsClause;

    private bool IsCaseClause(Toks t, int stmtStart)
    {
        if (_caseStmt != stmtStart)
        {
            _caseStmt = stmtStart;
            _caseIsClause = LogicalLineEndsWithColon(t, stmtStart);
        }

        return _caseIsClause;
    }

    /// <summary>For a ')' closing `( Name(.Name)* )` that is a plain grouping (not a call), the index of its '('.</summary>
    private int? ParenthesizedDotted(Toks t, int close)
    {
        var k = close - 1;
        if (k < 1 || !IsPlainName(t[k]))
        {
            return null;
        }

        k = DottedStart(t, k);

        var open = k - 1;
        if (open < 0 || !IsOp(t[open], '('))
        {
            return null;
        }

        if (open > 0 && (IsPlainName(t[open - 1]) || IsOp(t[open - 1], ')') || IsOp(t[open - 1], ']') || t[open - 1].Kind == TokenKind.String))
        {
            return null;
        }

        return open;
    }

    private static void SetCall(Frame f, string raw, string target, Token first)
    {
        f.IsCall = true;
        f.Raw = raw;
        f.Target = target;
        f.Offset = first.Offset;
        f.Line = first.Line;
        f.Column = first.Column;
        f.Args ??= [];
        f.Args.Clear();
    }

    private bool LogicalLineEndsWithColon(Toks t, int i)
    {
        while (i < t.Length && t[i].Kind is not (TokenKind.Newline or TokenKind.EndMarker))
        {
            i++;
        }

        return i > 0 && IsOp(t[i - 1], ':');
    }

    /// <summary>For `name: type = call(...)` inside a parameter list, the parameter name.</summary>
    private string? ParameterBefore(Toks t, int eq)
    {
        var depth = 0;
        for (var k = eq - 1; k >= 0 && eq - k < 64; k--)
        {
            if (IsOp(t[k], ')') || IsOp(t[k], ']'))
            {
                depth++;
            }
            else if (IsOp(t[k], '(') || IsOp(t[k], '[') || IsOp(t[k], ','))
            {
                if (depth == 0)
                {
                    return k + 1 < eq && IsPlainName(t[k + 1]) ? t[k + 1].Text(_s) : null;
                }

                if (!IsOp(t[k], ','))
                {
                    depth--;
                }
            }
            else if (t[k].Kind is TokenKind.Newline or TokenKind.Indent or TokenKind.Dedent)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>The text of tokens [from, to) without whitespace, interned per module (names repeat a lot).</summary>
    private string JoinDotted(Toks t, int from, int to)
    {
        if (to - from == 1)
        {
            return Intern(t[from].Span(_s));
        }

        var len = 0;
        for (var k = from; k < to; k++)
        {
            len += t[k].Length;
        }

        if (len > 256)
        {
            _sb.Clear();
            for (var k = from; k < to; k++)
            {
                _sb.Append(t[k].Span(_s));
            }

            return _sb.ToString();
        }

        Span<char> buf = stackalloc char[len];
        var n = 0;
        for (var k = from; k < to; k++)
        {
            t[k].Span(_s).CopyTo(buf[n..]);
            n += t[k].Length;
        }

        return Intern(buf[..n]);
    }

    /// <summary>Source text [start, end): interned when short (argument and value texts repeat within a module).</summary>
    private string InternShort(int start, int end) => end - start <= 64 ? Intern(_s.AsSpan(start, end - start)) : _s[start..end];

    /// <summary>One literal object per distinct number text within a module (and project, with a pool); no closure per use.</summary>
    private PythonLiteral SharedNumber(ReadOnlySpan<char> text)
    {
        var key = Intern(text);
        if (!_literals.TryGetValue(key, out var lit))
        {
            lit = PythonSyntax.ParseNumber(key, false);
            lit = _pool is null ? lit : _pool.Literal(key, false, lit);
            _literals[key] = lit;
        }

        return lit;
    }

    /// <summary>One literal object per distinct short string value within a module (and project, with a pool).</summary>
    private PythonLiteral SharedString(string value)
    {
        var key = Intern(value);
        if (!_stringLiterals.TryGetValue(key, out var lit))
        {
            lit = new PythonLiteral(LiteralKind.String, key);
            lit = _pool is null ? lit : _pool.Literal(key, true, lit);
            _stringLiterals[key] = lit;
        }

        return lit;
    }

    /// <summary>A string token's value; short values without escapes are interned straight from the source (no temporary string).</summary>
    private string DecodeString(ReadOnlySpan<char> token)
    {
        var (raw, _, _, a, b) = PythonSyntax.StringParts(token);
        var body = token[a..b];
        return body.Length <= 64 && (raw || body.IndexOf('\\') < 0) ? Intern(body) : PythonSyntax.DecodeString(token);
    }

    /// <summary>Interns a string already allocated: it becomes the shared copy when it is the first.</summary>
    private string Intern(string s)
    {
        if (_internLookup.TryGetValue(s.AsSpan(), out var existing))
        {
            return existing;
        }

        s = _pool is null ? s : _pool.Intern(s);
        _intern.Add(s);
        return s;
    }

    private string Intern(ReadOnlySpan<char> span)
    {
        if (_internLookup.TryGetValue(span, out var s))
        {
            return s;
        }

        s = _pool is null ? span.ToString() : _pool.Intern(span);
        _intern.Add(s);
        return s;
    }

    private PythonCall FinishCall(Toks t, Frame f, int close)
    {
        AddArg(t, f, f.ArgStart, close);
        ImmutableArray<CallArgument> args = [.. f.Args!];
        var call = new PythonCall(f.Target, f.Raw, f.Line, f.Column, _pool is null ? args : _pool.Arguments(args));
        _calls.Add((f.Offset, call, f.Param));
        if (f.IsDecorator)
        {
            _decorators.Add(new PythonDecorator(call.Target, call.RawTarget, call.Line, call.Arguments, true));
        }

        f.IsCall = false;
        return call;
    }

    private void AddArg(Toks t, Frame f, int a, int b)
    {
        if (b <= a || !f.IsCall)
        {
            return;
        }

        var star = 0;
        if (IsOp(t[a], '*'))
        {
            star = 1;
            a++;
        }
        else if (IsOp(t[a], "**"))
        {
            star = 2;
            a++;
        }

        string? keyword = null;
        if (star == 0 && b - a >= 2 && IsPlainName(t[a]) && IsOp(t[a + 1], '='))
        {
            keyword = Intern(t[a].Span(_s));
            a += 2;
        }

        if (b <= a)
        {
            return;
        }

        var text = InternShort(t[a].Offset, t[b - 1].End);
        var argument = new CallArgument(keyword, text, LiteralOf(t, a, b), NamesIn(t, a, b), star);
        f.Args!.Add(_pool is null ? argument : _pool.Argument(argument));
    }

    private ImmutableArray<string> NamesIn(Toks t, int a, int b)
    {
        _scratch.Clear();
        for (var k = a; k < b; k++)
        {
            if (!IsPlainName(t[k]) || (k > a && IsOp(t[k - 1], '.')))
            {
                continue;
            }

            // Skip keyword-argument names of nested calls.
            if (k + 1 < b && IsOp(t[k + 1], '=') && k > a && (IsOp(t[k - 1], '(') || IsOp(t[k - 1], ',')))
            {
                continue;
            }

            var e = k + 1;
            while (e + 1 < b && IsOp(t[e], '.') && IsPlainName(t[e + 1]))
            {
                e += 2;
            }

            _scratch.Add(JoinDotted(t, k, e));
            k = e - 1;
        }

        if (_scratch.Count == 0)
        {
            return [];
        }

        if (_scratch.Count == 1)
        {
            // Most arguments reference one name; share the one-element arrays within the module.
            if (!_singleNames.TryGetValue(_scratch[0], out var one))
            {
                one = _pool is null ? [_scratch[0]] : _pool.SingleName(_scratch[0]);
                _singleNames[_scratch[0]] = one;
            }

            return one;
        }

        ImmutableArray<string> names = [.. _scratch];
        return _pool is null ? names : _pool.Names(names);
    }

    private PythonLiteral? LiteralOf(Toks t, int a, int b)
    {
        if (b - a == 1)
        {
            var tk = t[a];
            switch (tk.Kind)
            {
                case TokenKind.Number:
                    {
                        var text = tk.Span(_s);
                        return text.Length <= 32 ? SharedNumber(text) : PythonSyntax.ParseNumber(text, false);
                    }

                case TokenKind.Name:
                    return tk.Span(_s) switch
                    {
                        "True" => TrueLiteral,
                        "False" => FalseLiteral,
                        "None" => NoneLiteral,
                        _ => null,
                    };
            }
        }

        if (b - a == 2 && t[a + 1].Kind == TokenKind.Number && (IsOp(t[a], '-') || IsOp(t[a], '+')))
        {
            return PythonSyntax.ParseNumber(t[a + 1].Span(_s), IsOp(t[a], '-'));
        }

        var isBytes = false;
        string? single = null;
        StringBuilder? sb = null;
        for (var k = a; k < b; k++)
        {
            if (t[k].Kind != TokenKind.String)
            {
                return null;
            }

            var span = t[k].Span(_s);
            var parts = PythonSyntax.StringParts(span);
            if (parts.F)
            {
                return null;
            }

            isBytes = parts.Bytes;
            var v = DecodeString(span);
            if (single is null && sb is null)
            {
                single = v;
            }
            else
            {
                sb ??= new StringBuilder(single);
                sb.Append(v);
            }
        }

        var value = sb?.ToString() ?? single;
        if (value is null)
        {
            return null;
        }

        var kind = isBytes ? LiteralKind.Bytes : LiteralKind.String;
        return value.Length <= 64 && !isBytes ? SharedString(value) : new PythonLiteral(kind, value);
    }

    // ---------------------------------------------------------------- statements

    /// <summary>The parameters of a <c>def</c> whose '(' is at <paramref name="open"/>: names, stars and default values.</summary>
    private ImmutableArray<PythonParameter> Parameters(Toks t, int open)
    {
        if (open >= t.Length || !IsOp(t[open], '('))
        {
            return [];
        }

        var list = ImmutableArray.CreateBuilder<PythonParameter>();
        var keywordOnly = false;
        var depth = 0;
        var start = open + 1;
        for (var j = open + 1; j < t.Length && t[j].Kind is not (TokenKind.Newline or TokenKind.EndMarker); j++)
        {
            if (IsOp(t[j], '(') || IsOp(t[j], '[') || IsOp(t[j], '{'))
            {
                depth++;
                continue;
            }

            var close = IsOp(t[j], ')') || IsOp(t[j], ']') || IsOp(t[j], '}');
            if (close && depth > 0)
            {
                depth--;
                continue;
            }

            if (depth == 0 && (close || IsOp(t[j], ',')))
            {
                AddParameter(t, start, j, list, ref keywordOnly);
                start = j + 1;
                if (close)
                {
                    break;
                }
            }
        }

        return list.ToImmutable();
    }

    private void AddParameter(Toks t, int a, int b, ImmutableArray<PythonParameter>.Builder list, ref bool keywordOnly)
    {
        while (a < b && t[a].Kind is TokenKind.NL or TokenKind.Comment)
        {
            a++;
        }

        while (b > a && t[b - 1].Kind is TokenKind.NL or TokenKind.Comment)
        {
            b--;
        }

        if (b <= a)
        {
            return;
        }

        var star = IsOp(t[a], '*') ? 1 : IsOp(t[a], "**") ? 2 : 0;
        if (star > 0)
        {
            a++;
        }

        if (a >= b || !IsPlainName(t[a]))
        {
            // A bare `*` (keyword-only marker) or `/` (positional-only marker).
            keywordOnly |= star == 1;
            return;
        }

        var name = t[a].Text(_s);
        string? defaultText = null;
        PythonLiteral? literal = null;
        var depth = 0;
        for (var j = a + 1; j < b; j++)
        {
            if (IsOp(t[j], '(') || IsOp(t[j], '[') || IsOp(t[j], '{'))
            {
                depth++;
            }
            else if (IsOp(t[j], ')') || IsOp(t[j], ']') || IsOp(t[j], '}'))
            {
                depth--;
            }
            else if (depth == 0 && IsOp(t[j], '=') && j + 1 < b)
            {
                defaultText = InternShort(t[j + 1].Offset, t[b - 1].End);
                literal = LiteralOf(t, j + 1, b);
                break;
            }
        }

        list.Add(new PythonParameter(name, defaultText, literal, star, keywordOnly && star == 0));
        keywordOnly |= star == 1;
    }

    private void Definition(Toks t, int i, int indent, List<(string Name, int Indent)> classStack)
    {
        var w = t[i].Span(_s);
        var isAsync = false;
        var k = i;
        if (w.SequenceEqual("async") && k + 1 < t.Length && IsName(t[k + 1], "def"))
        {
            isAsync = true;
            k++;
            w = "def";
        }

        if (w.SequenceEqual("def") && k + 1 < t.Length && IsPlainName(t[k + 1]))
        {
            string? cls = classStack.Count > 0 && classStack[^1].Indent == indent - 1 ? classStack[^1].Name : null;
            _functions.Add(new PythonFunction(t[k + 1].Text(_s), t[k].Line, cls, isAsync, indent == 0, Parameters(t, k + 2)));
            _openDefinitions.Add((false, _functions.Count - 1, indent, false));
        }
        else if (w.SequenceEqual("class") && k + 1 < t.Length && IsPlainName(t[k + 1]))
        {
            var name = t[k + 1].Text(_s);
            var bases = ImmutableArray.CreateBuilder<string>();
            var j = k + 2;
            if (j < t.Length && IsOp(t[j], '('))
            {
                j++;
                var depth = 0;
                var start = j;
                for (; j < t.Length && t[j].Kind is not (TokenKind.Newline or TokenKind.EndMarker); j++)
                {
                    if (IsOp(t[j], '(') || IsOp(t[j], '[') || IsOp(t[j], '{'))
                    {
                        depth++;
                    }
                    else if (IsOp(t[j], ')') || IsOp(t[j], ']') || IsOp(t[j], '}'))
                    {
                        if (depth == 0)
                        {
                            AddBase(t, start, j, bases);
                            break;
                        }

                        depth--;
                    }
                    else if (depth == 0 && IsOp(t[j], ','))
                    {
                        AddBase(t, start, j, bases);
                        start = j + 1;
                    }
                }
            }

            _classes.Add(new PythonClass(name, t[k].Line, bases.ToImmutable(), 0, indent == 0));
            _openDefinitions.Add((true, _classes.Count - 1, indent, false));
            classStack.Add((name, indent));
        }
        else if (w.SequenceEqual("if") && k + 4 < t.Length && IsOp(t[k + 4], ':'))
        {
            // if __name__ == "__main__":  (either operand order)
            var a = t[k + 1];
            var b = t[k + 3];
            if (IsOp(t[k + 2], "==") && ((IsName(a, "__name__") && IsMainString(b)) || (IsName(b, "__name__") && IsMainString(a))))
            {
                _mainGuard ??= t[k].Line;
            }
        }
    }

    private bool IsMainString(Token t) => t.Kind == TokenKind.String && PythonSyntax.DecodeString(t.Span(_s)) == "__main__";

    private void AddBase(Toks t, int a, int b, ImmutableArray<string>.Builder bases)
    {
        if (b <= a || (b - a >= 2 && IsPlainName(t[a]) && IsOp(t[a + 1], '=')))
        {
            return;
        }

        bases.Add(ResolveText(t, a, b));
    }

    /// <summary>The text of tokens [a, b) without whitespace, its leading dotted name resolved.</summary>
    private string ResolveText(Toks t, int a, int b)
    {
        var e = a;
        if (IsPlainName(t[a]))
        {
            e = a + 1;
            while (e + 1 < b && IsOp(t[e], '.') && IsPlainName(t[e + 1]))
            {
                e += 2;
            }
        }

        var head = e > a ? Resolve(JoinDotted(t, a, e)) : string.Empty;
        return e >= b ? head : head + JoinDotted(t, e, b);
    }

    /// <summary>Finds assignments in the simple statement [a, b).</summary>
    private void Statement(Toks t, int a, int b, int indent)
    {
        if (t[a].Kind != TokenKind.Name && t[a].Kind != TokenKind.Op && t[a].Kind != TokenKind.String)
        {
            return;
        }

        if (a + 1 < b && t[a].Span(_s) is "print" or "exec" && t[a + 1].Kind is TokenKind.String or TokenKind.Number or TokenKind.Name && !PythonSyntax.IsKeyword(t[a + 1].Span(_s)))
        {
            // `print x` / `exec "code"`: Python 2 statements; the file will not run on Python 3.
            _diags.Add(new Diagnostic(_path, SourceSpan.At(t[a].Line, t[a].Column), DiagnosticSeverity.Warning, "python.python2-print", $"Python 2 '{t[a].Text(_s)}' statement"));
            return;
        }

        if (t[a].Kind == TokenKind.Name && PythonSyntax.IsKeyword(t[a].Span(_s)) || IsOp(t[a], '@'))
        {
            return;
        }

        var depth = 0;
        var segStart = a;
        List<(int A, int B)>? targets = null;
        string? op = null;
        for (var k = a; k < b; k++)
        {
            var tk = t[k];
            if (tk.Kind == TokenKind.Op)
            {
                var c = tk.Length == 1 ? _s[tk.Offset] : '\0';
                if (c is '(' or '[' or '{')
                {
                    depth++;
                    continue;
                }

                if (c is ')' or ']' or '}')
                {
                    depth = Math.Max(0, depth - 1);
                    continue;
                }

                if (depth != 0)
                {
                    continue;
                }

                if (c == '=')
                {
                    (targets ??= []).Add((segStart, k));
                    segStart = k + 1;
                    op = "=";
                    continue;
                }

                if (c == ':' && targets is null && op is null)
                {
                    // An annotation: `x: int = 5` or `x: int`.
                    var eq = k + 1;
                    var d2 = 0;
                    for (; eq < b; eq++)
                    {
                        if (IsOp(t[eq], '(') || IsOp(t[eq], '[') || IsOp(t[eq], '{'))
                        {
                            d2++;
                        }
                        else if (IsOp(t[eq], ')') || IsOp(t[eq], ']') || IsOp(t[eq], '}'))
                        {
                            d2--;
                        }
                        else if (d2 == 0 && IsOp(t[eq], '='))
                        {
                            break;
                        }
                    }

                    if (eq < b)
                    {
                        AddAssignment(t, a, k, "=", eq + 1, b, indent);
                    }
                    else
                    {
                        AddAssignment(t, a, k, ":", b, b, indent);
                    }

                    return;
                }

                if (tk.Length >= 2 && _s[tk.End - 1] == '=' && targets is null && tk.Span(_s) is not ("==" or "!=" or "<=" or ">="))
                {
                    if (tk.Span(_s) is ":=")
                    {
                        continue;
                    }

                    AddAssignment(t, a, k, tk.Text(_s), k + 1, b, indent);
                    return;
                }
            }
            else if (depth == 0 && tk.Kind == TokenKind.Name && tk.Span(_s) is "lambda")
            {
                break;
            }
        }

        if (targets is null)
        {
            return;
        }

        foreach (var (ta, tb) in targets)
        {
            AddAssignment(t, ta, tb, op!, segStart, b, indent);
        }
    }

    private void AddAssignment(Toks t, int ta, int tb, string op, int va, int vb, int indent)
    {
        if (tb <= ta)
        {
            return;
        }

        var raw = JoinDotted(t, ta, tb);
        var target = Intern(ResolveText(t, ta, tb));
        var valueText = vb > va ? InternShort(t[va].Offset, t[vb - 1].End) : string.Empty;
        var literal = vb > va ? LiteralOf(t, va, vb) : null;
        _assignments.Add(new PythonAssignment(target, raw, op, valueText, literal, t[ta].Line, indent == 0));

        // Variable typing: `x = Factory(...)` when the value is exactly one call of a dotted name.
        var isDotted = raw.AsSpan().IndexOfAny("()[],*") < 0;
        if (op == "=" && isDotted && vb - va >= 3 && IsPlainName(t[va]))
        {
            var e = va + 1;
            while (e + 1 < vb && IsOp(t[e], '.') && IsPlainName(t[e + 1]))
            {
                e += 2;
            }

            if (e < vb && IsOp(t[e], '(') && Matches(t, e, vb - 1))
            {
                var callee = Resolve(JoinDotted(t, va, e));
                if (TypeOfCall(callee) is { } type)
                {
                    _varTypes[raw] = type;
                }
                else
                {
                    _varTypes.Remove(raw);
                }

                if (callee is "open" or "io.open" or "codecs.open")
                {
                    PythonCall? openCall = null;
                    for (var k = _calls.Count - 1; k >= 0 && _calls[k].Offset >= t[va].Offset; k--)
                    {
                        if (_calls[k].Call.Target == callee)
                        {
                            openCall = _calls[k].Call;
                            break;
                        }
                    }

                    _handles[raw] = openCall?.PositionalAt(0) ?? openCall?.Keyword("file");
                }
            }
            else if (e < vb && IsOp(t[e], '(') && vb - 1 > e && IsOp(t[vb - 1], ')'))
            {
                // A chained call result such as torch.Generator().manual_seed(0).
                PythonCall? last = null;
                for (var k = _calls.Count - 1; k >= 0 && _calls[k].Offset >= t[va].Offset; k--)
                {
                    if (_calls[k].Offset <= t[vb - 1].Offset && !_calls[k].Call.IsDottedName)
                    {
                        last = _calls[k].Call;
                        break;
                    }
                }

                if (last is not null && TypeOfCall(last.Target) is { } ct)
                {
                    _varTypes[raw] = ct;
                }
            }
            else
            {
                _varTypes.Remove(raw);
            }
        }
    }

    /// <summary>Whether the bracket at <paramref name="open"/> is closed exactly at <paramref name="close"/>.</summary>
    private bool Matches(Toks t, int open, int close)
    {
        if (!IsOp(t[close], ')'))
        {
            return false;
        }

        var depth = 0;
        for (var k = open; k <= close; k++)
        {
            if (IsOp(t[k], '(') || IsOp(t[k], '[') || IsOp(t[k], '{'))
            {
                depth++;
            }
            else if (IsOp(t[k], ')') || IsOp(t[k], ']') || IsOp(t[k], '}'))
            {
                depth--;
                if (depth == 0)
                {
                    return k == close;
                }
            }
        }

        return false;
    }
}
