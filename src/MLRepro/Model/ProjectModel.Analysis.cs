using MLRepro.Analysis;
using MLRepro.Formats.Dependencies;

namespace MLRepro.Model;

/// <summary>
/// Derived analyses over the parsed documents, computed once and shared by several checks (randomness,
/// config usage, entry points, imports, data). They observe; checks judge.
/// </summary>
public sealed partial class ProjectModel
{
    private readonly object _analysisLock = new();
    private RandomnessAnalysis? _randomness;
    private ConfigAnalysis? _config;
    private EntryPointAnalysis? _entryPoints;
    private ImportAnalysis? _imports;
    private DataAnalysis? _data;
    private ValueTracer? _tracer;
    private IReadOnlyList<ProjectCommand>? _commands;
    private ToolUsage? _tools;
    private LocalModules? _localModules;

    /// <summary>The project's own modules by import name: which files each import loads.</summary>
    public LocalModules LocalModules => Once(ref _localModules, () => new LocalModules(PythonModules, Index));

    /// <summary>Frameworks, apps, trackers and orchestrators the code uses.</summary>
    public ToolUsage Tools => Once(ref _tools, () => ToolUsage.Build(PythonModules, Index));

    /// <summary>Every command the project's own files run: pipeline stages, MLproject, Makefiles, CI steps, README and notebook shell lines.</summary>
    public IReadOnlyList<ProjectCommand> Commands => Once(ref _commands, BuildCommands);

    /// <summary>Randomness sources and their seeds.</summary>
    public RandomnessAnalysis Randomness => Once(ref _randomness, () => RandomnessAnalysis.Build(PythonModules, Tracer, Config.ParameterFiles, RandomnessAnalysis.DeclaredScripts(EntryPoints), LocalModules));

    /// <summary>Config files, their use by code, and hard-coded hyperparameters.</summary>
    public ConfigAnalysis Config => Once(ref _config, () => ConfigAnalysis.Build(ConfigFiles, PythonModules, [.. Commands.Select(c => (c.Path, c.Line, c.Text)).Concat(PipelineInterpolations()).Concat(ShellScriptRuns())],
        VendoredPackages.ToHashSet(StringComparer.Ordinal)));

    /// <summary>Whether any config drives the run: parameter files, Python config modules, or MLproject parameters.</summary>
    public bool HasAnyConfig => Config.HasConfig || Pipelines.Any(p => p.Tool == PipelineTool.MLflow && p.Stages.Any(s => s.Params.Count > 0));

    /// <summary>
    /// Python runs in committed shell scripts (train.sh: `python train.py --config configs/b7.json …`, continuation lines
    /// joined): a config file they pass is loaded by the code they run.
    /// </summary>
    private IEnumerable<(string, int, string)> ShellScriptRuns()
    {
        foreach (var f in Index.Files.Where(f => f.Extension is ".sh" or ".bash" && !f.Path.Split('/').Any(p => p.StartsWith('.'))))
        {
            if (Text(f) is not { } text)
            {
                continue;
            }

            var joined = new System.Text.StringBuilder();
            var start = 1;
            for (var i = 1; i <= text.LineCount; i++)
            {
                var line = text.GetLine(i).TrimEnd();
                if (joined.Length == 0)
                {
                    start = i;
                }

                joined.Append(line.EndsWith('\\') ? line[..^1] + " " : line);
                if (line.EndsWith('\\'))
                {
                    continue;
                }

                var command = joined.ToString();
                joined.Clear();
                if (command.Contains("python", StringComparison.Ordinal) && !command.TrimStart().StartsWith('#'))
                {
                    yield return (f.Path, start, command.Trim());
                }
            }
        }
    }

    /// <summary>
    /// The `${key}` references of dvc.yaml as written (the parsed stages hold the interpolated commands), so keys read
    /// only through interpolation count as used.
    /// </summary>
    private IEnumerable<(string, int, string)> PipelineInterpolations()
    {
        foreach (var p in DvcPipelines)
        {
            if (Text(p.Path) is not { } text)
            {
                continue;
            }

            for (var i = 1; i <= text.LineCount; i++)
            {
                var line = text.GetLine(i);
                if (line.Contains("${", StringComparison.Ordinal))
                {
                    yield return (p.Path, i, line);
                }
            }
        }
    }

    /// <summary>Ways to run the project.</summary>
    public EntryPointAnalysis EntryPoints => Once(ref _entryPoints, () => EntryPointAnalysis.Build(Commands, PythonModules, p => Index.Contains(p), [.. Index.Files.Where(f => f.Extension is ".py" or ".ipynb").Select(f => f.Path)]));

    /// <summary>Third-party imports against declared dependencies.</summary>
    public ImportAnalysis Imports => Once(ref _imports, () => ImportAnalysis.Build(PythonModules, Dependencies, Index, Runtimes.FirstOrDefault()?.Version, Text));

    /// <summary>The project's data.</summary>
    public DataAnalysis Data => Once(ref _data, () => DataAnalysis.Build(this, Tracer));

    /// <summary>Traces values to config keys, command-line options and literals.</summary>
    public ValueTracer Tracer => Once(ref _tracer, () => new ValueTracer(PythonModules, Config.LeafKeys, CliOptionsFedFromConfig(), Config.NullLeafKeys, FlagsPassedByCommands(), LocalModules));

    /// <summary>Bytes recorded for DVC outputs (dvc.lock and .dvc files).</summary>
    public long DvcLockOutSizes() =>
        (DvcLock?.Stages.SelectMany(s => s.Outs).Sum(o => o.Size ?? 0) ?? 0) + DvcFiles.SelectMany(f => f.Outs).Sum(o => o.Size ?? 0);

    internal T Once<T>(ref T? field, Func<T> build)
        where T : class
    {
        if (field is { } v)
        {
            return v;
        }

        lock (_analysisLock)
        {
            return field ??= build();
        }
    }

    private IReadOnlyList<ProjectCommand> BuildCommands()
    {
        var list = new List<ProjectCommand>();
        foreach (var p in Pipelines)
        {
            var kind = p.Tool switch
            {
                PipelineTool.MLflow => EntryPointKind.MLproject,
                PipelineTool.Make => EntryPointKind.Makefile,
                _ => EntryPointKind.Pipeline,
            };
            foreach (var s in p.Stages)
            {
                foreach (var c in s.Commands)
                {
                    list.Add(new ProjectCommand(kind, s.SourcePath, s.Line, c));
                }
            }
        }

        foreach (var w in Workflows)
        {
            foreach (var step in w.Jobs.SelectMany(j => j.Steps))
            {
                var cwd = step.WorkingDirectory is { } wd ? CommandLines.ApplyCd("cd " + wd, string.Empty) : string.Empty;
                foreach (var c in step.Commands)
                {
                    list.Add(new ProjectCommand(EntryPointKind.Workflow, w.Path, c.Line, c.Text, Cwd: cwd));
                }
            }
        }

        foreach (var d in Docs)
        {
            foreach (var c in d.Commands)
            {
                var block = d.CodeBlocks.LastOrDefault(b => b.Line <= c.Line && c.Line < b.Line + b.Text.Count(ch => ch == '\n') + 1);
                list.Add(new ProjectCommand(EntryPointKind.Documentation, d.Path, c.Line, c.Text, block?.Line ?? 0));
            }
        }

        foreach (var m in PythonModules.Where(m => m.Notebook is not null))
        {
            foreach (var c in m.Notebook!.ShellCommands)
            {
                list.Add(new ProjectCommand(EntryPointKind.Notebook, m.Path, c.LineInCell, c.Text));
            }
        }

        return list;
    }

    /// <summary>Option names (dest form) that any committed command passes (`--random_seed 0` in a README or script).</summary>
    private HashSet<string> FlagsPassedByCommands()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in Commands)
        {
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(c.Text, @"(?<![\w-])--?(?<flag>[A-Za-z][\w-]*)"))
            {
                set.Add(m.Groups["flag"].Value.Replace('-', '_'));
            }
        }

        // A flag file the commands pass sets every flag it lists.
        set.UnionWith(FlagFileKeys());
        return set;
    }

    /// <summary>The flags set by the absl flag files a committed command passes (<c>--flagfile=config/CIFAR10.txt</c>): their keys
    /// (computed once: both the passed flags and the flags fed from config take them).</summary>
    private IReadOnlyList<string> FlagFileKeys() => _flagFileKeys ??= [.. ReadFlagFileKeys()];

    private IReadOnlyList<string>? _flagFileKeys;

    private IEnumerable<string> ReadFlagFileKeys()
    {
        foreach (var c in Commands)
        {
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(c.Text, @"--flagfile[ =]+[""']?(?<path>[^\s""']+)"))
            {
                var path = CommandLines.StripDotSlash(m.Groups["path"].Value.Replace('\\', '/'));
                if (ConfigFiles.FirstOrDefault(f => f.Path == path) is { } file)
                {
                    foreach (var e in file.Entries)
                    {
                        yield return e.KeyPath;
                    }
                }
            }
        }
    }

    /// <summary>Option names a pipeline, Makefile or MLproject command fills from config (`--seed ${seed}`, `--lr {lr}`, `--epochs $(EPOCHS)`).</summary>
    private HashSet<string> CliOptionsFedFromConfig()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in Commands.Where(c => c.Kind is EntryPointKind.Pipeline or EntryPointKind.MLproject or EntryPointKind.Makefile))
        {
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(c.Text, @"--?(?<flag>[A-Za-z][\w-]*)[ =]+[""']?(?:\$\{|\{|\$\()"))
            {
                set.Add(m.Groups["flag"].Value.Replace('-', '_'));
            }
        }

        // absl's --flagfile=config/CIFAR10.txt: the flags it lists take their values from that committed file.
        set.UnionWith(FlagFileKeys());
        return set;
    }
}
