using MLRepro.Checks;
using MLRepro.Formats.MLreproConfig;

namespace MLRepro.Model;

/// <summary>mlrepro's own settings for the project (.mlrepro.yaml, else [tool.mlrepro] in pyproject.toml).</summary>
public sealed partial class ProjectModel
{
    private MLreproConfigDocument? _mlreproConfig;

    /// <summary>Maintainers' criterion overrides and other mlrepro settings.</summary>
    public MLreproConfigDocument MLreproConfig => Once(ref _mlreproConfig, () =>
    {
        var known = CheckRegistry.All.Select(c => c.Info.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var name in new[] { ".mlrepro.yaml", ".mlrepro.yml" })
        {
            if (Text(name) is { } yaml)
            {
                var doc = MLreproConfigParser.ParseYaml(yaml, known);
                Report(doc.Diagnostics);
                return doc;
            }
        }

        if (Text("pyproject.toml") is { } toml && toml.Text.Contains("[tool.mlrepro", StringComparison.Ordinal))
        {
            var doc = MLreproConfigParser.ParsePyProject(toml, known);
            // The rest of pyproject.toml is the dependency parser's; only report what concerns mlrepro's table.
            Report(doc.Diagnostics.Where(d => d.Code.StartsWith("mlrepro-config.", StringComparison.Ordinal)));
            return doc;
        }

        return MLreproConfigDocument.Empty;
    });
}
