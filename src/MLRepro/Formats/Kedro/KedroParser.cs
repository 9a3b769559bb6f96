using System.Text.RegularExpressions;
using MLRepro.Formats.Config;
using MLRepro.Formats.Yaml;
using MLRepro.Text;

namespace MLRepro.Formats.Kedro;

/// <summary>Reads Kedro's data catalog and recognises a Kedro project's pipeline layout from paths.</summary>
public static partial class KedroParser
{
    /// <summary>Whether a path is a Kedro catalog file (conf/&lt;env&gt;/catalog*.yml or conf/&lt;env&gt;/catalog/**.yml).</summary>
    public static bool IsCatalog(string path) => CatalogPath().IsMatch(path);

    /// <summary>Parses one catalog file. Entries whose names start with '_' are YAML anchors for reuse, not datasets.</summary>
    public static KedroCatalogDocument ParseCatalog(SourceText source)
    {
        var diags = new List<Diagnostic>();
        var env = CatalogPath().Match(source.Path) is { Success: true } m ? m.Groups[1].Value : string.Empty;
        var list = new List<KedroDataset>();
        var root = YamlLoader.Load(source, diags).RootMapping;
        foreach (var (name, line, node) in root?.Entries ?? [])
        {
            if (name.StartsWith('_'))
            {
                continue;
            }

            if (node is not YamlMappingNode def)
            {
                diags.Add(new Diagnostic(source.Path, SourceSpan.At(line), DiagnosticSeverity.Warning, "kedro.dataset-shape", $"catalog entry '{name}' is not a mapping"));
                continue;
            }

            var path = Str(def["filepath"]) ?? Str(def["path"]) ?? Str(def["filename"]);
            list.Add(new KedroDataset(name, Str(def["type"]), path, line, def["versioned"] is YamlScalarNode { Value: "true" or "True" }));
        }

        return new KedroCatalogDocument(source.Path, env, list, diags);
    }

    /// <summary>Recognises the registry and modular pipelines among repository paths.</summary>
    public static KedroProject? DetectProject(IEnumerable<string> paths, IReadOnlyList<KedroCatalogDocument> catalogs)
    {
        string? registry = null;
        var pipelines = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var p in paths)
        {
            if (Registry().IsMatch(p))
            {
                registry ??= p;
            }
            else if (PipelineFolder().Match(p) is { Success: true } m)
            {
                pipelines.Add(m.Groups[1].Value);
            }
        }

        return registry is null && catalogs.Count == 0 ? null : new KedroProject(registry, [.. pipelines], catalogs);
    }

    private static string? Str(YamlNode? n) => n is YamlScalarNode s && !s.IsNull ? s.Value : null;

    [GeneratedRegex(@"^conf/([^/]+)/(catalog[^/]*\.ya?ml|catalog/.+\.ya?ml)$")]
    private static partial Regex CatalogPath();

    [GeneratedRegex(@"^src/[^/]+/pipeline_registry\.py$")]
    private static partial Regex Registry();

    [GeneratedRegex(@"^src/[^/]+/pipelines/([^/_][^/]*)/[^/]+\.py$")]
    private static partial Regex PipelineFolder();
}
