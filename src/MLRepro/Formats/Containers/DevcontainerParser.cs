using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using MLRepro.Text;

namespace MLRepro.Formats.Containers;

/// <summary>
/// Reads .devcontainer/devcontainer.json (JSON with comments and trailing commas): image, build.dockerfile,
/// features (python version, nvidia-cuda), hostRequirements.gpu and --gpus run arguments.
/// </summary>
public static partial class DevcontainerParser
{
    /// <summary>Deepest JSON nesting accepted.</summary>
    public const int MaxDepth = 64;

    /// <summary>Parses a devcontainer.json.</summary>
    public static ContainerDocument Parse(SourceText source)
    {
        var diags = new List<Diagnostic>();
        var images = ImmutableArray.CreateBuilder<ContainerImage>();
        var refs = ImmutableArray.CreateBuilder<string>();
        string? python = null;
        int? pythonLine = null;
        string? cuda = null;
        var gpu = false;
        int? gpuLine = null;
        var dir = source.Path.LastIndexOf('/') is var k and >= 0 ? source.Path[..k] : string.Empty;
        try
        {
            using var doc = JsonDocument.Parse(source.Text, new JsonDocumentOptions { MaxDepth = MaxDepth, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (Str(root, "image") is { } image)
                {
                    images.Add(ImageReferenceParser.Parse(image, LineOf(source, "\"image\"")));
                }

                var build = root.TryGetProperty("build", out var b) && b.ValueKind == JsonValueKind.Object ? b : default;
                var dockerfile = build.ValueKind == JsonValueKind.Object ? Str(build, "dockerfile") : Str(root, "dockerFile");
                if (dockerfile is not null)
                {
                    var context = build.ValueKind == JsonValueKind.Object ? Str(build, "context") : null;
                    _ = context; // dockerfile paths are relative to devcontainer.json, not to the context
                    refs.Add(Requirements.RequirementsParser.ResolveInclude(dir, dockerfile));
                }

                if (Str(root, "dockerComposeFile") is { } compose)
                {
                    refs.Add(Requirements.RequirementsParser.ResolveInclude(dir, compose));
                }

                if (root.TryGetProperty("features", out var features) && features.ValueKind == JsonValueKind.Object)
                {
                    foreach (var f in features.EnumerateObject())
                    {
                        var id = f.Name.ToLowerInvariant();
                        var version = f.Value.ValueKind == JsonValueKind.Object ? Str(f.Value, "version") : f.Value.ValueKind == JsonValueKind.String ? f.Value.GetString() : null;
                        if (FeatureName().Match(id) is { Success: true } m && m.Groups[1].Value == "python")
                        {
                            if (python is null && version is not null and not "latest" and not "os-provided")
                            {
                                python = version;
                                pythonLine = LineOf(source, f.Name);
                            }
                        }
                        else if (id.Contains("nvidia-cuda", StringComparison.Ordinal))
                        {
                            gpu = true;
                            gpuLine ??= LineOf(source, f.Name);
                            cuda ??= f.Value.ValueKind == JsonValueKind.Object ? Str(f.Value, "cudaVersion") : null;
                        }
                    }
                }

                if (root.TryGetProperty("hostRequirements", out var host) && host.ValueKind == JsonValueKind.Object && host.TryGetProperty("gpu", out var g)
                    && (g.ValueKind == JsonValueKind.True || (g.ValueKind == JsonValueKind.String && g.GetString() is "optional" or "true") || g.ValueKind == JsonValueKind.Object))
                {
                    gpu = true;
                    gpuLine ??= LineOf(source, "\"gpu\"");
                }

                if (root.TryGetProperty("runArgs", out var runArgs) && runArgs.ValueKind == JsonValueKind.Array)
                {
                    foreach (var a in runArgs.EnumerateArray())
                    {
                        if (a.ValueKind == JsonValueKind.String && a.GetString() is { } s && (s.StartsWith("--gpus", StringComparison.Ordinal) || s == "--runtime=nvidia"))
                        {
                            gpu = true;
                            gpuLine ??= LineOf(source, "--gpus");
                        }
                    }
                }
            }
            else
            {
                diags.Add(new Diagnostic(source.Path, SourceSpan.At(1), DiagnosticSeverity.Warning, "devcontainer.shape", "devcontainer.json is not a JSON object"));
            }
        }
        catch (JsonException e)
        {
            diags.Add(new Diagnostic(source.Path, SourceSpan.At((int)(e.LineNumber ?? 0) + 1), DiagnosticSeverity.Error, "devcontainer.syntax", e.Message));
        }

        foreach (var i in images)
        {
            cuda ??= i.CudaVersion;
            python ??= i.PythonVersion;
            if (i.IsGpuImage && !gpu)
            {
                gpu = true;
                gpuLine = i.Line;
            }
        }

        return new ContainerDocument(source.Path, ContainerKind.Devcontainer, images.ToImmutable(), gpu, gpuLine, cuda, python, [], [.. refs.Distinct(StringComparer.Ordinal)], [], [.. diags], null, pythonLine);
    }

    private static string? Str(JsonElement e, string key) => e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int LineOf(SourceText source, string needle)
    {
        var i = source.Text.IndexOf(needle, StringComparison.Ordinal);
        return i < 0 ? 0 : source.GetPosition(i).Line;
    }

    // ghcr.io/devcontainers/features/python:1 → "python"
    [GeneratedRegex(@"/features/([a-z0-9-]+)(?::|$)")]
    private static partial Regex FeatureName();
}
