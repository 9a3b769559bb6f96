using System.Globalization;
using System.Text.RegularExpressions;

namespace MLRepro.Knowledge;

/// <summary>How a removed API is recognised.</summary>
public enum RemovedApiKind
{
    /// <summary>A resolved call target, exactly.</summary>
    Call,
    /// <summary>Any resolved call target starting with the pattern.</summary>
    Prefix,
    /// <summary>An imported module, or module.name for `from module import name`.</summary>
    Import,
    /// <summary>A regular expression over a source line.</summary>
    Text,
    /// <summary>A call of a target passing a keyword its release no longer accepts: <c>target(keyword)</c>, or a string value of it: <c>target(keyword=value)</c>.</summary>
    Keyword,
    /// <summary>A call of a target passing more than N positional arguments, where the release made the rest keyword-only: <c>target/N</c>.</summary>
    Positional,
}

/// <summary>An API that a release of its package removed (removed-apis.tsv).</summary>
/// <param name="Kind">How it is recognised.</param>
/// <param name="Pattern">The call target, prefix, import or regular expression.</param>
/// <param name="Package">The distribution whose release removed it ("python" for the standard library).</param>
/// <param name="RemovedIn">The first release without it.</param>
/// <param name="UseInstead">What replaces it.</param>
public sealed record RemovedApi(RemovedApiKind Kind, string Pattern, string Package, string RemovedIn, string UseInstead)
{
    /// <summary>The compiled pattern of a <see cref="RemovedApiKind.Text"/> row.</summary>
    internal Regex? Regex { get; init; }
}

/// <summary>
/// APIs removed from Python, NumPy, SciPy, scikit-learn, TensorFlow and PyTorch (removed-apis.tsv): code that calls
/// them fails on a fresh install unless the project pins a release from before the removal.
/// </summary>
public static class RemovedApis
{
    private static readonly Lazy<IReadOnlyList<RemovedApi>> s_table = new(() =>
        [.. KnowledgeTable.Read("removed-apis.tsv").Where(r => r.Length >= 5).Select(r =>
        {
            var kind = Enum.Parse<RemovedApiKind>(r[0], ignoreCase: true);
            // NonBacktracking runs in time linear in the line, with no timeout: a timeout fired on a busy machine and turned
            // code.runs into an error, so the verdict depended on the load.
            return new RemovedApi(kind, r[1], r[2], r[3], r[4])
            {
                Regex = kind == RemovedApiKind.Text ? new Regex(r[1], RegexOptions.CultureInvariant | RegexOptions.NonBacktracking) : null,
            };
        })]);

    /// <summary>Every row of the table.</summary>
    public static IReadOnlyList<RemovedApi> All => s_table.Value;

    /// <summary>The row matching a resolved call target, or null.</summary>
    public static RemovedApi? ForCall(string target) =>
        All.FirstOrDefault(a => (a.Kind == RemovedApiKind.Call && a.Pattern == target) || (a.Kind == RemovedApiKind.Prefix && target.StartsWith(a.Pattern, StringComparison.Ordinal)));

    /// <summary>
    /// The row matching a call: its target (call and prefix rows), a keyword it passes that the release removed (keyword
    /// rows), or more positional arguments than the release accepts (positional rows, librosa 0.10's keyword-only
    /// parameters); null when none does.
    /// </summary>
    /// <param name="target">The resolved call target.</param>
    /// <param name="keywords">The keywords the call passes (null for a positional argument).</param>
    /// <param name="positional">How many plain positional arguments it passes.</param>
    /// <param name="valueOf">The string literal a keyword passes, for rows that name a removed value (<c>target(keyword=value)</c>).</param>
    public static RemovedApi? ForCall(string target, IReadOnlyList<string?> keywords, int positional, Func<string, string?>? valueOf = null)
    {
        if (ForCall(target) is { } api)
        {
            return api;
        }

        foreach (var a in All)
        {
            if (a.Kind == RemovedApiKind.Keyword && a.Pattern.StartsWith(target + "(", StringComparison.Ordinal) && a.Pattern.EndsWith(')'))
            {
                // target(keyword) matches the keyword whatever its value; target(keyword=value) only that string value
                // (max_features='auto', which scikit-learn 1.3 rejects while the keyword itself stays).
                var inner = a.Pattern[(target.Length + 1)..^1];
                var eq = inner.IndexOf('=', StringComparison.Ordinal);
                var name = eq < 0 ? inner : inner[..eq];
                if (keywords.Contains(name, StringComparer.Ordinal) && (eq < 0 || valueOf?.Invoke(name) == inner[(eq + 1)..]))
                {
                    return a;
                }
            }

            if (a.Kind == RemovedApiKind.Positional && a.Pattern.StartsWith(target + "/", StringComparison.Ordinal)
                && int.TryParse(a.Pattern.AsSpan(target.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var max) && positional > max)
            {
                return a;
            }
        }

        return null;
    }

    /// <summary>The row matching `import module` or `from module import name`, or null.</summary>
    public static RemovedApi? ForImport(string module, string? name) =>
        All.FirstOrDefault(a => a.Kind == RemovedApiKind.Import && (IsModuleOrChild(module, a.Pattern) || (name is not null && IsModuleOrChild(module + "." + name, a.Pattern))));

    /// <summary>The rows whose regular expression matches a source line.</summary>
    public static IEnumerable<RemovedApi> ForLine(string line) =>
        All.Where(a => a.Kind == RemovedApiKind.Text && a.Regex!.IsMatch(line));

    private static bool IsModuleOrChild(string module, string pattern) =>
        module == pattern || module.StartsWith(pattern + ".", StringComparison.Ordinal);

    /// <summary>
    /// Whether every version a specifier allows is older than <paramref name="version"/>: "==1.15.0", "&lt;2", "&lt;=1.15",
    /// "~=1.15", "1.15.*" and bare versions ("3.7", as runtimes are written) are; open ranges and null are not.
    /// </summary>
    public static bool AllowsOnlyBefore(string? specifier, string version)
    {
        if (string.IsNullOrWhiteSpace(specifier) || Parse(version) is not { } limit)
        {
            return false;
        }

        foreach (var raw in specifier.Split(','))
        {
            var c = raw.Trim().Replace(" ", string.Empty, StringComparison.Ordinal);
            if (c.StartsWith("<=", StringComparison.Ordinal) && Parse(c[2..]) is { } le && Compare(le, limit) < 0)
            {
                return true;
            }

            if (c.StartsWith('<') && !c.StartsWith("<=", StringComparison.Ordinal) && Parse(c[1..]) is { } lt && Compare(lt, limit) <= 0)
            {
                return true;
            }

            if (c.StartsWith("~=", StringComparison.Ordinal) && Parse(c[2..]) is { Length: >= 2 } compatible)
            {
                // ~=1.15 allows 1.x from 1.15: below the limit when the next major is.
                var ceiling = compatible[..^1];
                ceiling[^1]++;
                if (Compare(ceiling, limit) <= 0)
                {
                    return true;
                }
            }

            var exact = c.TrimStart('=');
            if ((c.StartsWith("==", StringComparison.Ordinal) || (c.Length > 0 && char.IsAsciiDigit(c[0]))) && Parse(exact.TrimEnd('*', '.')) is { } pinned)
            {
                // A wildcard or a short version (3.7) means every release of that series.
                var series = exact.EndsWith('*') || !exact.Contains('.', StringComparison.Ordinal) || (c.Length > 0 && char.IsAsciiDigit(c[0]) && pinned.Length <= 2);
                if (series ? Compare(Next(pinned), limit) <= 0 : Compare(pinned, limit) < 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static int[] Next(int[] v)
    {
        var n = (int[])v.Clone();
        n[^1]++;
        return n;
    }

    private static int[]? Parse(string v)
    {
        var m = Regex.Match(v, @"^v?(\d+(?:\.\d+)*)", RegexOptions.CultureInvariant);
        return m.Success ? [.. m.Groups[1].Value.Split('.').Take(4).Select(p => int.Parse(p.Length > 6 ? p[..6] : p, CultureInfo.InvariantCulture))] : null;
    }

    private static int Compare(int[] a, int[] b)
    {
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var x = i < a.Length ? a[i] : 0;
            var y = i < b.Length ? b[i] : 0;
            if (x != y)
            {
                return x.CompareTo(y);
            }
        }

        return 0;
    }
}
