using MLRepro.Model;
using MLRepro.Python;

namespace MLRepro.Analysis;

/// <summary>A use of a module name that nothing binds: NameError when its line runs.</summary>
/// <param name="Blocker">Where and what.</param>
/// <param name="AtImport">Whether the line is at module level (not inside a block), so it fails as soon as the module is imported or run.</param>
public sealed record UnboundNameUse(RunBlocker Blocker, bool AtImport);

public static partial class RunBlockers
{
    /// <summary>
    /// Names by which modules are conventionally used (`os.path`, `np.array`): a module that writes `name.attr` with no
    /// import of that name is almost certainly missing the import, not binding the name some other way.
    /// </summary>
    private static readonly HashSet<string> ConventionalModuleNames = new(StringComparer.Ordinal)
    {
        "os", "sys", "re", "json", "math", "time", "random", "pickle", "shutil", "glob", "logging", "datetime", "argparse", "subprocess",
        "copy", "csv", "collections", "itertools", "functools", "warnings", "np", "pd", "torch", "tf", "plt", "yaml", "sklearn", "scipy",
        "cv2", "nn", "joblib", "dill", "tqdm", "sns", "mlflow", "wandb",
    };

    /// <summary>
    /// Uses of a conventional module name as `name.attr` in modules that never bind the name: no import, and the name never
    /// appears otherwise than followed by a dot (every binding — assignment, def, class, parameter, for/with/except/as target,
    /// global, del, walrus, keyword — writes the bare name followed by something else). Modules with a star import, or that
    /// touch globals()/locals()/vars()/builtins/exec/sys.modules (names injected at run time), are skipped, as is every module when any module of the
    /// project injects names into builtins. One use (the first) per name and module, and only where it runs: at module level, or in a function some code calls (by name).
    /// </summary>
    /// <param name="project">The project.</param>
    /// <param name="modules">The modules a run reaches (tests are skipped; a notebook counts as its code cells run top to bottom).</param>
    public static IEnumerable<UnboundNameUse> UnboundModuleNames(ProjectModel project, IReadOnlySet<string> modules)
    {
        // A notebook run top to bottom is one module too (its code cells joined), unless a magic injects names (%pylab binds np
        // and plt, %run and %load execute another file in its namespace).
        var candidates = project.PythonModules.Where(m => modules.Contains(m.Path) && !ConfigAnalysis.IsTestOrTooling(m.Path)
            && !(m.Notebook is { } nb && nb.Magics.Any(c => c.Name is "pylab" or "run" or "load" or "store"))).ToList();
        if (candidates.Count == 0 || project.PythonModules.Any(m => m.Names.Contains("__builtins__") || (m.Names.Contains("builtins") && m.Names.Contains("setattr"))))
        {
            yield break;
        }

        var called = new Lazy<HashSet<string>>(() => project.PythonModules.SelectMany(m => m.Calls).Select(c => c.Target[(c.Target.LastIndexOf('.') + 1)..]).ToHashSet(StringComparer.Ordinal));
        foreach (var m in candidates)
        {
            var names = ConventionalModuleNames.Where(n => m.Names.Contains(n) && !Bound(m, n)).ToList();
            var source = m.Notebook is { } notebook ? notebook.Code : project.Text(m.Path)?.Text;
            if (names.Count == 0 || m.Imports.Any(i => i.Name == "*") || InjectsNames(m) || source is null || source.Length > MaxScannedChars)
            {
                continue;
            }

            var sourceLines = source.Split('\n');
            var tokens = Tokenizer.Tokenize(source, m.Path, trivia: false);
            if (tokens.Diagnostics.Any(d => d.Severity == Text.DiagnosticSeverity.Error))
            {
                continue;
            }

            var fieldText = string.Concat(tokens.FStringFields.Select(f => source[f.Start..f.End] + " "));
            foreach (var name in names)
            {
                var use = UnboundUse(tokens.Tokens, source, name);
                if (use is not { } u || MentionedOtherwise(fieldText, name) || (u.Function is { } f && !called.Value.Contains(f)))
                {
                    continue; // inside a function nothing calls, the line never runs
                }

                var line = u.Line <= sourceLines.Length ? sourceLines[u.Line - 1].Trim() : string.Empty;
                yield return new UnboundNameUse(
                    new RunBlocker(m.Path, u.Line, $"uses {name}.… but never imports {name}: NameError when this line runs", line.Length <= 120 ? line : null), u.AtImport);
            }
        }
    }

    /// <summary>Ways a module may bind globals without naming them: globals()/locals()/vars() updates, exec, builtins, sys.modules[__name__].</summary>
    private static bool InjectsNames(ModuleSummary m) =>
        m.Names.Contains("globals") || m.Names.Contains("locals") || m.Names.Contains("vars") || m.Names.Contains("exec") || m.Names.Contains("builtins")
        || (m.Names.Contains("modules") && m.Names.Contains("__name__"));

    /// <summary>Whether an import binds the name (import os, import os.path, import numpy as np, from x import np).</summary>
    private static bool Bound(ModuleSummary m, string name) =>
        m.ImportBindings.ContainsKey(name) || m.Imports.Any(i => (i.Alias ?? i.Name ?? i.Module.Split('.')[0]) == name);

    /// <summary>
    /// The first `name.attr` use, when every other occurrence of the bare name (not after a dot) is also followed by a dot;
    /// null when the name appears in any other position (a possible binding) or not at all. With it: whether it lies at
    /// module level (no indented block), and the innermost function around it (null outside functions).
    /// </summary>
    private static (int Line, bool AtImport, string? Function)? UnboundUse(Token[] tokens, string source, string name)
    {
        (int Line, bool AtImport, string? Function)? first = null;
        var depth = 0;
        var functions = new List<(string Name, int Depth)>();
        // The statement keyword that opened each enclosing block: a use under if/elif/else/except/case runs only on that branch
        // (warnings.warn in an argument check), so it cannot be said to stop a run.
        var blocks = new List<string>();
        string? lineKeyword = null;
        var atLineStart = true;
        string? pendingDef = null;
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if (t.Kind is TokenKind.Newline or TokenKind.Indent or TokenKind.Dedent)
            {
                atLineStart = true;
            }
            else if (atLineStart)
            {
                lineKeyword = t.Kind == TokenKind.Name ? t.Text(source) : null;
                atLineStart = false;
            }

            if (t.Kind == TokenKind.Indent)
            {
                depth++;
                blocks.Add(lineKeyword ?? string.Empty);
                if (pendingDef is not null)
                {
                    functions.Add((pendingDef, depth));
                    pendingDef = null;
                }
            }
            else if (t.Kind == TokenKind.Dedent)
            {
                depth--;
                if (blocks.Count > 0)
                {
                    blocks.RemoveAt(blocks.Count - 1);
                }

                functions.RemoveAll(f => f.Depth > depth);
            }
            else if (t.Kind == TokenKind.Newline && pendingDef is not null && i + 1 < tokens.Length && tokens[i + 1].Kind != TokenKind.Indent)
            {
                pendingDef = null; // a one-line def: its body ended with the line
            }
            else if (t.IsName(source, "def") && i + 1 < tokens.Length && tokens[i + 1].Kind == TokenKind.Name)
            {
                pendingDef = tokens[i + 1].Text(source);
            }

            // After a dot it is another object's attribute; after `from`/`import` a module path (from sklearn.metrics import …).
            if (!t.IsName(source, name) || (i > 0 && (tokens[i - 1].IsOp(source, '.') || tokens[i - 1].IsName(source, "from") || tokens[i - 1].IsName(source, "import"))))
            {
                continue;
            }

            if (i + 1 >= tokens.Length || !tokens[i + 1].IsOp(source, '.'))
            {
                return null;
            }

            if (blocks.Any(b => b is "if" or "elif" or "else" or "except" or "case"))
            {
                continue;
            }

            var function = pendingDef ?? (functions.Count > 0 ? functions[^1].Name : null);
            first ??= (t.Line, depth == 0 && function is null, function);
        }

        return first;
    }

    /// <summary>Whether f-string fields use the name other than as `name.attr` (a walrus binding, a bare reference).</summary>
    private static bool MentionedOtherwise(string fieldText, string name)
    {
        var at = fieldText.IndexOf(name, StringComparison.Ordinal);
        while (at >= 0)
        {
            var before = at == 0 ? ' ' : fieldText[at - 1];
            var end = at + name.Length;
            var after = end < fieldText.Length ? fieldText[end] : ' ';
            if (!Tokenizer.IsIdContinue(before) && before != '.' && !Tokenizer.IsIdContinue(after) && after != '.')
            {
                return true;
            }

            at = fieldText.IndexOf(name, end, StringComparison.Ordinal);
        }

        return false;
    }
}
