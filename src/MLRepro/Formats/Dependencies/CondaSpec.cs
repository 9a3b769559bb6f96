using System.Collections.Immutable;
using MLRepro.Formats.Yaml;

namespace MLRepro.Formats.Dependencies;

/// <summary>Reads conda match specifications: "numpy=1.26", "numpy==1.26.4", "numpy=1.26.4=py310h_0", "pytorch::pytorch>=2", "numpy 1.26.*".</summary>
public static class CondaSpec
{
    /// <summary>
    /// Parses one conda spec. A single '=' is a prefix match in conda, so it counts as an exact pin only when a build
    /// string follows or the version has three or more release components (a prefix of a full patch version).
    /// </summary>
    public static Dependency? Parse(string text, string path, int line, DependencyKind kind, out string? error)
    {
        error = null;
        var s = text.Trim();
        string? channel = null;
        var cc = s.IndexOf("::", StringComparison.Ordinal);
        if (cc >= 0)
        {
            channel = s[..cc].Trim();
            s = s[(cc + 2)..].Trim();
        }

        // Bracket form: numpy[version='>=1.20',build=...]
        string? bracket = null;
        var br = s.IndexOf('[');
        if (br > 0 && s.EndsWith(']'))
        {
            bracket = s[(br + 1)..^1];
            s = s[..br];
        }

        var i = 0;
        while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] is '-' or '_' or '.'))
        {
            i++;
        }

        if (i == 0)
        {
            error = $"'{RequirementSpec.Clip(text)}' is not a conda package spec";
            return null;
        }

        var name = s[..i];
        var rest = s[i..].Trim();
        if (bracket is not null && rest.Length == 0)
        {
            foreach (var part in bracket.Split(','))
            {
                var kv = part.Split('=', 2);
                if (kv.Length == 2 && kv[0].Trim() == "version")
                {
                    rest = kv[1].Trim().Trim('\'', '"');
                }
            }
        }

        string? spec = null;
        string? exact = null;
        if (rest.Contains(YamlReadOptions.JinjaPlaceholder, StringComparison.Ordinal))
        {
            rest = string.Empty; // a templated version is unknown statically
        }

        if (rest.Length > 0)
        {
            // "numpy 1.26.4 py310h_0" (space-separated form) becomes "=1.26.4=py310h_0".
            if (char.IsAsciiDigit(rest[0]))
            {
                var parts = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                rest = "=" + string.Join('=', parts);
            }

            spec = rest.Replace(" ", string.Empty, StringComparison.Ordinal);
            if (spec.StartsWith("==", StringComparison.Ordinal))
            {
                exact = Dependency.ExactVersionOf(spec.Split('=', StringSplitOptions.RemoveEmptyEntries) is [var v, ..] ? "==" + v : null);
            }
            else if (spec.StartsWith('=') && !spec.StartsWith("=="))
            {
                var parts = spec[1..].Split('=');
                var version = parts[0];
                var hasBuild = parts.Length > 1 && parts[1].Length > 0;
                if (version.Length > 0 && !version.Contains('*') && !version.Contains(',') && !version.Contains('|')
                    && (hasBuild || version.Split('.').Length >= 3))
                {
                    exact = version;
                }
            }
        }

        return new Dependency(Dependency.Normalize(name), name, ImmutableArray<string>.Empty, spec, exact, exact is not null, false, null, path, line, kind, "conda", null, channel);
    }
}
