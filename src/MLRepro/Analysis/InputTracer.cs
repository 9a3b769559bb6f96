using System.Text.RegularExpressions;
using MLRepro.Python;

namespace MLRepro.Analysis;

/// <summary>
/// Traces where a data path expression comes from, for data.swappable: unlike a seed, a path is usually composed
/// (<c>os.path.join(data_dir, "train.bin")</c>, <c>ROOT / cfg["subdir"]</c>, <c>f"{root}/x.csv"</c>), so every name in it
/// is traced and the path is configurable when any part of it is. Also follows names imported from a project module
/// (a constants module such as <c>params.py</c>), configurator-style globals (a module that <c>exec</c>s a config file
/// over its own globals, e.g. nanoGPT's <c>exec(open('configurator.py').read())</c>), and parameters of functions that
/// fire, typer or click expose on the command line.
/// </summary>
internal sealed partial class InputTracer
{
    /// <summary>How deep names are followed (assignments, imports, call sites together).</summary>
    public const int MaxDepth = 6;

    /// <summary>How many expressions one trace may visit (call sites fan out in large projects).</summary>
    public const int MaxSteps = 2_000;

    private int _steps;

    private readonly IReadOnlyList<ModuleSummary> _modules;
    private readonly ValueTracer _tracer;
    private readonly LocalModules _local;

    public InputTracer(IReadOnlyList<ModuleSummary> modules, ValueTracer tracer, LocalModules local)
    {
        _modules = modules;
        _tracer = tracer;
        _local = local;
    }

    /// <summary>Origin of a path argument: config, command line or environment when any part of it is; hard-coded when every part is a literal.</summary>
    public SeedOrigin Trace(ModuleSummary m, CallArgument arg, int line)
    {
        var (viaTracer, _) = _tracer.Trace(m, arg, line);
        if (IsConfigurable(viaTracer))
        {
            return viaTracer;
        }

        _steps = 0;
        var own = TraceExpr(m, arg.Text, line, 0, []);
        if (IsConfigurable(own))
        {
            return own;
        }

        // A bare parameter of a helper (imread(filename)) is whatever its callers pass: the tracer's match by callee
        // name can hit an unrelated library function of the same name (cv2.imread), so trust the own trace there.
        return viaTracer is SeedOrigin.HardCoded && !IsBareParameter(m, arg.Text.Trim(), line) ? viaTracer : own;
    }

    /// <summary>
    /// The literal path a read gets on the default run, when the expression is an option with a literal default
    /// (<c>open(args.input_file)</c> with <c>--input-file</c> defaulting to <c>names.txt</c>), a name assigned a literal,
    /// or a function parameter every call site fills with one of those. Null when it cannot be told.
    /// </summary>
    public string? DefaultPath(ModuleSummary m, string text, int line) => DefaultPath(m, text.Trim(), line, 0);

    private string? DefaultPath(ModuleSummary m, string text, int line, int depth)
    {
        if (depth > MaxDepth || !DottedIdentifier().IsMatch(text))
        {
            return null;
        }

        if (text.Contains('.', StringComparison.Ordinal))
        {
            // args.input_file / opt.data: an argparse destination of this module.
            var dest = text[(text.LastIndexOf('.') + 1)..];
            var options = m.CliOptions.Where(o => o.Dest == dest).ToList();
            return options.Count == 1 && options[0].Default?.Literal?.AsString is { Length: > 0 } d ? d : null;
        }

        var assignment = m.Assignments.Where(a => a.RawTarget == text && a.Operator == "=" && a.Line <= line).MaxBy(a => a.Line);
        if (assignment is not null)
        {
            return assignment.Literal?.AsString ?? (assignment.Line < line ? DefaultPath(m, assignment.ValueText.Trim(), assignment.Line, depth + 1) : null);
        }

        // The innermost enclosing function that declares the name: a closure defined inside train() (def tokenize(…)) still
        // reads train's parameter.
        var fn = m.Functions.Where(f => f.Line <= line && (f.EndLine == 0 || f.EndLine >= line) && f.Parameter(text) is not null).MaxBy(f => f.Line);
        if (fn is null)
        {
            return null;
        }

        string? value = null;
        var called = false;
        foreach (var (caller, call) in _tracer.CallSites(fn.Name).Where(c => IsCallOf(c.Item1, c.Item2, m, fn.Name)))
        {
            called = true;
            var arg = call.Keyword(text) ?? (call.Arguments.Length == 1 && call.Arguments[0].Keyword is null && call.Arguments[0].Star == 0 ? call.Arguments[0] : null);
            var v = arg is null ? null : arg.Literal?.AsString ?? DefaultPath(caller, arg.Text.Trim(), call.Line, depth + 1);
            if (v is null || (value is not null && value != v))
            {
                return null;
            }

            value = v;
        }

        // fire.Fire(train) turns the entry function's parameters into options: with no call site in the code, the default
        // run gets the parameter's literal default (data_path: str = "yahma/alpaca-cleaned").
        if (!called && m.Calls.Any(c => c.Target is "fire.Fire" or "Fire") && fn.Parameter(text)?.DefaultLiteral?.AsString is { Length: > 0 } fired)
        {
            return fired;
        }

        return value;
    }

    /// <summary>Whether a path origin lets a user point the code at other data without editing it.</summary>
    public static bool IsConfigurable(SeedOrigin o) => o is SeedOrigin.Config or SeedOrigin.CommandLine or SeedOrigin.Environment;

    private SeedOrigin TraceExpr(ModuleSummary m, string text, int line, int depth, HashSet<string> seen)
    {
        text = text.Trim();
        if (depth > MaxDepth || text.Length == 0 || ++_steps > MaxSteps)
        {
            return SeedOrigin.Unknown;
        }

        if (text.Contains("sys.argv", StringComparison.Ordinal))
        {
            return SeedOrigin.CommandLine;
        }

        if (text.Contains("os.environ", StringComparison.Ordinal) || text.Contains("getenv", StringComparison.Ordinal))
        {
            return SeedOrigin.Environment;
        }

        if (DataclassParse(text) is { } parsed)
        {
            return parsed;
        }

        var names = NamesIn(text);
        if (names.Count == 0)
        {
            return StringLiteral().IsMatch(text) || NumberOnly().IsMatch(text) ? SeedOrigin.HardCoded : SeedOrigin.Unknown;
        }

        var results = new List<SeedOrigin>();
        foreach (var name in names)
        {
            if (!seen.Add(m.Path + ":" + name + ":" + line.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                continue;
            }

            var o = TraceName(m, name, line, depth, seen);
            if (IsConfigurable(o))
            {
                return o;
            }

            results.Add(o);
        }

        return results.Count > 0 && results.All(r => r is SeedOrigin.HardCoded) ? SeedOrigin.HardCoded : SeedOrigin.Unknown;
    }

    private SeedOrigin TraceName(ModuleSummary m, string name, int line, int depth, HashSet<string> seen)
    {
        if (name is "__file__" or "__name__" or "True" or "False" or "None")
        {
            return SeedOrigin.HardCoded;
        }

        // Attribute chains (args.data, cfg.data.path, self.hparams.data_dir) and subscripts: the seed tracer knows
        // argparse namespaces and config objects.
        var (o, _) = _tracer.Trace(m, new CallArgument(null, name, null, [name]), line);
        if (IsConfigurable(o))
        {
            return o;
        }

        var baseName = name.Split('.')[0];
        if (baseName == "self" && name.Count(ch => ch == '.') == 1 && SelfAttribute(m, name, line, depth, seen) is { } attribute
            && (IsConfigurable(attribute) || attribute is SeedOrigin.HardCoded))
        {
            return attribute;
        }

        if (name.Contains('.', StringComparison.Ordinal))
        {
            // params.DATA_DIR where `params` is an imported project module.
            var imported = ImportedModule(m, baseName);
            if (imported is not null)
            {
                return TraceGlobal(imported, name[(baseName.Length + 1)..].Split('.')[0], depth + 1, seen);
            }

            if (m.Imports.Any(i => (i.Alias ?? i.Name ?? i.Module.Split('.')[0]) == baseName))
            {
                // A library constant (os.sep, torchvision.datasets…): fixed.
                return SeedOrigin.HardCoded;
            }

            return o is SeedOrigin.HardCoded ? o : TraceName(m, baseName, line, depth + 1, seen) is var b && IsConfigurable(b) ? b : SeedOrigin.Unknown;
        }

        if (m.CliOptions.Any(c => c.Dest == name))
        {
            return SeedOrigin.CommandLine;
        }

        // `model_args, data_args, training_args = parser.parse_args_into_dataclasses()`: dataclass fields are flags.
        if (m.Assignments.FirstOrDefault(a => a.Operator == "=" && a.RawTarget.Contains(',', StringComparison.Ordinal)
                && a.RawTarget.Trim('(', ')', '[', ']').Split(',').Contains(name, StringComparer.Ordinal)) is { } unpacked
            && DataclassParse(unpacked.ValueText) is { } fromParser)
        {
            return fromParser;
        }

        // A parameter of the enclosing function shadows assignments elsewhere in the module (a dataclass field of the same
        // name, another function's local): only assignments after its def count.
        var enclosingDef = m.Functions.Where(f => f.Line <= line).MaxBy(f => f.Line);
        var isParameter = enclosingDef is not null && enclosingDef.Parameters.Any(p => p.Name == name);
        var assignment = isParameter
            ? m.Assignments.Where(a => a.RawTarget == name && a.Operator == "=" && a.Line <= line && a.Line > enclosingDef!.Line).MaxBy(a => a.Line)
            : m.Assignments.Where(a => a.RawTarget == name && a.Operator == "=" && a.Line <= line).MaxBy(a => a.Line)
                ?? m.Assignments.Where(a => a.RawTarget == name && a.Operator == "=").MinBy(a => a.Line);

        // `f = open_helper(f, mode)`: on its own line the name still holds its earlier value (here, the parameter).
        if (assignment is not null && assignment.Line == line && NamesIn(assignment.ValueText).Contains(name))
        {
            var def = m.Functions.Where(f => f.Line <= line).Select(f => f.Line).DefaultIfEmpty(0).Max();
            assignment = m.Assignments.Where(a => a.RawTarget == name && a.Operator == "=" && a.Line < line && a.Line > def).MaxBy(a => a.Line);
        }

        if (assignment is not null)
        {
            if (assignment.IsModuleLevel && IsConfiguratorGlobal(m, assignment))
            {
                return SeedOrigin.Config;
            }

            if (assignment.Literal is { } lit)
            {
                return lit.Kind == LiteralKind.None ? SeedOrigin.Unknown : SeedOrigin.HardCoded;
            }

            // `args = parser.parse_args()` passed whole to a helper (data_provider(args, "train")): its attributes are options.
            if (ParseArgs().IsMatch(assignment.ValueText))
            {
                return SeedOrigin.CommandLine;
            }

            if (EmptyContainer().IsMatch(assignment.ValueText))
            {
                return ContainerItems(m, name, assignment.Line, depth, seen);
            }

            return TraceExpr(m, assignment.ValueText, assignment.Line, depth + 1, seen);
        }

        // `from params import DATASET_DIR`: the constant lives in another project module.
        var import = m.Imports.FirstOrDefault(i => i.Name is not null && (i.Alias ?? i.Name) == name);
        if (import is not null && FindModule(m, import) is { } source)
        {
            return TraceGlobal(source, import.Name!, depth + 1, seen);
        }

        return TraceParameter(m, name, line, depth, seen);
    }

    private SeedOrigin TraceGlobal(ModuleSummary m, string name, int depth, HashSet<string> seen)
    {
        var a = m.Assignments.Where(x => x.IsModuleLevel && x.RawTarget == name && x.Operator == "=").MaxBy(x => x.Line);
        if (a is null)
        {
            return SeedOrigin.Unknown;
        }

        // A constant of a config module (configs.py of plain assignments) or one a configurator overrides.
        if (IsConfiguratorGlobal(m, a) || ConfigAnalysis.IsPythonConfig(m))
        {
            return SeedOrigin.Config;
        }

        return a.Literal is { } lit ? (lit.Kind == LiteralKind.None ? SeedOrigin.Unknown : SeedOrigin.HardCoded) : TraceExpr(m, a.ValueText, a.Line, depth + 1, seen);
    }

    /// <summary>An unassigned name inside a function: a parameter. CLI-exposed functions make it an option; else follow the call sites.</summary>
    private SeedOrigin TraceParameter(ModuleSummary m, string name, int line, int depth, HashSet<string> seen)
    {
        // Functions have no end line: the nearest def above may be a helper nested in the real owner (a closure over
        // the outer function's parameter), so look up to the nearest module-level def.
        var enclosing = new List<PythonFunction>();
        foreach (var f in m.Functions.Where(f => f.Line <= line).OrderByDescending(f => f.Line))
        {
            enclosing.Add(f);
            if (f.IsModuleLevel || f.ClassName is not null)
            {
                break;
            }
        }

        if (enclosing.Count == 0)
        {
            return SeedOrigin.Unknown;
        }

        if (enclosing.Any(f => IsCliFunction(m, f)))
        {
            return SeedOrigin.CommandLine;
        }

        var fn = enclosing[0];

        // A constructor's parameters are passed where the class is called (SupervisedDataset(data_path=...)).
        var callee = fn.Name == "__init__" && fn.ClassName is not null ? fn.ClassName : fn.Name;

        // The parameter's position among the positional ones (self/cls aside), to match positional arguments.
        var parameters = fn.Parameters.Skip(fn.ClassName is not null && fn.Parameters.FirstOrDefault()?.Name is "self" or "cls" ? 1 : 0).ToList();
        var position = parameters.FindIndex(p => p.Name == name);
        if (position >= 0 && parameters.Take(position + 1).Any(p => p.Star > 0 || p.KeywordOnly))
        {
            position = -1;
        }

        var found = new List<SeedOrigin>();
        var sites = _tracer.CallSites(callee).Where(x => IsCallOf(x.Item1, x.Item2, m, callee));
        if (fn.Name == "__init__" && fn.ClassName is not null)
        {
            sites = sites.Concat(AliasCallSites(fn.ClassName));
        }

        foreach (var (caller, call) in sites)
        {
            var starred = call.Arguments.Any(a => a.Star > 0);
            var arg = call.Keyword(name)
                ?? (position >= 0 && !starred ? call.PositionalAt(position) : null)
                ?? (call.Arguments.Length == 1 && call.Arguments[0].Keyword is null && call.Arguments[0].Star == 0 ? call.Arguments[0] : null);
            if (arg is null)
            {
                // A call that passes nothing for it (load_data() for def load_data(path="../data/cora/")) runs on the default.
                if (call.Arguments.Length == 0 && position >= 0 && parameters[position].DefaultLiteral is { Kind: not LiteralKind.None })
                {
                    found.Add(SeedOrigin.HardCoded);
                }

                continue;
            }

            var o = arg.Literal is { } lit ? (lit.Kind == LiteralKind.None ? SeedOrigin.Unknown : SeedOrigin.HardCoded) : TraceExpr(caller, arg.Text, call.Line, depth + 1, seen);
            if (IsConfigurable(o))
            {
                return o;
            }

            found.Add(o);
        }

        return found.Count > 0 && found.All(o => o == SeedOrigin.HardCoded) ? SeedOrigin.HardCoded : SeedOrigin.Unknown;
    }

    /// <summary>
    /// <c>self.data_path</c> in a method: the values assigned to that attribute in the same class (<c>self.data_path = data_path</c>
    /// in <c>__init__</c>), traced where they are assigned, so a constructor parameter is followed to the calls that build the
    /// object. Null when the class never assigns it.
    /// </summary>
    private SeedOrigin? SelfAttribute(ModuleSummary m, string name, int line, int depth, HashSet<string> seen)
    {
        var cls = ClassAt(m, line);
        if (cls is null)
        {
            return null;
        }

        var assigned = m.Assignments.Where(a => a.RawTarget == name && a.Operator == "=" && ClassAt(m, a.Line) == cls).ToList();
        if (assigned.Count == 0)
        {
            return null;
        }

        var results = new List<SeedOrigin>();
        foreach (var a in assigned)
        {
            var o = a.Literal is { } lit ? (lit.Kind == LiteralKind.None ? SeedOrigin.Unknown : SeedOrigin.HardCoded) : TraceExpr(m, a.ValueText, a.Line, depth + 1, seen);
            if (IsConfigurable(o))
            {
                return o;
            }

            results.Add(o);
        }

        return results.All(r => r is SeedOrigin.HardCoded) ? SeedOrigin.HardCoded : SeedOrigin.Unknown;
    }

    /// <summary>The class whose body holds a line (the innermost one that started before it and has not ended).</summary>
    private static PythonClass? ClassAt(ModuleSummary m, int line) =>
        m.Classes.Where(c => c.Line <= line && (c.EndLine == 0 || c.EndLine >= line)).MaxBy(c => c.Line);

    /// <summary>
    /// A dict or list that starts empty and is filled item by item (<c>data_files = {}</c>, then
    /// <c>data_files["train"] = data_args.train_file</c>, as in the Hugging Face example scripts, or <c>paths.append(args.data)</c>):
    /// configurable when any item is, hard-coded when every item is a literal.
    /// </summary>
    private SeedOrigin ContainerItems(ModuleSummary m, string name, int from, int depth, HashSet<string> seen)
    {
        var items = m.Assignments.Where(a => a.Line > from && a.Operator == "=" && a.RawTarget.StartsWith(name + "[", StringComparison.Ordinal))
            .Select(a => (a.ValueText, a.Line))
            .Concat(m.Calls.Where(c => c.Line > from && c.RawTarget == name + ".append" && c.Arguments.Length == 1).Select(c => (ValueText: c.Arguments[0].Text, c.Line)))
            .ToList();
        var results = new List<SeedOrigin>();
        foreach (var (value, line) in items)
        {
            var o = TraceExpr(m, value, line, depth + 1, seen);
            if (IsConfigurable(o))
            {
                return o;
            }

            results.Add(o);
        }

        return results.Count > 0 && results.All(r => r is SeedOrigin.HardCoded) ? SeedOrigin.HardCoded : SeedOrigin.Unknown;
    }

    /// <summary>
    /// Calls that build a class through a name bound to it at run time: a registry dict
    /// (<c>data_dict = {"custom": Dataset_Custom, …}</c>, then <c>Data = data_dict[args.data]</c> and <c>Data(root_path=…)</c>) or a
    /// plain alias (<c>Data = Dataset_Pred</c>), in the module that binds the name.
    /// </summary>
    private List<(ModuleSummary, PythonCall)> AliasCallSites(string className)
    {
        if (_aliasCallSites.TryGetValue(className, out var cached))
        {
            return cached;
        }

        var found = new List<(ModuleSummary, PythonCall)>();
        foreach (var mm in _modules)
        {
            var registries = mm.Assignments.Where(a => a.Operator == "=" && Identifier().IsMatch(a.RawTarget) && a.ValueText.TrimStart().StartsWith('{')
                    && RegistryEntry().Matches(a.ValueText).Any(x => x.Groups["value"].Value == className))
                .Select(a => a.RawTarget).ToHashSet(StringComparer.Ordinal);
            var aliases = mm.Assignments.Where(a => a.Operator == "=" && Identifier().IsMatch(a.RawTarget) && a.RawTarget != className
                    && (a.ValueText.Trim() == className || registries.Any(r => a.ValueText.Trim().StartsWith(r + "[", StringComparison.Ordinal) || a.ValueText.Trim().StartsWith(r + ".get(", StringComparison.Ordinal))))
                .Select(a => a.RawTarget).ToHashSet(StringComparer.Ordinal);
            if (aliases.Count > 0)
            {
                found.AddRange(mm.Calls.Where(c => aliases.Contains(c.RawTarget)).Select(c => (mm, c)));
            }
        }

        _aliasCallSites[className] = found;
        return found;
    }

    private readonly Dictionary<string, List<(ModuleSummary, PythonCall)>> _aliasCallSites = new(StringComparer.Ordinal);

    /// <summary>A dict entry whose value is a bare name: <c>'custom': Dataset_Custom,</c>.</summary>
    [GeneratedRegex(@"[{,]\s*(?:'[^'\n]*'|""[^""\n]*""|\w+)\s*:\s*(?<value>[A-Za-z_]\w*)\s*(?=[,}])")]
    private static partial Regex RegistryEntry();

    [GeneratedRegex(@"\.parse_(?:known_)?args\(")]
    private static partial Regex ParseArgs();

    [GeneratedRegex(@"^\s*(?:\{\s*\}|\[\s*\]|dict\(\s*\)|list\(\s*\))\s*$")]
    private static partial Regex EmptyContainer();

    /// <summary>
    /// Dataclass argument parsers (transformers' HfArgumentParser, simple_parsing): parse_args_into_dataclasses() reads the
    /// command line, parse_json_file/parse_yaml_file/parse_dict a config. Null for anything else.
    /// </summary>
    private static SeedOrigin? DataclassParse(string text) =>
        text.Contains(".parse_args_into_dataclasses(", StringComparison.Ordinal) ? SeedOrigin.CommandLine
        : text.Contains(".parse_json_file(", StringComparison.Ordinal) || text.Contains(".parse_yaml_file(", StringComparison.Ordinal) ? SeedOrigin.Config
        : null;

    /// <summary>Whether a call invokes the given function of the given module (by name, within the project).</summary>
    private bool IsCallOf(ModuleSummary caller, PythonCall call, ModuleSummary owner, string name)
    {
        var last = call.Target[(call.Target.LastIndexOf('.') + 1)..];
        if (last != name)
        {
            return false;
        }

        if (call.Target == name)
        {
            return caller.Path == owner.Path || caller.Imports.Any(i => (i.Alias ?? i.Name) == name);
        }

        // A project module's function (madewithml.data.load_data), not a library's namesake (cv2.imread).
        var prefix = call.Target[..call.Target.LastIndexOf('.')];
        return _local.IsModuleName(prefix) || _local.IsTopLevelName(prefix.Split('.')[0]) || call.RawTarget.StartsWith("self.", StringComparison.Ordinal);
    }

    private static bool IsBareParameter(ModuleSummary m, string text, int line) =>
        Identifier().IsMatch(text) && !m.Assignments.Any(a => a.RawTarget == text) && m.Functions.Any(f => f.Line <= line);

    /// <summary>fire.Fire(fn) / fire.Fire() (every function), typer commands and click commands expose a function's parameters as options.</summary>
    private static bool IsCliFunction(ModuleSummary m, PythonFunction fn)
    {
        foreach (var c in m.Calls)
        {
            if (c.Target is "fire.Fire")
            {
                if (c.Arguments.Length == 0 || c.PositionalAt(0)?.Text.Trim() == fn.Name)
                {
                    return true;
                }
            }
            else if (c.Target is "typer.run" && c.PositionalAt(0)?.Text.Trim() == fn.Name)
            {
                return true;
            }
        }

        // A decorator directly above the def: @app.command(), @click.command(), @cli.command().
        return m.Decorators.Any(d => d.Line < fn.Line && d.Line >= fn.Line - 8
            && (d.RawTarget.EndsWith(".command", StringComparison.Ordinal) || d.Target.StartsWith("click.", StringComparison.Ordinal) || d.RawTarget.EndsWith(".callback", StringComparison.Ordinal))
            && !m.Functions.Any(f => f.Line > d.Line && f.Line < fn.Line));
    }

    /// <summary>
    /// A module-level assignment that a later <c>exec(open(...).read())</c> at module level can override: the module runs a
    /// configurator over its globals, so the value is set from config files or <c>--key=value</c> arguments.
    /// </summary>
    private static bool IsConfiguratorGlobal(ModuleSummary m, PythonAssignment a) =>
        a.IsModuleLevel && m.Calls.Any(c => c.Target is "exec" && c.Line > a.Line && c.Arguments.Length > 0
            && c.Arguments[0].Text.Contains("open(", StringComparison.Ordinal) && !m.Functions.Any(f => f.Line <= c.Line && f.Line > a.Line && !f.IsModuleLevel));

    private ModuleSummary? ImportedModule(ModuleSummary m, string alias)
    {
        var imp = m.Imports.FirstOrDefault(i => i.Name is null ? (i.Alias ?? i.Module) == alias : (i.Alias ?? i.Name) == alias);
        if (imp is null)
        {
            return null;
        }

        var dotted = imp.Name is null ? imp.Module : (imp.Module.Length > 0 ? imp.Module + "." : string.Empty) + imp.Name;
        return _local.Find(m.Path, dotted, imp.Level);
    }

    private ModuleSummary? FindModule(ModuleSummary m, PythonImport import) => _local.Find(m.Path, import.Module, import.Level);

    /// <summary>
    /// The names an expression reads, with their attribute and string-subscript chains (<c>args.data</c>,
    /// <c>params["data"]["subdir"]</c>): not callees, not keyword names, not the contents of strings (f-string fields
    /// included).
    /// </summary>
    internal static List<string> NamesIn(string text)
    {
        // Mask string contents, keeping f-string fields as code.
        var mask = new bool[text.Length];
        foreach (Match s in StringToken().Matches(text))
        {
            var isF = s.Groups["prefix"].Value.Contains('f', StringComparison.OrdinalIgnoreCase);
            for (var i = s.Index; i < s.Index + s.Length; i++)
            {
                mask[i] = true;
            }

            if (isF)
            {
                var body = s.Groups["str"];
                foreach (Match field in FStringField().Matches(body.Value))
                {
                    for (var i = body.Index + field.Groups[1].Index; i < body.Index + field.Groups[1].Index + field.Groups[1].Length; i++)
                    {
                        mask[i] = false;
                    }
                }
            }
        }

        var names = new List<string>();
        foreach (Match n in DottedName().Matches(text))
        {
            if (mask[n.Index] || (n.Index > 0 && (char.IsLetterOrDigit(text[n.Index - 1]) || text[n.Index - 1] is '_' or '.' or ')' or ']')))
            {
                continue;
            }

            var end = n.Index + n.Length;
            var next = end < text.Length ? text[end..].TrimStart() : string.Empty;
            if (next.StartsWith('(') || (next.StartsWith('=') && !next.StartsWith("==", StringComparison.Ordinal)) || Keywords.Contains(n.Value))
            {
                continue;
            }

            var name = Spaces().Replace(n.Value, string.Empty);
            if (!names.Contains(name))
            {
                names.Add(name);
            }
        }

        return names;
    }

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "if", "else", "for", "in", "and", "or", "not", "is", "lambda", "None", "True", "False",
    };

    [GeneratedRegex(@"(?<prefix>\b[rbfuRBFU]{1,2})?(?<str>""(?:\\.|[^""\\])*""|'(?:\\.|[^'\\])*')")]
    private static partial Regex StringToken();

    [GeneratedRegex(@"\{([^{}:!]+)[^{}]*\}")]
    private static partial Regex FStringField();

    [GeneratedRegex(@"[A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*|\s*\[\s*(?:'[^'\n]*'|""[^""\n]*"")\s*\])*")]
    private static partial Regex DottedName();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^[rbfuRBFU]{0,2}(['""])")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"^-?\d+(\.\d+)?$")]
    private static partial Regex NumberOnly();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$")]
    private static partial Regex DottedIdentifier();
}
