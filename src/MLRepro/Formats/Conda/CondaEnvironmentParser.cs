using System.Collections.Immutable;
using MLRepro.Formats.Dependencies;
using MLRepro.Formats.Yaml;
using MLRepro.Text;

namespace MLRepro.Formats.Conda;

/// <summary>Reads conda environment files (environment.yml/.yaml): name, channels, conda specs and the pip: block.</summary>
public static class CondaEnvironmentParser
{
    /// <summary>Parses an environment file.</summary>
    public static DependencyFileDocument Parse(SourceText source)
    {
        var diags = new List<Diagnostic>();
        var deps = ImmutableArray.CreateBuilder<Dependency>();
        var includes = ImmutableArray.CreateBuilder<string>();
        var options = ImmutableArray.CreateBuilder<string>();
        string? name = null;
        string? python = null;
        var root = YamlLoader.Load(source, diags, YamlReadOptions.Dependencies).Root;
        if (root is YamlMappingNode map)
        {
            name = map.GetString("name");
            if (map.Get("channels") is YamlSequenceNode channels)
            {
                foreach (var c in channels.Items)
                {
                    if (c.Scalar is { } ch)
                    {
                        options.Add("channel " + ch);
                    }
                }
            }

            if (map.Get("dependencies") is YamlSequenceNode list)
            {
                foreach (var item in list.Items)
                {
                    if (item.Scalar is { } spec)
                    {
                        if (CondaSpec.Parse(spec, source.Path, item.Line, DependencyKind.Conda, out var error) is { } d)
                        {
                            deps.Add(d);
                            if (d.Name == "python")
                            {
                                python = d.Specifier?.TrimStart('=') ?? python;
                            }
                        }
                        else
                        {
                            diags.Add(new Diagnostic(source.Path, SourceSpan.At(item.Line), DiagnosticSeverity.Warning, "conda.spec", error ?? "unreadable spec"));
                        }
                    }
                    else if (item is YamlMappingNode sub && sub.Get("pip") is YamlSequenceNode pip)
                    {
                        ReadPip(source, pip, deps, includes, options, diags);
                    }
                }
            }
            else if (map.Get("dependencies") is { } other && other.Scalar is null)
            {
                diags.Add(new Diagnostic(source.Path, SourceSpan.At(other.Line), DiagnosticSeverity.Warning, "conda.shape", "'dependencies' is not a list"));
            }
        }
        else if (root is not null)
        {
            diags.Add(new Diagnostic(source.Path, SourceSpan.At(root.Line), DiagnosticSeverity.Warning, "conda.shape", "an environment file should be a mapping"));
        }

        return new DependencyFileDocument(source.Path, DependencyFileFormat.CondaEnvironment, deps.ToImmutable(), includes.ToImmutable(), options.ToImmutable(), python, name, [.. diags]);
    }

    private static void ReadPip(SourceText source, YamlSequenceNode pip, ImmutableArray<Dependency>.Builder deps, ImmutableArray<string>.Builder includes, ImmutableArray<string>.Builder options, List<Diagnostic> diags)
    {
        var dir = source.Path.LastIndexOf('/') is var k and >= 0 ? source.Path[..k] : string.Empty;
        foreach (var p in pip.Items)
        {
            if (p.Scalar is not { } text)
            {
                continue;
            }

            text = text.Trim();
            if (text.StartsWith('-'))
            {
                var parts = text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
                var opt = parts[0];
                var value = parts.Length > 1 ? parts[1] : null;
                if (opt.Contains('=') && opt.StartsWith("--", StringComparison.Ordinal))
                {
                    value = opt[(opt.IndexOf('=') + 1)..];
                    opt = opt[..opt.IndexOf('=')];
                }

                if (opt is "-r" or "--requirement" or "-c" or "--constraint" && value is not null)
                {
                    includes.Add(Requirements.RequirementsParser.ResolveInclude(dir, value));
                }
                else if (opt is "-e" or "--editable" && value is not null && PipRequirementToken.Parse(value, source.Path, p.Line, DependencyKind.Manifest, false, "editable", out _) is { } ed)
                {
                    deps.Add(ed with { Group = "pip" });
                }
                else
                {
                    options.Add(value is null ? opt : opt + " " + Requirements.RequirementsParser.RedactCredentials(value));
                }

                continue;
            }

            var hash = text.Contains("--hash", StringComparison.Ordinal);
            var req = hash ? text[..text.IndexOf("--hash", StringComparison.Ordinal)].Trim() : text;
            if (PipRequirementToken.Parse(req, source.Path, p.Line, DependencyKind.Manifest, hash, "pip", out var error) is { } d)
            {
                deps.Add(d);
            }
            else
            {
                diags.Add(new Diagnostic(source.Path, SourceSpan.At(p.Line), DiagnosticSeverity.Warning, "conda.pip-requirement", error ?? "unreadable requirement"));
            }
        }
    }
}
