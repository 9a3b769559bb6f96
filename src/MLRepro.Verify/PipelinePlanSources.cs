using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace MLRepro.Verify;

/// <summary>Shared YAML loading for the pipeline sources (never throws on content).</summary>
internal static class PlanYaml
{
    public static YamlMappingNode? Load(string path, string name, ICollection<string> problems)
    {
        try
        {
            var ys = new YamlStream();
            using var r = new StreamReader(path);
            ys.Load(r);
            if (ys.Documents.Count > 0 && ys.Documents[0].RootNode is YamlMappingNode m)
            {
                return m;
            }

            problems.Add($"{name}: expected a mapping");
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            problems.Add($"{name}:{e.Start.Line}: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            problems.Add($"{name}: not valid YAML ({e.Message})");
        }

        return null;
    }

    public static YamlNode? Get(YamlMappingNode m, string key) => m.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    public static List<string> Strings(YamlNode? node) => node switch
    {
        YamlScalarNode s when !string.IsNullOrWhiteSpace(s.Value) => [s.Value!],
        YamlSequenceNode seq => seq.Children.Select(c => c switch
        {
            YamlScalarNode s => s.Value ?? "",
            // outs entries may be mappings: "- model.pkl: {cache: false}"
            YamlMappingNode m when m.Children.Count > 0 => (m.Children.First().Key as YamlScalarNode)?.Value ?? "",
            _ => "",
        }).Where(x => x.Length > 0).ToList(),
        _ => [],
    };
}

/// <summary>
/// dvc.yaml: the stages' commands in dependency order (a stage runs after every stage whose outs it depends on),
/// run from the parsed pipeline so DVC need not be installed. outs, metrics and plots become declared outputs.
/// A minimal reader: foreach/matrix stages and ${} templating are reported as problems, not expanded.
/// </summary>
public sealed class DvcYamlPlanSource : IRunPlanSource
{
    /// <inheritdoc />
    public string Name => "dvc.yaml";

    /// <inheritdoc />
    public RunPlan? TryRead(string projectRoot, ICollection<string> problems)
    {
        var path = Path.Combine(projectRoot, "dvc.yaml");
        if (!File.Exists(path) || PlanYaml.Load(path, Name, problems) is not { } root || PlanYaml.Get(root, "stages") is not YamlMappingNode stages)
        {
            return null;
        }

        var list = new List<(string Name, List<string> Cmds, List<string> Deps, List<string> Outs)>();
        foreach (var (k, v) in stages.Children)
        {
            var name = (k as YamlScalarNode)?.Value ?? "?";
            if (v is not YamlMappingNode st)
            {
                continue;
            }

            if (PlanYaml.Get(st, "foreach") is not null || PlanYaml.Get(st, "matrix") is not null)
            {
                problems.Add($"dvc.yaml: stage '{name}' uses foreach/matrix, which this reader does not expand; use .mlrepro.yaml or --cmd");
                return null;
            }

            var cmds = PlanYaml.Strings(PlanYaml.Get(st, "cmd"));
            if (cmds.Any(c => c.Contains("${", StringComparison.Ordinal)))
            {
                problems.Add($"dvc.yaml: stage '{name}' uses ${{}} templating, which this reader does not expand; use .mlrepro.yaml or --cmd");
                return null;
            }

            var wdir = (PlanYaml.Get(st, "wdir") as YamlScalarNode)?.Value;
            if (!string.IsNullOrEmpty(wdir) && wdir != ".")
            {
                cmds = cmds.Select(c => $"(cd '{wdir}' && {c})").ToList();
            }

            var prefix = string.IsNullOrEmpty(wdir) || wdir == "." ? "" : wdir.TrimEnd('/') + "/";
            var outs = PlanYaml.Strings(PlanYaml.Get(st, "outs")).Concat(PlanYaml.Strings(PlanYaml.Get(st, "metrics")))
                .Concat(PlanYaml.Strings(PlanYaml.Get(st, "plots"))).Select(o => prefix + o).ToList();
            var deps = PlanYaml.Strings(PlanYaml.Get(st, "deps")).Select(d => prefix + d).ToList();
            list.Add((name, cmds, deps, outs));
        }

        if (list.Count == 0)
        {
            return null;
        }

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
                if (j != i && list[i].Deps.Any(d => list[j].Outs.Any(o => d == o || d.StartsWith(o.TrimEnd('/') + "/", StringComparison.Ordinal) || o.StartsWith(d.TrimEnd('/') + "/", StringComparison.Ordinal))) && !Visit(j))
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

        var commands = ordered.SelectMany(i => list[i].Cmds).ToList();
        var outputs = ordered.SelectMany(i => list[i].Outs).Distinct(StringComparer.Ordinal).ToList();
        return commands.Count == 0 ? null : new RunPlan(Name, commands, outputs, [], null);
    }
}

/// <summary>MLproject: the main entry point's command with default parameter values substituted.</summary>
public sealed class MLprojectPlanSource : IRunPlanSource
{
    /// <inheritdoc />
    public string Name => "MLproject";

    /// <inheritdoc />
    public RunPlan? TryRead(string projectRoot, ICollection<string> problems)
    {
        var path = Path.Combine(projectRoot, "MLproject");
        if (!File.Exists(path) || PlanYaml.Load(path, Name, problems) is not { } root)
        {
            return null;
        }

        if (PlanYaml.Get(root, "entry_points") is not YamlMappingNode eps || PlanYaml.Get(eps, "main") is not YamlMappingNode main ||
            PlanYaml.Get(main, "command") is not YamlScalarNode { Value: { Length: > 0 } command })
        {
            problems.Add("MLproject: no entry_points.main.command");
            return null;
        }

        var defaults = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (PlanYaml.Get(main, "parameters") is YamlMappingNode ps)
        {
            foreach (var (k, v) in ps.Children)
            {
                var name = (k as YamlScalarNode)?.Value ?? "";
                defaults[name] = v switch
                {
                    YamlMappingNode m => (PlanYaml.Get(m, "default") as YamlScalarNode)?.Value,
                    YamlScalarNode => null, // "name: float" declares a type without a default
                    _ => null,
                };
            }
        }

        var missing = new List<string>();
        var result = Regex.Replace(command, @"\{(\w+)\}", m =>
        {
            if (defaults.TryGetValue(m.Groups[1].Value, out var d) && d is not null)
            {
                return d;
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
