using System.Collections.Immutable;
using System.Text.Json.Serialization;
using MLRepro.Text;

namespace MLRepro.Formats.DataTracking;

/// <summary>What a data source reference points at.</summary>
public enum DataSourceKind
{
    /// <summary>An http(s)/ftp URL to a data file (.csv, .parquet, .zip, .tar.gz, .npz, .h5, .jsonl, …).</summary>
    DataUrl,
    /// <summary>An object-store URI (s3://, gs://, az://, abfss://, wasbs://).</summary>
    ObjectStore,
    /// <summary>A Hugging Face dataset id (load_dataset("owner/name"), hf://datasets/…, huggingface.co/datasets/…, repo_type="dataset").</summary>
    HuggingFaceDataset,
    /// <summary>A Hugging Face model repository downloaded by code (hf_hub_download, huggingface-cli download).</summary>
    HuggingFaceModel,
    /// <summary>load_dataset with a packaged builder over local files ("csv", "json", "imagefolder", a path).</summary>
    HuggingFaceFiles,
    /// <summary>A Kaggle dataset (owner/name).</summary>
    KaggleDataset,
    /// <summary>A Kaggle competition's data.</summary>
    KaggleCompetition,
    /// <summary>A lakeFS URI (lakefs://repo/ref/path).</summary>
    LakeFs,
    /// <summary>A library's built-in, retrievable standard dataset (torchvision, keras, sklearn, tfds, torchtext, torchaudio).</summary>
    StandardDataset,
    /// <summary>A file host link (Google Drive, Dropbox, Zenodo, Figshare, OSF, OneDrive, Box).</summary>
    FileHost,
    /// <summary>A URL fetched by wget, curl, gdown or aria2c (any extension).</summary>
    HttpDownload,
    /// <summary>`dvc get` / `dvc import` from another repository.</summary>
    DvcGet,
    /// <summary>`dolt clone` of a Dolt database.</summary>
    Dolt,
}

/// <summary>A reference to where data comes from, found by a light textual (regex) scan.</summary>
/// <param name="Kind">What it points at.</param>
/// <param name="Value">The id, URI or URL (normalised: trailing punctuation removed).</param>
/// <param name="Path">File it was found in.</param>
/// <param name="Line">1-based line (for notebooks, the line of the .ipynb JSON).</param>
/// <param name="Snippet">The line, trimmed and shortened.</param>
public sealed record DataSource(DataSourceKind Kind, string Value, string Path, int Line, string Snippet);

/// <summary>A .gitattributes line that routes files through Git LFS.</summary>
/// <param name="File">The .gitattributes file.</param>
/// <param name="Pattern">The path pattern as written.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Attributes">The attributes as written (filter=lfs diff=lfs merge=lfs -text).</param>
public sealed record LfsPattern(string File, string Pattern, int Line, string Attributes);

/// <summary>A Git LFS pointer file.</summary>
/// <param name="Path">The pointer's path (what the real file would be).</param>
/// <param name="Oid">sha256 object id, when valid.</param>
/// <param name="Size">Size of the real object in bytes, when valid.</param>
/// <param name="Valid">Whether version, oid and size are all well formed.</param>
public sealed record LfsPointer(string Path, string? Oid, long? Size, bool Valid);

/// <summary>A path tracked by a data-versioning tool, declared elsewhere (for example a *.dvc file's outs).</summary>
/// <param name="Tool">"dvc" (others may follow).</param>
/// <param name="Path">The tracked path, repository-relative.</param>
/// <param name="Source">The file that declares it.</param>
/// <param name="Line">1-based line in the source, when known.</param>
public sealed record TrackedPath(string Tool, string Path, string Source, int? Line);

/// <summary>How a project's data is versioned and where it comes from.</summary>
/// <param name="LfsPatterns">LFS patterns of every .gitattributes.</param>
/// <param name="LfsPointers">LFS pointer files.</param>
/// <param name="LakeFsConfigs">.lakectl.yaml files.</param>
/// <param name="DoltRepos">Folders holding a .dolt database.</param>
/// <param name="DownloadScripts">Files whose name says they download or fetch data.</param>
/// <param name="Sources">Data source references found in text.</param>
/// <param name="DvcOuts">Paths tracked by *.dvc files. Empty here: the DVC parser lives elsewhere and the model adds them.</param>
/// <param name="Diagnostics">Problems met.</param>
public sealed record DataTrackingDocument(
    ImmutableArray<LfsPattern> LfsPatterns,
    ImmutableArray<LfsPointer> LfsPointers,
    ImmutableArray<string> LakeFsConfigs,
    ImmutableArray<string> DoltRepos,
    ImmutableArray<string> DownloadScripts,
    ImmutableArray<DataSource> Sources,
    ImmutableArray<TrackedPath> DvcOuts,
    ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>A document with nothing found.</summary>
    public static DataTrackingDocument Empty { get; } = new([], [], [], [], [], [], [], []);

    /// <summary>Retrievable standard datasets (torchvision, keras, sklearn, tfds…).</summary>
    [JsonIgnore]
    public IEnumerable<DataSource> StandardDatasets => Sources.Where(s => s.Kind == DataSourceKind.StandardDataset);

    /// <summary>Whether any data versioning (LFS, DVC, lakeFS, Dolt) is in use.</summary>
    public bool HasVersioning => !LfsPatterns.IsEmpty || !LfsPointers.IsEmpty || !DvcOuts.IsEmpty || !LakeFsConfigs.IsEmpty || !DoltRepos.IsEmpty
        || Sources.Any(s => s.Kind is DataSourceKind.LakeFs or DataSourceKind.Dolt or DataSourceKind.DvcGet);

    /// <summary>Whether a repository path matches an LFS pattern (gitattributes glob rules, later lines win is ignored: any match counts).</summary>
    public bool IsLfsTracked(string path) => LfsPatterns.Any(p => DataTrackingParser.GitAttributesMatch(p, path));
}
