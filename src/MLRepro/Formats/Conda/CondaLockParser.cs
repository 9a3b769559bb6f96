using System.Collections.Immutable;
using MLRepro.Formats.Dependencies;
using MLRepro.Formats.Yaml;
using MLRepro.Text;

namespace MLRepro.Formats.Conda;

/// <summary>Reads conda-lock.yml (unified format, version 1): one entry per package, manager and platform.</summary>
public static class CondaLockParser
{
    /// <summary>Parses a conda-lock file; entries repeated across platforms are kept once.</summary>
    public static DependencyFileDocument Parse(SourceText source)
    {
        var diags = new List<Diagnostic>();
        var deps = ImmutableArray.CreateBuilder<Dependency>();
        var options = ImmutableArray.CreateBuilder<string>();
        var seen = new HashSet<(string, string, string)>();
        string? python = null;
        var root = YamlLoader.Load(source, diags, YamlReadOptions.Dependencies).Root;
        if (root is YamlMappingNode map)
        {
            if (map.Get("metadata") is YamlMappingNode meta && meta.Get("platforms") is YamlSequenceNode platforms)
            {
                foreach (var p in platforms.Items)
                {
                    if (p.Scalar is { } pl)
                    {
                        options.Add("platform " + pl);
                    }
                }
            }

            if (map.Get("package") is YamlSequenceNode packages)
            {
                foreach (var item in packages.Items)
                {
                    if (item is not YamlMappingNode pkg || pkg.GetString("name") is not { Length: > 0 } name)
                    {
                        continue;
                    }

                    var version = pkg.GetString("version");
                    var manager = pkg.GetString("manager") ?? "conda";
                    if (!seen.Add((name, version ?? string.Empty, manager)))
                    {
                        continue;
                    }

                    var hasHash = pkg.Get("hash") is YamlMappingNode h && h.Entries.Count > 0;
                    var eco = manager == "pip" ? "pypi" : "conda";
                    if (name == "python" && eco == "conda")
                    {
                        python = version;
                    }

                    deps.Add(new Dependency(Dependency.Normalize(name), name, [], version is null ? null : "==" + version, version, version is not null, hasHash, null,
                        source.Path, item.Line, DependencyKind.Lock, eco, pkg.GetString("url"), pkg.GetString("category")));
                }
            }
            else
            {
                diags.Add(new Diagnostic(source.Path, SourceSpan.At(map.Line), DiagnosticSeverity.Warning, "condalock.shape", "no 'package' list"));
            }
        }

        return new DependencyFileDocument(source.Path, DependencyFileFormat.CondaLock, deps.ToImmutable(), [], options.ToImmutable(), python, null, [.. diags]);
    }
}
