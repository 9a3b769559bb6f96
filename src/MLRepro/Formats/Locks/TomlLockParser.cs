using System.Collections.Immutable;
using MLRepro.Formats.Dependencies;
using MLRepro.Formats.Toml;
using MLRepro.Text;
using Tomlyn.Model;

namespace MLRepro.Formats.Locks;

/// <summary>Reads the TOML lock files poetry.lock, uv.lock and pdm.lock: every [[package]] with name, version and hashes.</summary>
public static class TomlLockParser
{
    /// <summary>Parses one TOML lock file of the given format.</summary>
    public static DependencyFileDocument Parse(SourceText source, DependencyFileFormat format)
    {
        var diags = new List<Diagnostic>();
        var deps = ImmutableArray.CreateBuilder<Dependency>();
        string? python = null;
        var root = TomlReader.Load(source, diags, "lock");
        if (root is not null)
        {
            python = TomlReader.String(root, "requires-python")
                ?? TomlReader.String(TomlReader.Table(root, "metadata"), "python-versions")
                ?? TomlReader.String(TomlReader.Table(root, "metadata"), "requires_python");
            var headerLines = PackageHeaderLines(source);
            // poetry.lock 1.x keeps hashes apart, in [metadata.files] name = [ {file, hash} ].
            var metadataFiles = TomlReader.Table(root, "metadata", "files");
            if (root.TryGetValue("package", out var p) && p is TomlTableArray packages)
            {
                var i = 0;
                foreach (var pkg in packages)
                {
                    var line = i < headerLines.Count ? NameLine(source, headerLines[i]) : 0;
                    i++;
                    if (TomlReader.String(pkg, "name") is not { Length: > 0 } name)
                    {
                        continue;
                    }

                    var src = TomlReader.Table(pkg, "source");
                    if (format == DependencyFileFormat.UvLock && src is not null && (src.ContainsKey("editable") || src.ContainsKey("virtual")))
                    {
                        continue; // the project itself, not a dependency
                    }

                    var version = TomlReader.String(pkg, "version");
                    var hasHash = HasHashes(pkg) || (metadataFiles is not null && metadataFiles.TryGetValue(name, out var mf) && mf is TomlArray { Count: > 0 });
                    string? url = null;
                    if (src is not null && (TomlReader.String(src, "git") ?? (TomlReader.String(src, "type") == "git" ? TomlReader.String(src, "url") : null)) is { } git)
                    {
                        url = git.StartsWith("git+", StringComparison.Ordinal) ? git : "git+" + git;
                        if (TomlReader.String(src, "resolved_reference") is { } rr)
                        {
                            url += "@" + rr;
                        }
                    }

                    var group = TomlReader.String(pkg, "category");
                    deps.Add(new Dependency(Dependency.Normalize(name), name, [], version is null ? null : "==" + version, version, version is not null, hasHash, TomlReader.String(pkg, "markers"),
                        source.Path, line, DependencyKind.Lock, "pypi", url, group));
                }
            }
            else
            {
                diags.Add(new Diagnostic(source.Path, null, DiagnosticSeverity.Warning, "lock.shape", "no [[package]] entries"));
            }
        }

        return new DependencyFileDocument(source.Path, format, deps.ToImmutable(), [], [], python, null, [.. diags]);
    }

    private static bool HasHashes(TomlTable pkg)
    {
        if (pkg.TryGetValue("files", out var f) && f is TomlArray { Count: > 0 } fa && fa.OfType<TomlTable>().Any(t => t.ContainsKey("hash")))
        {
            return true;
        }

        if (pkg.TryGetValue("files", out var f2) && f2 is TomlTableArray { Count: > 0 } fta && fta.Any(t => t.ContainsKey("hash")))
        {
            return true;
        }

        if (TomlReader.Table(pkg, "sdist") is { } sd && sd.ContainsKey("hash"))
        {
            return true;
        }

        return pkg.TryGetValue("wheels", out var w) && w is TomlArray { Count: > 0 } or TomlTableArray { Count: > 0 };
    }

    private static List<int> PackageHeaderLines(SourceText source)
    {
        var lines = new List<int>();
        for (var n = 1; n <= source.LineCount; n++)
        {
            if (source.GetLine(n).Trim() == "[[package]]")
            {
                lines.Add(n);
            }
        }

        return lines;
    }

    private static int NameLine(SourceText source, int header)
    {
        for (var n = header + 1; n <= Math.Min(source.LineCount, header + 20); n++)
        {
            var l = source.GetLine(n).TrimStart();
            if (l.StartsWith("name", StringComparison.Ordinal) && l[4..].TrimStart().StartsWith('='))
            {
                return n;
            }
        }

        return header;
    }
}
