namespace MLRepro.Knowledge;

/// <summary>
/// Conda package names that differ from the PyPI distribution they provide (conda-names.tsv): a conda environment's
/// `pytorch=1.4.0` declares what `import torch` needs.
/// </summary>
public static class CondaNames
{
    private static readonly Lazy<Dictionary<string, string>> s_table = new(() =>
        KnowledgeTable.Read("conda-names.tsv").Where(r => r.Length >= 2)
            .ToDictionary(r => Formats.Dependencies.Dependency.Normalize(r[0]), r => Formats.Dependencies.Dependency.Normalize(r[1]), StringComparer.Ordinal));

    /// <summary>The PyPI distribution (normalized) that the conda package provides, or null when the names agree.</summary>
    public static string? PyPiNameOf(string condaName) => s_table.Value.GetValueOrDefault(Formats.Dependencies.Dependency.Normalize(condaName));

    /// <summary>The conda names (normalized) that provide a PyPI distribution: torch → pytorch, pytorch-gpu.</summary>
    public static IEnumerable<string> CondaNamesOf(string pypiName)
    {
        var n = Formats.Dependencies.Dependency.Normalize(pypiName);
        return s_table.Value.Where(kv => kv.Value == n).Select(kv => kv.Key).Order(StringComparer.Ordinal);
    }
}
