using System.Text.RegularExpressions;
using MLRepro.Knowledge;
using MLRepro.Model;
using MLRepro.Python;

namespace MLRepro.Analysis;

/// <summary>Something in the committed code that no environment fixes: the run fails until the code is edited.</summary>
/// <param name="Path">The file.</param>
/// <param name="Line">Its line.</param>
/// <param name="Problem">What fails.</param>
/// <param name="Snippet">The code, when short.</param>
public sealed record RunBlocker(string Path, int Line, string Problem, string? Snippet);

/// <summary>
/// Static signs that code cannot run as committed, beyond missing files: calls to APIs that current releases removed
/// (Knowledge/removed-apis.tsv; unless the project pins a release from before the removal), and template placeholders
/// (a config value marked REQUIRED/FIXME left empty; a hook function whose whole body is `raise NotImplementedError`).
/// </summary>
public static partial class RunBlockers
{
    /// <summary>At most this many blockers are reported per kind, so a large TF1 code base does not flood the report.</summary>
    public const int MaxPerKind = 12;

    /// <summary>Files larger than this are not scanned line by line.</summary>
    public const int MaxScannedChars = 400_000;

    /// <summary>
    /// The project modules a script runs: itself and, transitively, the local modules it imports (see <see cref="LocalModules"/>).
    /// </summary>
    public static IReadOnlySet<string> Closure(ProjectModel project, string script) => project.LocalModules.Closure(script);

    /// <summary>Folders that tools write under their own default names (no project code names them).</summary>
    private static readonly HashSet<string> ToolDefaultOutputs = new(StringComparer.Ordinal)
    {
        "mlruns", "mlartifacts", "lightning_logs", "wandb", "outputs", "multirun", "runs", "dvclive", ".hydra", "catboost_info", "logs",
    };

    /// <summary>
    /// Outputs a DVC stage declares that nothing in the project writes: no Python file, notebook or config names it (its
    /// file name, or its stem), and the stage's command does not pass it. `dvc repro` runs the stage, then stops because
    /// the declared output is missing. Outputs with templated names (${…}, wildcards) and tools' default folders are skipped.
    /// </summary>
    public static IEnumerable<RunBlocker> UnwrittenStageOutputs(ProjectModel project)
    {
        var stages = project.Pipelines.Where(p => p.Tool == PipelineTool.Dvc).SelectMany(p => p.Stages.Select(s => (Pipeline: p, Stage: s))).ToList();
        if (stages.Count == 0)
        {
            yield break;
        }

        var texts = project.PythonModules.Select(m => m.Path)
            .Concat(project.Index.Files.Where(f => f.Extension is ".yaml" or ".yml" or ".json" or ".toml" or ".cfg" or ".ini" or ".sh" or ".txt" or ".env" || f.Name is "Makefile")
                .Where(f => !f.Path.StartsWith("dvc.", StringComparison.Ordinal) && !f.Path.Contains("/dvc.", StringComparison.Ordinal) && f.Size <= MaxScannedChars).Select(f => f.Path))
            .Select(p => project.Text(p)?.Text).Where(t => t is not null).Select(t => t!).ToList();
        bool Named(string s) => texts.Any(t => t.Contains(s, StringComparison.Ordinal));
        foreach (var (pipeline, stage) in stages)
        {
            foreach (var o in stage.Outs)
            {
                var name = o.Path.TrimEnd('/');
                name = name[(name.LastIndexOf('/') + 1)..];
                if (name.Length < 3 || name.IndexOfAny(['$', '{', '*', '?']) >= 0 || ToolDefaultOutputs.Contains(name) || stage.Commands.Any(c => c.Contains(name, StringComparison.Ordinal)))
                {
                    continue;
                }

                var stem = name.Contains('.', StringComparison.Ordinal) ? name[..name.LastIndexOf('.')] : name;
                if (!Named(name) && (stem.Length < 3 || !Named(stem)))
                {
                    yield return new RunBlocker(pipeline.Path, stage.Line, $"stage '{stage.Name}' declares the output {o.Path}, but no code, config or command of the project writes anything of that name: `dvc repro` stops there with a missing output", o.Path);
                }
            }
        }
    }

    /// <summary>Uses of removed APIs in experiment code (tests and tooling excluded), unless a pinned version still has them.</summary>
    public static IEnumerable<RunBlocker> RemovedApiUses(ProjectModel project)
    {
        var stillThere = new Dictionary<RemovedApi, bool>();
        bool Applies(RemovedApi api)
        {
            if (!stillThere.TryGetValue(api, out var old))
            {
                old = PinnedBefore(project, api);
                stillThere[api] = old;
            }

            return !old;
        }

        foreach (var m in project.PythonModules.Where(m => !ConfigAnalysis.IsTestOrTooling(m.Path)))
        {
            var seen = new HashSet<RemovedApi>();
            foreach (var i in m.Imports.Where(i => i.Level == 0))
            {
                if (RemovedApis.ForImport(i.Module, i.Name) is { } api && seen.Add(api) && Applies(api))
                {
                    yield return Blocker(m.Path, i.Line, api, i.Name is null ? $"import {i.Module}" : $"from {i.Module} import {i.Name}");
                }
            }

            foreach (var c in m.Calls)
            {
                // Plain positional arguments only: a *args spread may be empty.
                if (RemovedApis.ForCall(c.Target, [.. c.Arguments.Select(a => a.Keyword)], c.Arguments.Count(a => a.Keyword is null && a.Star == 0), k => c.Keyword(k)?.Literal?.AsString) is { } api
                    && seen.Add(api) && Applies(api))
                {
                    yield return Blocker(m.Path, c.Line, api, c.RawTarget + "(…)");
                }
            }

            // A notebook's cells are scanned as its joined code (magics and shell escapes already left out).
            var source = m.Notebook is { } nb ? nb.Code : m.IsNotebook ? null : project.Text(m.Path)?.Text;
            if (source is null || source.Length > MaxScannedChars)
            {
                continue;
            }

            var roots = m.Imports.Where(i => i.Level == 0).Select(i => i.Module.Split('.')[0]).ToHashSet(StringComparer.Ordinal);
            var lineNo = 0;
            foreach (var raw in source.Split('\n'))
            {
                lineNo++;
                var code = CodeOf(raw.TrimEnd('\r'));
                if (code.Length == 0)
                {
                    continue;
                }

                foreach (var api in RemovedApis.ForLine(code))
                {
                    // A line pattern names an attribute or keyword of one library (env.seed( of gym, .iteritems() of pandas):
                    // it counts only in a module that imports that library.
                    if (api.Package != "python" && !Knowledge.ImportPackages.ModulesFor(api.Package).Any(roots.Contains) && !roots.Contains(api.Package))
                    {
                        continue;
                    }

                    if (seen.Add(api) && Applies(api))
                    {
                        yield return Blocker(m.Path, lineNo, api, code.Trim());
                    }
                }
            }
        }
    }

    private static RunBlocker Blocker(string path, int line, RemovedApi api, string snippet) =>
        new(path, line, $"uses an API removed in {(api.Package == "python" ? "Python" : api.Package)} {api.RemovedIn} (use {api.UseInstead})", snippet);

    /// <summary>Whether the project pins the package (or Python) to a release from before the removal.</summary>
    private static bool PinnedBefore(ProjectModel project, RemovedApi api)
    {
        if (api.Package == "python")
        {
            return project.Runtimes.Length > 0 && project.Runtimes.All(r => RemovedApis.AllowsOnlyBefore(r.Version, api.RemovedIn));
        }

        var names = api.Package == "tensorflow" ? new[] { "tensorflow", "tensorflow-gpu", "tensorflow-cpu" } : [api.Package];
        // A conda entry counts under its PyPI name (conda-names.tsv: a conda export's pytorch=1.4.0=py3.7_cuda10.0… pins torch).
        bool Names(Formats.Dependencies.Dependency d) => names.Contains(d.Name)
            || (d.Kind == Formats.Dependencies.DependencyKind.Conda && Knowledge.CondaNames.PyPiNameOf(d.Name) is { } pypi && names.Contains(pypi));
        var declared = project.Dependencies.Where(Names).ToList();
        if (declared.Count == 0)
        {
            // No dependency file names it: the README's dependency list or install command does ("tensorflow-gpu==1.6.0" under
            // "## Dependencies", "pip install tensorflow==1.15"), which is the environment the authors ran.
            declared = [.. DocumentedDependencies.Requirements(project).Where(d => Names(d) && !string.IsNullOrWhiteSpace(d.Specifier))];
        }

        if (declared.Count > 0)
        {
            // Declared in several files (requirements.txt pins numpy==1.15.4, setup.py's install_requires says numpy>=1.15.4): the
            // exact pin records the release the authors ran, the range is a library's loose compatibility claim.
            var exact = declared.Where(d => d.IsPinned && !string.IsNullOrWhiteSpace(d.Specifier)).ToList();
            return (exact.Count > 0 ? exact : declared).All(d => RemovedApis.AllowsOnlyBefore(d.Specifier, api.RemovedIn));
        }

        // A framework image (tensorflow/tensorflow:1.15.5-gpu) fixes the version too.
        var repo = api.Package == "torch" ? "pytorch/pytorch" : api.Package + "/" + api.Package;
        var tags = project.Containers.SelectMany(c => c.Images).Where(i => i.Repository.EndsWith(repo, StringComparison.Ordinal) && i.Tag is not null).Select(i => i.Tag!).ToList();
        return tags.Count > 0 && tags.All(t => char.IsAsciiDigit(t[0]) && RemovedApis.AllowsOnlyBefore("==" + t.Split('-')[0], api.RemovedIn));
    }

    /// <summary>A source line without its comment (a '#' outside quotes) and without string contents.</summary>
    private static string CodeOf(string line)
    {
        var t = line.TrimStart();
        if (t.StartsWith('#'))
        {
            return string.Empty;
        }

        var hash = line.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0 && line[..hash].Count(ch => ch is '"' or '\'') % 2 == 0)
        {
            line = line[..hash];
        }

        return QuotedString().Replace(line, "\"\"");
    }

    /// <summary>
    /// Config values a template marks as required (a preceding comment saying REQUIRED, FIXME or TODO) and leaves empty
    /// (`target_col: ""`): the run stops until someone fills them in.
    /// </summary>
    public static IEnumerable<RunBlocker> EmptyRequiredValues(ProjectModel project)
    {
        foreach (var f in project.Index.Files.Where(f => f.Extension is ".yaml" or ".yml" && !ConfigAnalysis.IsTestOrTooling(f.Path) && !f.Path.StartsWith(".github/", StringComparison.Ordinal)))
        {
            if (project.Text(f.Path) is not { } text || text.Text.Length > MaxScannedChars)
            {
                continue;
            }

            var marked = false;
            for (var line = 1; line <= text.LineCount; line++)
            {
                var l = text.GetLine(line).Trim();
                if (l.StartsWith('#'))
                {
                    marked |= RequiredMarker().IsMatch(l);
                    continue;
                }

                if (marked && EmptyValue().Match(l) is { Success: true } m)
                {
                    yield return new RunBlocker(f.Path, line, $"the template's required value {m.Groups["key"].Value} is empty", l);
                }

                marked = false;
            }
        }
    }

    /// <summary>
    /// Template hooks left unimplemented: a module-level function whose whole body (docstring and comments aside) is
    /// `raise NotImplementedError`, that no project code calls (a framework does), and that a config names or whose
    /// comment marks it REQUIRED. Abstract methods of classes are not hooks.
    /// </summary>
    public static IEnumerable<RunBlocker> StubHooks(ProjectModel project)
    {
        var modules = project.PythonModules.Where(m => !m.IsNotebook && !ConfigAnalysis.IsTestOrTooling(m.Path)).ToList();
        var called = modules.SelectMany(m => m.Calls).Select(c => c.Target[(c.Target.LastIndexOf('.') + 1)..]).ToHashSet(StringComparer.Ordinal);
        HashSet<string>? configWords = null;
        foreach (var m in modules)
        {
            if (m.Functions.All(f => !f.IsModuleLevel || f.ClassName is not null) || project.Text(m.Path) is not { } text || text.Text.Length > MaxScannedChars)
            {
                continue;
            }

            foreach (var f in m.Functions.Where(f => f.IsModuleLevel && f.ClassName is null && !called.Contains(f.Name)))
            {
                if (StubBody(text, f.Line) is not { } body)
                {
                    continue;
                }

                configWords ??= ConfigWords(project);
                if (body.Required || configWords.Contains(f.Name))
                {
                    yield return new RunBlocker(m.Path, body.RaiseLine, $"{f.Name}() is a template stub: its whole body raises NotImplementedError", "raise NotImplementedError");
                }
            }
        }
    }

    /// <summary>The body of `def` at <paramref name="defLine"/> when it only raises NotImplementedError: the raise line, and whether a comment marks it required.</summary>
    private static (int RaiseLine, bool Required)? StubBody(Text.SourceText text, int defLine)
    {
        var raiseLine = 0;
        var required = false;
        var inDocstring = false;
        string? quote = null;
        var signatureDone = false;
        for (var line = defLine; line <= text.LineCount; line++)
        {
            var raw = text.GetLine(line);
            var l = raw.Trim();
            if (!signatureDone)
            {
                // The signature may span several lines; it ends at the line ending with ':' (annotations aside).
                signatureDone = l.EndsWith(':') || l.Contains("):", StringComparison.Ordinal) || Regex.IsMatch(l, @"\)\s*->\s*[^:]+:\s*(#.*)?$");
                continue;
            }

            if (l.Length == 0)
            {
                continue;
            }

            if (raw.Length > 0 && !char.IsWhiteSpace(raw[0]))
            {
                break; // back at module level: the body ended
            }

            if (inDocstring)
            {
                if (l.Contains(quote!, StringComparison.Ordinal))
                {
                    inDocstring = false;
                }

                continue;
            }

            if (l.StartsWith("\"\"\"", StringComparison.Ordinal) || l.StartsWith("'''", StringComparison.Ordinal) || l.StartsWith("r\"\"\"", StringComparison.Ordinal))
            {
                quote = l.Contains("'''", StringComparison.Ordinal) ? "'''" : "\"\"\"";
                var rest = l[(l.IndexOf(quote, StringComparison.Ordinal) + 3)..];
                inDocstring = !rest.Contains(quote, StringComparison.Ordinal);
                continue;
            }

            if (l.StartsWith('#'))
            {
                required |= RequiredStub().IsMatch(l);
                continue;
            }

            if (raiseLine == 0 && RaiseNotImplemented().IsMatch(l))
            {
                raiseLine = line;
                continue;
            }

            return null; // any other statement: real code
        }

        return raiseLine > 0 ? (raiseLine, required) : null;
    }

    /// <summary>Identifiers written as values in the project's YAML/JSON/TOML configs (hooks are registered by name).</summary>
    private static HashSet<string> ConfigWords(ProjectModel project)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in project.ConfigFiles.SelectMany(f => f.Entries))
        {
            if (e.Value is { Length: > 0 and < 200 } v)
            {
                foreach (var part in v.Split([':', '.'], StringSplitOptions.RemoveEmptyEntries))
                {
                    set.Add(part.Trim().Trim('"', '\''));
                }
            }
        }

        return set;
    }

    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""|'(?:[^'\\]|\\.)*'")]
    private static partial Regex QuotedString();

    [GeneratedRegex(@"\bREQUIRED\b|\bFIXME\b(?!::OPTIONAL)|\bTODO\b.*\b(?:set|fill|required)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RequiredMarker();

    [GeneratedRegex(@"\bREQUIRED\b", RegexOptions.IgnoreCase)]
    private static partial Regex RequiredStub();

    [GeneratedRegex(@"^-?\s*(?<key>[A-Za-z_][\w.-]*)\s*:\s*(?:""""|'')\s*(?:#.*)?$")]
    private static partial Regex EmptyValue();

    [GeneratedRegex(@"^raise\s+NotImplementedError\b")]
    private static partial Regex RaiseNotImplemented();
}
