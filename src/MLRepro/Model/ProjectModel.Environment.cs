using System.Collections.Immutable;
using MLRepro.Formats.Conda;
using MLRepro.Formats.Containers;
using MLRepro.Formats.Dependencies;
using MLRepro.Formats.Locks;
using MLRepro.Formats.Pipfile;
using MLRepro.Formats.PyProject;
using MLRepro.Formats.Requirements;
using MLRepro.Formats.Runtime;
using MLRepro.Formats.SetupCfg;
using MLRepro.Formats.SetupPy;
using MLRepro.Indexing;
using MLRepro.Text;

namespace MLRepro.Model;

/// <summary>The environment area of the model: dependency files, Python runtime declarations, containers.</summary>
public sealed partial class ProjectModel
{
    private ImmutableArray<DependencyFileDocument>? _dependencyFiles;
    private ImmutableArray<Dependency>? _dependencies;
    private ImmutableArray<RuntimeDeclaration>? _runtimes;
    private ImmutableArray<ContainerDocument>? _containers;
    private readonly object _environmentLock = new();

    /// <summary>Folders never searched for environment files: virtual environments and tool caches hold other projects' files.</summary>
    private static readonly string[] s_foreignFolders = [".venv", "venv", "site-packages", "node_modules", ".tox", ".nox", "__pypackages__", ".git", ".eggs"];

    /// <summary>Every dependency-declaring file, parsed (requirements, pyproject, setup.*, conda, Pipfile, locks, scripts, Dockerfiles), by path.</summary>
    public ImmutableArray<DependencyFileDocument> DependencyFiles
    {
        get
        {
            lock (_environmentLock)
            {
                return _dependencyFiles ??= ParseDependencyFiles();
            }
        }
    }

    /// <summary>All dependencies of all files, ordered by file path then line.</summary>
    public ImmutableArray<Dependency> Dependencies
    {
        get
        {
            var files = DependencyFiles;
            lock (_environmentLock)
            {
                return _dependencies ??= [.. files.SelectMany(f => f.Dependencies).OrderBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Line)];
            }
        }
    }

    /// <summary>Container and environment definitions: Dockerfiles, compose, devcontainer, cog, Apptainer, Nix, Binder.</summary>
    public ImmutableArray<ContainerDocument> Containers
    {
        get
        {
            lock (_environmentLock)
            {
                return _containers ??= ParseContainers();
            }
        }
    }

    /// <summary>Every Python version declaration, ordered by path then line.</summary>
    public ImmutableArray<RuntimeDeclaration> Runtimes
    {
        get
        {
            var deps = DependencyFiles;
            var containers = Containers;
            lock (_environmentLock)
            {
                return _runtimes ??= ParseRuntimes(deps, containers);
            }
        }
    }

    private IEnumerable<IndexedFile> EnvironmentCandidates() =>
        Index.Files.Where(f => f.Git != GitStatus.Ignored && !f.Path.Split('/').SkipLast(1).Any(seg => s_foreignFolders.Contains(seg, StringComparer.Ordinal)));

    /// <summary>The dependency format a file name implies, or null.</summary>
    internal static DependencyFileFormat? DependencyFormatOf(IndexedFile f)
    {
        var name = f.Name;
        var lower = name.ToLowerInvariant();
        var dir = f.Directory;
        var parent = dir[(dir.LastIndexOf('/') + 1)..].ToLowerInvariant();
        return lower switch
        {
            "pyproject.toml" => DependencyFileFormat.PyProject,
            "setup.cfg" => DependencyFileFormat.SetupCfg,
            "setup.py" => DependencyFileFormat.SetupPy,
            "pipfile" => DependencyFileFormat.Pipfile,
            "pipfile.lock" => DependencyFileFormat.PipfileLock,
            "poetry.lock" => DependencyFileFormat.PoetryLock,
            "uv.lock" => DependencyFileFormat.UvLock,
            "pdm.lock" => DependencyFileFormat.PdmLock,
            _ when lower is "conda-lock.yml" or "conda-lock.yaml" || lower.EndsWith(".conda-lock.yml", StringComparison.Ordinal) || lower.EndsWith(".conda-lock.yaml", StringComparison.Ordinal) => DependencyFileFormat.CondaLock,
            _ when (lower.EndsWith(".yml", StringComparison.Ordinal) || lower.EndsWith(".yaml", StringComparison.Ordinal))
                && (lower.StartsWith("environment", StringComparison.Ordinal) || lower.StartsWith("conda", StringComparison.Ordinal) || lower.StartsWith("env.", StringComparison.Ordinal)
                    || lower.EndsWith("environment.yml", StringComparison.Ordinal) || lower.EndsWith("environment.yaml", StringComparison.Ordinal)) => DependencyFileFormat.CondaEnvironment,
            _ when lower.EndsWith(".txt", StringComparison.Ordinal) && lower.Contains("constraint", StringComparison.Ordinal) => DependencyFileFormat.Constraints,
            _ when (lower.EndsWith(".txt", StringComparison.Ordinal) || lower.EndsWith(".in", StringComparison.Ordinal))
                && (lower.Contains("requirement", StringComparison.Ordinal) || parent is "requirements" or "reqs" or "requirement") => DependencyFileFormat.Requirements,
            // Rye writes its locks as pip requirement files (requirements.lock, requirements-dev.lock), installed with
            // `pip install -r requirements.lock`.
            _ when lower.EndsWith(".lock", StringComparison.Ordinal) && lower.StartsWith("requirements", StringComparison.Ordinal) => DependencyFileFormat.Requirements,
            _ when lower.EndsWith(".sh", StringComparison.Ordinal) || lower.EndsWith(".bash", StringComparison.Ordinal) => DependencyFileFormat.ShellScript,
            _ => null,
        };
    }

    /// <summary>The container kind a file name implies, or null (Apptainer .def files are confirmed by content).</summary>
    internal static ContainerKind? ContainerKindOf(IndexedFile f)
    {
        var lower = f.Name.ToLowerInvariant();
        if (lower is "dockerfile" or "containerfile" || lower.StartsWith("dockerfile.", StringComparison.Ordinal) || lower.EndsWith(".dockerfile", StringComparison.Ordinal) || lower.StartsWith("dockerfile-", StringComparison.Ordinal))
        {
            return ContainerKind.Dockerfile;
        }

        if ((lower.StartsWith("docker-compose", StringComparison.Ordinal) || lower.StartsWith("compose.", StringComparison.Ordinal) || lower == "compose.yml" || lower == "compose.yaml")
            && (lower.EndsWith(".yml", StringComparison.Ordinal) || lower.EndsWith(".yaml", StringComparison.Ordinal)))
        {
            return ContainerKind.Compose;
        }

        if (lower == "devcontainer.json" && (f.Path.StartsWith(".devcontainer/", StringComparison.Ordinal)) || f.Path == ".devcontainer.json")
        {
            return ContainerKind.Devcontainer;
        }

        if (lower is "cog.yaml" or "cog.yml")
        {
            return ContainerKind.Cog;
        }

        if (lower.EndsWith(".def", StringComparison.Ordinal) || lower == "singularity" || lower.StartsWith("singularity.", StringComparison.Ordinal) || lower == "apptainer")
        {
            return ContainerKind.Apptainer;
        }

        return lower is "flake.nix" or "shell.nix" or "default.nix" ? ContainerKind.Nix : null;
    }

    private SourceText? EnvironmentText(IndexedFile f, string what)
    {
        if (f.Kind == FileKind.TooLarge)
        {
            Report([new Diagnostic(f.Path, null, DiagnosticSeverity.Warning, "environment.too-large", $"this {what} is larger than the {Index.Options.MaxTextFileBytes} byte text limit; it was not read")]);
            return null;
        }

        if (f.Kind == FileKind.Binary)
        {
            Report([new Diagnostic(f.Path, null, DiagnosticSeverity.Warning, "environment.binary", $"this {what} is not text; it was not read")]);
            return null;
        }

        return Text(f);
    }

    private ImmutableArray<DependencyFileDocument> ParseDependencyFiles()
    {
        var docs = new SortedDictionary<string, DependencyFileDocument>(StringComparer.Ordinal);
        var queue = new Queue<(IndexedFile File, DependencyFileFormat Format)>();
        foreach (var f in EnvironmentCandidates())
        {
            if (DependencyFormatOf(f) is { } format)
            {
                queue.Enqueue((f, format));
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (queue.Count > 0)
        {
            var (file, format) = queue.Dequeue();
            if (!seen.Add(file.Path))
            {
                continue; // includes may form cycles: every file is parsed once
            }

            var text = EnvironmentText(file, "dependency file");
            if (text is null)
            {
                continue;
            }

            var doc = ParseDependencyFile(text, format);
            if (doc is null)
            {
                continue;
            }

            var empty = doc.Dependencies.IsEmpty && doc.Includes.IsEmpty && doc.Options.IsEmpty;
            if (empty && (format == DependencyFileFormat.ShellScript || (format == DependencyFileFormat.CondaEnvironment && !LooksLikeCondaFile(text))))
            {
                // A script without installs, or a YAML file named like an environment that holds neither
                // dependencies nor channels (an RL "environment.yaml" config), is not a dependency file.
                continue;
            }

            Report(doc.Diagnostics);

            docs[doc.Path] = doc;
            foreach (var inc in doc.Includes)
            {
                if (FindInclude(doc, inc) is { } target)
                {
                    if (!seen.Contains(target.Path))
                    {
                        var incFormat = DependencyFormatOf(target) is { } known and not DependencyFileFormat.ShellScript ? known
                            : target.Name.Contains("constraint", StringComparison.OrdinalIgnoreCase) ? DependencyFileFormat.Constraints : DependencyFileFormat.Requirements;
                        queue.Enqueue((target, incFormat));
                    }
                }
                else if (format is DependencyFileFormat.Requirements or DependencyFileFormat.Constraints or DependencyFileFormat.CondaEnvironment or DependencyFileFormat.ShellScript or DependencyFileFormat.PyProject)
                {
                    Report([new Diagnostic(doc.Path, null, DiagnosticSeverity.Warning, "dependencies.include-missing", $"includes '{inc}', which is not in the project")]);
                }
            }
        }

        // Dockerfiles' RUN pip installs are dependency declarations too.
        foreach (var c in Containers)
        {
            if (docs.ContainsKey(c.Path))
            {
                continue;
            }

            var d = c.Kind switch
            {
                ContainerKind.Dockerfile => ShellScriptParser.FromDockerfile(c),
                ContainerKind.Cog => new DependencyFileDocument(c.Path, DependencyFileFormat.Cog, c.Packages, c.References.Where(r => r.EndsWith(".txt", StringComparison.Ordinal)).ToImmutableArray(), [], c.PythonVersion, null, []),
                ContainerKind.Apptainer => new DependencyFileDocument(c.Path, DependencyFileFormat.Apptainer, c.Packages, [], [], null, null, []),
                _ => null,
            };
            if (d is not null && (!d.Dependencies.IsEmpty || !d.Includes.IsEmpty))
            {
                docs[c.Path] = d;
                foreach (var inc in d.Includes)
                {
                    if (FindInclude(d, inc) is { } target && !seen.Contains(target.Path) && EnvironmentText(target, "dependency file") is { } incText)
                    {
                        seen.Add(target.Path);
                        var incDoc = RequirementsParser.Parse(incText);
                        Report(incDoc.Diagnostics);
                        docs[incDoc.Path] = incDoc;
                    }
                }
            }
        }

        return [.. docs.Values];
    }

    private static bool LooksLikeCondaFile(SourceText text) =>
        text.Text.Contains("dependencies:", StringComparison.Ordinal) || text.Text.Contains("channels:", StringComparison.Ordinal);

    /// <summary>
    /// Finds an included file. Requirements files resolve against their own folder (already done by the parser);
    /// scripts may be run from their folder as well as from the root, and a Dockerfile's build context is often
    /// the repository root even when the Dockerfile lives in a subfolder, so those get one fallback each.
    /// </summary>
    private IndexedFile? FindInclude(DependencyFileDocument doc, string inc)
    {
        if (Index.Find(inc) is { } direct)
        {
            return direct;
        }

        var dir = doc.Path.LastIndexOf('/') is var k and >= 0 ? doc.Path[..k] : string.Empty;
        if (dir.Length == 0)
        {
            return null;
        }

        return doc.Format switch
        {
            DependencyFileFormat.ShellScript => Index.Find(dir + "/" + inc),
            DependencyFileFormat.Dockerfile when inc.StartsWith(dir + "/", StringComparison.Ordinal) => Index.Find(inc[(dir.Length + 1)..]),
            _ => null,
        };
    }

    private static DependencyFileDocument? ParseDependencyFile(SourceText text, DependencyFileFormat format) => format switch
    {
        DependencyFileFormat.Requirements => RequirementsParser.Parse(text),
        DependencyFileFormat.Constraints => RequirementsParser.Parse(text, isConstraints: true),
        DependencyFileFormat.PyProject => PyProjectParser.Parse(text),
        DependencyFileFormat.SetupCfg => SetupCfgParser.Parse(text),
        DependencyFileFormat.SetupPy => SetupPyParser.Parse(text),
        DependencyFileFormat.CondaEnvironment => CondaEnvironmentParser.Parse(text),
        DependencyFileFormat.Pipfile => PipfileParser.Parse(text),
        DependencyFileFormat.PipfileLock => PipfileLockParser.Parse(text),
        DependencyFileFormat.PoetryLock or DependencyFileFormat.UvLock or DependencyFileFormat.PdmLock => TomlLockParser.Parse(text, format),
        DependencyFileFormat.CondaLock => CondaLockParser.Parse(text),
        DependencyFileFormat.ShellScript => ShellScriptParser.Parse(text),
        _ => null,
    };

    private ImmutableArray<ContainerDocument> ParseContainers()
    {
        var list = new List<ContainerDocument>();
        foreach (var f in EnvironmentCandidates())
        {
            if (ContainerKindOf(f) is not { } kind)
            {
                continue;
            }

            if (kind == ContainerKind.Apptainer && f.Kind == FileKind.Text && Text(f) is { } def
                && !def.Text.Contains("bootstrap:", StringComparison.OrdinalIgnoreCase))
            {
                continue; // .def is also used by other tools; Apptainer files start with a Bootstrap header
            }

            var text = EnvironmentText(f, "container definition");
            if (text is null)
            {
                continue;
            }

            ContainerDocument doc = kind switch
            {
                ContainerKind.Dockerfile => DockerfileParser.Parse(text),
                ContainerKind.Compose => ComposeParser.Parse(text),
                ContainerKind.Devcontainer => DevcontainerParser.Parse(text),
                ContainerKind.Cog => CogParser.Parse(text),
                ContainerKind.Apptainer => ApptainerParser.Parse(text),
                _ => NixParser.Parse(text),
            };
            Report(doc.Diagnostics);
            list.Add(doc);
        }

        // repo2docker reads binder/ or .binder/ when present, else the root.
        var folder = Index.ContainsDirectory("binder") ? "binder" : Index.ContainsDirectory(".binder") ? ".binder" : string.Empty;
        if (BinderDetector.Detect(folder, p => Index.Find(p) is { Git: not GitStatus.Ignored }, p => Text(p)) is { } binder)
        {
            Report(binder.Diagnostics);
            list.Add(binder);
        }

        return [.. list.OrderBy(c => c.Path, StringComparer.Ordinal).ThenBy(c => c.Kind)];
    }

    private ImmutableArray<RuntimeDeclaration> ParseRuntimes(ImmutableArray<DependencyFileDocument> deps, ImmutableArray<ContainerDocument> containers)
    {
        var list = new List<RuntimeDeclaration>();
        foreach (var f in EnvironmentCandidates())
        {
            var lower = f.Name.ToLowerInvariant();
            if (lower is ".python-version" && Text(f) is { } pv)
            {
                list.AddRange(RuntimeParser.ParsePythonVersionFile(pv));
            }
            else if (lower is ".tool-versions" or "mise.toml" or ".mise.toml" && f.Directory.Length == 0 && Text(f) is { } tv)
            {
                list.AddRange(RuntimeParser.ParseToolVersions(tv));
            }
            else if (lower is "runtime.txt" && Text(f) is { } rt)
            {
                list.AddRange(RuntimeParser.ParseRuntimeTxt(rt));
            }
            else if (lower is "tox.ini" && Text(f) is { } tox)
            {
                list.AddRange(RuntimeParser.ParseToxIni(tox));
            }
            else if (lower is "noxfile.py" && Text(f) is { } nox)
            {
                list.AddRange(RuntimeParser.ParseNoxfile(nox));
            }
            else if (f.Path.StartsWith(".github/workflows/", StringComparison.Ordinal) && (lower.EndsWith(".yml", StringComparison.Ordinal) || lower.EndsWith(".yaml", StringComparison.Ordinal)) && Text(f) is { } wf)
            {
                var diags = new List<Diagnostic>();
                list.AddRange(RuntimeParser.ParseWorkflow(wf, diags));
                Report(diags);
            }
        }

        foreach (var d in deps.Where(d => d.Format is not DependencyFileFormat.Cog))
        {
            list.AddRange(RuntimeParser.FromDependencyFile(d, Text(d.Path)));
        }

        foreach (var c in containers)
        {
            list.AddRange(RuntimeParser.FromContainer(c));
        }

        return [.. list.Distinct().OrderBy(r => r.Path, StringComparer.Ordinal).ThenBy(r => r.Line).ThenBy(r => r.Version, StringComparer.Ordinal)];
    }
}
