using System.Text.RegularExpressions;
using MLRepro.Python;

namespace MLRepro.Analysis;

/// <summary>
/// Hash-order dependence: Python randomises the hash of str and bytes per process (PYTHONHASHSEED), so the order in
/// which a set of strings is iterated changes from run to run. Turning such a set into an ordered result —
/// `list(set(text))`, `enumerate(set(labels))` — gives, e.g., a different class-to-index or character-to-index mapping
/// in every run, however well the RNGs are seeded. `sorted(set(...))` fixes the order.
/// </summary>
public sealed partial class RandomnessAnalysis
{
    /// <summary>The pseudo call target reported for an ordered use of a string set.</summary>
    public const string HashOrderTarget = "set iteration order";

    /// <summary>How many assignments and call sites are followed to decide that a set holds strings.</summary>
    public const int MaxStringTraceDepth = 4;

    /// <summary>Calls whose result keeps the iteration order of their argument.</summary>
    private static readonly HashSet<string> s_ordering = new(StringComparer.Ordinal) { "list", "tuple", "enumerate", "zip", "numpy.array", "numpy.asarray", "dict.fromkeys" };

    /// <summary>Ordered uses of sets of strings in the given modules (none when the code pins PYTHONHASHSEED).</summary>
    internal static IEnumerable<RandomUse> HashOrderUses(IReadOnlyList<ModuleSummary> modules)
    {
        foreach (var m in modules)
        {
            foreach (var call in m.Calls)
            {
                if (!s_ordering.Contains(call.Target))
                {
                    continue;
                }

                foreach (var arg in call.Arguments.Where(a => a.Keyword is null && a.Star == 0))
                {
                    if (SetArgument(m, arg.Text.Trim(), call.Line) is { } elements && HoldsStrings(m, elements, call.Line, 0) && !OrderDiscarded(m, call, arg))
                    {
                        yield return new RandomUse(m.Path, call.Line, HashOrderTarget, null, null, null, null,
                            $"{call.RawTarget}(...) orders a set of strings ({Shorten(arg.Text)}); its order follows Python's per-process hash randomisation — use sorted(...)");
                        break;
                    }
                }
            }
        }
    }

    /// <summary>Whether the ordered result is passed straight to something order-insensitive: `sorted(list(set(x)))`, `len(list(set(x)))`.</summary>
    private static bool OrderDiscarded(ModuleSummary m, PythonCall call, CallArgument arg)
    {
        var inner = call.RawTarget + "(" + arg.Text.Trim();
        return m.Calls.Any(c => c.Line <= call.Line && c.Line >= call.Line - 3 && c != call && s_orderInsensitive.Contains(c.Target)
            && c.Arguments.Any(a => a.Text.Replace(" ", string.Empty, StringComparison.Ordinal).Contains(inner.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal)));
    }

    private static readonly HashSet<string> s_orderInsensitive = new(StringComparer.Ordinal) { "sorted", "len", "set", "frozenset", "max", "min", "sum", "any", "all", "collections.Counter", "Counter" };

    /// <summary>The text inside `set(...)` when an argument is a set of something: `set(x)` itself or a variable assigned one.</summary>
    private static string? SetArgument(ModuleSummary m, string text, int line)
    {
        for (var hop = 0; hop < 3; hop++)
        {
            if (SetCall().Match(text) is { Success: true } match)
            {
                return match.Groups[1].Value;
            }

            if (!Identifier().IsMatch(text))
            {
                return null;
            }

            var name = text;
            var assignment = m.Assignments.Where(a => a.RawTarget == name && a.Operator == "=" && a.Line <= line).MaxBy(a => a.Line);
            if (assignment is null)
            {
                return null;
            }

            text = assignment.ValueText.Trim();
            line = assignment.Line;
        }

        return null;
    }

    /// <summary>Whether an expression evidently holds strings: text read from a file, split text, a str dtype, string literals.</summary>
    private static bool HoldsStrings(ModuleSummary m, string text, int line, int depth)
    {
        text = text.Trim();
        if (StringEvidence().IsMatch(text))
        {
            return true;
        }

        if (depth >= MaxStringTraceDepth || BaseName().Match(text) is not { Success: true } b)
        {
            return false;
        }

        var name = b.Groups[1].Value;
        var assignment = m.Assignments.Where(a => a.RawTarget == name && a.Operator == "=" && a.Line <= line).MaxBy(a => a.Line);
        if (assignment is not null)
        {
            return HoldsStrings(m, assignment.ValueText, assignment.Line, depth + 1);
        }

        // A function parameter: what its call sites in the same module pass.
        var fn = m.Functions.Where(f => f.Line <= line && f.Parameter(name) is not null).MaxBy(f => f.Line);
        if (fn?.PositionalIndex(name) is not { } position)
        {
            return false;
        }

        return m.Calls.Where(c => c.Target == fn.Name && c.Line != fn.Line)
            .Select(c => c.Keyword(name) ?? c.PositionalAt(position))
            .Any(a => a is not null && HoldsStrings(m, a.Text, a.Text.Length > 0 ? CallLine(m, fn.Name, a) : line, depth + 1));
    }

    private static int CallLine(ModuleSummary m, string function, CallArgument a) =>
        m.Calls.FirstOrDefault(c => c.Target == function && c.Arguments.Contains(a))?.Line ?? int.MaxValue;

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";

    [GeneratedRegex(@"^(?:frozen)?set\((.+)\)$", RegexOptions.Singleline)]
    private static partial Regex SetCall();

    [GeneratedRegex(@"^[A-Za-z_]\w*$")]
    private static partial Regex Identifier();

    /// <summary>The variable an expression starts from: `rows[:, -1]`, `df.label`, `x.values` → rows, df, x.</summary>
    [GeneratedRegex(@"^([A-Za-z_]\w*)\s*(?:$|[\[.])")]
    private static partial Regex BaseName();

    [GeneratedRegex(@"\.read\(\)|\.readlines\(\)|\.split\(|\.splitlines\(|\.lower\(\)|\.upper\(\)|\.strip\(\)|\bstr\(|dtype\s*=\s*(?:np\.|numpy\.)?(?:dtype\()?\s*(?:str\b|['""](?:str|U\d*|<U\d*|S\d*)['""])|^['""]|^\[\s*['""]", RegexOptions.Singleline)]
    private static partial Regex StringEvidence();
}
