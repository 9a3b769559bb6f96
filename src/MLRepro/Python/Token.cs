namespace MLRepro.Python;

/// <summary>The kind of a Python token (mirrors CPython's <c>tokenize</c> token types).</summary>
public enum TokenKind : byte
{
    /// <summary>End of input (always the last token).</summary>
    EndMarker,
    /// <summary>An identifier or keyword.</summary>
    Name,
    /// <summary>A numeric literal.</summary>
    Number,
    /// <summary>A string literal, prefix and quotes included; an f-string is one token (its replacement
    /// fields are listed in <see cref="TokenizeResult.FStringFields"/>).</summary>
    String,
    /// <summary>An operator or delimiter.</summary>
    Op,
    /// <summary>The end of a logical line.</summary>
    Newline,
    /// <summary>A non-logical line break (blank line, comment line, inside brackets).</summary>
    NL,
    /// <summary>A comment, '#' included.</summary>
    Comment,
    /// <summary>An increase of indentation.</summary>
    Indent,
    /// <summary>A decrease of indentation.</summary>
    Dedent,
    /// <summary>A character that starts no token (reported as a diagnostic).</summary>
    ErrorToken,
}

/// <summary>
/// One token: its kind and where it lies. The text is not materialized (a token is a small value);
/// call <see cref="Text(string)"/> with the source to get it.
/// </summary>
/// <param name="Kind">The token kind.</param>
/// <param name="Offset">Offset of the first character in the source string.</param>
/// <param name="Length">Length in characters (0 for NEWLINE at end of file, INDENT/DEDENT and ENDMARKER).</param>
/// <param name="Line">1-based line of the first character.</param>
/// <param name="Column">1-based column (UTF-16 units) of the first character.</param>
public readonly record struct Token(TokenKind Kind, int Offset, int Length, int Line, int Column)
{
    /// <summary>Offset one past the last character.</summary>
    public int End => Offset + Length;

    /// <summary>The token's text.</summary>
    public string Text(string source) => source.Substring(Offset, Length);

    /// <summary>The token's text as a span (no allocation).</summary>
    public ReadOnlySpan<char> Span(string source) => source.AsSpan(Offset, Length);

    /// <summary>Whether this is the operator or delimiter <paramref name="op"/>.</summary>
    public bool IsOp(string source, string op) => Kind == TokenKind.Op && Span(source).SequenceEqual(op);

    /// <summary>Whether this is the single-character operator <paramref name="c"/>.</summary>
    public bool IsOp(string source, char c) => Kind == TokenKind.Op && Length == 1 && source[Offset] == c;

    /// <summary>Whether this is the name or keyword <paramref name="name"/>.</summary>
    public bool IsName(string source, string name) => Kind == TokenKind.Name && Span(source).SequenceEqual(name);
}

/// <summary>A replacement field of an f-string: the expression text between '{' and its ':', '!', '=' or '}'.</summary>
/// <param name="TokenIndex">Index of the STRING token the field belongs to.</param>
/// <param name="Start">Offset of the expression's first character.</param>
/// <param name="End">Offset one past its last character.</param>
/// <param name="Line">1-based line of <paramref name="Start"/>.</param>
/// <param name="Column">1-based column of <paramref name="Start"/>.</param>
public readonly record struct FStringField(int TokenIndex, int Start, int End, int Line, int Column);
