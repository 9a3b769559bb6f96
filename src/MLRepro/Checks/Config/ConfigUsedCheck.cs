using MLRepro.Findings;
using MLRepro.Model;

namespace MLRepro.Checks.Config;

/// <summary>config.used — the code reads its parameters from the config file; nothing is set ad hoc.</summary>
public sealed partial class ConfigUsedCheck : CheckBase
{
    /// <inheritdoc />
    public override CheckInfo Info { get; } = new(
        "config.used",
        StarLevel.Configuration,
        "Config really used",
        "The code reads its parameters from the config file: if `epochs: 5` becomes `6`, the model trains one more epoch. A Makefile, " +
        "MLproject or pipeline that passes config values as command-line arguments counts.",
        "Statically: each parameter file must be loaded (yaml/json/toml loads, OmegaConf, Hydra's config_path, a path literal naming " +
        "it, a pipeline or Makefile command passing its values; a file with the same keys as a loaded one is an alternative the same code " +
        "reads) and each of its keys referenced in code or commands (a mapping assigned whole, Hydra's own keys and `class` count as read). " +
        "A dead hyperparameter, an unloaded file, or more than a few stale keys (over 2 and over a tenth) make it Partial; unused keys are listed. Where dvc.yaml stages declare their `params:`, a hyperparameter the code reads that " +
        "no stage declares is Partial too (`dvc repro` does not rerun when it changes). `mlrepro verify` mutates config values and checks that the outputs change (dead config is NotMet, verified).",
        "Load the config file in the training code and read every key from it; delete keys nothing reads.",
        [],
        ProvenOnlyByRunning: true);

    /// <inheritdoc />
    public override Finding Run(ProjectModel project)
    {
        var cfg = project.Config;
        var mlproject = project.Pipelines.Where(p => p.Tool == PipelineTool.MLflow).SelectMany(p => p.Stages).Where(s => s.Params.Count > 0).ToList();
        if (!cfg.HasConfig && mlproject.Count > 0)
        {
            // MLproject parameters are the config; the entry point's command passes them ({alpha}) to the script.
            var passed = mlproject.Where(s => s.Params.All(p => s.Commands.Any(c => c.Contains("{" + p + "}", StringComparison.Ordinal)))).ToList();
            var ev = mlproject.Select(s => Evidence.At(s.SourcePath, s.Line, $"entry point '{s.Name}' passes {List(s.Params.Where(p => s.Commands.Any(c => c.Contains("{" + p + "}", StringComparison.Ordinal))))} to its command", s.Commands.FirstOrDefault()));
            return passed.Count == mlproject.Count
                ? Found(Outcome.Met, "MLproject passes every parameter on its command lines (not verified by running).", ev)
                : Found(Outcome.Partial, "some MLproject parameters are never passed to the command.", ev);
        }

        if (!cfg.HasConfig)
        {
            return Found(Outcome.NotMet, "there is no config file for the code to use.", Evidence.Repo("no parameter file was found (see config.files)"));
        }

        var evidence = new List<Evidence>();
        var problems = new List<Evidence>();
        var stale = new List<Evidence>();
        var loadedUsage = cfg.Usage.Where(u => u.IsLoaded).ToList();
        foreach (var u in cfg.Usage)
        {
            if (!u.IsLoaded)
            {
                if (AlternativeOf(u, loadedUsage) is { } twin)
                {
                    // zoo/config_voc.json beside config.json, with the same keys: the same code reads it when the config path
                    // argument names it (`train.py -c zoo/config_voc.json`).
                    evidence.Add(Evidence.At(u.File.Path, null, $"an alternative to {twin.File.Path} with the same keys, read by the same code when named on the command line"));
                    continue;
                }

                problems.Add(Evidence.At(u.File.Path, null, "nothing loads this file: no code opens it, no command passes its values"));
                continue;
            }

            evidence.AddRange(u.LoadedAt.Take(3).Select(l => Evidence.At(l.Path, l.Line, $"loads {u.File.Path}", l.How)));
            foreach (var k in u.UnusedKeys)
            {
                var ev = Evidence.At(u.File.Path, k.Line, $"key {k.KeyPath} is never read by the code or a command");
                (Knowledge.Hyperparameters.IsHyperparameter(Analysis.ConfigAnalysis.Leaf(k.KeyPath)) ? problems : stale).Add(ev);
            }
        }

        // A stray key or two that is no hyperparameter (a project name, a leftover file name) does not make the config
        // unused: the parameters it holds still drive the run. Many stale keys, or any dead hyperparameter, do.
        var leaves = loadedUsage.Sum(u => u.UsedKeys.Length + u.UnusedKeys.Length);
        if (stale.Count > Math.Max(MaxStaleKeys, leaves / 10))
        {
            problems.AddRange(stale);
            stale.Clear();
        }

        foreach (var m in cfg.PythonConfigModules)
        {
            var stem = m.Path[(m.Path.LastIndexOf('/') + 1)..^3];
            // Imported, or handed to a script on the command line (`python train.py config/train_gpt2.py` read by exec()).
            var imported = project.PythonModules.Any(o => o.Path != m.Path && o.Imports.Any(i => i.Module.Split('.').Contains(stem) || i.Name == stem))
                || project.Commands.Any(c => c.Text.Contains(m.Path, StringComparison.Ordinal))
                || project.PythonModules.Any(o => o.StringLiterals.Any(l => l.Value.EndsWith(m.Path[(m.Path.LastIndexOf('/') + 1)..], StringComparison.Ordinal)));
            if (imported)
            {
                evidence.Add(Evidence.At(m.Path, null, "Python config module imported by the code"));
            }
            else
            {
                problems.Add(Evidence.At(m.Path, null, "Python config module that no code imports"));
            }
        }

        var loadedFiles = cfg.Usage.Count(u => u.IsLoaded) + cfg.PythonConfigModules.Length - problems.Count(p => p.Note.StartsWith("Python config module that", StringComparison.Ordinal));
        if (loadedFiles == 0)
        {
            return Found(Outcome.NotMet, "no config file is loaded by the code.", problems);
        }

        if (problems.Count > 0)
        {
            return Found(Outcome.Partial, $"config is loaded, but {Count(problems.Count, "file or key", "files or keys")} {(problems.Count == 1 ? "is" : "are")} never read (dead config changes nothing when edited).",
                problems.Concat(evidence), "Read each listed key in the code (or pass it on the command line from the pipeline), or delete it.");
        }

        // "Nothing is set ad hoc": a config the code reads, while the experimented hyperparameters are set in the code
        // (more than a couple, or a tenth of the configured values), changes only part of the run when edited.
        if (!ConfigFilesCheck.HardCodedIsIncidental(cfg))
        {
            return Found(Outcome.Partial, $"the code loads its config, but {Count(cfg.HardCoded.Length, "hyperparameter")} {(cfg.HardCoded.Length == 1 ? "is" : "are")} set in the code instead: editing the config does not change them.",
                cfg.HardCoded.Take(8).Select(h => Evidence.At(h.Path, h.Line, $"{h.Name}={h.Value} is set in the code, not read from the config", h.Snippet)).Concat(evidence),
                "Read these values from the config file (or pass them from it on the command line).");
        }

        if (UndeclaredDvcParams(project) is { Count: > 0 } undeclared)
        {
            return Found(Outcome.Partial, $"the code reads its config, but {Count(undeclared.Count, "hyperparameter")} it reads {(undeclared.Count == 1 ? "is" : "are")} declared by no dvc.yaml stage under params: editing {(undeclared.Count == 1 ? "it" : "them")} does not make `dvc repro` rerun anything.",
                undeclared.Take(8).Concat(evidence), "List every key a stage's script reads under that stage's `params:` in dvc.yaml (or the whole file: `- params.yaml:`).");
        }

        var keys = cfg.Usage.Sum(u => u.UsedKeys.Length);
        if (keys == 0 && stale.Count == 0 && cfg.PythonConfigModules.Length > 0)
        {
            // Only Python config modules: their values are read as attributes of the module (or of the object it builds).
            return Found(Outcome.Met, $"the code imports its Python config {(cfg.PythonConfigModules.Length == 1 ? "module" : "modules")} and reads its values from there (not verified by running).", evidence);
        }

        return stale.Count == 0
            ? Found(Outcome.Met, $"the code loads its config and references all {Count(keys, "key")} (not verified by running).", evidence)
            : Found(Outcome.Met, $"the code loads its config and references {Count(keys, "key")}; {Count(stale.Count, "stale key")} that {(stale.Count == 1 ? "is" : "are")} no hyperparameter {(stale.Count == 1 ? "is" : "are")} never read (not verified by running).",
                evidence.Concat(stale));
    }

    /// <summary>
    /// Where dvc.yaml stages declare the parameters they depend on (`params:`), the hyperparameters the code reads from such a
    /// parameter file that no stage declares (nor a parent key, nor the whole file): DVC tracks only declared parameters, so a
    /// changed value leaves every stage up to date and the run is never redone with it.
    /// </summary>
    internal static List<Evidence> UndeclaredDvcParams(ProjectModel project)
    {
        var declared = project.DvcPipelines.SelectMany(p => p.Stages).SelectMany(s => s.Params).GroupBy(d => d.File.TrimStart('.', '/'), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        // Values a dvc.yaml interpolates (`${train.epochs}` in a cmd, `${data.output_folder}` in outs) come from params.yaml or the
        // `vars:` files, and DVC tracks every interpolated key as a parameter of the stage without a `params:` entry.
        var interpolated = project.DvcPipelines.Select(p => project.Text(p.Path)?.Text).Where(t => t is not null)
            .SelectMany(t => Interpolation().Matches(t!).Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
        var result = new List<Evidence>();
        foreach (var u in project.Config.Usage.Where(u => u.IsLoaded))
        {
            if (!declared.TryGetValue(u.File.Path, out var keys) || keys.Any(k => k.Key is null))
            {
                continue;
            }

            foreach (var e in u.UsedKeys)
            {
                bool Under(string? key) => key is not null && (e.KeyPath == key || e.KeyPath.StartsWith(key + ".", StringComparison.Ordinal) || e.KeyPath.StartsWith(key + "[", StringComparison.Ordinal));
                var covered = keys.Any(k => Under(k.Key)) || interpolated.Any(Under);
                if (!covered && Knowledge.Hyperparameters.IsHyperparameter(Analysis.ConfigAnalysis.Leaf(e.KeyPath)))
                {
                    result.Add(Evidence.At(u.File.Path, e.Line, $"key {e.KeyPath} is read by the code but declared by no dvc.yaml stage"));
                }
            }
        }

        return result;
    }

    /// <summary>A dvc.yaml interpolation of a parameter (<c>${train.epochs}</c>, <c>${ data.path }</c>); the key path in group 1.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\$\{\s*([A-Za-z_][\w.-]*(?:\[\d+\])*)\s*\}")]
    private static partial System.Text.RegularExpressions.Regex Interpolation();

    /// <summary>Stale non-hyperparameter keys tolerated in any project (more are tolerated up to a tenth of the keys).</summary>
    internal const int MaxStaleKeys = 2;

    /// <summary>Minimum share of key paths two config files must have in common to be alternatives of one another.</summary>
    private const double AlternativeKeyOverlap = 0.8;

    /// <summary>A loaded config file whose key paths (at least <see cref="MaxStaleKeys"/> + 1 of them) mostly coincide with this one's.</summary>
    private static Analysis.ConfigUsage? AlternativeOf(Analysis.ConfigUsage u, IReadOnlyList<Analysis.ConfigUsage> loaded)
    {
        var keys = u.File.Entries.Select(e => e.KeyPath).ToHashSet(StringComparer.Ordinal);
        if (keys.Count <= MaxStaleKeys)
        {
            return null;
        }

        return loaded.FirstOrDefault(l =>
        {
            var other = l.File.Entries.Select(e => e.KeyPath).ToHashSet(StringComparer.Ordinal);
            var common = keys.Count(other.Contains);
            return common >= AlternativeKeyOverlap * Math.Max(keys.Count, other.Count);
        });
    }
}
