using System.Collections.Immutable;
using MLRepro.Formats.Notebook;
using MLRepro.Text;

namespace MLRepro.Python;

/// <summary>
/// What the checks need to know about one Python module (or notebook), built from tokens by a light
/// statement-level parser: imports, calls resolved through imports and simple variable types, assignments,
/// string literals, names, decorators, functions and classes, CLI options and file reads. Immutable; every
/// item carries its line. For a notebook, lines are those of the joined code (see <see cref="Notebook"/>
/// and <see cref="Describe(int)"/> to map them back to cells).
/// </summary>
public sealed class ModuleSummary
{
    private readonly IReadOnlyDictionary<string, string> _bindings;

    internal ModuleSummary(
        string path,
        ImmutableArray<PythonImport> imports,
        IReadOnlyDictionary<string, string> bindings,
        ImmutableArray<PythonCall> calls,
        ImmutableArray<PythonAssignment> assignments,
        ImmutableArray<PythonStringLiteral> strings,
        IReadOnlySet<string> names,
        ImmutableArray<PythonDecorator> decorators,
        int? mainGuardLine,
        ImmutableArray<PythonFunction> functions,
        ImmutableArray<PythonClass> classes,
        ImmutableArray<CliOption> cliOptions,
        ImmutableArray<PythonRead> reads,
        ImmutableArray<Diagnostic> diagnostics,
        int lineCount,
        int tokenCount,
        NotebookDocument? notebook)
    {
        Path = path;
        Imports = imports;
        _bindings = bindings;
        Calls = calls;
        Assignments = assignments;
        StringLiterals = strings;
        Names = names;
        Decorators = decorators;
        MainGuardLine = mainGuardLine;
        Functions = functions;
        Classes = classes;
        CliOptions = cliOptions;
        Reads = reads;
        Diagnostics = diagnostics;
        LineCount = lineCount;
        TokenCount = tokenCount;
        Notebook = notebook;
    }

    /// <summary>Summarizes Python source. Total: any text gives a summary plus diagnostics.</summary>
    public static ModuleSummary Parse(string path, string text) => ModuleSummaryBuilder.Build(path, text ?? string.Empty, null);

    /// <summary>Summarizes the code cells of a notebook (magics and shell escapes are not code).</summary>
    public static ModuleSummary Parse(NotebookDocument notebook) => ModuleSummaryBuilder.Build(notebook.Path, notebook.Code, notebook);

    /// <summary>Summarizes source, sharing strings with the other modules of a project.</summary>
    internal static ModuleSummary Parse(string path, string text, StringPool pool) => ModuleSummaryBuilder.Build(path, text ?? string.Empty, null, pool);

    /// <summary>Summarizes a notebook, sharing strings with the other modules of a project.</summary>
    internal static ModuleSummary Parse(NotebookDocument notebook, StringPool pool) => ModuleSummaryBuilder.Build(notebook.Path, notebook.Code, notebook, pool);

    /// <summary>Repository-relative path.</summary>
    public string Path { get; }

    /// <summary>Whether this summary is of a notebook's code cells.</summary>
    public bool IsNotebook => Notebook is not null;

    /// <summary>The notebook (cells, magics, pip installs, shell commands, line map), for .ipynb files.</summary>
    public NotebookDocument? Notebook { get; }

    /// <summary>Every import statement binding, in source order (imports inside functions included).</summary>
    public ImmutableArray<PythonImport> Imports { get; }

    /// <summary>Every call, in source order, with resolved targets and arguments.</summary>
    public ImmutableArray<PythonCall> Calls { get; }

    /// <summary>Every assignment statement (module level and nested), in source order.</summary>
    public ImmutableArray<PythonAssignment> Assignments { get; }

    /// <summary>Every string literal (f-strings excluded; literals inside their fields included).</summary>
    public ImmutableArray<PythonStringLiteral> StringLiterals { get; }

    /// <summary>Every identifier and attribute name used anywhere (keywords excluded).</summary>
    public IReadOnlySet<string> Names { get; }

    /// <summary>Decorators in source order.</summary>
    public ImmutableArray<PythonDecorator> Decorators { get; }

    /// <summary>Whether the module has <c>if __name__ == "__main__":</c>.</summary>
    public bool HasMainGuard => MainGuardLine is not null;

    /// <summary>Line of the first main guard.</summary>
    public int? MainGuardLine { get; }

    /// <summary>Function and method definitions.</summary>
    public ImmutableArray<PythonFunction> Functions { get; }

    /// <summary>
    /// The innermost function whose body holds <paramref name="line"/> (after its <c>def</c> line, up to its last line), or null at
    /// module level. A call on the <c>def</c> line itself (a default value, a decorator argument) runs outside the function.
    /// </summary>
    public PythonFunction? FunctionContaining(int line) => Functions.Where(f => f.Line < line && line <= f.EndLine).MaxBy(f => f.Line);

    /// <summary>Class definitions.</summary>
    public ImmutableArray<PythonClass> Classes { get; }

    /// <summary>argparse/click/typer options.</summary>
    public ImmutableArray<CliOption> CliOptions { get; }

    /// <summary>Reads of config, data and model files.</summary>
    public ImmutableArray<PythonRead> Reads { get; }

    /// <summary>Tokenizer and parser diagnostics, located.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Number of lines of the (joined) source.</summary>
    public int LineCount { get; }

    /// <summary>Number of tokens read.</summary>
    public int TokenCount { get; }

    /// <summary>Local names bound by imports and what they stand for (first binding wins).</summary>
    public IReadOnlyDictionary<string, string> ImportBindings => _bindings;

    /// <summary>
    /// Resolves a dotted name through this module's imports only: the first part is replaced by what the
    /// import bound to it (<c>np.random.seed</c> → <c>numpy.random.seed</c>); unbound names are unchanged.
    /// </summary>
    public string ResolveImports(string dotted)
    {
        var dot = dotted.IndexOf('.', StringComparison.Ordinal);
        var head = dot < 0 ? dotted : dotted[..dot];
        return _bindings.TryGetValue(head, out var q) ? (dot < 0 ? q : q + dotted[dot..]) : dotted;
    }

    /// <summary>Whether the module imports <paramref name="module"/> or one of its submodules (absolute imports).</summary>
    public bool ImportsModule(string module) => Imports.Any(i => i.Level == 0 &&
        (i.Module == module || i.Module.StartsWith(module + ".", StringComparison.Ordinal) || (i.Name is not null && i.Module + "." + i.Name == module)));

    /// <summary>Calls whose resolved target is <paramref name="target"/>.</summary>
    public IEnumerable<PythonCall> CallsTo(string target) => Calls.Where(c => c.Target == target);

    /// <summary>Where a line is, for messages: "line 12", or "cell 3, line 2" in a notebook (cells counted from 1).</summary>
    public string Describe(int line) =>
        Notebook?.MapLine(line) is { } m ? $"cell {m.CellIndex + 1}, line {m.LineInCell}" : $"line {line}";
}
