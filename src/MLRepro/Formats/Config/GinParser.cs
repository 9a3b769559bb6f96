using MLRepro.Text;

namespace MLRepro.Formats.Config;

/// <summary>
/// Reads gin-config files (<c>*.gin</c>, github.com/google/gin-config): bindings <c>[scope/]configurable.parameter = value</c>
/// and macros <c>NAME = value</c>, one per logical line (a value continues while its brackets are open or a line ends in a
/// backslash), <c>#</c> comments, and <c>include '…'</c>, <c>import …</c> and <c>from … import …</c> lines, which bind nothing.
/// Each binding becomes one entry keyed by its selector (<c>build.history_size</c>, <c>train/Trainer.learning_rate</c>), so
/// the parameter name is the key's last part, as code reads it. Never throws; a line that is neither is a diagnostic.
/// </summary>
internal static class GinParser
{
    /// <summary>A value spanning more lines than this is cut off (a runaway bracket).</summary>
    private const int MaxValueLines = 500;

    public static void Parse(SourceText source, List<ConfigEntry> entries, List<Diagnostic> diags)
    {
        for (var n = 1; n <= source.LineCount; n++)
        {
            var line = StripComment(source.GetLine(n)).Trim();
            if (line.Length == 0 || line.StartsWith("include ", StringComparison.Ordinal) || line.StartsWith("import ", StringComparison.Ordinal)
                || line.StartsWith("from ", StringComparison.Ordinal))
            {
                continue;
            }

            var eq = line.IndexOf('=');
            var key = eq > 0 ? line[..eq].Trim() : string.Empty;
            if (key.Length == 0 || !IsSelector(key))
            {
                diags.Add(new Diagnostic(source.Path, SourceSpan.At(n), DiagnosticSeverity.Warning, "gin.syntax", "neither a binding (name.parameter = value) nor an include or import"));
                continue;
            }

            var start = n;
            var value = line[(eq + 1)..].Trim();
            var depth = Depth(value);
            while ((depth > 0 || value.EndsWith('\\')) && n < source.LineCount && n - start < MaxValueLines)
            {
                n++;
                var next = StripComment(source.GetLine(n)).Trim();
                value = (value.EndsWith('\\') ? value[..^1].TrimEnd() : value) + " " + next;
                depth += Depth(next);
            }

            if (depth > 0)
            {
                diags.Add(new Diagnostic(source.Path, SourceSpan.At(start), DiagnosticSeverity.Warning, "gin.syntax", "a bracket of this value is never closed"));
            }

            value = value.Trim();
            var (text, kind) = value switch
            {
                ['[' or '(', ..] => (value, ConfigValueKind.List),
                "None" => (null, ConfigValueKind.Null),
                _ => ConfigParser.Infer(GinScalar(value), iniBooleans: false),
            };
            entries.Add(new ConfigEntry(key, text, kind, start));
        }
    }

    /// <summary><c>True</c>/<c>False</c> are Python literals in gin; quoted strings lose their quotes.</summary>
    private static string GinScalar(string value) => value switch
    {
        "True" => "true",
        "False" => "false",
        _ when value.Length >= 2 && value[0] is '\'' or '"' && value[^1] == value[0] => value[1..^1],
        _ => value,
    };

    /// <summary>A gin selector: dotted Python names, optionally behind a scope (<c>train/</c>) or module path.</summary>
    private static bool IsSelector(string key) =>
        key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '/') && (char.IsAsciiLetter(key[0]) || key[0] == '_');

    /// <summary>The line without a <c>#</c> comment outside quotes.</summary>
    private static string StripComment(string line)
    {
        var quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '#')
            {
                return line[..i];
            }
        }

        return line;
    }

    /// <summary>Brackets opened minus closed, outside quotes.</summary>
    private static int Depth(string text)
    {
        var (depth, quote) = (0, '\0');
        foreach (var c in text)
        {
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                depth--;
            }
        }

        return depth;
    }
}
