using MLRepro.Formats.Config;
using MLRepro.Formats.Yaml;
using MLRepro.Text;

namespace MLRepro.Formats.MLproject;

/// <summary>Parses an MLflow MLproject file (YAML). Never throws on content.</summary>
public static class MLprojectParser
{
    /// <summary>Parses one MLproject file.</summary>
    public static MLprojectDocument Parse(SourceText source)
    {
        var diags = new List<Diagnostic>();
        var root = YamlLoader.Load(source, diags).RootMapping;
        var entries = new List<MLprojectEntryPoint>();
        string? envKind = null, env = null;
        foreach (var kind in new[] { "python_env", "conda_env", "docker_env" })
        {
            if (root?[kind] is { } e)
            {
                envKind = kind;
                env = e is YamlMappingNode dm ? Str(dm["image"]) : Str(e);
            }
        }

        if (root?["entry_points"] is YamlMappingNode eps)
        {
            foreach (var (name, line, node) in eps.Entries)
            {
                var def = node as YamlMappingNode;
                var ps = new List<MLprojectParameter>();
                if (def?["parameters"] is YamlMappingNode pm)
                {
                    foreach (var (p, l, v) in pm.Entries)
                    {
                        // Short form `alpha: float`, long form `alpha: {type: float, default: 0.1}`.
                        ps.Add(v is YamlMappingNode vm ? new MLprojectParameter(p, Str(vm["type"]) ?? "string", Str(vm["default"]), l) : new MLprojectParameter(p, Str(v) ?? "string", null, l));
                    }
                }

                var cmd = Str(def?["command"]);
                if (cmd is null)
                {
                    diags.Add(new Diagnostic(source.Path, SourceSpan.At(line), DiagnosticSeverity.Warning, "mlproject.no-command", $"entry point '{name}' has no command"));
                }

                entries.Add(new MLprojectEntryPoint(name, cmd, line, ps));
            }
        }
        else
        {
            diags.Add(new Diagnostic(source.Path, SourceSpan.At(1), DiagnosticSeverity.Warning, "mlproject.no-entry-points", "MLproject has no entry_points mapping"));
        }

        return new MLprojectDocument(source.Path, Str(root?["name"]), envKind, env, entries, diags);
    }

    private static string? Str(YamlNode? n) => n is YamlScalarNode s && !s.IsNull ? s.Value : null;
}
