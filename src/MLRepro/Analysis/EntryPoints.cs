using System.Collections.Immutable;

namespace MLRepro.Analysis;

/// <summary>Where an entry point was found.</summary>
public enum EntryPointKind
{
    /// <summary>A pipeline stage (dvc.yaml, Snakefile, Kedro).</summary>
    Pipeline,
    /// <summary>An MLproject entry point.</summary>
    MLproject,
    /// <summary>A Makefile recipe.</summary>
    Makefile,
    /// <summary>A command in the README or docs.</summary>
    Documentation,
    /// <summary>A CI workflow step.</summary>
    Workflow,
    /// <summary>A script with `if __name__ == "__main__":`.</summary>
    MainGuard,
    /// <summary>A notebook.</summary>
    Notebook,
    /// <summary>A script whose work runs at module level (no __main__ block), imported by nothing.</summary>
    Script,
}

/// <summary>A way to run the project.</summary>
/// <param name="Kind">Where it was found.</param>
/// <param name="DeclaredIn">The file that declares it (dvc.yaml, README.md, the script itself).</param>
/// <param name="Line">Line in that file.</param>
/// <param name="Command">The command, when declared as one.</param>
/// <param name="Script">The Python script or notebook it runs, relative to the project root, when known.</param>
/// <param name="IsTooling">Whether it only maintains the project (lint, format, test, install, docs), rather than running it.</param>
public sealed record EntryPoint(EntryPointKind Kind, string DeclaredIn, int Line, string? Command, string? Script, bool IsTooling = false);

/// <summary>A command that the project's own files run (pipelines, Makefiles, MLproject, CI, docs).</summary>
public sealed record ProjectCommand(EntryPointKind Kind, string Path, int Line, string Text);

/// <summary>The ways to run the project, most authoritative first.</summary>
public sealed class EntryPointAnalysis
{
    /// <summary>Entry points, ordered by kind (pipelines first) then path.</summary>
    public required ImmutableArray<EntryPoint> All { get; init; }

    /// <summary>The entry points that name a script.</summary>
    public IEnumerable<string> Scripts => All.Select(e => e.Script).Where(s => s is not null).Select(s => s!).Distinct(StringComparer.Ordinal);

    private static readonly string[] ScriptNames = ["train", "main", "run", "evaluate", "eval", "predict", "inference", "infer", "preprocess", "prepare", "featurize", "fit", "experiment", "pipeline", "demo"];

    /// <summary>
    /// A module that does its work at import time: not a package file, not imported by another module, and either named
    /// like a script or assigning call results at module level (data = load(); model.fit()).
    /// </summary>
    private static bool IsTopLevelScript(Python.ModuleSummary m, HashSet<string> importedNames)
    {
        var name = m.Path[(m.Path.LastIndexOf('/') + 1)..];
        if (name == "__init__.py" || ConfigAnalysis.IsTestOrTooling(m.Path) || ConfigAnalysis.IsPythonConfig(m) || m.Calls.Length == 0)
        {
            return false;
        }

        var stem = name[..^3];
        if (importedNames.Contains(stem))
        {
            return false;
        }

        var workAtTopLevel = m.Assignments.Count(a => a.IsModuleLevel && a.ValueText.Contains('(', StringComparison.Ordinal)) >= 2;
        return workAtTopLevel || ScriptNames.Any(n => stem.Equals(n, StringComparison.OrdinalIgnoreCase) || stem.StartsWith(n + "_", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Builds the analysis from commands and Python modules.</summary>
    public static EntryPointAnalysis Build(IReadOnlyList<ProjectCommand> commands, IReadOnlyList<Python.ModuleSummary> modules, Func<string, bool> exists, IReadOnlyList<string> files)
    {
        var list = new List<EntryPoint>();
        foreach (var c in commands)
        {
            var script = CommandLines.PythonTarget(c.Text) ?? CommandLines.NotebookTarget(c.Text);
            if (script is not null && CommandLines.IsModuleRun(c.Text) && !exists(script) && !exists(script[..^3] + "/__main__.py"))
            {
                // `python -m pip|pytest|torch.distributed.run …` runs an installed module, not a missing file.
                script = exists(script[..^3] + "/__init__.py") ? script[..^3] + "/__init__.py" : null;
                if (script is null)
                {
                    continue;
                }
            }
            if (script is not null && !exists(script) && c.Path.Contains('/', StringComparison.Ordinal))
            {
                // Commands in a sub-folder's file may be relative to that folder (dvc wdir, a sub-project README).
                var dir = c.Path[..c.Path.LastIndexOf('/')];
                if (exists(dir + "/" + script))
                {
                    script = dir + "/" + script;
                }
            }

            if (script is not null && !exists(script) && c.Kind is EntryPointKind.Documentation or EntryPointKind.Notebook)
            {
                // Docs often abbreviate the path ("python train.py" for src/train.py): accept one file of that name.
                var candidates = files.Where(f => f.EndsWith("/" + script, StringComparison.Ordinal)).Take(2).ToList();
                if (candidates.Count == 1)
                {
                    script = candidates[0];
                }
            }

            if (script is not null || c.Kind is EntryPointKind.Pipeline or EntryPointKind.MLproject)
            {
                list.Add(new EntryPoint(c.Kind, c.Path, c.Line, c.Text, script, CommandLines.IsTooling(c.Text) || (script is not null && ConfigAnalysis.IsTestOrTooling(script))));
            }
        }

        // Names other modules import (the last part of `import a.b`, or `from a import b`): such modules are libraries.
        var importedNames = modules.SelectMany(o => o.Imports).SelectMany(i => new[] { i.Module.Split('.')[^1], i.Name ?? string.Empty }).ToHashSet(StringComparer.Ordinal);
        foreach (var m in modules)
        {
            if (m.IsNotebook)
            {
                if (!ConfigAnalysis.IsTestOrTooling(m.Path) && m.Calls.Length > 0)
                {
                    list.Add(new EntryPoint(EntryPointKind.Notebook, m.Path, 1, null, m.Path));
                }
            }
            else if (m.MainGuardLine is { } line && !ConfigAnalysis.IsTestOrTooling(m.Path))
            {
                list.Add(new EntryPoint(EntryPointKind.MainGuard, m.Path, line, null, m.Path));
            }
            else if (IsTopLevelScript(m, importedNames))
            {
                list.Add(new EntryPoint(EntryPointKind.Script, m.Path, 1, null, m.Path));
            }
        }

        return new EntryPointAnalysis
        {
            All = [.. list.OrderBy(e => e.IsTooling).ThenBy(e => e.Kind).ThenBy(e => e.DeclaredIn, StringComparer.Ordinal).ThenBy(e => e.Line)],
        };
    }
}
