using MLRepro.Text;

namespace MLRepro.Formats.Yaml;

/// <summary>How a reader treats Jinja template markers (`{{ x }}`, `{% if %}`, `{# #}`).</summary>
internal enum YamlJinja
{
    /// <summary>Read the text as it is (a `{{` usually becomes a flow mapping or a syntax error).</summary>
    Off,

    /// <summary>Neutralise the markers, keep expressions' text in scalars, and warn at the first marker ("yaml.jinja-template").</summary>
    Warn,

    /// <summary>
    /// Neutralise the markers, read expressions as <see cref="YamlReadOptions.JinjaPlaceholder"/> (their value is
    /// unknown statically), and note once without a position that tags were ignored ("yaml.template").
    /// </summary>
    Note,
}

/// <summary>
/// What one family of callers asks of <see cref="YamlLoader"/>: its limits (all named constants below) and the
/// diagnostic codes its tests and reports have always used. The presets are the only instances.
/// </summary>
internal sealed record YamlReadOptions
{
    /// <summary>Config files, pipelines and workflows: the default limits below.</summary>
    public static readonly YamlReadOptions Config = new();

    /// <summary>Dependency and container files (environment.yml, conda-lock, compose, cog, CI runtimes).</summary>
    public static readonly YamlReadOptions Dependencies = new()
    {
        MaxDepth = DependenciesMaxDepth,
        MaxExpandedNodes = DependenciesMaxExpandedNodes,
        MaxNodes = DependenciesMaxExpandedNodes,
        MaxChars = int.MaxValue, // the index caps file sizes; conda-lock files run to several megabytes
        SingleDocument = true,
        KeepRepeatedKeys = true,
        DepthCode = "yaml.too-deep",
        Jinja = YamlJinja.Note,
        ReportControlCharacters = true,
        SyntaxMessagePrefix = string.Empty,
        DuplicateKeyMessage = "duplicate key '{0}'; the last value is used",
    };

    /// <summary>Markdown front matter (model and dataset cards).</summary>
    public static readonly YamlReadOptions FrontMatter = new()
    {
        MaxNodes = FrontMatterMaxNodes,
        MaxAliases = FrontMatterMaxAliases,
        SingleDocument = true,
        KeepRepeatedKeys = true,
        ReportDuplicateKeys = false,
        MergeKeys = false,
        DepthCode = "yaml.too-deep",
        DepthSeverity = DiagnosticSeverity.Warning,
        LimitCode = "yaml.limit",
        Jinja = YamlJinja.Off,
        SyntaxMessagePrefix = "invalid YAML: ",
    };

    /// <summary>Default deepest nesting; deeper nodes are dropped (the loader is iterative, but consumers recurse).</summary>
    public const int DefaultMaxDepth = 64;

    /// <summary>Default most nodes an alias-expanded document may reach ("billion laughs" guard).</summary>
    public const long DefaultMaxExpandedNodes = 100_000;

    /// <summary>Default most documents read from one multi-document stream.</summary>
    public const int DefaultMaxDocuments = 1_000;

    /// <summary>
    /// Default largest text read: YamlDotNet scans about a megabyte a second, and hand-written configs, pipelines
    /// and workflows are far smaller (a 3,000-stage dvc.lock is about 1 MB).
    /// </summary>
    public const int DefaultMaxChars = 2_000_000;

    /// <summary>Dependency files: deepest nesting (lock files nest deeper than configs).</summary>
    public const int DependenciesMaxDepth = 128;

    /// <summary>Dependency files: most nodes, built or reached through aliases (conda-lock files are large).</summary>
    public const long DependenciesMaxExpandedNodes = 200_000;

    /// <summary>Front matter: most nodes built.</summary>
    public const long FrontMatterMaxNodes = 100_000;

    /// <summary>Front matter: most alias references (alias bombs multiply through references).</summary>
    public const int FrontMatterMaxAliases = 100;

    /// <summary>What a Jinja expression reads as under <see cref="YamlJinja.Note"/>; values containing it are unknown.</summary>
    public const string JinjaPlaceholder = "__jinja__";

    /// <summary>Deepest nesting of collections kept.</summary>
    public int MaxDepth { get; init; } = DefaultMaxDepth;

    /// <summary>Most nodes reachable once aliases are expanded; an alias past it reads as null.</summary>
    public long MaxExpandedNodes { get; init; } = DefaultMaxExpandedNodes;

    /// <summary>Most nodes built or reached through aliases before reading stops; 0: no such limit.</summary>
    public long MaxNodes { get; init; }

    /// <summary>Most alias references before reading stops; 0: no such limit.</summary>
    public int MaxAliases { get; init; }

    /// <summary>Most documents of a multi-document stream.</summary>
    public int MaxDocuments { get; init; } = DefaultMaxDocuments;

    /// <summary>Longer texts are not read.</summary>
    public int MaxChars { get; init; } = DefaultMaxChars;

    /// <summary>Read only the first document (the rest of the stream is not parsed).</summary>
    public bool SingleDocument { get; init; }

    /// <summary>Repeated mapping keys keep their earlier entries (<see cref="YamlMappingNode.Append"/>) instead of being replaced.</summary>
    public bool KeepRepeatedKeys { get; init; }

    /// <summary>Whether repeated mapping keys are diagnosed ("yaml.duplicate-key").</summary>
    public bool ReportDuplicateKeys { get; init; } = true;

    /// <summary>Whether merge keys (`&lt;&lt;: *base`) copy the base mapping's entries.</summary>
    public bool MergeKeys { get; init; } = true;

    /// <summary>Diagnostic code for nesting past <see cref="MaxDepth"/>.</summary>
    public string DepthCode { get; init; } = "yaml.depth-limit";

    /// <summary>Severity of nesting past <see cref="MaxDepth"/>.</summary>
    public DiagnosticSeverity DepthSeverity { get; init; } = DiagnosticSeverity.Error;

    /// <summary>
    /// When set, the code (a warning) for every count limit: expansion, nodes, aliases. Otherwise expansion is
    /// "yaml.alias-limit" and node count "yaml.too-large", both errors.
    /// </summary>
    public string? LimitCode { get; init; }

    /// <summary>Jinja handling.</summary>
    public YamlJinja Jinja { get; init; } = YamlJinja.Warn;

    /// <summary>Whether C0 control characters (forbidden in YAML) are reported ("yaml.control-character").</summary>
    public bool ReportControlCharacters { get; init; }

    /// <summary>Put before the parser's message in "yaml.syntax" diagnostics.</summary>
    public string SyntaxMessagePrefix { get; init; } = "YAML syntax error: ";

    /// <summary>Message of "yaml.duplicate-key": {0} the key, {1} the line of its first occurrence.</summary>
    public string DuplicateKeyMessage { get; init; } = "duplicate key '{0}' (first on line {1}); the last value is kept, as PyYAML does";
}
