namespace MLRepro.Knowledge;

/// <summary>
/// Hard requirements of well-known distributions (implied-dependencies.tsv): declaring pandas installs numpy, so an
/// `import numpy` is covered, though its version is then only fixed by a lock file.
/// </summary>
public static class ImpliedDependencies
{
    private static readonly Lazy<Dictionary<string, string[]>> s_table = new(() =>
        KnowledgeTable.Read("implied-dependencies.tsv").Where(r => r.Length >= 2)
            .ToDictionary(r => Formats.Dependencies.Dependency.Normalize(r[0]), r => r[1].Split(',').Select(Formats.Dependencies.Dependency.Normalize).ToArray(), StringComparer.Ordinal));

    /// <summary>
    /// The declared distribution (normalized name) whose installation brings <paramref name="distribution"/> in,
    /// following the table transitively; null when none does.
    /// </summary>
    public static string? ProviderOf(string distribution, IEnumerable<string> declared)
    {
        var target = Formats.Dependencies.Dependency.Normalize(distribution);
        foreach (var root in declared)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { root };
            var queue = new Queue<string>([root]);
            while (queue.Count > 0)
            {
                var d = queue.Dequeue();
                foreach (var dep in s_table.Value.GetValueOrDefault(d) ?? [])
                {
                    if (dep == target)
                    {
                        return root;
                    }

                    if (seen.Add(dep))
                    {
                        queue.Enqueue(dep);
                    }
                }
            }
        }

        return null;
    }
}
