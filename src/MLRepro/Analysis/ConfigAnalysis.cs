using System.Collections.Immutable;
using System.Text.RegularExpressions;
using MLRepro.Formats.Config;
using MLRepro.Knowledge;
using MLRepro.Model;
using MLRepro.Python;

namespace MLRepro.Analysis;

/// <summary>A literal hyperparameter written in code instead of a config file.</summary>
public sealed record HardCodedParameter(string Path, int Line, string Name, string Value, string Snippet);

/// <summary>How one config file is used by the code.</summary>
/// <param name="File">The config file.</param>
/// <param name="LoadedAt">Where code (or a pipeline/Makefile/MLproject command) loads it; empty when nothing does.</param>
/// <param name="UsedKeys">Leaf key paths referenced somewhere.</param>
/// <param name="UnusedKeys">Leaf key paths never referenced.</param>
public sealed record ConfigUsage(ConfigFile File, ImmutableArray<(string Path, int Line, string How)> LoadedAt, ImmutableArray<ConfigEntry> UsedKeys, ImmutableArray<ConfigEntry> UnusedKeys)
{
    /// <summary>Whether anything loads the file.</summary>
    public bool IsLoaded => LoadedAt.Length > 0;
}

/// <summary>
/// Which committed files hold parameters, whether code loads them and reads every key, and which
/// hyperparameters are hard-coded instead.
/// </summary>
public sealed partial class ConfigAnalysis
{
    /// <summary>Parameter files (YAML/JSON/TOML/INI configs, Hydra trees, Kedro parameters, Python config modules).</summary>
    public required ImmutableArray<ConfigFile> ParameterFiles { get; init; }

    /// <summary>Python modules that are configs (plain assignments of literals).</summary>
    public required ImmutableArray<ModuleSummary> PythonConfigModules { get; init; }

    /// <summary>Literal hyperparameters in code.</summary>
    public required ImmutableArray<HardCodedParameter> HardCoded { get; init; }

    /// <summary>Per parameter file: who loads it and which keys are read.</summary>
    public required ImmutableArray<ConfigUsage> Usage { get; init; }

    /// <summary>Command-line options declared in code (argparse/click/typer).</summary>
    public required ImmutableArray<(string Path, CliOption Option)> CliOptions { get; init; }

    /// <summary>Leaf key names of all parameter files.</summary>
    public required IReadOnlySet<string> LeafKeys { get; init; }

    /// <summary>Leaf keys whose every committed value is null (`seed: null`): reading them yields no value.</summary>
    public required IReadOnlySet<string> NullLeafKeys { get; init; }

    /// <summary>Whether there is any config at all.</summary>
    public bool HasConfig => ParameterFiles.Length > 0 || PythonConfigModules.Length > 0;

    /// <summary>Most entries a parameter file has; larger mappings (vocabularies, lookup tables) are data.</summary>
    public const int MaxParameterEntries = 2_000;

    private static readonly HashSet<ConfigRole> ParameterRoles = [ConfigRole.Params, ConfigRole.General, ConfigRole.Hyperparameters, ConfigRole.Hydra, ConfigRole.KedroParameters];

    /// <summary>Builds the analysis.</summary>
    /// <param name="configFiles">Parsed config files.</param>
    /// <param name="modules">Python modules.</param>
    /// <param name="commands">Commands that pipelines, Makefiles, MLproject entry points, CI and READMEs run (file, line, text).</param>
    /// <param name="vendoredRoots">Folders holding a copy of another project (see <see cref="VendoredRoots"/>): their literals are that project's defaults.</param>
    public static ConfigAnalysis Build(IReadOnlyList<ConfigFile> configFiles, IReadOnlyList<ModuleSummary> modules, IReadOnlyList<(string Path, int Line, string Text)> commands, IReadOnlySet<string>? vendoredRoots = null)
    {
        // Test fixtures (tests/fixtures/config_dpo_full.yaml) are inputs of the tests, not parameters of a run; a mapping of
        // thousands of keys (a tokenizer's vocab.json, a label map) is data the code looks up, not parameters set by hand.
        var paramFiles = configFiles.Where(c => ParameterRoles.Contains(c.Role) && c.Entries.Count > 0 && c.Entries.Count <= MaxParameterEntries && !IsTestPath(c.Path) && !IsResultsReport(c)).ToImmutableArray();
        var pyConfigs = modules.Where(IsPythonConfig).ToImmutableArray();
        var pyConfigPaths = pyConfigs.Select(m => m.Path).ToHashSet(StringComparer.Ordinal);
        var leafKeys = paramFiles.SelectMany(f => f.Entries).Select(e => Leaf(e.KeyPath)).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
        foreach (var m in pyConfigs)
        {
            foreach (var a in m.Assignments.Where(a => a.IsModuleLevel))
            {
                leafKeys.Add(a.RawTarget);
            }

            if (IsConfigFactory(m))
            {
                leafKeys.UnionWith(FactoryValues(m).Select(v => v.Name));
            }
        }

        var hard = ImmutableArray.CreateBuilder<HardCodedParameter>();
        // Where there are scripts, notebooks are exploration and analysis, not the runs the config drives.
        var hasScripts = modules.Any(m => !m.IsNotebook && m.MainGuardLine is not null && !IsTestOrTooling(m.Path));
        foreach (var m in modules.Where(m => !pyConfigPaths.Contains(m.Path) && !IsTestOrTooling(m.Path) && !(hasScripts && m.IsNotebook) && !RandomnessAnalysis.IsExportScript(m.Path)
            && !(vendoredRoots is { Count: > 0 } && vendoredRoots.Any(r => m.Path.StartsWith(r + "/", StringComparison.Ordinal)))))
        {
            // nanoGPT-style configurator: globals assigned before `exec(open("configurator.py").read())` are defaults
            // that config files and --key=value flags override, like argparse defaults.
            var overriddenBefore = m.Calls.Where(c => c.Target is "exec" && c.Arguments.FirstOrDefault()?.Text.Contains("open(", StringComparison.Ordinal) == true
                    || c.RawTarget is "globals().update").Select(c => c.Line).DefaultIfEmpty(0).Max();
            foreach (var call in m.Calls.Where(c => !IsPlotting(c)))
            {
                foreach (var arg in call.Arguments)
                {
                    if (arg.Keyword is { } k && Hyperparameters.IsHyperparameter(k) && arg.Literal is { Kind: LiteralKind.Int or LiteralKind.Float } lit && !SwitchedOff(k, lit)
                        && !(k is "eps" or "epsilon" && !Tunable().IsMatch(call.Target)))
                    {
                        hard.Add(new HardCodedParameter(m.Path, call.Line, k, lit.ToString(), $"{call.RawTarget}(… {k}={arg.Text} …)"));
                    }
                }
            }

            foreach (var a in m.Assignments.Where(a => a.IsModuleLevel && a.Operator == "=" && a.Literal is { Kind: LiteralKind.Int or LiteralKind.Float } && a.Line >= overriddenBefore))
            {
                if (Hyperparameters.IsHyperparameter(a.RawTarget))
                {
                    hard.Add(new HardCodedParameter(m.Path, a.Line, a.RawTarget, a.Literal!.ToString(), $"{a.RawTarget} = {a.ValueText}"));
                }
            }

            // A parameter dict written in code (`params = {'learning_rate': 0.01, 'num_leaves': 63}` handed to lgb.train,
            // XGBoost, CatBoost or a model factory) sets the same hyperparameters as keyword arguments do, at any depth.
            // A dict named as defaults (DEFAULTS, default_config) is what a config loader merges the committed file over,
            // like argparse defaults: the file's values win, so its literals are not parameters set in code.
            foreach (var a in m.Assignments.Where(a => a.Operator == "=" && a.ValueText.StartsWith('{') && (!a.IsModuleLevel || a.Line >= overriddenBefore)
                && !a.RawTarget.Contains("default", StringComparison.OrdinalIgnoreCase)))
            {
                AddDictEntries(hard, m.Path, a.Line, a.RawTarget, a.ValueText);
            }

            foreach (var call in m.Calls.Where(c => !IsPlotting(c) && !MapsValues(c)))
            {
                foreach (var arg in call.Arguments.Where(g => g.Text.StartsWith('{')))
                {
                    AddDictEntries(hard, m.Path, call.Line, call.RawTarget, arg.Text);
                }
            }
        }

        // Names and spread expressions are the same for every file: computed once, not per config file.
        var referenced = ReferencedNames(modules, commands);
        var spread = SpreadExpressions(modules);
        var project = LoadIndex.Of(modules);
        var wholeRead = WholeReads(modules);
        var sectionSpread = SectionSpreads(modules);
        var usage = paramFiles.Select(f => UsageOf(f, modules, commands, referenced, spread, project, wholeRead, sectionSpread)).ToImmutableArray();
        var cli = modules.Where(m => !IsTestOrTooling(m.Path)).SelectMany(m => m.CliOptions.Select(o => (m.Path, o))).ToImmutableArray();
        return new ConfigAnalysis
        {
            ParameterFiles = paramFiles,
            PythonConfigModules = pyConfigs,
            HardCoded = hard.ToImmutable(),
            Usage = usage,
            CliOptions = cli,
            LeafKeys = leafKeys,
            NullLeafKeys = NullByDefault(paramFiles),
        };
    }

    /// <summary>
    /// Leaf keys a default run reads as null: null in every file, or null in every primary file while only Hydra
    /// config-group options (experiment/, hparams_search/ — selected on the command line) give them a value.
    /// </summary>
    private static HashSet<string> NullByDefault(ImmutableArray<ConfigFile> files) =>
        files.SelectMany(f => f.Entries.Select(e => (File: f, Entry: e))).GroupBy(x => Leaf(x.Entry.KeyPath), StringComparer.Ordinal)
            .Where(g =>
            {
                var primary = g.Where(x => x.File.HydraGroup is null).ToList();
                return primary.Count > 0 ? primary.All(x => x.Entry.Kind == ConfigValueKind.Null) : g.All(x => x.Entry.Kind == ConfigValueKind.Null);
            })
            .Select(g => g.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// pandas-style value mappings (<c>df["Embarked"].map({"S": 0, "C": 1})</c>, <c>.replace</c>, <c>.rename</c>, <c>.astype</c>,
    /// <c>.fillna</c>, <c>.agg</c>): a dict handed to them maps data values or columns, whatever its keys are called.
    /// </summary>
    private static bool MapsValues(PythonCall c)
    {
        var last = c.RawTarget[(c.RawTarget.LastIndexOf('.') + 1)..];
        return c.RawTarget.Contains('.', StringComparison.Ordinal) && last is "map" or "replace" or "rename" or "astype" or "fillna" or "agg" or "aggregate";
    }

    /// <summary>Plotting calls (matplotlib, seaborn, plotly): their alpha= and size arguments are styling, not hyperparameters.</summary>
    private static bool IsPlotting(PythonCall c) =>
        c.Target.StartsWith("matplotlib.", StringComparison.Ordinal) || c.Target.StartsWith("seaborn.", StringComparison.Ordinal) || c.Target.StartsWith("plotly.", StringComparison.Ordinal)
        || PlotReceiver().IsMatch(c.RawTarget);

    /// <summary>A regulariser set to zero (`dropout=0.0` for inference, `weight_decay=0.0` for bias groups) is switched off, not tuned; batch_size=1 is no batching.</summary>
    /// <summary>Hyperparameter-named keys of a dict literal whose values are numbers (one entry per key and dict).</summary>
    private static void AddDictEntries(ImmutableArray<HardCodedParameter>.Builder hard, string path, int line, string owner, string dictText)
    {
        var text = WithoutComments(dictText);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match e in DictEntry().Matches(text))
        {
            var key = e.Groups["k"].Value;
            var v = e.Groups["v"].Value;
            var lit = PythonSyntax.ParseNumber(v.TrimStart('-'), v.StartsWith('-'));
            if (!Hyperparameters.IsHyperparameter(key) || lit is not { Kind: LiteralKind.Int or LiteralKind.Float } || SwitchedOff(key, lit) || IsCounter(key, lit) || !seen.Add(key))
            {
                continue;
            }

            var at = line + text.AsSpan(0, e.Index).Count('\n');
            hard.Add(new HardCodedParameter(path, at, key, lit.ToString(), $"{owner} = {{… '{key}': {e.Groups["v"].Value} …}}"));
        }
    }

    /// <summary>A state or log dict's counter (`{'epoch': 0, 'steps': 0}`, a checkpoint's epoch), not a setting.</summary>
    private static bool IsCounter(string key, PythonLiteral lit) => key is "epoch" || lit.AsDouble == 0 && key is "steps" or "max_steps" or "epochs";

    /// <summary>The text with `#` comments removed (outside string literals), line breaks kept.</summary>
    private static string WithoutComments(string text)
    {
        if (!text.Contains('#', StringComparison.Ordinal))
        {
            return text;
        }

        var sb = new System.Text.StringBuilder(text.Length);
        char quote = '\0';
        var comment = false;
        foreach (var c in text)
        {
            if (comment)
            {
                if (c == '\n')
                {
                    comment = false;
                    sb.Append(c);
                }

                continue;
            }

            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '#')
            {
                comment = true;
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>`'key': number` entries of a dict literal (the number ends at a comma, brace or line end).</summary>
    [GeneratedRegex(@"['""](?<k>[A-Za-z_][A-Za-z0-9_]*)['""]\s*:\s*(?<v>-?(?:\d[\d_]*\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(?=[,}\n])")]
    private static partial Regex DictEntry();

    private static bool SwitchedOff(string name, PythonLiteral literal) =>
        (literal.AsDouble == 0 && (name.StartsWith("dropout", StringComparison.OrdinalIgnoreCase) || name is "drop_rate" or "weight_decay" or "l2" or "label_smoothing" or "min_lr"))
        // One item at a time (a face detector over videos, inference over files) is a processing granularity, not a tuned batch size.
        || (literal.AsDouble == 1 && name is "batch_size");

    /// <summary>The last component of a key path (train.optimizer.lr → lr; layers[0].size → size).</summary>
    public static string Leaf(string keyPath)
    {
        var k = keyPath;
        var b = k.IndexOf('[');
        if (b >= 0 && k.EndsWith(']'))
        {
            k = k[..b];
        }

        return k[(k.LastIndexOf('.') + 1)..];
    }

    /// <summary>
    /// Project-wide facts <see cref="UsageOf"/> needs for every config file, computed once rather than once per file (a
    /// project with thousands of config files and modules made this quadratic): which modules can name a file (by the
    /// file name their literals end with), which have a Hydra main, and whether Kedro, Hydra's instantiate or a Hugging Face
    /// argument parser (HfArgumentParser, TRL's TrlParser) is used.
    /// </summary>
    private sealed record LoadIndex(Dictionary<string, List<int>> ModulesNaming, List<int> HydraModules, bool KedroImported, bool HydraInstantiates, bool HfArgumentParsed)
    {
        /// <summary>Config folders a module loads a file from, the file chosen by a command-line option (see <see cref="OptionChosenDirs"/>).</summary>
        public List<(int Module, int Line, string Dir, string[] Extensions, string What)> OptionDirs { get; } = [];

        /// <summary>gin-config parse calls (<c>gin.parse_config_file(path)</c>, <c>gin.parse_config_files_and_bindings(files, bindings)</c>).</summary>
        public List<(int Module, int Line, string What)> GinParses { get; } = [];

        public static LoadIndex Of(IReadOnlyList<ModuleSummary> modules)
        {
            var naming = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            var hydra = new List<int>();
            void Add(string literal, int i)
            {
                // Every way PathMatches accepts a literal ends it with the config file's name.
                var l = literal.Replace('\\', '/').TrimStart('.', '/');
                var last = l[(l.LastIndexOf('/') + 1)..];
                if (!naming.TryGetValue(last, out var list))
                {
                    naming[last] = list = [];
                }

                if (list.Count == 0 || list[^1] != i)
                {
                    list.Add(i);
                }
            }

            for (var i = 0; i < modules.Count; i++)
            {
                var m = modules[i];
                foreach (var read in m.Reads)
                {
                    if (read.Kind == ReadKind.Config && read.Path?.Literal?.AsString is { } p)
                    {
                        Add(p, i);
                    }
                }

                foreach (var s in m.StringLiterals)
                {
                    Add(s.Value, i);
                }

                if (m.Decorators.Any(IsHydraMain))
                {
                    hydra.Add(i);
                }
            }

            var index = new LoadIndex(
                naming,
                hydra,
                modules.Any(m => m.Imports.Any(i => i.Module.StartsWith("kedro", StringComparison.Ordinal))),
                modules.Any(m => m.Calls.Any(c => c.Target.EndsWith("hydra.utils.instantiate", StringComparison.Ordinal) || c.Target.EndsWith(".instantiate", StringComparison.Ordinal) && c.RawTarget.Contains("hydra", StringComparison.Ordinal))),
                modules.Any(m => m.Calls.Any(c => c.Target.EndsWith("HfArgumentParser", StringComparison.Ordinal) || c.Target.EndsWith("TrlParser", StringComparison.Ordinal))));
            for (var i = 0; i < modules.Count; i++)
            {
                foreach (var (line, dir, exts, what) in OptionChosenDirs(modules[i]))
                {
                    index.OptionDirs.Add((i, line, dir, exts, what));
                }

                foreach (var c in modules[i].Calls.Where(c => c.Target.StartsWith("gin.parse_config", StringComparison.Ordinal)))
                {
                    index.GinParses.Add((i, c.Line, $"{c.RawTarget}(…): gin binds the values of the files it is given to the @gin.configurable functions"));
                }
            }

            return index;
        }

        /// <summary>Indexes of the modules that may load a config file of this name, in module order.</summary>
        public IEnumerable<int> ModulesFor(string name) =>
            ModulesNaming.TryGetValue(name, out var naming) ? naming.Union(HydraModules).Order() : HydraModules;
    }

    /// <summary>
    /// Config reads whose file a command-line option picks inside a fixed folder: <c>yaml.safe_load(open(os.path.join("configs",
    /// args.config)))</c> (ddim-style: <c>--config cifar10.yml</c> names a file of configs/), <c>f"configs/{args.config}"</c>, or
    /// <c>json.load(open(options.config))</c> with <c>--config</c> defaulting to <c>./configs/x.json</c>. Every file of that
    /// folder with the reader's extension is one the documented <c>--config</c> choice loads.
    /// </summary>
    private static IEnumerable<(int Line, string Dir, string[] Extensions, string What)> OptionChosenDirs(ModuleSummary m)
    {
        if (m.CliOptions.IsDefaultOrEmpty)
        {
            yield break;
        }

        CliOption? Option(string name) => m.CliOptions.FirstOrDefault(o => (o.Dest ?? o.Flags.Where(f => f.StartsWith("--", StringComparison.Ordinal)).Select(f => f[2..].Replace('-', '_')).FirstOrDefault()) == name);
        var moduleDir = m.Path.Contains('/', StringComparison.Ordinal) ? m.Path[..m.Path.LastIndexOf('/')] : string.Empty;
        // `with open(os.path.join("configs", args.config)) as f: yaml.safe_load(f)`: the open itself is the read of the file
        // (the handle f may be re-bound later in the module, to a file written), parsed by the module's config reader.
        var parsers = m.Reads.Where(r => r.Kind == ReadKind.Config).Select(r => r.Function).Distinct(StringComparer.Ordinal).ToList();
        if (parsers.Count == 0)
        {
            yield break;
        }

        foreach (var read in m.Reads.Where(r => r.Path is { Literal: null } && (r.Kind == ReadKind.Config || r.Function is "open" or "io.open")))
        {
            var text = OpenWrapper().Match(read.Path!.Text) is { Success: true } w ? w.Groups["p"].Value.Trim() : read.Path!.Text.Trim();
            var parser = read.Kind == ReadKind.Config ? read.Function : parsers.Count == 1 ? parsers[0] : string.Empty;
            string[] exts = parser switch
            {
                var f when f.StartsWith("yaml.", StringComparison.Ordinal) || f.Contains("OmegaConf", StringComparison.Ordinal) => [".yaml", ".yml"],
                var f when f.StartsWith("json.", StringComparison.Ordinal) => [".json"],
                var f when f.Contains("toml", StringComparison.Ordinal) => [".toml"],
                _ => [".yaml", ".yml", ".json", ".toml", ".cfg", ".ini", ".conf"],
            };
            string? dir = null;
            if (JoinedOptionPath().Match(text) is { Success: true } j && Option(j.Groups["opt"].Value) is not null)
            {
                // f"hyperparams/{args.algo}.yml": the option names the file's stem, the extension is written.
                dir = j.Groups["dir"].Value;
                exts = j.Groups["ext"].Success ? [j.Groups["ext"].Value.ToLowerInvariant()] : exts;
            }
            else if (OptionValue().Match(text) is { Success: true } a && Option(a.Groups["opt"].Value) is { Default.Literal.AsString: { } d } && d.Replace('\\', '/').TrimStart('.', '/') is var dp && dp.Contains('/', StringComparison.Ordinal))
            {
                dir = dp[..dp.LastIndexOf('/')];
                var ext = System.IO.Path.GetExtension(dp).ToLowerInvariant();
                exts = ext.Length > 0 ? [ext] : exts;
            }

            if (dir is null)
            {
                continue;
            }

            dir = dir.Replace('\\', '/').Trim('/');
            var what = $"{(parser.Length > 0 ? parser : read.Function)}({Trim(read.Path!.Text)}): the file is chosen by a command-line option";
            yield return (read.Line, NormalizeDir(string.Empty, dir), exts, what);
            if (moduleDir.Length > 0)
            {
                yield return (read.Line, NormalizeDir(moduleDir, dir), exts, what);
            }
        }
    }

    [GeneratedRegex(@"^(?:io\.)?open\((?<p>[^,()]+(?:\([^()]*\))?[^,()]*)(?:,\s*(?:mode\s*=\s*)?['""]r[bt]?['""])?\s*\)$")]
    private static partial Regex OpenWrapper();

    [GeneratedRegex(@"^(?:os\.path\.join\(\s*['""](?<dir>\.?[\w./-]+)['""]\s*,\s*\w+\.(?<opt>\w+)\s*\)|f['""](?<dir>\.?[\w./-]+)/\{\w+\.(?<opt>\w+)\}(?<ext>\.\w+)?['""])$")]
    private static partial Regex JoinedOptionPath();

    [GeneratedRegex(@"^\w+\.(?<opt>\w+)$")]
    private static partial Regex OptionValue();

    private static bool IsHydraMain(PythonDecorator d) => d.Target.EndsWith("hydra.main", StringComparison.Ordinal) || d.RawTarget.EndsWith("hydra.main", StringComparison.Ordinal);

    /// <summary>
    /// Whether a literal naming a config file is a write's target rather than a load: a write call on the literal's line
    /// receives a path that names the file, or the module writes the file at a path known from its root and no config read
    /// of the module takes it.
    /// </summary>
    private static bool OnlyWritten(ModuleSummary m, PythonStringLiteral literal, string path, List<(Python.PythonCall Call, string Pattern)> writes)
    {
        if (writes.Count == 0)
        {
            return false;
        }

        if (writes.Any(w => w.Call.Line == literal.Line && RunBlockers.PatternMatches(w.Pattern, path)))
        {
            return true;
        }

        return writes.Any(w => RunBlockers.IsRooted(w.Pattern) && RunBlockers.PatternMatches(w.Pattern, path))
            && !m.Reads.Any(r => r.Kind == ReadKind.Config && r.Path is { } a && RunBlockers.PathPatternOf(m, a.Text, r.Line) is { } p && RunBlockers.PatternMatches(p, path));
    }

    private static ConfigUsage UsageOf(ConfigFile file, IReadOnlyList<ModuleSummary> modules, IReadOnlyList<(string Path, int Line, string Text)> commands, HashSet<string> referenced, HashSet<string> spread, LoadIndex project,
        HashSet<string> wholeRead, HashSet<string> sectionSpread)
    {
        var name = file.Path[(file.Path.LastIndexOf('/') + 1)..];
        var stem = name.Contains('.', StringComparison.Ordinal) ? name[..name.LastIndexOf('.')] : name;
        var dir = file.Path.Contains('/', StringComparison.Ordinal) ? file.Path[..file.Path.LastIndexOf('/')] : string.Empty;
        var loaded = ImmutableArray.CreateBuilder<(string, int, string)>();
        // Only modules that name a file of this name or have a Hydra main can load it; the others add nothing below.
        foreach (var m in project.ModulesFor(name).Select(i => modules[i]))
        {
            foreach (var read in m.Reads.Where(r => r.Kind == ReadKind.Config))
            {
                if (read.Path?.Literal?.AsString is { } p && PathMatches(p, file.Path, name))
                {
                    loaded.Add((m.Path, read.Line, $"{read.Function}(\"{p}\")"));
                }
            }

            // A literal naming the file counts as a load only when it can flow into a read: not when it is the target of a write
            // on its line (open("x.json", "w")), nor in a module that writes this very file and reads it with no config loader
            // (FLOW_PATH = ROOT / "artifacts" / "flow.json" … FLOW_PATH.open("w")).
            List<(Python.PythonCall Call, string Pattern)>? writes = null;
            foreach (var s in m.StringLiterals)
            {
                if (PathMatches(s.Value, file.Path, name) && !loaded.Any(l => l.Item1 == m.Path && l.Item2 == s.Line)
                    && !OnlyWritten(m, s, file.Path, writes ??= [.. RunBlockers.WriteSites(m)]))
                {
                    loaded.Add((m.Path, s.Line, $"names \"{s.Value}\""));
                }
            }

            // Hydra: @hydra.main(config_path="conf", config_name="config") loads conf/config.yaml and the groups under conf/.
            foreach (var d in m.Decorators.Where(IsHydraMain))
            {
                // config_path is relative to the decorated module's folder ("../configs" from src/train.py is configs/).
                var cp = (d.Arguments.FirstOrDefault(a => a.Keyword == "config_path")?.Literal?.AsString ?? string.Empty).Trim('/');
                var moduleDir = m.Path.Contains('/', StringComparison.Ordinal) ? m.Path[..m.Path.LastIndexOf('/')] : string.Empty;
                var hydraDir = NormalizeDir(moduleDir, cp);
                if (file.Role == ConfigRole.Hydra || dir == hydraDir || dir.StartsWith(hydraDir + "/", StringComparison.Ordinal))
                {
                    if (dir == hydraDir || dir.StartsWith(hydraDir + "/", StringComparison.Ordinal) || hydraDir.Length == 0)
                    {
                        loaded.Add((m.Path, d.Line, "Hydra config tree"));
                    }
                }
            }
        }

        var extension = System.IO.Path.GetExtension(name).ToLowerInvariant();
        foreach (var od in project.OptionDirs.Where(o => o.Dir == dir && o.Extensions.Contains(extension)))
        {
            loaded.Add((modules[od.Module].Path, od.Line, od.What));
        }

        // gin-config files are named at run time (--gin_file, a list of experiment files): a gin parse call in the project loads
        // them, and each binding reaches the parameter of its configurable.
        if (file.Format == ConfigFormat.Gin)
        {
            foreach (var (module, line, what) in project.GinParses)
            {
                loaded.Add((modules[module].Path, line, what));
            }
        }

        // A gin macro (NUM_LAYERS = 4) is read where a binding of the same file uses it (%NUM_LAYERS).
        var ginMacros = file.Format == ConfigFormat.Gin
            ? file.Entries.Where(e => e.Value is { } v && v.Contains('%', StringComparison.Ordinal)).SelectMany(e => GinMacroUse().Matches(e.Value!).Select(m => m.Groups["name"].Value)).ToHashSet(StringComparer.Ordinal)
            : [];

        foreach (var (path, line, text) in commands)
        {
            if (text.Contains(name, StringComparison.Ordinal) || (name == "params.yaml" && DvcInterpolation().IsMatch(text)))
            {
                loaded.Add((path, line, $"passed by `{Trim(text)}`"));
            }
        }

        // Frameworks that load configs themselves: Kedro's config loader reads conf/*/parameters*.yml for its nodes;
        // Hydra composes every file of its config tree (groups are selectable on the command line).
        if (file.Role == ConfigRole.KedroParameters && project.KedroImported)
        {
            loaded.Add((file.Path, 1, "loaded by Kedro's config loader (params: inputs of the pipeline nodes)"));
        }

        // Kedro's TemplatedConfigLoader reads conf/<env>/globals.yml and interpolates its keys (${base_location}) into the
        // catalog and parameters: every key of a globals file is consumed by the loader.
        var kedroGlobals = stem is "globals" && file.Path.Split('/').Any(p => p is "conf" or "config" or "configs")
            && project.KedroImported;
        if (kedroGlobals)
        {
            loaded.Add((file.Path, 1, "loaded by Kedro's templated config loader (globals interpolated into the catalog and parameters)"));
        }

        // MLflow Recipes reads recipe.yaml's keys itself, and profile keys fill its {{ }} placeholders.
        var recipe = ProjectModel.IsRecipeFile(file.Path)
            && modules.Any(m => m.Imports.Any(i => i.Module.StartsWith("mlflow.recipes", StringComparison.Ordinal) || i.Module.StartsWith("mlflow.pipelines", StringComparison.Ordinal)));
        if (recipe)
        {
            loaded.Add((file.Path, 1, "loaded by MLflow Recipes (Recipe(profile=...)) for every step"));
        }

        // A file of Hugging Face TrainingArguments-style keys (per_device_train_batch_size, gradient_accumulation_steps…) in a
        // project that parses its arguments with HfArgumentParser or TRL's TrlParser: the parser maps every key onto a field
        // of its dataclasses (TrainingArguments, SFTConfig, ModelConfig, which live in the library, not the project) and
        // refuses unknown keys, so each key is read or the run stops.
        var dataclassParsed = project.HfArgumentParsed && loaded.Count > 0 && file.Entries.Any(e => HfArgumentKeys.Contains(Leaf(e.KeyPath)));

        var hydraInstantiates = project.HydraInstantiates;
        var hasTargets = hydraInstantiates && file.Entries.Any(x => x.KeyPath.EndsWith("_target_", StringComparison.Ordinal));

        var hydraLoaded = loaded.Count > 0 && modules.Any(m => m.Decorators.Any(d => d.Target.EndsWith("hydra.main", StringComparison.Ordinal) || d.RawTarget.EndsWith("hydra.main", StringComparison.Ordinal)));
        // `hp = yaml.safe_load(f)[args.env]` … `PPO(**hp)` in a module that loads this file: the section is chosen at run time
        // and handed on whole, so every key under a top-level section is read (as rl-baselines3-zoo's hyperparams/<algo>.yml).
        var sectionsSpread = loaded.Any(l => sectionSpread.Contains(l.Item1));

        var used = ImmutableArray.CreateBuilder<ConfigEntry>();
        var unused = ImmutableArray.CreateBuilder<ConfigEntry>();
        foreach (var e in file.Entries.Where(e => e.Kind is not (ConfigValueKind.Map)))
        {
            var leaf = Leaf(e.KeyPath);
            var parts = e.KeyPath.Split('.');
            var ancestorSpread = parts.Take(parts.Length - 1).Any(p => spread.Contains(Leaf(p)));
            // Objects Hydra instantiates receive their whole sub-tree as constructor arguments.
            var hydraTree = hydraInstantiates && (file.Role == ConfigRole.Hydra || file.HydraGroup is not null || parts.Any(p => p == "_target_") || hasTargets);
            // A map keyed by numbers (`names: {0: person, 1: bicycle}`) cannot be read key by key by name: reading the
            // parent (`data["names"]`) reads them all.
            var numberedChild = parts.Length >= 2 && long.TryParse(leaf, out _) && referenced.Contains(Leaf(parts[^2]));
            // Hydra reads its own settings (hydra.run.dir) and, before 1.0, instantiate() read `class` as _target_ is read now.
            var hydraOwn = (hydraLoaded && parts[0] == "hydra") || (hydraInstantiates && leaf is "class" or "cls");
            // `augmentations = params.train.augmentations` … `aug_transforms(**augmentations)`, `cols = schema.COLUMNS` …
            // `cols.keys()`: the mapping is taken whole, so each of its keys is read wherever the variable goes.
            var parentTaken = parts.Length >= 2 && wholeRead.Contains(Leaf(parts[^2]));
            if (referenced.Contains(leaf) || ancestorSpread || (sectionsSpread && parts.Length >= 2) || ginMacros.Contains(e.KeyPath) || hydraTree || hydraOwn || parentTaken || kedroGlobals || recipe || dataclassParsed || numberedChild || leaf.StartsWith('_') || leaf.Length == 0)
            {
                used.Add(e);
            }
            else
            {
                unused.Add(e);
            }
        }

        return new ConfigUsage(file, [.. loaded.DistinctBy(l => (l.Item1, l.Item2))], used.ToImmutable(), unused.ToImmutable());
    }

    private static string NormalizeDir(string moduleDir, string rel)
    {
        var parts = new List<string>(moduleDir.Length == 0 ? [] : moduleDir.Split('/'));
        foreach (var p in rel.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (p == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (p != ".")
            {
                parts.Add(p);
            }
        }

        return string.Join('/', parts);
    }

    private static bool PathMatches(string literal, string path, string name)
    {
        var l = literal.Replace('\\', '/').TrimStart('.', '/');
        return l.Length > 0 && (l == path || path.EndsWith("/" + l, StringComparison.Ordinal) || l == name || l.EndsWith("/" + name, StringComparison.Ordinal));
    }

    private static HashSet<string> ReferencedNames(IReadOnlyList<ModuleSummary> modules, IReadOnlyList<(string Path, int Line, string Text)> commands)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in modules)
        {
            set.UnionWith(m.Names);
            foreach (var s in m.StringLiterals)
            {
                set.Add(s.Value);
                // Kedro node inputs name parameters as "params:model_options.test_size".
                if (s.Value.StartsWith("params:", StringComparison.Ordinal))
                {
                    set.UnionWith(s.Value[7..].Split('.'));
                }
            }
        }

        foreach (var (_, _, text) in commands)
        {
            foreach (Match match in CommandReference().Matches(text))
            {
                foreach (var part in match.Groups["k"].Value.Split('.'))
                {
                    set.Add(part);
                }
            }
        }

        return set;
    }

    /// <summary>
    /// Keys whose value is assigned whole to a variable (`aug = params.train.augmentations`, `self.schema = cfg["columns"]`):
    /// the last key of a plain access chain on the right-hand side. Only a key's own children are credited by this.
    /// </summary>
    private static HashSet<string> WholeReads(IReadOnlyList<ModuleSummary> modules)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in modules.SelectMany(m => m.Assignments).Where(a => a.Operator == "=" && AccessChain().IsMatch(a.ValueText.Trim())))
        {
            var parts = ValueTracer.KeyParts(a.ValueText);
            if (parts.Count >= 1 && (a.ValueText.Contains('.', StringComparison.Ordinal) || a.ValueText.Contains('[', StringComparison.Ordinal)))
            {
                set.Add(parts[^1]);
            }
        }

        return set;
    }

    /// <summary>
    /// Modules that hand on a config section chosen at run time: <c>hp = yaml.safe_load(f)[args.env]</c> (or <c>cfg[name]</c>
    /// of a loaded config) then <c>Model(**hp)</c>. Which section is read depends on the command line; whichever it is, its
    /// keys all reach the call.
    /// </summary>
    private static HashSet<string> SectionSpreads(IReadOnlyList<ModuleSummary> modules)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in modules)
        {
            var spreadNames = m.Calls.SelectMany(c => c.Arguments).Where(a => a.Star == 2 && a.Names.Length == 1 && a.Names[0] == a.Text.Trim()).Select(a => a.Names[0]).ToHashSet(StringComparer.Ordinal);
            if (spreadNames.Count == 0)
            {
                continue;
            }

            // The summary's config reads say where a file is parsed (yaml.safe_load(f), json.load, OmegaConf.load, aliases resolved).
            var parsedOn = m.Reads.Where(r => r.Kind == ReadKind.Config && r.Function is not ("open" or "io.open")).Select(r => r.Line).ToHashSet();
            bool Parses(PythonAssignment a, string value) => value.EndsWith(')') && parsedOn.Contains(a.Line);
            var loadedNames = m.Assignments.Where(a => a.Operator == "=" && Parses(a, a.ValueText.Trim())).Select(a => a.RawTarget).ToHashSet(StringComparer.Ordinal);
            if (m.Assignments.Any(a => a.Operator == "=" && spreadNames.Contains(a.RawTarget) && DynamicSection().Match(a.ValueText.Trim()) is { Success: true } s
                && (Parses(a, s.Groups["base"].Value) || loadedNames.Contains(s.Groups["base"].Value))))
            {
                set.Add(m.Path);
            }
        }

        return set;
    }

    /// <summary>A gin macro reference: <c>%NUM_LAYERS</c>.</summary>
    [GeneratedRegex(@"%(?<name>[A-Za-z_][\w.]*)")]
    private static partial Regex GinMacroUse();

    /// <summary>A subscript by a name, not a literal: <c>X[args.env]</c>, <c>X[env_id]</c>.</summary>
    [GeneratedRegex(@"^(?<base>.+)\[(?!['""\d])[\w.]+\]$")]
    private static partial Regex DynamicSection();

    /// <summary>Training APIs whose first argument (or params=) is a dict of parameters the library reads key by key.</summary>
    private static readonly HashSet<string> ParamsDictConsumers = new(StringComparer.Ordinal)
    {
        "lightgbm.train", "lightgbm.cv", "lightgbm.engine.train", "lightgbm.engine.cv", "xgboost.train", "xgboost.cv", "xgboost.training.train",
        "xgboost.training.cv", "catboost.CatBoost", "catboost.train", "catboost.cv",
    };

    /// <summary>Keys whose whole sub-tree is handed on: `Model(**cfg["model"])`, `instantiate(cfg.model)`, `vars(args)`.</summary>
    private static HashSet<string> SpreadExpressions(IReadOnlyList<ModuleSummary> modules)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in modules)
        {
            foreach (var call in m.Calls)
            {
                var spreadsAll = call.Target.EndsWith("instantiate", StringComparison.Ordinal) || call.Target.EndsWith("to_container", StringComparison.Ordinal)
                    || call.Target.EndsWith("to_object", StringComparison.Ordinal) || call.Target.EndsWith("save_hyperparameters", StringComparison.Ordinal);
                // Boosting libraries take their parameters as one dict (lgb.train(params["model_params"], ...), xgb.train(cfg.xgb,
                // ...)) and read each key themselves: the mapping handed over is read whole.
                var paramsDict = ParamsDictConsumers.Contains(call.Target) ? call.PositionalAt(0) ?? call.Keyword("params") : null;
                foreach (var arg in call.Arguments.Where(a => a.Star == 2 || spreadsAll || ReferenceEquals(a, paramsDict)))
                {
                    foreach (var k in ValueTracer.KeyParts(arg.Text))
                    {
                        set.Add(k);
                    }

                    // `kwargs = options.get("kwargs")` … `Model(**kwargs)`: the variable's source key is spread.
                    if (arg.Names.Length == 1 && arg.Names[0] == arg.Text.Trim())
                    {
                        foreach (var a in m.Assignments.Where(a => a.RawTarget == arg.Names[0] && a.Operator == "=" && a.Line <= call.Line))
                        {
                            foreach (var k in ValueTracer.KeyParts(a.ValueText))
                            {
                                set.Add(k);
                            }
                        }
                    }
                }
            }
        }

        return set;
    }

    private static string Trim(string s) => s.Length > 60 ? s[..57] + "..." : s;

    /// <summary>Whether a Python module is a config module: named like one, mostly literal module-level assignments.</summary>
    public static bool IsPythonConfig(ModuleSummary m)
    {
        var lower = m.Path.ToLowerInvariant();
        var name = lower[(lower.LastIndexOf('/') + 1)..];
        var inConfigDir = lower.StartsWith("config/", StringComparison.Ordinal) || lower.StartsWith("configs/", StringComparison.Ordinal) || lower.Contains("/config/", StringComparison.Ordinal) || lower.Contains("/configs/", StringComparison.Ordinal) || lower.StartsWith("conf/", StringComparison.Ordinal)
            || ConstantsFolder().IsMatch(lower);
        // Constant modules (const.py, modeling_const.py, training_constants.py) of plain assignments are configs too.
        var configName = name is "config.py" or "configs.py" or "settings.py" or "hparams.py" or "hyperparams.py" or "hyperparameters.py" or "params.py" or "parameters.py" or "cfg.py" or "constants.py" or "defaults.py" or "const.py" or "consts.py"
            || name.StartsWith("config_", StringComparison.Ordinal) || name.EndsWith("_config.py", StringComparison.Ordinal) || name.EndsWith("_cfg.py", StringComparison.Ordinal)
            || name.EndsWith("_const.py", StringComparison.Ordinal) || name.EndsWith("_consts.py", StringComparison.Ordinal) || name.EndsWith("_constants.py", StringComparison.Ordinal);
        if (m.IsNotebook || name == "__init__.py" && !inConfigDir)
        {
            return false;
        }

        if (!(inConfigDir || configName))
        {
            return IsSettingsModule(m);
        }

        var literalAssignments = m.Assignments.Count(a => a.IsModuleLevel && IsLiteralValue(a));
        // Paths and logging setup alone are not parameters: a config module holds at least one number or hyperparameter.
        var parameters = m.Assignments.Any(a => a.IsModuleLevel && (a.Literal is { Kind: LiteralKind.Int or LiteralKind.Float } || Hyperparameters.IsHyperparameter(a.RawTarget)));
        return literalAssignments >= 2 && parameters && m.Functions.Length <= literalAssignments || IsConfigFactory(m);
    }

    /// <summary>
    /// A module of nothing but settings, whatever its name (hyp.py, opts.py, setting_v2.py): no functions, classes, __main__ block
    /// or work (at most <see cref="MaxSettingsModuleCalls"/> calls), at least
    /// <see cref="MinSettingsModuleValues"/> literal module-level values, mostly literal, two or more of them hyperparameters
    /// (learning_rate = 1e-4, gamma = 0.95). Such a module can only be read as the run's parameters.
    /// </summary>
    private static bool IsSettingsModule(ModuleSummary m)
    {
        // A script of constants that then trains (a __main__ block, calls) is the experiment itself, not its settings.
        if (m.Functions.Length > 0 || m.Classes.Length > 0 || m.MainGuardLine is not null || m.Calls.Length > MaxSettingsModuleCalls)
        {
            return false;
        }

        var assignments = m.Assignments.Where(a => a.IsModuleLevel).ToList();
        var literal = assignments.Count(IsLiteralValue);
        var hyper = assignments.Where(a => Hyperparameters.IsHyperparameter(a.RawTarget)).Select(a => a.RawTarget).Distinct(StringComparer.Ordinal).Count();
        return literal >= MinSettingsModuleValues && literal * 3 >= assignments.Count * 2 && hyper >= 2;
    }

    /// <summary>Whether an assignment sets a literal value: a constant, or a list, dict or tuple display.</summary>
    private static bool IsLiteralValue(PythonAssignment a) =>
        a.Literal is not null || a.ValueText.StartsWith('[') || a.ValueText.StartsWith('{') || a.ValueText.StartsWith('(');

    /// <summary>Most calls a module of settings makes (an os.getenv or a Path for a folder, no work).</summary>
    private const int MaxSettingsModuleCalls = 3;

    /// <summary>Fewest literal values a module of settings holds (see <see cref="IsSettingsModule"/>).</summary>
    private const int MinSettingsModuleValues = 5;

    /// <summary>Fewest literal values a config factory sets (a handful of keyword arguments is an ordinary call).</summary>
    private const int MinFactoryValues = 8;

    /// <summary>
    /// A config-named module that builds its config in a function from literal values instead of module-level assignments:
    /// <c>def create_hparams(): return HParams(epochs=500, batch_size=64, …)</c> (Tacotron 2, WaveGlow) or ml_collections'
    /// <c>def get_config(): config.training.batch_size = 128 …</c>. Not a script (no main guard), and the values outnumber the
    /// functions by far (a module of helper functions with a few keyword arguments is code, not a config).
    /// </summary>
    private static bool IsConfigFactory(ModuleSummary m)
    {
        if (m.MainGuardLine is not null)
        {
            return false;
        }

        var values = FactoryValues(m);
        return values.Count >= MinFactoryValues && values.Count >= 4 * Math.Max(1, m.Functions.Length) && values.Any(v => Hyperparameters.IsHyperparameter(v.Name));
    }

    /// <summary>
    /// The literal values a config module sets inside functions: keyword arguments of calls given a literal (numbers, strings,
    /// booleans, lists) and attribute assignments of literals (<c>training.batch_size = 128</c>), named by keyword or last attribute.
    /// </summary>
    internal static List<(string Name, int Line)> FactoryValues(ModuleSummary m) =>
        [.. m.Calls.SelectMany(c => c.Arguments.Where(a => a.Keyword is not null && (a.Literal is { Kind: not LiteralKind.None } || a.Text.StartsWith('[')))
                .Select(a => (Name: a.Keyword!, c.Line)))
            .Concat(m.Assignments.Where(a => !a.IsModuleLevel && a.Operator == "=" && a.Literal is { Kind: not LiteralKind.None } && a.RawTarget.Contains('.', StringComparison.Ordinal)
                    && !a.RawTarget.StartsWith("self.", StringComparison.Ordinal))
                .Select(a => (Name: a.RawTarget[(a.RawTarget.LastIndexOf('.') + 1)..], a.Line)))];

    /// <summary>How many parameters a Python config module holds: its module-level assignments, or the values its factory sets.</summary>
    internal static int PythonConfigValues(ModuleSummary m) => Math.Max(m.Assignments.Count(a => a.IsModuleLevel), IsConfigFactory(m) ? FactoryValues(m).Count : 0);

    /// <summary>Test folders (their configs are fixtures of the tests).</summary>
    /// <summary>
    /// Sub-folders that carry their own licence file (CTAB-GAN/LICENSE beside the project's own): a copy of another project
    /// (a baseline, a vendored library), whose inline values are its authors' defaults, not parameters this project set.
    /// </summary>
    public static IReadOnlySet<string> VendoredRoots(IEnumerable<string> paths) =>
        paths.Where(p => p.Contains('/', StringComparison.Ordinal) && LicenceFile().IsMatch(p[(p.LastIndexOf('/') + 1)..]))
            .Select(p => p[..p.LastIndexOf('/')]).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"^(?i:licen[cs]e|copying)(\.(?i:txt|md|rst))?$")]
    private static partial Regex LicenceFile();

    /// <summary>
    /// A run's report of results, not parameters: every value a number and most keys summary statistics of a metric
    /// (`"r2-mean": 0.56, "r2-std": 0.002, "rmse-count": 10` for each split), as an evaluation over several seeds writes.
    /// Reading one figure of it (a later script comparing runs) does not make its other keys dead config.
    /// </summary>
    internal static bool IsResultsReport(ConfigFile file)
    {
        if (file.Format != ConfigFormat.Json || file.Entries.Count < MinReportEntries || file.Entries.Any(e => e.Kind != ConfigValueKind.Number))
        {
            return false;
        }

        var statistics = file.Entries.Count(e => StatisticKey().IsMatch(Leaf(e.KeyPath)));
        return statistics * 4 >= file.Entries.Count * 3;
    }

    /// <summary>Fewest numbers a results report holds (a metric's mean and std over two splits).</summary>
    private const int MinReportEntries = 4;

    [GeneratedRegex(@"^[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*[-_](?:mean|std|count|median|var|sem)$")]
    private static partial Regex StatisticKey();

    private static bool IsTestPath(string path)
    {
        var p = path.ToLowerInvariant();
        return p.StartsWith("tests/", StringComparison.Ordinal) || p.StartsWith("test/", StringComparison.Ordinal) || p.Contains("/tests/", StringComparison.Ordinal) || p.Contains("/test/", StringComparison.Ordinal);
    }

    /// <summary>Tests, docs and packaging scripts are not experiment code.</summary>
    public static bool IsTestOrTooling(string path)
    {
        var p = path.ToLowerInvariant();
        var name = p[(p.LastIndexOf('/') + 1)..];
        return p.StartsWith("tests/", StringComparison.Ordinal) || p.StartsWith("test/", StringComparison.Ordinal) || p.Contains("/tests/", StringComparison.Ordinal) || p.Contains("/test/", StringComparison.Ordinal)
            || name.StartsWith("test_", StringComparison.Ordinal) || name.EndsWith("_test.py", StringComparison.Ordinal) || name is "setup.py" or "conftest.py" or "noxfile.py" or "tasks.py" or "fabfile.py"
            || name is "bench.py" or "benchmark.py" || name.StartsWith("bench_", StringComparison.Ordinal) || name.StartsWith("benchmark_", StringComparison.Ordinal)
            || p.StartsWith("docs/", StringComparison.Ordinal) || p.StartsWith("doc/", StringComparison.Ordinal) || p.StartsWith("benchmarks/", StringComparison.Ordinal)
            // Editor, container and CI helpers (.devcontainer/, .github/, .vscode/): they set up or drive tools, not the experiment.
            || p.StartsWith(".devcontainer/", StringComparison.Ordinal) || p.StartsWith(".github/", StringComparison.Ordinal) || p.StartsWith(".vscode/", StringComparison.Ordinal) || p.StartsWith(".circleci/", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\$\{(?<k>[A-Za-z0-9_.\[\]-]+)\}|\$\((?<k>[A-Za-z0-9_]+)\)|\{(?<k>[A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex CommandReference();

    /// <summary>Calls whose eps= is a tuned setting (optimisers, normalisation layers, label smoothing); elsewhere eps is a numeric tolerance.</summary>
    [GeneratedRegex(@"optim|Adam|RMSprop|Adagrad|Adadelta|Norm|normalization|LabelSmoothing")]
    private static partial Regex Tunable();

    [GeneratedRegex(@"^(plt|sns|ax\w*|axs|axes|fig\w*)(\[[^\]]*\])?\.")]
    private static partial Regex PlotReceiver();

    /// <summary>`cfg.train.aug`, `cfg["train"]["aug"]`, also through a variable key (`config[model_name]["hyperparams"]`, a
    /// sub-tree chosen at run time); the last part names a key.</summary>
    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*|\[\s*(?:'[^']*'|""[^""]*""|[A-Za-z_][A-Za-z0-9_.]*)\s*\])*(?:\.[A-Za-z_][A-Za-z0-9_]*|\[\s*(?:'[^']*'|""[^""]*"")\s*\])$")]
    private static partial Regex AccessChain();

    [GeneratedRegex(@"(?:^|/)(?:const|consts|constants)/[^/]+\.py$")]
    private static partial Regex ConstantsFolder();

    [GeneratedRegex(@"\$\{[A-Za-z_]")]
    private static partial Regex DvcInterpolation();

    /// <summary>Keys only Hugging Face's argument dataclasses have (TrainingArguments and its TRL subclasses, ModelArguments).</summary>
    private static readonly HashSet<string> HfArgumentKeys = new(StringComparer.Ordinal)
    {
        "per_device_train_batch_size", "per_device_eval_batch_size", "gradient_accumulation_steps", "num_train_epochs", "lr_scheduler_type",
        "model_name_or_path", "gradient_checkpointing", "save_strategy", "eval_strategy", "evaluation_strategy", "logging_steps", "warmup_ratio",
    };
}
