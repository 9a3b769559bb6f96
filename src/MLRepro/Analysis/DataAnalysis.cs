using System.Collections.Immutable;
using System.Text.RegularExpressions;
using MLRepro.Indexing;
using MLRepro.Model;
using MLRepro.Python;

namespace MLRepro.Analysis;

/// <summary>What a data path in code points at.</summary>
public enum DataPathStatus
{
    /// <summary>A file or folder committed to git.</summary>
    Committed,
    /// <summary>Tracked by DVC (a .dvc file or a pipeline's lock) or Git LFS.</summary>
    Tracked,
    /// <summary>Produced by a pipeline stage.</summary>
    Produced,
    /// <summary>Present on disk but neither committed nor tracked (git-ignored or untracked).</summary>
    LocalOnly,
    /// <summary>An absolute path on someone's machine (/home/…, C:\…, /kaggle/input, /content/drive).</summary>
    Absolute,
    /// <summary>Not in the project and nothing produces or tracks it.</summary>
    Missing,
    /// <summary>A URL or remote store (s3://, gs://, hf://, http…).</summary>
    Remote,
    /// <summary>A system path that exists on any machine (/proc, /dev, /etc, /usr, /tmp, ~/.cache).</summary>
    System,
}

/// <summary>A data (or model) read in code with its path argument.</summary>
/// <param name="Path">Module.</param>
/// <param name="Line">Line.</param>
/// <param name="Function">Read function.</param>
/// <param name="Argument">The path argument's text.</param>
/// <param name="Literal">The literal path, when written as one.</param>
/// <param name="Status">What it points at (literal paths only).</param>
/// <param name="Origin">Where a non-literal path comes from (config, CLI…).</param>
public sealed record DataRead(string Path, int Line, string Function, string Argument, string? Literal, DataPathStatus? Status, SeedOrigin? Origin);

/// <summary>The project's data: files, tracking, retrieval, reads in code, size.</summary>
public sealed partial class DataAnalysis
{
    /// <summary>Data reads in code (Data kind).</summary>
    public required ImmutableArray<DataRead> Reads { get; init; }

    /// <summary>Data files in data folders or with data extensions (excluding code, configs and docs).</summary>
    public required ImmutableArray<IndexedFile> DataFiles { get; init; }

    /// <summary>Data files committed with the code (git-tracked, or any file outside git), LFS pointers excluded.</summary>
    public IEnumerable<IndexedFile> CommittedDataFiles =>
        DataFiles.Where(f => f.Git is GitStatus.Tracked or GitStatus.NotInRepo && !f.IsLfsPointer);

    /// <summary>
    /// The committed data file that an absolute read on the author's machine stands for: one with the same file name
    /// (<c>D:\Project\data\HR-Employee-Attrition.csv</c> when data/HR-Employee-Attrition.csv is committed). The author read
    /// their own copy of the file the project ships, so the data is with the code; only the path needs editing. Null when the
    /// read is not absolute or no committed data file has its name.
    /// </summary>
    public IndexedFile? CommittedCopyOf(DataRead r)
    {
        if (r.Status != DataPathStatus.Absolute || r.Literal is not { } literal)
        {
            return null;
        }

        var name = literal.Replace('\\', '/').TrimEnd('/');
        name = name[(name.LastIndexOf('/') + 1)..];
        return name.Contains('.', StringComparison.Ordinal)
            ? CommittedDataFiles.FirstOrDefault(f => f.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            : null;
    }

    /// <summary>Paths tracked by DVC (.dvc files, dvc.lock outs) or LFS.</summary>
    public required ImmutableArray<string> TrackedPaths { get; init; }

    /// <summary>Outputs of pipeline stages.</summary>
    public required ImmutableArray<string> ProducedPaths { get; init; }

    /// <summary>Total bytes of data: committed files plus sizes recorded by DVC and LFS.</summary>
    public required long TotalBytes { get; init; }

    /// <summary>Classifies a literal path.</summary>
    public static DataPathStatus Classify(string literal, RepoIndex index, IReadOnlyList<string> tracked, IReadOnlyList<string> produced)
    {
        var p = literal.Replace('\\', '/');
        if (p.Contains("://", StringComparison.Ordinal))
        {
            return DataPathStatus.Remote;
        }

        if (p.StartsWith('/') || p.StartsWith('~') || (p.Length > 2 && p[1] == ':' && char.IsLetter(p[0])))
        {
            // System paths (/proc/self/cgroup, /dev/null, /etc/…, /tmp/…) exist everywhere; only user-specific roots
            // are the author's machine.
            return IsSystemPath(p) ? DataPathStatus.System : DataPathStatus.Absolute;
        }

        while (p.StartsWith("./", StringComparison.Ordinal))
        {
            p = p[2..];
        }

        p = p.TrimEnd('/');
        if (produced.Any(o => Covers(o, p)))
        {
            return DataPathStatus.Produced;
        }

        if (tracked.Any(t => Covers(t, p)))
        {
            return DataPathStatus.Tracked;
        }

        var file = index.Find(p);
        if (file is not null)
        {
            return file.IsLfsPointer ? DataPathStatus.Tracked : file.Git is GitStatus.Tracked or GitStatus.NotInRepo ? DataPathStatus.Committed : DataPathStatus.LocalOnly;
        }

        if (index.ContainsDirectory(p))
        {
            var files = index.FilesUnder(p).ToList();
            return files.Any(f => f.Git is GitStatus.Tracked or GitStatus.NotInRepo) ? DataPathStatus.Committed : DataPathStatus.LocalOnly;
        }

        return DataPathStatus.Missing;
    }

    /// <summary>Whether an absolute path is a system location rather than a user's own folder.</summary>
    public static bool IsSystemPath(string p) =>
        p.StartsWith("/proc/", StringComparison.Ordinal) || p.StartsWith("/sys/", StringComparison.Ordinal) || p.StartsWith("/dev/", StringComparison.Ordinal)
        || p.StartsWith("/etc/", StringComparison.Ordinal) || p.StartsWith("/usr/", StringComparison.Ordinal) || p.StartsWith("/tmp", StringComparison.Ordinal)
        || p.StartsWith("/var/", StringComparison.Ordinal) || p.StartsWith("/opt/", StringComparison.Ordinal) || p.StartsWith("/bin/", StringComparison.Ordinal)
        || p.StartsWith("/lib", StringComparison.Ordinal) || p.StartsWith("~/.cache", StringComparison.Ordinal) || p.StartsWith("~/.config", StringComparison.Ordinal)
        || p is "/" or "~";

    /// <summary>Whether a read's path names a config file or code rather than data (open("params.yaml"), open("configurator.py"), a web page's assets/custom.js).</summary>
    public static bool IsConfigOrCode(string literal)
    {
        var l = literal.ToLowerInvariant();
        return l.StartsWith("templates/", StringComparison.Ordinal) || l.Contains("/templates/", StringComparison.Ordinal) || l.EndsWith(".yaml", StringComparison.Ordinal) || l.EndsWith(".yml", StringComparison.Ordinal) || l.EndsWith(".toml", StringComparison.Ordinal)
            || l.EndsWith(".cfg", StringComparison.Ordinal) || l.EndsWith(".ini", StringComparison.Ordinal) || l.EndsWith(".py", StringComparison.Ordinal)
            || l.EndsWith(".md", StringComparison.Ordinal) || l.EndsWith(".vl.json", StringComparison.Ordinal) || l.EndsWith(".env", StringComparison.Ordinal)
            || l.EndsWith("requirements.txt", StringComparison.Ordinal) || l.EndsWith("params.json", StringComparison.Ordinal) || l.EndsWith("config.json", StringComparison.Ordinal)
            || l.EndsWith(".js", StringComparison.Ordinal) || l.EndsWith(".css", StringComparison.Ordinal) || l.EndsWith(".html", StringComparison.Ordinal)
            || IsPromptTemplate(l);
    }

    /// <summary>A prompt or text template file (prompt.txt, prompt_template.txt): part of the method, like a config, not the dataset.</summary>
    private static bool IsPromptTemplate(string lower)
    {
        var name = lower[(lower.LastIndexOf('/') + 1)..];
        return name.EndsWith(".txt", StringComparison.Ordinal) && (name.StartsWith("prompt", StringComparison.Ordinal) || name.Contains("_prompt", StringComparison.Ordinal) || name.Contains("template", StringComparison.Ordinal));
    }

    /// <summary>
    /// Whether a plain open() reads a file whose variable says it is a config (open(args.config), open(opt.hyp),
    /// open(cfg_path)): the parameters, not the data.
    /// </summary>
    private static bool NamesAConfig(string function, string text)
    {
        if (function is not ("open" or "io.open" or "codecs.open" or "builtins.open"))
        {
            return false;
        }

        var last = text.Trim().Split('.', '/', ' ', '(', ')', '[', ']', '"', '\'').LastOrDefault(x => x.Length > 0)?.ToLowerInvariant() ?? string.Empty;
        return last is "cfg" or "config" or "conf" or "hyp" or "hyps" or "hparams" or "params" or "settings" || last.EndsWith("_cfg", StringComparison.Ordinal)
            || last.EndsWith("_config", StringComparison.Ordinal) || last.EndsWith("_yaml", StringComparison.Ordinal) || last.StartsWith("config_", StringComparison.Ordinal)
            || last.StartsWith("cfg_", StringComparison.Ordinal) || last.EndsWith("_params", StringComparison.Ordinal);
    }

    /// <summary>
    /// Whether a path expression's own name says it holds something a run produces or needs besides its data: model weights
    /// or a checkpoint (open(model_path), numpy.load(ft_weights)), a log (pandas.read_csv(log_file)), the arguments or
    /// hyper-parameters of a run (open(args_path), open(hparams_json), open(processing_config_path)), credentials
    /// (open(CRED_PATH)) or a version file. The last name of the expression is split into words; a word naming data
    /// (data, dataset, train, input, …) keeps the read as data (model_input_path).
    /// </summary>
    internal static bool NamesRunArtifact(string text)
    {
        var last = text.Trim().Split('.', '/', ' ', '(', ')', '[', ']', '"', '\'', ',', '+', '%', '{', '}').LastOrDefault(x => x.Length > 0)?.ToLowerInvariant() ?? string.Empty;
        var words = last.Split('_', '-').Where(w => w.Length > 0).ToList();
        return words.Any(RunArtifactWords.Contains) && !words.Any(DataWords.Contains);
    }

    /// <summary>Words of a variable name that stand for a run's model, log, arguments, credentials or version rather than its data.</summary>
    private static readonly HashSet<string> RunArtifactWords = new(StringComparer.Ordinal)
    {
        "model", "models", "weights", "weight", "ckpt", "checkpoint", "checkpoints", "log", "logs", "logfile", "cred", "creds", "credential",
        "credentials", "secret", "secrets", "version", "preset", "presets", "hparams", "hparam", "hyperparams", "args", "config", "cfg", "settings",
    };

    /// <summary>Words of a variable name that say it is data after all (model_input_path, train_log_data).</summary>
    private static readonly HashSet<string> DataWords = new(StringComparer.Ordinal)
    {
        "data", "dataset", "datasets", "train", "training", "test", "val", "valid", "validation", "input", "inputs", "sample", "samples",
        "features", "corpus", "csv", "raw",
    };

    /// <summary>
    /// The last string literal of a composed path when it ends the expression and names a file (os.path.join(stats_path,
    /// "config.yml") gives config.yml; Path(ckpt_dir) / "params.json" gives params.json).
    /// </summary>
    private static string? LastLiteral(string text)
    {
        var trimmed = text.TrimEnd().TrimEnd(')').TrimEnd();
        var match = QuotedLiteral().Matches(trimmed).LastOrDefault();
        return match is not null && match.Index + match.Length == trimmed.Length && match.Groups["v"].Value is { Length: > 0 } v && v.Contains('.', StringComparison.Ordinal)
            ? v : null;
    }

    [GeneratedRegex(@"'(?<v>[^'\n{}]*)'|""(?<v>[^""\n{}]*)""")]
    private static partial Regex QuotedLiteral();

    /// <summary>Whether a composed path points into a templates folder (prompt or plot templates are code, not data).</summary>
    private static bool IsTemplatePath(string text) =>
        text.Contains("\"templates", StringComparison.Ordinal) || text.Contains("'templates", StringComparison.Ordinal)
        || text.Contains("templates/", StringComparison.Ordinal) || text.Contains("/templates", StringComparison.Ordinal);

    /// <summary>Whether an output path covers a path (same, or a folder above it).</summary>
    public static bool Covers(string output, string path)
    {
        var o = output.Replace('\\', '/').TrimStart('.', '/').TrimEnd('/');
        return o.Length > 0 && (o == path || path.StartsWith(o + "/", StringComparison.Ordinal));
    }

    /// <summary>Builds the analysis.</summary>
    public static DataAnalysis Build(ProjectModel project, ValueTracer tracer)
    {
        var index = project.Index;
        var tracked = new List<string>();
        tracked.AddRange(project.DataTracking.DvcOuts.Select(o => o.Path));
        tracked.AddRange(project.DataTracking.LfsPointers.Select(p => p.Path));
        // A .dvc file's outs are relative to the folder that holds it; dvc.lock's to the project root.
        foreach (var f in project.DvcFiles)
        {
            var dir = f.Path.Contains('/', StringComparison.Ordinal) ? f.Path[..f.Path.LastIndexOf('/')] + "/" : string.Empty;
            tracked.AddRange(f.Outs.Select(o => dir + o.Path.TrimStart('.', '/')));
            tracked.AddRange(f.Deps.Select(d => dir + d.Path.TrimStart('.', '/')));
        }

        tracked.AddRange(project.DvcLock?.Stages.SelectMany(s => s.Outs).Select(o => o.Path.TrimStart('.', '/')) ?? []);
        var produced = project.Pipelines.Where(p => p.Tool != PipelineTool.Make || true)
            .SelectMany(p => p.Stages).SelectMany(s => s.Outs.Concat(s.Metrics).Concat(s.Plots)).Select(o => o.Path.TrimStart('.', '/'))
            .Distinct(StringComparer.Ordinal).ToList();
        var reads = ImmutableArray.CreateBuilder<DataRead>();
        var inputTracer = new InputTracer(project.PythonModules, tracer, project.LocalModules);
        foreach (var m in project.PythonModules.Where(m => !ConfigAnalysis.IsTestOrTooling(m.Path) && !project.IsVendoredPackagePath(m.Path)))
        {
            foreach (var r in m.Reads.Where(r => r.Kind == ReadKind.Data && r.Path is not null))
            {
                var arg = r.Path!;
                var lit = arg.Literal?.AsString;
                if (lit is not null && (IsConfigOrCode(lit) || WrittenBefore(m, lit, r.Line)))
                {
                    continue;
                }

                // load_dataset("json", data_files=path): the files are local paths, not a Hub id.
                if (lit is not null && IsRemoteLoader(r.Function) && arg.Keyword is not ("data_files" or "data_dir"))
                {
                    reads.Add(new DataRead(m.Path, r.Line, r.Function, arg.Text, lit, DataPathStatus.Remote, SeedOrigin.HardCoded));
                }
                else if (lit is not null)
                {
                    reads.Add(new DataRead(m.Path, r.Line, r.Function, arg.Text, lit, ClassifyFrom(m.Path, lit, index, tracked, produced), SeedOrigin.HardCoded));
                }
                else
                {
                    if (IsTemplatePath(arg.Text) || (ResolveAssignment(m, arg.Text, r.Line) is { } value && IsTemplatePath(value)) || NamesAConfig(r.Function, arg.Text)
                        || NamesRunArtifact(arg.Text) || (LastLiteral(arg.Text) is { } tail && IsConfigOrCode(tail)))
                    {
                        continue;
                    }

                    var origin = inputTracer.Trace(m, arg, r.Line);
                    var resolved = ResolveLiteral(m, arg.Text, r.Line);
                    // open(args.filename) with --config/-c dest="filename" defaulting to configs/vae.yaml: the option names the
                    // run's config file, not its data.
                    if ((resolved is not null && IsConfigOrCode(resolved))
                        || (resolved is null && inputTracer.DefaultPath(m, arg.Text, r.Line) is { } configDefault && IsConfigOrCode(configDefault)))
                    {
                        continue;
                    }

                    // The default run's path (an option's literal default, followed through call sites) counts when the
                    // project has it: open(args.input_file) with --input-file defaulting to a committed names.txt.
                    if (resolved is null && inputTracer.DefaultPath(m, arg.Text, r.Line) is { } d && !IsConfigOrCode(d)
                        && ClassifyFrom(m.Path, d, index, tracked, produced) is DataPathStatus.Committed or DataPathStatus.Tracked)
                    {
                        resolved = d;
                    }

                    // load_dataset(cfg["data"]["dataset"]) with the configs (or the option's default) naming a Hub id: the
                    // default run fetches that dataset by name, as a literal id would.
                    if (resolved is null && IsHubLoader(r.Function) && arg.Keyword is not ("data_files" or "data_dir")
                        && HubIdFor(project, inputTracer, m, arg.Text, r.Line) is { } hubId
                        && ClassifyFrom(m.Path, hubId, index, tracked, produced) == DataPathStatus.Missing)
                    {
                        reads.Add(new DataRead(m.Path, r.Line, r.Function, arg.Text, hubId, DataPathStatus.Remote, origin));
                        continue;
                    }

                    var status = resolved is null ? (DataPathStatus?)null : ClassifyFrom(m.Path, resolved, index, tracked, produced);
                    // load_dataset(_DATASET_PATH) with _DATASET_PATH = "owner/name": a constant holding a Hub id is fetched by
                    // name, as the literal would be.
                    if (resolved is not null && status == DataPathStatus.Missing && IsHubLoader(r.Function) && arg.Keyword is not ("data_files" or "data_dir") && IsHubId(resolved))
                    {
                        status = DataPathStatus.Remote;
                    }

                    reads.Add(new DataRead(m.Path, r.Line, r.Function, arg.Text, resolved, status, origin));
                }
            }
        }

        // A committed plot, metrics log or prediction file that the project's own code writes (savefig("1_n_estimators.png"), a trial
        // registry it appends to) is a run's output kept in the repository, not data to run on.
        IReadOnlyList<System.Text.RegularExpressions.Regex>? written = null;
        var dataFiles = index.Files.Where(f => IsDataFile(f) && !(RunOutputName().IsMatch(f.Path) && RunBlockers.WrittenByProject(written ??= RunBlockers.WrittenPathPatterns(project), f.Path)))
            .ToImmutableArray();
        var bytes = dataFiles.Where(f => !f.IsLfsPointer).Sum(f => f.Size)
            + project.DataTracking.LfsPointers.Sum(p => p.Size ?? 0)
            + project.DvcLockOutSizes();
        // A missing file that the project's own code writes (a notebook plotting the exps/<run>/frames.npy a script saved) is
        // the output of a run, not an input someone must supply.
        for (var i = 0; i < reads.Count; i++)
        {
            if (reads[i] is { Status: DataPathStatus.Missing, Literal: { } missing }
                && RunBlockers.WrittenByProject(written ??= RunBlockers.WrittenPathPatterns(project), missing))
            {
                reads[i] = reads[i] with { Status = DataPathStatus.Produced };
            }
        }

        var allReads = reads.ToImmutable();
        return new DataAnalysis
        {
            Reads = allReads,
            InputReads = InputReadsOf(project, allReads),
            StandardDatasets = StandardDatasetsOf(project, inputTracer),
            Environments = EnvironmentsOf(project, inputTracer),
            DeclaredInputs = DeclaredInputsOf(project),
            DocumentedInputs = DocumentedInputsOf(project, allReads),
            Sources = SourcesOf(project),
            PreparationModules = [.. project.PythonModules.Where(IsPreparationModule).Select(m => m.Path)],
            DataFiles = dataFiles,
            TrackedPaths = [.. tracked.Distinct(StringComparer.Ordinal)],
            ProducedPaths = [.. produced],
            TotalBytes = bytes,
        };
    }

    /// <summary>
    /// Classifies a path read by a module: relative to the project root first (the usual working directory), then
    /// relative to the module's own folder (scripts run from where they live, Path(__file__).parent / "x").
    /// </summary>
    /// <summary>Keywords that name a file a call writes (export_graphviz(out_file=…), to_csv(path_or_buf=…)).</summary>
    private static readonly HashSet<string> OutputKeywords = new(StringComparer.Ordinal) { "out_file", "outfile", "output_file", "output_path", "out_path", "save_path", "path_or_buf", "fname", "filename" };

    /// <summary>Calls that write their first argument (df.to_csv("x.csv"), np.save, plt.savefig, json.dump's file opened for writing).</summary>
    private static readonly string[] WriteCalls = [".to_csv", ".to_json", ".to_parquet", ".to_pickle", "numpy.save", "numpy.savetxt", "numpy.savez", ".savefig", "joblib.dump", "torch.save", ".write_text", ".write_bytes"];

    /// <summary>
    /// Whether the module writes <paramref name="literal"/> at or before <paramref name="line"/> (export_graphviz(out_file="tree.dot")
    /// then open("tree.dot"), open(p, "w")): a file the code makes itself is no input someone must provide.
    /// </summary>
    private static bool WrittenBefore(Python.ModuleSummary m, string literal, int line)
    {
        foreach (var c in m.Calls.Where(c => c.Line <= line))
        {
            var arg = c.Arguments.FirstOrDefault(a => a.Literal?.AsString == literal);
            if (arg is null)
            {
                continue;
            }

            var writes = WriteCalls.Any(w => c.Target.EndsWith(w, StringComparison.Ordinal));
            var outKeyword = arg.Keyword is { } k && OutputKeywords.Contains(k) && (writes || k is not ("fname" or "filename"));
            var openForWriting = c.Target == "open" && c.Arguments.Skip(1).Any(a => a.Literal?.AsString is { Length: <= 3 } mode && (mode.Contains('w', StringComparison.Ordinal) || mode.Contains('a', StringComparison.Ordinal)));
            if (writes || outKeyword || openForWriting)
            {
                return true;
            }
        }

        return false;
    }

    private static DataPathStatus ClassifyFrom(string modulePath, string literal, RepoIndex index, IReadOnlyList<string> tracked, IReadOnlyList<string> produced)
    {
        var status = Classify(literal, index, tracked, produced);
        if (status != DataPathStatus.Missing || !modulePath.Contains('/', StringComparison.Ordinal) || literal.StartsWith('/'))
        {
            return status;
        }

        // The module's own folder first; then, for a path that does not climb (data/test.csv), each folder above it: a script
        // in a sub-project's src/ is run from that sub-project's folder (Shell.ai Hackathon/src/predict.py reading data/test.csv,
        // committed as Shell.ai Hackathon/data/test.csv).
        var relative = literal.Replace('\\', '/');
        var dir = modulePath[..modulePath.LastIndexOf('/')];
        var first = true;
        while (dir.Length > 0 && (first || !relative.StartsWith("..", StringComparison.Ordinal)))
        {
            if (NormalizeRelative(dir, relative) is { Length: > 0 } path && Classify(path, index, tracked, produced) is var found && found != DataPathStatus.Missing)
            {
                return found;
            }

            first = false;
            dir = dir.Contains('/', StringComparison.Ordinal) ? dir[..dir.LastIndexOf('/')] : string.Empty;
        }

        return status;
    }

    /// <summary>Loaders whose argument is a dataset id fetched from a hub, not a local path.</summary>
    private static bool IsRemoteLoader(string function) =>
        function.EndsWith("load_dataset", StringComparison.Ordinal) || function.EndsWith("hf_hub_download", StringComparison.Ordinal)
        || function.EndsWith("snapshot_download", StringComparison.Ordinal) || function.EndsWith("fetch_openml", StringComparison.Ordinal)
        || function.EndsWith("tensorflow_datasets.load", StringComparison.Ordinal) || function.EndsWith("kagglehub.dataset_download", StringComparison.Ordinal)
        || function.EndsWith("get_file", StringComparison.Ordinal) || function.EndsWith("download_url", StringComparison.Ordinal);

    /// <summary>Loaders whose argument is an <c>owner/name</c> id on a dataset hub (Hugging Face, Kaggle).</summary>
    private static bool IsHubLoader(string function) =>
        function.EndsWith("load_dataset", StringComparison.Ordinal) || function.EndsWith("hf_hub_download", StringComparison.Ordinal)
        || function.EndsWith("snapshot_download", StringComparison.Ordinal) || function.EndsWith("kagglehub.dataset_download", StringComparison.Ordinal);

    /// <summary>
    /// The Hub id a loader's non-literal argument stands for in the default run: the literal default of the option it comes
    /// from, or else the value of the config key it reads (the last name or string subscript of <c>self.config["data"]["dataset"]</c>,
    /// <c>cfg.data.dataset</c>) in a parameter file, when that value is an <c>owner/name</c> id.
    /// </summary>
    private static string? HubIdFor(ProjectModel project, InputTracer tracer, ModuleSummary m, string text, int line)
    {
        if (tracer.DefaultPath(m, text, line) is { } d && IsHubId(d))
        {
            return d;
        }

        if (LastKey().Match(text) is not { Success: true } key)
        {
            return null;
        }

        var name = key.Groups[1].Success ? key.Groups[1].Value : key.Groups[2].Value;
        return project.ConfigFiles
            .SelectMany(f => f.Entries)
            .Where(e => (e.KeyPath == name || e.KeyPath.EndsWith("." + name, StringComparison.Ordinal)) && e.Value is { } v && IsHubId(v))
            .Select(e => e.Value)
            .FirstOrDefault();
    }

    /// <summary>An <c>owner/name</c> dataset id whose owner is no local data folder.</summary>
    private static bool IsHubId(string v) => HubId().IsMatch(v) && !LocalFolders.Contains(v[..v.IndexOf('/')].ToLowerInvariant());

    /// <summary>First folders of local data paths (<c>data/train</c>), which are no Hub owner.</summary>
    private static readonly HashSet<string> LocalFolders = new(StringComparer.Ordinal)
    {
        "data", "dataset", "datasets", "input", "inputs", "raw", "processed", "output", "outputs", "models", "model", "checkpoints",
        "ckpt", "artifacts", "results", "assets", "resources", "corpus", "files", "tmp", "cache", "samples", "images", "img",
    };

    /// <summary>An <c>owner/name</c> id: two path-safe segments, no file extension on the last, nothing relative.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9][\w.-]{0,95}/[A-Za-z0-9][\w-]*(?:\.[\w-]+)*$(?<!\.(?:csv|tsv|json|jsonl|txt|parquet|pkl|zip|gz|tar|npy|npz|h5|arrow))")]
    private static partial Regex HubId();

    /// <summary>The last key an expression reads: a string subscript (<c>["dataset"]</c>) or an attribute (<c>.dataset</c>).</summary>
    [GeneratedRegex(@"(?:\[\s*['""]([A-Za-z_][\w-]*)['""]\s*\]|\.([A-Za-z_]\w*))\s*$")]
    private static partial Regex LastKey();

    /// <summary>The expression last assigned to a name before a line (file_name = osp.join("templates", …)).</summary>
    private static string? ResolveAssignment(ModuleSummary m, string text, int line) =>
        m.Assignments.Where(x => x.RawTarget == text.Trim() && x.Line <= line).MaxBy(x => x.Line)?.ValueText;

    /// <summary>A module-level constant a name stands for (DATA = "data/x.csv"; pd.read_csv(DATA)).</summary>
    private static string? ResolveLiteral(ModuleSummary m, string text, int line)
    {
        var a = m.Assignments.Where(x => x.RawTarget == text.Trim() && x.Line <= line).MaxBy(x => x.Line);
        return a?.Literal?.AsString;
    }

    /// <summary>
    /// A folder whose name ends in the word "data" or "dataset(s)" (example-datasets/, sample_data/, training-data/; not
    /// data_utils/): its non-code files are data, whatever their extension (the .txt corpora a fine-tuning UI offers as examples).
    /// </summary>
    private static bool DataFolderName(string path)
    {
        var folders = path.Split('/');
        return folders.Take(folders.Length - 1).Any(Formats.Config.ConfigClassifier.IsDataFolder);
    }

    /// <summary>A path of a run's output: a figure, or a file or folder of results, metrics, scores, logs, trials, predictions, submissions.</summary>
    [GeneratedRegex(@"(?i)\.(?:png|jpe?g|svg|pdf|gif)$|(?:^|[/_.-])(?:results?|metrics|scores?|logs?|history|trials?|registry|predictions?|preds|submissions?|figures|plots)(?:[/_.-]|$)")]
    private static partial Regex RunOutputName();

    /// <summary>Whether a file is data: under a data-like folder, or a data extension outside code/doc folders.</summary>
    public static bool IsDataFile(IndexedFile f)
    {
        var p = f.Path.ToLowerInvariant();
        if (p.StartsWith(".", StringComparison.Ordinal) || p.Contains("/.", StringComparison.Ordinal) || f.Kind == FileKind.Symlink)
        {
            return false;
        }

        var name = f.Name.ToLowerInvariant();
        if (name is "requirements.txt" or "package.json" or "tsconfig.json" or "metrics.json" or "params.json" or "license.txt" or "constraints.txt" or "runtime.txt" or "apt.txt"
            || name.StartsWith("requirements", StringComparison.Ordinal) || name.EndsWith(".schema.json", StringComparison.Ordinal) || name == "datapackage.json")
        {
            return false;
        }

        var inDataDir = p.StartsWith("data/", StringComparison.Ordinal) || p.StartsWith("datasets/", StringComparison.Ordinal) || p.StartsWith("dataset/", StringComparison.Ordinal)
            || p.Contains("/data/", StringComparison.Ordinal) || p.StartsWith("input/", StringComparison.Ordinal) || p.StartsWith("samples/", StringComparison.Ordinal)
            || p.StartsWith("example_data/", StringComparison.Ordinal) || p.StartsWith("examples/data/", StringComparison.Ordinal) || DataFolderName(p);
        if (inDataDir)
        {
            // Code and notes kept beside the data are not data: a README.txt, a Scala/Java package folder named dataset/
            // (src/main/scala/…/dataset/Columns.scala), an R script that builds the tables.
            return f.Extension is not (".py" or ".md" or ".yaml" or ".yml" or ".ipynb" or ".sh" or ".dvc" or ".gitignore" or ".scala" or ".java" or ".kt" or ".r"
                    or ".jl" or ".js" or ".ts" or ".c" or ".cc" or ".cpp" or ".h" or ".hpp" or ".go" or ".rs" or ".rst" or ".pyc" or ".cfg" or ".toml" or ".ini")
                && !name.StartsWith("readme", StringComparison.Ordinal) && !name.StartsWith("license", StringComparison.Ordinal) && !name.StartsWith("notes", StringComparison.Ordinal)
                && !p.Contains("/src/main/", StringComparison.Ordinal) && !p.StartsWith("src/main/", StringComparison.Ordinal);
        }

        var codeOrDocs = p.StartsWith("docs/", StringComparison.Ordinal) || p.StartsWith("doc/", StringComparison.Ordinal) || p.StartsWith("tests/", StringComparison.Ordinal)
            || p.StartsWith("src/", StringComparison.Ordinal) || p.Contains("/static/", StringComparison.Ordinal) || p.Contains("/assets/", StringComparison.Ordinal) || p.StartsWith("assets/", StringComparison.Ordinal);
        return !codeOrDocs && f.Extension is ".csv" or ".tsv" or ".parquet" or ".feather" or ".jsonl" or ".npy" or ".npz" or ".h5" or ".hdf5" or ".arff" or ".tfrecord";
    }
}
