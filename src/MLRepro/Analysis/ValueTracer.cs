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

    /// <summary>How deep tracing recurses through parameters, generator objects, sums and attributes (each step is one level).</summary>
    public const int MaxParameterDepth = 4;

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
    /// <param name="passedFlags">Command-line option names (dest form) that some committed command (README, script, pipeline) passes.</param>
    /// <param name="local">The project's import resolver (built from <paramref name="modules"/> when first needed if not given).</param>
    public ValueTracer(IReadOnlyList<ModuleSummary> modules, IReadOnlySet<string> configKeys, IReadOnlySet<string> cliFromConfig, IReadOnlySet<string>? nullKeys = null, IReadOnlySet<string>? passedFlags = null, LocalModules? local = null)
    {
        _local = local;
        _modules = modules;
        _configKeys = configKeys;
        _cliFromConfig = cliFromConfig;
        _nullKeys = nullKeys ?? new HashSet<string>();
        _passedFlags = passedFlags;
    }

    private readonly IReadOnlySet<string>? _passedFlags;

    /// <summary>
    /// Whether a command-line option defaults to None (`add_argument("--random_seed", type=int, default=None)`, or no default)
    /// and neither a config file nor any committed command gives it a value: the default run reads no seed from it.
    /// </summary>
    private bool DefaultsToNone(ModuleSummary m, string dest)
    {
        if (_passedFlags is null || _passedFlags.Contains(dest) || _configKeys.Contains(dest))
        {
            return false;
        }

        var option = m.CliOptions.FirstOrDefault(o => o.Dest == dest) ?? _modules.SelectMany(x => x.CliOptions).FirstOrDefault(o => o.Dest == dest);
        return option is not null && option.Flags.Any(f => f.StartsWith('-')) && (option.Default is null ? option.Type is "int" or "str" or "float" : option.Default.Literal?.Kind == LiteralKind.None);
    }

    /// <summary>Traces an argument used at a line of a module.</summary>
    public (SeedOrigin Origin, string? ConfigKey) Trace(ModuleSummary module, CallArgument? arg, int line) =>
        arg is null ? (SeedOrigin.None, null) : Trace(module, arg.Text, arg.Literal, line, depth: 0);

    /// <summary>
    /// Most call sites of one function (or class) whose arguments are traced for a parameter: a name such as `forward`
    /// or `__init__` in a project that vendors a model zoo has thousands, and tracing each through up to
    /// <see cref="MaxParameterDepth"/> further levels of callers grows exponentially. The first ones in project order count.
    /// </summary>
    public const int MaxCallSites = 64;

    // Results by (module, text, line, depth): the same argument is reached through many callers, and without this the
    // search repeats whole subtrees (minutes on a project that vendors a copy of transformers).
    private readonly Dictionary<(string Path, string Text, int Line, int Depth), (SeedOrigin, string?)> _memo = [];

    private (SeedOrigin, string?) Trace(ModuleSummary m, string text, PythonLiteral? literal, int line, int depth)
    {
        if (literal is not null)
        {
            return literal.Kind == LiteralKind.None ? (SeedOrigin.None, null) : (SeedOrigin.HardCoded, null);
        }

        var key = (m.Path, text, line, depth);
        lock (_memo)
        {
            if (_memo.TryGetValue(key, out var known))
            {
                return known;
            }
        }

        Interlocked.Increment(ref _uncachedTraces);
        var result = TraceUncached(m, text, line, depth);
        lock (_memo)
        {
            _memo[key] = result;
        }

        return result;
    }

    private int _uncachedTraces;

    /// <summary>How many traces were computed rather than answered from the memo (tests bound the search with it).</summary>
    internal int UncachedTraces => Volatile.Read(ref _uncachedTraces);

    private (SeedOrigin, string?) TraceUncached(ModuleSummary m, string text, int line, int depth)
    {

        text = text.Trim();
        string? variable = null;
        for (var hop = 0; hop < MaxHops && Identifier().IsMatch(text); hop++)
        {
            variable = text;
            var assignment = m.Assignments.Where(a => a.RawTarget == text && a.Operator == "=" && a.Line <= line).MaxBy(a => a.Line)
                ?? m.Assignments.Where(a => a.RawTarget == text && a.Operator == "=").MinBy(a => a.Line);
            if (assignment is null)
            {
                // `from pkg.constants import SEED` (no parameter of that name around the line): the constant's own origin.
                if (!m.Functions.Any(f => f.Line <= line && f.Parameter(text) is not null) && ImportedConstant(m, text, depth) is { } imported)
                {
                    return imported;
                }

                return depth < MaxParameterDepth ? TraceParameter(m, text, line, depth) : (SeedOrigin.Unknown, null);
            }

            if (assignment.Literal is { } lit)
            {
                return lit.Kind == LiteralKind.None ? (SeedOrigin.None, null) : (SeedOrigin.HardCoded, null);
            }

            line = assignment.Line;
            text = assignment.ValueText.Trim();
        }

        // A generator object: `torch.Generator().manual_seed(42)` inline, or `rng = torch.Generator()` followed by
        // `rng.manual_seed(1337)`; its seed is the argument of the seeding call.
        if (GeneratorSeed().Match(text) is { Success: true } seeded && depth < MaxParameterDepth + 1)
        {
            return TraceText(m, seeded.Groups["arg"].Value, line, depth + 1);
        }

        if (variable is not null && GeneratorFactory().IsMatch(text)
            && m.Calls.Where(c => c.RawTarget == variable + ".manual_seed" || c.RawTarget == variable + ".seed").MinBy(c => c.Line) is { } reseed)
        {
            return reseed.PositionalAt(0) is { } a ? Trace(m, a.Text, a.Literal, reseed.Line, depth + 1) : (SeedOrigin.None, null);
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

        if (depth <= MaxParameterDepth && SplitArithmetic(text) is { } terms)
        {
            return TraceArithmetic(m, terms, line, depth);
        }

        if (depth <= MaxParameterDepth && SelfAttribute().Match(text) is { Success: true } self)
        {
            return TraceSelfAttribute(m, self.Groups["a"].Value, line, depth);
        }

        var baseName = BaseName().Match(text) is { Success: true } b ? b.Value : null;
        var keys = KeyParts(text);
        if (depth <= MaxParameterDepth && DictConstant(m, text, line, depth) is { } entry)
        {
            return entry;
        }

        if (baseName is not null && IsArgparseNamespace(m, baseName))
        {
            var dest = keys.LastOrDefault();
            return dest is not null && _cliFromConfig.Contains(dest) ? (SeedOrigin.Config, dest)
                : dest is not null && DefaultsToNone(m, dest) ? (SeedOrigin.None, dest)
                : (SeedOrigin.CommandLine, dest);
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

        // `model_args, data_args, training_args = parser.parse_args_into_dataclasses()` (transformers' HfArgumentParser):
        // each field of the dataclasses is a command-line flag whose default is the field's default (TrainingArguments.seed
        // is 42), so `training_args.seed` is a command-line value, not an unknown one.
        if (baseName is not null && keys.Count > 0 && UnpackedDataclassParse(m, baseName) is { } parsed)
        {
            return (parsed, keys[^1]);
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

        return (SeedOrigin.Unknown, null);
    }

    /// <summary>
    /// A parameter of the enclosing function: trace the matching argument at the function's call sites, and the
    /// parameter's default where a call leaves it out (`def set_seeds(seed=42)` called as `set_seeds()`).
    /// </summary>
    private (SeedOrigin, string?) TraceParameter(ModuleSummary m, string name, int line, int depth)
    {
        // The nearest function defined before the line that declares the parameter (nested helpers see the
        // parameters of the function around them).
        var fn = m.Functions.Where(f => f.Line <= line && f.Parameter(name) is not null).MaxBy(f => f.Line);
        if (fn is null)
        {
            return (SeedOrigin.Unknown, null);
        }

        var parameter = fn.Parameter(name)!;
        var position = fn.PositionalIndex(name);
        (SeedOrigin, string?)? best = null;
        foreach (var (caller, call) in CallSites(fn.Name).Take(MaxCallSites))
        {
            if (caller == m && call.Line == fn.Line)
            {
                continue;
            }

            var arg = call.Keyword(name) ?? (position is { } p ? call.PositionalAt(p) : null);
            (SeedOrigin, string?) r;
            if (arg is not null)
            {
                r = Trace(caller, arg.Text, arg.Literal, call.Line, depth + 1);
            }
            else if (call.Arguments.Any(a => a.Star > 0))
            {
                // f(*args) / f(**kwargs): the value is whatever the spread holds.
                r = (SeedOrigin.Unknown, null);
            }
            else
            {
                r = Default(m, fn, parameter, depth);
            }

            if (best is null || Rank(r.Item1) < Rank(best.Value.Item1))
            {
                best = r;
            }
        }

        // Never called from the project's code (a framework or a notebook cell calls it): the default applies.
        return best ?? Default(m, fn, parameter, depth);
    }

    /// <summary>
    /// `seed + RANK`, `6148914691236517205 + seed + rank`, `self.seed + self.epoch`: literals and per-process or per-epoch
    /// offsets (rank, worker id, epoch, step) are fixed for a given launch; the sum is as fixed as its other terms.
    /// </summary>
    private (SeedOrigin, string?) TraceArithmetic(ModuleSummary m, List<string> terms, int line, int depth)
    {
        (SeedOrigin, string?)? best = null;
        var worst = SeedOrigin.HardCoded;
        foreach (var term in terms)
        {
            if (NumberLiteral().IsMatch(term) || OffsetName().IsMatch(term))
            {
                continue;
            }

            var r = TraceText(m, term, line, depth + 1);
            if (r.Item1 is SeedOrigin.Unknown or SeedOrigin.None)
            {
                worst = r.Item1;
            }

            if (best is null || Rank(r.Item1) < Rank(best.Value.Item1))
            {
                best = r;
            }
        }

        if (worst is SeedOrigin.Unknown or SeedOrigin.None)
        {
            // One term changes between runs (or cannot be traced): so does the sum.
            return (worst, null);
        }

        return best ?? (SeedOrigin.HardCoded, null);
    }

    /// <summary>Splits `a + b - 3` at top-level + - * operators; null when the text is not such a sum.</summary>
    internal static List<string>? SplitArithmetic(string text)
    {
        var terms = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                depth--;
            }
            else if (c is '"' or '\'')
            {
                return null;
            }
            else if (depth == 0 && c is '+' or '-' or '*' && i > 0)
            {
                // Unary signs and exponents (1e-3) are part of a term.
                var sofar = text[start..i].Trim();
                if (sofar.Length == 0 || (c is '+' or '-' && sofar.Length >= 2 && sofar[^1] is 'e' or 'E' && char.IsDigit(sofar[0])))
                {
                    continue;
                }

                terms.Add(text[start..i].Trim());
                start = i + 1;
            }
        }

        if (terms.Count == 0)
        {
            return null;
        }

        terms.Add(text[start..].Trim());
        return terms.All(t => t.Length > 0) ? terms : null;
    }

    /// <summary>
    /// `self.seed`: the value assigned to the attribute in this module; else, for a class derived from a library class
    /// (DistributedSampler) that sets it in its own constructor, the keyword passed where the class is built, or the
    /// library's default when none is passed.
    /// </summary>
    private (SeedOrigin, string?) TraceSelfAttribute(ModuleSummary m, string attribute, int line, int depth)
    {
        var assigned = m.Assignments.Where(a => a.RawTarget == "self." + attribute && a.Operator == "=").ToList();
        if (assigned.Count > 0)
        {
            var a = assigned.Where(x => x.Line <= line).MaxBy(x => x.Line) ?? assigned.MinBy(x => x.Line)!;
            return Trace(m, a.ValueText, a.Literal, a.Line, depth + 1);
        }

        var cls = m.Classes.Where(c => c.Line <= line).MaxBy(c => c.Line);
        var projectClasses = ProjectClassNames;
        if (cls is null || cls.Bases.Length == 0 || cls.Bases.All(b => projectClasses.Contains(b[(b.LastIndexOf('.') + 1)..]) || !b.Contains('.', StringComparison.Ordinal)))
        {
            return (SeedOrigin.Unknown, null);
        }

        (SeedOrigin, string?)? best = null;
        foreach (var (caller, call) in CallSites(cls.Name).Take(MaxCallSites))
        {
            var r = call.Keyword(attribute) is { } arg ? Trace(caller, arg.Text, arg.Literal, call.Line, depth + 1)
                : call.Arguments.Any(x => x.Star == 2) ? (SeedOrigin.Unknown, null)
                : (SeedOrigin.HardCoded, null);
            if (best is null || Rank(r.Item1) < Rank(best.Value.Item1))
            {
                best = r;
            }
        }

        return best ?? (SeedOrigin.HardCoded, null);
    }

    private HashSet<string>? _projectClassNames;

    private HashSet<string> ProjectClassNames
    {
        get
        {
            if (_projectClassNames is null)
            {
                var set = _modules.SelectMany(x => x.Classes).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
                Interlocked.CompareExchange(ref _projectClassNames, set, null);
            }

            return _projectClassNames;
        }
    }

    /// <summary>Traces source text that may be a literal (a number, None) or an expression.</summary>
    private (SeedOrigin, string?) TraceText(ModuleSummary m, string text, int line, int depth)
    {
        text = text.Trim();
        if (text == "None")
        {
            return (SeedOrigin.None, null);
        }

        return NumberLiteral().IsMatch(text) ? (SeedOrigin.HardCoded, null) : Trace(m, text, null, line, depth);
    }

    private (SeedOrigin, string?) Default(ModuleSummary m, PythonFunction fn, PythonParameter parameter, int depth) =>
        parameter.Default is null ? (SeedOrigin.Unknown, null) : Trace(m, parameter.Default, parameter.DefaultLiteral, fn.Line, depth + 1);

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

    /// <summary>Every call in the project by the callee's last name (built once: tracing asks for many names; the
    /// <see cref="InputTracer"/> of the same project shares it).</summary>
    internal List<(ModuleSummary, PythonCall)> CallSites(string name)
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

    private bool IsArgparseNamespace(ModuleSummary m, string name) =>
        m.Assignments.Any(a => a.RawTarget == name && (a.ValueText.Contains("parse_args", StringComparison.Ordinal) || a.ValueText.Contains("parse_known_args", StringComparison.Ordinal)
            || (NoArgumentCall().Match(a.ValueText) is { Success: true } f && ArgumentFactories.Contains(f.Groups["f"].Value))))
        || (name is "args" or "opt" or "opts" or "FLAGS" or "flags" && m.CliOptions.Length > 0);

    private HashSet<string>? _argumentFactories;

    /// <summary>
    /// Project functions that build the command-line parser and return its namespace (<c>def get_args(): … return parser.parse_args()</c>
    /// in arguments.py): <c>args = get_args()</c> in the script is then an argparse namespace too.
    /// </summary>
    private HashSet<string> ArgumentFactories
    {
        get
        {
            if (_argumentFactories is null)
            {
                var set = new HashSet<string>(StringComparer.Ordinal);
                foreach (var m in _modules.Where(x => x.CliOptions.Length > 0))
                {
                    foreach (var c in m.Calls.Where(c => c.Target.EndsWith("parse_args", StringComparison.Ordinal) || c.Target.EndsWith("parse_known_args", StringComparison.Ordinal)))
                    {
                        if (m.FunctionContaining(c.Line) is { } f)
                        {
                            set.Add(f.Name);
                        }
                    }
                }

                Interlocked.CompareExchange(ref _argumentFactories, set, null);
            }

            return _argumentFactories;
        }
    }

    /// <summary>A call with no arguments (<c>get_args()</c>, <c>arguments.get_args()</c>), the callee's last name in group f.</summary>
    [GeneratedRegex(@"^(?:[A-Za-z_]\w*\.)*(?<f>[A-Za-z_]\w*)\(\s*\)$")]
    private static partial Regex NoArgumentCall();

    /// <summary>
    /// The origin of a name unpacked from a dataclass argument parser (<c>a, b, training_args = parser.parse_args_into_dataclasses()</c>):
    /// the command line where any branch parses it, a config file where every branch reads one (parse_json_file/parse_yaml_file);
    /// null when the name is not unpacked from such a parser.
    /// </summary>
    private static SeedOrigin? UnpackedDataclassParse(ModuleSummary m, string name)
    {
        SeedOrigin? origin = null;
        foreach (var a in m.Assignments.Where(a => a.Operator == "=" && a.RawTarget.Contains(',', StringComparison.Ordinal)
                     && a.RawTarget.Trim('(', ')', '[', ']', ' ').Split(',').Select(t => t.Trim()).Contains(name, StringComparer.Ordinal)))
        {
            if (a.ValueText.Contains(".parse_args_into_dataclasses(", StringComparison.Ordinal))
            {
                return SeedOrigin.CommandLine;
            }

            if (a.ValueText.Contains(".parse_json_file(", StringComparison.Ordinal) || a.ValueText.Contains(".parse_yaml_file(", StringComparison.Ordinal))
            {
                origin = SeedOrigin.Config;
            }
        }

        return origin;
    }

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

    [GeneratedRegex(@"\.(manual_seed|seed)\(\s*(?<arg>[^()]*?)\s*\)$")]
    private static partial Regex GeneratorSeed();

    [GeneratedRegex(@"^[\w.]*(Generator|RandomState|default_rng|Random)\(\s*\)$")]
    private static partial Regex GeneratorFactory();

    [GeneratedRegex(@"^[-+]?(\d[\d_]*)(\.\d*)?([eE][-+]?\d+)?$")]
    private static partial Regex NumberLiteral();

    [GeneratedRegex(@"^self\.(?<a>[A-Za-z_][A-Za-z0-9_]*)$")]
    private static partial Regex SelfAttribute();

    [GeneratedRegex(@"^(\w+\.)*(rank|local_rank|global_rank|node_rank|process_index|local_process_index|worker_id|worker_info\.id|epoch|current_epoch|step|global_step|iteration|it|i|j|idx|index|seed_offset|offset|fold|trial)$", RegexOptions.IgnoreCase)]
    private static partial Regex OffsetName();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex BaseName();

    [GeneratedRegex(@"\[\s*[""'](?<s>[^""']+)[""']\s*\]|\.get\(\s*[""'](?<s>[^""']+)[""']|\.(?<a>[A-Za-z_][A-Za-z0-9_]*)(?!\s*\()")]
    private static partial Regex KeyPart();

    [GeneratedRegex(@"(yaml\.(safe_)?load|json\.load|toml\.load|tomllib\.load|OmegaConf\.(load|create|merge)|compose\(|load_config|read_config|get_config|load_params|configparser|\.load\()")]
    private static partial Regex ConfigLoad();
}
