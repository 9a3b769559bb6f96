using System.Text.RegularExpressions;

namespace MLRepro.Analysis;

/// <summary>Reads shell command lines for the Python scripts and modules they run.</summary>
public static partial class CommandLines
{
    /// <summary>The script path (`python src/train.py …` → src/train.py) or module (`python -m pkg.train` → pkg/train.py) a command runs, or null.</summary>
    public static string? PythonTarget(string command)
    {
        var m = PythonScript().Match(command);
        if (m.Success)
        {
            return StripDotSlash(m.Groups["script"].Value);
        }

        var mod = PythonModule().Match(command);
        return mod.Success ? mod.Groups["mod"].Value.Replace('.', '/') + ".py" : null;
    }

    /// <summary>Notebooks a command executes (jupyter nbconvert --execute, papermill).</summary>
    public static string? NotebookTarget(string command)
    {
        var m = Notebook().Match(command);
        return m.Success ? StripDotSlash(m.Groups["nb"].Value) : null;
    }

    /// <summary>Drops leading "./" (and a leading '/') but keeps a dot that starts a name: ".github/x.py" stays as written.</summary>
    internal static string StripDotSlash(string path)
    {
        var p = path;
        while (p.StartsWith("./", StringComparison.Ordinal))
        {
            p = p[2..];
        }

        return p.TrimStart('/');
    }

    /// <summary>
    /// The working folder after the `cd` segments of a command (`cd a && python x.py`, `cd a; cd b`), starting from
    /// <paramref name="cwd"/> (repository-relative, "" for the root); null when a `cd` leaves the repository or
    /// goes somewhere unknowable ($VAR, ~, an absolute path).
    /// </summary>
    public static string? ApplyCd(string command, string? cwd)
    {
        foreach (var segment in command.Split(["&&", ";"], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var m = CdCommand().Match(segment);
            if (!m.Success)
            {
                continue;
            }

            var target = m.Groups["dir"].Value.Trim('"', '\'');
            if (cwd is null || target.StartsWith('/') || target.StartsWith('~') || target.StartsWith('$') || target == "-")
            {
                cwd = null;
                continue;
            }

            var parts = cwd.Length == 0 ? new List<string>() : [.. cwd.Split('/')];
            foreach (var part in target.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                if (part == ".")
                {
                    continue;
                }

                if (part == "..")
                {
                    if (parts.Count == 0)
                    {
                        // Above the checkout: the clone's parent folder, where `cd <repo>` comes next.
                        cwd = null;
                        break;
                    }

                    parts.RemoveAt(parts.Count - 1);
                    continue;
                }

                parts.Add(part);
            }

            if (cwd is not null)
            {
                cwd = string.Join('/', parts);
            }
        }

        return cwd;
    }

    /// <summary>Whether the command runs a module (`python -m pkg`).</summary>
    public static bool IsModuleRun(string command) => PythonScript().Match(command) is not { Success: true } && PythonModule().IsMatch(command);

    private static readonly string[] ToolingWords = ["pip", "pip3", "pytest", "isort", "black", "flake8", "ruff", "mypy", "pylint", "pre-commit", "tox", "nox", "conda", "mamba", "apt-get", "apt", "brew", "git", "cd", "export", "source", "docker", "mkdocs", "sphinx-build", "make", "poetry", "uv", "pipenv", "twine", "coverage", "npm", "jupyter", "echo", "ls", "cat", "wget", "curl", "unzip", "tar", "mkdir", "rm", "cp", "mv", "sudo", "chmod", "bash", "sh", "venv", "virtualenv", "gcloud", "aws", "az", "kubectl", "huggingface-cli", "kaggle", "dvc", "mlflow", "tensorboard", "streamlit", "gradio", "uvicorn", "gunicorn", "flask"];

    private static readonly string[] ToolingModules = ["pip", "pytest", "isort", "black", "flake8", "ruff", "mypy", "pylint", "venv", "unittest", "build", "twine", "coverage", "pre_commit", "ipykernel", "notebook", "jupyter", "spacy", "nltk", "http.server", "pydoc", "doctest"];

    /// <summary>
    /// Whether a command maintains the project (install, lint, format, test, docs, shell plumbing) rather than running
    /// the experiment: its first word is such a tool, or it runs such a module with `python -m`.
    /// </summary>
    public static bool IsTooling(string command)
    {
        var c = command.Trim();
        var first = c.Split([' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
        first = first[(first.LastIndexOf('/') + 1)..];
        if (PythonModule().Match(c) is { Success: true } m && !PythonScript().IsMatch(c))
        {
            var mod = m.Groups["mod"].Value;
            return ToolingModules.Any(t => mod == t || mod.StartsWith(t + ".", StringComparison.Ordinal));
        }

        return ToolingWords.Contains(first) && !PythonScript().IsMatch(c);
    }

    [GeneratedRegex(@"(?:^|[\s;&|(])(?:[\w./-]*/)?(?:python[0-9.]*|py|uv run|poetry run python|pipenv run python|conda run(?: -n \S+)? python|accelerate launch|torchrun|deepspeed)(?:\s+-[A-Za-z]+(?:\s+\S+)?)*?\s+(?<script>[\w./-]+\.py)\b")]
    private static partial Regex PythonScript();

    [GeneratedRegex(@"^cd\s+(?<dir>\S+)\s*$")]
    private static partial Regex CdCommand();

    [GeneratedRegex(@"(?:^|[\s;&|(])(?:[\w./-]*/)?python[0-9.]*\s+(?:-[A-Za-z]+\s+)*-m\s+(?<mod>[A-Za-z_][\w.]*)")]
    private static partial Regex PythonModule();

    [GeneratedRegex(@"(?:nbconvert|papermill|nbclient|jupyter execute)\b[^\n]*?\s(?<nb>[\w./-]+\.ipynb)")]
    private static partial Regex Notebook();
}
