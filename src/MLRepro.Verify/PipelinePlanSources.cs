using System.Text.RegularExpressions;
using MLRepro.Formats.Dvc;
using MLRepro.Formats.MLproject;
using MLRepro.Text;

namespace MLRepro.Verify;

/// <summary>Reads the project's files for the shared parsers (never throws on content or I/O).</summary>
internal static class PlanFiles
{
    /// <summary>Largest pipeline, vars or params file read.</summary>
    public const long MaxBytes = 4L << 20;

    /// <summary>The text of a project-relative file ('/' separators), or null when absent, unreadable or too large.</summary>
    public static SourceText? Read(string projectRoot, string rel)
    {
        if (rel.StartsWith('/') || rel.Split('/').Contains(".."))
        {
            // vars files outside the project are not the project's.
            return null;
        }

        var full = Path.Combine(projectRoot, rel);
        try
        {
            var info = new FileInfo(full);
            return info.Exists && info.Length <= MaxBytes ? new SourceText(rel, File.ReadAllText(full)) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Parser diagnostics as problem lines ("dvc.yaml:12: message").</summary>
    public static string Describe(Diagnostic d) => d.Span is { } s ? $"{d.Path}:{s.Line}: {d.Message}" : $"{d.Path}: {d.Message}";
}

/// <summary>
/// dvc.yaml, read by the shared <see cref="DvcParser"/> (as `mlrepro check` reads it): foreach and matrix stages are
/// expanded to one stage per instance, `${}` is interpolated from `vars` and params.yaml. The stages' commands run in
/// dependency order (a stage runs after every stage whose outs it depends on; file order otherwise), from the parsed
/// pipeline, so DVC need not be installed. outs, metrics and plots become declared outputs. Frozen stages are not run,
/// as `dvc repro` does not run them.
/// </summary>
public sealed class DvcYamlPlanSource : IRunPlanSource
{
    /// <inheritdoc />
    public string Name => "dvc.yaml";

    /// <inheritdoc />
    public RunPlan? TryRead(string projectRoot, ICollection<string> problems)
    {
        if (PlanFiles.Read(projectRoot, "dvc.yaml") is not { } text)
        {
            return null;
        }

        var doc = DvcParser.ParsePipeline(text, rel => PlanFiles.Read(projectRoot, rel));
        var errors = doc.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            foreach (var d in errors)
            {
                problems.Add(PlanFiles.Describe(d));
            }

            return null;
        }

        var list = doc.Stages.Where(s => !s.Frozen).ToList();
        if (list.Count == 0)
        {
            return null;
        }

        // A `${}` left in a command names nothing in vars or params.yaml: running it would fail in the shell, not in the project.
        var unresolved = list.Where(st => st.Commands.Any(c => c.Contains("${", StringComparison.Ordinal)) || st.Template is not null && st.Name == st.Template).ToList();
        if (unresolved.Count > 0)
        {
            foreach (var d in doc.Diagnostics.Where(d => d.Code is "dvc.unresolved-interpolation" or "dvc.unresolved-foreach"))
            {
                problems.Add(PlanFiles.Describe(d));
            }

            problems.Add($"dvc.yaml: stage '{unresolved[0].Name}' has ${{}} templating that names nothing in vars or params.yaml; give the values there, or use .mlrepro.yaml or --cmd");
            return null;
        }

        static IEnumerable<string> Outs(DvcStage st) => st.Outs.Concat(st.Metrics).Concat(st.Plots).Select(o => o.Path);

        // Topological order, keeping file order among independent stages.
        var ordered = new List<int>();
        var state = new int[list.Count];
        bool Visit(int i)
        {
            if (state[i] == 2)
            {
                return true;
            }

            if (state[i] == 1)
            {
                return false;
            }

            state[i] = 1;
            for (var j = 0; j < list.Count; j++)
            {
                if (j != i && list[i].Deps.Any(d => Outs(list[j]).Any(o => Overlaps(d.Path, o))) && !Visit(j))
                {
                    return false;
                }
            }

            state[i] = 2;
            ordered.Add(i);
            return true;
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (!Visit(i))
            {
                problems.Add("dvc.yaml: the stages' deps and outs form a cycle");
                return null;
            }
        }

        var commands = ordered.SelectMany(i => list[i].Wdir is "." or ""
            ? list[i].Commands
            : list[i].Commands.Select(c => $"(cd '{list[i].Wdir.Replace("'", "'\\''", StringComparison.Ordinal)}' && {c})")).ToList();
        var outputs = ordered.SelectMany(i => Outs(list[i])).Concat(doc.Metrics.Concat(doc.Plots).Select(p => p.Path))
            .Where(o => !o.Contains("://", StringComparison.Ordinal) && !o.StartsWith('/')).Distinct(StringComparer.Ordinal).ToList();
        return commands.Count == 0 ? null : new RunPlan(Name, commands, outputs, [], null);
    }

    /// <summary>Whether a dependency is an output, lies inside an output folder, or contains one.</summary>
    private static bool Overlaps(string dep, string output) =>
        dep == output || dep.StartsWith(output.TrimEnd('/') + "/", StringComparison.Ordinal) || output.StartsWith(dep.TrimEnd('/') + "/", StringComparison.Ordinal);
}

/// <summary>
/// MLproject, read by the shared <see cref="MLprojectParser"/>: the main entry point's command with the parameters'
/// defaults substituted, each shell-quoted as MLflow does (shlex.quote).
/// </summary>
public sealed class MLprojectPlanSource : IRunPlanSource
{
    /// <inheritdoc />
    public string Name => "MLproject";

    /// <inheritdoc />
    public RunPlan? TryRead(string projectRoot, ICollection<string> problems)
    {
        if (PlanFiles.Read(projectRoot, "MLproject") is not { } text)
        {
            return null;
        }

        var doc = MLprojectParser.Parse(text);
        foreach (var d in doc.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            problems.Add(PlanFiles.Describe(d));
        }

        if (doc.EntryPoints.FirstOrDefault(e => e.Name == "main") is not { Command: { Length: > 0 } command } main)
        {
            problems.Add("MLproject: no entry_points.main.command");
            return null;
        }

        var defaults = main.Parameters.ToDictionary(p => p.Name, p => p.Default, StringComparer.Ordinal);
        var missing = new List<string>();
        var result = Regex.Replace(command, @"\{(\w+)\}", m =>
        {
            if (defaults.TryGetValue(m.Groups[1].Value, out var d) && d is not null)
            {
                return ShellQuote(d);
            }

            missing.Add(m.Groups[1].Value);
            return m.Value;
        }, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        if (missing.Count > 0)
        {
            problems.Add($"MLproject: parameters without a default: {string.Join(", ", missing)}; use --cmd with values");
            return null;
        }

        return new RunPlan(Name, [result], [], [], null);
    }

    /// <summary>Python's shlex.quote: safe strings as they are, others in single quotes.</summary>
    internal static string ShellQuote(string s) =>
        s.Length > 0 && Regex.IsMatch(s, @"^[A-Za-z0-9_@%+=:,./-]+$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))
            ? s
            : "'" + s.Replace("'", "'\"'\"'", StringComparison.Ordinal) + "'";
}

/// <summary>A Makefile target: `make repro`, else `make all`.</summary>
public sealed class MakefilePlanSource : IRunPlanSource
{
    /// <summary>Targets looked for, in order.</summary>
    public static readonly IReadOnlyList<string> Targets = ["repro", "reproduce", "all"];

    /// <inheritdoc />
    public string Name => "Makefile";

    /// <inheritdoc />
    public RunPlan? TryRead(string projectRoot, ICollection<string> problems)
    {
        var file = new[] { "GNUmakefile", "makefile", "Makefile" }.FirstOrDefault(f => File.Exists(Path.Combine(projectRoot, f)));
        if (file is null)
        {
            return null;
        }

        var targets = File.ReadLines(Path.Combine(projectRoot, file))
            .Select(l => Regex.Match(l, @"^([A-Za-z0-9_.\-]+(?:\s+[A-Za-z0-9_.\-]+)*)\s*:(?!=)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            .Where(m => m.Success)
            .SelectMany(m => m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);
        var target = Targets.FirstOrDefault(targets.Contains);
        return target is null ? null : new RunPlan($"{file} ({target})", [$"make -f {file} {target}"], [], [], null);
    }
}
