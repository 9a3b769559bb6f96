using System.Collections.Frozen;

namespace MLRepro.Knowledge;

/// <summary>
/// The top-level modules of CPython's standard library for Python 3.8–3.13 (embedded table stdlib.tsv: each name
/// with the first and last minor version that has it), so that imports of the standard library are never
/// mistaken for missing third-party packages.
/// </summary>
public static class StdlibModules
{
    /// <summary>Oldest minor version covered.</summary>
    public const int MinMinor = 8;

    /// <summary>Newest minor version covered.</summary>
    public const int MaxMinor = 13;

    private static readonly Lazy<FrozenDictionary<string, (int Since, int Until)>> s_table = new(Load);

    /// <summary>All names in the table (any version).</summary>
    public static IEnumerable<string> All => s_table.Value.Keys.Order(StringComparer.Ordinal);

    /// <summary>
    /// Whether a top-level module (dotted names use their first part) is in the standard library. With a version
    /// ("3.12", "3.10.4", "&gt;=3.9"), only modules present in that version count; without, any of 3.8–3.13.
    /// Versions outside the covered range are clamped to it.
    /// </summary>
    public static bool IsStdlib(string topLevel, string? pythonVersion = null)
    {
        var name = topLevel.Trim().Split('.')[0];
        if (!s_table.Value.TryGetValue(name, out var range))
        {
            return false;
        }

        if (ParseMinor(pythonVersion) is not { } minor)
        {
            return true;
        }

        minor = Math.Clamp(minor, MinMinor, MaxMinor);
        return minor >= range.Since && minor <= range.Until;
    }

    /// <summary>The minor version of "3.11", "3.11.4", "&gt;=3.9,&lt;3.12", "python3.10"; null when not a Python 3 version.</summary>
    internal static int? ParseMinor(string? version)
    {
        if (string.IsNullOrWhiteSpace(version))
        {
            return null;
        }

        var i = version.IndexOf("3.", StringComparison.Ordinal);
        if (i < 0 || (i > 0 && char.IsAsciiDigit(version[i - 1])))
        {
            return null;
        }

        var j = i + 2;
        var start = j;
        while (j < version.Length && char.IsAsciiDigit(version[j]))
        {
            j++;
        }

        return j > start && int.TryParse(version.AsSpan(start, j - start), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var minor) ? minor : null;
    }

    private static FrozenDictionary<string, (int, int)> Load()
    {
        var dict = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        foreach (var row in KnowledgeTable.Read("stdlib.tsv"))
        {
            if (row.Length < 2)
            {
                continue;
            }

            var since = ParseMinor(row[1]) ?? MinMinor;
            var until = row.Length > 2 && ParseMinor(row[2]) is { } u ? u : MaxMinor;
            dict[row[0]] = (since, until);
        }

        return dict.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
