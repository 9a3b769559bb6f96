using System.Collections.Immutable;
using MLRepro.Formats.Dependencies;
using MLRepro.Formats.Yaml;
using MLRepro.Text;

namespace MLRepro.Formats.Containers;

/// <summary>Reads Replicate's cog.yaml: build.gpu, cuda, python_version, python_packages, python_requirements and predict.</summary>
public static class CogParser
{
    /// <summary>Parses a cog.yaml.</summary>
    public static ContainerDocument Parse(SourceText source)
    {
        var diags = new List<Diagnostic>();
        var packages = ImmutableArray.CreateBuilder<Dependency>();
        var refs = ImmutableArray.CreateBuilder<string>();
        string? python = null;
        int? pythonLine = null;
        string? cuda = null;
        var gpu = false;
        int? gpuLine = null;
        var dir = source.Path.LastIndexOf('/') is var k and >= 0 ? source.Path[..k] : string.Empty;
        var root = YamlLoader.Load(source, diags, YamlReadOptions.Dependencies).Root;
        if (root is YamlMappingNode map)
        {
            if (map.Get("build") is YamlMappingNode build)
            {
                if (build.Get("gpu") is YamlScalarNode { Value: "true" or "True" or "yes" } g)
                {
                    gpu = true;
                    gpuLine = g.Line;
                }

                cuda = build.GetString("cuda");
                python = build.GetString("python_version");
                pythonLine = build.Get("python_version")?.Line;
                if (build.Get("python_packages") is YamlSequenceNode pkgs)
                {
                    foreach (var p in pkgs.Items)
                    {
                        if (p.Scalar is not { } s)
                        {
                            continue;
                        }

                        if (PipRequirementToken.Parse(s, source.Path, p.Line, DependencyKind.Manifest, false, null, out var error) is { } d)
                        {
                            packages.Add(d);
                        }
                        else
                        {
                            diags.Add(new Diagnostic(source.Path, SourceSpan.At(p.Line), DiagnosticSeverity.Warning, "cog.requirement", error ?? "unreadable requirement"));
                        }
                    }
                }

                if (build.GetString("python_requirements") is { } req)
                {
                    refs.Add(Requirements.RequirementsParser.ResolveInclude(dir, req));
                }

                if (build.Get("run") is YamlSequenceNode run)
                {
                    foreach (var r in run.Items)
                    {
                        var cmd = r.Scalar ?? (r as YamlMappingNode)?.GetString("command");
                        if (cmd is not null)
                        {
                            packages.AddRange(PipInstallParser.Parse(cmd.Replace("\\\n", " ", StringComparison.Ordinal), source.Path, r.Line).SelectMany(c => c.Packages));
                        }
                    }
                }
            }

            if (map.GetString("predict") is { } predict)
            {
                var file = predict.Split(':')[0];
                refs.Add(Requirements.RequirementsParser.ResolveInclude(dir, file));
            }
        }

        return new ContainerDocument(source.Path, ContainerKind.Cog, [], gpu, gpuLine, cuda, python, packages.ToImmutable(), [.. refs.Distinct(StringComparer.Ordinal)], [], [.. diags], null, pythonLine);
    }
}
