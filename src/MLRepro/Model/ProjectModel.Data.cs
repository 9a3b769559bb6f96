using System.Collections.Immutable;
using MLRepro.Formats.DatasetMeta;
using MLRepro.Formats.DataTracking;
using MLRepro.Indexing;
using MLRepro.Text;

namespace MLRepro.Model;

public sealed partial class ProjectModel
{
    /// <summary>Largest file the textual data-source scan reads (bytes); larger ones (notebooks with images) are skipped.</summary>
    public const long MaxDataScanBytes = 2L * 1024 * 1024;

    /// <summary>Largest .json file inspected for Croissant or expectations metadata (bytes).</summary>
    public const long MaxDatasetMetaBytes = 4L * 1024 * 1024;

    private static readonly HashSet<string> DataScanExtensions = new(StringComparer.Ordinal)
    {
        ".py", ".ipynb", ".sh", ".bash", ".zsh", ".md", ".markdown", ".rst", ".yaml", ".yml", ".toml", ".cfg", ".ini", ".json", ".r", ".jl", ".txt",
    };

    private static readonly HashSet<string> LockFileNames = new(StringComparer.Ordinal)
    {
        "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "poetry.lock", "uv.lock", "Pipfile.lock", "pdm.lock", "composer.lock", "Cargo.lock", "conda-lock.yml",
    };

    private static readonly HashSet<string> DataScanNames = new(StringComparer.Ordinal) { "Makefile", "Dockerfile", "Snakefile", "justfile", "Taskfile.yml" };

    private DataTrackingDocument? _dataTracking;
    private bool _dataTrackingInit;
    private object? _dataTrackingLock;
    private ImmutableArray<DatasetSchema> _datasetSchemas;
    private bool _datasetSchemasInit;
    private object? _datasetSchemasLock;

    /// <summary>
    /// How data is versioned and where it comes from: LFS patterns and pointers, lakeFS, Dolt, download scripts and
    /// data source references (URLs, Hugging Face and Kaggle ids, standard datasets) from a light textual scan.
    /// <see cref="DataTrackingDocument.DvcOuts"/> is left empty here; the DVC area adds *.dvc outs.
    /// </summary>
    public DataTrackingDocument DataTracking => LazyInitializer.EnsureInitialized(ref _dataTracking, ref _dataTrackingInit, ref _dataTrackingLock, BuildDataTracking)!;

    /// <summary>Documented dataset schemas: datapackage.json, Croissant, *.schema.json, dataset cards, pandera, Great Expectations, column tables, data READMEs.</summary>
    public ImmutableArray<DatasetSchema> DatasetSchemas => LazyInitializer.EnsureInitialized(ref _datasetSchemas, ref _datasetSchemasInit, ref _datasetSchemasLock, BuildDatasetSchemas);

    private DataTrackingDocument BuildDataTracking()
    {
        var diagnostics = new List<Diagnostic>();
        var patterns = new List<LfsPattern>();
        var pointers = new List<LfsPointer>();
        var lakefs = new List<string>();
        var dolt = new SortedSet<string>(StringComparer.Ordinal);
        var scripts = new List<string>();
        var sources = new List<DataSource>();
        foreach (var f in Index.Files)
        {
            var doltAt = f.Path.StartsWith(".dolt/", StringComparison.Ordinal) ? 0 : f.Path.IndexOf("/.dolt/", StringComparison.Ordinal);
            if (doltAt >= 0)
            {
                dolt.Add(doltAt == 0 ? "." : f.Path[..doltAt]);
                continue;
            }

            if (IsDocsSkipped(f))
            {
                continue;
            }

            if (f.IsLfsPointer && Text(f) is { } pointerText)
            {
                pointers.Add(DataTrackingParser.ParseLfsPointer(pointerText, diagnostics));
                continue;
            }

            if (f.Name == ".gitattributes" && Text(f) is { } attributes)
            {
                patterns.AddRange(DataTrackingParser.ParseGitAttributes(attributes, diagnostics));
                continue;
            }

            if (f.Name is ".lakectl.yaml" or ".lakectl.yml" or "lakectl.yaml")
            {
                lakefs.Add(f.Path);
            }

            if (DataTrackingParser.IsDownloadScript(f.Path))
            {
                scripts.Add(f.Path);
            }

            // Lock files list package tarballs and wheels (package-lock.json's "resolved" URLs): software, never data.
            if (f.IsText && f.Size <= MaxDataScanBytes && (DataScanExtensions.Contains(f.Extension) || DataScanNames.Contains(f.Name)) && !LockFileNames.Contains(f.Name) && Text(f) is { } text)
            {
                sources.AddRange(DataTrackingParser.ScanText(text));
            }
        }

        Report(diagnostics);
        return new DataTrackingDocument([.. patterns], [.. pointers], [.. lakefs], [.. dolt], [.. scripts], [.. sources], [], [.. diagnostics]);
    }

    private ImmutableArray<DatasetSchema> BuildDatasetSchemas()
    {
        var result = ImmutableArray.CreateBuilder<DatasetSchema>();
        foreach (var doc in Docs)
        {
            result.AddRange(DatasetMetaParser.FromDocument(doc));
        }

        foreach (var f in Index.Files)
        {
            if (!f.IsText || IsDocsSkipped(f) || f.Size > MaxDatasetMetaBytes)
            {
                continue;
            }

            var ext = f.Extension;
            if (ext is not (".json" or ".jsonld" or ".py" or ".yaml" or ".yml"))
            {
                continue;
            }

            string Head() => Text(f)?.Text is { } t ? t[..Math.Min(t.Length, ext == ".py" ? t.Length : DatasetMetaParser.SniffChars)] : string.Empty;
            if (!DatasetMetaParser.IsCandidate(f.Path, Head) || Text(f) is not { } text)
            {
                continue;
            }

            var meta = DatasetMetaParser.Parse(text);
            Report(meta.Diagnostics);
            result.AddRange(meta.Schemas);
        }

        return result.ToImmutable();
    }
}
