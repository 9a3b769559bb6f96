using MLRepro.Findings;
using MLRepro.Model;

namespace MLRepro.Checks.Config;

/// <summary>config.files — committed config files hold every deliberately configured parameter.</summary>
public sealed class ConfigFilesCheck : CheckBase
{
    /// <inheritdoc />
    public override CheckInfo Info { get; } = new(
        "config.files",
        StarLevel.Configuration,
        "Parameters in config files",
        "One or more config files (YAML, JSON, TOML, …) committed with the code hold every parameter that was deliberately configured " +
        "(not every model parameter), so one can see what was experimented with and change it.",
        "Finds parameter files (params.yaml, config/ and conf/ trees, Hydra configs, Kedro parameters, hparams files and folders, gin-config bindings, Python config " +
        "modules of plain assignments or of one function that builds the config from literal values, MLproject parameters) and lists hyperparameters hard-coded in code instead: literals passed to " +
        "lr, epochs, batch_size, n_estimators, max_depth, dropout… or module-level constants with such names. Parameters that live " +
        "only in command-line flags (argparse, click, typer, fire, jsonargparse, absl) and their defaults are Partial (NotMet when more " +
        "hyperparameters, at least 12, are hard-coded than there are options); a command line of " +
        "input/output paths alone configures nothing. A value or two left inline beside a config holding at least twice as many is " +
        "incidental (Met), and so are up to a tenth of the configured values, except a held-out fraction (test_size, val_size, validation_split): it decides what the model is scored on.",
        "Move the hyperparameters you tune into a committed params.yaml (or a Hydra config) and read them from there.",
        [],
        ProvenOnlyByRunning: false);

    /// <summary>How many comment lines above a key are searched for a FIXME/TODO marker.</summary>
    private const int MarkerLines = 6;

    /// <summary>Parameters the config holds: entries of parameter files and module-level assignments of Python config modules.</summary>
    internal static int Configured(Analysis.ConfigAnalysis cfg) =>
        cfg.ParameterFiles.Sum(f => f.Entries.Count) + cfg.PythonConfigModules.Sum(Analysis.ConfigAnalysis.PythonConfigValues);

    /// <summary>
    /// Whether the hard-coded hyperparameters are few beside the configured ones (none at all counts too): at most
    /// <see cref="MaxIncidentalHardCoded"/>, or a tenth of the configured parameters, and never more than half as many.
    /// Reviewers accept a batch size or a threshold left inline beside a config of a hundred values (a large config with
    /// four inline values was labelled Met 6 times of 7 over the labelled sets).
    /// </summary>
    /// <param name="cfg">The config analysis.</param>
    /// <param name="splitIsDeliberate">config.files: a held-out fraction written in code is never incidental
    /// (<see cref="IsSplitRatio"/>); config.used asks only whether the code still takes its parameters from the config.</param>
    internal static bool HardCodedIsIncidental(Analysis.ConfigAnalysis cfg, bool splitIsDeliberate = false)
    {
        var hard = cfg.HardCoded.Length;
        var configured = Configured(cfg);
        var tolerated = Math.Max(MaxIncidentalHardCoded, configured / 10);
        return hard == 0 || hard <= tolerated && configured >= 2 * hard && !(splitIsDeliberate && cfg.HardCoded.Any(h => IsSplitRatio(h.Name)));
    }

    /// <summary>
    /// A held-out fraction (test_size=0.2, VALIDATION_SPLIT = 0.3) decides which rows the model is trained and scored on:
    /// a deliberately set value of the experiment, never incidental, however many parameters the config holds.
    /// </summary>
    internal static bool IsSplitRatio(string name) =>
        name.ToLowerInvariant() is "test_size" or "val_size" or "validation_split";

    /// <summary>From this many hard-coded hyperparameters on, outnumbering the command-line options, the options do not hold the experiment.</summary>
    internal const int MinHardCodedOverFlags = 12;

    /// <summary>Hard-coded hyperparameters always tolerated beside a config that holds at least twice as many parameters.</summary>
    internal const int MaxIncidentalHardCoded = 2;

    /// <summary>
    /// Empty values (`target_col: ""`, `name:`) under a comment that asks the user to fill them (FIXME, TODO,
    /// "REQUIRED"): the file is a template, not the parameters of a run.
    /// </summary>
    internal static IEnumerable<Evidence> UnsetRequiredValues(ProjectModel project, IEnumerable<Formats.Config.ConfigFile> files)
    {
        foreach (var f in files)
        {
            if (project.Text(f.Path) is not { } text)
            {
                continue;
            }

            foreach (var e in f.Entries.Where(e => e.Kind == Formats.Config.ConfigValueKind.Null || e.Kind == Formats.Config.ConfigValueKind.String && string.IsNullOrWhiteSpace(e.Value)))
            {
                for (var l = e.Line - 1; l >= 1 && l >= e.Line - MarkerLines; l--)
                {
                    var line = text.GetLine(l).Trim();
                    if (!line.StartsWith('#'))
                    {
                        break;
                    }

                    if (line.Contains("FIXME", StringComparison.Ordinal) || line.Contains("TODO", StringComparison.Ordinal) || line.Contains("REQUIRED", StringComparison.Ordinal))
                    {
                        yield return Evidence.At(f.Path, e.Line, $"{e.KeyPath} is empty, marked for the user to fill", line);
                        break;
                    }
                }
            }
        }
    }

    /// <summary>Last words of an option or parameter name that make it a location, not a parameter (input_path, out_dir, --output).</summary>
    private static readonly HashSet<string> PathWords = new(StringComparer.Ordinal)
    {
        "path", "paths", "dir", "dirs", "directory", "folder", "file", "files", "filename", "root", "input", "output", "out", "outdir", "csv",
    };

    /// <summary>Whether a name (input_path, model-out, --output) names where to read or write rather than a setting of the run.</summary>
    internal static bool IsPathName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        var words = name.Trim('-').ToLowerInvariant().Split('_', '-', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && PathWords.Contains(words[^1]);
    }

    private static bool IsPathOption(Python.CliOption o) => IsPathName(o.Dest ?? o.Flags.FirstOrDefault());

    /// <summary>
    /// Flags declared by a function's signature rather than by option calls: the non-path keyword parameters of functions
    /// handed to fire.Fire, typer.run or jsonargparse's CLI (all of the module's functions for a bare fire.Fire()). absl
    /// DEFINE_* flags are command-line options of their own (<see cref="Python.CliOptionExtractor"/>).
    /// </summary>
    private static IEnumerable<(string Library, Evidence Evidence)> FlagDeclarations(ProjectModel project)
    {
        foreach (var m in project.PythonModules.Where(m => !Analysis.ConfigAnalysis.IsTestOrTooling(m.Path)))
        {
            foreach (var call in m.Calls)
            {
                if (Python.CliOptionExtractor.IsFunctionCli(call.Target))
                {
                    var exposed = call.PositionalAt(0)?.Text.Trim();
                    var parameters = m.Functions.Where(f => f.IsModuleLevel && (exposed is null || f.Name == exposed))
                        .SelectMany(f => f.Parameters).Where(p => p.Star == 0 && p.Default is not null && !IsPathName(p.Name)).ToList();
                    if (parameters.Count > 0)
                    {
                        var library = call.Target.StartsWith("fire.", StringComparison.Ordinal) ? "fire" : call.Target.StartsWith("typer.", StringComparison.Ordinal) ? "typer" : "jsonargparse";
                        yield return (library, Evidence.At(m.Path, call.Line, $"{call.RawTarget} exposes {Count(parameters.Count, "keyword parameter")} as flags ({string.Join(", ", parameters.Take(6).Select(p => p.Name))}{(parameters.Count > 6 ? ", …" : string.Empty)})", call.RawTarget + "(" + exposed + ")"));
                    }
                }
            }
        }
    }

    /// <inheritdoc />
    public override Finding Run(ProjectModel project)
    {
        var cfg = project.Config;
        var mlprojectParams = project.Pipelines.Where(p => p.Tool == PipelineTool.MLflow).SelectMany(p => p.Stages).Where(s => s.Params.Count > 0).ToList();
        var files = cfg.ParameterFiles.Select(f => Evidence.At(f.Path, f.Entries.FirstOrDefault()?.Line, $"config file with {Count(f.Entries.Count, "parameter")}"))
            .Concat(cfg.PythonConfigModules.Select(m => Evidence.At(m.Path, null, m.Assignments.Any(a => a.IsModuleLevel && a.Literal is not null) ? "Python config module of plain assignments" : $"Python config module: a function sets {Count(Analysis.ConfigAnalysis.PythonConfigValues(m), "literal value")}")))
            .Concat(mlprojectParams.Select(s => Evidence.At(s.SourcePath, s.Line, $"MLproject entry point '{s.Name}' declares {Count(s.Params.Count, "parameter")} with defaults")))
            .ToList();
        var hard = cfg.HardCoded.Select(h => Evidence.At(h.Path, h.Line, $"{h.Name}={h.Value} is hard-coded", h.Snippet)).ToList();
        if (files.Count == 0)
        {
            // Options that only name where to read and write (--input, --output, --model_out) configure no experiment: a CLI
            // of paths alone leaves every parameter in the code.
            var options = cfg.CliOptions.Where(o => !IsPathOption(o.Option)).ToList();
            // A few flags beside dozens of literal hyperparameters (--lr and --seed as options, the network sizes, episodes,
            // discount and batch size as constants) leave the experiment in the code: the flags do not hold it.
            if (options.Count > 0 && hard.Count >= MinHardCodedOverFlags && hard.Count > options.Count)
            {
                return Found(Outcome.NotMet, $"no config file, and more hyperparameters are hard-coded in the code ({hard.Count}) than there are command-line options ({options.Count}).",
                    hard.Take(12).Concat(options.Take(4).Select(o => Evidence.At(o.Path, o.Option.Line, $"option {string.Join('/', o.Option.Flags)} (default {o.Option.Default?.Text ?? "none"})"))),
                    "Move the hard-coded hyperparameters listed into a committed config file (params.yaml) and read them from there; keep the options for what changes per run.");
            }

            if (options.Count > 0)
            {
                return Found(Outcome.Partial, $"no config file: parameters live only in {Count(options.Count, "command-line option")} and their in-code defaults.",
                    options.Take(8).Select(o => Evidence.At(o.Path, o.Option.Line, $"option {string.Join('/', o.Option.Flags)} (default {o.Option.Default?.Text ?? "none"})")).Concat(hard),
                    "Keep the command-line options, but give their values in a committed config file (params.yaml) that a Makefile, dvc.yaml or the script itself reads.");
            }

            // fire.Fire(train), typer.run(main) and jsonargparse's CLI(main) turn a function's keyword parameters into --flags:
            // the parameters exist as flags with in-code defaults, as with argparse (absl DEFINE_* flags are options above).
            if (FlagDeclarations(project).ToList() is { Count: > 0 } flagged)
            {
                return Found(Outcome.Partial, $"no config file: parameters live only in command-line flags ({string.Join(", ", flagged.Select(f => f.Library).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))}) and their in-code defaults.",
                    flagged.Select(f => f.Evidence).Take(8).Concat(hard),
                    "Keep the flags, but give their values in a committed config file (a YAML file of the flags, or an absl --flagfile) that the documented command passes.");
            }

            // HfArgumentParser((ModelArguments, TrainingArguments)) turns dataclass fields into command-line flags: the
            // parameters exist as flags (README commands), as with argparse, only not in a file.
            var dataclassParsers = project.PythonModules.Where(m => !Analysis.ConfigAnalysis.IsTestOrTooling(m.Path))
                .SelectMany(m => m.Calls.Where(c => c.Target.EndsWith("HfArgumentParser", StringComparison.Ordinal) || c.Target.EndsWith("simple_parsing.ArgumentParser", StringComparison.Ordinal))
                .Select(c => Evidence.At(m.Path, c.Line, "dataclass fields parsed as command-line flags", c.RawTarget))).ToList();
            if (dataclassParsers.Count > 0)
            {
                return Found(Outcome.Partial, "no config file: parameters live only in command-line flags parsed into dataclasses and their in-code defaults.",
                    dataclassParsers.Take(4).Concat(hard),
                    "Keep the flags, but give their values in a committed config file (HfArgumentParser reads a JSON or YAML file with parse_json_file/parse_yaml_file).");
            }

            return Found(Outcome.NotMet, hard.Count > 0 ? $"no config file; {Count(hard.Count, "hyperparameter")} {(hard.Count == 1 ? "is" : "are")} hard-coded in the code." : "no config file was found.",
                hard.Count > 0 ? hard : [Evidence.Repo($"searched {Count(project.Index.Files.Length, "file")} for YAML/JSON/TOML/INI parameter files, Hydra trees and Python config modules")]);
        }

        var unset = UnsetRequiredValues(project, cfg.ParameterFiles).ToList();
        if (unset.Count > 0)
        {
            return Found(Outcome.Partial, $"{Count(files.Count, "config file")} found, but {Count(unset.Count, "required value")} {(unset.Count == 1 ? "is" : "are")} left empty for the user to fill (a template): no run is fully defined yet.",
                unset.Concat(hard).Concat(files), "Fill in the values marked FIXME/TODO so that the committed config defines a complete run.");
        }

        // A value or two left inline beside many configured ones (a batch size in a TrainingArguments call, an early-stopping
        // patience) is incidental, not the experimented parameters living in code: the config still defines the run. A split
        // fraction is not (IsSplitRatio).
        var configured = Configured(cfg);
        if (hard.Count > 0 && HardCodedIsIncidental(cfg, splitIsDeliberate: true))
        {
            return Found(Outcome.Met, $"{Count(files.Count, "config file")} hold{(files.Count == 1 ? "s" : string.Empty)} {Count(configured, "parameter")}; {Count(hard.Count, "value")} {(hard.Count == 1 ? "is" : "are")} still inline in the code (incidental beside the configured ones).",
                files.Concat(hard), "Move the inline values listed into the config file too, so that every deliberately set value is in one place.");
        }

        if (hard.Count > 0)
        {
            return Found(Outcome.Partial, $"{Count(files.Count, "config file")} found, but {Count(hard.Count, "hyperparameter")} {(hard.Count == 1 ? "is" : "are")} still hard-coded in the code.",
                hard.Concat(files), "Move the hard-coded values listed into the config file and read them from there.");
        }

        return Found(Outcome.Met, $"{Count(files.Count, "config file")} hold{(files.Count == 1 ? "s" : string.Empty)} the parameters; no hyperparameter is hard-coded in the code.", files);
    }
}
