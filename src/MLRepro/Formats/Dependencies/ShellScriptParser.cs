using System.Collections.Immutable;
using MLRepro.Formats.Containers;
using MLRepro.Text;

namespace MLRepro.Formats.Dependencies;

/// <summary>Reads `pip install` / `conda install` commands from shell scripts and from Dockerfile RUN lines.</summary>
public static class ShellScriptParser
{
    /// <summary>Most lines read.</summary>
    public const int MaxLines = 100_000;

    /// <summary>Parses a shell script (comments skipped, backslash continuations joined).</summary>
    public static DependencyFileDocument Parse(SourceText source)
    {
        var commands = new List<PipInstallCommand>();
        var lines = Math.Min(source.LineCount, MaxLines);
        for (var n = 1; n <= lines; n++)
        {
            var start = n;
            var line = LogicalLine.Read(source, ref n, lines);

            var t = line.TrimStart();
            if (t.Length == 0 || t.StartsWith('#') || !(t.Contains("install", StringComparison.Ordinal) || t.Contains("create", StringComparison.Ordinal)))
            {
                continue;
            }

            commands.AddRange(PipInstallParser.Parse(StripComment(line), source.Path, start));
        }

        return FromCommands(source.Path, DependencyFileFormat.ShellScript, commands, []);
    }

    /// <summary>The dependency view of a Dockerfile: its RUN pip/conda installs.</summary>
    public static DependencyFileDocument FromDockerfile(ContainerDocument dockerfile) =>
        FromCommands(dockerfile.Path, DependencyFileFormat.Dockerfile, dockerfile.Dockerfile?.PipInstalls ?? [], dockerfile.References);

    private static DependencyFileDocument FromCommands(string path, DependencyFileFormat format, IEnumerable<PipInstallCommand> commands, ImmutableArray<string> resolvedIncludes)
    {
        var deps = ImmutableArray.CreateBuilder<Dependency>();
        var includes = new List<string>(resolvedIncludes);
        var options = ImmutableArray.CreateBuilder<string>();
        string? python = null;
        foreach (var c in commands)
        {
            deps.AddRange(c.Packages);
            if (format == DependencyFileFormat.ShellScript)
            {
                // Scripts are usually run from the repository root (bash scripts/setup.sh), so paths are root-relative.
                includes.AddRange(c.RequirementFiles.Concat(c.ConstraintFiles).Where(f => !f.Contains('$')).Select(f => Requirements.RequirementsParser.ResolveInclude(string.Empty, f)));
            }

            options.AddRange(c.Options);
            python ??= c.Packages.FirstOrDefault(p => p.Name == "python" && p.Ecosystem == "conda")?.Specifier?.TrimStart('=');
        }

        return new DependencyFileDocument(path, format, deps.ToImmutable(), [.. includes.Distinct(StringComparer.Ordinal)], [.. options.Distinct(StringComparer.Ordinal)], python, null, []);
    }

    private static string StripComment(string line)
    {
        var q = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (q != '\0')
            {
                if (c == q)
                {
                    q = '\0';
                }
            }
            else if (c is '\'' or '"')
            {
                q = c;
            }
            else if (c == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                return line[..i];
            }
        }

        return line;
    }
}
