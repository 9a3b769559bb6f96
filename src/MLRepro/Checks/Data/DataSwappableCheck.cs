using MLRepro.Analysis;
using MLRepro.Findings;
using MLRepro.Model;
using MLRepro.Python;

namespace MLRepro.Checks.Data;

/// <summary>data.swappable — another dataset meeting the documented interface can replace the one used.</summary>
public sealed partial class DataSwappableCheck : CheckBase
{
    /// <inheritdoc />
    public override CheckInfo Info { get; } = new(
        "data.swappable",
        StarLevel.Data,
        "Data easy to swap",
        "The data is easy to modify: another dataset that meets the documented structure can replace the one used, and the model still runs.",
        "Statically: the input paths the training code reads come from config or the command line (argparse, fire, typer, click, a " +
        "configurator that overrides globals, a Kedro catalog, an MLflow Recipes ingest step), not string literals buried in code. Reads " +
        "in notebooks (when scripts read data), deploy and serving helpers, UI apps and data-preparation scripts do not decide, nor, once the " +
        "training input is configurable, do scripts that generate or convert data (text2csv.py, *_generate.py, translate_data.py) or evaluation " +
        "scripts scoring a public benchmark (load_dataset(\"gsm8k\") in eval/), nor do " +
        "intermediate files produced by pipeline stages. A fixed path or a built-in dataset class with a fixed root is Partial: another " +
        "dataset can only replace the files in place. So are configurable roots of a dataset chosen from a closed menu (--dataset with " +
        "choices=['voc', 'cityscapes'], getattr(torchvision.datasets, args.dataset), or if/elif branches on the dataset name that each build " +
        "a dataset) unless the menu offers a generic loader (ImageFolder, load_dataset) or a generic choice (custom, folder, csv): another " +
        "dataset needs a new class and choice. Reads of what a run needs besides its data (the config file an option names, a checkpoint's " +
        "params.json, model weights, logs, credentials, saved run arguments) are no input at all. Reads whose paths are all attributes or parameters set by their " +
        "callers (pd.read_parquet(self.path)), with nothing fixed in code, are Met. So is training data read by a generic loader that takes any " +
        "dataset in a library-defined format (load_dataset, load_from_disk, ImageFolder, image_dataset_from_directory) from a path that " +
        "config or the command line gives, or that is not fixed in code, even when other scripts fix their own inputs. For a project that reads no data, a simulated environment (gym.make) whose id comes " +
        "from config or the command line is Met, one fixed in code Partial. Input paths traced neither to config nor to the command line, or no " +
        "traceable data read at all (a database query, an API, a dataset bound in code), are Partial: nothing shows that another dataset fits " +
        "without editing code. Only a run with another dataset proves it.",
        "Read the input data path from the config file (e.g. `data.path` in params.yaml) or a command-line option.",
        [],
        ProvenOnlyByRunning: true);

    /// <inheritdoc />
    public override Finding Run(ProjectModel project)
    {
        var data = project.Data;
        var inputs = data.InputReads.Where(r => r.Status is not DataPathStatus.Produced).ToList();
        var configurable = inputs.Where(r => InputTracer.IsConfigurable(r.Origin ?? SeedOrigin.Unknown)).ToList();
        var standard = data.StandardDatasets.ToList();
        var standardConfigurable = standard.Where(s => InputTracer.IsConfigurable(s.RootOrigin)).ToList();
        var ev = configurable.Select(r => Evidence.At(r.Path, r.Line, $"input path from {Origin(r.Origin)}", $"{r.Function}({r.Argument})"))
            .Concat(standardConfigurable.Select(s => Evidence.At(s.Path, s.Line, $"{s.Name} reads its root from {Origin(s.RootOrigin)}", s.Root ?? s.Name)))
            .Concat(data.DeclaredInputs.Select(d => Evidence.At(d.Path, d.Line, $"input declared in configuration: {d.Description}")))
            .ToList();
        var swappable = configurable.Count + standardConfigurable.Count + data.DeclaredInputs.Length;

        // A preparation script's fixed source (prepare.py downloading a corpus) is where the data came from; once the
        // training input is configurable, that is where another dataset plugs in.
        var preparation = data.PreparationModules.ToHashSet(StringComparer.Ordinal);
        // A fixed read that is one branch of a dispatch on a name (`elif name == "alpaca": return load_dataset("tatsu-lab/alpaca")`)
        // is one entry of a menu chosen at run time; once some input is configurable (the menu's path fallback), it is no fixed input.
        // Likewise a script that generates or converts data (role_generate.py, text2csv.py, translate_data.py) makes a dataset
        // in the documented format, and an evaluation script scoring a public benchmark (load_dataset("gsm8k") in
        // eval/evaluate_gsm8k.py) measures the trained model on a fixed yardstick: neither is the training data to swap.
        var hard = inputs.Where(r => r.Origin is SeedOrigin.HardCoded && !(swappable > 0 && (preparation.Contains(r.Path) || IsDataMakingScript(r.Path)
            || IsBenchmarkEvaluation(r) || IsDispatchBranch(project, r.Path, r.Line)))).ToList();
        var standardHard = standard.Where(s => !InputTracer.IsConfigurable(s.RootOrigin) && !(swappable > 0 && (preparation.Contains(s.Path) || IsDataMakingScript(s.Path)))).ToList();
        var fixedEv = hard.Select(r => Evidence.At(r.Path, r.Line, $"hard-coded input path {r.Literal ?? r.Argument}", $"{r.Function}({r.Argument})"))
            .Concat(standardHard.Select(s => Evidence.At(s.Path, s.Line, s.Root is null ? $"built-in dataset {s.Name}, chosen in code" : $"built-in dataset {s.Name} with a fixed root", s.Root ?? s.Name)))
            .ToList();

        if (inputs.Count == 0 && standard.Count == 0 && swappable == 0 && data.Environments.Length > 0)
        {
            // An RL agent's input is a simulated environment: another environment with the same interface swaps in when
            // its id comes from config or the command line (gym.make(args.env)); a literal id means editing code.
            var envConfigurable = data.Environments.Where(e => InputTracer.IsConfigurable(e.Origin)).ToList();
            return envConfigurable.Count > 0
                ? Found(Outcome.Met, "the simulated environment's id comes from config or the command line (not verified by running with another environment).",
                    envConfigurable.Take(5).Select(e => Evidence.At(e.Path, e.Line, $"environment id from {Origin(e.Origin)}", $"{e.Call}({e.Id})")))
                : Found(Outcome.Partial, "the simulated environment is fixed in code: another environment means editing code.",
                    data.Environments.DistinctBy(e => e.Id).Take(5).Select(e => Evidence.At(e.Path, e.Line, $"environment {e.Id} chosen in code", $"{e.Call}({e.Id})")));
        }

        if (inputs.Count == 0 && standard.Count == 0 && swappable == 0)
        {
            // Nothing the analysis follows (a pandas/numpy/open/loader read, a built-in dataset, a config entry) takes its input
            // from config or the command line: the data comes from a source fixed in code it cannot read (a database query, an
            // API, a dataset class bound to a name, R or SQL code). Reviewers reading such code find the source written into it,
            // so swapping the data means editing code.
            return Found(Outcome.Partial, "no input was found to come from config or the command line (no data read with a traceable path): the data source is likely fixed in code, so another dataset needs code changes (not verified by running with another dataset).",
                Evidence.Repo($"searched {Count(project.PythonModules.Count, "Python module")} for data reads (pandas, numpy, open, torch/tf loaders…)"));
        }

        // Configurable roots of datasets chosen from a closed menu (--dataset choices=['voc', 'cityscapes'], getattr(torchvision.datasets,
        // args.dataset)) only move one of the built-in datasets: another dataset needs a new dataset class and a new choice in code.
        var menus = fixedEv.Count == 0 && swappable > 0 ? DatasetMenus(project).Take(5).ToList() : [];
        if (menus.Count > 0)
        {
            return Found(Outcome.Partial, "the input paths come from config or the command line, but the dataset is chosen from a closed list of built-in ones: another dataset needs code (a dataset class and a new choice).",
                menus.Concat(ev.Take(5)));
        }

        // No path is written in code and none was traced to config either: every read takes its path from a parameter or an
        // attribute that callers set (pd.read_csv(os.path.join(self.root_path, self.data_path)) in a Dataset class built by the
        // experiment runner). The tracer follows literals through names, imports and call sites, so a path it cannot trace to
        // one is supplied from outside the reading code: the data is not tied to a fixed file. An RL project whose reads are
        // logs and plots keeps its simulated environment for the verdict below.
        if (fixedEv.Count == 0 && swappable == 0 && data.Environments.Length == 0 && inputs.All(r => IsPassedIn(project, r)))
        {
            return Found(Outcome.Met, "no input path is fixed in code: the reads take their paths from parameters or attributes set by their callers (not traced to config or the command line; not verified by running with another dataset).",
                inputs.Take(5).Select(r => Evidence.At(r.Path, r.Line, "input path passed in by the caller", $"{r.Function}({r.Argument})")));
        }

        // Nothing fixed and nothing traced, but the data goes through a generic loader (load_dataset(data_files) built from a
        // dataset registry, ImageFolder(root)): its path is not written in code, and the loader takes any dataset in its format.
        // A generic loader in the training code: not a preparation, data-making or evaluation script.
        bool TrainingGenericLoader(DataRead r) => IsGenericLoader(r.Function) && !preparation.Contains(r.Path)
            && !IsDataMakingScript(r.Path) && !EvaluationModule().IsMatch(r.Path.ToLowerInvariant());
        var untracedGeneric = fixedEv.Count == 0 && swappable == 0
            ? inputs.Where(r => r.Origin is not SeedOrigin.HardCoded && TrainingGenericLoader(r)).ToList()
            : [];
        if (untracedGeneric.Count > 0)
        {
            return Found(Outcome.Met, "no input path is fixed in code and the data is read by a generic loader, so another dataset in that format can replace it (the path was not traced to config or the command line; not verified by running with another dataset).",
                untracedGeneric.Take(5).Select(r => Evidence.At(r.Path, r.Line, "generic loader, path not fixed in code", $"{r.Function}({r.Argument})")));
        }

        if (fixedEv.Count == 0)
        {
            // Reads whose paths were traced neither to config nor to a literal: nothing shows a user can point them elsewhere
            // without editing code.
            return Found(swappable > 0 ? Outcome.Met : Outcome.Partial,
                swappable > 0 ? "input paths come from config or the command line (not verified by running with another dataset)."
                    : "input paths could not be traced to config or the command line: another dataset likely needs code changes (not verified by running with another dataset).",
                ev.Count > 0 ? ev : [.. inputs.Select(r => Evidence.At(r.Path, r.Line, "input path of unknown origin", $"{r.Function}({r.Argument})"))]);
        }

        if (swappable > 0)
        {
            // The training code reads its data with a generic loader whose path comes from config or the command line
            // (load_dataset(args.data_path), load_from_disk(args.dataset_path), ImageFolder(args.path)): any dataset in that
            // loader's documented format (JSON/CSV records, a Hub dataset, class sub-folders of images) replaces the data.
            // Fixed reads in other scripts (an older train.py, a quantisation tool's calibration set, an extra experiment on
            // MNIST) do not take that away.
            var fixedModules = hard.Select(r => r.Path).Concat(standardHard.Select(s => s.Path)).ToHashSet(StringComparer.Ordinal);
            var generic = configurable.Where(r => !fixedModules.Contains(r.Path) && TrainingGenericLoader(r)).ToList();
            if (generic.Count > 0)
            {
                return Found(Outcome.Met, $"the training data is read by a generic loader whose path comes from config or the command line, so another dataset in that format can replace it; {Count(fixedEv.Count, "input")} fixed in code {(fixedEv.Count == 1 ? "is" : "are")} read by other scripts (not verified by running with another dataset).",
                    generic.Take(5).Select(r => Evidence.At(r.Path, r.Line, $"generic loader, path from {Origin(r.Origin)}", $"{r.Function}({r.Argument})")).Concat(fixedEv.Take(5)));
            }

            return Found(Outcome.Partial, $"{Count(fixedEv.Count, "input")} {(fixedEv.Count == 1 ? "is" : "are")} fixed in code, although others come from config or the command line.",
                fixedEv.Concat(ev));
        }

        // Only fixed paths: another dataset can still replace the files in place (same names, same format), but not by
        // configuration. Paths on the author's machine cannot even be replaced without editing code.
        if (hard.Count > 0 && standardHard.Count == 0 && hard.All(r => r.Status is DataPathStatus.Absolute))
        {
            return Found(Outcome.NotMet, $"{Count(hard.Count, "input path")} {(hard.Count == 1 ? "is" : "are")} absolute paths on the author's machine; swapping the data means editing code.", fixedEv);
        }

        return Found(Outcome.Partial,
            $"{Count(fixedEv.Count, "input")} {(fixedEv.Count == 1 ? "is" : "are")} fixed in code: another dataset can only replace the files in place (same names and format); changing it means editing code.",
            fixedEv);
    }

    /// <summary>
    /// Options of training code that choose the dataset from a closed list of names (<c>add_argument("--dataset", choices=["voc",
    /// "cityscapes"])</c>: an option named dataset, dataset_name, data_name or dset whose choices are two or more string literals,
    /// none of them a generic entry such as path, folder, custom, json or csv, nor all of them split names), and built-in datasets
    /// looked up by name (<c>getattr(torchvision.datasets, args.dataset)</c>). A menu whose module, or a module importing it, runs a
    /// generic loader (torchvision's ImageFolder or DatasetFolder, Hugging Face load_dataset) has a way in for other data and does
    /// not count; nor do evaluation, data-making, preparation, test, tooling and auxiliary modules.
    /// </summary>
    internal static IEnumerable<Evidence> DatasetMenus(ProjectModel project)
    {
        var data = project.Data;
        var preparation = data.PreparationModules.ToHashSet(StringComparer.Ordinal);
        bool Skipped(ModuleSummary m) => ConfigAnalysis.IsTestOrTooling(m.Path) || DataAnalysis.IsAuxiliaryModule(m) || project.IsVendoredPackagePath(m.Path)
            || preparation.Contains(m.Path) || IsDataMakingScript(m.Path) || EvaluationModule().IsMatch(m.Path.ToLowerInvariant());

        foreach (var m in project.PythonModules.Where(m => !Skipped(m)))
        {
            foreach (var c in m.Calls.Where(c => c.Target.EndsWith("add_argument", StringComparison.Ordinal)))
            {
                var names = c.Positional.Select(a => a.Literal?.AsString).Append(c.Keyword("dest")?.Literal?.AsString).OfType<string>().ToList();
                if (!names.Any(n => DatasetOption().IsMatch(n)) || c.Keyword("choices") is not { } choices || !StringList().IsMatch(choices.Text.Trim()))
                {
                    continue;
                }

                var items = QuotedItem().Matches(choices.Text).Select(x => x.Groups["v"].Value).ToList();
                if (items.Count < 2 || items.Any(i => GenericChoice().IsMatch(i)) || items.All(i => SplitChoice().IsMatch(i)) || HasGenericLoader(project, m.Path))
                {
                    continue;
                }

                yield return Evidence.At(m.Path, c.Line, $"{names[0]} chooses among {Count(items.Count, "built-in dataset")} ({List(items, 4)})", $"choices={choices.Text.Trim()}");
            }
        }

        // The same menu written as branches: `if args.dataset == 'mnist': train = datasets.MNIST(...)` / `elif p['train_db_name'] ==
        // 'cifar-10': dataset = CIFAR10(...)`, two or more dataset names each building its own dataset, no generic branch.
        foreach (var m in project.PythonModules.Where(m => !Skipped(m) && m.Path.EndsWith(".py", StringComparison.Ordinal)))
        {
            if (BranchMenu(project, m.Path) is { } menu && !HasGenericLoader(project, m.Path))
            {
                yield return menu;
            }
        }

        foreach (var s in data.StandardDatasets.Where(s => s.Name.Contains('[', StringComparison.Ordinal) && InputTracer.IsConfigurable(s.RootOrigin))
            .DistinctBy(s => s.Path, StringComparer.Ordinal))
        {
            if (project.PythonModule(s.Path) is { } m && !Skipped(m) && !HasGenericLoader(project, s.Path))
            {
                yield return Evidence.At(s.Path, s.Line, $"{s.Name} looks the dataset up by name among the library's built-in ones", s.Root ?? s.Name);
            }
        }
    }

    /// <summary>
    /// Whether a read goes through a loader that takes any dataset in a documented, library-defined format rather than one
    /// project's files: Hugging Face datasets' load_dataset/load_from_disk (JSON, CSV, Parquet records or a Hub dataset),
    /// torchvision's ImageFolder/DatasetFolder and Keras' *_dataset_from_directory (one sub-folder per class).
    /// </summary>
    internal static bool IsGenericLoader(string function) =>
        function.EndsWith("load_dataset", StringComparison.Ordinal) || function.EndsWith("load_from_disk", StringComparison.Ordinal)
        || function is "torchvision.datasets.ImageFolder" or "torchvision.datasets.DatasetFolder"
        || function.EndsWith("_dataset_from_directory", StringComparison.Ordinal);

    /// <summary>
    /// A dispatch on a dataset name in a module's code: <c>if</c>/<c>elif</c> headers comparing one dataset variable (args.dataset,
    /// config.data.dataset, p['train_db_name']) with two or more dataset names, none generic (custom, folder, csv…) nor a split
    /// name, where a branch builds a dataset within its first lines (a dataset variable assigned, a class constructed or
    /// returned). Branches that only tune a setting per dataset (shave = scale + 6) are no menu of datasets.
    /// </summary>
    private static Evidence? BranchMenu(ProjectModel project, string path)
    {
        if (project.Text(path) is not { } text)
        {
            return null;
        }

        var byVariable = new Dictionary<string, (HashSet<string> Names, int Line, bool Builds)>(StringComparer.Ordinal);
        for (var l = 1; l <= text.LineCount; l++)
        {
            var header = BranchHeader().Match(text.GetLine(l));
            if (!header.Success || !DatasetOption().IsMatch(header.Groups["n2"].Success ? header.Groups["n2"].Value : header.Groups["n1"].Value))
            {
                continue;
            }

            var key = header.Groups["var"].Value;
            var entry = byVariable.TryGetValue(key, out var found) ? found : (Names: new HashSet<string>(StringComparer.Ordinal), Line: l, Builds: false);
            entry.Names.Add(header.Groups["lit"].Value);
            var builds = Enumerable.Range(l + 1, Math.Min(MaxBranchLookAhead, text.LineCount - l)).Any(b => BuildsDataset().IsMatch(text.GetLine(b)));
            byVariable[key] = (entry.Names, entry.Line, entry.Builds || builds);
        }

        foreach (var (variable, (names, line, builds)) in byVariable)
        {
            var datasets = names.Where(n => !SplitChoice().IsMatch(n)).ToList();
            if (builds && datasets.Count >= 2 && !names.Any(n => GenericChoice().IsMatch(n)))
            {
                return Evidence.At(path, line, $"{variable} chooses among {Count(datasets.Count, "dataset")} coded in branches ({List(datasets, 4)})", text.GetLine(line).Trim());
            }
        }

        return null;
    }

    /// <summary>How many lines below a branch header a dataset construction is looked for.</summary>
    private const int MaxBranchLookAhead = 3;

    /// <summary>An if/elif header comparing a variable (its last name or string key captured as name) with a string literal.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?:el)?if\s+(?<var>(?:[A-Za-z_]\w*\.)*(?<n1>[A-Za-z_]\w*)(?:\[['""](?<n2>\w+)['""]\])?)\s*==\s*['""](?<lit>[^'""\n]+)['""]\s*:")]
    private static partial System.Text.RegularExpressions.Regex BranchHeader();

    /// <summary>A line that builds a dataset: a dataset variable assigned, a class constructed or returned.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?i:\w*dataset\w*)\s*=|=\s*(?:\w+\.)*[A-Z]\w*\(|return\s+(?:\w+\.)*[A-Z]\w*\(")]
    private static partial System.Text.RegularExpressions.Regex BuildsDataset();

    /// <summary>Whether a module, the project modules it imports, or a module importing it runs a generic dataset loader.</summary>
    private static bool HasGenericLoader(ProjectModel project, string path)
    {
        var local = project.LocalModules;
        var scope = new HashSet<string>(local.Closure(path), StringComparer.Ordinal);
        foreach (var importer in local.Importers.GetValueOrDefault(path) ?? [])
        {
            scope.UnionWith(local.Closure(importer));
        }

        return scope.Any(p => project.PythonModule(p) is { } m && m.Calls.Any(c => c.Target is "torchvision.datasets.ImageFolder" or "torchvision.datasets.DatasetFolder"
            || c.Target.EndsWith("load_dataset", StringComparison.Ordinal)));
    }

    /// <summary>An option or variable naming the dataset: --dataset, --dataset_name, --in_dist_dataset, -dataset-name, --data_name, --dset, train_db_name.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?i)^-*(?:\w+[_-])?(?:dataset|data[_-]?set|data[_-]?name|dset|db[_-]name)(?:[_-]name)?$")]
    private static partial System.Text.RegularExpressions.Regex DatasetOption();

    /// <summary>A list or tuple of string literals only.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^[\[(]\s*(?:(?:'[^'\n]*'|""[^""\n]*"")\s*,\s*)*(?:'[^'\n]*'|""[^""\n]*"")\s*,?\s*[\])]$")]
    private static partial System.Text.RegularExpressions.Regex StringList();

    [System.Text.RegularExpressions.GeneratedRegex(@"'(?<v>[^'\n]*)'|""(?<v>[^""\n]*)""")]
    private static partial System.Text.RegularExpressions.Regex QuotedItem();

    /// <summary>A choice that lets any data in: a path, a folder, a custom dataset, a file format.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?i)^(?:path|paths|folder|dir|directory|custom|imagefolder|image[_-]?folder|json|jsonl|csv|tsv|txt|text|parquet|local|own|user|generic|file|files|any|hf|huggingface|hub|other|lmdb)$")]
    private static partial System.Text.RegularExpressions.Regex GenericChoice();

    /// <summary>A split name (train/val/test): choosing a split is not choosing a dataset.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?i)^(?:train|training|val|valid|validation|test|testing|dev|all|eval|trainval)$")]
    private static partial System.Text.RegularExpressions.Regex SplitChoice();

    /// <summary>
    /// Whether a read's path is passed in by its caller: the argument refers to an attribute of the object (<c>self.path</c>,
    /// <c>self.args.data_name</c>) or to a parameter of the function that reads (<c>def _generate_examples(self, filepath)</c>),
    /// rather than to a module-level name or a local variable built in place.
    /// </summary>
    internal static bool IsPassedIn(ProjectModel project, DataRead r)
    {
        if (project.PythonModule(r.Path) is not { } m)
        {
            return false;
        }

        var function = m.Functions.Where(f => f.Line <= r.Line && r.Line <= f.EndLine).MaxBy(f => f.Line);
        return ArgumentName().Matches(r.Argument).Any(x => x.Value.StartsWith("self.", StringComparison.Ordinal)
            || (function?.Parameter(x.Value.Split('.')[0]) is not null && x.Value.Split('.')[0] is not ("self" or "cls")));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\w.""'])[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*")]
    private static partial System.Text.RegularExpressions.Regex ArgumentName();

    /// <summary>
    /// Whether a script's name says it generates, converts or translates data: a token generate/gen/gendata/convert/translate
    /// (roleplay_data_generate_gpt4.py, ntu_gendata.py, convert_dataset.py, translate_data.py), data_process/process_data, or a
    /// format conversion such as text2csv.py or alpaca2jsonl.py. Such a script makes the training data, so its fixed source is
    /// provenance, like a prepare.py's.
    /// </summary>
    internal static bool IsDataMakingScript(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..].ToLowerInvariant();
        return name.EndsWith(".py", StringComparison.Ordinal) && DataMakingName().IsMatch(name[..^3]);
    }

    /// <summary>
    /// Whether a fixed read is a public benchmark (a Hugging Face Hub dataset id such as <c>gsm8k</c> or <c>allenai/c4</c>, not a
    /// file path) loaded by an evaluation module (under eval/, evaluation/ or benchmark/, or named eval*.py/evaluate*.py).
    /// </summary>
    internal static bool IsBenchmarkEvaluation(DataRead r) =>
        r.Function.EndsWith("load_dataset", StringComparison.Ordinal) && r.Literal is { } id && HubId().IsMatch(id)
        && EvaluationModule().IsMatch(r.Path.ToLowerInvariant());

    [System.Text.RegularExpressions.GeneratedRegex(@"(?:^|[_-])(?:generate|generation|gendata|gen_data|convert|conversion|translate|translation)(?:[_-]|$)|(?:^|[_-])(?:data_process|process_data)(?:[_-]|$)|^[a-z]+2(?:csv|tsv|json|jsonl|txt|parquet|tfrecords?)$")]
    private static partial System.Text.RegularExpressions.Regex DataMakingName();

    /// <summary>A Hub dataset id: a name or owner/name, without a file extension or a path prefix.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z0-9][\w-]*(?:/[\w-]+)?$")]
    private static partial System.Text.RegularExpressions.Regex HubId();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?:^|/)(?:evals?|evaluation|evaluations|benchmarks?)/|(?:^|/)eval(?:uate|uation)?(?:_[^/]*)?\.py$")]
    private static partial System.Text.RegularExpressions.Regex EvaluationModule();

    /// <summary>Whether the statement at a line is the first one of an <c>if/elif NAME == "literal":</c> (or <c>case "literal":</c>) branch.</summary>
    internal static bool IsDispatchBranch(ProjectModel project, string path, int line)
    {
        if (!path.EndsWith(".py", StringComparison.Ordinal) || project.Text(path) is not { } text || line < 2 || line > text.LineCount)
        {
            return false;
        }

        var own = text.GetLine(line);
        var indent = own.Length - own.TrimStart().Length;
        for (var l = line - 1; l >= 1 && l >= line - MaxDispatchLookBack; l--)
        {
            var above = text.GetLine(l);
            var trimmed = above.TrimStart();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            return above.Length - trimmed.Length < indent && DispatchHeader().IsMatch(trimmed);
        }

        return false;
    }

    /// <summary>How many lines above a read the branch header is looked for (blank and comment lines between).</summary>
    private const int MaxDispatchLookBack = 4;

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:(?:el)?if\s+(?!__name__)[\w.\[\]'""]+\s*(?:==|in)\s*[(\['""]|case\s+['""])")]
    private static partial System.Text.RegularExpressions.Regex DispatchHeader();

    private static string Origin(SeedOrigin? o) => o switch
    {
        SeedOrigin.Config => "the config",
        SeedOrigin.CommandLine => "the command line",
        SeedOrigin.Environment => "an environment variable",
        _ => "code",
    };
}
