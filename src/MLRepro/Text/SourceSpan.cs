namespace MLRepro.Text;

/// <summary>A 1-based line and column range in a text file. Columns count UTF-16 code units from 1.</summary>
public readonly record struct SourceSpan(int Line, int Column, int EndLine, int EndColumn)
{
    /// <summary>A span covering a single position.</summary>
    public static SourceSpan At(int line, int column = 1) => new(line, column, line, column);

    /// <summary>A span covering whole lines.</summary>
    public static SourceSpan Lines(int line, int endLine) => new(line, 1, endLine, 1);

    /// <inheritdoc />
    public override string ToString() => Line == EndLine ? $"{Line}:{Column}" : $"{Line}:{Column}-{EndLine}:{EndColumn}";
}
