using System.Collections.Immutable;
using MLRepro.Formats.Dependencies;
using MLRepro.Formats.Yaml;
using MLRepro.Text;

namespace MLRepro.Formats.Containers;

/// <summary>Reads docker-compose.yml / compose.yaml: services, their images and builds, and GPU requests.</summary>
public static class ComposeParser
{
    /// <summary>Parses a compose file.</summary>
    public static ContainerDocument Parse(SourceText source)
    {
        var diags = new List<Diagnostic>();
        var images = ImmutableArray.CreateBuilder<ContainerImage>();
        var refs = ImmutableArray.CreateBuilder<string>();
        var services = ImmutableArray.CreateBuilder<string>();
        var gpu = false;
        int? gpuLine = null;
        var dir = source.Path.LastIndexOf('/') is var k and >= 0 ? source.Path[..k] : string.Empty;
        var root = YamlLoader.Load(source, diags, YamlReadOptions.Dependencies).Root;
        if (root is YamlMappingNode map && map.Get("services") is YamlMappingNode svcs)
        {
            foreach (var (name, _, value) in svcs.Entries)
            {
                services.Add(name);
                if (value is not YamlMappingNode svc)
                {
                    continue;
                }

                var build = svc.Get("build");
                if (svc.Get("image") is YamlScalarNode img && img.Value.Length > 0)
                {
                    // Next to `build:`, `image:` is the tag the build produces, not a base image pulled from a registry.
                    images.Add(ImageReferenceParser.Parse(img.Value, img.Line, isStageReference: build is not null));
                }

                if (build?.Scalar is { } ctx)
                {
                    refs.Add(Requirements.RequirementsParser.ResolveInclude(dir, ctx.TrimEnd('/') + "/Dockerfile"));
                }
                else if (build is YamlMappingNode b)
                {
                    var context = b.GetString("context") ?? ".";
                    var dockerfile = b.GetString("dockerfile") ?? "Dockerfile";
                    refs.Add(Requirements.RequirementsParser.ResolveInclude(dir, context.TrimEnd('/') + "/" + dockerfile));
                }

                if (FindGpu(svc) is { } line && !gpu)
                {
                    gpu = true;
                    gpuLine = line;
                }
            }
        }
        else if (root is not null)
        {
            diags.Add(new Diagnostic(source.Path, SourceSpan.At(root.Line), DiagnosticSeverity.Info, "compose.shape", "no 'services' mapping"));
        }

        var cuda = images.Select(i => i.CudaVersion).FirstOrDefault(c => c is not null);
        if (!gpu && images.FirstOrDefault(i => i.IsGpuImage) is { } gi)
        {
            gpu = true;
            gpuLine = gi.Line;
        }

        return new ContainerDocument(source.Path, ContainerKind.Compose, images.ToImmutable(), gpu, gpuLine, cuda, images.Select(i => i.PythonVersion).FirstOrDefault(p => p is not null),
            [], [.. refs.Distinct(StringComparer.Ordinal)], services.ToImmutable(), [.. diags]);
    }

    private static int? FindGpu(YamlMappingNode svc)
    {
        if (svc.Get("runtime") is YamlScalarNode { Value: "nvidia" } rt)
        {
            return rt.Line;
        }

        if (svc.Get("gpus") is { } g)
        {
            return g.Line;
        }

        if (svc.Get("deploy") is YamlMappingNode d && d.Get("resources") is YamlMappingNode r && r.Get("reservations") is YamlMappingNode res && res.Get("devices") is YamlSequenceNode devices)
        {
            foreach (var dev in devices.Items.OfType<YamlMappingNode>())
            {
                var caps = dev.Get("capabilities") is YamlSequenceNode c ? c.Items.Select(i => i.Scalar).ToList() : [];
                if (dev.GetString("driver") == "nvidia" || caps.Contains("gpu"))
                {
                    return dev.Line;
                }
            }
        }

        if (svc.Get("environment") is { } env)
        {
            var items = env is YamlMappingNode em ? em.Entries.Select(e => (e.Key + "=" + e.Value.Scalar, e.Line)) : env is YamlSequenceNode es ? es.Items.Select(i => (i.Scalar ?? string.Empty, i.Line)) : [];
            foreach (var (kv, line) in items)
            {
                if (kv.StartsWith("NVIDIA_VISIBLE_DEVICES=", StringComparison.Ordinal) && !kv.EndsWith("=void", StringComparison.Ordinal))
                {
                    return line;
                }
            }
        }

        return null;
    }
}
