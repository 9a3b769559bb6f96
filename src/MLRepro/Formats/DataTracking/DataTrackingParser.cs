using System.Collections.Immutable;
using System.Text.RegularExpressions;
using MLRepro.Text;

namespace MLRepro.Formats.DataTracking;

/// <summary>
/// Reads data-tracking facts: .gitattributes LFS patterns, LFS pointers, and data source references in text.
/// The source scan is deliberately light: line-by-line regular expressions (linear-time engine) over
/// .py/.ipynb/.sh/.md/config text, with line numbers. It does not resolve Python names; the Python analysis
/// elsewhere can refine it. Never throws on content.
/// </summary>
public static partial class DataTrackingParser
{
    /// <summary>Longest line scanned; longer lines are scanned up to this many characters.</summary>
    public const int MaxScanLineChars = 20_000;

    /// <summary>Most sources kept per file.</summary>
    public const int MaxSourcesPerFile = 1_000;

    /// <summary>Longest snippet kept.</summary>
    public const int MaxSnippetChars = 160;

    private const RegexOptions Fast = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;

    private static readonly Regex Url = new(@"(?:https?|ftp|s3a?|gs|gcs|az|abfss?|wasbs?|hf|lakefs)://[^\s""'<>()\[\]{}`\\|^]+", Fast | RegexOptions.IgnoreCase);
    private static readonly Regex KaggleDatasetCli = new(@"kaggle\s+datasets\s+download\b(.*)", Fast);
    private static readonly Regex KaggleCompetitionCli = new(@"kaggle\s+competitions\s+download\b(.*)", Fast);
    private static readonly Regex KaggleDatasetApi = new(@"(?:dataset_download_files?|kagglehub\.dataset_download|dataset_download)\(\s*(?:dataset\s*=\s*|handle\s*=\s*)?['""]([\w.\-]+/[\w.\-]+)", Fast);
    private static readonly Regex KaggleCompetitionApi = new(@"(?:competition_download_files?|kagglehub\.competition_download)\(\s*(?:competition\s*=\s*|handle\s*=\s*)?['""]([\w.\-]+)", Fast);
    /// <summary>
    /// Whether <c>load_dataset(</c> at <paramref name="at"/> is the Hugging Face loader: called bare, or on the datasets
    /// module (<c>datasets.</c>, <c>nlp.</c>, or an alias the file imports it as), not a method of the project's own class
    /// (<c>data_io.load_dataset('cash_balance')</c>, <c>self.load_dataset(name)</c>).
    /// </summary>
    private static bool IsHubLoadDataset(string line, int at, string file)
    {
        if (at == 0 || line[at - 1] != '.')
        {
            return true;
        }

        var start = at - 1;
        while (start > 0 && (char.IsLetterOrDigit(line[start - 1]) || line[start - 1] == '_'))
        {
            start--;
        }

        var receiver = line[start..(at - 1)];
        return receiver is "datasets" or "nlp" || file.Contains($"import datasets as {receiver}", StringComparison.Ordinal) || file.Contains($"import nlp as {receiver}", StringComparison.Ordinal);
    }

    private static readonly Regex LoadDataset = new(@"\bload_dataset\(\s*(?:path\s*=\s*)?['""]([^'""\s]{1,200})['""]", Fast);
    private static readonly Regex HubCli = new(@"(?:huggingface-cli|\bhf)\s+download\b(.*)", Fast);
    private static readonly Regex HubCall = new(@"\b(?:hf_hub_download|snapshot_download)\s*\(", Fast);
    private static readonly Regex RepoIdArg = new(@"\brepo_id\s*=\s*['""]([\w.\-]+/[\w.\-]+)['""]", Fast);
    private static readonly Regex FirstStringArg = new(@"\b(?:hf_hub_download|snapshot_download)\s*\(\s*['""]([\w.\-]+/[\w.\-]+)['""]", Fast);
    private static readonly Regex RepoTypeDataset = new(@"repo[_-]type\s*[= ]\s*['""]?dataset", Fast);
    private static readonly Regex Torchvision = new(@"\b(?:torchvision\.)?datasets\.([A-Z][A-Za-z0-9_]+)\s*\(", Fast);
    private static readonly Regex TorchvisionFromImport = new(@"from\s+torchvision\.datasets\s+import\s+(?:\(([^)]*)\)|([\w ,]+))", Fast);
    private static readonly Regex BareCall = new(@"(?:^|[^\w.])([A-Z][A-Za-z0-9_]+)\s*\(", Fast);
    private static readonly Regex TorchvisionByName = new(@"(?:\bgetattr\(\s*(?<tv>torchvision\.)?datasets\s*,\s*(?<arg>[\w.\[\]'""]+)\s*\)|(?:^|[^\w.])(?<tv>torchvision\.)?datasets\.__dict__\[\s*(?<arg>[\w.'""]+)\s*\])", Fast);
    private static readonly Regex TorchvisionDatasetsAlias = new(@"^[\s""]*(?:from\s+torchvision\s+import\s+[^\n#]*\bdatasets[ \t]*(?:,|\)|#|\\n|""|\r?$)|import\s+torchvision\.datasets\s+as\s+datasets\b)", Fast | RegexOptions.Multiline);
    private static readonly Regex PipeToShell = new(@"\|\s*(?:sudo\s+(?:-\S+\s+)*)?(?:/usr/bin/env\s+|/bin/)?(?:sh|bash|zsh|python3?)\b", Fast);
    private static readonly Regex TorchOther = new(@"\btorch(text|audio)\.datasets\.([A-Za-z][A-Za-z0-9_]+)", Fast);
    private static readonly Regex Keras = new(@"\bkeras\.datasets\.([a-z][a-z0-9_]+)|from\s+(?:tensorflow\.)?keras\.datasets\s+import\s+([a-z][a-z0-9_]+)", Fast);
    private static readonly Regex Sklearn = new(@"\b(load_(?:iris|digits|wine|breast_cancer|diabetes|linnerud)|fetch_(?:openml|california_housing|20newsgroups_vectorized|20newsgroups|covtype|kddcup99|lfw_people|lfw_pairs|olivetti_faces|rcv1|species_distributions))\s*\(", Fast);
    private static readonly Regex OpenMlName = new(@"fetch_openml\(\s*(?:name\s*=\s*)?['""]([^'""]{1,100})['""]|fetch_openml\(.*data_id\s*=\s*(\d+)", Fast);
    private static readonly Regex Tfds = new(@"\btfds\.(?:load|builder)\(\s*(?:name\s*=\s*)?['""]([\w/:.\-]{1,100})['""]", Fast);
    private static readonly Regex DvcGet = new(@"\bdvc\s+(?:get|import|import-url|get-url)\s+(\S+)(?:\s+([^\s-]\S*))?", Fast);
    private static readonly Regex DoltClone = new(@"\bdolt\s+clone\s+([\w.\-/:@]+)", Fast);
    private static readonly Regex WeightsScriptName = new(@"(?i)weight|checkpoint|ckpt|pretrained|model", RegexOptions.CultureInvariant);
    private static readonly Regex DownloadName = new(@"(?i)(download|fetch|get[_-]?data|getdata|pull[_-]?data)", RegexOptions.CultureInvariant);

    private static readonly string[] DataExtensions =
    [
        ".csv", ".tsv", ".parquet", ".zip", ".tar.gz", ".tgz", ".tar", ".gz", ".bz2", ".xz", ".7z", ".npz", ".npy", ".h5", ".hdf5",
        ".jsonl", ".ndjson", ".arrow", ".feather", ".xlsx", ".xls", ".pkl", ".pickle", ".mat", ".tfrecord", ".tfrecords", ".avro",
        ".orc", ".sqlite", ".db", ".nc", ".zarr", ".lmdb", ".data", ".arff", ".libsvm", ".conll",
    ];

    private static readonly string[] FileHosts =
    [
        "drive.google.com", "docs.google.com/uc", "dropbox.com", "zenodo.org", "figshare.com", "osf.io", "onedrive.live.com", "1drv.ms",
        "box.com/s/", "dataverse.harvard.edu", "data.mendeley.com", "archive.ics.uci.edu",
    ];

    private static readonly HashSet<string> PackagedBuilders = new(StringComparer.Ordinal)
    {
        "csv", "json", "parquet", "text", "imagefolder", "audiofolder", "videofolder", "arrow", "pandas", "webdataset", "sql", "xml", "generator",
    };

    /// <summary>
    /// A torchvision dataset class looked up by name (<c>getattr(torchvision.datasets, args.dataset)</c>,
    /// <c>datasets.__dict__[name]</c>): one of the built-in datasets, chosen at run time. Returns its display name
    /// (<c>torchvision.datasets[args.dataset]</c>), or null. A bare <c>datasets</c> counts only when the module binds that name
    /// to torchvision's (<paramref name="datasetsIsTorchvision"/>: <c>from torchvision import datasets</c>): projects often have a
    /// datasets package of their own.
    /// </summary>
    public static string? TorchvisionDatasetByName(string text, bool datasetsIsTorchvision) =>
        text.Contains("datasets", StringComparison.Ordinal) && TorchvisionByName.Match(text) is { Success: true } m
        && (m.Groups["tv"].Success || datasetsIsTorchvision) ? $"torchvision.datasets[{m.Groups["arg"].Value}]" : null;

    /// <summary>torchvision names that load local files rather than a standard dataset.</summary>
    private static readonly HashSet<string> TorchvisionLoaders = new(StringComparer.Ordinal)
    {
        "ImageFolder", "DatasetFolder", "VisionDataset", "FakeData", "Dataset", "Subset", "ConcatDataset", "TensorDataset",
    };

    private static readonly HashSet<string> HubCliValueOptions = new(StringComparer.Ordinal)
    {
        "--local-dir", "--include", "--exclude", "--revision", "--cache-dir", "--token", "--repo-type", "--max-workers", "--local-dir-use-symlinks",
    };

    /// <summary>Reads the LFS patterns of a .gitattributes file.</summary>
    public static ImmutableArray<LfsPattern> ParseGitAttributes(SourceText source, List<Diagnostic>? diagnostics = null)
    {
        var result = ImmutableArray.CreateBuilder<LfsPattern>();
        for (var line = 1; line <= source.LineCount; line++)
        {
            var text = source.GetLine(line).Trim();
            if (text.Length == 0 || text.StartsWith('#') || text.StartsWith("[attr]", StringComparison.Ordinal))
            {
                continue;
            }

            string pattern;
            string rest;
            if (text.StartsWith('"'))
            {
                var close = text.IndexOf('"', 1);
                if (close < 0)
                {
                    diagnostics?.Add(new Diagnostic(source.Path, SourceSpan.At(line), DiagnosticSeverity.Warning, "gitattributes.syntax", "unterminated quoted pattern"));
                    continue;
                }

                pattern = text[1..close];
                rest = text[(close + 1)..].Trim();
            }
            else
            {
                var space = text.IndexOfAny([' ', '\t']);
                pattern = space < 0 ? text : text[..space];
                rest = space < 0 ? string.Empty : text[space..].Trim();
            }

            var attrs = rest.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (attrs.Contains("filter=lfs", StringComparer.Ordinal))
            {
                result.Add(new LfsPattern(source.Path, pattern, line, string.Join(' ', attrs)));
            }
        }

        return result.ToImmutable();
    }

    /// <summary>Parses a Git LFS pointer file (version, oid sha256:…, size).</summary>
    public static LfsPointer ParseLfsPointer(SourceText source, List<Diagnostic>? diagnostics = null)
    {
        string? version = null, oid = null;
        long? size = null;
        for (var line = 1; line <= Math.Min(source.LineCount, 20); line++)
        {
            var text = source.GetLine(line);
            var space = text.IndexOf(' ');
            if (space <= 0)
            {
                continue;
            }

            var key = text[..space];
            var value = text[(space + 1)..].Trim();
            switch (key)
            {
                case "version":
                    version = value;
                    break;
                case "oid" when value.StartsWith("sha256:", StringComparison.Ordinal) && value.Length == 71 && value[7..].All(Uri.IsHexDigit):
                    oid = value[7..].ToLowerInvariant();
                    break;
                case "size" when long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n):
                    size = n;
                    break;
            }
        }

        var valid = version is not null && version.StartsWith("https://git-lfs.github.com/spec/", StringComparison.Ordinal) && oid is not null && size is not null;
        if (!valid)
        {
            diagnostics?.Add(new Diagnostic(source.Path, SourceSpan.At(1), DiagnosticSeverity.Warning, "lfs.pointer-malformed", "Git LFS pointer without a valid version, sha256 oid and size"));
        }

        return new LfsPointer(source.Path, oid, size, valid);
    }

    /// <summary>Whether a file name says it downloads or fetches data (download_data.sh, get_data.py, fetch.py…).</summary>
    public static bool IsDownloadScript(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        var ext = dot <= 0 ? string.Empty : name[dot..].ToLowerInvariant();
        // download_weights.sh / get_pretrained_models.sh fetch a model, not the data.
        return ext is "" or ".sh" or ".bash" or ".py" or ".ps1" or ".bat" or ".r" or ".zsh" && DownloadName.IsMatch(name) && !WeightsScriptName.IsMatch(name);
    }

    /// <summary>Scans one text file for data source references.</summary>
    public static ImmutableArray<DataSource> ScanText(SourceText source)
    {
        var result = ImmutableArray.CreateBuilder<DataSource>();
        var fileName = source.Path[(source.Path.LastIndexOf('/') + 1)..];
        if (DownloadName.IsMatch(fileName) && WeightsScriptName.IsMatch(fileName))
        {
            return []; // download_weights.sh fetches a model, not data
        }

        var seen = new HashSet<(DataSourceKind, string, int)>();
        var isNotebook = source.Path.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase);
        var isSetupScript = fileName == "setup.py";
        var mentionsTorchvision = source.Text.Contains("torchvision", StringComparison.Ordinal);
        // `from torchvision.datasets import MNIST, CIFAR10`: the bare class names are standard datasets too.
        var importedDatasets = mentionsTorchvision ? TorchvisionImportedNames(source.Text) : [];
        var mentionsSklearn = source.Text.Contains("sklearn", StringComparison.Ordinal);
        bool? bindsTorchvisionDatasets = null;
        var hubCallLine = -100;
        for (var line = 1; line <= source.LineCount && result.Count < MaxSourcesPerFile; line++)
        {
            var text = source.GetLine(line);
            if (text.Length > MaxScanLineChars)
            {
                text = text[..MaxScanLineChars];
            }

            // setup(download_url=…, url=…) in setup.py is the package's own metadata (where its source tarball is), not data.
            if (isSetupScript && PackageMetadataUrl().IsMatch(text))
            {
                continue;
            }

            if (isNotebook)
            {
                // Notebook cells are JSON strings: undo the escaping of quotes so code patterns match.
                text = text.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\n", " ", StringComparison.Ordinal);
            }

            void Add(DataSourceKind kind, string value)
            {
                if (value.Length > 0 && !PlaceholderSource.IsMatch(value) && seen.Add((kind, value, line)) && result.Count < MaxSourcesPerFile)
                {
                    result.Add(new DataSource(kind, value, source.Path, line, Snippet(text)));
                }
            }

            if (text.Contains("://", StringComparison.Ordinal))
            {
                var fetcher = text.Contains("wget ", StringComparison.Ordinal) || text.Contains("curl ", StringComparison.Ordinal) || text.Contains("gdown ", StringComparison.Ordinal)
                    || text.Contains("aria2c ", StringComparison.Ordinal) || text.Contains("urlretrieve", StringComparison.Ordinal) || text.Contains("download_url", StringComparison.Ordinal);
                // `curl -fsSL https://… | sh`: a script piped into a shell installs software (uv, mise, ollama, nvm), never data.
                var pipe = fetcher ? PipeToShell.Match(text) : null;
                var pipedUpTo = pipe is { Success: true } ? pipe.Index : -1;
                // `curl -X POST http://host/predict -d '{…}'`: a request to an API (the project's own service), not a download.
                var apiRequest = text.Contains("curl ", StringComparison.Ordinal) && CurlApiRequest.IsMatch(text);
                // `pipeline_root=f"s3://runs-{user}"`, `--default-artifact-root s3://mlflow`, `.option("checkpointLocation", "s3a://…")`:
                // where runs write their artifacts, not data anyone reads.
                var outputLine = OutputLocation.IsMatch(text);
                foreach (var m in Url.EnumerateMatches(text))
                {
                    if (apiRequest)
                    {
                        break;
                    }

                    var url = text.Substring(m.Index, m.Length).TrimEnd('.', ',', ';', ':', ')', ']', '}', '\'', '"', '`', '*', '>');
                    if (m.Index > pipedUpTo && ClassifyUrl(url, fetcher) is { } c && !(outputLine && c.Kind == DataSourceKind.ObjectStore))
                    {
                        Add(c.Kind, c.Value);
                    }
                }
            }

            if (text.Contains("kaggle", StringComparison.Ordinal))
            {
                if (KaggleDatasetCli.Match(text) is { Success: true } kd && KaggleArgument(kd.Groups[1].Value, "-d", "--dataset", needsSlash: true) is { } ds)
                {
                    Add(DataSourceKind.KaggleDataset, ds);
                }

                if (KaggleCompetitionCli.Match(text) is { Success: true } kc && KaggleArgument(kc.Groups[1].Value, "-c", "--competition", needsSlash: false) is { } comp)
                {
                    Add(DataSourceKind.KaggleCompetition, comp);
                }

                if (KaggleDatasetApi.Match(text) is { Success: true } ka)
                {
                    Add(DataSourceKind.KaggleDataset, ka.Groups[1].Value);
                }

                if (KaggleCompetitionApi.Match(text) is { Success: true } kca)
                {
                    Add(DataSourceKind.KaggleCompetition, kca.Groups[1].Value);
                }
            }

            if (text.Contains("load_dataset", StringComparison.Ordinal))
            {
                foreach (Match m in LoadDataset.Matches(text))
                {
                    if (!IsHubLoadDataset(text, m.Index, source.Text))
                    {
                        continue;
                    }

                    var id = m.Groups[1].Value;
                    var local = PackagedBuilders.Contains(id) || id.StartsWith('.') || id.StartsWith('/') || HasDataExtension(id);
                    Add(local ? DataSourceKind.HuggingFaceFiles : DataSourceKind.HuggingFaceDataset, id);
                }
            }

            if (text.Contains("download", StringComparison.Ordinal))
            {
                if (HubCli.Match(text) is { Success: true } hc && HubCliRepo(hc.Groups[1].Value) is { } repo)
                {
                    Add(RepoTypeDataset.IsMatch(hc.Groups[1].Value) ? DataSourceKind.HuggingFaceDataset : DataSourceKind.HuggingFaceModel, repo);
                }

                if (HubCall.IsMatch(text))
                {
                    hubCallLine = line;
                }
            }

            if (line - hubCallLine <= 5)
            {
                // hf_hub_download(...) arguments often span lines: look a few lines on for repo_id.
                var repoId = RepoIdArg.Match(text) is { Success: true } r ? r.Groups[1].Value : FirstStringArg.Match(text) is { Success: true } f ? f.Groups[1].Value : null;
                if (repoId is not null)
                {
                    var window = string.Join(" ", Enumerable.Range(hubCallLine, Math.Min(8, source.LineCount - hubCallLine + 1)).Select(source.GetLine));
                    Add(RepoTypeDataset.IsMatch(window) ? DataSourceKind.HuggingFaceDataset : DataSourceKind.HuggingFaceModel, repoId);
                    hubCallLine = -100;
                }
            }

            if (mentionsTorchvision && text.Contains("datasets.", StringComparison.Ordinal))
            {
                foreach (Match m in Torchvision.Matches(text))
                {
                    if (!TorchvisionLoaders.Contains(m.Groups[1].Value))
                    {
                        Add(DataSourceKind.StandardDataset, "torchvision.datasets." + m.Groups[1].Value);
                    }
                }
            }

            if (mentionsTorchvision && TorchvisionDatasetByName(text, bindsTorchvisionDatasets ??= TorchvisionDatasetsAlias.IsMatch(source.Text)) is { } byName)
            {
                Add(DataSourceKind.StandardDataset, byName);
            }

            if (importedDatasets.Count > 0 && !text.Contains("import", StringComparison.Ordinal))
            {
                foreach (Match m in BareCall.Matches(text))
                {
                    if (importedDatasets.Contains(m.Groups[1].Value))
                    {
                        Add(DataSourceKind.StandardDataset, "torchvision.datasets." + m.Groups[1].Value);
                    }
                }
            }

            if (text.Contains("datasets.", StringComparison.Ordinal) && TorchOther.Match(text) is { Success: true } to)
            {
                Add(DataSourceKind.StandardDataset, $"torch{to.Groups[1].Value}.datasets.{to.Groups[2].Value}");
            }

            if (text.Contains("keras", StringComparison.Ordinal) && Keras.Match(text) is { Success: true } k)
            {
                Add(DataSourceKind.StandardDataset, "keras.datasets." + (k.Groups[1].Success ? k.Groups[1].Value : k.Groups[2].Value));
            }

            if (mentionsSklearn && (text.Contains("load_", StringComparison.Ordinal) || text.Contains("fetch_", StringComparison.Ordinal)))
            {
                foreach (Match m in Sklearn.Matches(text))
                {
                    var name = m.Groups[1].Value;
                    if (name == "fetch_openml" && OpenMlName.Match(text) is { Success: true } o)
                    {
                        name += ":" + (o.Groups[1].Success ? o.Groups[1].Value : o.Groups[2].Value);
                    }

                    Add(DataSourceKind.StandardDataset, "sklearn.datasets." + name);
                }
            }

            if (text.Contains("tfds", StringComparison.Ordinal) && Tfds.Match(text) is { Success: true } tf)
            {
                Add(DataSourceKind.StandardDataset, "tfds:" + tf.Groups[1].Value);
            }

            if (text.Contains("dvc ", StringComparison.Ordinal) && DvcGet.Match(text) is { Success: true } dg)
            {
                Add(DataSourceKind.DvcGet, dg.Groups[2].Success ? dg.Groups[1].Value + " " + dg.Groups[2].Value : dg.Groups[1].Value);
            }

            if (text.Contains("dolt ", StringComparison.Ordinal) && DoltClone.Match(text) is { Success: true } dc)
            {
                Add(DataSourceKind.Dolt, dc.Groups[1].Value);
            }
        }

        return result.ToImmutable();
    }

    private static HashSet<string> TorchvisionImportedNames(string text)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in TorchvisionFromImport.Matches(text))
        {
            foreach (var part in (m.Groups[1].Success ? m.Groups[1] : m.Groups[2]).Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var name = part.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
                if (name is { Length: > 0 } && char.IsUpper(name[0]) && !TorchvisionLoaders.Contains(name))
                {
                    names.Add(name);
                }
            }
        }

        return names;
    }

    /// <summary>Whether a gitattributes pattern matches a repository path (patterns without '/' match the name at any depth).</summary>
    internal static bool GitAttributesMatch(LfsPattern pattern, string path)
    {
        var dir = pattern.File.LastIndexOf('/') is var i and >= 0 ? pattern.File[..(i + 1)] : string.Empty;
        if (!path.StartsWith(dir, StringComparison.Ordinal))
        {
            return false;
        }

        var rel = path[dir.Length..];
        var p = pattern.Pattern;
        if (!p.Contains('/'))
        {
            var name = rel[(rel.LastIndexOf('/') + 1)..];
            return Glob(p, name);
        }

        return Glob(p.TrimStart('/'), rel);
    }

    private static bool Glob(string pattern, string text)
    {
        // Translate to a linear-time regex: ** crosses folders, * and ? do not.
        var sb = new System.Text.StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                i++;
                if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                {
                    i++;
                    sb.Append("(?:.*/)?");
                }
                else
                {
                    sb.Append(".*");
                }
            }
            else if (c == '*')
            {
                sb.Append("[^/]*");
            }
            else if (c == '?')
            {
                sb.Append("[^/]");
            }
            else if (c == '[')
            {
                var close = pattern.IndexOf(']', i + 1);
                if (close > i + 1)
                {
                    var cls = pattern[(i + 1)..close].Replace("\\", "\\\\", StringComparison.Ordinal);
                    sb.Append('[').Append(cls.StartsWith('!') ? "^" + cls[1..] : cls).Append(']');
                    i = close;
                }
                else
                {
                    sb.Append("\\[");
                }
            }
            else
            {
                sb.Append(Regex.Escape(c.ToString()));
            }
        }

        sb.Append(pattern.EndsWith('/') ? ".*$" : "(?:/.*)?$");
        try
        {
            return Regex.IsMatch(text, sb.ToString(), Fast);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// A source written as a template or a how-to placeholder, which names no data: shell and CI variables (<c>${COMP}</c>,
    /// <c>${{ vars.BUCKET }}</c>, <c>$DATA_URL</c>), format slots (<c>%s</c>, <c>{}</c>), and owner/name ids such as
    /// <c>username/dataset-name</c> or <c>your-org/your-dataset</c>.
    /// </summary>
    private static readonly Regex PlaceholderSource = new(@"(?i)\$\{|\{\{|\$\(|(?:^|\W)\$[A-Za-z_]|\$(?:$|\W)|%s|\{\}|(?:^|/)(?:user(?:name)?|your[-_][\w-]+|my[-_]?(?:user|org|name)|org(?:anization)?[-_]name)/|/(?:your[-_][\w-]+|(?:my[-_])?(?:dataset|model|repo)[-_]name)(?:$|/)", Fast);

    /// <summary>An object-store key of software: a shell or Python script, a jar, a wheel or a system package.</summary>
    private static readonly Regex ObjectStoreSoftware = new(@"(?i)\.(?:sh|bash|py|jar|whl|rpm|deb)$", Fast);

    /// <summary>A line that gives a place runs write to: an artifact store, a pipeline root, a streaming sink or checkpoint.</summary>
    private static readonly Regex OutputLocation = new(@"(?i)\b(?:pipeline_root|artifact_location|artifact_root|artifact[-_]uri|default[-_]artifact[-_]root|artifacts[-_]destination|checkpointLocation|output_path|output_uri|output_dir|backend[-_]store[-_]uri)\b|\.writeStream\b|\.write\s*\.|\.start\(\s*['""]|\.to_(?:parquet|csv|json)\(\s*['""]", Fast);

    /// <summary>A curl command that sends a request body or a method other than GET: an API call, not a download.</summary>
    private static readonly Regex CurlApiRequest = new(@"\bcurl\b.*?(?:\s-X\s*(?:POST|PUT|PATCH|DELETE)\b|\s(?:-d|--data(?:-raw|-binary|-urlencode)?|-F|--form|--json)[\s=])", Fast);

    /// <summary>
    /// Whether a URL's host (with any user and port) is this machine, a private network or a service of the project's own
    /// deployment (<c>localhost:8000</c>, <c>127.0.0.1</c>, <c>mlflow:5000</c> in compose, <c>*.local</c>): nobody else can
    /// download from it.
    /// </summary>
    private static bool IsLocalHost(string authority)
    {
        var host = authority[(authority.LastIndexOf('@') + 1)..];
        host = host.StartsWith('[') ? host[..(host.IndexOf(']') + 1)] : host.Split(':')[0];
        if (host is "localhost" or "0.0.0.0" or "[::1]" or "host.docker.internal" || host.EndsWith(".local", StringComparison.Ordinal) || host.EndsWith(".localhost", StringComparison.Ordinal)
            || (!host.Contains('.', StringComparison.Ordinal) && !host.Contains('{', StringComparison.Ordinal) && !host.Contains('$', StringComparison.Ordinal)))
        {
            return true;
        }

        var octets = host.Split('.');
        return octets.Length == 4 && octets.All(o => byte.TryParse(o, out _))
            && (octets[0] is "127" or "10" || (octets[0] == "192" && octets[1] == "168") || (octets[0] == "172" && byte.Parse(octets[1]) is >= 16 and <= 31));
    }

    private static (DataSourceKind Kind, string Value)? ClassifyUrl(string url, bool fetched)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var scheme = url[..schemeEnd].ToLowerInvariant();
        var rest = url[(schemeEnd + 3)..];
        switch (scheme)
        {
            case "lakefs":
                return (DataSourceKind.LakeFs, url);
            case "s3" or "s3a" or "gs" or "gcs" or "az" or "abfs" or "abfss" or "wasb" or "wasbs":
                // A bucket given by a template (`gs://${{ secrets.BUCKET }}`, `s3://{bucket}/…`, `s3://<your-bucket>`) names no data.
                // A script or package in a bucket (an EMR bootstrap action's .bash, a .jar or wheel) installs software: no data.
                return rest.Length > 0 && rest[0] is not ('{' or '$' or '<') && !ObjectStoreSoftware.IsMatch(rest) ? (DataSourceKind.ObjectStore, url) : null;
            case "hf":
                if (rest.StartsWith("datasets/", StringComparison.Ordinal))
                {
                    var parts = rest["datasets/".Length..].Split('/');
                    return parts.Length >= 2 ? (DataSourceKind.HuggingFaceDataset, parts[0] + "/" + parts[1]) : (DataSourceKind.HuggingFaceDataset, parts[0]);
                }

                return null;
        }

        var lower = url.ToLowerInvariant();
        if (IsSoftwareInstaller(lower))
        {
            return null;
        }

        var hostEnd = rest.IndexOf('/');
        var host = (hostEnd < 0 ? rest : rest[..hostEnd]).ToLowerInvariant();
        if (IsLocalHost(host))
        {
            return null;
        }

        var pathPart = hostEnd < 0 ? string.Empty : rest[hostEnd..];
        if (host is "huggingface.co" or "www.huggingface.co" or "hf.co" && pathPart.StartsWith("/datasets/", StringComparison.Ordinal))
        {
            var parts = pathPart["/datasets/".Length..].Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 1 && parts[0] != "huggingface")
            {
                return (DataSourceKind.HuggingFaceDataset, parts.Length >= 2 ? parts[0] + "/" + parts[1] : parts[0]);
            }
        }

        if (host is "kaggle.com" or "www.kaggle.com")
        {
            var parts = pathPart.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 3 && parts[0] == "datasets")
            {
                return (DataSourceKind.KaggleDataset, parts[1] + "/" + parts[2]);
            }

            if (parts.Length >= 2 && parts[0] is "c" or "competitions")
            {
                return (DataSourceKind.KaggleCompetition, parts[1]);
            }
        }

        // Pretrained weights (a .pth release asset, yolov3.weights) are a model to start from, not the data.
        if (IsModelWeights(pathPart))
        {
            return null;
        }

        if (HasDataExtension(pathPart))
        {
            return (DataSourceKind.DataUrl, url);
        }

        if (FileHosts.Any(h => lower.Contains(h, StringComparison.Ordinal)))
        {
            return (DataSourceKind.FileHost, url);
        }

        return fetched ? (DataSourceKind.HttpDownload, url) : null;
    }

    /// <summary>File extensions of model weights and checkpoints.</summary>
    private static readonly string[] WeightExtensions = [".pth", ".pt", ".ckpt", ".weights", ".safetensors", ".onnx", ".caffemodel", ".tflite", ".pth.tar"];

    /// <summary>Whether a URL path names a model weights or checkpoint file.</summary>
    internal static bool IsModelWeights(string urlPath)
    {
        var path = urlPath.Split('?', '#')[0].ToLowerInvariant();
        return WeightExtensions.Any(e => path.EndsWith(e, StringComparison.Ordinal));
    }

    /// <summary>
    /// Software installers and package repositories (Miniconda/Anaconda installers, get-pip.py, apt signing keys, CUDA and
    /// PyTorch wheel repositories, Docker/NVIDIA apt lists): fetched during setup, never the project's data.
    /// </summary>
    internal static bool IsSoftwareInstaller(string lowerUrl)
    {
        var path = lowerUrl.Split('?', '#')[0];
        var name = path[(path.LastIndexOf('/') + 1)..];
        return name.StartsWith("miniconda", StringComparison.Ordinal) || name.StartsWith("anaconda", StringComparison.Ordinal)
            || name.StartsWith("miniforge", StringComparison.Ordinal) || name.StartsWith("mambaforge", StringComparison.Ordinal)
            || name is "get-pip.py" or "install.sh" or "install-poetry.py" || name.EndsWith(".gpg", StringComparison.Ordinal)
            || name.EndsWith(".asc", StringComparison.Ordinal) || name.EndsWith(".pub", StringComparison.Ordinal) || name.EndsWith(".deb", StringComparison.Ordinal)
            || name.EndsWith(".whl", StringComparison.Ordinal) || name.EndsWith(".list", StringComparison.Ordinal)
            || path.Contains("repo.anaconda.com/", StringComparison.Ordinal) || path.Contains("bootstrap.pypa.io", StringComparison.Ordinal)
            || path.Contains("developer.download.nvidia.com/compute/cuda/repos", StringComparison.Ordinal)
            || path.Contains("download.pytorch.org/whl", StringComparison.Ordinal) || path.Contains("nvidia.github.io/", StringComparison.Ordinal)
            || path.Contains("download.docker.com", StringComparison.Ordinal) || path.Contains("sh.rustup.rs", StringComparison.Ordinal)
            || path.Contains("astral.sh/uv", StringComparison.Ordinal) || path.Contains("install.python-poetry.org", StringComparison.Ordinal)
            // Conda packages (an explicit spec written by `conda list --explicit` lists one URL per package): a channel
            // host, the .conda format, or a .tar.bz2 under a conda platform sub-directory.
            || path.Contains("conda.anaconda.org/", StringComparison.Ordinal) || name.EndsWith(".conda", StringComparison.Ordinal)
            || (name.EndsWith(".tar.bz2", StringComparison.Ordinal) && CondaSubdir().IsMatch(path))
            // Shell set-up (git's prompt and completion scripts sourced from .bashrc in a dev container).
            || (name.EndsWith(".sh", StringComparison.Ordinal) && (path.Contains("/completion/", StringComparison.Ordinal) || name.Contains("completion", StringComparison.Ordinal) || name.Contains("prompt", StringComparison.Ordinal)))
            // Other package indexes, and scripts or installers by their extension (get-pip.py, setup.exe, a .rpm).
            || SoftwareUrl().IsMatch(path);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^https?://(?:repo\.continuum\.io|files\.pythonhosted\.org|pypi\.org)/|\.(?:sh|bash|ps1|py|exe|msi|rpm|dmg|pkg)$")]
    private static partial System.Text.RegularExpressions.Regex SoftwareUrl();

    [System.Text.RegularExpressions.GeneratedRegex(@"/(?:noarch|linux-64|linux-aarch64|linux-ppc64le|osx-64|osx-arm64|win-64|win-32)/[^/]+$")]
    private static partial System.Text.RegularExpressions.Regex CondaSubdir();

    private static bool HasDataExtension(string path)
    {
        var p = path;
        var cut = p.IndexOfAny(['?', '#']);
        if (cut >= 0)
        {
            p = p[..cut];
        }

        p = p.ToLowerInvariant();
        return DataExtensions.Any(e => p.EndsWith(e, StringComparison.Ordinal));
    }

    private static string? KaggleArgument(string args, string shortOption, string longOption, bool needsSlash)
    {
        var tokens = args.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i].Trim('"', '\'', '`');
            if ((t == shortOption || t == longOption) && i + 1 < tokens.Length)
            {
                return Clean(tokens[i + 1]);
            }

            if (t.StartsWith(longOption + "=", StringComparison.Ordinal))
            {
                return Clean(t[(longOption.Length + 1)..]);
            }
        }

        // Positional form (newer CLI): the first non-option token.
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = Clean(tokens[i]);
            if (t.StartsWith('-'))
            {
                if (t is "-p" or "--path" or "-f" or "--file")
                {
                    i++;
                }

                continue;
            }

            if (!needsSlash || t.Contains('/'))
            {
                return t.Length > 0 && char.IsLetterOrDigit(t[0]) ? t : null;
            }
        }

        return null;

        static string Clean(string s) => s.Trim('"', '\'', '`', ')', ',', ';');
    }

    private static string? HubCliRepo(string args)
    {
        var tokens = args.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i].Trim('"', '\'', '`', ',');
            if (t.StartsWith('-'))
            {
                if (!t.Contains('=') && HubCliValueOptions.Contains(t))
                {
                    i++;
                }

                continue;
            }

            var slash = t.IndexOf('/');
            return slash > 0 && slash < t.Length - 1 && t.IndexOf('/', slash + 1) < 0 ? t : null;
        }

        return null;
    }

    private static string Snippet(string line)
    {
        var t = line.Trim();
        return t.Length <= MaxSnippetChars ? t : t[..MaxSnippetChars] + "…";
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?:download_url|url|project_urls)\s*=")]
    private static partial System.Text.RegularExpressions.Regex PackageMetadataUrl();
}
