namespace MLRepro.Knowledge;

/// <summary>Names that mark a deliberately configured hyperparameter (hyperparameters.txt).</summary>
public static class Hyperparameters
{
    private static readonly Lazy<HashSet<string>> s_names = new(() =>
        [.. KnowledgeTable.Read("hyperparameters.txt").Select(r => r[0].Trim()).Where(n => n.Length > 0)]);

    /// <summary>Whether a keyword or variable name is a hyperparameter name (case-insensitive for UPPER_CASE constants).</summary>
    public static bool IsHyperparameter(string name) =>
        s_names.Value.Contains(name) || (name.Length > 1 && s_names.Value.Contains(name.ToLowerInvariant()));
}
