using System.Collections.Immutable;

namespace MLRepro.Formats.Dependencies;

/// <summary>A parsed PEP 508 requirement ("name[extras] specifier ; marker" or "name @ url ; marker").</summary>
/// <param name="RawName">Name as written.</param>
/// <param name="Extras">Extras, normalized and sorted.</param>
/// <param name="Specifier">Version specifier without spaces, or null.</param>
/// <param name="Marker">Marker text, or null.</param>
/// <param name="Url">Direct reference URL, or null.</param>
public sealed record RequirementSpec(string RawName, ImmutableArray<string> Extras, string? Specifier, string? Marker, string? Url)
{
    /// <summary>Longest requirement text considered; longer strings are not requirements.</summary>
    public const int MaxLength = 4096;

    /// <summary>Parses one PEP 508 requirement; null (with a reason) when it is not one.</summary>
    public static RequirementSpec? Parse(string text, out string? error)
    {
        error = null;
        var s = text.Trim();
        if (s.Length == 0)
        {
            error = "empty requirement";
            return null;
        }

        if (s.Length > MaxLength)
        {
            error = $"requirement longer than {MaxLength} characters";
            return null;
        }

        var i = 0;
        while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] is '-' or '_' or '.'))
        {
            i++;
        }

        if (i == 0 || !char.IsAsciiLetterOrDigit(s[0]))
        {
            error = $"'{Clip(s)}' does not start with a package name";
            return null;
        }

        var name = s[..i].TrimEnd('.', '-', '_');
        if (name.Length == 0)
        {
            error = $"'{Clip(s)}' does not start with a package name";
            return null;
        }

        i = name.Length;
        SkipSpaces(s, ref i);
        var extras = ImmutableArray<string>.Empty;
        if (i < s.Length && s[i] == '[')
        {
            var close = s.IndexOf(']', i);
            if (close < 0)
            {
                error = "unclosed '[' in extras";
                return null;
            }

            extras = [.. s[(i + 1)..close].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(Dependency.Normalize).Where(e => e.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
            i = close + 1;
            SkipSpaces(s, ref i);
        }

        string? marker = null;
        string? url = null;
        string? spec = null;
        var rest = s[i..];
        if (rest.StartsWith('@'))
        {
            // A URL may itself contain ';' only in rare cases; PEP 508 requires a space before the marker's ';'.
            var body = rest[1..].Trim();
            var semi = body.IndexOf(" ;", StringComparison.Ordinal);
            if (semi < 0)
            {
                semi = body.IndexOf("; ", StringComparison.Ordinal);
            }

            if (semi >= 0)
            {
                marker = NullIfEmpty(body[(semi + 1)..].Trim().TrimStart(';').Trim());
                body = body[..semi].Trim();
            }

            url = NullIfEmpty(body);
            if (url is null)
            {
                error = "'@' without a URL";
                return null;
            }
        }
        else
        {
            var semi = rest.IndexOf(';');
            if (semi >= 0)
            {
                marker = NullIfEmpty(rest[(semi + 1)..].Trim());
                rest = rest[..semi];
            }

            rest = rest.Trim();
            if (rest.StartsWith('(') && rest.EndsWith(')'))
            {
                rest = rest[1..^1];
            }

            var compact = string.Concat(rest.Where(c => !char.IsWhiteSpace(c)));
            if (compact.Length > 0)
            {
                if (!IsSpecifier(compact))
                {
                    error = $"'{Clip(compact)}' is not a version specifier";
                    return null;
                }

                spec = compact;
            }
        }

        return new RequirementSpec(name, extras, spec, marker, url);
    }

    /// <summary>Whether text is a comma-separated list of PEP 440 clauses (operator then version).</summary>
    public static bool IsSpecifier(string compact)
    {
        foreach (var clause in compact.Split(','))
        {
            var c = clause;
            var op = c.StartsWith("===", StringComparison.Ordinal) ? 3
                : c.Length >= 2 && c[1] == '=' && c[0] is '=' or '!' or '<' or '>' or '~' ? 2
                : c.Length >= 1 && c[0] is '<' or '>' ? 1
                : 0;
            if (op == 0 || c.Length == op)
            {
                return false;
            }

            foreach (var ch in c[op..])
            {
                if (!(char.IsAsciiLetterOrDigit(ch) || ch is '.' or '*' or '+' or '!' or '-' or '_'))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static void SkipSpaces(string s, ref int i)
    {
        while (i < s.Length && char.IsWhiteSpace(s[i]))
        {
            i++;
        }
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    internal static string Clip(string s) => s.Length <= 80 ? s : s[..77] + "...";

    /// <summary>Builds a <see cref="Dependency"/> from a parsed requirement.</summary>
    public Dependency ToDependency(string path, int line, DependencyKind kind, bool hasHashes = false, string? group = null)
    {
        var exact = Dependency.ExactVersionOf(Specifier);
        return new Dependency(Dependency.Normalize(RawName), RawName, Extras, Specifier, exact, exact is not null || Dependency.IsPinnedVcsUrl(Url), hasHashes, Marker, path, line, kind, "pypi", Url, group);
    }
}
