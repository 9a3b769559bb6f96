using System.Collections.Immutable;
using System.Globalization;

namespace MLRepro.Python;

/// <summary>One imported binding: <c>import a.b as c</c>, <c>from .m import x as y</c>, <c>from m import *</c>.</summary>
/// <param name="Module">The module as written, without leading dots ("" for <c>from . import x</c>).</param>
/// <param name="Name">For from-imports the imported name ("*" for a star import); null for plain imports.</param>
/// <param name="Alias">The <c>as</c> name, if any.</param>
/// <param name="Level">Relative level: the number of leading dots (0 for absolute imports).</param>
/// <param name="Line">1-based line.</param>
public sealed record PythonImport(string Module, string? Name, string? Alias, int Level, int Line)
{
    /// <summary>The local name bound: the alias, the imported name, or the first part of the module (<c>import a.b.c</c> binds <c>a</c>); null for star imports.</summary>
    public string? BoundName => Name == "*" ? null : Alias ?? Name ?? (Module.Split('.')[0]);

    /// <summary>The dotted name the binding stands for (<c>import a.b as c</c> → <c>a.b</c>; <c>from .m import x</c> → <c>.m.x</c>).</summary>
    public string? QualifiedName
    {
        get
        {
            if (Name == "*")
            {
                return null;
            }

            var dots = new string('.', Level);
            if (Name is null)
            {
                return dots + (Alias is null ? Module.Split('.')[0] : Module);
            }

            return dots + (Module.Length == 0 ? Name : Module + "." + Name);
        }
    }

    /// <summary>The top-level package of an absolute import ("" for relative imports).</summary>
    public string TopLevelPackage => Level > 0 ? string.Empty : Module.Split('.')[0];

    /// <summary>The import as a canonical statement (what the CPython oracle prints too).</summary>
    public override string ToString() =>
        Name is null
            ? $"import {Module}{(Alias is null ? string.Empty : " as " + Alias)}"
            : $"from {new string('.', Level)}{Module} import {Name}{(Alias is null ? string.Empty : " as " + Alias)}";
}

/// <summary>The kind of a literal value.</summary>
public enum LiteralKind
{
    /// <summary>A str (value: string).</summary>
    String,
    /// <summary>A bytes literal (value: its text, escapes decoded as Latin-1).</summary>
    Bytes,
    /// <summary>An int (value: long, or the text when it overflows).</summary>
    Int,
    /// <summary>A float (value: double).</summary>
    Float,
    /// <summary>An imaginary number (value: its text).</summary>
    Complex,
    /// <summary>True or False (value: bool).</summary>
    Bool,
    /// <summary>None (value: null).</summary>
    None,
}

/// <summary>A literal value: string, number, bool or None.</summary>
/// <param name="Kind">What kind of literal.</param>
/// <param name="Value">The value (string, long, double, bool or null; see <see cref="LiteralKind"/>).</param>
public sealed record PythonLiteral(LiteralKind Kind, object? Value)
{
    /// <summary>The string value, when a str.</summary>
    public string? AsString => Kind == LiteralKind.String ? (string?)Value : null;

    /// <summary>The integer value, when an int that fits a long (bools count as 0/1).</summary>
    public long? AsInt => Value switch { long l => l, bool b => b ? 1 : 0, _ => null };

    /// <summary>The value as a number, when numeric.</summary>
    public double? AsDouble => Value switch { long l => l, double d => d, _ => null };

    /// <summary>The value written the Python way.</summary>
    public override string ToString() => Value switch
    {
        null => "None",
        bool b => b ? "True" : "False",
        string s when Kind is LiteralKind.String or LiteralKind.Bytes => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Value.ToString() ?? string.Empty,
    };
}

/// <summary>One argument of a call.</summary>
/// <param name="Keyword">The keyword for <c>name=value</c> arguments; null for positional ones.</param>
/// <param name="Text">The argument's source text (the value part for keyword arguments), whitespace as written.</param>
/// <param name="Literal">The value when the argument is a literal (adjacent strings concatenated, <c>-1</c> included).</param>
/// <param name="Names">Dotted names the argument references (<c>args.seed</c>, <c>cfg</c>), resolved as written.</param>
/// <param name="Star">0 for plain arguments, 1 for <c>*args</c>, 2 for <c>**kwargs</c>.</param>
public sealed record CallArgument(string? Keyword, string Text, PythonLiteral? Literal, ImmutableArray<string> Names, int Star = 0);

/// <summary>One call <c>f(...)</c>.</summary>
/// <param name="Target">The callee resolved through imports, aliases and variable types
/// (<c>np.random.seed</c> → <c>numpy.random.seed</c>; <c>rng.normal</c> → <c>numpy.random.Generator.normal</c>).</param>
/// <param name="RawTarget">The callee as written, whitespace removed (<c>np.random.seed</c>; <c>torch.Generator().manual_seed</c>).</param>
/// <param name="Line">1-based line of the callee's first token.</param>
/// <param name="Column">1-based column of the callee's first token.</param>
/// <param name="Arguments">Arguments in order.</param>
public sealed record PythonCall(string Target, string RawTarget, int Line, int Column, ImmutableArray<CallArgument> Arguments)
{
    /// <summary>Positional arguments (stars included) in order.</summary>
    public IEnumerable<CallArgument> Positional => Arguments.Where(a => a.Keyword is null);

    /// <summary>A keyword argument by name.</summary>
    public CallArgument? Keyword(string name)
    {
        // Plain loops: the analyses ask these for most calls of a project.
        foreach (var a in Arguments)
        {
            if (a.Keyword == name)
            {
                return a;
            }
        }

        return null;
    }

    /// <summary>The n-th positional argument (0-based), when present and not starred.</summary>
    public CallArgument? PositionalAt(int n)
    {
        foreach (var a in Arguments)
        {
            if (a.Keyword is null && a.Star == 0 && n-- == 0)
            {
                return a;
            }
        }

        return null;
    }

    /// <summary>Whether the callee is a plain dotted name (not a call result or subscript).</summary>
    public bool IsDottedName => RawTarget.AsSpan().IndexOfAny("()[]") < 0;
}

/// <summary>An assignment statement (plain, chained, augmented or annotated), at any depth.</summary>
/// <param name="Target">The target resolved through imports (<c>torch.backends.cudnn.benchmark</c>); as written otherwise.</param>
/// <param name="RawTarget">The target as written, whitespace removed (<c>os.environ["PYTHONHASHSEED"]</c>).</param>
/// <param name="Operator">"=", an augmented operator ("+=") or ":" for an annotation without value.</param>
/// <param name="ValueText">The value's source text ("" for a bare annotation).</param>
/// <param name="Literal">The value when it is a literal.</param>
/// <param name="Line">1-based line of the target.</param>
/// <param name="IsModuleLevel">Whether the statement is at module level (not indented).</param>
public sealed record PythonAssignment(string Target, string RawTarget, string Operator, string ValueText, PythonLiteral? Literal, int Line, bool IsModuleLevel);

/// <summary>A string literal (not an f-string) with its decoded value.</summary>
/// <param name="Value">The decoded value.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public sealed record PythonStringLiteral(string Value, int Line, int Column);

/// <summary>A decorator <c>@target</c> or <c>@target(args)</c>.</summary>
/// <param name="Target">Resolved target.</param>
/// <param name="RawTarget">Target as written.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Arguments">Arguments when the decorator is a call.</param>
/// <param name="IsCall">Whether the decorator is a call.</param>
public sealed record PythonDecorator(string Target, string RawTarget, int Line, ImmutableArray<CallArgument> Arguments, bool IsCall);

/// <summary>A function or method definition.</summary>
/// <param name="Name">The function name.</param>
/// <param name="Line">1-based line of <c>def</c>.</param>
/// <param name="ClassName">The directly enclosing class, for methods.</param>
/// <param name="IsAsync">Whether <c>async def</c>.</param>
/// <param name="IsModuleLevel">Whether defined at module level.</param>
/// <param name="Parameters">The parameters in order (<c>self</c> included), with their defaults.</param>
/// <param name="EndLine">1-based last line of the body (0 when unknown).</param>
public sealed record PythonFunction(string Name, int Line, string? ClassName, bool IsAsync, bool IsModuleLevel, ImmutableArray<PythonParameter> Parameters, int EndLine = 0)
{
    /// <summary>A parameter by name.</summary>
    public PythonParameter? Parameter(string name) => Parameters.FirstOrDefault(p => p.Name == name);

    /// <summary>
    /// The position a positional argument takes for this parameter at a call site (0-based), or null for
    /// keyword-only and star parameters. A method's <c>self</c>/<c>cls</c> is not passed positionally.
    /// </summary>
    public int? PositionalIndex(string name)
    {
        var skip = ClassName is not null && Parameters.Length > 0 && Parameters[0].Name is "self" or "cls" ? 1 : 0;
        for (var i = 0; i < Parameters.Length; i++)
        {
            var p = Parameters[i];
            if (p.Star != 0 || p.KeywordOnly)
            {
                // Everything from *args on is keyword-only.
                return null;
            }

            if (p.Name == name)
            {
                return i - skip < 0 ? null : i - skip;
            }
        }

        return null;
    }
}

/// <summary>One parameter of a <c>def</c>.</summary>
/// <param name="Name">The parameter name (without stars).</param>
/// <param name="Default">The default value's source text, when given.</param>
/// <param name="DefaultLiteral">The default when it is a literal.</param>
/// <param name="Star">0 for plain parameters, 1 for <c>*args</c>, 2 for <c>**kwargs</c>.</param>
/// <param name="KeywordOnly">Whether it follows <c>*</c> or <c>*args</c> (can only be passed by keyword).</param>
public sealed record PythonParameter(string Name, string? Default, PythonLiteral? DefaultLiteral, int Star, bool KeywordOnly);

/// <summary>A class definition.</summary>
/// <param name="Name">The class name.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Bases">Base-class expressions as written, resolved through imports.</param>
/// <param name="EndLine">1-based last line of the body (0 when unknown).</param>
/// <param name="IsModuleLevel">Whether defined at module level (not inside a function or another class).</param>
public sealed record PythonClass(string Name, int Line, ImmutableArray<string> Bases, int EndLine = 0, bool IsModuleLevel = true);

/// <summary>A command-line option declared with argparse, click or typer.</summary>
/// <param name="Framework">"argparse", "click" or "typer".</param>
/// <param name="Flags">Option strings (<c>--lr</c>, <c>-l</c>) or the positional name.</param>
/// <param name="Dest">The destination name: <c>dest=</c>, else derived from the first long flag (argparse), else the parameter name.</param>
/// <param name="Default">The default argument, when given.</param>
/// <param name="Type">The <c>type=</c> argument text, when given.</param>
/// <param name="Line">1-based line.</param>
public sealed record CliOption(string Framework, ImmutableArray<string> Flags, string? Dest, CallArgument? Default, string? Type, int Line);

/// <summary>What a read is for.</summary>
public enum ReadKind
{
    /// <summary>A configuration file (YAML, JSON, TOML, OmegaConf…).</summary>
    Config,
    /// <summary>A data file (CSV, Parquet, arrays, a plain open()).</summary>
    Data,
    /// <summary>A model or checkpoint (torch.load, joblib, pickle).</summary>
    Model,
}

/// <summary>A read of a config, data or model file.</summary>
/// <param name="Function">The resolved call target (<c>pandas.read_csv</c>, <c>open</c>).</param>
/// <param name="Kind">What is read.</param>
/// <param name="Path">The path argument (for <c>yaml.safe_load(f)</c> after <c>with open("c.yaml") as f</c>, the open's path).</param>
/// <param name="Line">1-based line of the call.</param>
public sealed record PythonRead(string Function, ReadKind Kind, CallArgument? Path, int Line);
