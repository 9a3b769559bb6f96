using System.Collections.Immutable;
using MLRepro.Formats.Dependencies;
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
        var root = YamlTree.Load(source, diags);
        if (root is YMap map)
        {
            if (map.Get("metadata") is YMap meta && meta.Get("platforms") is YSeq platforms)
            {
                foreach (var p in platforms.Items)
                {
                    if (p.Scalar is { } pl)
                    {
                        options.Add("platform " + pl);
                    }
                }
            }

            if (map.Get("package") is YSeq packages)
            {
                foreach (var item in packages.Items)
                {
                    if (item is not YMap pkg || pkg.GetString("name") is not { Length: > 0 } name)
                    {
                        continue;
                    }

                    var version = pkg.GetString("version");
                    var manager = pkg.GetString("manager") ?? "conda";
                    if (!seen.Add((name, version ?? string.Empty, manager)))
                    {
                        continue;
                    }

                    var hasHash = pkg.Get("hash") is YMap h && h.Entries.Count > 0;
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
