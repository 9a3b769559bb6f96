using System.Collections.Immutable;
using MLRepro.Formats.Dependencies;
using MLRepro.Formats.Toml;
using MLRepro.Text;
using Tomlyn.Model;

namespace MLRepro.Formats.PyProject;

/// <summary>
/// Reads dependencies from pyproject.toml: PEP 621 [project] (dependencies, optional-dependencies,
/// requires-python), PEP 735 [dependency-groups], Poetry ([tool.poetry] dependencies, groups, python),
/// uv ([tool.uv] dev-dependencies) and pixi ([tool.pixi] dependencies, pypi-dependencies).
/// </summary>
public static class PyProjectParser
{
    /// <summary>Parses a pyproject.toml.</summary>
    public static DependencyFileDocument Parse(SourceText source)
    {
        var diags = new List<Diagnostic>();
        var deps = ImmutableArray.CreateBuilder<Dependency>();
        var options = ImmutableArray.CreateBuilder<string>();
        var includes = new List<string>();
        var root = TomlReader.Load(source, diags, "pyproject");
        string? requiresPython = null;
        if (root is not null)
        {
            var project = TomlReader.Table(root, "project");
            requiresPython = TomlReader.String(project, "requires-python");
            AddPep508(source, TomlReader.Strings(project, "dependencies"), "project", null, deps, diags);
            if (TomlReader.Table(project, "optional-dependencies") is { } opt)
            {
                foreach (var (extra, _) in opt)
                {
                    AddPep508(source, TomlReader.Strings(opt, extra), "project.optional-dependencies", extra, deps, diags);
                }
            }

            if (TomlReader.Table(root, "dependency-groups") is { } groups)
            {
                foreach (var (group, _) in groups)
                {
                    AddPep508(source, TomlReader.Strings(groups, group), "dependency-groups", group, deps, diags);
                }
            }

            var poetry = TomlReader.Table(root, "tool", "poetry");
            if (poetry is not null)
            {
                AddPoetry(source, TomlReader.Table(poetry, "dependencies"), "tool.poetry.dependencies", null, deps, ref requiresPython);
                AddPoetry(source, TomlReader.Table(poetry, "dev-dependencies"), "tool.poetry.dev-dependencies", "dev", deps, ref requiresPython);
                if (TomlReader.Table(poetry, "group") is { } pg)
                {
                    foreach (var (g, _) in pg)
                    {
                        AddPoetry(source, TomlReader.Table(pg, g, "dependencies"), $"tool.poetry.group.{g}.dependencies", g, deps, ref requiresPython);
                    }
                }

                if (TomlReader.Table(poetry, "source") is null && poetry.TryGetValue("source", out var src) && src is TomlTableArray sources)
                {
                    foreach (var s in sources)
                    {
                        if (TomlReader.String(s, "url") is { } u)
                        {
                            options.Add("source " + Requirements.RequirementsParser.RedactCredentials(u));
                        }
                    }
                }
            }

            // dynamic = ["dependencies"] with setuptools reading requirements files, or hatch's requirements_txt hook.
            var dynamic = TomlReader.Table(root, "tool", "setuptools", "dynamic");
            AddFiles(source.Path, TomlReader.Table(dynamic, "dependencies"), includes);
            if (TomlReader.Table(dynamic, "optional-dependencies") is { } optDyn)
            {
                foreach (var (extra, _) in optDyn)
                {
                    AddFiles(source.Path, TomlReader.Table(optDyn, extra), includes);
                }
            }

            AddFiles(source.Path, TomlReader.Table(root, "tool", "hatch", "metadata", "hooks", "requirements_txt"), includes);

            var uv = TomlReader.Table(root, "tool", "uv");
            AddPep508(source, TomlReader.Strings(uv, "dev-dependencies"), "tool.uv", "dev", deps, diags);

            if (TomlReader.Table(root, "tool", "pixi") is { } pixi)
            {
                AddPixi(source, pixi, deps, ref requiresPython);
            }
        }

        return new DependencyFileDocument(source.Path, DependencyFileFormat.PyProject, [.. deps.OrderBy(d => d.Line)], [.. includes.Distinct(StringComparer.Ordinal)], options.ToImmutable(), requiresPython, null, [.. diags]);
    }

    private static void AddFiles(string path, TomlTable? table, List<string> includes)
    {
        if (table is null)
        {
            return;
        }

        var dir = path.LastIndexOf('/') is var k and >= 0 ? path[..k] : string.Empty;
        foreach (var key in new[] { "file", "files" })
        {
            if (TomlReader.String(table, key) is { } one)
            {
                includes.Add(Requirements.RequirementsParser.ResolveInclude(dir, one));
            }

            includes.AddRange(TomlReader.Strings(table, key).Select(f => Requirements.RequirementsParser.ResolveInclude(dir, f)));
        }
    }

    private static void AddPep508(SourceText source, IEnumerable<string> items, string header, string? group, ImmutableArray<Dependency>.Builder deps, List<Diagnostic> diags)
    {
        foreach (var item in items)
        {
            var line = TomlReader.LineOf(source, item, header);
            if (PipRequirementToken.Parse(item, source.Path, line, DependencyKind.Manifest, false, group, out var error) is { } d)
            {
                deps.Add(d);
            }
            else
            {
                diags.Add(new Diagnostic(source.Path, line > 0 ? SourceSpan.At(line) : null, DiagnosticSeverity.Warning, "pyproject.requirement", error ?? "unreadable requirement"));
            }
        }
    }

    /// <summary>Poetry's version syntax: "^1.2", "~1.2", "1.2.3" (exact), "==1.2.3", "*", or a table with version/git/path.</summary>
    internal static void AddPoetry(SourceText source, TomlTable? table, string header, string? group, ImmutableArray<Dependency>.Builder deps, ref string? requiresPython)
    {
        if (table is null)
        {
            return;
        }

        foreach (var (name, value) in table)
        {
            var line = TomlReader.KeyLine(source, name, header);
            if (name == "python")
            {
                requiresPython ??= value as string ?? TomlReader.String(value as TomlTable, "version");
                continue;
            }

            string? version = null;
            string? url = null;
            string? marker = null;
            var extras = ImmutableArray<string>.Empty;
            switch (value)
            {
                case string s:
                    version = s;
                    break;
                case TomlTable t:
                    version = TomlReader.String(t, "version");
                    marker = TomlReader.String(t, "markers");
                    if (TomlReader.String(t, "python") is { } py)
                    {
                        marker ??= "python " + py;
                    }

                    extras = [.. TomlReader.Strings(t, "extras").Select(Dependency.Normalize).Order(StringComparer.Ordinal)];
                    if (TomlReader.String(t, "git") is { } git)
                    {
                        var rev = TomlReader.String(t, "rev") ?? TomlReader.String(t, "tag") ?? TomlReader.String(t, "branch");
                        url = "git+" + git + (rev is null ? string.Empty : "@" + rev);
                    }

                    url ??= TomlReader.String(t, "path") ?? TomlReader.String(t, "url");
                    break;
                case TomlArray:
                    version = null; // multiple-constraint form: several versions by marker; left unpinned
                    break;
            }

            deps.Add(FromLooseVersion(name, version, source.Path, line, DependencyKind.Manifest, "pypi", extras, marker, url, group));
        }
    }

    /// <summary>A dependency from a Poetry/Pipfile/pixi-style version string ("*" means any; a bare version is exact).</summary>
    internal static Dependency FromLooseVersion(string name, string? version, string path, int line, DependencyKind kind, string ecosystem, ImmutableArray<string> extras, string? marker, string? url, string? group)
    {
        var v = version?.Trim();
        if (v is "*" or "")
        {
            v = null;
        }

        string? exact = null;
        if (v is not null)
        {
            if (char.IsAsciiDigit(v[0]) && !v.Contains('*') && !v.Contains(',') && !v.Contains(' ') && !v.Contains('|'))
            {
                exact = v;
            }
            else
            {
                exact = Dependency.ExactVersionOf(v);
            }
        }

        return new Dependency(Dependency.Normalize(name), name, extras, v, exact, exact is not null || Dependency.IsPinnedVcsUrl(url), false, marker, path, line, kind, ecosystem, url, group);
    }

    private static void AddPixi(SourceText source, TomlTable pixi, ImmutableArray<Dependency>.Builder deps, ref string? requiresPython)
    {
        foreach (var (key, eco) in new[] { ("dependencies", "conda"), ("pypi-dependencies", "pypi") })
        {
            if (TomlReader.Table(pixi, key) is not { } t)
            {
                continue;
            }

            foreach (var (name, value) in t)
            {
                var version = value as string ?? TomlReader.String(value as TomlTable, "version");
                if (name == "python")
                {
                    requiresPython ??= version;
                }

                deps.Add(FromLooseVersion(name, version, source.Path, TomlReader.KeyLine(source, name, "tool.pixi." + key), eco == "conda" ? DependencyKind.Conda : DependencyKind.Manifest, eco, [], null, null, "pixi"));
            }
        }
    }
}
