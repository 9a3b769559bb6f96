using System.Text;
using MLRepro.Text;

namespace MLRepro.Formats.Dependencies;

/// <summary>Joins backslash-continued physical lines into one logical line, in linear time.</summary>
public static class LogicalLine
{
    /// <summary>Longest logical line kept; continuation text past it is consumed but dropped.</summary>
    public const int MaxLength = 1 << 20;

    /// <summary>
    /// Reads the logical line starting at physical line <paramref name="n"/> (1-based) and leaves <paramref name="n"/>
    /// on its last physical line. The trailing backslashes are removed and the pieces joined with a space.
    /// </summary>
    public static string Read(SourceText source, ref int n, int lastLine, bool trimPieces = false)
    {
        var line = source.GetLine(n);
        if (trimPieces)
        {
            line = line.Trim();
        }

        if (!line.EndsWith('\\') || n >= lastLine)
        {
            return line.EndsWith('\\') ? line[..^1] : line;
        }

        var sb = new StringBuilder(line, 0, line.Length - 1, Math.Min(MaxLength, line.Length * 4));
        while (n < lastLine)
        {
            var next = source.GetLine(++n);
            if (trimPieces)
            {
                next = next.Trim();
            }

            var more = next.EndsWith('\\');
            if (sb.Length < MaxLength)
            {
                sb.Append(' ').Append(next, 0, more ? next.Length - 1 : next.Length);
            }

            if (!more)
            {
                break;
            }
        }

        return sb.ToString();
    }
}
