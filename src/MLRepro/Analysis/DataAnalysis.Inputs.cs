using System.Collections.Immutable;
using System.Text.RegularExpressions;
using MLRepro.Formats.DataTracking;
using MLRepro.Model;
using MLRepro.Python;

namespace MLRepro.Analysis;

/// <summary>A standard dataset built into a library (torchvision CIFAR10, keras mnist, sklearn iris) used by code.</summary>
/// <param name="Path">Module.</param>
/// <param name="Line">Line of the call.</param>
/// <param name="Name">The dataset, e.g. <c>torchvision.datasets.CIFAR10</c>.</param>
/// <param name="Downloads">Whether the code fetches it (torchvision needs <c>download=True</c>; its default is False).</param>
/// <param name="RootOrigin">Where its root folder comes from (HardCoded when fixed in code or absent).</param>
/// <param name="Root">The root argument's text, if any.</param>
public sealed record StandardDatasetUse(string Path, int Line, string Name, bool Downloads, SeedOrigin RootOrigin, string? Root);

/// <summary>A simulated environment the code creates (gym.make("CartPole-v1")): the input of an RL agent is the experience it generates.</summary>
/// <param name="Path">Module.</param>
/// <param name="Line">Line of the call.</param>
/// <param name="Call">The factory, e.g. <c>gym.make</c>.</param>
/// <param name="Id">The environment id's text (a literal's value, or the expression).</param>
/// <param name="Origin">Where the id comes from (HardCoded when a literal or traced to one).</param>
public sealed record SimulatedEnvironment(string Path, int Line, string Call, string Id, SeedOrigin Origin);

/// <summary>A data input declared in configuration rather than code (a Kedro catalog entry, an MLflow Recipes ingest step).</summary>
/// <param name="Path">The config file.</param>
/// <param name="Line">Line.</param>
/// <param name="Description">What it declares.</param>
public sealed record DeclaredInput(string Path, int Line, string Description);

/// <summary>A read of a file the project lacks, documented by a readme next to the script (which links where to get it).</summary>
/// <param name="Read">The read.</param>
/// <param name="Doc">The readme.</param>
/// <param name="Line">Line of the mention in the readme.</param>
public sealed record DocumentedInput(DataRead Read, string Doc, int Line);

public sealed partial class DataAnalysis
{
    /// <summary>
    /// The reads that make up the project's own input: <see cref="Reads"/> without system paths, outputs the same
    /// module writes (logs it appends to), and reads in auxiliary code — deploy and serving helpers, UI apps
    /// (streamlit, gradio, flask, fastapi), CI scripts, torch.hub entry points, legacy folders — and notebooks when
    /// scripts read data too (the scripts are then the entry points).
    /// </summary>
    public ImmutableArray<DataRead> InputReads { get; init; } = [];

    /// <summary>Standard datasets built into libraries, with whether the code downloads them and where their root comes from.</summary>
    public ImmutableArray<StandardDatasetUse> StandardDatasets { get; init; } = [];

    /// <summary>Simulated environments the training code creates (environments.tsv), with where their id comes from.</summary>
    public ImmutableArray<SimulatedEnvironment> Environments { get; init; } = [];

    /// <summary>Data inputs declared in configuration (Kedro catalog file paths, MLflow Recipes ingest steps).</summary>
    public ImmutableArray<DeclaredInput> DeclaredInputs { get; init; } = [];

    /// <summary>Missing inputs that a readme next to the reading script names and links (the user fetches them).</summary>
    public ImmutableArray<DocumentedInput> DocumentedInputs { get; init; } = [];

    /// <summary>
    /// Data sources of the project (<see cref="DataTrackingDocument.Sources"/>) without URLs that only appear as values in
    /// configuration examples of the documentation (<c>location: https://…</c> in a README code block) and that no code
    /// or config file references: those show how to configure the tool, not this project's data.
    /// </summary>
    public ImmutableArray<DataSource> Sources { get; init; } = [];

    /// <summary>Modules that prepare data: they write data files (or say so in their name). Their fixed sources are provenance, not the training input.</summary>
    public ImmutableArray<string> PreparationModules { get; init; } = [];

    private static readonly HashSet<string> AuxiliaryFolders = new(StringComparer.Ordinal)
    {
        "deploy", "deployment", "deployments", "serve", "serving", "server", "api", "webapp", "frontend", "streamlit", "dashboard", "ui",
        ".github", ".circleci", ".gitlab", "legacy", "deprecated", "archive", "archived", "old", "docs", "doc",
    };

    private static readonly HashSet<string> AppFrameworks = new(StringComparer.Ordinal)
    {
        "streamlit", "gradio", "flask", "fastapi", "dash", "bentoml", "starlette", "uvicorn",
    };

    /// <summary>torchvision names that load local folders rather than a standard dataset.</summary>
    private static readonly HashSet<string> TorchvisionLoaders = new(StringComparer.Ordinal)
    {
        "ImageFolder", "DatasetFolder", "VisionDataset", "FakeData", "Dataset", "Subset", "ConcatDataset", "TensorDataset",
    };

    /// <summary>
    /// Whether a module is auxiliary to training: deploy/serving/UI/CI/legacy code, a torch.hub entry point, or an app
    /// built on a UI or web framework.
    /// </summary>
    public static bool IsAuxiliaryModule(ModuleSummary m)
    {
        var segments = m.Path.ToLowerInvariant().Split('/');
        if (segments[..^1].Any(s => AuxiliaryFolders.Contains(s) || s.EndsWith("_api", StringComparison.Ordinal) || s.StartsWith("api_", StringComparison.Ordinal)))
        {
            return true;
        }

        if (segments[^1] is "hubconf.py" or "setup.py" or "conftest.py")
        {
            return true;
        }

        var roots = m.Imports.Select(i => i.Level > 0 ? string.Empty : i.Module.Split('.')[0]).ToHashSet(StringComparer.Ordinal);
        return roots.Any(AppFrameworks.Contains);
    }

    /// <summary>Whether a module prepares data: it writes data files, or its name says it prepares, downloads or splits data.</summary>
    public static bool IsPreparationModule(ModuleSummary m)
    {
        var name = m.Path[(m.Path.LastIndexOf('/') + 1)..].ToLowerInvariant();
        if (PreparationName().IsMatch(name))
        {
            return true;
        }

        return m.Calls.Any(c => c.Target.EndsWith(".tofile", StringComparison.Ordinal) || c.Target.EndsWith(".to_csv", StringComparison.Ordinal)
            || c.Target.EndsWith(".to_parquet", StringComparison.Ordinal) || c.Target is "numpy.save" or "numpy.savez" or "numpy.savez_compressed"
            || c.Target.EndsWith(".save_to_disk", StringComparison.Ordinal));
    }

    private static ImmutableArray<DataRead> InputReadsOf(ProjectModel project, ImmutableArray<DataRead> reads)
    {
        var modules = project.PythonModules.ToDictionary(m => m.Path, StringComparer.Ordinal);
        bool Keep(DataRead r)
        {
            if (r.Status is DataPathStatus.System || !modules.TryGetValue(r.Path, out var m) || IsAuxiliaryModule(m))
            {
                return false;
            }

            // evolve.csv appended to and read back: a log the module keeps, not an input.
            return !m.Calls.Any(c => c.Target is "open" or "io.open" && c.PositionalAt(0)?.Text == r.Argument
                && (c.PositionalAt(1) ?? c.Keyword("mode"))?.Literal?.AsString is { } mode && mode.AsSpan().IndexOfAny("wa") >= 0);
        }

        var kept = reads.Where(Keep).ToList();
        bool IsNotebook(string path) => path.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase);
        var scriptsRead = kept.Any(r => !IsNotebook(r.Path))
            || project.PythonModules.Any(m => !IsNotebook(m.Path) && !IsAuxiliaryModule(m) && m.Calls.Any(c => IsStandardDatasetCall(c.Target)));
        return [.. kept.Where(r => !scriptsRead || !IsNotebook(r.Path))];
    }

    private static bool IsStandardDatasetCall(string target) =>
        (target.StartsWith("torchvision.datasets.", StringComparison.Ordinal) && target.Length > 21 && char.IsUpper(target[21]) && !TorchvisionLoaders.Contains(target[21..]))
        || target.StartsWith("torchtext.datasets.", StringComparison.Ordinal) || target.StartsWith("torchaudio.datasets.", StringComparison.Ordinal)
        || (target.Contains("keras.datasets.", StringComparison.Ordinal) && target.EndsWith(".load_data", StringComparison.Ordinal))
        || SklearnDataset().IsMatch(target) || target is "tensorflow_datasets.load";

    private static ImmutableArray<StandardDatasetUse> StandardDatasetsOf(ProjectModel project, InputTracer tracer)
    {
        var result = ImmutableArray.CreateBuilder<StandardDatasetUse>();
        foreach (var m in project.PythonModules.Where(m => !ConfigAnalysis.IsTestOrTooling(m.Path) && !IsAuxiliaryModule(m) && !project.IsVendoredPackagePath(m.Path)))
        {
            // `ds = getattr(torchvision.datasets, args.dataset)` then `ds(root, download=True)`: a built-in dataset chosen by name.
            var byName = ByNameDatasetClasses(m);
            foreach (var c in m.Calls.Where(c => IsStandardDatasetCall(c.Target) || byName.ContainsKey(c.Target)))
            {
                var chosen = byName.GetValueOrDefault(c.Target);
                var isTorch = chosen is not null || c.Target.StartsWith("torchvision.", StringComparison.Ordinal) || c.Target.StartsWith("torchaudio.", StringComparison.Ordinal);
                var root = isTorch ? c.Keyword("root") ?? c.PositionalAt(0) : c.Keyword("data_dir") ?? c.Keyword("root");
                var download = c.Keyword("download");
                // torchvision and torchaudio fetch only with download=True (default False); a non-literal flag may be on.
                var downloads = !isTorch || (download is not null && (download.Literal is null || download.Literal.Value is true));
                var origin = root is null || root.Literal is not null ? SeedOrigin.HardCoded : tracer.Trace(m, root, c.Line);
                result.Add(new StandardDatasetUse(m.Path, c.Line, chosen ?? (c.Target.EndsWith(".load_data", StringComparison.Ordinal) ? c.Target[..^".load_data".Length] : c.Target),
                    downloads, origin, root?.Text));
            }
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// Local names bound to a torchvision dataset class looked up by name (<c>ds = getattr(torchvision.datasets, args.dataset)</c>),
    /// with the dataset's display name (the same as the data source the tracking parser records for that line).
    /// </summary>
    private static Dictionary<string, string> ByNameDatasetClasses(ModuleSummary m)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!m.Imports.Any(i => i.Level == 0 && i.Module.StartsWith("torchvision", StringComparison.Ordinal)))
        {
            return result;
        }

        var bare = m.Imports.Any(i => i.Level == 0 && ((i.Module == "torchvision" && i.Name == "datasets" && i.Alias is null or "datasets")
            || (i.Module == "torchvision.datasets" && i.Name is null && i.Alias == "datasets")));

        foreach (var a in m.Assignments.Where(a => a.Operator == "=" && a.Target.IndexOf('.', StringComparison.Ordinal) < 0 && a.ValueText.Contains("datasets", StringComparison.Ordinal)))
        {
            if (DataTrackingParser.TorchvisionDatasetByName(a.ValueText, bare) is { } name)
            {
                result[a.Target] = name;
            }
        }

        return result;
    }

    /// <summary>Environment factories by call target, with the keyword of their id argument (environments.tsv).</summary>
    private static readonly Lazy<Dictionary<string, string>> s_environmentFactories = new(() =>
        Knowledge.KnowledgeTable.Read("environments.tsv").Where(r => r.Length >= 2).ToDictionary(r => r[0], r => r[1], StringComparer.Ordinal));

    private static ImmutableArray<SimulatedEnvironment> EnvironmentsOf(ProjectModel project, InputTracer tracer)
    {
        var result = ImmutableArray.CreateBuilder<SimulatedEnvironment>();
        foreach (var m in project.PythonModules.Where(m => !ConfigAnalysis.IsTestOrTooling(m.Path) && !IsAuxiliaryModule(m) && !project.IsVendoredPackagePath(m.Path)))
        {
            foreach (var c in m.Calls)
            {
                if (!s_environmentFactories.Value.TryGetValue(c.Target, out var keyword) || (c.Keyword(keyword) ?? c.PositionalAt(0)) is not { } id)
                {
                    continue;
                }

                var origin = id.Literal is not null ? SeedOrigin.HardCoded : tracer.Trace(m, id, c.Line);
                result.Add(new SimulatedEnvironment(m.Path, c.Line, c.Target, id.Literal?.AsString ?? id.Text, origin));
            }
        }

        return result.ToImmutable();
    }

    private static ImmutableArray<DeclaredInput> DeclaredInputsOf(ProjectModel project)
    {
        var result = ImmutableArray.CreateBuilder<DeclaredInput>();
        foreach (var catalog in project.Kedro?.Catalogs ?? [])
        {
            foreach (var d in catalog.Datasets.Where(d => d.FilePath is not null && !(d.Type ?? string.Empty).Contains("tracking", StringComparison.OrdinalIgnoreCase)))
            {
                result.Add(new DeclaredInput(catalog.Path, d.Line, $"Kedro catalog entry {d.Name}: {d.FilePath}"));
            }
        }

        foreach (var f in project.Index.Files.Where(f => f.Name is "recipe.yaml" or "pipeline.yaml" && f.IsText))
        {
            var text = project.Text(f);
            if (text is null || !text.Text.Contains("recipe:", StringComparison.Ordinal))
            {
                continue;
            }

            for (var line = 1; line <= text.LineCount; line++)
            {
                if (IngestStep().IsMatch(text.GetLine(line)))
                {
                    result.Add(new DeclaredInput(f.Path, line, "MLflow Recipes ingest step: the data location and format are recipe/profile values"));
                    break;
                }
            }
        }

        return result.ToImmutable();
    }

    private static ImmutableArray<DocumentedInput> DocumentedInputsOf(ProjectModel project, ImmutableArray<DataRead> reads)
    {
        var result = ImmutableArray.CreateBuilder<DocumentedInput>();
        foreach (var r in reads.Where(r => r.Status is DataPathStatus.Missing && r.Literal is { Length: > 0 }))
        {
            var dir = r.Path.Contains('/', StringComparison.Ordinal) ? r.Path[..r.Path.LastIndexOf('/')] : string.Empty;
            var name = r.Literal![(r.Literal!.Replace('\\', '/').LastIndexOf('/') + 1)..];
            if (name.Length < 3)
            {
                continue;
            }

            foreach (var d in project.Docs)
            {
                var docDir = d.Path.Contains('/', StringComparison.Ordinal) ? d.Path[..d.Path.LastIndexOf('/')] : string.Empty;
                if (docDir != dir || d.Links.IsEmpty)
                {
                    continue;
                }

                var link = d.Links.FirstOrDefault(l => l.Url.EndsWith("/" + name, StringComparison.Ordinal));
                var mention = link is null ? d.Sections.FirstOrDefault(s => s.Text.Contains(name, StringComparison.Ordinal)) : null;
                if (link is not null || mention is not null)
                {
                    result.Add(new DocumentedInput(r, d.Path, link?.Line ?? mention!.Line));
                    break;
                }
            }

            // A readme in the folder the file goes into ("You need to put below files in this directory: orders.csv …" in
            // input/README.md) names what the user must place there: the input is documented, and fetched by hand.
            if (result.Count > 0 && result[^1].Read == r || FolderReadmeMention(project, r) is not { } placed)
            {
                continue;
            }

            result.Add(placed);
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// A readme that lies in the folder a missing read points into (relative to the project root, or to the reading module's
    /// folder for <c>../input/orders.csv</c>) and names the file: the project tells the user which file to put there.
    /// </summary>
    private static DocumentedInput? FolderReadmeMention(ProjectModel project, DataRead r)
    {
        var literal = r.Literal!.Replace('\\', '/');
        var slash = literal.LastIndexOf('/');
        if (slash <= 0)
        {
            return null;
        }

        var name = literal[(slash + 1)..];
        var folders = new[] { NormalizeRelative(string.Empty, literal[..slash]), NormalizeRelative(r.Path.Contains('/', StringComparison.Ordinal) ? r.Path[..r.Path.LastIndexOf('/')] : string.Empty, literal[..slash]) };
        // The index, not the parsed documents: a readme committed inside a git-ignored input folder is read all the same.
        foreach (var f in project.Index.Files.Where(f => f.Name.StartsWith("readme", StringComparison.OrdinalIgnoreCase) && f.IsText))
        {
            var docDir = f.Path.Contains('/', StringComparison.Ordinal) ? f.Path[..f.Path.LastIndexOf('/')] : string.Empty;
            if (docDir.Length == 0 || !folders.Contains(docDir) || project.Text(f) is not { } text)
            {
                continue;
            }

            for (var line = 1; line <= text.LineCount; line++)
            {
                if (text.GetLine(line).Contains(name, StringComparison.Ordinal))
                {
                    return new DocumentedInput(r, f.Path, line);
                }
            }
        }

        return null;
    }

    /// <summary>A folder path joined to a base folder, with <c>.</c> and <c>..</c> resolved; null when it climbs above the root.</summary>
    private static string? NormalizeRelative(string baseDir, string relative)
    {
        var parts = baseDir.Length == 0 ? new List<string>() : [.. baseDir.Split('/')];
        foreach (var seg in relative.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (seg == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
            }
            else if (seg != ".")
            {
                parts.Add(seg);
            }
        }

        return string.Join('/', parts);
    }

    private static ImmutableArray<DataSource> SourcesOf(ProjectModel project)
    {
        // A vendored copy of another project (its demo's dataset URL, its tests' iris) says nothing of this project's data.
        var sources = project.DataTracking.Sources.Where(s => !project.IsVendoredPackagePath(s.Path)).ToList();
        var inCode = sources.Where(s => !IsDoc(s.Path)).Select(s => s.Value).ToHashSet(StringComparer.Ordinal);
        var docs = project.Docs.ToDictionary(d => d.Path, StringComparer.Ordinal);
        var prose = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        return [.. sources.Where(s => !IsDoc(s.Path) || inCode.Contains(s.Value) || !ConfigExample().IsMatch(s.Snippet) || Fetcher().IsMatch(s.Snippet)
            || !(docs.TryGetValue(s.Path, out var d) && InCodeBlock(d, s.Line))).Where(s => !DownloadsWeights(project, s) && !PlaceholderUrl().IsMatch(s.Value))
            .Where(s => !InPythonProse(project, s, prose))];

        static bool IsDoc(string path) => path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".rst", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Whether a source found in a Python file lies in its prose, not its code: a comment line (<c># https://www.kaggle.com/c/…/forums/…</c>)
    /// or a docstring or other bare string statement (<c>URL : https://drive.google.com/…</c> in a dataset class's docstring). Such a
    /// URL tells the reader where the data came from; nothing in the run fetches it, so it is documentation, not a download.
    /// </summary>
    private static bool InPythonProse(ProjectModel project, DataSource s, Dictionary<string, HashSet<int>> cache)
    {
        if (!s.Path.EndsWith(".py", StringComparison.Ordinal))
        {
            return false;
        }

        if (!cache.TryGetValue(s.Path, out var lines))
        {
            lines = project.Text(s.Path) is { } text ? ProseLines(text) : [];
            cache[s.Path] = lines;
        }

        return lines.Contains(s.Line);
    }

    /// <summary>The lines of a Python file that are comments only or lie in a bare string statement (a docstring).</summary>
    internal static HashSet<int> ProseLines(Text.SourceText text)
    {
        var lines = new HashSet<int>();
        for (var line = 1; line <= text.LineCount; line++)
        {
            if (text.GetLine(line).TrimStart().StartsWith('#'))
            {
                lines.Add(line);
            }
        }

        var source = text.Text;
        var tokens = Tokenizer.Tokenize(source, text.Path, trivia: true).Tokens;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Kind != TokenKind.String)
            {
                continue;
            }

            // A string is a statement of its own when it starts a logical line and ends it (no operator, call or assignment around it).
            var before = i - 1;
            while (before >= 0 && tokens[before].Kind is TokenKind.NL or TokenKind.Comment or TokenKind.Indent or TokenKind.Dedent)
            {
                before--;
            }

            var after = i + 1;
            while (after < tokens.Length && tokens[after].Kind == TokenKind.String)
            {
                after++; // implicit concatenation of adjacent literals
            }

            if ((before < 0 || tokens[before].Kind == TokenKind.Newline) && (after >= tokens.Length || tokens[after].Kind is TokenKind.Newline or TokenKind.EndMarker or TokenKind.Comment or TokenKind.NL))
            {
                for (var k = i; k < after; k++)
                {
                    var first = tokens[k].Line;
                    var last = first + source.AsSpan(tokens[k].Offset, tokens[k].Length).Count('\n');
                    for (var l = first; l <= last; l++)
                    {
                        lines.Add(l);
                    }
                }

                i = after - 1;
            }
        }

        return lines;
    }

    /// <summary>
    /// A download in code whose target is a trained model, not data: the URL names a weights file (.pth, .ckpt, .h5…), or
    /// the statement (its line and a continuation line) saves it to a model, weights or checkpoint path
    /// (<c>gdown.download(url, str(model_path))</c> in a demo).
    /// </summary>
    private static bool DownloadsWeights(ProjectModel project, DataSource s)
    {
        if (s.Kind is not (DataSourceKind.DataUrl or DataSourceKind.FileHost or DataSourceKind.HttpDownload) || !s.Path.EndsWith(".py", StringComparison.Ordinal))
        {
            return false;
        }

        if (WeightsFile().IsMatch(s.Value))
        {
            return true;
        }

        if (project.Text(s.Path) is not { } text || s.Line < 1 || s.Line > text.LineCount)
        {
            return false;
        }

        var statement = text.GetLine(s.Line);
        if (statement.TrimEnd().EndsWith(',') || statement.TrimEnd().EndsWith('('))
        {
            statement += " " + (s.Line < text.LineCount ? text.GetLine(s.Line + 1) : string.Empty);
        }

        return WeightsTarget().IsMatch(statement.Replace(s.Value, string.Empty, StringComparison.Ordinal));
    }

    /// <summary>
    /// A placeholder address from a docstring or usage example, not a data location: <c>s3://bucket-name/path/to/file</c>,
    /// <c>https://example.com/data.csv</c>, <c>gs://&lt;your-bucket&gt;/…</c>.
    /// </summary>
    [GeneratedRegex(@"(?i)/path/to/|://(?:[\w-]+\.)*example\.(?:com|org|net)\b|://(?:your|my|some)[-_]?bucket\b|://bucket[-_]?name\b|<[\w -]{1,40}>")]
    private static partial Regex PlaceholderUrl();

    [GeneratedRegex(@"\.(pth|pt|ckpt|h5|hdf5|onnx|pb|safetensors|tflite|caffemodel)(\?.*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex WeightsFile();

    [GeneratedRegex(@"\b\w*(model|weights?|checkpoint|ckpt)\w*\b|\.(pth|pt|ckpt|h5|onnx|safetensors)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WeightsTarget();

    /// <summary>Whether a line of a document lies inside a non-shell code block (the fences included).</summary>
    private static bool InCodeBlock(Formats.Markdown.MarkdownDocument doc, int line) =>
        doc.CodeBlocks.Any(b => b.Language is null or "" or "yaml" or "yml" or "json" or "toml" or "ini" or "python" or "py"
            && line >= b.Line && line <= b.Line + b.Text.Count(c => c == '\n') + 2);

    [GeneratedRegex(@"^(prepare|preprocess|preprocessing|download|fetch|get_data|make_dataset|build_dataset|create_dataset|split_data|split_dataset|create_folds)[\w-]*\.py$")]
    private static partial Regex PreparationName();

    [GeneratedRegex(@"^sklearn\.datasets\.(load|fetch)_\w+$")]
    private static partial Regex SklearnDataset();

    [GeneratedRegex(@"^\s+ingest\s*:")]
    private static partial Regex IngestStep();

    /// <summary>A config assignment line (<c>location: https://…</c>, <c>"url": "…"</c>, <c>path = "…"</c>).</summary>
    [GeneratedRegex(@"^\s*(?:-\s*)?[""']?[A-Za-z_][\w.\-]*[""']?\s*[:=]\s*\S")]
    private static partial Regex ConfigExample();

    [GeneratedRegex(@"\b(wget|curl|gdown|aria2c|urlretrieve|download|dvc|kaggle)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Fetcher();

    /// <summary>
    /// A URL of a file rather than a web page: its last path segment has an archive or data extension (data.tar, train.csv.gz), or
    /// its query asks for the download (Dropbox ?dl=, Google Drive export=download). A Kaggle dataset page fetched with wget is HTML.
    /// </summary>
    [GeneratedRegex(@"(?i)^[^?#]*/[^/?#]+\.(?:tar|tgz|gz|bz2|xz|zst|zip|7z|rar|csv|tsv|json|jsonl|parquet|feather|arrow|h5|hdf5|npy|npz|pkl|pickle|txt|xml|mat|wav|flac|mp3|jpe?g|png|tiff?)(?:[?#].*)?$|[?&](?:dl|download|export)=")]
    private static partial Regex FileUrl();

    /// <summary>A shell command that fetches a file (<c>wget URL -O data.tar</c>, <c>curl -L URL</c>, <c>gdown ID</c>, <c>kaggle datasets download</c>).</summary>
    [GeneratedRegex(@"https?://[^\s'""<>)]+")]
    private static partial Regex UrlIn();

    [GeneratedRegex(@"^\s*(?:\$\s*|!)?(wget|curl|gdown|aria2c|kaggle\s+(?:datasets|competitions)\s+download|huggingface-cli\s+download|hf\s+download|aws\s+s3\s+(?:cp|sync)|gsutil\s+(?:-m\s+)?(?:cp|rsync)|dvc\s+(?:get|import))\b")]
    private static partial Regex FetchCommand();

    /// <summary>
    /// Whether a documentation source is a download command in a code block (<c>wget "https://…/data.tar" -O data.tar</c>):
    /// the reader copies one command to get the input, unlike a link to a page they must find the data on.
    /// </summary>
    public static bool IsDocumentedFetchCommand(ProjectModel project, DataSource s) =>
        FetchCommand().Match(s.Snippet) is { Success: true } fetch
        // wget/curl of a page (a Kaggle dataset page) saves HTML: only a file URL is a download.
        && (fetch.Groups[1].Value.ToLowerInvariant() is not ("wget" or "curl" or "aria2c") || (UrlIn().Match(s.Snippet) is { Success: true } url && FileUrl().IsMatch(url.Value)))
        && project.Docs.FirstOrDefault(d => d.Path == s.Path) is { } doc
        && doc.CodeBlocks.Any(b => s.Line > b.Line && s.Line <= b.Line + b.Text.Count(c => c == '\n') + 1);
}
