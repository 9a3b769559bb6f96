using MLRepro.Text;

namespace MLRepro.Formats.Kedro;

/// <summary>A Kedro data-catalog entry.</summary>
public sealed record KedroDataset(string Name, string? Type, string? FilePath, int Line, bool Versioned);

/// <summary>A parsed Kedro catalog (conf/&lt;env&gt;/catalog*.yml).</summary>
public sealed record KedroCatalogDocument(string Path, string Environment, IReadOnlyList<KedroDataset> Datasets, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>A Kedro project as seen from its files (pipeline code is Python: only its presence is recorded).</summary>
/// <param name="RegistryPath">src/&lt;package&gt;/pipeline_registry.py, when present.</param>
/// <param name="Pipelines">Modular pipeline folders (src/&lt;package&gt;/pipelines/&lt;name&gt;).</param>
public sealed record KedroProject(string? RegistryPath, IReadOnlyList<string> Pipelines, IReadOnlyList<KedroCatalogDocument> Catalogs);
