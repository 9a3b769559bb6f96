using System.Collections.Frozen;
using System.Collections.Immutable;
using MLRepro.Formats.Dependencies;

namespace MLRepro.Knowledge;

/// <summary>
/// Which distributions (PyPI names) provide an import name: sklearn → scikit-learn, cv2 → opencv-python (or the
/// headless/contrib builds), PIL → Pillow. Backed by the embedded table import-packages.tsv.
/// </summary>
public static class ImportPackages
{
    private static readonly Lazy<FrozenDictionary<string, ImmutableArray<string>>> s_table = new(Load);
    private static readonly Lazy<FrozenDictionary<string, ImmutableArray<string>>> s_reverse = new(BuildReverse);

    /// <summary>Number of import names in the table.</summary>
    public static int Count => s_table.Value.Count;

    /// <summary>
    /// The distributions that provide a module, the usual one first, then alternatives. A dotted name matches its
    /// longest known prefix ("google.protobuf.json_format" → protobuf). Unknown names fall back to the top-level
    /// module name itself, as pip names usually equal import names.
    /// </summary>
    public static ImmutableArray<string> DistributionsFor(string module)
    {
        var m = module.Trim();
        if (m.Length == 0)
        {
            return [];
        }

        if (Lookup(m) is { } known)
        {
            return known;
        }

        var top = m.Split('.')[0];
        return [top];
    }

    /// <summary>Whether the table knows the module (or a dotted prefix of it).</summary>
    public static bool IsKnown(string module) => Lookup(module.Trim()) is not null;

    /// <summary>
    /// Whether a declared distribution provides an import: by the table (either direction) or because the
    /// normalized names match (torch ↔ torch, python_dateutil ↔ python-dateutil).
    /// </summary>
    public static bool Provides(string distribution, string module)
    {
        var dist = Dependency.Normalize(distribution);
        foreach (var d in DistributionsFor(module))
        {
            if (Dependency.Normalize(d) == dist)
            {
                return true;
            }
        }

        return Dependency.Normalize(module.Split('.')[0]) == dist;
    }

    /// <summary>Import names the table lists for a distribution (normalized lookup), e.g. scikit-learn → sklearn.</summary>
    public static ImmutableArray<string> ModulesFor(string distribution) =>
        s_reverse.Value.TryGetValue(Dependency.Normalize(distribution), out var mods) ? mods : [];

    private static ImmutableArray<string>? Lookup(string m)
    {
        var table = s_table.Value;
        while (true)
        {
            if (table.TryGetValue(m, out var d))
            {
                return d;
            }

            var dot = m.LastIndexOf('.');
            if (dot < 0)
            {
                return null;
            }

            m = m[..dot];
        }
    }

    private static FrozenDictionary<string, ImmutableArray<string>> Load()
    {
        var dict = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var row in KnowledgeTable.Read("import-packages.tsv"))
        {
            if (row.Length < 2 || row[0].Length == 0 || row[1].Length == 0)
            {
                continue;
            }

            var alts = row.Length > 2 ? row[2].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
            dict[row[0]] = [row[1], .. alts.Where(a => a != row[1])];
        }

        return dict.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, ImmutableArray<string>> BuildReverse()
    {
        var rev = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (module, dists) in s_table.Value)
        {
            foreach (var d in dists)
            {
                var key = Dependency.Normalize(d);
                if (!rev.TryGetValue(key, out var set))
                {
                    rev[key] = set = new SortedSet<string>(StringComparer.Ordinal);
                }

                set.Add(module);
            }
        }

        return rev.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToImmutableArray(), StringComparer.Ordinal);
    }
}
