using System.Collections.Immutable;
using MLRepro.Analysis;
using MLRepro.Findings;
using MLRepro.Model;
using MLRepro.Text;

namespace MLRepro.Checks.Code;

/// <summary>code.runs — given the correct input, the code runs without errors.</summary>
public sealed partial class CodeRunsCheck : CheckBase
{
    /// <inheritdoc />
    public override CheckInfo Info { get; } = new(
        "code.runs",
        StarLevel.Code,
        "Code runs end to end",
        "Given the correct input, the code runs end to end without errors and produces the expected output. Judged on the default " +
        "or documented entry point.",
        "Statically: an entry point is identified (dvc stages, MLproject entry points, Makefile targets, README commands, " +
        "`__main__` scripts, notebooks; tooling commands such as lint, test or install lines do not count; the root README's first run, a " +
        "Python command or the python line of a shell script it runs (`sh scripts/train.sh`), is the primary one, ahead of commands in " +
        "CHANGELOG.md or a sub-folder's README); the scripts it names " +
        "exist and parse (a `cd dir` earlier in a README code block is followed); relative imports resolve; the paths the code opens exist, are tracked, " +
        "are produced by a pipeline stage, or are named by the documentation as the input to supply; a DVC stage " +
        "output that no code, config or command names is a problem (`dvc repro` stops on the missing output); and no template placeholder is left (a config value marked REQUIRED/FIXME left " +
        "empty, a hook whose whole body raises NotImplementedError). Deployment helpers (deploy/, k8s/…) are not judged, nor, when the documented " +
        "entry point is a script, notebooks it never reaches (research/, demos). A file the project's own code saves (a notebook " +
        "plotting what train.py wrote, followed through f-strings and os.path.join) is not a missing input. Blockers (NotMet): a script a " +
        "command names that does not exist, a syntax error in the primary entry point, a module it imports or a pipeline step (in another script " +
        "of a collection it is a problem), an unresolvable import at module level of a run. Problems (Partial): an input read from an absolute path " +
        "on the author's machine (/share/data/…, D:\\…, /kaggle/input/…), which the user must edit first; a call of an API that current releases removed (time.clock, " +
        "tf.placeholder/tf.contrib under TensorFlow 2, loss.data[0], np.float, sklearn.externals.joblib, a four-value gym env.step, Keras 2's Adam(lr=…)…: Knowledge/removed-apis.tsv) unless the " +
        "project pins a release that still has it — the code runs in its era's releases, so a fresh unpinned install breaks it but pinning " +
        "fixes it; Python 2 syntax (a print statement, `except E, e:`), which runs only under Python 2.7; a " +
        "conventional module name used as `name.attr` without any binding in its module, in code that runs (NameError; at module level of " +
        "the primary entry point's modules it blocks; a notebook counts as its code cells run top to bottom, unless %pylab or %run injects names); a path with Windows separators to a file the project has under the '/' form; a value of a loaded config file (or of a " +
        "Python config module the run imports) that is a path in the author's home folder (/home/NAME/…, /Users/NAME/…, /run/media/NAME, C:\\Users\\NAME), " +
        "which the user must edit first; a " +
        "package the documented entry point imports that no dependency file declares (a git submodule's code, fetched by `git submodule update`, is the project's own); a save (torch.save, joblib.dump, np.save, " +
        "savefig, to_csv, open(…, 'w')) by the documented run or a pipeline stage into a folder a fresh clone lacks and nothing creates " +
        "(no makedirs/mkdir naming it, no `mkdir` command); a documented multi-line command whose line continuation is broken (a `\\` followed by a blank or a comment, or an option " +
        "line after a line without `\\`: the shell runs the command without the options below); a tracking server the run logs to (mlflow.set_tracking_uri(\"http://…\") or \"databricks\") that " +
        "no command, script, compose file or document starts (`mlflow server`, `mlflow ui`); an account of the author's that a declared run logs to, " +
        "which anyone else lacks the credentials for (an MLflow tracking URI on a remote host, such as the author's DagsHub repository or an EC2 host, " +
        "written in the call or in the config value it reads, even when the README starts a local `mlflow ui`; `dagshub.init(repo_owner=…)`; " +
        "a W&B entity written into `wandb.init(entity=…)` or `WandbLogger(entity=…)`), judged on every run a document declares, the scripts " +
        "a run starts (`os.system(\"python main.py\")`) and a script that launches the project's MLproject; a relative import that resolves to nothing " +
        "inside a block (a function, `if args.deepspeed:`), which fails only when that code runs; and, when the README, pipelines, " +
        "Makefiles, workflows or shell scripts declare the runs, a parse error, unresolved import or absolute path in a file none of " +
        "those runs reaches (a deprecated notebook, a side experiment), or in a module no entry point reaches. Not counted at all, when " +
        "runs are declared: a removed API, Python 2 syntax, a missing input or Windows separators in a file none of them reaches, and a " +
        "missing script named by a sub-folder's document (eval/README.md: that side module's own runs, which do not declare the project's). " +
        "In a README block of one-liners (`cd a && python x.py`, then `cd b && python y.py`), each `cd` that does not resolve nested is taken " +
        "from the clone's root. Only a run proves it: " +
        "`mlrepro verify` runs the entry point and records the exit status.",
        "Document one command that runs the project end to end (a dvc.yaml, a Makefile target or a README line), declare every " +
        "imported package, and make every input path relative to the repository.",
        [],
        ProvenOnlyByRunning: true);

    /// <inheritdoc />
    public override Finding Run(ProjectModel project)
    {
        var entries = project.EntryPoints.All.Where(e => !e.IsTooling).ToImmutableArray();
        if (entries.Length == 0)
        {
            return Found(Outcome.NotMet, "no entry point was found: nothing says how to run the project.",
                Evidence.Repo($"searched {Count(project.PythonModules.Count, "Python module")} for `if __name__ == \"__main__\":`, and pipelines, Makefiles, MLproject, CI workflows and {Count(project.Docs.Count, "document")} for commands"));
        }

        var evidence = new List<Evidence>();
        var blocking = new List<Evidence>();
        var minor = new List<Evidence>();
        var primary = Primary(project, entries);
        evidence.Add(Evidence.At(primary.DeclaredIn, primary.Line, $"entry point ({Describe(primary.Kind)})", primary.Command));

        // "Judged on the default or documented entry point": when the README, pipelines, Makefiles, workflows or shell scripts
        // declare the runs, a file none of them reaches (a side evaluation script, an optional logger, an exploration notebook,
        // a sub-project) cannot stop the documented run. What merely ages or lacks an input there (a removed API, Python 2
        // syntax, a data file to fetch, Windows separators) is not counted at all: reviewers judge the documented run. A
        // sub-folder's document (eval/README.md, recipes/…/README.md) declares that side module's own runs, not the project's.
        var side = new List<Evidence>();
        var offRunCode = CodeExampleInputCheck.OffRunPath(project, entries[0].DeclaredIn);

        // Scripts named by commands must exist.
        foreach (var e in entries.Where(e => e.Script is not null && e.Kind is not (EntryPointKind.MainGuard or EntryPointKind.Notebook or EntryPointKind.Script)))
        {
            if (!project.Index.Contains(e.Script!) && !project.Data.ProducedPaths.Contains(e.Script!) && !IsUserWrittenScript(project, e))
            {
                (e.Kind is EntryPointKind.Documentation && SubFolderDocument(e.DeclaredIn) && e.DeclaredIn != primary.DeclaredIn ? side
                    : e.Kind is EntryPointKind.Documentation or EntryPointKind.Workflow ? minor : blocking)
                    .Add(Evidence.At(e.DeclaredIn, e.Line, $"runs {e.Script}, which does not exist", e.Command));
            }
        }

        // "Judge the default or documented entry point": when the README, pipelines, Makefiles, workflows or shell scripts
        // declare the runs, a file none of them reaches (a deprecated notebook, a side evaluation script, another author's
        // experiments folder) cannot stop the documented run, so what would break it is a problem, not a blocker; so is a
        // module no entry point reaches at all. The reading is the one code.example-input takes for unavailable inputs.
        var offRun = offRunCode;
        List<Evidence> BlockingUnlessOffRun(string path) => offRun(path) ? minor : blocking;
        string OffRunNote(string path) => offRun(path) ? " (off the documented run)" : string.Empty;

        // Entry scripts must parse. A syntax error stops the run that executes the file: the primary entry point and what it
        // imports, or a pipeline, Makefile or MLproject step. In a collection of scripts or notebooks (a book's chapters, a
        // deprecated/ notebook, a teammate's folder of a competition solution) one file that does not parse stops only itself:
        // the documented run goes on, so it is a problem (Partial), as reviewers grade it.
        var scripts = project.EntryPoints.Scripts.ToHashSet(StringComparer.Ordinal);
        var stepped = primary.Script is { } primaryScript ? RunBlockers.Closure(project, primaryScript).ToHashSet(StringComparer.Ordinal) : null;
        foreach (var e in entries.Where(e => e.Kind is EntryPointKind.Pipeline or EntryPointKind.Makefile or EntryPointKind.MLproject && e.Script is not null))
        {
            stepped?.UnionWith(RunBlockers.Closure(project, e.Script!));
        }

        foreach (var m in project.PythonModules.Where(m => scripts.Contains(m.Path)))
        {
            var error = m.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
            if (error is not null)
            {
                var elsewhere = stepped is not null && !stepped.Contains(m.Path);
                (elsewhere ? minor : BlockingUnlessOffRun(m.Path)).Add(Evidence.At(m.Path, error.Span?.Line,
                    $"does not parse: {error.Message}{(elsewhere && !offRun(m.Path) ? " (a script the primary entry point does not run)" : OffRunNote(m.Path))}"));
            }
        }

        // A broken import only stops a run that imports its module: not in tests (a test fixture may break an import on
        // purpose), nor in a module no entry script reaches.
        var reached = scripts.Count == 0 ? null : scripts.SelectMany(project.LocalModules.Closure).ToHashSet(StringComparer.Ordinal);
        foreach (var u in project.Imports.Unresolved.Where(u => !Analysis.ConfigAnalysis.IsTestOrTooling(u.Path) && (reached is null || reached.Contains(u.Path))))
        {
            // An import inside a block (a function, `if self.deepspeed:`) fails only when that code runs, as a NameError does.
            var nested = InsideBlock(project, u.Path, u.Line);
            (nested ? minor : BlockingUnlessOffRun(u.Path)).Add(Evidence.At(u.Path, u.Line,
                $"`{u.Import}` resolves to no file of the project{(nested ? " (inside a block: it fails when that code runs)" : OffRunNote(u.Path))}"));
        }

        // A module name used without its import (os.path.join with no `import os`): NameError when the line runs. At module
        // level of a module the primary entry point runs, the run stops there; inside a function, only when it is called.
        var primaryReach = primary.Script is { } pr && pr.EndsWith(".py", StringComparison.Ordinal) ? RunBlockers.Closure(project, pr) : null;
        foreach (var u in RunBlockers.UnboundModuleNames(project, reached ?? new HashSet<string>(StringComparer.Ordinal)).Take(RunBlockers.MaxPerKind))
        {
            (u.AtImport && primaryReach is not null && primaryReach.Contains(u.Blocker.Path) ? blocking : minor)
                .Add(Evidence.At(u.Blocker.Path, u.Blocker.Line, u.Blocker.Problem, u.Blocker.Snippet));
        }

        // An absolute path on the author's machine (/share/data/…, D:\\Project\\data, /kaggle/input/…) is a problem, not a
        // blocker: given the correct input, the code runs once the user points the path at it (an edit, as for a config
        // value in the author's home folder). Careful reviewers grade it so ("runs only after editing paths": Partial).
        foreach (var r in project.Data.Reads.Where(r => r.Status is DataPathStatus.Absolute))
        {
            minor.Add(Evidence.At(r.Path, r.Line, $"opens {r.Literal}, an absolute path on the author's machine: edit it before running{OffRunNote(r.Path)}", $"{r.Function}({r.Argument})"));
        }

        // An API that current releases removed (an unpinned requirement brings them) is a problem, not a blocker: the code is
        // right for the releases of its era, and pinning them (env.packages' concern) runs it unchanged. Careful reviewers
        // grade it so ("runs with the 2021-era stack; a fresh install today breaks it": Partial), keeping NotMet for code
        // that no environment runs (a missing script, a syntax error, an unresolvable import).
        // When the documented way to run the project is a script, notebooks it never reaches (research/, demos) are side
        // explorations: a file they open that is missing, or an API they call that is gone, does not stop the documented run.
        var primaryClosure = primary.Script is { } ps && ps.EndsWith(".py", StringComparison.Ordinal) && primary.Kind is not (EntryPointKind.MainGuard or EntryPointKind.Script)
            ? RunBlockers.Closure(project, ps) : null;
        bool SideNotebook(string path) => primaryClosure is not null && path.EndsWith(".ipynb", StringComparison.Ordinal) && !primaryClosure.Contains(path);
        foreach (var b in RunBlockers.RemovedApiUses(project).Where(b => !SideNotebook(b.Path)).Take(RunBlockers.MaxPerKind))
        {
            (offRun(b.Path) ? side : minor).Add(Evidence.At(b.Path, b.Line, b.Problem, b.Snippet));
        }

        // Python 2 syntax (print statements): the code runs under its era's interpreter only, as with a removed API.
        foreach (var b in RunBlockers.Python2Statements(project).Where(b => !SideNotebook(b.Path)).Take(RunBlockers.MaxPerKind))
        {
            (offRun(b.Path) ? side : minor).Add(Evidence.At(b.Path, b.Line, b.Problem, b.Snippet));
        }

        foreach (var b in RunBlockers.EmptyRequiredValues(project).Take(RunBlockers.MaxPerKind).Concat(RunBlockers.StubHooks(project).Take(RunBlockers.MaxPerKind)))
        {
            blocking.Add(Evidence.At(b.Path, b.Line, b.Problem, b.Snippet));
        }

        foreach (var b in RunBlockers.BrokenContinuations(project))
        {
            minor.Add(Evidence.At(b.Path, b.Line, b.Problem, b.Snippet));
        }

        foreach (var b in RunBlockers.UnwrittenStageOutputs(project).Take(RunBlockers.MaxPerKind))
        {
            minor.Add(Evidence.At(b.Path, b.Line, b.Problem, b.Snippet));
        }

        // A result the project's own code saves (a notebook plotting what train.py wrote) is already Produced, not Missing
        // (DataAnalysis follows RunBlockers.WrittenPathPatterns): running that code makes it.
        foreach (var r in project.Data.Reads.Where(r => r.Status is DataPathStatus.Missing))
        {
            if (SideNotebook(r.Path))
            {
                continue;
            }

            if (IsDeployHelper(r.Path))
            {
                // Deployment helpers run in the serving environment, on files the deployment provides; they are not the experiment.
                continue;
            }

            if (r.Literal is { } lit && DocumentedInput(project, r.Path, lit) is { } doc)
            {
                // "Given the correct input": the documentation tells the user which file to supply, so it is example-input's concern.
                evidence.Add(Evidence.At(doc.Path, doc.Line, $"documents the input {r.Literal} that {r.Path} opens"));
                continue;
            }

            (offRun(r.Path) ? side : minor).Add(Evidence.At(r.Path, r.Line, $"opens {r.Literal}, which is not in the project and no stage produces it", $"{r.Function}({r.Argument})"));
        }

        // A Windows path ('notebook\\data\\x.csv', no os.path.join) to a file the project has under the '/' form: on Linux and
        // macOS the backslashes are part of one file name, so the open fails there.
        foreach (var r in project.Data.Reads.Where(r => r.Literal is { } l && l.Contains('\\', StringComparison.Ordinal) && !l.Contains("://", StringComparison.Ordinal)
            && r.Status is DataPathStatus.Committed or DataPathStatus.Tracked or DataPathStatus.Produced or DataPathStatus.LocalOnly && !SideNotebook(r.Path) && !IsDeployHelper(r.Path)))
        {
            (offRun(r.Path) ? side : minor).Add(Evidence.At(r.Path, r.Line, $"opens {r.Literal} with Windows separators: on Linux and macOS no file has that name (use '/' or os.path.join)", $"{r.Function}({r.Argument})"));
        }

        // A package the documented run imports that no dependency file declares: a fresh install from those files cannot run
        // it. Only a documented or declared entry point's modules count (not a __main__ block picked by path): side scripts and
        // add-ons (a Flask demo, a vendored baseline) often document their own extras.
        if (primaryClosure is not null && project.Dependencies.Length > 0)
        {
            // A git submodule's code (`git submodule update` fetches it; a snapshot without it shows an empty folder) is the
            // project's own: `from tacotron2.layers import …`, or `from layers import …` after sys.path.append('tacotron2').
            var submodules = SubmodulePaths(project);
            foreach (var t in project.Imports.UndeclaredRequired.Where(t => t.RequiredIn.Any(primaryClosure.Contains) && !FromSubmodule(project, t, submodules)).Take(RunBlockers.MaxPerKind))
            {
                var at = t.RequiredIn.First(primaryClosure.Contains);
                var line = at == t.FirstPath ? t.FirstLine : (int?)null;
                minor.Add(Evidence.At(at, line, $"imports {t.Module}, which no dependency file declares ({t.Distributions.FirstOrDefault() ?? t.Module}): a fresh install cannot run it"));
            }
        }

        // A save into a folder a fresh clone lacks and nothing creates (joblib.dump to models/ with models/ git-ignored).
        // Only the documented or declared run: a sub-project's README often has the user lay out its data/ folder first.
        var runModules = new HashSet<string>(primaryClosure ?? (IEnumerable<string>)[], StringComparer.Ordinal);
        foreach (var e in entries.Where(e => e.Kind is EntryPointKind.Pipeline or EntryPointKind.Makefile or EntryPointKind.MLproject
            && e.Script is { } s && s.EndsWith(".py", StringComparison.Ordinal)))
        {
            runModules.UnionWith(RunBlockers.Closure(project, e.Script!));
        }

        foreach (var b in RunBlockers.SavesIntoMissingFolders(project, runModules).Take(RunBlockers.MaxPerKind))
        {
            minor.Add(Evidence.At(b.Path, b.Line, b.Problem, b.Snippet));
        }

        // A tracking server the run logs to that nothing starts or documents (set_tracking_uri("http://host.docker.internal:5000")).
        foreach (var b in RunBlockers.UnprovidedTrackingServers(project, runModules))
        {
            minor.Add(Evidence.At(b.Path, b.Line, b.Problem, b.Snippet));
        }

        // A service account of the author's that a run logs to (a DagsHub or EC2 tracking URI, dagshub.init(repo_owner=…),
        // wandb.init(entity=…)): anyone else lacks its credentials. Judged on every declared run (each week's README of a
        // course), not only the primary one, and on the scripts a run launches (os.system("python main.py")) or that launch
        // the project's MLproject; a side flow no document names (an ecosystem demo) is not the project's run.
        var offDeclared = CodeExampleInputCheck.OffRunPath(project);
        var accountModules = new HashSet<string>(runModules.Concat(project.PythonModules.Where(m => !offDeclared(m.Path)).Select(m => m.Path)), StringComparer.Ordinal);
        accountModules.UnionWith(RunBlockers.LaunchedModules(project, accountModules));
        foreach (var b in RunBlockers.AuthorAccountServices(project, accountModules))
        {
            minor.Add(Evidence.At(b.Path, b.Line, b.Problem, b.Snippet));
        }

        // A committed config the run loads that points at the author's home folder (`"train_image_folder": "/home/andy/data/…"`,
        // DATA_PATH = '/run/media/me/disk'): the run looks there until the user edits the config (not the code: Partial).
        foreach (var b in AuthorHomeConfigPaths(project, reached).Take(RunBlockers.MaxPerKind))
        {
            minor.Add(b);
        }

        if (blocking.Count > 0)
        {
            return Found(Outcome.NotMet, $"the entry point cannot run as committed: {blocking.Count} blocking problem(s).", blocking.Concat(minor).Concat(evidence));
        }

        if (minor.Count > 0)
        {
            return Found(Outcome.Partial, $"an entry point exists, but {Count(minor.Count, "problem")} may stop a fresh run.", minor.Concat(evidence),
                "Commit (or track with DVC) every file the code opens, fix the commands the documentation gives, and fix each problem listed (missing imports, Windows paths, undeclared packages, output folders nothing creates, a tracker account of the author's).");
        }

        evidence.AddRange(entries.Where(e => e != primary).Take(4).Select(e => Evidence.At(e.DeclaredIn, e.Line, $"entry point ({Describe(e.Kind)})", e.Command)));
        var sideNote = side.Count > 0 ? $" ({Count(side.Count, "problem")} off the documented run not counted)" : string.Empty;
        return Found(Outcome.Met, $"{Count(entries.Length, "entry point")} found; the scripts exist and parse, and the inputs they open resolve{sideNote} (not verified by running).",
            evidence.Concat(side.Take(RunBlockers.MaxPerKind).Select(e => e with { Note = e.Note + " (off the documented run: not counted)" })));
    }

    /// <summary>
    /// The entry point the project documents as its run, and the document that declares the runs. Entry points sort by kind
    /// and then by the declaring file's name, so a command in CHANGELOG.md, AGENTS.md or a sub-folder's README (PyG/README.md,
    /// TFHub/README.md) would come before the root README's. But the root README is the project's own account of how to run it:
    /// its first command that runs a Python script, directly or through a committed shell script (`sh semi.sh`, whose first
    /// `python train.py` line is the run), is the primary entry point (a pipeline, MLproject or Makefile still comes first):
    /// its modules are the ones whose saves, imports and tracking calls are judged.
    /// </summary>
    private static EntryPoint Primary(ProjectModel project, ImmutableArray<EntryPoint> entries)
    {
        var first = entries[0];
        if (first.Kind is not EntryPointKind.Documentation || IsRootReadme(first.DeclaredIn))
        {
            return first;
        }

        foreach (var c in project.Commands.Where(c => c.Kind is EntryPointKind.Documentation && IsRootReadme(c.Path)).OrderBy(c => c.Path, StringComparer.Ordinal).ThenBy(c => c.Line))
        {
            if (entries.FirstOrDefault(e => e.Kind is EntryPointKind.Documentation && e.DeclaredIn == c.Path && e.Line == c.Line && !e.IsTooling) is { } documented)
            {
                return documented;
            }

            if (ShellScriptRun(project, c.Text) is { } script)
            {
                return new EntryPoint(EntryPointKind.Documentation, c.Path, c.Line, c.Text, script);
            }
        }

        return first;
    }

    /// <summary>The first Python script of the project that a `sh x.sh`, `bash x.sh` or `./x.sh` command's committed script runs.</summary>
    private static string? ShellScriptRun(ProjectModel project, string command)
    {
        var words = command.Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var shell = words.Length >= 2 && words[0] is "sh" or "bash" ? words[1] : words.Length >= 1 && words[0].StartsWith("./", StringComparison.Ordinal) ? words[0] : null;
        if (shell is null || !shell.EndsWith(".sh", StringComparison.Ordinal) || CommandLines.StripDotSlash(shell) is not { } path || project.Text(path) is not { } text)
        {
            return null;
        }

        var dir = path.Contains('/', StringComparison.Ordinal) ? path[..(path.LastIndexOf('/') + 1)] : string.Empty;
        foreach (var line in text.Text.Split('\n').Where(l => !l.TrimStart().StartsWith('#')))
        {
            if (CommandLines.PythonTarget(line) is { } script && script.EndsWith(".py", StringComparison.Ordinal))
            {
                if (project.Index.Contains(script))
                {
                    return script;
                }

                if (dir.Length > 0 && project.Index.Contains(dir + script))
                {
                    return dir + script;
                }
            }
        }

        return null;
    }

    /// <summary>Whether a path is the README at the project's root (README.md, readme.rst, README).</summary>
    private static bool IsRootReadme(string path) => !path.Contains('/', StringComparison.Ordinal) && path.StartsWith("readme", StringComparison.OrdinalIgnoreCase);

    /// <summary>A path inside a user's home folder on the author's machine: /home/NAME/, /Users/NAME/, /run/media/NAME/, C:\\Users\\NAME.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(/home/[^/\s]+/|/Users/[^/\s]+/|/run/media/[^/\s]+|/media/[^/\s]+/|[A-Za-z]:[\\/]+Users[\\/]+[^\\/\s]+)")]
    private static partial System.Text.RegularExpressions.Regex AuthorHomePath();

    /// <summary>
    /// Values of loaded config files (and of Python config modules a run imports) that are paths in the author's home folder,
    /// one per file (tests and tooling skipped).
    /// </summary>
    private static IEnumerable<Evidence> AuthorHomeConfigPaths(ProjectModel project, IReadOnlySet<string>? reached)
    {
        foreach (var u in project.Config.Usage.Where(u => u.IsLoaded && !Analysis.ConfigAnalysis.IsTestOrTooling(u.File.Path)))
        {
            if (u.File.Entries.FirstOrDefault(e => e.Value is { } v && AuthorHomePath().IsMatch(v)) is { } e)
            {
                yield return Evidence.At(u.File.Path, e.Line, $"sets {e.KeyPath} to {e.Value}, a path on the author's machine: edit it before running", null);
            }
        }

        foreach (var m in project.Config.PythonConfigModules.Where(m => !Analysis.ConfigAnalysis.IsTestOrTooling(m.Path) && (reached is null || reached.Contains(m.Path))))
        {
            if (m.Assignments.FirstOrDefault(a => a.IsModuleLevel && a.Literal?.AsString is { } v && AuthorHomePath().IsMatch(v)) is { } a)
            {
                yield return Evidence.At(m.Path, a.Line, $"sets {a.Target} to {a.Literal!.AsString}, a path on the author's machine: edit it before running", null);
            }
        }
    }

    /// <summary>The paths of the git submodules .gitmodules declares (`path = tacotron2`).</summary>
    private static IReadOnlyList<string> SubmodulePaths(ProjectModel project) =>
        project.Text(".gitmodules") is { } text
            ? [.. SubmodulePath().Matches(text.Text).Select(m => m.Groups["path"].Value.Trim('/').TrimStart('.', '/')).Where(p => p.Length > 0)]
            : [];

    /// <summary>
    /// Whether an undeclared import comes from a git submodule: its top-level name is a submodule's folder, or a module that
    /// imports it puts a submodule's folder on sys.path first.
    /// </summary>
    private static bool FromSubmodule(ProjectModel project, Analysis.ThirdPartyImport t, IReadOnlyList<string> submodules)
    {
        if (submodules.Count == 0)
        {
            return false;
        }

        var root = t.Module.Split('.')[0];
        return submodules.Any(p => p == root || p.EndsWith("/" + root, StringComparison.Ordinal))
            || t.RequiredIn.Any(path => project.Text(path)?.Text is { } code && SysPathAddition().Matches(code).Any(m => submodules.Contains(m.Groups["dir"].Value.Trim('/').TrimStart('.', '/'))));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?m)^[ \t]*path[ \t]*=[ \t]*(?<path>\S+)")]
    private static partial System.Text.RegularExpressions.Regex SubmodulePath();

    [System.Text.RegularExpressions.GeneratedRegex(@"sys\.path\.(?:append|insert)\((?:\s*\d+\s*,)?\s*['""](?<dir>[^'""]+)['""]\s*\)")]
    private static partial System.Text.RegularExpressions.Regex SysPathAddition();

    /// <summary>A document in a sub-folder (eval/README.md, docs/course/hpc.md), not the project's root README.</summary>
    private static bool SubFolderDocument(string path) => path.Contains('/', StringComparison.Ordinal);

    /// <summary>Whether a line of a Python file is indented, i.e. inside a block (a function, a class, an <c>if</c>) rather than at module level.</summary>
    private static bool InsideBlock(ProjectModel project, string path, int line) =>
        path.EndsWith(".py", StringComparison.Ordinal) && project.Text(path) is { } text && line >= 1 && line <= text.LineCount
        && text.GetLine(line) is { Length: > 0 } l && (l[0] == ' ' || l[0] == '\t');

    /// <summary>From this many entry scripts on, a project is a collection whose scripts fail independently.</summary>
    public const int MinScriptsForCollection = 3;

    private static readonly string[] DeployFolders = ["deploy", "deployment", "deployments", "k8s", "kubernetes", "helm", "terraform", "infra", "serverless"];

    /// <summary>Whether a file lies in a deployment folder (deploy/, k8s/, helm/…).</summary>
    internal static bool IsDeployHelper(string path) => path.Split('/')[..^1].Any(p => DeployFolders.Contains(p.ToLowerInvariant()));

    /// <summary>
    /// A README or doc in the script's folder or above it that names the missing file (input.txt, train.csv): the user is
    /// told to supply it. Only file names with an extension count, so a bare word in prose does not.
    /// </summary>
    private static (string Path, int Line)? DocumentedInput(ProjectModel project, string script, string literal)
    {
        var name = literal.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        if (name.Length < 5 || !name.Contains('.', StringComparison.Ordinal) || name.Contains('{', StringComparison.Ordinal))
        {
            return null;
        }

        var dir = script.Contains('/', StringComparison.Ordinal) ? script[..script.LastIndexOf('/')] : string.Empty;
        foreach (var d in project.Docs)
        {
            var docDir = d.Path.Contains('/', StringComparison.Ordinal) ? d.Path[..d.Path.LastIndexOf('/')] : string.Empty;
            if (!(docDir.Length == 0 || dir == docDir || dir.StartsWith(docDir + "/", StringComparison.Ordinal)) || project.Text(d.Path) is not { } text)
            {
                continue;
            }

            var at = text.Text.IndexOf(name, StringComparison.Ordinal);
            while (at >= 0)
            {
                var before = at == 0 ? ' ' : text.Text[at - 1];
                var after = at + name.Length < text.Text.Length ? text.Text[at + name.Length] : ' ';
                if (!char.IsLetterOrDigit(before) && before != '_' && !char.IsLetterOrDigit(after) && after != '_')
                {
                    return (d.Path, text.GetPosition(at).Line);
                }

                at = text.Text.IndexOf(name, at + 1, StringComparison.Ordinal);
            }
        }

        return null;
    }

    internal static string Describe(EntryPointKind k) => k switch
    {
        EntryPointKind.Pipeline => "pipeline stage",
        EntryPointKind.MLproject => "MLproject entry point",
        EntryPointKind.Makefile => "Makefile target",
        EntryPointKind.Documentation => "documented command",
        EntryPointKind.Workflow => "CI step",
        EntryPointKind.MainGuard => "script with a __main__ block",
        EntryPointKind.Script => "top-level script",
        _ => "notebook",
    };

    /// <summary>Stems that name no real file: a how-to's stand-in for "any of the scripts" (`python script.py -h`).</summary>
    private static readonly string[] PlaceholderScriptStems = ["script", "your_script", "my_script", "yourscript", "myscript", "script_name", "your_script_name", "foo", "xxx"];

    /// <summary>
    /// A documented command whose script the user writes: a placeholder name (`python script.py -h` "for all scripts"), or a
    /// file an earlier command of the same document creates (`cp scripts/prepare_alpaca.py scripts/prepare_mydata.py`, then
    /// "modify it" and `python scripts/prepare_mydata.py`). Neither is a command the project broke.
    /// </summary>
    private static bool IsUserWrittenScript(ProjectModel project, EntryPoint e)
    {
        if (e.Kind is not EntryPointKind.Documentation || e.Script is null)
        {
            return false;
        }

        var script = e.Script;
        var file = script[(script.LastIndexOf('/') + 1)..];
        if (PlaceholderScriptStems.Contains(file[..^(file.EndsWith(".py", StringComparison.Ordinal) ? 3 : 0)], StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        return project.Commands.Any(c => c.Path == e.DeclaredIn && c.Line < e.Line && CreatedFile(c.Text) is { } created
            && (created == script || created.EndsWith("/" + script, StringComparison.Ordinal) || script.EndsWith("/" + created, StringComparison.Ordinal)));
    }

    /// <summary>The file a `cp`/`mv`/`ln`/`touch` command, or a download with -O/-o, writes (its last or named argument).</summary>
    private static string? CreatedFile(string command)
    {
        var words = command.Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2)
        {
            return null;
        }

        string? target = null;
        if (words[0] is "cp" or "mv" or "ln" or "touch" && words.Length >= 2)
        {
            target = words[^1];
        }
        else if (words[0] is "wget" or "curl")
        {
            var flag = Array.FindIndex(words, w => w is "-O" or "-o" or "--output" or "--output-document");
            target = flag >= 0 && flag + 1 < words.Length ? words[flag + 1] : null;
        }

        return target?.Trim('"', '\'').TrimStart('.', '/') is { Length: > 0 } t && !t.EndsWith('/') ? t : null;
    }
}
