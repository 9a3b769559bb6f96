namespace MLRepro.Text;

/// <summary>
/// The decoded text of one file plus a line-start table, so that any offset maps to a line and column.
/// Decoding is lenient: invalid UTF-8 becomes U+FFFD and is reported once by the reader.
/// </summary>
public sealed class SourceText
{
    private int[]? _lineStarts;

    /// <summary>Creates a source text for a repository-relative path.</summary>
    public SourceText(string path, string text)
    {
        Path = path;
        Text = text;
    }

    /// <summary>Repository-relative path with '/' separators.</summary>
    public string Path { get; }

    /// <summary>The whole text (a leading BOM removed).</summary>
    public string Text { get; }

    /// <summary>Offsets at which each line starts; line N (1-based) starts at LineStarts[N-1].</summary>
    public IReadOnlyList<int> LineStarts => _lineStarts ??= ComputeLineStarts(Text);

    /// <summary>Number of lines (a trailing newline does not start a new counted line with content).</summary>
    public int LineCount => LineStarts.Count;

    /// <summary>Maps a character offset to a 1-based (line, column).</summary>
    public (int Line, int Column) GetPosition(int offset)
    {
        var starts = (int[])LineStarts;
        var idx = Array.BinarySearch(starts, offset);
        if (idx < 0)
        {
            idx = ~idx - 1;
        }

        idx = Math.Max(0, idx);
        return (idx + 1, offset - starts[idx] + 1);
    }

    /// <summary>A span for the character range [start, end).</summary>
    public SourceSpan GetSpan(int start, int end)
    {
        var (l1, c1) = GetPosition(start);
        var (l2, c2) = GetPosition(Math.Max(start, end));
        return new SourceSpan(l1, c1, l2, c2);
    }

    /// <summary>The text of a 1-based line without its line break; empty when out of range.</summary>
    public string GetLine(int line)
    {
        if (line < 1 || line > LineStarts.Count)
        {
            return string.Empty;
        }

        var start = LineStarts[line - 1];
        var end = line < LineStarts.Count ? LineStarts[line] : Text.Length;
        while (end > start && (Text[end - 1] == '\n' || Text[end - 1] == '\r'))
        {
            end--;
        }

        return Text[start..end];
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }
}
