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
/// <param name="Kind">Where it was found.</param>
/// <param name="Path">The declaring file.</param>
/// <param name="Line">Line in that file.</param>
/// <param name="Text">The command.</param>
/// <param name="Block">For documentation: the first line of the code block holding it (a `cd` holds until the block ends); 0 otherwise.</param>
/// <param name="Cwd">The folder the command starts in, repository-relative ("" the root); null when it is chosen at run time
/// (a CI step's <c>working-directory: ${{ inputs.dir }}</c>).</param>
public sealed record ProjectCommand(EntryPointKind Kind, string Path, int Line, string Text, int Block = 0, string? Cwd = "");

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

    /// <summary>
    /// A script run after `cd dir`: dir/script; dir may start with the clone's folder name (`git clone …; cd repo/sub`), so a
    /// first part that is no folder of the project is dropped; a placeholder part (`cd tutorials/PATH_TO_PROJECT`) leaves the
    /// deepest existing folder, where any file of that name counts.
    /// </summary>
    private static string? ResolveInFolder(string dir, string script, Func<string, bool> exists, IReadOnlyList<string> files)
    {
        var parts = dir.Split('/').ToList();
        for (var attempt = 0; attempt < 2 && parts.Count > 0; attempt++)
        {
            var full = string.Join('/', parts) + "/" + script;
            if (exists(full))
            {
                return full;
            }

            var dirExists = files.Any(f => f.StartsWith(string.Join('/', parts) + "/", StringComparison.Ordinal));
            for (var n = parts.Count - 1; n >= 1 && !dirExists; n--)
            {
                var prefix = string.Join('/', parts.Take(n)) + "/";
                var under = files.Where(f => f.StartsWith(prefix, StringComparison.Ordinal) && (f == prefix + script || f.EndsWith("/" + script, StringComparison.Ordinal))).Order(StringComparer.Ordinal).FirstOrDefault();
                if (under is not null)
                {
                    return under;
                }
            }

            if (files.Any(f => f.StartsWith(parts[0] + "/", StringComparison.Ordinal)))
            {
                break; // the first part is a real folder: nothing to drop
            }

            parts.RemoveAt(0);
            if (parts.Count == 0)
            {
                return exists(script) ? script : null;
            }
        }

        return null;
    }

    /// <summary>Builds the analysis from commands and Python modules.</summary>
    public static EntryPointAnalysis Build(IReadOnlyList<ProjectCommand> commands, IReadOnlyList<Python.ModuleSummary> modules, Func<string, bool> exists, IReadOnlyList<string> files)
    {
        var list = new List<EntryPoint>();
        var cwd = (Path: string.Empty, Block: 0, Dir: (string?)string.Empty);
        foreach (var c in commands)
        {
            var script = CommandLines.PythonTarget(c.Text) ?? CommandLines.NotebookTarget(c.Text);
            if (c.Kind is EntryPointKind.Documentation && c.Block > 0)
            {
                // README blocks often `cd` into a sub-folder before running its script; the `cd` holds until the block ends.
                if (cwd.Path != c.Path || cwd.Block != c.Block)
                {
                    cwd = (c.Path, c.Block, string.Empty);
                }

                var before = cwd.Dir;
                cwd.Dir = CommandLines.ApplyCd(c.Text, cwd.Dir);
                var dir = c.Text.TrimStart().StartsWith("cd ", StringComparison.Ordinal) ? cwd.Dir : before;
                if (script is not null && !exists(script) && !string.IsNullOrEmpty(dir) && ResolveInFolder(dir, script, exists, files) is { } inDir)
                {
                    script = inDir;
                }
                else if (script is not null && !exists(script) && c.Text.TrimStart().StartsWith("cd ", StringComparison.Ordinal) && !string.IsNullOrEmpty(before)
                    && CommandLines.ApplyCd(c.Text, string.Empty) is { Length: > 0 } fromRoot && ResolveInFolder(fromRoot, script, exists, files) is { } inRootDir)
                {
                    // Alternative one-liners in one block (`cd 1-grid-world && python 3-sarsa.py`, then `cd 2-cartpole && python
                    // 1-dqn.py`) each start from the clone's root: the second `cd` is not nested in the first.
                    script = inRootDir;
                    cwd.Dir = fromRoot;
                }
            }

            if (c.Kind is EntryPointKind.Workflow && script is not null && !exists(script))
            {
                // A CI step runs in its working-directory, and `cd` within its command moves on from there. A folder chosen at
                // run time (`cd "$DIR"`, `working-directory: ${{ inputs.dir }}`) leaves the script's place unknown: no claim.
                var dir = CommandLines.ApplyCd(c.Text, c.Cwd);
                script = dir is null ? null : dir.Length > 0 ? ResolveInFolder(dir, script, exists, files) ?? script : script;
                if (script is null)
                {
                    continue;
                }
            }

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
