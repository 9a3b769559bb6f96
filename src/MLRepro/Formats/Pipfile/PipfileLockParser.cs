using System.Collections.Immutable;
using System.Text.Json;
using MLRepro.Formats.Dependencies;
using MLRepro.Formats.Toml;
using MLRepro.Text;

namespace MLRepro.Formats.Pipfile;

/// <summary>Reads Pipfile.lock (JSON): "default" and "develop" packages with versions, hashes and markers.</summary>
public static class PipfileLockParser
{
    /// <summary>Deepest JSON nesting accepted.</summary>
    public const int MaxDepth = 64;

    /// <summary>Parses a Pipfile.lock.</summary>
    public static DependencyFileDocument Parse(SourceText source)
    {
        var diags = new List<Diagnostic>();
        var deps = ImmutableArray.CreateBuilder<Dependency>();
        string? python = null;
        var lookups = 0;
        try
        {
            using var doc = JsonDocument.Parse(source.Text, new JsonDocumentOptions { MaxDepth = MaxDepth, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("_meta", out var meta) && meta.ValueKind == JsonValueKind.Object && meta.TryGetProperty("requires", out var req) && req.ValueKind == JsonValueKind.Object)
                {
                    python = Str(req, "python_full_version") ?? Str(req, "python_version");
                }

                foreach (var (section, group) in new[] { ("default", (string?)null), ("develop", "dev") })
                {
                    if (!root.TryGetProperty(section, out var pkgs) || pkgs.ValueKind != JsonValueKind.Object)
                    {
                        continue;
                    }

                    var sectionAt = source.Text.IndexOf("\"" + section + "\"", StringComparison.Ordinal);
                    foreach (var p in pkgs.EnumerateObject())
                    {
                        var v = p.Value;
                        if (v.ValueKind != JsonValueKind.Object)
                        {
                            continue;
                        }

                        var spec = Str(v, "version");
                        var exact = Dependency.ExactVersionOf(spec);
                        var hashes = v.TryGetProperty("hashes", out var h) && h.ValueKind == JsonValueKind.Array && h.GetArrayLength() > 0;
                        string? url = null;
                        if (Str(v, "git") is { } git)
                        {
                            url = "git+" + git + (Str(v, "ref") is { } r ? "@" + r : string.Empty);
                        }

                        // Each look-up scans the text: past a budget, lines are left unknown to stay linear.
                        var at = ++lookups > TomlReader.MaxLineLookups ? -1 : source.Text.IndexOf("\"" + p.Name + "\"", Math.Max(0, sectionAt), StringComparison.Ordinal);
                        var line = at >= 0 ? source.GetPosition(at).Line : 0;
                        deps.Add(new Dependency(Dependency.Normalize(p.Name), p.Name, [], spec, exact, exact is not null || Dependency.IsPinnedVcsUrl(url), hashes, Str(v, "markers"), source.Path, line, DependencyKind.Lock, "pypi", url, group));
                    }
                }
            }
            else
            {
                diags.Add(new Diagnostic(source.Path, SourceSpan.At(1), DiagnosticSeverity.Warning, "pipfilelock.shape", "the lock file is not a JSON object"));
            }
        }
        catch (JsonException e)
        {
            diags.Add(new Diagnostic(source.Path, SourceSpan.At((int)(e.LineNumber ?? 0) + 1), DiagnosticSeverity.Error, "pipfilelock.syntax", e.Message));
        }

        return new DependencyFileDocument(source.Path, DependencyFileFormat.PipfileLock, deps.ToImmutable(), [], [], python, null, [.. diags]);
    }

    private static string? Str(JsonElement e, string key) => e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
