namespace MLRepro.Knowledge;

/// <summary>What role an API plays for randomness.</summary>
public enum RandomnessKind
{
    /// <summary>Seeds the global RNG of one or more libraries.</summary>
    Seed,
    /// <summary>Creates a generator object seeded by its argument.</summary>
    Factory,
    /// <summary>Draws from a library's global RNG.</summary>
    Use,
    /// <summary>Takes its own seed parameter; without it falls back to a global RNG (or is unseeded).</summary>
    Local,
    /// <summary>A determinism switch.</summary>
    Setting,
    /// <summary>A switch known to make runs nondeterministic.</summary>
    BadSetting,
    /// <summary>
    /// A call that a wildcard row would take for a draw but that draws nothing (torch.nn.init's shape helpers and constant
    /// fills): it shadows the wildcard, and <see cref="RandomnessTable.Match"/> reports no row for it.
    /// </summary>
    NoDraw,
    /// <summary>
    /// Creates a simulated environment (gym, gymnasium, Stable-Baselines3 vectorised envs) with its own RNG: initial states,
    /// stochastic dynamics and sticky actions draw from it, seeded only by <c>reset(seed=…)</c>, <c>env.seed(…)</c>,
    /// <c>action_space.seed(…)</c> or the factory's own seed keyword, else from OS entropy.
    /// </summary>
    Environment,
}

/// <summary>One row of the randomness table.</summary>
/// <param name="Kind">Role.</param>
/// <param name="Pattern">Dotted target; a trailing * matches any suffix; a leading "*." matches any receiver.</param>
/// <param name="Libraries">RNG names seeded (Seed) or drawn from (Use/Local fallback).</param>
/// <param name="Param">The seed/generator keyword, or null.</param>
/// <param name="Position">The seed's positional index, or null.</param>
/// <param name="Note">Why it matters.</param>
/// <param name="Default">For Seed rows: the seed the API uses when none is passed (TrainingArguments' seed=42), or null
/// when a missing seed means no seeding.</param>
public sealed record RandomnessApi(RandomnessKind Kind, string Pattern, IReadOnlyList<string> Libraries, string? Param, int? Position, string Note, string? Default = null)
{
    /// <summary>Whether a resolved call target matches this row.</summary>
    public bool Matches(string target)
    {
        if (Pattern.StartsWith("*.", StringComparison.Ordinal))
        {
            return target.EndsWith(Pattern[1..], StringComparison.Ordinal);
        }

        if (Pattern.EndsWith('*'))
        {
            return target.StartsWith(Pattern[..^1], StringComparison.Ordinal);
        }

        return target == Pattern;
    }
}

/// <summary>
/// The embedded table of randomness sources (randomness.tsv): which calls seed, draw from, or configure
/// the random number generators of Python, NumPy, PyTorch, TensorFlow, JAX, scikit-learn and others.
/// </summary>
public static class RandomnessTable
{
    private static readonly Lazy<IReadOnlyList<RandomnessApi>> s_rows = new(Load);

    /// <summary>All rows.</summary>
    public static IReadOnlyList<RandomnessApi> All => s_rows.Value;

    /// <summary>The rows of APIs that draw, seed or configure randomness (without the <see cref="RandomnessKind.NoDraw"/> exceptions).</summary>
    public static int KnownApiCount => All.Count(r => r.Kind != RandomnessKind.NoDraw);

    /// <summary>The human name of an RNG.</summary>
    public static string DisplayName(string rng) => rng switch
    {
        "random" => "Python random",
        "numpy" => "NumPy",
        "torch" => "PyTorch",
        "torch-cuda" => "PyTorch CUDA",
        "tensorflow" => "TensorFlow",
        _ => rng,
    };

    /// <summary>The first row matching a call target, preferring exact patterns over wildcards.</summary>
    public static RandomnessApi? Match(string target)
    {
        // Asked once per call of the project: exact patterns by dictionary, the few wildcards in table order.
        var (exact, wildcards) = s_index.Value;
        if (exact.TryGetValue(target, out var row))
        {
            return row.Kind == RandomnessKind.NoDraw ? null : row;
        }

        foreach (var w in wildcards)
        {
            if (w.Matches(target))
            {
                return w;
            }
        }

        return null;
    }

    private static readonly Lazy<(Dictionary<string, RandomnessApi> Exact, RandomnessApi[] Wildcards)> s_index = new(() =>
    {
        var exact = new Dictionary<string, RandomnessApi>(StringComparer.Ordinal);
        foreach (var row in All.Where(r => !r.Pattern.Contains('*', StringComparison.Ordinal)))
        {
            exact.TryAdd(row.Pattern, row); // the first exact row wins, as in table order
        }

        return (exact, [.. All.Where(r => r.Pattern.Contains('*', StringComparison.Ordinal))]);
    });

    /// <summary>A canonical target: sklearn's private modules folded (sklearn.ensemble._forest.X → sklearn.ensemble.X), tf → tensorflow.</summary>
    public static string Canonical(string target)
    {
        if (target.StartsWith("tf.", StringComparison.Ordinal))
        {
            target = "tensorflow." + target[3..];
        }

        if (target.StartsWith("sklearn.", StringComparison.Ordinal))
        {
            var parts = target.Split('.');
            var kept = parts.Where((p, i) => i == 0 || i == parts.Length - 1 || !p.StartsWith('_')).ToArray();
            target = string.Join('.', kept);
        }

        return target;
    }

    private static IReadOnlyList<RandomnessApi> Load() =>
        [.. KnowledgeTable.Read("randomness.tsv").Select(r => new RandomnessApi(
            r[0] switch
            {
                "seed" => RandomnessKind.Seed,
                "factory" => RandomnessKind.Factory,
                "use" => RandomnessKind.Use,
                "local" => RandomnessKind.Local,
                "setting" => RandomnessKind.Setting,
                "badsetting" => RandomnessKind.BadSetting,
                "nodraw" => RandomnessKind.NoDraw,
                "environment" => RandomnessKind.Environment,
                _ => throw new InvalidOperationException($"randomness.tsv: unknown kind '{r[0]}'"),
            },
            r[1],
            r[2] == "-" ? [] : r[2].Split(','),
            r.Length > 3 && r[3] != "-" ? r[3] : null,
            r.Length > 4 && int.TryParse(r[4], out var p) ? p : null,
            r.Length > 5 ? r[5] : string.Empty,
            r.Length > 6 && r[6] != "-" ? r[6] : null))];
}
