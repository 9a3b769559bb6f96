using MLRepro.Formats.Config;
using MLRepro.Text;

namespace MLRepro.Model;

public sealed partial class ProjectModel
{
    private Lazy<IReadOnlyList<ConfigFile>>? _configFiles;
    private Lazy<IReadOnlyList<string>>? _pythonConfigs;

    /// <summary>
    /// Parameter and configuration files (params.yaml, config*, config folders, hparams*, .env, Kedro parameters,
    /// files dvc.yaml references), flattened. Hydra trees are recognised: a config with a `defaults:` list in a
    /// config folder makes its sub-folders config groups. Git-ignored and vendored files are skipped.
    /// </summary>
    public IReadOnlyList<ConfigFile> ConfigFiles => Lazily(ref _configFiles, LoadConfigFiles);

    /// <summary>Whether a Python string literal names the file (its path, or a path ending with it).</summary>
    private bool NamedByCode(string path)
    {
        _codeLiterals ??= [.. PythonModules.SelectMany(m => m.StringLiterals).Select(l => l.Value.Replace('\\', '/').TrimStart('.', '/')).Where(v => v.Length > 4 && v.Length < 300)];
        var name = path[(path.LastIndexOf('/') + 1)..];
        return _codeLiterals.Contains(path) || _codeLiterals.Any(v => (v == name && v.Contains('.', StringComparison.Ordinal)) || (v.Contains('/', StringComparison.Ordinal) && path.EndsWith(v, StringComparison.Ordinal)));
    }

    private HashSet<string>? _codeLiterals;

    /// <summary>
    /// Whether a documented command (a README or docs code block, a shell script) hands the file to a Python run as an
    /// argument: <c>torchrun -m train example/7B.yaml</c>, <c>python train.py --config exp/base.json</c>. The run reads it as
    /// its parameters, wherever it lives and whatever it is called.
    /// </summary>
    private bool PassedByDocumentedRun(string path)
    {
        _documentedArguments ??= DocumentedRunArguments();
        return _documentedArguments.Contains(path);
    }

    private HashSet<string>? _documentedArguments;

    private HashSet<string> DocumentedRunArguments()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        var lines = Docs.SelectMany(d => d.Commands.Select(c => c.Text))
            .Concat(Index.Files.Where(f => f.Extension is ".sh" or ".bash" && f.IsText).Take(200).SelectMany(f => Text(f)?.Text.Split('\n') ?? []));
        foreach (var line in lines)
        {
            if (!PythonRun().IsMatch(line))
            {
                continue;
            }

            foreach (var token in line.Split([' ', '\t', '='], StringSplitOptions.RemoveEmptyEntries))
            {
                var arg = token.Trim('"', '\'', '\\').Replace('\\', '/');
                while (arg.StartsWith("./", StringComparison.Ordinal))
                {
                    arg = arg[2..];
                }

                if (arg.Length is > 5 and < 300 && (arg.EndsWith(".yaml", StringComparison.Ordinal) || arg.EndsWith(".yml", StringComparison.Ordinal) || arg.EndsWith(".json", StringComparison.Ordinal) || arg.EndsWith(".toml", StringComparison.Ordinal)))
                {
                    set.Add(arg);
                }
            }
        }

        return set;
    }

    /// <summary>A command line that starts a Python program (python, python3, torchrun, accelerate launch, deepspeed).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(^|[\s;&|(])(python3?(\.\d+)?|torchrun|accelerate\s+launch|deepspeed)\s")]
    private static partial System.Text.RegularExpressions.Regex PythonRun();

    /// <summary>Python config modules (config/*.py), left for the Python analysis to read.</summary>
    public IReadOnlyList<string> PythonConfigCandidates => Lazily(ref _pythonConfigs, () =>
        [.. Index.Files.Where(f => Eligible(f) && ConfigClassifier.Classify(f.Path) is { IsConfig: true, Role: ConfigRole.PythonConfig }).Select(f => f.Path)]);

    /// <summary>
    /// Folders a logger writes a run's record into: dvclive/, and any folder holding a metrics file that dvc.yaml declares
    /// (DVCLive(dir="training") writes training/metrics.json and a params.yaml copy of the logged parameters there). A
    /// params.yaml in such a folder is a run's output, not a file the run reads.
    /// </summary>
    private HashSet<string> LoggerOutputFolders()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in Index.Files.Where(f => f.Path.Split('/').SkipLast(1).Contains("dvclive")))
        {
            set.Add(f.Path[..f.Path.LastIndexOf('/')]);
        }

        foreach (var m in DvcPipelines.SelectMany(p => p.Metrics.Concat(p.Stages.SelectMany(s => s.Metrics))))
        {
            var path = m.Path.Replace('\\', '/').TrimStart('.', '/');
            if (path.Contains('/', StringComparison.Ordinal))
            {
                set.Add(path[..path.LastIndexOf('/')]);
            }
        }

        return set;
    }

    /// <summary>
    /// Files a dvc.yaml stage writes (its outs, metrics and plots, e.g. a params.yml the training logger saves): a run's
    /// output, not a file the run reads, even when it looks like parameters.
    /// </summary>
    private HashSet<string> StageOutputFiles()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in DvcPipelines.SelectMany(p => p.Stages))
        {
            var wdir = s.Wdir.Replace('\\', '/').Trim('/');
            foreach (var o in s.Outs.Concat(s.Metrics).Concat(s.Plots))
            {
                var path = o.Path.Replace('\\', '/').TrimStart('.', '/');
                set.Add(wdir.Length == 0 || wdir == "." ? path : wdir + "/" + path);
            }
        }

        return set;
    }

    /// <summary>
    /// The JSON files of a saved model: a folder holding weights (model.safetensors, pytorch_model.bin, adapter_model.*) is a
    /// model save_pretrained wrote, and its config.json describes that trained model; editing it changes no run.
    /// </summary>
    private HashSet<string> SavedModelConfigs()
    {
        var weightFolders = Index.Files.Where(f => IsWeightsFile(f.Name)).Select(f => Folder(f.Path)).ToHashSet(StringComparer.Ordinal);
        return weightFolders.Count == 0
            ? []
            : Index.Files.Where(f => f.Extension == ".json" && weightFolders.Contains(Folder(f.Path))).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
    }

    private static bool IsWeightsFile(string name) =>
        name.EndsWith(".safetensors", StringComparison.Ordinal)
        || (name.EndsWith(".bin", StringComparison.Ordinal) && (name.StartsWith("pytorch_model", StringComparison.Ordinal) || name.StartsWith("adapter_model", StringComparison.Ordinal)))
        || name is "tf_model.h5" or "flax_model.msgpack" or "model.onnx";

    private List<ConfigFile> LoadConfigFiles()
    {
        var list = new List<ConfigFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var loggerFolders = LoggerOutputFolders();
        var stageOutputs = StageOutputFiles();
        seen.UnionWith(stageOutputs);
        seen.UnionWith(SavedModelConfigs());

        // JSON/YAML the project's own code writes (json.dump into open(…, "w"), Path.write_text, to_json) is a run's output:
        // artifacts/metrics/*.json written by the scripts holds results, not parameters someone sets. A file a documented
        // run is handed (python train.py --config x.yaml) is read as parameters whatever made it.
        var written = Analysis.RunBlockers.RootedWrittenPaths(this);
        var outputs = Index.Files.Where(f => f.Extension is ".json" or ".yaml" or ".yml" or ".toml" && Analysis.RunBlockers.WrittenByProject(written, f.Path) && !PassedByDocumentedRun(f.Path))
            .Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var f in Index.Files.Where(f => Eligible(f) && !seen.Contains(f.Path) && !outputs.Contains(f.Path)))
        {
            if (ConfigClassifier.Classify(f.Path) is not { IsConfig: true } c || c.Format == ConfigFormat.Python || Text(f) is not { } t
                || loggerFolders.Contains(f.Path.Contains('/', StringComparison.Ordinal) ? f.Path[..f.Path.LastIndexOf('/')] : string.Empty)
                || stageOutputs.Contains(f.Path))
            {
                continue;
            }

            var doc = ConfigParser.Parse(t, c.Format, c.Role);
            if (c.NeedsContentCheck && !ConfigClassifier.LooksLikeMLSettings(doc.Entries.Select(e => e.KeyPath))
                || ConfigClassifier.DataOrChartReason(c.Format, t.Text, doc.Entries.Select(e => e.KeyPath)) is not null)
            {
                continue;
            }

            list.Add(doc);
            seen.Add(f.Path);
        }

        // Files a pipeline names as its parameters are parameter files whatever their names.
        var referenced = DvcPipelines.SelectMany(p => p.Stages.SelectMany(s => s.Params.Select(x => x.File)).Concat(p.VarsFiles));
        foreach (var path in referenced.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (!seen.Contains(path) && Index.Find(path) is { } f && f.IsText && ConfigClassifier.Classify(path) is { } c && c.Format != ConfigFormat.Python && Text(f) is { } t)
            {
                list.Add(ConfigParser.Parse(t, c.Format, ConfigRole.Params));
                seen.Add(path);
            }
        }

        // Files the code names (argparse defaults such as --hyp data/hyps/hyp.scratch.yaml, open("cfg/exp.yaml")) are
        // parameter files wherever they live, as long as nothing else claims them (CI, compose, DVC, packaging…).
        foreach (var f in Index.Files.Where(f => Eligible(f) && !seen.Contains(f.Path) && !outputs.Contains(f.Path) && f.Extension is ".yaml" or ".yml" or ".json" or ".toml"))
        {
            if (ConfigClassifier.Classify(f.Path) is not { } c || c.Format == ConfigFormat.Python
                || (c.ExcludedReason is { } why && why != "structured file outside the configuration naming conventions")
                || !(NamedByCode(f.Path) || PassedByDocumentedRun(f.Path)) || Text(f) is not { } t)
            {
                continue;
            }

            var doc = ConfigParser.Parse(t, c.Format, ConfigRole.General);
            if (doc.Entries.Count > 0 && ConfigClassifier.DataOrChartReason(c.Format, t.Text, doc.Entries.Select(e => e.KeyPath)) is null)
            {
                list.Add(doc);
                seen.Add(f.Path);
            }
        }

        // MLflow Recipes (formerly MLflow Pipelines): recipe.yaml and profiles/*.yaml drive every step. Their `{{ VAR }}`
        // placeholders are Jinja, filled from the profile: parsed as plain values so the YAML around them is read.
        if (PythonModules.Any(m => m.Imports.Any(i => i.Module.StartsWith("mlflow.recipes", StringComparison.Ordinal) || i.Module.StartsWith("mlflow.pipelines", StringComparison.Ordinal))))
        {
            foreach (var f in Index.Files.Where(f => Eligible(f) && !seen.Contains(f.Path) && IsRecipeFile(f.Path)))
            {
                if (Text(f) is not { } t)
                {
                    continue;
                }

                var plain = new SourceText(f.Path, JinjaStatement().Replace(JinjaPlaceholder().Replace(t.Text, "__$1__"), string.Empty));
                var doc = ConfigParser.Parse(plain, ConfigFormat.Yaml, ConfigRole.Params);
                if (doc.Entries.Count > 0)
                {
                    list.Add(doc);
                    seen.Add(f.Path);
                }
            }
        }

        list = MarkHydra(list);
        list.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        Report(MissingHydraOptions(list));
        foreach (var d in list)
        {
            Report(d.Diagnostics);
        }

        return list;
    }

    /// <summary>Hydra: a primary config (with `defaults:`) inside a config folder; sub-folders are groups.</summary>
    private static List<ConfigFile> MarkHydra(List<ConfigFile> files)
    {
        var roots = files.Where(f => f.HydraDefaults is { Count: > 0 } && f.Format == ConfigFormat.Yaml && ConfigClassifier.ConfigFolders.Contains(FolderName(f.Path)))
            .Select(f => Folder(f.Path)).Distinct(StringComparer.Ordinal).ToList();
        if (roots.Count == 0)
        {
            return files;
        }

        return [.. files.Select(f =>
        {
            var root = roots.Where(r => f.Path.StartsWith(r + "/", StringComparison.Ordinal)).OrderByDescending(r => r.Length).FirstOrDefault();
            if (root is null || f.Format != ConfigFormat.Yaml)
            {
                return f;
            }

            var rel = f.Path[(root.Length + 1)..];
            var group = Folder(rel);
            var stem = rel[(rel.LastIndexOf('/') + 1)..];
            stem = stem[..stem.LastIndexOf('.')];
            return f with { Role = ConfigRole.Hydra, HydraGroup = group.Length == 0 ? null : group, HydraOption = group.Length == 0 ? null : stem };
        })];
    }

    /// <summary>Hydra config groups and their options (from files), e.g. "model" → ["resnet", "vit"].</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> HydraGroups =>
        ConfigFiles.Where(c => c.HydraGroup is not null && c.HydraOption is not null)
            .GroupBy(c => c.HydraGroup!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(c => c.HydraOption!).Order(StringComparer.Ordinal)], StringComparer.Ordinal);

    /// <summary>
    /// A defaults-list choice with no file is a run that cannot start (Hydra fails to compose). Hydra's own
    /// groups (hydra/…), optional entries, `???` and `null` choices, and interpolated choices are not checked.
    /// </summary>
    private static IEnumerable<Diagnostic> MissingHydraOptions(List<ConfigFile> files)
    {
        var options = files.Where(f => f.HydraGroup is not null).Select(f => f.HydraGroup + "/" + f.HydraOption).ToHashSet(StringComparer.Ordinal);
        var groups = files.Where(f => f.HydraGroup is not null).Select(f => f.HydraGroup!).ToHashSet(StringComparer.Ordinal);
        foreach (var f in files.Where(f => f.Role == ConfigRole.Hydra && f.HydraDefaults is not null && f.HydraGroup is null))
        {
            foreach (var d in f.HydraDefaults!)
            {
                if (d.Group is null || d.Option is null || d.Optional || d.Option is "???" or "null" || d.Option.Contains("${", StringComparison.Ordinal) || d.Option.Contains(',', StringComparison.Ordinal))
                {
                    continue;
                }

                var group = d.Group.TrimStart('/');
                var at = group.IndexOf('@');
                group = at >= 0 ? group[..at] : group;
                if (group.StartsWith("hydra", StringComparison.Ordinal) || !groups.Contains(group) && d.Override)
                {
                    continue;
                }

                if (!options.Contains(group + "/" + d.Option))
                {
                    yield return new Diagnostic(f.Path, SourceSpan.At(d.Line), DiagnosticSeverity.Warning, "hydra.missing-option", $"defaults choose '{d.Option}' for group '{group}', but there is no {group}/{d.Option}.yaml beside this config");
                }
            }
        }
    }

    /// <summary>An MLflow Recipes file: recipe.yaml (pipeline.yaml before MLflow 2.2) or a profile under profiles/.</summary>
    internal static bool IsRecipeFile(string path) =>
        path is "recipe.yaml" or "recipe.yml" or "pipeline.yaml" or "pipeline.yml" || path.EndsWith("/recipe.yaml", StringComparison.Ordinal)
        || (Folder(path) is var dir && (dir == "profiles" || dir.EndsWith("/profiles", StringComparison.Ordinal)) && (path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal)));

    [System.Text.RegularExpressions.GeneratedRegex(@"\{\{\s*([A-Za-z_][\w.]*)\s*\}\}")]
    private static partial System.Text.RegularExpressions.Regex JinjaPlaceholder();

    [System.Text.RegularExpressions.GeneratedRegex(@"\{%.*?%\}")]
    private static partial System.Text.RegularExpressions.Regex JinjaStatement();

    private static string Folder(string path) => path.LastIndexOf('/') is var i and >= 0 ? path[..i] : string.Empty;

    private static string FolderName(string path) => Folder(path) is var d && d.LastIndexOf('/') is var i and >= 0 ? d[(i + 1)..] : Folder(path);
}
