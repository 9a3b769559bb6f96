using YamlDotNet.RepresentationModel;

namespace MLRepro.Verify;

/// <summary>A float tolerance for one file glob, optionally narrowed to one key path or tensor name.</summary>
/// <param name="FileGlob">Glob over the output's project-relative path ('*', '**', '?').</param>
/// <param name="Key">Key path (metrics) or tensor name; null for the whole file.</param>
/// <param name="Absolute">Allowed |a-b|.</param>
/// <param name="Relative">Allowed |a-b| / max(|a|,|b|).</param>
public sealed record Tolerance(string FileGlob, string? Key, double Absolute, double Relative)
{
    /// <summary>Whether two numbers are equal within this tolerance.</summary>
    public bool Accepts(double a, double b)
    {
        if (a.Equals(b))
        {
            return true;
        }

        var d = Math.Abs(a - b);
        return d <= Absolute || d <= Relative * Math.Max(Math.Abs(a), Math.Abs(b));
    }
}

/// <summary>What to run and what to compare: the commands (run in order, each through /bin/sh), declared outputs, tolerances.</summary>
/// <param name="Source">Where the plan came from ("--cmd", ".mlrepro.yaml", "dvc.yaml", …).</param>
/// <param name="Commands">Shell commands, run in order in the project copy; the run stops at the first failure.</param>
/// <param name="Outputs">Declared outputs (project-relative paths or globs); created/changed files are added to these.</param>
/// <param name="Tolerances">Opt-in float tolerances.</param>
/// <param name="Timeout">Time limit for one whole run, if the plan sets one.</param>
public sealed record RunPlan(string Source, IReadOnlyList<string> Commands, IReadOnlyList<string> Outputs, IReadOnlyList<Tolerance> Tolerances, TimeSpan? Timeout)
{
    /// <summary>The tolerance that applies to a file (and key), most specific first; null means exact.</summary>
    public Tolerance? ToleranceFor(string path, string? key)
    {
        Tolerance? fileLevel = null;
        foreach (var t in Tolerances)
        {
            if (!Glob.IsMatch(t.FileGlob, path))
            {
                continue;
            }

            if (t.Key is not null && key is not null && (t.Key == key || key.StartsWith(t.Key + ".", StringComparison.Ordinal)))
            {
                return t;
            }

            if (t.Key is null)
            {
                fileLevel ??= t;
            }
        }

        return fileLevel;
    }

    /// <summary>A one-line-per-command rendering for `--plan`.</summary>
    public string Describe()
    {
        var lines = new List<string> { $"plan from {Source}:" };
        lines.AddRange(Commands.Select((c, i) => $"  {i + 1}. {c}"));
        if (Outputs.Count > 0)
        {
            lines.Add("  declared outputs: " + string.Join(", ", Outputs));
        }

        foreach (var t in Tolerances)
        {
            lines.Add($"  tolerance {t.FileGlob}{(t.Key is null ? "" : ":" + t.Key)}: abs {t.Absolute.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}, rel {t.Relative.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}");
        }

        if (Timeout is { } to)
        {
            lines.Add($"  timeout: {to.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} s");
        }

        return string.Join('\n', lines);
    }
}

/// <summary>One way to find a run plan in a project. Sources are tried in order of precedence.</summary>
public interface IRunPlanSource
{
    /// <summary>Short name shown in the plan ("--cmd", ".mlrepro.yaml").</summary>
    string Name { get; }

    /// <summary>Reads a plan, or null when this source has none. Problems go to <paramref name="problems"/>; never throws on content.</summary>
    RunPlan? TryRead(string projectRoot, ICollection<string> problems);
}

/// <summary>`--cmd "..."`: a command given on the command line.</summary>
public sealed class CommandLinePlanSource(IReadOnlyList<string> commands) : IRunPlanSource
{
    /// <inheritdoc />
    public string Name => "--cmd";

    /// <inheritdoc />
    public RunPlan? TryRead(string projectRoot, ICollection<string> problems) =>
        commands.Count == 0 ? null : new RunPlan(Name, commands, [], [], null);
}

/// <summary>`.mlrepro.yaml`: <c>run:</c> (string or list), <c>outputs:</c>, <c>tolerances:</c>, <c>timeout:</c>.</summary>
/// <remarks>
/// Tolerances: a mapping from "GLOB" or "GLOB:KEY" to a number (absolute) or to {abs: x, rel: y}.
/// Timeout: seconds, or a number with s/m/h suffix.
/// </remarks>
public sealed class MlreproYamlPlanSource : IRunPlanSource
{
    /// <summary>The file name.</summary>
    public const string FileName = ".mlrepro.yaml";

    /// <inheritdoc />
    public string Name => FileName;

    /// <inheritdoc />
    public RunPlan? TryRead(string projectRoot, ICollection<string> problems)
    {
        var path = Path.Combine(projectRoot, FileName);
        if (!File.Exists(path))
        {
            path = Path.Combine(projectRoot, ".mlrepro.yml");
            if (!File.Exists(path))
            {
                return null;
            }
        }

        YamlMappingNode? root;
        try
        {
            var stream = new YamlStream();
            using var reader = new StreamReader(path);
            stream.Load(reader);
            root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode as YamlMappingNode : null;
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            problems.Add($"{FileName}:{e.Start.Line}: {e.Message}");
            return null;
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner throws this on some malformed flow collections.
            problems.Add($"{FileName}: not valid YAML ({e.Message})");
            return null;
        }

        if (root is null)
        {
            problems.Add($"{FileName}: expected a mapping with a 'run:' key");
            return null;
        }

        var commands = Strings(Get(root, "run"));
        if (commands.Count == 0)
        {
            problems.Add($"{FileName}: no 'run:' command (a string or a list of strings)");
            return null;
        }

        var outputs = Strings(Get(root, "outputs"));
        var tolerances = new List<Tolerance>();
        if (Get(root, "tolerances") is YamlMappingNode tol)
        {
            foreach (var (k, v) in tol.Children)
            {
                var name = ((YamlScalarNode)k).Value ?? "";
                var colon = name.IndexOf(':', StringComparison.Ordinal);
                var glob = colon < 0 ? name : name[..colon];
                var key = colon < 0 ? null : name[(colon + 1)..];
                double abs = 0, rel = 0;
                if (v is YamlScalarNode s && TryNumber(s.Value, out var a))
                {
                    abs = a;
                }
                else if (v is YamlMappingNode m)
                {
                    _ = TryNumber((Get(m, "abs") as YamlScalarNode)?.Value, out abs);
                    _ = TryNumber((Get(m, "rel") as YamlScalarNode)?.Value, out rel);
                }
                else
                {
                    problems.Add($"{FileName}:{v.Start.Line}: tolerance for '{name}' must be a number or {{abs: x, rel: y}}");
                    continue;
                }

                tolerances.Add(new Tolerance(glob, key, abs, rel));
            }
        }

        TimeSpan? timeout = null;
        if (Get(root, "timeout") is YamlScalarNode ts)
        {
            timeout = ParseDuration(ts.Value);
            if (timeout is null)
            {
                problems.Add($"{FileName}:{ts.Start.Line}: timeout '{ts.Value}' is not a duration (e.g. 600, 10m, 1h)");
            }
        }

        return new RunPlan(Name, commands, outputs, tolerances, timeout);
    }

    /// <summary>Parses "90", "90s", "10m", "2h".</summary>
    public static TimeSpan? ParseDuration(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        var unit = 1.0;
        if (text.EndsWith('h'))
        {
            unit = 3600;
            text = text[..^1];
        }
        else if (text.EndsWith('m'))
        {
            unit = 60;
            text = text[..^1];
        }
        else if (text.EndsWith('s'))
        {
            text = text[..^1];
        }

        return TryNumber(text, out var n) && n > 0 ? TimeSpan.FromSeconds(n * unit) : null;
    }

    private static bool TryNumber(string? s, out double value) =>
        double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out value);

    private static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    private static List<string> Strings(YamlNode? node) => node switch
    {
        YamlScalarNode s when !string.IsNullOrWhiteSpace(s.Value) => [s.Value!],
        YamlSequenceNode seq => seq.Children.OfType<YamlScalarNode>().Select(x => x.Value ?? "").Where(x => x.Length > 0).ToList(),
        _ => [],
    };
}

/// <summary>Chooses the plan: the first source (in precedence order) that yields one.</summary>
public static class RunPlanResolver
{
    /// <summary>The default sources after --cmd, in precedence order (the pipeline readers are minimal; the lead may swap in the shared parsers).</summary>
    public static IReadOnlyList<IRunPlanSource> DefaultSources { get; } =
        [new MlreproYamlPlanSource(), new DvcYamlPlanSource(), new MLprojectPlanSource(), new MakefilePlanSource()];

    /// <summary>The message shown when no plan was found.</summary>
    public const string NoPlanMessage =
        "no run plan: give a command with --cmd \"python3 train.py\", or add a .mlrepro.yaml with 'run: python3 train.py' " +
        "(optional: outputs:, tolerances:, timeout:); dvc.yaml stages, an MLproject main entry point or a Makefile 'repro'/'all' target also work";

    /// <summary>Resolves the plan for a project. Returns null (with problems) when no source has one.</summary>
    public static RunPlan? Resolve(string projectRoot, IReadOnlyList<string> cmd, ICollection<string> problems, IEnumerable<IRunPlanSource>? sources = null)
    {
        IEnumerable<IRunPlanSource> all = [new CommandLinePlanSource(cmd), .. sources ?? DefaultSources];
        foreach (var s in all)
        {
            var plan = s.TryRead(projectRoot, problems);
            if (plan is not null)
            {
                return plan;
            }
        }

        return null;
    }
}
