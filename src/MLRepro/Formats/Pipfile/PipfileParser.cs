using System.Collections.Immutable;
using MLRepro.Formats.Dependencies;
using MLRepro.Formats.PyProject;
using MLRepro.Formats.Toml;
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
        var root = TomlReader.Load(source, diags, "pipfile");
        if (root is not null)
        {
            var requires = TomlReader.Table(root, "requires");
            python = TomlReader.String(requires, "python_full_version") ?? TomlReader.String(requires, "python_version");
            if (root.TryGetValue("source", out var src) && src is TomlTableArray sources)
            {
                foreach (var s in sources)
                {
                    if (TomlReader.String(s, "url") is { } u)
                    {
                        options.Add("source " + Requirements.RequirementsParser.RedactCredentials(u));
                    }
                }
            }

            foreach (var (section, group) in new[] { ("packages", (string?)null), ("dev-packages", "dev") })
            {
                if (TomlReader.Table(root, section) is not { } table)
                {
                    continue;
                }

                foreach (var (name, value) in table)
                {
                    var line = TomlReader.KeyLine(source, name, section);
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
                        version = TomlReader.String(t, "version");
                        marker = TomlReader.String(t, "markers");
                        extras = [.. TomlReader.Strings(t, "extras").Select(Dependency.Normalize).Order(StringComparer.Ordinal)];
                        if (TomlReader.String(t, "git") is { } git)
                        {
                            var rev = TomlReader.String(t, "ref");
                            url = "git+" + git + (rev is null ? string.Empty : "@" + rev);
                        }

                        url ??= TomlReader.String(t, "path") ?? TomlReader.String(t, "file");
                    }

                    deps.Add(PyProjectParser.FromLooseVersion(name, version, source.Path, line, DependencyKind.Manifest, "pypi", extras, marker, url, group));
                }
            }
        }

        return new DependencyFileDocument(source.Path, DependencyFileFormat.Pipfile, deps.ToImmutable(), [], options.ToImmutable(), python, null, [.. diags]);
    }
}
