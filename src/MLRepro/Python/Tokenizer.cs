using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using MLRepro.Text;

namespace MLRepro.Python;

/// <summary>The tokens of one source plus the problems met while tokenizing.</summary>
/// <param name="Tokens">Tokens in source order; the last is always <see cref="TokenKind.EndMarker"/>.</param>
/// <param name="FStringFields">Replacement fields of f-strings (outermost level only; nested ones are found
/// when a field is tokenized in turn).</param>
/// <param name="Diagnostics">Located problems: unterminated strings, unbalanced brackets, bad dedents.</param>
public sealed record TokenizeResult(Token[] Tokens, ImmutableArray<FStringField> FStringFields, ImmutableArray<Diagnostic> Diagnostics);

/// <summary>Tokens in a pooled buffer (see <see cref="Tokenizer.TokenizePooled"/>); only the first Count are valid.</summary>
internal readonly record struct PooledTokens(Token[] Buffer, int Count, ImmutableArray<FStringField> FStringFields, ImmutableArray<Diagnostic> Diagnostics)
{
    public Toks Tokens => new(Buffer, Count);
}

/// <summary>A read-only view of the first <see cref="Length"/> tokens of an array.</summary>
internal readonly struct Toks(Token[] array, int count)
{
    public int Length => count;

    public ref readonly Token this[int i] => ref array[i];
}

/// <summary>
/// A Python 3.12 tokenizer: NEWLINE vs NL, INDENT/DEDENT with an indent stack, implicit joining inside
/// brackets, backslash joining, every string prefix, triple quotes and PEP 701 f-strings (nested quotes of
/// the same kind, nested f-strings, format specs). Total: any text gives tokens plus diagnostics, never an
/// exception; nothing recurses on nesting (brackets are a counter, f-string nesting an explicit stack).
/// </summary>
public sealed class Tokenizer
{
    /// <summary>Tab stops used for indentation, as CPython.</summary>
    public const int TabSize = 8;

    /// <summary>Diagnostics kept per file; more are counted, not stored.</summary>
    public const int MaxDiagnostics = 100;

    private readonly string _s;
    private readonly int _end;
    private readonly string _path;
    private readonly bool _expression;
    private readonly bool _trivia;
    private Token[] _buf;
    private int _count;
    private readonly List<FStringField> _fields = [];
    private readonly List<Diagnostic> _diags = [];
    private readonly List<StringFrame> _frames = [];
    private int _pos;
    private int _line;
    private int _lineStart;
    private int _depth;
    private int _droppedDiagnostics;

    private Tokenizer(string source, int start, int end, string path, int line, int column, bool expression, bool trivia)
    {
        _trivia = trivia;
        _s = source;
        _pos = start;
        _end = end;
        _path = path;
        _line = line;
        _lineStart = start - (column - 1);
        _expression = expression;
        // A pooled buffer: the only token array allocated per call is the exact-size result.
        _buf = ArrayPool<Token>.Shared.Rent(Math.Max(16, (end - start) / 6));
    }

    /// <summary>Tokenizes a whole module. Without <paramref name="trivia"/>, COMMENT and NL tokens are left out.</summary>
    public static TokenizeResult Tokenize(string source, string path = "", bool trivia = true) =>
        new Tokenizer(source ?? string.Empty, 0, (source ?? string.Empty).Length, path, 1, 1, expression: false, trivia).Run();

    /// <summary>
    /// Tokenizes an expression embedded in a larger source (an f-string replacement field) as if inside
    /// brackets: no NEWLINE, INDENT or DEDENT. Offsets, lines and columns refer to the larger source.
    /// </summary>
    public static TokenizeResult TokenizeExpression(string source, int start, int end, int line, int column, string path = "", bool trivia = true) =>
        new Tokenizer(source, start, end, path, line, column, expression: true, trivia).Run();

    private void Diag(int offset, DiagnosticSeverity severity, string code, string message)
    {
        if (_diags.Count >= MaxDiagnostics)
        {
            _droppedDiagnostics++;
            return;
        }

        var col = offset - _lineStart + 1;
        _diags.Add(new Diagnostic(_path, SourceSpan.At(_line, Math.Max(1, col)), severity, code, message));
    }

    private void Add(TokenKind kind, int start, int end, int line, int lineStart) =>
        Push(new Token(kind, start, end - start, line, start - lineStart + 1));

    private void Push(in Token t)
    {
        if (!_trivia && t.Kind is TokenKind.Comment or TokenKind.NL)
        {
            return;
        }

        if (_count == _buf.Length)
        {
            var bigger = ArrayPool<Token>.Shared.Rent(_buf.Length * 2);
            Array.Copy(_buf, bigger, _count);
            ArrayPool<Token>.Shared.Return(_buf);
            _buf = bigger;
        }

        _buf[_count++] = t;
    }

    /// <summary>
    /// Tokenizes without trivia into a buffer rented from <see cref="ArrayPool{T}.Shared"/>; the caller owns the
    /// buffer and returns it. The summary builder uses this so that no token array is allocated per file.
    /// </summary>
    internal static PooledTokens TokenizePooled(string source, int start, int end, int line, int column, string path, bool expression)
    {
        var t = new Tokenizer(source, start, end, path, line, column, expression, trivia: false);
        t.RunCore();
        return new PooledTokens(t._buf, t._count, [.. t._fields], [.. t._diags]);
    }

    private TokenizeResult Run()
    {
        RunCore();
        var tokens = _buf.AsSpan(0, _count).ToArray();
        ArrayPool<Token>.Shared.Return(_buf);
        _buf = [];
        return new TokenizeResult(tokens, [.. _fields], [.. _diags]);
    }

    private void RunCore()
    {
        var indents = new List<(int Col, int AltCol)> { (0, 0) };
        var atLineStart = !_expression;
        var lineHasContent = false;
        var contStart = -1;
        while (true)
        {
            if (atLineStart)
            {
                atLineStart = false;
                // Measure indentation: columns with tab stops of 8, and with tab size 1 to detect inconsistent mixing (as CPython).
                int col = 0, alt = 0, p = _pos;
                while (p < _end)
                {
                    var c = _s[p];
                    if (c == ' ')
                    {
                        col++;
                        alt++;
                    }
                    else if (c == '\t')
                    {
                        col = ((col / TabSize) + 1) * TabSize;
                        alt++;
                    }
                    else if (c == '\f')
                    {
                        col = alt = 0;
                    }
                    else
                    {
                        break;
                    }

                    p++;
                }

                _pos = p;
                var blank = p >= _end || _s[p] is '#' or '\n' or '\r' || (_s[p] == '\\' && p + 1 < _end && _s[p + 1] is '\n' or '\r');
                if (!blank && _depth == 0)
                {
                    var top = indents[^1];
                    if (col > top.Col)
                    {
                        if (alt <= top.AltCol)
                        {
                            Diag(p, DiagnosticSeverity.Warning, "python.tab-space-mix", "indentation mixes tabs and spaces inconsistently");
                        }

                        indents.Add((col, alt));
                        Push(new Token(TokenKind.Indent, _lineStart, p - _lineStart, _line, 1));
                    }
                    else if (col < top.Col)
                    {
                        while (indents.Count > 1 && indents[^1].Col > col)
                        {
                            indents.RemoveAt(indents.Count - 1);
                            Push(new Token(TokenKind.Dedent, p, 0, _line, p - _lineStart + 1));
                        }

                        if (indents[^1].Col != col)
                        {
                            Diag(p, DiagnosticSeverity.Error, "python.inconsistent-dedent", "unindent does not match any outer indentation level");
                            indents.Add((col, alt));
                        }
                    }
                    else if (alt != top.AltCol)
                    {
                        Diag(p, DiagnosticSeverity.Warning, "python.tab-space-mix", "indentation mixes tabs and spaces inconsistently");
                    }
                }
            }

            if (_pos >= _end)
            {
                break;
            }

            var ch = _s[_pos];
            var start = _pos;
            switch (ch)
            {
                case ' ' or '\t' or '\f':
                    _pos++;
                    continue;
                case '\n' or '\r':
                    {
                        _pos += ch == '\r' && _pos + 1 < _end && _s[_pos + 1] == '\n' ? 2 : 1;
                        if (_expression || _depth > 0 || !lineHasContent)
                        {
                            Add(TokenKind.NL, start, _pos, _line, _lineStart);
                        }
                        else
                        {
                            Add(TokenKind.Newline, start, _pos, _line, _lineStart);
                        }

                        _line++;
                        _lineStart = _pos;
                        if (!_expression && _depth == 0)
                        {
                            atLineStart = true;
                            lineHasContent = false;
                        }
                        else if (_depth > 0 && !_expression && LooksLikeStatementStart(_pos))
                        {
                            // An unclosed bracket would swallow the rest of the file; a `def`/`class`/`import` at
                            // column 1 means the bracket was never closed, so recover there.
                            Diag(contStart < 0 ? start : contStart, DiagnosticSeverity.Error, "python.unclosed-bracket", "bracket is never closed");
                            _depth = 0;
                            Push(new Token(TokenKind.Newline, _pos, 0, _line, 1));
                            atLineStart = true;
                            lineHasContent = false;
                        }

                        continue;
                    }

                case '#':
                    {
                        while (_pos < _end && _s[_pos] is not ('\n' or '\r'))
                        {
                            _pos++;
                        }

                        Add(TokenKind.Comment, start, _pos, _line, _lineStart);
                        continue;
                    }

                case '\\':
                    {
                        var n = _pos + 1;
                        if (n < _end && _s[n] is '\n' or '\r')
                        {
                            _pos = n + (_s[n] == '\r' && n + 1 < _end && _s[n + 1] == '\n' ? 2 : 1);
                            _line++;
                            _lineStart = _pos;
                            continue;
                        }

                        if (n >= _end)
                        {
                            _pos = n;
                            continue;
                        }

                        _pos++;
                        Add(TokenKind.ErrorToken, start, _pos, _line, _lineStart);
                        Diag(start, DiagnosticSeverity.Error, "python.stray-backslash", "unexpected character after line continuation character");
                        lineHasContent = true;
                        continue;
                    }
            }

            lineHasContent = true;
            if (ch is '\'' or '"')
            {
                ScanString(start, 0);
                continue;
            }

            if (IsIdStart(ch))
            {
                var p = _pos + 1;
                while (p < _end && IsIdContinue(_s[p]))
                {
                    p++;
                }

                if (p < _end && _s[p] is '\'' or '"' && p - start <= 2 && IsStringPrefix(_s.AsSpan(start, p - start)))
                {
                    ScanString(start, p - start);
                    continue;
                }

                _pos = p;
                Add(TokenKind.Name, start, p, _line, _lineStart);
                continue;
            }

            if (ch is >= '0' and <= '9' || (ch == '.' && _pos + 1 < _end && _s[_pos + 1] is >= '0' and <= '9'))
            {
                ScanNumber();
                Add(TokenKind.Number, start, _pos, _line, _lineStart);
                continue;
            }

            var len = OperatorLength(_s, _pos, _end);
            if (len > 0)
            {
                if (len == 1)
                {
                    if (ch is '(' or '[' or '{')
                    {
                        if (_depth == 0)
                        {
                            contStart = _pos;
                        }

                        _depth++;
                    }
                    else if (ch is ')' or ']' or '}')
                    {
                        if (_depth == 0)
                        {
                            if (!_expression)
                            {
                                Diag(_pos, DiagnosticSeverity.Error, "python.unbalanced-bracket", $"unmatched '{ch}'");
                            }
                        }
                        else
                        {
                            _depth--;
                        }
                    }
                }

                _pos += len;
                Add(TokenKind.Op, start, _pos, _line, _lineStart);
                continue;
            }

            // Not a token start (e.g. '$', '?', a backtick, a lone surrogate): one error token per character.
            _pos++;
            if (char.IsHighSurrogate(ch) && _pos < _end && char.IsLowSurrogate(_s[_pos]))
            {
                _pos++;
            }

            Add(TokenKind.ErrorToken, start, _pos, _line, _lineStart);
            Diag(start, DiagnosticSeverity.Error, "python.invalid-character", $"invalid character U+{(int)ch:X4}");
        }

        if (!_expression)
        {
            if (_depth > 0)
            {
                Diag(_end, DiagnosticSeverity.Error, "python.unclosed-bracket", "unexpected end of file inside brackets");
            }

            if (lineHasContent)
            {
                Push(new Token(TokenKind.Newline, _end, 0, _line, _end - _lineStart + 1));
            }

            for (var i = indents.Count - 1; i > 0; i--)
            {
                Push(new Token(TokenKind.Dedent, _end, 0, _line + (lineHasContent ? 1 : 0), 1));
            }
        }

        Push(new Token(TokenKind.EndMarker, _end, 0, _line + (lineHasContent && !_expression ? 1 : 0), 1));
        if (_droppedDiagnostics > 0)
        {
            _diags.Add(new Diagnostic(_path, null, DiagnosticSeverity.Info, "python.diagnostics-truncated", $"{_droppedDiagnostics} more tokenizer diagnostics not shown"));
        }

    }

    private bool LooksLikeStatementStart(int p)
    {
        static bool Word(string s, int p, int end, string w) =>
            p + w.Length < end && s.AsSpan(p, w.Length).SequenceEqual(w) && s[p + w.Length] == ' ';
        return p < _end && (Word(_s, p, _end, "def") || Word(_s, p, _end, "class") || Word(_s, p, _end, "import") || Word(_s, p, _end, "async") || (Word(_s, p, _end, "from") && _s.IndexOf(" import ", p, Math.Min(200, _end - p), StringComparison.Ordinal) > 0));
    }

    private void ScanNumber()
    {
        var s = _s;
        var p = _pos;
        if (s[p] == '0' && p + 1 < _end && s[p + 1] is 'x' or 'X' or 'o' or 'O' or 'b' or 'B')
        {
            p += 2;
            while (p < _end && (char.IsAsciiHexDigit(s[p]) || s[p] == '_'))
            {
                p++;
            }

            _pos = p;
            return;
        }

        while (p < _end && (char.IsAsciiDigit(s[p]) || s[p] == '_'))
        {
            p++;
        }

        if (p < _end && s[p] == '.')
        {
            p++;
            while (p < _end && (char.IsAsciiDigit(s[p]) || s[p] == '_'))
            {
                p++;
            }
        }

        if (p < _end && s[p] is 'e' or 'E')
        {
            var q = p + 1;
            if (q < _end && s[q] is '+' or '-')
            {
                q++;
            }

            if (q < _end && char.IsAsciiDigit(s[q]))
            {
                p = q;
                while (p < _end && (char.IsAsciiDigit(s[p]) || s[p] == '_'))
                {
                    p++;
                }
            }
        }

        if (p < _end && s[p] is 'j' or 'J' or 'l' or 'L')
        {
            p++;
        }

        _pos = p;
    }

    private enum FrameKind : byte
    {
        Literal,
        Expression,
        FormatSpec,
    }

    private struct StringFrame
    {
        public FrameKind Kind;
        public char Quote;
        public bool Triple;
        public bool IsF;
        public int Depth;
        public int FieldStart;
        public int FieldLine;
        public int FieldCol;
        public bool FieldDone;
    }

    /// <summary>Scans a string starting at <paramref name="start"/> whose prefix has <paramref name="prefixLen"/> chars.</summary>
    private void ScanString(int start, int prefixLen)
    {
        var tokenIndex = _count;
        var line = _line;
        var lineStart = _lineStart;
        if (!_s.AsSpan(start, prefixLen).ContainsAny('f', 'F'))
        {
            ScanPlainString(start, prefixLen, line, lineStart);
            return;
        }

        _frames.Clear();
        var p = start + prefixLen;
        PushString(ref p, _s.AsSpan(start, prefixLen));
        var strings = 1; // string frames on the stack
        var ok = false;
        while (p < _end)
        {
            var c = _s[p];
            var top = _frames[^1];
            if (top.Kind == FrameKind.Expression)
            {
                if (c is '\'' or '"')
                {
                    PushString(ref p, default);
                    strings++;
                    continue;
                }

                if (IsIdStart(c))
                {
                    var q = p + 1;
                    while (q < _end && IsIdContinue(_s[q]))
                    {
                        q++;
                    }

                    if (q < _end && _s[q] is '\'' or '"' && q - p <= 2 && IsStringPrefix(_s.AsSpan(p, q - p)))
                    {
                        var prefix = _s.AsSpan(p, q - p);
                        p = q;
                        PushString(ref p, prefix);
                        strings++;
                        continue;
                    }

                    p = q;
                    continue;
                }

                switch (c)
                {
                    case '(' or '[' or '{':
                        top.Depth++;
                        _frames[^1] = top;
                        p++;
                        continue;
                    case ')' or ']':
                        if (top.Depth > 0)
                        {
                            top.Depth--;
                            _frames[^1] = top;
                        }

                        p++;
                        continue;
                    case '}':
                        if (top.Depth > 0)
                        {
                            top.Depth--;
                            _frames[^1] = top;
                            p++;
                            continue;
                        }

                        EndField(top, p, strings);
                        _frames.RemoveAt(_frames.Count - 1);
                        p++;
                        continue;
                    case ':' when top.Depth == 0:
                        EndField(top, p, strings);
                        top.FieldDone = true;
                        _frames[^1] = top;
                        _frames.Add(new StringFrame { Kind = FrameKind.FormatSpec });
                        p++;
                        continue;
                    case '!' when top.Depth == 0 && (p + 1 >= _end || _s[p + 1] != '='):
                    case '=' when top.Depth == 0 && (p + 1 >= _end || _s[p + 1] != '=') && p > 0 && _s[p - 1] is not ('=' or '!' or '<' or '>'):
                        EndField(top, p, strings);
                        top.FieldDone = true;
                        _frames[^1] = top;
                        p++;
                        continue;
                    case '\\':
                        // A backslash at the very end of the input must not carry the scan past it.
                        p = Math.Min(p + 2, _end);
                        continue;
                    case '\n' or '\r':
                        if (top.Depth == 0 && !InnermostString().Triple)
                        {
                            goto Unterminated;
                        }

                        p += c == '\r' && p + 1 < _end && _s[p + 1] == '\n' ? 2 : 1;
                        _line++;
                        _lineStart = p;
                        continue;
                    default:
                        p++;
                        continue;
                }
            }

            // Literal text of a string, or a format spec.
            var str = InnermostString();
            if (c == '\\')
            {
                p++;
                if (p < _end)
                {
                    if (_s[p] is '\n' or '\r')
                    {
                        p += _s[p] == '\r' && p + 1 < _end && _s[p + 1] == '\n' ? 2 : 1;
                        _line++;
                        _lineStart = p;
                    }
                    else
                    {
                        p++;
                    }
                }

                continue;
            }

            if (c == str.Quote && (!str.Triple || (p + 2 < _end && _s[p + 1] == c && _s[p + 2] == c)))
            {
                // Close the innermost string (a format spec cut short by the quote ends with it).
                while (_frames[^1].Kind != FrameKind.Literal)
                {
                    _frames.RemoveAt(_frames.Count - 1);
                }

                _frames.RemoveAt(_frames.Count - 1);
                strings--;
                p += str.Triple ? 3 : 1;
                if (_frames.Count == 0)
                {
                    ok = true;
                    break;
                }

                continue;
            }

            if (c is '\n' or '\r')
            {
                if (!str.Triple)
                {
                    goto Unterminated;
                }

                p += c == '\r' && p + 1 < _end && _s[p + 1] == '\n' ? 2 : 1;
                _line++;
                _lineStart = p;
                continue;
            }

            if (str.IsF || top.Kind == FrameKind.FormatSpec)
            {
                if (c == '{')
                {
                    if (top.Kind == FrameKind.Literal && p + 1 < _end && _s[p + 1] == '{')
                    {
                        p += 2;
                        continue;
                    }

                    p++;
                    _frames.Add(new StringFrame { Kind = FrameKind.Expression, FieldStart = p, FieldLine = _line, FieldCol = p - _lineStart + 1 });
                    continue;
                }

                if (c == '}')
                {
                    if (top.Kind == FrameKind.FormatSpec)
                    {
                        _frames.RemoveAt(_frames.Count - 1); // the spec
                        _frames.RemoveAt(_frames.Count - 1); // its expression
                        p++;
                        continue;
                    }

                    p += p + 1 < _end && _s[p + 1] == '}' ? 2 : 1;
                    continue;
                }
            }

            p++;
        }

        Unterminated:
        _pos = p;
        if (!ok)
        {
            Diag(start, DiagnosticSeverity.Error, "python.unterminated-string", "unterminated string literal");
        }

        Push(new Token(TokenKind.String, start, p - start, line, start - lineStart + 1));
        // Fields were recorded with the token index they belong to.
        for (var i = _fields.Count - 1; i >= 0 && _fields[i].TokenIndex == -1; i--)
        {
            _fields[i] = _fields[i] with { TokenIndex = tokenIndex };
        }
    }

    private static readonly System.Buffers.SearchValues<char> SingleQuoteStops = System.Buffers.SearchValues.Create("'\\\n\r");
    private static readonly System.Buffers.SearchValues<char> DoubleQuoteStops = System.Buffers.SearchValues.Create("\"\\\n\r");

    /// <summary>The fast path for strings without replacement fields: vectorized search for the next stop character.</summary>
    private void ScanPlainString(int start, int prefixLen, int line, int lineStart)
    {
        var p = start + prefixLen;
        var q = _s[p];
        var triple = p + 2 < _end && _s[p + 1] == q && _s[p + 2] == q;
        p += triple ? 3 : 1;
        var stops = q == '\'' ? SingleQuoteStops : DoubleQuoteStops;
        var ok = false;
        while (p < _end)
        {
            var rel = _s.AsSpan(p, _end - p).IndexOfAny(stops);
            if (rel < 0)
            {
                p = _end;
                break;
            }

            p += rel;
            var c = _s[p];
            if (c == '\\')
            {
                p++;
                if (p < _end)
                {
                    if (_s[p] is '\n' or '\r')
                    {
                        p += _s[p] == '\r' && p + 1 < _end && _s[p + 1] == '\n' ? 2 : 1;
                        _line++;
                        _lineStart = p;
                    }
                    else
                    {
                        p++;
                    }
                }

                continue;
            }

            if (c == q)
            {
                if (!triple)
                {
                    p++;
                    ok = true;
                    break;
                }

                if (p + 2 < _end && _s[p + 1] == q && _s[p + 2] == q)
                {
                    p += 3;
                    ok = true;
                    break;
                }

                p++;
                continue;
            }

            // A line break.
            if (!triple)
            {
                break;
            }

            p += c == '\r' && p + 1 < _end && _s[p + 1] == '\n' ? 2 : 1;
            _line++;
            _lineStart = p;
        }

        _pos = p;
        if (!ok)
        {
            Diag(start, DiagnosticSeverity.Error, "python.unterminated-string", "unterminated string literal");
        }

        Push(new Token(TokenKind.String, start, p - start, line, start - lineStart + 1));
    }

    private StringFrame InnermostString()
    {
        for (var i = _frames.Count - 1; i >= 0; i--)
        {
            if (_frames[i].Kind == FrameKind.Literal)
            {
                return _frames[i];
            }
        }

        return default;
    }

    private void EndField(StringFrame expr, int p, int strings)
    {
        // Only fields of the outermost f-string are listed; inner ones appear when the field is tokenized.
        if (!expr.FieldDone && strings == 1 && p > expr.FieldStart)
        {
            _fields.Add(new FStringField(-1, expr.FieldStart, p, expr.FieldLine, expr.FieldCol));
        }
    }

    private void PushString(ref int p, ReadOnlySpan<char> prefix)
    {
        var q = _s[p];
        var triple = p + 2 < _end && _s[p + 1] == q && _s[p + 2] == q;
        var isF = prefix.Contains('f') || prefix.Contains('F');
        _frames.Add(new StringFrame { Kind = FrameKind.Literal, Quote = q, Triple = triple, IsF = isF });
        p += triple ? 3 : 1;
    }

    /// <summary>Whether a 1–2 character identifier is a valid string prefix (r, u, b, f, br, rb, fr, rf in any case).</summary>
    public static bool IsStringPrefix(ReadOnlySpan<char> p)
    {
        if (p.Length == 1)
        {
            return p[0] is 'r' or 'R' or 'u' or 'U' or 'b' or 'B' or 'f' or 'F';
        }

        if (p.Length != 2)
        {
            return false;
        }

        var a = char.ToLowerInvariant(p[0]);
        var b = char.ToLowerInvariant(p[1]);
        return (a, b) is ('r', 'b') or ('b', 'r') or ('r', 'f') or ('f', 'r');
    }

    /// <summary>Whether a character may start an identifier.</summary>
    public static bool IsIdStart(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' ||
        (c >= 0x80 && (char.IsLetter(c) || char.IsSurrogate(c) || char.GetUnicodeCategory(c) == UnicodeCategory.LetterNumber));

    /// <summary>Whether a character may continue an identifier.</summary>
    public static bool IsIdContinue(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' ||
        (c >= 0x80 && (char.IsLetterOrDigit(c) || char.IsSurrogate(c) || char.GetUnicodeCategory(c) is UnicodeCategory.LetterNumber or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.ConnectorPunctuation));

    private static int OperatorLength(string s, int p, int end)
    {
        var c = s[p];
        var c1 = p + 1 < end ? s[p + 1] : '\0';
        var c2 = p + 2 < end ? s[p + 2] : '\0';
        switch (c)
        {
            case '(' or ')' or '[' or ']' or '{' or '}' or ',' or ';' or '~':
                return 1;
            case '.':
                return c1 == '.' && c2 == '.' ? 3 : 1;
            case '*' or '/' or '<' or '>':
                if (c1 == c)
                {
                    return c2 == '=' ? 3 : 2;
                }

                if (c1 == '=' || (c == '<' && c1 == '>'))
                {
                    return 2;
                }

                return 1;
            case '-':
                return c1 is '=' or '>' ? 2 : 1;
            case '+' or '%' or '&' or '|' or '^' or '@' or '=' or '!' or ':':
                return c1 == '=' ? 2 : 1;
            default:
                return 0;
        }
    }
}
