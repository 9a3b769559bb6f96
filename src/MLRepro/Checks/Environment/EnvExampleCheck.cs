using MLRepro.Findings;
using MLRepro.Formats.Containers;
using MLRepro.Formats.Dependencies;
using MLRepro.Model;

namespace MLRepro.Checks.Environment;

/// <summary>env.example — an example environment in which the project runs (most easily a Docker image).</summary>
public sealed partial class EnvExampleCheck : CheckBase
{
    /// <inheritdoc />
    public override CheckInfo Info { get; } = new(
        "env.example",
        StarLevel.Environment,
        "Example environment",
        "There is an example environment in which the project runs without errors — most easily a Docker image, which also fixes the OS " +
        "and Python version. For deep learning the hardware and driver versions (GPU, CUDA) must be described too.",
        "A Dockerfile, devcontainer, cog.yaml, Apptainer definition, Nix flake, Binder setup, a conda/uv/pixi environment with a " +
        "Python version, or a lock file with the project's Python pin (.python-version, asdf .tool-versions, mise.toml) or a bounded Python constraint (poetry.lock + python = \">=3.8,<3.11\") is Met; one complete " +
        "environment is enough (the conda.yaml MLflow writes beside a logged model, next to its MLmodel file, is the artifact's, not the project's; " +
        "Dockerfiles and environment files inside a vendored copy of another project, a folder with its own licence, are that project's). " +
        "A lock file whose Python constraint has no upper bound below Python 4 (\"^3.8\", \">=3.8,<4.0\") does not fix the Python version: Partial. " +
        "Base images without a pinned tag (`latest`, `latest-gpu`, none), a Dockerfile that COPYs a file the " +
        "project does not commit (it cannot build), an environment file without a Python version (a bare `- python`), or a project whose code uses a GPU " +
        "while no environment states the CUDA version (a pinned GPU image does) are Partial, and so is a CI workflow that sets up Python, " +
        "installs the dependencies (even when it then only runs tests or linters; `make install` counts when that target pip-installs; GitHub Actions or Travis CI) when it is the only environment, and docs or a Makefile target that only describe the environment " +
        "(`conda create -n x python=3.8`, \"tested under Python 3.5.2 with CUDA 9.0\", a Requirements/Environment section stating the Python version; a minimum version such as \"Python 3.9+\" counts beside a CUDA version, an OS release or a Cloud TPU). An environment file that cannot be created as " +
        "written (a git:// URL, which GitHub no longer serves; the deprecated `sklearn` stub) is Partial too, and so is a committed Colab notebook that " +
        "pip-installs its packages, with the docs linking Colab, when it is the only environment (a hosted runtime whose image changes over time).",
        "Add a Dockerfile that starts from a pinned base image (e.g. python:3.11.9-slim, or nvidia/cuda:12.1.1-cudnn8-runtime for GPU " +
        "work) and installs the pinned requirements.",
        [],
        ProvenOnlyByRunning: false);

    /// <summary>Whether an image floats: no tag, `latest`, or a tag that only names a channel (latest-gpu-py3, nightly).</summary>
    private static bool Floating(ContainerImage i) =>
        i.IsUnpinned || (i.Digest is null && i.Tag is { } t && (t.StartsWith("latest", StringComparison.Ordinal) || t.StartsWith("nightly", StringComparison.Ordinal)));

    /// <summary>COPY/ADD sources of a Dockerfile that are not in the project (relative to the Dockerfile's folder), wildcards and URLs aside.</summary>
    private static IEnumerable<(string Source, int? Line)> UncommittedCopies(ProjectModel project, ContainerDocument c)
    {
        if (c.Dockerfile is not { } df)
        {
            yield break;
        }

        var dir = c.Path.Contains('/', StringComparison.Ordinal) ? c.Path[..(c.Path.LastIndexOf('/') + 1)] : string.Empty;
        foreach (var source in df.CopiedSources)
        {
            var instruction = df.Instructions.FirstOrDefault(i => i.Keyword is "COPY" or "ADD" && i.Arguments.Contains(source, StringComparison.Ordinal));
            if (source.StartsWith('/') || instruction is null || instruction.Arguments.Contains("--from", StringComparison.Ordinal))
            {
                continue; // copied from another build stage or image
            }

            var src = Analysis.CommandLines.StripDotSlash(source.Trim('"')).TrimEnd('/');
            if (src.Length == 0 || src == "." || src.Contains('*', StringComparison.Ordinal) || src.Contains('?', StringComparison.Ordinal) || src.Contains('$', StringComparison.Ordinal)
                || src.Contains("://", StringComparison.Ordinal) || src.StartsWith("..", StringComparison.Ordinal))
            {
                continue;
            }

            // The build context is the Dockerfile's folder or, for Dockerfiles kept in a sub-folder (docker build -f utils/docker/Dockerfile .), the root.
            var path = dir + src;
            if (!project.Index.Contains(path) && !project.Index.ContainsDirectory(path) && !project.Data.ProducedPaths.Contains(path)
                && !project.Index.Contains(src) && !project.Index.ContainsDirectory(src) && !project.Data.ProducedPaths.Contains(src))
            {
                yield return (src, instruction.Line);
            }
        }
    }

    /// <summary>
    /// A CI workflow that sets up Python (a python-version), installs the dependencies and runs one of the project's own
    /// entry points (not only tests or linters): its Python setup, install and run steps as evidence; null when none does.
    /// </summary>
    private static List<Evidence>? CiEnvironment(ProjectModel project)
    {
        foreach (var r in project.Runtimes.Where(r => r.Source == Formats.Runtime.RuntimeSource.GitHubActions))
        {
            var run = project.EntryPoints.All.FirstOrDefault(e => e.Kind == Analysis.EntryPointKind.Workflow && !e.IsTooling && e.DeclaredIn == r.Path);
            var install = project.Commands.FirstOrDefault(c => c.Path == r.Path && InstallCommand().IsMatch(c.Text));
            if (run is not null && install is not null)
            {
                return
                [
                    Evidence.At(r.Path, r.Line, $"CI sets up Python {r.Version}"),
                    Evidence.At(install.Path, install.Line, "CI installs the dependencies", install.Text),
                    Evidence.At(run.DeclaredIn, run.Line, "CI runs the project", run.Command),
                ];
            }

            // A deploy workflow builds the environment the app runs in (Azure/App Engine/Heroku deploy actions, a deploy job).
            if (install is not null && project.Text(r.Path) is { } text && DeployStep().Match(text.Text) is { Success: true } deploy)
            {
                var line = text.GetPosition(deploy.Index).Line;
                return
                [
                    Evidence.At(r.Path, r.Line, $"CI sets up Python {r.Version}"),
                    Evidence.At(install.Path, install.Line, "CI installs the dependencies", install.Text),
                    Evidence.At(r.Path, line, "CI deploys the project", deploy.Value.Trim()),
                ];
            }
        }

        return null;
    }

    /// <summary>
    /// A CI workflow that sets up Python (a python-version) and installs the project's dependencies, whatever it then runs
    /// (tests, linters): the job recreates an environment with a stated Python version on a hosted runner, a weaker example
    /// than one that runs the project. The install may sit behind a Makefile target (<c>make install</c> → <c>pip install -e .</c>).
    /// Its Python setup and install steps as evidence; null when none does.
    /// </summary>
    private static List<Evidence>? CiInstallEnvironment(ProjectModel project)
    {
        foreach (var r in project.Runtimes.Where(r => r.Source == Formats.Runtime.RuntimeSource.GitHubActions))
        {
            var install = project.Commands.FirstOrDefault(c => c.Path == r.Path && InstallCommand().IsMatch(c.Text));
            if (install is not null)
            {
                return [Evidence.At(r.Path, r.Line, $"CI sets up Python {r.Version}"), Evidence.At(install.Path, install.Line, "CI installs the dependencies", install.Text)];
            }

            // `make install-keras` in the workflow, where that Makefile target runs `pip install -e .`.
            foreach (var c in project.Commands.Where(c => c.Path == r.Path))
            {
                var target = MakeTarget().Match(c.Text);
                if (target.Success && project.Pipelines.Where(p => p.Tool == PipelineTool.Make).SelectMany(p => p.Stages)
                        .FirstOrDefault(s => s.Name == target.Groups[1].Value && s.Commands.Any(InstallCommand().IsMatch)) is { } stage)
                {
                    return
                    [
                        Evidence.At(r.Path, r.Line, $"CI sets up Python {r.Version}"),
                        Evidence.At(c.Path, c.Line, "CI installs the dependencies", c.Text),
                        Evidence.At(stage.SourcePath, stage.Line, $"make {stage.Name} installs them", stage.Commands.First(InstallCommand().IsMatch)),
                    ];
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A Travis CI job (.travis.yml with <c>language: python</c>) that states the Python version (<c>python: 3.7</c>, or a list) and
    /// installs the dependencies (<c>install: pip install -r requirements.txt</c>): its Python and install lines; null when there is none.
    /// </summary>
    private static List<Evidence>? TravisEnvironment(ProjectModel project)
    {
        const string path = ".travis.yml";
        if (!project.Index.Contains(path) || project.Text(path) is not { } text)
        {
            return null;
        }

        var root = Formats.Yaml.YamlLoader.Load(text, []).RootMapping;
        if (root?.GetString("language")?.Trim() != "python")
        {
            return null;
        }

        var python = root["python"] switch
        {
            Formats.Yaml.YamlScalarNode v when !v.IsNull => v,
            Formats.Yaml.YamlSequenceNode q => q.Items.OfType<Formats.Yaml.YamlScalarNode>().FirstOrDefault(),
            _ => null,
        };
        static IEnumerable<Formats.Yaml.YamlScalarNode> Commands(Formats.Yaml.YamlNode? n) => n switch
        {
            Formats.Yaml.YamlScalarNode v => [v],
            Formats.Yaml.YamlSequenceNode q => q.Items.OfType<Formats.Yaml.YamlScalarNode>(),
            _ => [],
        };

        var install = Commands(root["before_install"]).Concat(Commands(root["install"])).FirstOrDefault(c => InstallCommand().IsMatch(c.Value));
        return python is null || install is null ? null
            : [Evidence.At(path, python.Line, $"Travis CI sets up Python {python.Value}"), Evidence.At(path, install.Line, "Travis CI installs the dependencies", install.Value)];
    }

    /// <summary>Whether an environment file sits in an MLflow model directory (beside an MLmodel file, as mlflow.*.log_model writes it).</summary>
    internal static bool IsMlflowModelEnvironment(ProjectModel project, string path)
    {
        var dir = path.Contains('/', StringComparison.Ordinal) ? path[..(path.LastIndexOf('/') + 1)] : string.Empty;
        return project.Index.Contains(dir + "MLmodel");
    }

    /// <summary>A `make &lt;target&gt;` command (its first target).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*make\s+(?:-\S+\s+)*([\w.-]+)")]
    private static partial System.Text.RegularExpressions.Regex MakeTarget();

    /// <summary>A deployment in a workflow: a deploy action (<c>uses: azure/webapps-deploy@v2</c>) or a job named deploy.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?im)^[ \t]*-?[ \t]*uses:[ \t]*[\w.-]+/[\w.-]*deploy[\w.-]*@\S+|^[ \t]{2,4}deploy[\w-]*:[ \t]*$")]
    private static partial System.Text.RegularExpressions.Regex DeployStep();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:(?:pip3?|python3?\s+-m\s+pip)\s+install\s+(?:(?:-U|-q|--upgrade|--quiet|--user|--no-cache-dir)\s+)*(?:-r|--requirement|-e|[""']?\.)|poetry\s+install|uv\s+sync|pipenv\s+install|conda\s+env\s+(?:create|update))")]
    private static partial System.Text.RegularExpressions.Regex InstallCommand();

    /// <summary>
    /// Why a declared package cannot be installed today, or null: a git:// URL (GitHub stopped serving the unauthenticated
    /// git protocol in 2022), or the `sklearn` stub, which PyPI turned into an install error (use scikit-learn).
    /// </summary>
    internal static string? Uninstallable(Formats.Dependencies.Dependency d) =>
        d.Url is { } u && (u.StartsWith("git+git://", StringComparison.OrdinalIgnoreCase) || u.StartsWith("git://", StringComparison.OrdinalIgnoreCase))
            ? $"{u}: GitHub no longer serves the git:// protocol, so the environment cannot be created as written"
            : d.Name == "sklearn" && d.Ecosystem == "pypi" ? "the `sklearn` package is a deprecated stub that fails to install (use scikit-learn)" : null;

    /// <inheritdoc />
    public override Finding Run(ProjectModel project)
    {
        // A copy of another project kept in the tree (transformers/ with its own LICENSE and docker/ folder) brings that project's
        // CI images and environments, built for its own code, not for this project's scripts.
        var containers = project.Containers.Where(c => (c.Kind != ContainerKind.Compose || c.Images.Length > 0) && !project.IsVendoredPackagePath(c.Path)).ToList();
        // MLflow writes a conda.yaml beside every model it logs (mlruns/<exp>/<run>/artifacts/model/MLmodel): the environment
        // recorded for serving that artifact, not one the project offers to run in.
        var condaEnvs = project.DependencyFiles.Where(f => f.Format == DependencyFileFormat.CondaEnvironment && !IsMlflowModelEnvironment(project, f.Path) && !project.IsVendoredPackagePath(f.Path)).ToList();
        var runtimes = project.Runtimes;
        // Only the code's own GPU use needs a CUDA version; a pinned GPU image (nvcr.io/nvidia/tensorflow:21.04-tf2-py3) fixes its CUDA by its tag.
        var gpu = EnvHardwareCheck.CodeGpuUses(project).Any();
        var problems = new List<Evidence>();
        var good = new List<Evidence>();
        foreach (var c in containers)
        {
            var unpinned = c.Images.Where(i => !i.IsStageReference && Floating(i)).ToList();
            problems.AddRange(unpinned.Select(i => Evidence.At(c.Path, i.Line, $"base image {i.Reference} is not pinned to a version: it changes over time")));
            var missing = UncommittedCopies(project, c).ToList();
            problems.AddRange(missing.Select(m => Evidence.At(c.Path, m.Line, $"COPY {m.Source}: not committed, so the image cannot build")));
            if (unpinned.Count == 0 && missing.Count == 0)
            {
                good.Add(Evidence.At(c.Path, c.Images.FirstOrDefault()?.Line, $"{c.Kind}{(c.Images.Length > 0 ? " from " + c.Images.Last(i => !i.IsStageReference || true).Reference : string.Empty)}"));
            }
        }

        if (gpu && containers.Count > 0 && !containers.Any(c => c.CudaVersion is not null || c.Images.Any(i => i.CudaVersion is not null || (i.IsGpuImage && !Floating(i)))))
        {
            var first = containers[0].Path;
            problems.Add(Evidence.At(first, null, "the code uses a GPU, but the environment states no CUDA version"));
            good.RemoveAll(g => project.Containers.Any(c => c.Path == g.Path));
        }

        foreach (var env in condaEnvs)
        {
            // A bare `- python` entry takes whatever Python the channel serves today: no version is fixed.
            var py = env.Dependencies.FirstOrDefault(d => d.Name == "python");
            if (py is null || string.IsNullOrWhiteSpace(py.Specifier))
            {
                problems.Add(Evidence.At(env.Path, py?.Line, "conda environment without a Python version"));
            }
            else
            {
                good.Add(Evidence.At(env.Path, py.Line, $"conda environment with python{py.Specifier}"));
            }

            problems.AddRange(env.Dependencies.Select(d => (d, Why: Uninstallable(d))).Where(x => x.Why is not null).Select(x => Evidence.At(env.Path, x.d.Line, x.Why!)));
        }

        var pythonPinned = runtimes.FirstOrDefault(r => r.Source is Formats.Runtime.RuntimeSource.PythonVersionFile or Formats.Runtime.RuntimeSource.RuntimeTxt);
        var lockFile = project.DependencyFiles.FirstOrDefault(f => f.Format is DependencyFileFormat.UvLock or DependencyFileFormat.PoetryLock or DependencyFileFormat.PdmLock or DependencyFileFormat.CondaLock or DependencyFileFormat.PipfileLock);
        // A lock file with the project's Python constraint (Poetry/PDM/uv: python = ">=3.7.1,<3.10") recreates the environment too.
        pythonPinned ??= runtimes.FirstOrDefault(r => r.Source is Formats.Runtime.RuntimeSource.RequiresPython && r.Path.EndsWith("pyproject.toml", StringComparison.Ordinal)
            && lockFile is { Format: DependencyFileFormat.UvLock or DependencyFileFormat.PoetryLock or DependencyFileFormat.PdmLock });
        if (pythonPinned is not null && lockFile is not null)
        {
            good.Add(Evidence.At(lockFile.Path, null, $"locked environment with Python {pythonPinned.Version} ({pythonPinned.Path})"));
            // A constraint without an upper bound below Python 4 (">=3.8,<4.0", "^3.8", ">=3.12") admits every later release, on which
            // the locked wheels (torch 1.12 builds for 3.7-3.10 only) may not exist: the lock fixes the packages, not the interpreter.
            if (pythonPinned.Source == Formats.Runtime.RuntimeSource.RequiresPython && IsOpenPythonConstraint(pythonPinned.Version))
            {
                problems.Add(Evidence.At(lockFile.Path, null, $"the Python constraint {pythonPinned.Version} ({pythonPinned.Path}) has no upper bound, so the locked environment does not fix the Python version"));
            }
        }

        if (good.Count == 0 && problems.Count == 0 && CiEnvironment(project) is { } ci)
        {
            // A CI job that sets up Python, installs the dependencies and runs the project recreates an environment in which
            // it runs, on a hosted runner the project does not pin: an example, but not one to run locally.
            return Found(Outcome.Partial, "the only example environment is a CI workflow that sets up Python, installs the dependencies and runs or deploys the project; no container or environment file.",
                ci, "Add a Dockerfile (or an environment file with the Python version) that recreates the CI job's environment.");
        }

        if (good.Count == 0 && problems.Count == 0 && CiInstallEnvironment(project) is { } ciInstall)
        {
            // Reviewers read a CI job that pins the Python version and installs the requirements as an example environment
            // even when it only runs tests or linters: it records the OS image, the Python version and the install steps.
            return Found(Outcome.Partial, "the only example environment is a CI workflow that sets up Python and installs the dependencies; no container or environment file.",
                ciInstall, "Add a Dockerfile (or an environment file with the Python version) that recreates the CI job's environment.");
        }

        if (good.Count == 0 && problems.Count == 0 && TravisEnvironment(project) is { } travis)
        {
            // Travis CI is read like a GitHub Actions job: `python: 3.7` plus `install: pip install -r requirements.txt` recreates
            // an environment with a stated Python version on the service's Ubuntu image.
            return Found(Outcome.Partial, "the only example environment is a Travis CI job that sets up Python and installs the dependencies; no container or environment file.",
                travis, "Add a Dockerfile (or an environment file with the Python version) that recreates the CI job's environment.");
        }

        if (good.Count == 0 && problems.Count == 0 && DocumentedEnvironment(project) is { } documented)
        {
            // `conda create -n x python=3.6.9` in the README: the environment is recreated by hand from the instructions,
            // with the Python version stated, but no file fixes it.
            return Found(Outcome.Partial, documented.Note == SetupScriptNote
                    ? "a committed setup script creates the environment with its Python version, but no environment file or container fixes it."
                    : "the documentation (or a Makefile target) says how to create the environment, with its Python version, but no file defines it.",
                [documented], "Commit the environment as a file (environment.yml with the python version and pinned packages, or a Dockerfile).");
        }

        if (good.Count == 0 && problems.Count == 0 && DescribedEnvironment(project) is { } described)
        {
            // "Tested under Python 3.5.2 … CUDA 9.0 and cuDNN 7", "Running Env: Kaggle GPU, Python 3.7": the authors' environment is
            // described, so a reader can rebuild it by hand, but no file defines it.
            return Found(Outcome.Partial, "the documentation describes the environment the project ran in (its Python version), but no file defines it.",
                [described], "Commit the environment the README describes as a file (environment.yml with the python version, or a Dockerfile).");
        }

        if (good.Count == 0 && problems.Count == 0 && HostedNotebookEnvironment(project) is { } hosted)
        {
            // "Open in Colab" on a committed Colab notebook that pip-installs what it needs: the hosted runtime is an environment the
            // project runs in, but Google changes its image, Python and CUDA over time and nothing here fixes them.
            return Found(Outcome.Partial, "the only example environment is a hosted notebook runtime (Google Colab) that the docs link and the notebook installs its packages into; its image and Python version are not fixed.",
                hosted, "Add a Dockerfile (or an environment file with the Python version) that recreates the notebook's environment.");
        }

        if (good.Count == 0 && problems.Count == 0)
        {
            return Found(Outcome.NotMet, "no example environment: no Dockerfile, devcontainer, conda/uv environment or similar.",
                Evidence.Repo("searched for Dockerfile, docker-compose, .devcontainer, cog.yaml, Apptainer/Singularity, Nix, binder/, environment.yml, and a Python version file with a lock file"));
        }

        // One complete example environment is enough; the others' problems are reported beside it.
        var complete = good.Where(g => !problems.Any(p => p.Path == g.Path)).ToList();
        if (complete.Count > 0 && problems.Count > 0)
        {
            return Found(Outcome.Met, $"an example environment is defined ({List(complete.Select(g => g.Path).Distinct())}); other environment files have problems.", complete.Concat(problems));
        }

        if (problems.Count > 0)
        {
            return Found(Outcome.Partial, good.Count > 0 ? "an example environment exists, but it is not fully pinned or cannot be built as written." : "the environment definition is incomplete.",
                problems.Concat(good));
        }

        return Found(Outcome.Met, $"an example environment is defined ({List(good.Select(g => g.Path).Distinct())}).", good);
    }

    /// <summary>
    /// A committed notebook saved from Google Colab (its metadata has a <c>colab</c> entry) that installs its packages in a cell
    /// (<c>!pip install …</c>), while the docs link Colab (an "Open in Colab" badge or link): the project offers Colab's hosted
    /// runtime as the place to run it. The notebook's install line and the docs' link as evidence; null when there is none.
    /// </summary>
    private static List<Evidence>? HostedNotebookEnvironment(ProjectModel project)
    {
        var link = project.Docs.Select(d => (d.Path, Text: project.Text(d.Path)))
            .Select(d => (d.Path, d.Text, Index: d.Text?.Text.IndexOf("colab.research.google.com", StringComparison.OrdinalIgnoreCase) ?? -1))
            .FirstOrDefault(d => d.Index >= 0);
        if (link.Text is null)
        {
            return null;
        }

        var notebook = project.Notebooks.FirstOrDefault(n => n.HostedRuntime == "colab" && n.PipInstalls.Length > 0 && !project.IsVendoredPackagePath(n.Path));
        if (notebook is null)
        {
            return null;
        }

        var pip = notebook.PipInstalls[0];
        return
        [
            Evidence.At(link.Path, link.Text.GetPosition(link.Index).Line, "the docs link Google Colab"),
            Evidence.At(notebook.Path, null, $"a Colab notebook installs its packages (cell {pip.CellIndex + 1})", pip.Text),
        ];
    }

    /// <summary>
    /// Whether a requires-python constraint leaves the Python version open: no upper bound below Python 4 (">=3.8", ">=3.8,<4.0",
    /// Poetry's "^3.8", "~=3.8"). "&lt;3.11", "==3.10.*", "3.10", Poetry's "~3.10" and "~=3.10.4" bound it; with alternatives
    /// ("&gt;=3.8,&lt;3.9 || &gt;=3.10") one open alternative leaves it open.
    /// </summary>
    internal static bool IsOpenPythonConstraint(string constraint) =>
        constraint.Split("||").Any(alternative => !alternative.Split(',').Select(c => c.Trim().Trim('"', '\'')).Any(BoundsPython));

    /// <summary>Whether one clause of a Python constraint caps the version below Python 4.</summary>
    private static bool BoundsPython(string clause)
    {
        var m = ConstraintClause().Match(clause);
        if (!m.Success)
        {
            return false;
        }

        var op = m.Groups["op"].Value;
        var parts = m.Groups["v"].Value.Split('.');
        var major = int.TryParse(parts[0], out var x) ? x : 0;
        return op switch
        {
            "<" or "<=" => major < 4,
            "" or "==" or "===" or "~" => true,
            "~=" => parts.Length >= 3,
            _ => false, // >=, >, ^, != leave it open
        };
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<op>===|==|~=|<=|>=|!=|<|>|\^|~)?\s*v?(?<v>\d+(?:\.(?:\d+|\*))*)$")]
    private static partial System.Text.RegularExpressions.Regex ConstraintClause();

    /// <summary>A documented command that creates an environment with a stated Python version (conda create … python=3.9, pyenv install/local 3.8.1, uv venv --python 3.11, virtualenv -p python3.8).</summary>
    private const string SetupScriptNote = "a setup script creates the environment with its Python version";

    private static Evidence? DocumentedEnvironment(ProjectModel project)
    {
        // A committed setup script (setup.sh: `conda create -n env python=3.12`, then the pip installs) creates it.
        foreach (var f in project.Index.Files.Where(f => f.Extension is ".sh" or ".bash" && f.IsText && !project.IsVendoredPackagePath(f.Path)).Take(200))
        {
            if (project.Text(f.Path) is { } script && EnvCreation().Match(script.Text) is { Success: true } created)
            {
                return Evidence.At(f.Path, script.GetPosition(created.Index).Line, SetupScriptNote, created.Value.Trim());
            }
        }

        foreach (var d in project.Docs)
        {
            if (project.Text(d.Path) is not { } text)
            {
                continue;
            }

            var match = EnvCreation().Match(text.Text);
            if (match.Success)
            {
                var line = text.GetPosition(match.Index).Line;
                return Evidence.At(d.Path, line, "documented environment with its Python version", match.Value.Trim());
            }
        }

        // A Makefile target that creates it (`create_environment: conda create --name $(PROJECT) python=3.8`).
        return project.Commands.Where(c => c.Kind == Analysis.EntryPointKind.Makefile && EnvCreation().IsMatch(c.Text))
            .Select(c => Evidence.At(c.Path, c.Line, "a Makefile target creates the environment with its Python version", c.Text.Trim())).FirstOrDefault();
    }

    /// <summary>
    /// A section of the docs' prose (code left out) that states the Python version the project ran with (major.minor, not a
    /// lower bound such as 3.6+ or "3.8 or later") together with the GPU side of the environment, which the criterion asks to be
    /// described for deep learning: a CUDA or cuDNN version, or a hosted GPU ("Local python environment is 3.8, torch is 1.13.1,
    /// CUDA is 12"; "tested under Python 3.5.2 … CUDA 9.0 and cuDNN 7"; "Running Env: Kaggle GPU, Python 3.7"). A Python
    /// version alone ("Networks are trained using PyTorch 1.2 and Python 3.7") describes no environment to rebuild.
    /// </summary>
    private static Evidence? DescribedEnvironment(ProjectModel project)
    {
        foreach (var d in project.Docs)
        {
            foreach (var s in d.Sections)
            {
                if (!GpuEnvironmentProse().IsMatch(s.Text))
                {
                    continue;
                }

                foreach (var sentence in SentenceBreak().Split(s.Text))
                {
                    if (PythonVersionProse().Match(sentence) is { Success: true } m)
                    {
                        return Evidence.At(d.Path, s.Line, $"the docs state the environment's Python version (Python {m.Groups["v"].Value}) and its CUDA/GPU setup", sentence.Trim());
                    }
                }

                // Beside a CUDA version or an OS release, a minimum Python ("Python 3.9+ / Ubuntu 20.04+ / CUDA 11.6+",
                // "python>=3.8, cuda>=11.6") still describes the platform to rebuild: the stated floor is the environment's.
                foreach (var sentence in SentenceBreak().Split(s.Text))
                {
                    if (PythonFloorProse().Match(sentence) is { Success: true } m)
                    {
                        return Evidence.At(d.Path, s.Line, $"the docs state the environment's minimum Python version (Python {m.Groups["v"].Value}) and its CUDA/GPU setup", sentence.Trim());
                    }
                }
            }
        }

        return null;
    }

    /// <summary>"Python 3.7", "python3.10", "python environment is 3.8", "Python version: 3.5.2"; not "python-dateutil 2.8", "Python >= 3.8", "3.6+", "3.8 or later", "2.7 or 3.6".</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\w.>=<~-])python(?:\s*(?:environment|env|version))?(?:\s*(?:is|:|=|==|of))?\s*v?(?<v>[23]\.[0-9]{1,2}(?:\.[0-9]{1,2})?)(?![0-9.]*\s*\+)(?![0-9.]*\.x)(?![0-9.]*,?\s*(?:or|and)\s+(?:higher|later|above|newer|greater|up|[23]\.))(?![\w-])", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex PythonVersionProse();

    /// <summary>A minimum Python version in prose: "python>=3.8", "Python 3.9+", "Python 3.6 or higher".</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\w.-])python\s*(?:(?:>=|≥)\s*v?(?<v>[23]\.[0-9]{1,2})|v?(?<v>[23]\.[0-9]{1,2})(?:\.[0-9]{1,2})?\s*(?:\+|or\s+(?:higher|later|above|newer|greater)))", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex PythonFloorProse();

    /// <summary>
    /// The GPU side of an environment in prose: a CUDA or cuDNN version ("CUDA 9.0", "cuDNN 7", "CUDA is 12", "cuda>=11.6"), a hosted
    /// GPU or TPU ("Kaggle GPU", "Google Cloud TPU v3-8"), or the platform under it: an OS release ("Ubuntu 20.04") or an Anaconda distribution release.
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:Ubuntu\s+[0-9]{2}\.[0-9]{2}\b|Anaconda[23]?\s+v?[0-9]+\.[0-9]+|(?:Cloud\s+)?TPU\s*v[0-9]\b|(?:cuda|cudnn)(?:\s*version)?(?:\s*(?:is|:|=|==|>=))?\s*v?[0-9]+(?:\.[0-9]+)*\b|(?:Kaggle|Colab(?:oratory)?)(?:\s+(?:kernel|notebook|Pro))?\s+(?:GPU|TPU)s?\b)", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex GpuEnvironmentProse();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=[.!?;])\s+|\n")]
    private static partial System.Text.RegularExpressions.Regex SentenceBreak();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?im)^[^\n]*?\b(?:conda\s+create\b[^\n]*?\bpython\s*=+\s*\d+\.\d+|pyenv\s+(?:install|local|global|virtualenv)\s+\d+\.\d+|uv\s+venv\b[^\n]*?--python\s+\d+\.\d+|virtualenv\b[^\n]*?-p\s*python\d+\.\d+)[^\n]*")]
    private static partial System.Text.RegularExpressions.Regex EnvCreation();
}
