using MLRepro.Text;

namespace MLRepro.Formats.Config;

/// <summary>One INI section with its values in file order.</summary>
internal sealed record IniSection(string Name, int Line, IReadOnlyList<(string Key, string Value, int Line)> Values)
{
    public string? Get(string key) => Values.LastOrDefault(v => string.Equals(v.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
}

/// <summary>A parsed INI file.</summary>
internal sealed record IniDocument(IReadOnlyList<IniSection> Sections);

/// <summary>
/// A configparser-style INI reader (also used for .dvc/config): `[section]`, `key = value` or `key: value`,
/// `#`/`;` comments, indented continuation lines. Section names written as `['remote "s3"']` lose the quotes.
/// </summary>
internal static class IniParser
{
    public static IniDocument Parse(SourceText source, List<Diagnostic> diags)
    {
        var sections = new List<IniSection>();
        var name = string.Empty;
        var line0 = 1;
        var values = new List<(string Key, string Value, int Line)>();
        for (var n = 1; n <= source.LineCount; n++)
        {
            var raw = source.GetLine(n);
            var t = raw.Trim();
            if (t.Length == 0 || t[0] is '#' or ';')
            {
                continue;
            }

            if (t[0] == '[')
            {
                if (values.Count > 0 || name.Length > 0)
                {
                    sections.Add(new IniSection(name, line0, values));
                }

                var close = t.LastIndexOf(']');
                name = (close > 0 ? t[1..close] : t[1..]).Trim();
                if (name.Length >= 2 && name[0] is '\'' or '"' && name[^1] == name[0])
                {
                    name = name[1..^1];
                }

                if (close < 0)
                {
                    diags.Add(new Diagnostic(source.Path, SourceSpan.At(n), DiagnosticSeverity.Warning, "ini.syntax", "section header without ']'"));
                }

                line0 = n;
                values = [];
                continue;
            }

            // An indented line continues the previous value (configparser) unless it is itself a
            // `key = value` after a non-empty value (configobj files such as .dvc/config indent keys).
            if (char.IsWhiteSpace(raw[0]) && values.Count > 0 && (values[^1].Value.Length == 0 || t.IndexOfAny(['=', ':']) <= 0))
            {
                // configparser continuation line.
                var last = values[^1];
                values[^1] = (last.Key, last.Value.Length == 0 ? t : last.Value + "\n" + t, last.Line);
                continue;
            }

            var sep = t.IndexOfAny(['=', ':']);
            if (sep <= 0)
            {
                diags.Add(new Diagnostic(source.Path, SourceSpan.At(n), DiagnosticSeverity.Warning, "ini.syntax", "neither a section header nor key = value"));
                continue;
            }

            var value = t[(sep + 1)..].Trim();
            var comment = value.IndexOf(" ;", StringComparison.Ordinal) is var c1 and >= 0 ? c1 : value.IndexOf(" #", StringComparison.Ordinal);
            if (comment >= 0)
            {
                value = value[..comment].TrimEnd();
            }

            values.Add((t[..sep].Trim(), value, n));
        }

        if (values.Count > 0 || name.Length > 0)
        {
            sections.Add(new IniSection(name, line0, values));
        }

        return new IniDocument(sections);
    }
}
