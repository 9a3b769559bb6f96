using System.Collections.Immutable;
using MLRepro.Formats.Dependencies;
using MLRepro.Formats.PyProject;
using MLRepro.Text;
using Tomlyn.Model;

namespace MLRepro.Formats.Pipfile;

/// <summary>Reads a Pipfile (TOML): [packages], [dev-packages], [requires] python_version and [[source]] URLs.</summary>
public static class PipfileParser
{
    /// <summary>Parses a Pipfile.</summary>
    public static DependencyFileDocument Parse(SourceText source)
    {
        var diags = new List<Diagnostic>();
        var deps = ImmutableArray.CreateBuilder<Dependency>();
        var options = ImmutableArray.CreateBuilder<string>();
        string? python = null;
        var root = TomlTree.Load(source, diags, "pipfile");
        if (root is not null)
        {
            var requires = TomlTree.Table(root, "requires");
            python = TomlTree.String(requires, "python_full_version") ?? TomlTree.String(requires, "python_version");
            if (root.TryGetValue("source", out var src) && src is TomlTableArray sources)
            {
                foreach (var s in sources)
                {
                    if (TomlTree.String(s, "url") is { } u)
                    {
                        options.Add("source " + Requirements.RequirementsParser.RedactCredentials(u));
                    }
                }
            }

            foreach (var (section, group) in new[] { ("packages", (string?)null), ("dev-packages", "dev") })
            {
                if (TomlTree.Table(root, section) is not { } table)
                {
                    continue;
                }

                foreach (var (name, value) in table)
                {
                    var line = TomlTree.KeyLine(source, name, section);
                    string? version = null;
                    string? url = null;
                    string? marker = null;
                    var extras = ImmutableArray<string>.Empty;
                    if (value is string s)
                    {
                        version = s;
                    }
                    else if (value is TomlTable t)
                    {
                        version = TomlTree.String(t, "version");
                        marker = TomlTree.String(t, "markers");
                        extras = [.. TomlTree.Strings(t, "extras").Select(Dependency.Normalize).Order(StringComparer.Ordinal)];
                        if (TomlTree.String(t, "git") is { } git)
                        {
                            var rev = TomlTree.String(t, "ref");
                            url = "git+" + git + (rev is null ? string.Empty : "@" + rev);
                        }

                        url ??= TomlTree.String(t, "path") ?? TomlTree.String(t, "file");
                    }

                    deps.Add(PyProjectParser.FromLooseVersion(name, version, source.Path, line, DependencyKind.Manifest, "pypi", extras, marker, url, group));
                }
            }
        }

        return new DependencyFileDocument(source.Path, DependencyFileFormat.Pipfile, deps.ToImmutable(), [], options.ToImmutable(), python, null, [.. diags]);
    }
}
