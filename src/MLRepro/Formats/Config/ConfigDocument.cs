using MLRepro.Text;

namespace MLRepro.Formats.Config;

/// <summary>The syntax a configuration file is written in.</summary>
public enum ConfigFormat
{
    /// <summary>YAML (1.2 core schema, with YAML 1.1 booleans diagnosed).</summary>
    Yaml,
    /// <summary>JSON (comments and trailing commas tolerated).</summary>
    Json,
    /// <summary>TOML.</summary>
    Toml,
    /// <summary>INI / .cfg (configparser style).</summary>
    Ini,
    /// <summary>Dotenv KEY=VALUE lines.</summary>
    Env,
    /// <summary>A Python module of plain assignments (classified only; parsed by the Python analysis).</summary>
    Python,
    /// <summary>gin-config bindings (<c>*.gin</c>: <c>configurable.parameter = value</c>).</summary>
    Gin,
}

/// <summary>What a configuration file is for.</summary>
public enum ConfigRole
{
    /// <summary>A parameter file (params.yaml, or one a pipeline references).</summary>
    Params,
    /// <summary>A general configuration file (config*.yaml, files under config/ folders).</summary>
    General,
    /// <summary>Hyperparameters (hparams*, hyperparams*).</summary>
    Hyperparameters,
    /// <summary>A Hydra primary config or config-group option.</summary>
    Hydra,
    /// <summary>A dotenv file (.env, .env.example).</summary>
    Environment,
    /// <summary>Kedro parameters (conf/*/parameters*.yml).</summary>
    KedroParameters,
    /// <summary>A Python config module (config/*.py); left to the Python analysis.</summary>
    PythonConfig,
}

/// <summary>The typed literal of a configuration value.</summary>
public enum ConfigValueKind
{
    /// <summary>Text.</summary>
    String,
    /// <summary>An integer or floating-point number.</summary>
    Number,
    /// <summary>true or false.</summary>
    Bool,
    /// <summary>null / ~ / empty.</summary>
    Null,
    /// <summary>A list of scalars (see <see cref="ConfigEntry.Items"/>).</summary>
    List,
    /// <summary>An empty mapping (non-empty ones are flattened into their keys).</summary>
    Map,
}

/// <summary>One flattened configuration value.</summary>
/// <param name="KeyPath">Dotted key path ("train.optimizer.lr"; list items as "layers[0].size").</param>
/// <param name="Value">The value as written (lists as "[a, b]"); null for null values.</param>
/// <param name="Kind">Typed literal.</param>
/// <param name="Line">1-based line of the key.</param>
/// <param name="Items">For lists of scalars, the items.</param>
public sealed record ConfigEntry(string KeyPath, string? Value, ConfigValueKind Kind, int Line, IReadOnlyList<string>? Items = null);

/// <summary>One item of a Hydra defaults list ("- db: mysql", "- override hydra/launcher: joblib", "- _self_").</summary>
/// <param name="Group">Config group (null for a plain config name such as _self_).</param>
/// <param name="Option">Chosen option (or the config name).</param>
/// <param name="Line">1-based line.</param>
/// <param name="Optional">Written as "optional group: option".</param>
/// <param name="Override">Written as "override group: option".</param>
public sealed record HydraDefault(string? Group, string? Option, int Line, bool Optional = false, bool Override = false);

/// <summary>A parsed configuration file, flattened into key paths.</summary>
/// <param name="Path">Repository-relative path.</param>
/// <param name="Format">Syntax.</param>
/// <param name="Role">Purpose.</param>
/// <param name="Entries">Flattened values in file order.</param>
/// <param name="Diagnostics">Problems met while parsing.</param>
public sealed record ConfigFile(string Path, ConfigFormat Format, ConfigRole Role, IReadOnlyList<ConfigEntry> Entries, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Number of YAML documents (1 for other formats).</summary>
    public int Documents { get; init; } = 1;

    /// <summary>Hydra defaults list, when the file has one.</summary>
    public IReadOnlyList<HydraDefault>? HydraDefaults { get; init; }

    /// <summary>For a Hydra config-group option, its group ("model", "db/replica").</summary>
    public string? HydraGroup { get; init; }

    /// <summary>For a Hydra config-group option, its option name (the file stem).</summary>
    public string? HydraOption { get; init; }

    /// <summary>Looks an entry up by key path (last wins, as loaders do).</summary>
    public ConfigEntry? Find(string keyPath) => Entries.LastOrDefault(e => e.KeyPath == keyPath);
}

/// <summary>Why a file is or is not a configuration file.</summary>
/// <param name="Format">Syntax when it is one.</param>
/// <param name="Role">Purpose when it is one.</param>
/// <param name="ExcludedReason">Why it is not one (null when it is).</param>
/// <param name="NeedsContentCheck">INI/.cfg files outside config folders count only with ML-ish sections.</param>
public sealed record ConfigClassification(ConfigFormat Format, ConfigRole Role, string? ExcludedReason, bool NeedsContentCheck = false)
{
    /// <summary>Whether the file is a configuration candidate.</summary>
    public bool IsConfig => ExcludedReason is null;
}
