using System.Text.RegularExpressions;
using MLRepro.Python;

namespace MLRepro.Analysis;

/// <summary>
/// Traces an argument back to where its value comes from: a literal, a config key, a command-line option,
/// an environment variable. Follows simple assignments in the same module (a few hops) and, for a function
/// parameter, the arguments of the function's call sites elsewhere in the project (one level).
/// </summary>
public sealed partial class ValueTracer
{
    /// <summary>How many assignment hops are followed.</summary>
    public const int MaxHops = 4;

    private readonly IReadOnlyList<ModuleSummary> _modules;
    private readonly IReadOnlySet<string> _configKeys;
    private readonly IReadOnlySet<string> _cliFromConfig;
    private readonly IReadOnlySet<string> _nullKeys;

    /// <summary>Creates a tracer.</summary>
    /// <param name="modules">All Python modules (for call sites of helper functions).</param>
    /// <param name="configKeys">Leaf key names of every config file (e.g. "seed", "lr").</param>
    /// <param name="cliFromConfig">Command-line option names (dest form, e.g. "seed") that a pipeline, Makefile or
    /// MLproject fills from a config value.</param>
    /// <param name="nullKeys">Leaf keys whose committed value is null (`seed: null`): a seed read from them is no seed.</param>
    public ValueTracer(IReadOnlyList<ModuleSummary> modules, IReadOnlySet<string> configKeys, IReadOnlySet<string> cliFromConfig, IReadOnlySet<string>? nullKeys = null)
    {
        _modules = modules;
        _configKeys = configKeys;
        _cliFromConfig = cliFromConfig;
        _nullKeys = nullKeys ?? new HashSet<string>();
    }

    /// <summary>Traces an argument used at a line of a module.</summary>
    public (SeedOrigin Origin, string? ConfigKey) Trace(ModuleSummary module, CallArgument? arg, int line) =>
        arg is null ? (SeedOrigin.None, null) : Trace(module, arg.Text, arg.Literal, line, depth: 0);

    private (SeedOrigin, string?) Trace(ModuleSummary m, string text, PythonLiteral? literal, int line, int depth)
    {
        if (literal is not null)
        {
            return literal.Kind == LiteralKind.None ? (SeedOrigin.None, null) : (SeedOrigin.HardCoded, null);
        }

        text = text.Trim();
        for (var hop = 0; hop < MaxHops && Identifier().IsMatch(text); hop++)
        {
            var assignment = m.Assignments.Where(a => a.RawTarget == text && a.Operator == "=" && a.Line <= line).MaxBy(a => a.Line)
                ?? m.Assignments.Where(a => a.RawTarget == text && a.Operator == "=").MinBy(a => a.Line);
            if (assignment is null)
            {
                return depth == 0 ? TraceParameter(m, text, line) : (SeedOrigin.Unknown, null);
            }

            if (assignment.Literal is { } lit)
            {
                return lit.Kind == LiteralKind.None ? (SeedOrigin.None, null) : (SeedOrigin.HardCoded, null);
            }

            line = assignment.Line;
            text = assignment.ValueText.Trim();
        }

        if (Entropy().IsMatch(text))
        {
            // A seed drawn from the clock or the OS changes every run: as good as no seed.
            return (SeedOrigin.None, null);
        }

        if (text.Contains("sys.argv", StringComparison.Ordinal))
        {
            return (SeedOrigin.CommandLine, null);
        }

        if (text.Contains("os.environ", StringComparison.Ordinal) || text.Contains("getenv", StringComparison.Ordinal))
        {
            return (SeedOrigin.Environment, null);
        }

        var baseName = BaseName().Match(text) is { Success: true } b ? b.Value : null;
        var keys = KeyParts(text);
        if (baseName is not null && IsArgparseNamespace(m, baseName))
        {
            var dest = keys.LastOrDefault();
            return dest is not null && _cliFromConfig.Contains(dest) ? (SeedOrigin.Config, dest) : (SeedOrigin.CommandLine, dest);
        }

        var configKey = keys.LastOrDefault(k => _configKeys.Contains(k));
        if (configKey is not null)
        {
            // `seed: null` committed: the default run reads no seed at all.
            return _nullKeys.Contains(configKey) && configKey == keys[^1] ? (SeedOrigin.None, configKey) : (SeedOrigin.Config, configKey);
        }

        if (baseName is not null && keys.Count > 0 && IsConfigObject(m, baseName))
        {
            return (SeedOrigin.Config, keys[^1]);
        }

        // A config object built in code: `C.system.seed = 3407` somewhere, read as `config.system.seed`.
        if (keys.Count >= 1 && depth == 0)
        {
            var suffix = "." + string.Join('.', keys.TakeLast(Math.Min(2, keys.Count)));
            if (FirstAssignmentEndingWith(suffix) is var (other, a))
            {
                return Trace(other, a.ValueText, a.Literal, a.Line, depth: 1);
            }
        }

        // Literal arithmetic such as `1337 + seed_offset` (a rank offset): fixed for a given launch.
        if (LiteralArithmetic().IsMatch(text))
        {
            return (SeedOrigin.HardCoded, null);
        }

        return (SeedOrigin.Unknown, null);
    }

    /// <summary>A parameter of the enclosing function: trace the matching argument at the function's call sites.</summary>
    private (SeedOrigin, string?) TraceParameter(ModuleSummary m, string name, int line)
    {
        var fn = m.Functions.Where(f => f.Line <= line).MaxBy(f => f.Line);
        if (fn is null)
        {
            return (SeedOrigin.Unknown, null);
        }

        (SeedOrigin, string?) best = (SeedOrigin.Unknown, null);
        foreach (var (caller, call) in CallSites(fn.Name))
        {
            {

                var arg = call.Keyword(name) ?? call.PositionalAt(0);
                if (arg is null)
                {
                    continue;
                }

                var r = Trace(caller, arg.Text, arg.Literal, call.Line, depth: 1);
                if (Rank(r.Item1) < Rank(best.Item1))
                {
                    best = r;
                }
            }
        }

        return best;
    }

    private Dictionary<string, List<(ModuleSummary, PythonAssignment)>>? _assignmentsByLastPart;

    /// <summary>
    /// The first `=` assignment of the project (modules in order, then source order) whose target ends with
    /// <paramref name="suffix"/> (which starts with a dot). A target ending with the suffix has the same text after its
    /// last dot, so candidates come from an index by that last part, built once, not from a scan of every module per trace.
    /// </summary>
    private (ModuleSummary, PythonAssignment)? FirstAssignmentEndingWith(string suffix)
    {
        if (_assignmentsByLastPart is null)
        {
            var map = new Dictionary<string, List<(ModuleSummary, PythonAssignment)>>(StringComparer.Ordinal);
            foreach (var m in _modules)
            {
                foreach (var a in m.Assignments)
                {
                    var dot = a.RawTarget.LastIndexOf('.');
                    if (a.Operator != "=" || dot < 0)
                    {
                        continue;
                    }

                    var last = a.RawTarget[(dot + 1)..];
                    if (!map.TryGetValue(last, out var list))
                    {
                        map[last] = list = [];
                    }

                    list.Add((m, a));
                }
            }

            _assignmentsByLastPart = map;
        }

        if (_assignmentsByLastPart.GetValueOrDefault(suffix[(suffix.LastIndexOf('.') + 1)..]) is { } candidates)
        {
            foreach (var (m, a) in candidates)
            {
                if (a.RawTarget.EndsWith(suffix, StringComparison.Ordinal))
                {
                    return (m, a);
                }
            }
        }

        return null;
    }

    private Dictionary<string, List<(ModuleSummary, PythonCall)>>? _callSites;

    /// <summary>Every call in the project by the callee's last name (built once: tracing asks for many names).</summary>
    private List<(ModuleSummary, PythonCall)> CallSites(string name)
    {
        if (_callSites is null)
        {
            var map = new Dictionary<string, List<(ModuleSummary, PythonCall)>>(StringComparer.Ordinal);
            foreach (var m in _modules)
            {
                foreach (var c in m.Calls)
                {
                    var last = c.Target[(c.Target.LastIndexOf('.') + 1)..];
                    if (!map.TryGetValue(last, out var list))
                    {
                        map[last] = list = [];
                    }

                    list.Add((m, c));
                }
            }

            _callSites = map;
        }

        return _callSites.GetValueOrDefault(name) ?? [];
    }

    private static int Rank(SeedOrigin o) => o switch
    {
        SeedOrigin.Config => 0,
        SeedOrigin.CommandLine => 1,
        SeedOrigin.Environment => 2,
        SeedOrigin.HardCoded => 3,
        SeedOrigin.Unknown => 4,
        _ => 5,
    };

    private static bool IsArgparseNamespace(ModuleSummary m, string name) =>
        m.Assignments.Any(a => a.RawTarget == name && (a.ValueText.Contains("parse_args", StringComparison.Ordinal) || a.ValueText.Contains("parse_known_args", StringComparison.Ordinal)))
        || (name is "args" or "opt" or "opts" or "FLAGS" or "flags" && m.CliOptions.Length > 0);

    private static bool IsConfigObject(ModuleSummary m, string name) =>
        m.Assignments.Any(a => a.RawTarget == name && ConfigLoad().IsMatch(a.ValueText))
        || m.Decorators.Any(d => d.Target.EndsWith("hydra.main", StringComparison.Ordinal) || d.Target.EndsWith("main", StringComparison.Ordinal) && d.RawTarget.Contains("hydra", StringComparison.Ordinal))
            && name is "cfg" or "config" or "conf" or "hparams" or "params";

    /// <summary>The subscript keys and attribute names of an expression, in order (cfg["train"]["seed"] → train, seed).</summary>
    internal static List<string> KeyParts(string text)
    {
        var keys = new List<string>();
        foreach (Match match in KeyPart().Matches(text))
        {
            keys.Add(match.Groups["s"].Success ? match.Groups["s"].Value : match.Groups["a"].Value);
        }

        return keys;
    }

    [GeneratedRegex(@"\btime\.(time|time_ns|perf_counter|monotonic)\(|datetime\.(now|utcnow|today)\(|os\.urandom|uuid\.uuid4|secrets\.|random\.SystemRandom")]
    private static partial Regex Entropy();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^\(?\s*\d+\s*[-+*]\s*[A-Za-z_][\w.]*\s*\)?$|^\(?\s*[A-Za-z_][\w.]*\s*[-+*]\s*\d+\s*\)?$")]
    private static partial Regex LiteralArithmetic();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex BaseName();

    [GeneratedRegex(@"\[\s*[""'](?<s>[^""']+)[""']\s*\]|\.get\(\s*[""'](?<s>[^""']+)[""']|\.(?<a>[A-Za-z_][A-Za-z0-9_]*)(?!\s*\()")]
    private static partial Regex KeyPart();

    [GeneratedRegex(@"(yaml\.(safe_)?load|json\.load|toml\.load|tomllib\.load|OmegaConf\.(load|create|merge)|compose\(|load_config|read_config|get_config|load_params|configparser|\.load\()")]
    private static partial Regex ConfigLoad();
}
