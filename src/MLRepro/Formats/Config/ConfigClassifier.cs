using System.Text.RegularExpressions;

namespace MLRepro.Formats.Config;

/// <summary>
/// Decides from a path alone whether a file is a parameter/configuration file, and if not, why. YAML and
/// JSON are everywhere in a repository; only some of it holds experiment parameters.
/// </summary>
public static partial class ConfigClassifier
{
    /// <summary>Folders whose files are configuration by convention (hparams/, hyperparams/: one file of tuned values per
    /// algorithm or dataset, as rl-baselines3-zoo's hyperparams/ppo.yml).</summary>
    public static readonly IReadOnlyList<string> ConfigFolders = ["config", "configs", "conf", "cfg", "hparams", "hyperparams", "hyperparameters"];

    /// <summary>Vendored or generated folders never searched for configs.</summary>
    public static readonly IReadOnlyList<string> VendoredFolders = [".venv", "venv", "site-packages", "node_modules", ".tox", ".git", "__pycache__", ".mypy_cache", ".ipynb_checkpoints"];

    /// <summary>Classifies a repository-relative path; null when it is not a structured-text file at all.</summary>
    public static ConfigClassification? Classify(string path)
    {
        var segments = path.Split('/');
        var name = segments[^1];
        var lower = name.ToLowerInvariant();
        var dirs = segments[..^1].Select(s => s.ToLowerInvariant()).ToArray();
        var format = FormatOf(lower);
        var inConf = dirs.Any(d => ConfigFolders.Contains(d));
        if (format is null && (lower.EndsWith(".txt", StringComparison.Ordinal) || lower.EndsWith(".flags", StringComparison.Ordinal) || lower.EndsWith(".flagfile", StringComparison.Ordinal)) && inConf)
        {
            // absl flag files (`--batch_size=128` lines, passed as --flagfile=config/CIFAR10.txt) kept in a config folder: read as
            // INI-style settings, subject to the INI content check (a list of class names there has no settings).
            format = ConfigFormat.Ini;
        }

        if (format is null)
        {
            return null;
        }

        ConfigClassification Excluded(string reason) => new(format.Value, ConfigRole.General, reason);

        if (dirs.Any(d => VendoredFolders.Contains(d)))
        {
            return Excluded("vendored or generated folder");
        }

        if (dirs.Length > 0 && dirs[0] == ".dvc")
        {
            return Excluded("DVC's own settings (read as DvcConfig)");
        }

        // .mlem/, .vscode/, .idea/, .hydra/ (a run's saved copy), app/.streamlit/: a tool's own settings or output, at any depth,
        // not the project's run parameters.
        if (dirs.Any(d => d.StartsWith('.') && d is not (".github" or ".gitlab" or ".circleci") && d.Length > 1 && d != ".."))
        {
            return Excluded("a tool's own settings folder, not parameters");
        }

        if (dirs.Contains(".github") || dirs.Contains(".gitlab"))
        {
            return Excluded("GitHub/GitLab workflow or template, not parameters");
        }

        if (dirs.Contains(".circleci") || lower is ".gitlab-ci.yml" or ".travis.yml" or "azure-pipelines.yml" or "bitbucket-pipelines.yml" or ".drone.yml" or "appveyor.yml" or "codecov.yml" or ".codecov.yml" or "cloudbuild.yaml")
        {
            return Excluded("continuous-integration definition (read as a workflow)");
        }

        if (DockerCompose().IsMatch(lower))
        {
            return Excluded("container orchestration (docker compose)");
        }

        if (CondaEnv().IsMatch(lower))
        {
            return Excluded("Conda/MLflow environment specification, not parameters");
        }

        if (lower is "dvc.yaml" or "dvc.lock" or "dvc.yml")
        {
            return Excluded("DVC pipeline or lock file (read as a pipeline)");
        }

        if (lower is ".pre-commit-config.yaml" or ".pre-commit-hooks.yaml" or ".yamllint" or ".yamllint.yaml" or ".markdownlint.yaml")
        {
            return Excluded("linting/pre-commit hooks");
        }

        if (lower is "mkdocs.yml" or "mkdocs.yaml" or ".readthedocs.yml" or ".readthedocs.yaml" or "_config.yml" or "book.yml" or "_toc.yml" or "citation.cff" or ".zenodo.json")
        {
            return Excluded("documentation or citation metadata");
        }

        if (lower is "package.json" or "package-lock.json" or "tsconfig.json" or "composer.json" or "pyproject.toml" or "cargo.toml" or "poetry.lock" or "pixi.toml" or "uv.lock" or "pipfile" or "pipfile.lock" or "environment.json" or ".devcontainer.json" || dirs.Contains(".devcontainer") || dirs.Contains(".vscode") || dirs.Contains(".idea"))
        {
            return Excluded("project or editor tooling metadata");
        }

        if (lower is "setup.cfg" or "tox.ini" or "pytest.ini" or ".flake8" or "mypy.ini" or ".pylintrc" or "pylintrc" or ".coveragerc" or ".bumpversion.cfg" or ".editorconfig" or "ruff.toml" or ".ruff.toml" or "alembic.ini" or "uwsgi.ini" or "supervisord.conf")
        {
            return Excluded("Python packaging or tool settings");
        }

        if (lower.EndsWith(".dvc", StringComparison.Ordinal))
        {
            return Excluded("DVC-tracked data pointer");
        }

        if (lower is "mlproject" or "python_env.yaml" or "python_env.yml")
        {
            return Excluded("MLflow project definition");
        }

        if (lower is "chart.yaml" or "kustomization.yaml" || dirs.Contains("k8s") || dirs.Contains("kubernetes") || dirs.Contains("helm"))
        {
            return Excluded("deployment manifest");
        }

        if (ServiceSettingsName().IsMatch(lower) || dirs.Any(d => ServiceFolders.Contains(d)))
        {
            return Excluded("a service's own settings (Airflow, Prometheus, Grafana, the ELK stack, a web server), not parameters");
        }

        // A saved Hugging Face model or checkpoint: save_pretrained and the Trainer write these next to the weights. They
        // describe a trained model; editing them changes no run.
        if (SavedModelFiles.Contains(lower) || dirs.Any(d => CheckpointFolder().IsMatch(d)))
        {
            return Excluded("a saved model's or checkpoint's files, not parameters");
        }

        if (inConf && (lower.StartsWith("catalog", StringComparison.Ordinal) || dirs.Contains("catalog")))
        {
            return Excluded("Kedro data catalog (read as a catalog, not parameters)");
        }

        if (inConf && lower.StartsWith("credentials", StringComparison.Ordinal))
        {
            return Excluded("credentials: secrets are never read as parameters");
        }

        if (inConf && lower.StartsWith("logging", StringComparison.Ordinal))
        {
            return Excluded("logging setup, not parameters");
        }

        if (format == ConfigFormat.Env)
        {
            return new ConfigClassification(format.Value, ConfigRole.Environment, null);
        }

        // A .gin file holds nothing but bindings of parameters (gin-config), wherever it lives.
        if (format == ConfigFormat.Gin)
        {
            return new ConfigClassification(format.Value, ConfigRole.General, null);
        }

        if (format == ConfigFormat.Python)
        {
            return inConf || lower.StartsWith("config", StringComparison.Ordinal) ? new ConfigClassification(format.Value, ConfigRole.PythonConfig, null) : Excluded("Python source (only config modules count)");
        }

        if (dirs.Length >= 1 && dirs[0] == "conf" && (lower.StartsWith("parameters", StringComparison.Ordinal) || dirs.Contains("parameters")))
        {
            return new ConfigClassification(format.Value, ConfigRole.KedroParameters, null);
        }

        if (lower.StartsWith("params", StringComparison.Ordinal))
        {
            return new ConfigClassification(format.Value, ConfigRole.Params, null);
        }

        if (lower.StartsWith("hparams", StringComparison.Ordinal) || lower.StartsWith("hyperparams", StringComparison.Ordinal) || lower.StartsWith("hyperparameters", StringComparison.Ordinal))
        {
            return new ConfigClassification(format.Value, ConfigRole.Hyperparameters, null);
        }

        if (inConf || lower.StartsWith("config", StringComparison.Ordinal) || lower.Contains("_config.", StringComparison.Ordinal) || lower.Contains(".config.", StringComparison.Ordinal))
        {
            return new ConfigClassification(format.Value, ConfigRole.General, null, NeedsContentCheck: format == ConfigFormat.Ini && !inConf);
        }

        if (format == ConfigFormat.Ini)
        {
            return new ConfigClassification(format.Value, ConfigRole.General, null, NeedsContentCheck: true);
        }

        // JSON the code reads or writes outside any config naming: in a data folder it is data (label maps, feature lists,
        // dataset registries, example records); named for results it is a run's output. Either way editing it tunes nothing.
        if (format == ConfigFormat.Json && dirs.Any(IsDataFolder))
        {
            return Excluded(DataFolderJson);
        }

        if (format == ConfigFormat.Json && OutputName().IsMatch(lower))
        {
            return Excluded("a run's output (results, metrics, a report), not parameters");
        }

        return Excluded("structured file outside the configuration naming conventions");
    }

    /// <summary>
    /// Why a parsed structured file holds data or a chart rather than parameters, from its content; null when it may
    /// be a config. JSON Lines (one record per line: a dataset), Vega/Vega-Lite specs (`$schema` …vega…, or `mark` +
    /// `encoding`) and Plotly figures (`data` + `layout`) are read by code, but editing them changes no run.
    /// </summary>
    public static string? DataOrChartReason(ConfigFormat format, string text, IEnumerable<string> keyPaths)
    {
        if (format == ConfigFormat.Json && IsJsonLines(text))
        {
            return "JSON Lines records (data), not parameters";
        }

        if (RecordCount(keyPaths) is >= MinDataRecords and var records)
        {
            return $"a list of {records} records (data), not parameters";
        }

        var top = keyPaths.Select(k => k.Split('.', '[')[0]).ToHashSet(StringComparer.Ordinal);
        if (top.Contains("$schema") && text.Contains("vega", StringComparison.OrdinalIgnoreCase) || top.Contains("mark") && top.Contains("encoding"))
        {
            return "Vega/Vega-Lite chart specification, not parameters";
        }

        // A DeepSpeed config whose values are "auto" takes them from the trainer's own arguments: it sets how the run is
        // sharded, not what is trained, and editing it changes no hyperparameter.
        if (top.Contains("zero_optimization") && text.Contains("\"auto\"", StringComparison.Ordinal))
        {
            return "DeepSpeed runtime settings deferring to the trainer's arguments (\"auto\"), not parameters";
        }

        // A tmuxp or tmuxinator session (session_name/name/root + windows of panes): a launcher of shell command lines, whose flags
        // are the script's own options; nothing reads the file as parameters.
        if (format == ConfigFormat.Yaml && top.Contains("windows") && (top.Contains("session_name") || top.Contains("root") || top.Contains("project_name") || top.Contains("name"))
            && keyPaths.Any(k => k.StartsWith("windows", StringComparison.Ordinal) && (k.Contains(".panes", StringComparison.Ordinal) || k.Contains(".layout", StringComparison.Ordinal) || k.Contains(".shell_command", StringComparison.Ordinal))))
        {
            return "terminal session layout (tmuxp/tmuxinator): shell command lines, not parameters";
        }

        return top.Contains("data") && top.Contains("layout") && format == ConfigFormat.Json ? "Plotly figure, not parameters" : null;
    }

    /// <summary>Fewest records a top-level list needs to be read as data (a sweep's handful of settings stays a config).</summary>
    public const int MinDataRecords = 10;

    /// <summary>
    /// How many records a file is when its top level is a list of mappings (<c>[{"instruction": …}, …]</c>, every key path
    /// <c>[i].field</c>); 0 otherwise.
    /// </summary>
    private static int RecordCount(IEnumerable<string> keyPaths)
    {
        var records = new HashSet<int>();
        foreach (var k in keyPaths)
        {
            var close = k.IndexOf(']', StringComparison.Ordinal);
            if (!k.StartsWith('[') || close < 0 || close + 1 >= k.Length || k[close + 1] is not ('.' or '[') || !int.TryParse(k.AsSpan(1, close - 1), out var i))
            {
                return 0;
            }

            records.Add(i);
        }

        return records.Count;
    }

    private static bool IsJsonLines(string text)
    {
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Take(3).ToList();
        if (lines.Count < 2 || !lines.All(l => l.StartsWith('{') && l.EndsWith('}')))
        {
            return false;
        }

        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(lines[0]);
            return doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    /// <summary>Whether INI sections or keys look like experiment settings rather than tool settings.</summary>
    public static bool LooksLikeMLSettings(IEnumerable<string> keyPaths) => keyPaths.Any(k => MLWords().IsMatch(k));

    private static ConfigFormat? FormatOf(string lower)
    {
        if (lower.EndsWith(".yaml", StringComparison.Ordinal) || lower.EndsWith(".yml", StringComparison.Ordinal) || lower.EndsWith(".dvc", StringComparison.Ordinal) || lower == "dvc.lock")
        {
            return ConfigFormat.Yaml;
        }

        if (lower.EndsWith(".json", StringComparison.Ordinal))
        {
            return ConfigFormat.Json;
        }

        if (lower.EndsWith(".toml", StringComparison.Ordinal))
        {
            return ConfigFormat.Toml;
        }

        // configparser reads any name: `config.read('./config.conf')` (the content check of INI files still applies, so a
        // server's nginx.conf with no key = value settings is not taken).
        if (lower.EndsWith(".ini", StringComparison.Ordinal) || lower.EndsWith(".cfg", StringComparison.Ordinal) || lower.EndsWith(".conf", StringComparison.Ordinal) || lower is ".flake8" or ".pylintrc" or "pylintrc" or ".coveragerc" or ".editorconfig")
        {
            return ConfigFormat.Ini;
        }

        // ConfigArgParse's config files (`--config config_fern.txt`, is_config_file=True) are `key = value` lines named .txt;
        // only a config-like name makes a .txt file one (the content check of INI files still applies).
        if (lower.EndsWith(".txt", StringComparison.Ordinal) && TxtConfigName().IsMatch(lower))
        {
            return ConfigFormat.Ini;
        }

        if (lower is ".env" || lower.StartsWith(".env.", StringComparison.Ordinal) || lower.EndsWith(".env", StringComparison.Ordinal))
        {
            return ConfigFormat.Env;
        }

        if (lower.EndsWith(".py", StringComparison.Ordinal))
        {
            return ConfigFormat.Python;
        }

        if (lower.EndsWith(".gin", StringComparison.Ordinal))
        {
            return ConfigFormat.Gin;
        }

        return lower is "mlproject" or "pipfile" ? ConfigFormat.Yaml : null;
    }

    [GeneratedRegex(@"^(?:config|cfg|params|hparams|hyperparams)(?:[_.-][\w.-]*)?\.txt$|[_.-](?:config|cfg)\.txt$")]
    private static partial Regex TxtConfigName();

    /// <summary>Why a JSON file in a data folder is not a config.</summary>
    public const string DataFolderJson = "JSON in a data folder: data the code reads, not parameters";

    /// <summary>A folder of data (its name in lower case): data/, datasets/, raw_data/, training-data/ (not data_utils/, a code package).</summary>
    public static bool IsDataFolder(string dir) => dir.Split('-', '_', '.', ' ')[^1] is "data" or "dataset" or "datasets";

    /// <summary>Files a saved Hugging Face model, tokenizer or Trainer checkpoint consists of, beside its weights.</summary>
    private static readonly HashSet<string> SavedModelFiles = new(StringComparer.Ordinal)
    {
        "trainer_state.json", "tokenizer_config.json", "tokenizer.json", "special_tokens_map.json", "generation_config.json",
        "preprocessor_config.json", "added_tokens.json", "adapter_config.json", "vocab.json", "sentence_bert_config.json",
        "config_sentence_transformers.json", "modules.json",
    };

    /// <summary>Folders of services an MLOps project deploys beside its model, holding those services' settings.</summary>
    private static readonly HashSet<string> ServiceFolders = new(StringComparer.Ordinal)
    {
        "grafana", "prometheus", "alertmanager", "logstash", "filebeat", "kibana", "elasticsearch", "nginx", "airflow_config",
    };

    [GeneratedRegex(@"^(?:airflow|webserver_config|prometheus|alertmanager|logstash|filebeat|kibana|elasticsearch|grafana|nginx|redis|supervisor|gunicorn)(?:[_.-][\w.-]*)?\.(?:cfg|conf|ini|ya?ml|json|toml)$")]
    private static partial Regex ServiceSettingsName();

    /// <summary>A Trainer or Lightning checkpoint folder: checkpoint-1000, checkpoint_5, checkpoints.</summary>
    [GeneratedRegex(@"^(?:checkpoint[-_]\d+|checkpoints?)$")]
    private static partial Regex CheckpointFolder();

    /// <summary>A name that says the file holds a run's results: test_results.json, evaluation_report.json, scores.json.</summary>
    [GeneratedRegex(@"(?:^|[_.-])(?:results?|reports?|metrics|scores?|summary|stats|statistics|progress|history|predictions?|evaluation)(?:[_.-][\w.-]*)?\.json$")]
    private static partial Regex OutputName();

    [GeneratedRegex(@"^(docker-)?compose([.-][\w.-]*)?\.ya?ml$")]
    private static partial Regex DockerCompose();

    [GeneratedRegex(@"^(environment|conda|conda_env|conda-env)([.-_][\w.-]*)?\.ya?ml$")]
    private static partial Regex CondaEnv();

    [GeneratedRegex(@"(?i)(train|model|data|learning|lr\b|epoch|batch|seed|optim|hyper|param|experiment|dataset|eval|loss|layer|dropout|hidden|network)")]
    private static partial Regex MLWords();
}
