using MLRepro.Analysis;
using MLRepro.Findings;
using MLRepro.Formats.DataTracking;
using MLRepro.Model;

namespace MLRepro.Checks.Code;

/// <summary>code.example-input — there is an example input the code runs on.</summary>
public sealed partial class CodeExampleInputCheck : CheckBase
{
    /// <inheritdoc />
    public override CheckInfo Info { get; } = new(
        "code.example-input",
        StarLevel.Code,
        "Example input available",
        "There is an example input the code runs on: a dataset saved in, or downloadable by, the project (for an object-detection " +
        "project, some images the model runs on).",
        "Looks for data committed to git, tracked by DVC or Git LFS, or retrievable (a DVC remote, a download script or a download command " +
        "in a README code block such as `wget URL -O data.tar`, a data URL, a " +
        "Hugging Face or Kaggle dataset id, a built-in dataset loader such as sklearn.datasets, or torchvision.datasets with download=True, under any import alias, or committed images, clips " +
        "or data files that a README command passes to its script, as in `python test.py --image examples/case1.png`), or, for a project that reads " +
        "no data, a simulated environment it creates (gym.make). " +
        "Reads of absolute paths (/home/…, C:\\…, /kaggle/input, /content/drive) and of files that nothing provides count against it, except an " +
        "absolute path whose file name is a committed data file (the author's copy of data/train.csv); a " +
        "built-in dataset the code does not download, a dataset only linked from the documentation (a Kaggle competition page; a linked Hugging " +
        "Face dataset counts as fetched when the code calls load_dataset with a name given at run time), or an " +
        "input only linked by a readme next to the script or named by a readme in the folder it is read from (input/README.md listing orders.csv; " +
        "the other missing files are then taken for the pipeline's intermediates unless an absolute path is read), is Partial. A missing path read in one branch of a dataset menu (`elif opt.dataset == \"path\"`) counts against it only when no other " +
        "input is available, and so does an unavailable path read off every run of the project: in a module that no entry point runs or " +
        "imports, or, when the README, shell scripts or pipelines declare the runs, in a side script none of them reaches (data-preparation " +
        "scripts excepted). A file the project's own code writes (np.save(f\"{outdir}/frames.npy\"), followed to its assignments) is an " +
        "output, not a missing input. Reads in " +
        "vendored copies of other projects (a sub-folder of code with its own licence file), " +
        "deploy/serving helpers, UI apps and CI scripts, installer URLs, URLs in the documentation's configuration examples and downloads " +
        "of model weights do not count. A path given as an option's literal default (--input-file defaulting to a committed names.txt) is " +
        "followed to the file. Data tracked by DVC whose remote needs the owner's credentials (s3, gs, azure, ssh without anonymous access), " +
        "with nothing else shipping or fetching an input (a unit test's fixtures and URLs in editor or agent settings such as .claude/ do not count), is Partial.",
        "Commit a small sample of the input (or track it with DVC or Git LFS, with a remote), or add a download script, and read " +
        "it through a relative path.",
        [],
        ProvenOnlyByRunning: false);

    /// <inheritdoc />
    public override Finding Run(ProjectModel project)
    {
        var data = project.Data;
        var tracking = project.DataTracking;
        var evidence = new List<Evidence>();
        var against = new List<Evidence>();
        var documented = data.DocumentedInputs.Select(d => d.Read).ToHashSet();
        // A configurable path read in one branch of a dataset menu (`elif opt.dataset == "path": ImageFolder(opt.data_folder)`)
        // is where the user plugs in their own data; the default run takes another branch.
        var optional = OptionalReads(project);
        foreach (var r in data.InputReads.Where(r => !optional.Contains(r)))
        {
            switch (r.Status)
            {
                case DataPathStatus.Absolute when data.CommittedCopyOf(r) is { } copy:
                    // The author's copy of a committed data file (D:\Project\data\train.csv beside data/train.csv): the input
                    // ships with the project; only the path needs editing.
                    evidence.Add(Evidence.At(r.Path, r.Line, $"reads {r.Literal}, the author's copy of the committed {copy.Path} (edit the path to run it)", $"{r.Function}({r.Argument})"));
                    break;
                case DataPathStatus.Absolute:
                    against.Add(Evidence.At(r.Path, r.Line, $"reads {r.Literal}, an absolute path that exists only on the author's machine", $"{r.Function}({r.Argument})"));
                    break;
                case DataPathStatus.Missing:
                    against.Add(Evidence.At(r.Path, r.Line, $"reads {r.Literal}, which is not in the project, not tracked and not produced by any stage", $"{r.Function}({r.Argument})"));
                    break;
                case DataPathStatus.LocalOnly:
                    against.Add(Evidence.At(r.Path, r.Line, $"reads {r.Literal}, which is git-ignored or untracked and not tracked by DVC or LFS", $"{r.Function}({r.Argument})"));
                    break;
                case DataPathStatus.Committed or DataPathStatus.Tracked or DataPathStatus.Remote:
                    evidence.Add(Evidence.At(r.Path, r.Line, $"reads {r.Literal} ({Describe(r.Status!.Value)})", $"{r.Function}({r.Argument})"));
                    break;
            }
        }

        var committed = data.CommittedDataFiles.ToList();
        if (committed.Count > 0)
        {
            evidence.Add(Evidence.At(committed[0].Path, null, $"{Count(committed.Count, "data file")} committed with the code ({Bytes(committed.Sum(f => f.Size))})"));
        }

        evidence.AddRange(data.TrackedPaths.Take(5).Select(p => Evidence.At(p, null, "tracked by DVC or Git LFS")));
        var notFetched = NotDownloaded(data);
        // A dataset only linked from the documentation (a Kaggle competition page, a download link in the README) is fetched
        // by hand, as data.managed says; only sources the code, scripts or configs fetch make the input retrievable.
        // A download command in a README code block (`wget URL -O data.tar`) is a one-line download script: retrievable.
        // A Hugging Face dataset the documentation links is fetched by the code when it calls datasets.load_dataset with a name
        // given at run time (load_dataset(path_or_dataset), the default a constant of another module): the loader downloads
        // the named dataset from the Hub itself.
        var loadsHubByName = data.InputReads.Any(r => r.Function.EndsWith("load_dataset", StringComparison.Ordinal) && r.Literal is null && r.Status is null);
        var linkedOnly = data.Sources.Where(s => s.Kind is not DataSourceKind.HuggingFaceModel && s.Path.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
            && !DataAnalysis.IsDocumentedFetchCommand(project, s) && !(loadsHubByName && s.Kind is DataSourceKind.HuggingFaceDataset)).ToList();
        var retrievable = data.Sources.Where(s => s.Kind is not DataSourceKind.HuggingFaceModel && !notFetched.Contains((s.Path, s.Value)) && !linkedOnly.Contains(s)).ToList();
        evidence.AddRange(retrievable.Take(5).Select(s => Evidence.At(s.Path, s.Line, $"retrievable: {Describe(s.Kind)} {s.Value}", s.Snippet)));
        // A built-in dataset the code downloads, found through the module's imports (`import torchvision.datasets as dset`, then
        // dset.CIFAR10(root=args.data, download=True)), is retrievable even where no line spells `datasets.CIFAR10(`.
        var downloaded = data.StandardDatasets.Where(u => u.Downloads && !retrievable.Any(s => s.Kind is DataSourceKind.StandardDataset && s.Path == u.Path && s.Line == u.Line)).ToList();
        evidence.AddRange(downloaded.DistinctBy(u => u.Name).Take(3).Select(u => Evidence.At(u.Path, u.Line, $"retrievable: built-in dataset {u.Name}, which the code downloads")));
        evidence.AddRange(tracking.DownloadScripts.Take(3).Select(p => Evidence.At(p, null, "download script")));
        // A README command that hands its script a committed image, clip or data folder runs on an input shipped with the project.
        var commandInputs = CommandInputs(project);
        evidence.AddRange(commandInputs);

        var hasInput = committed.Count > 0 || data.TrackedPaths.Length > 0 || retrievable.Count > 0 || downloaded.Count > 0 || tracking.DownloadScripts.Length > 0 || commandInputs.Count > 0
            || data.InputReads.Any(r => r.Status is DataPathStatus.Committed or DataPathStatus.Tracked or DataPathStatus.Remote);
        if (!hasInput)
        {
            // Without another input, the menu's custom-data branch is the only way to feed the code.
            against.AddRange(optional.Select(r => Evidence.At(r.Path, r.Line, $"reads {r.Literal ?? r.Argument}, which a fresh clone does not have", $"{r.Function}({r.Argument})")));
        }

        // The user must fetch these by hand: a built-in dataset the code does not download (torchvision's download
        // defaults to False), or a file that a readme next to the script links.
        var userFetched = data.StandardDatasets.GroupBy(u => u.Name).Where(g => g.All(u => !u.Downloads)).Select(g => g.First())
            .Select(u => Evidence.At(u.Path, u.Line, $"{u.Name} is a standard dataset, but the code does not download it (download=False): the user must fetch it"))
            .Concat(data.DocumentedInputs.Select(d => Evidence.At(d.Doc, d.Line, $"{d.Doc} says where to get {d.Read.Literal} (read by {d.Read.Path}), but the project does not fetch it")))
            .Concat(linkedOnly.Take(3).Select(s => Evidence.At(s.Path, s.Line, $"the documentation links {Describe(s.Kind)} {s.Value}, but the project does not fetch it", s.Snippet)))
            .ToList();
        if (!hasInput && userFetched.Count > 0 && against.Count == 0)
        {
            return Found(Outcome.Partial, "the input is documented or standard, but the user must fetch it by hand.", userFetched.Concat(against));
        }

        if (against.Count > 0)
        {
            // A missing input that a readme next to the script links (R29), or that a readme in the folder it goes into names, is
            // fetchable by hand: partial, not absent. The other missing files are then the pipeline's intermediates (features
            // a preparation step writes), unless an absolute path on the author's machine would need editing code too.
            var unavailable = data.InputReads.Where(r => r.Status is DataPathStatus.Absolute or DataPathStatus.Missing or DataPathStatus.LocalOnly).ToList();
            if (!hasInput && (unavailable.All(documented.Contains)
                || unavailable.Any(documented.Contains) && !unavailable.Any(r => r.Status is DataPathStatus.Absolute && !optional.Contains(r))))
            {
                return Found(Outcome.Partial, "the input is documented in a readme (next to the script, or in the folder it goes into), but the user must fetch it by hand.", userFetched.Concat(against));
            }

            // The documentation links the dataset (a Kaggle page) and the code reads it from a relative path: the user
            // fetches it by hand into place. An absolute path on the author's machine would need editing code too.
            if (!hasInput && linkedOnly.Count > 0 && !data.InputReads.Any(r => r.Status is DataPathStatus.Absolute && !optional.Contains(r)))
            {
                return Found(Outcome.Partial, "the documentation links the input, but the user must fetch it by hand into the path the code reads.", userFetched.Concat(against));
            }

            return Found(hasInput ? Outcome.Partial : Outcome.NotMet,
                hasInput ? "some input is available, but the code also reads data that a fresh clone does not have." : "the input the code reads is not available from the project.",
                against.Concat(evidence));
        }

        if (!hasInput && data.DeclaredInputs.Length > 0)
        {
            // The configuration names where the input goes (a Kedro catalog, an MLflow Recipes ingest step), but the
            // project neither ships nor fetches any data for it.
            return Found(Outcome.NotMet, "the configuration declares an input, but the project ships or fetches no data for it.",
                data.DeclaredInputs.Take(5).Select(d => Evidence.At(d.Path, d.Line, d.Description)));
        }

        if (!hasInput && data.Environments.Length > 0)
        {
            // An RL agent learns from the experience a simulated environment generates (gym.make("CartPole-v1")): the
            // environment library provides the example input; no data file is needed. Nothing counts against it here: the
            // files it reads are its own outputs (checkpoints, replay buffers) or lie off every run.
            return Found(Outcome.Met, "the input is a simulated environment the code creates; no data file is needed.",
                data.Environments.DistinctBy(e => e.Id).Take(5).Select(e => Evidence.At(e.Path, e.Line, $"creates the simulated environment {e.Id}", $"{e.Call}({e.Id})")));
        }

        if (!hasInput && data.InputReads.Length == 0)
        {
            return Found(Outcome.Inconclusive, "the code reads no data file that mlrepro could trace, and the project ships none: it may generate its input, or load it in a way only a run shows.",
                Evidence.Repo($"searched {Count(project.PythonModules.Count, "Python module")} for data reads and {Count(project.Index.Files.Length, "file")} for committed, DVC- or LFS-tracked data, download scripts and dataset ids"));
        }

        if (!hasInput)
        {
            return Found(Outcome.NotMet, "no example input was found.",
                Evidence.Repo($"searched {Count(project.Index.Files.Length, "file")} for committed, DVC- or LFS-tracked data, download scripts, data URLs and dataset ids"));
        }

        // Committed results of pipeline stages (a feature-importance plot's CSV) are outputs, not the input. Neither are a unit
        // test's fixtures (tests/…/test_data/sample.csv, what a test reads) nor URLs in editor or agent settings (.claude/, .vscode/):
        // the documented run reads the DVC-tracked data, which only the owner can pull.
        // Data files are judged as data.managed judges them: under tests/, or under a test/ folder that holds Python code, they are
        // a unit test's fixtures; data/test/ (a dataset's test split) is the data.
        var codeTestFolders = Data.DataManagedCheck.CodeTestFolders(project);
        bool RunData(string path) => IsCode(path) ? RunInput(path)
            : !Data.DataManagedCheck.IsTestFixture(codeTestFolders, path) && !DocsOrBenchmarks().IsMatch(path) && RunInput(path, testNames: false);
        if (!committed.Any(f => RunData(f.Path) && !data.ProducedPaths.Any(o => DataAnalysis.Covers(o, f.Path))) && !retrievable.Any(s => RunInput(s.Path)) && !downloaded.Any(u => RunInput(u.Path))
            && !tracking.DownloadScripts.Any(p => RunInput(p)) && tracking.LfsPointers.Length == 0 && commandInputs.Count == 0
            && !data.InputReads.Any(r => r.Status is DataPathStatus.Committed or DataPathStatus.Remote && RunInput(r.Path) && (r.Literal is not { } l || RunData(l)))
            && CredentialedDvcRemote(project) is { } remote)
        {
            return Found(Outcome.Partial, "the input is tracked by DVC, but only the owner can pull it: its remote needs credentials, and nothing else fetches the data.",
                [remote, .. evidence], "Give the DVC remote a public (HTTPS) address, or add a download script for the data.");
        }

        return Found(Outcome.Met, "an example input is available with the project.", evidence);
    }

    /// <summary>
    /// Whether a read the project cannot satisfy is one entry of a dataset menu chosen at run time: the first statement of an
    /// <c>if/elif NAME == "literal":</c> branch (<c>elif opt.dataset == "path": ImageFolder(opt.data_folder)</c>). Callers count it
    /// against the project only when no other input is available.
    /// </summary>
    internal static bool IsUserDataOption(ProjectModel project, DataRead r) =>
        r.Status is DataPathStatus.Missing or DataPathStatus.LocalOnly && Data.DataSwappableCheck.IsDispatchBranch(project, r.Path, r.Line);

    /// <summary>
    /// The reads that count against the project only when it has no other input: the branches of a dataset menu
    /// (<see cref="IsUserDataOption"/>), and unavailable reads (missing, local-only or absolute paths) off every run the project
    /// has — in a module that no entry point runs or imports (a helper for another benchmark that nothing calls), or, when the
    /// documentation, shell scripts or pipelines declare how to run the project, in a side script none of those runs reach
    /// (a fine-tuning script for another model in tools/). A module that prepares data stays on the path: its sources are
    /// the data's provenance.
    /// </summary>
    internal static HashSet<DataRead> OptionalReads(ProjectModel project)
    {
        var result = project.Data.InputReads.Where(r => IsUserDataOption(project, r)).ToHashSet();
        var unavailable = project.Data.InputReads.Where(r => r.Status is DataPathStatus.Missing or DataPathStatus.LocalOnly or DataPathStatus.Absolute && !result.Contains(r)).ToList();
        if (unavailable.Count == 0)
        {
            return result;
        }

        var offRunPath = OffRunPath(project);
        foreach (var r in unavailable.Where(r => offRunPath(r.Path)))
        {
            result.Add(r);
        }

        return result;
    }

    /// <summary>
    /// Whether a module lies off every run of the project: no entry point runs or imports it and no declared command names it
    /// (a stage passing ./src/model.py for the script to load by path), or, when the README, pipelines,
    /// Makefiles, workflows or shell scripts declare the runs, none of those reaches it. Modules that prepare data stay on the
    /// path when the runs are declared (their sources are the data's provenance).
    /// </summary>
    /// <param name="project">The project.</param>
    /// <param name="mainDocument">When given, only this document and root-level ones declare runs: commands of a sub-folder's
    /// document (eval/README.md) are that side module's own runs.</param>
    internal static Func<string, bool> OffRunPath(ProjectModel project, string? mainDocument = null)
    {
        var local = project.LocalModules;
        bool Declares(EntryPointKind kind, string path) => mainDocument is null || kind is not EntryPointKind.Documentation
            || !path.Contains('/', StringComparison.Ordinal) || path == mainDocument;
        HashSet<string> Reach(IEnumerable<string> scripts) => scripts.SelectMany(local.Closure).ToHashSet(StringComparer.Ordinal);
        // Runs that a file of the project declares (README commands, pipelines, Makefiles, workflows, shell scripts), not scripts
        // that merely could run (a __main__ guard, work at module level).
        var declared = project.EntryPoints.All.Where(e => e.Kind is not (EntryPointKind.MainGuard or EntryPointKind.Notebook or EntryPointKind.Script) && !e.IsTooling && e.Script is not null
            && Declares(e.Kind, e.DeclaredIn))
            .Select(e => e.Script!).Concat(ShellScriptTargets(project, Declares)).Where(local.ByPath.ContainsKey).ToList();
        // A module a declared command names is on that run even when no entry point imports it: a stage that loads it by
        // path (`python train.py data.csv ./src/model.py`, importlib.util.spec_from_file_location) runs its code.
        var anyRun = Reach(project.EntryPoints.All.Where(e => !e.IsTooling && e.Script is not null).Select(e => e.Script!).Concat(declared));
        var declaredRun = declared.Count > 0 ? Reach(declared) : null;
        return path => !anyRun.Contains(path)
            || (declaredRun is not null && !declaredRun.Contains(path) && !(local.ByPath.TryGetValue(path, out var m) && DataAnalysis.IsPreparationModule(m)));
    }

    /// <summary>
    /// The Python scripts that commands of the project name: every <c>.py</c> word of a command in the documentation, a pipeline, a
    /// workflow or a committed shell script, whatever launches it (<c>torchrun --nproc_per_node=$N finetune.py</c>,
    /// <c>python -m torch.distributed.launch … training/pipelines/train_classifier.py</c>), relative to the project root or to the
    /// shell script's folder. Callers keep those that are modules of the project.
    /// </summary>
    private static IEnumerable<string> ShellScriptTargets(ProjectModel project, Func<EntryPointKind, string, bool> declares)
    {
        var lines = project.Commands.Where(c => declares(c.Kind, c.Path)).Select(c => (Dir: string.Empty, c.Text)).ToList();
        foreach (var f in project.Index.Files.Where(f => f.Extension is ".sh" or ".bash" && !f.Path.Split('/').Any(p => p.StartsWith('.')) && !ConfigAnalysis.IsTestOrTooling(f.Path)))
        {
            if (project.Text(f) is { } text)
            {
                var dir = f.Path.Contains('/', StringComparison.Ordinal) ? f.Path[..(f.Path.LastIndexOf('/') + 1)] : string.Empty;
                lines.AddRange(text.Text.Split('\n').Where(l => !l.TrimStart().StartsWith('#')).Select(l => (dir, l)));
            }
        }

        foreach (var (dir, line) in lines)
        {
            foreach (System.Text.RegularExpressions.Match m in ScriptWord().Matches(line))
            {
                var script = CommandLines.StripDotSlash(m.Value);
                yield return script;
                if (dir.Length > 0)
                {
                    yield return dir + script;
                }
            }
        }
    }

    /// <summary>A Python file named in a command line (train.py, ./src/train.py, training/pipelines/train_classifier.py).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\w/.-])[\w./-]*\w\.py(?![\w])")]
    private static partial System.Text.RegularExpressions.Regex ScriptWord();

    /// <summary>
    /// The DVC remote that data added with <c>dvc add</c> (a .dvc file) is pulled from, when it needs the owner's credentials
    /// (an s3/gs/azure/ssh remote without anonymous access); null when there is no such data or the remote is public.
    /// </summary>
    internal static Evidence? CredentialedDvcRemote(ProjectModel project)
    {
        if (project.DvcConfig is not { } config || !project.DvcFiles.Any(f => f.Outs.Count > 0))
        {
            return null;
        }

        var remote = config.Remotes.FirstOrDefault(r => r.Name == config.DefaultRemote) ?? (config.Remotes.Count == 1 ? config.Remotes[0] : null);
        return remote is { NeedsCredentials: true }
            ? Evidence.At(config.Path, remote.Line, $"DVC remote '{remote.Name}' is {remote.Url}: pulling from it needs the owner's credentials")
            : null;
    }

    /// <summary>
    /// Whether a file can hold or fetch the input of the documented run: not a test or its fixtures, and not in a hidden settings
    /// folder (.claude/, .vscode/, .idea/; CI folders such as .github/ do run commands, so they still count).
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="testNames">Whether test and tooling paths (tests/, test/, test_*.py, docs/…) are excluded; data files pass
    /// false and are judged by their folder instead (see data.managed's test fixtures).</param>
    private static bool RunInput(string path, bool testNames = true) =>
        !(testNames && ConfigAnalysis.IsTestOrTooling(path)) && !(path.StartsWith('.') && !path.StartsWith(".github/", StringComparison.Ordinal) && !path.StartsWith(".gitlab", StringComparison.Ordinal) && path.Contains('/', StringComparison.Ordinal));

    [System.Text.RegularExpressions.GeneratedRegex(@"(?i)^(docs?|benchmarks)/")]
    private static partial System.Text.RegularExpressions.Regex DocsOrBenchmarks();

    /// <summary>Code and scripts, judged by their test and tooling names; everything else is data.</summary>
    private static bool IsCode(string path) =>
        path.EndsWith(".py", StringComparison.Ordinal) || path.EndsWith(".ipynb", StringComparison.Ordinal) || path.EndsWith(".sh", StringComparison.Ordinal);

    /// <summary>Built-in dataset sources (file, name) that the code uses without downloading them.</summary>
    internal static HashSet<(string Path, string Name)> NotDownloaded(DataAnalysis data) =>
        data.StandardDatasets.GroupBy(u => (u.Path, u.Name)).Where(g => g.All(u => !u.Downloads)).Select(g => g.Key).ToHashSet();

    internal static string Describe(DataPathStatus s) => s switch
    {
        DataPathStatus.Committed => "committed",
        DataPathStatus.Tracked => "tracked by DVC or LFS",
        DataPathStatus.Produced => "produced by a pipeline stage",
        DataPathStatus.Remote => "a remote location",
        _ => s.ToString(),
    };

    internal static string Describe(DataSourceKind k) => k switch
    {
        DataSourceKind.StandardDataset => "built-in dataset",
        DataSourceKind.HuggingFaceDataset => "Hugging Face dataset",
        DataSourceKind.KaggleDataset or DataSourceKind.KaggleCompetition => "Kaggle",
        DataSourceKind.DvcGet => "dvc get/import",
        DataSourceKind.LakeFs => "lakeFS",
        DataSourceKind.Dolt => "Dolt",
        DataSourceKind.ObjectStore => "object store",
        _ => "download",
    };

    internal static string Bytes(long n) => n switch
    {
        < 1024 => $"{n} B",
        < 1024 * 1024 => $"{n / 1024.0:0.#} KiB",
        < 1024L * 1024 * 1024 => $"{n / 1024.0 / 1024:0.#} MiB",
        _ => $"{n / 1024.0 / 1024 / 1024:0.#} GiB",
    };
}
