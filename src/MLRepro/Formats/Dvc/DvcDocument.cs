using System.Text.Json.Serialization;
using MLRepro.Formats.Config;
using MLRepro.Text;

namespace MLRepro.Formats.Dvc;

/// <summary>A path a DVC stage reads or writes, repository-relative (wdir and the dvc.yaml folder applied).</summary>
/// <param name="Path">Repository-relative path ('/' separators).</param>
/// <param name="Line">1-based line.</param>
/// <param name="Cache">DVC caches it (outs default true; `cache: false` for metrics kept in git).</param>
/// <param name="Persist">Kept between runs (`persist: true`).</param>
public sealed record DvcPath(string Path, int Line, bool Cache = true, bool Persist = false);

/// <summary>A parameter a stage depends on.</summary>
/// <param name="File">Parameter file (params.yaml by default), repository-relative.</param>
/// <param name="Key">Dotted key; null when the whole file is a dependency.</param>
/// <param name="Line">1-based line.</param>
public sealed record DvcParam(string File, string? Key, int Line);

/// <summary>One stage of dvc.yaml; foreach/matrix stages appear once per instance, named "name@key".</summary>
public sealed record DvcStage(string Name, IReadOnlyList<string> Commands, int Line, string Wdir, IReadOnlyList<DvcPath> Deps, IReadOnlyList<DvcPath> Outs, IReadOnlyList<DvcParam> Params, IReadOnlyList<DvcPath> Metrics, IReadOnlyList<DvcPath> Plots)
{
    /// <summary>For an expanded foreach/matrix instance, the stage it came from.</summary>
    public string? Template { get; init; }

    /// <summary>`frozen: true`: DVC never re-runs it.</summary>
    public bool Frozen { get; init; }

    /// <summary>`always_changed: true`.</summary>
    public bool AlwaysChanged { get; init; }
}

/// <summary>A parsed dvc.yaml.</summary>
public sealed record DvcPipelineDocument(string Path, IReadOnlyList<DvcStage> Stages, IReadOnlyList<string> VarsFiles, IReadOnlyList<DvcPath> Metrics, IReadOnlyList<DvcPath> Plots, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>A file recorded by dvc.lock or a .dvc file, with its content hash.</summary>
/// <param name="Path">Path as recorded (relative to the recording file's folder).</param>
/// <param name="Md5">md5 (a ".dir" suffix marks a directory).</param>
/// <param name="HashName">`hash:` (md5 in DVC 3).</param>
/// <param name="Size">Bytes.</param>
/// <param name="NFiles">Files in a directory output.</param>
/// <param name="Line">1-based line.</param>
public sealed record DvcHashedPath(string Path, string? Md5, string? HashName, long? Size, int? NFiles, int Line)
{
    /// <summary>Whether DVC recorded a content hash.</summary>
    public bool HasHash => !string.IsNullOrEmpty(Md5);
}

/// <summary>A parameter value recorded by dvc.lock.</summary>
public sealed record DvcLockParam(string File, string Key, string? Value, ConfigValueKind Kind, int Line);

/// <summary>One stage of dvc.lock.</summary>
public sealed record DvcLockStage(string Name, string? Command, int Line, IReadOnlyList<DvcHashedPath> Deps, IReadOnlyList<DvcHashedPath> Outs, IReadOnlyList<DvcLockParam> Params);

/// <summary>A parsed dvc.lock.</summary>
public sealed record DvcLockDocument(string Path, string? Schema, IReadOnlyList<DvcLockStage> Stages, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>A dependency of a .dvc file: an import from another repository or a URL.</summary>
public sealed record DvcImport(string Path, string? RepoUrl, string? Rev, string? RevLock, string? Md5, int Line);

/// <summary>A parsed *.dvc pointer file.</summary>
public sealed record DvcFileDocument(string Path, IReadOnlyList<DvcHashedPath> Outs, IReadOnlyList<DvcImport> Deps, bool Frozen, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>A DVC remote.</summary>
/// <param name="Name">The remote's name.</param>
/// <param name="Url">Its URL (s3://bucket/path, https://…, a local folder).</param>
/// <param name="Line">The line of its section.</param>
/// <param name="AllowsAnonymous">Whether it is set to fall back to anonymous access (allow_anonymous_login = true): a public bucket.</param>
public sealed record DvcRemote(string Name, string? Url, int Line, bool AllowsAnonymous = false)
{
    /// <summary>
    /// Whether pulling from it needs credentials that a stranger does not have: a cloud bucket or a server reached with the
    /// owner's keys (s3, gs, azure, ssh, hdfs, oss…), unless anonymous access is allowed. HTTP(S) remotes (a public
    /// bucket's web address, DagsHub) can be read by anyone.
    /// </summary>
    [JsonIgnore]
    public bool NeedsCredentials =>
        !AllowsAnonymous && Url is { } u && u.IndexOf("://", StringComparison.Ordinal) is > 0 and var i
        && u[..i].ToLowerInvariant() is "s3" or "gs" or "gcs" or "azure" or "az" or "ssh" or "sftp" or "hdfs" or "webhdfs" or "oss";
}

/// <summary>A parsed .dvc/config.</summary>
public sealed record DvcConfigDocument(string Path, string? DefaultRemote, IReadOnlyList<DvcRemote> Remotes, IReadOnlyList<Diagnostic> Diagnostics);
