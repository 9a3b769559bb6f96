using MLRepro.Findings;
using MLRepro.Formats.Dependencies;
using MLRepro.Model;

namespace MLRepro.Checks.Environment;

/// <summary>env.packages — there is a list of all software packages used, with recoverable versions.</summary>
public sealed partial class EnvPackagesCheck : CheckBase
{
    /// <inheritdoc />
    public override CheckInfo Info { get; } = new(
        "env.packages",
        StarLevel.Environment,
        "Package list",
        "There is a list of all software packages used (for Python, e.g. requirements.txt), and the versions can be recovered.",
        "Every third-party import (mapped to its distribution: sklearn→scikit-learn, cv2→opencv-python, PIL→Pillow, yaml→PyYAML…; " +
        "stdlib and local modules excluded) must be declared in requirements*.txt, pyproject.toml, setup.cfg/setup.py, environment.yml, " +
        "Pipfile or a lock file (conda names count for what they provide: pytorch→torch; a `conda list --export` saved as requirements.txt is read as conda pins). Exact pins or a lock file (uv.lock, poetry.lock, Pipfile.lock, pdm.lock, conda-lock) are Met; an " +
        "unpinned or lower-bound-only list is Partial; a README-only list (a Dependencies/Requirements section, or a sub-section of one, or a list after a lead-in such as " +
        "\"The versions of dependencies:\", naming two or more of the imported packages, or all of them, or install commands) is Partial, and so are docs that state the exact version of an imported package in prose (\"Requires pytorch 0.4 with torchvision 0.2.1\"; a floor such as \"PyTorch 1.0+\" fixes nothing), and so are packages only the README installs (conda install pytorch beside a requirements.txt without torch); " +
        "a dependency file that leaves out fewer than half of the imported packages is incomplete (Partial), one that leaves out half or more, or that also cannot be fetched as written (a git:// URL), is NotMet; " +
        "packages that only optional code imports (notebooks beside scripts, imports inside functions, try blocks or conditions) make it Partial at most; " +
        "an import that only a declared package brings (numpy via scipy) is Partial, unless every package the code imports directly and that provider are pinned exactly.",
        "Declare every imported package and pin exact versions (`pip freeze > requirements.txt`, or commit a lock file).",
        [],
        ProvenOnlyByRunning: false);

    /// <summary>
    /// Whether every file that needs the package lies in a sub-folder whose own README installs it (`pip install Flask` in
    /// utils/flask_rest_api/README.md): an add-on with its own documented setup, not part of the main run.
    /// </summary>
    private static bool AddOnInstalls(ProjectModel project, Analysis.ThirdPartyImport import) =>
        import.RequiredIn.Count > 0 && import.RequiredIn.All(path =>
        {
            var dir = path.Contains('/', StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : string.Empty;
            return dir.Length > 0 && project.Docs.Any(d => d.Path.Contains('/', StringComparison.Ordinal) && (dir + "/").StartsWith(d.Path[..(d.Path.LastIndexOf('/') + 1)], StringComparison.Ordinal)
                && d.Commands.Any(c => c.Text.Contains("pip install", StringComparison.Ordinal) && import.Distributions.Append(import.Module).Any(n =>
                    System.Text.RegularExpressions.Regex.IsMatch(c.Text, @"(?<![\w.-])" + System.Text.RegularExpressions.Regex.Escape(n) + @"(?![\w.-])", System.Text.RegularExpressions.RegexOptions.IgnoreCase))));
        });

    /// <inheritdoc />
    public override Finding Run(ProjectModel project)
    {
        var files = project.DependencyFiles.Where(f => f.Format is not (DependencyFileFormat.ShellScript or DependencyFileFormat.Dockerfile) || f.Dependencies.Length > 0).ToList();
        var imports = project.Imports;
        var undeclared = imports.UndeclaredRequired.Where(m => !AddOnInstalls(project, m)).ToList();
        var optional = imports.Undeclared.Except(undeclared).ToList();

        // A package the README's dependency list names, or that its install commands install (conda install pytorch …), is
        // declared, though only in prose: the reader installs it, nothing records it.
        var documented = undeclared.Select(m => (Import: m, Where: Analysis.DocumentedDependencies.Declares(project, m))).Where(x => x.Where is not null).ToList();
        var missing = undeclared.Except(documented.Select(x => x.Import)).ToList();
        if (files.Count == 0 || project.Dependencies.Length == 0)
        {
            var readme = project.Docs.SelectMany(d => d.Commands.Where(c => c.Text.Contains("pip install", StringComparison.Ordinal) || c.Text.Contains("conda install", StringComparison.Ordinal)).Select(c => Evidence.At(d.Path, c.Line, "install command in the docs", c.Text))).ToList();
            var listed = imports.ThirdParty.Select(t => Analysis.DocumentedDependencies.Declares(project, t)).OfType<Evidence>().DistinctBy(e => (e.Path, e.Span?.Line)).ToList();
            // Naming only the framework ("Prerequisites: PyTorch 1.0+" for code that also imports torchvision) is no list of the
            // packages used; two or more of them, or every one, is a list kept in the README.
            var needed = imports.ThirdParty.Count(t => !t.Optional);
            if (listed.Count < 2 && listed.Count < needed)
            {
                listed.Clear();
            }

            // "Requires pytorch 0.4 with torchvision 0.2.1", "Python 2.7 and Pytorch 0.3.0": no list, but the docs fix the version
            // of the packages the code is built on, which is what a reader needs most to recreate the environment.
            if (readme.Count == 0 && listed.Count == 0 && VersionedMentions(project, imports.ThirdParty.Where(t => !t.Optional)) is { Count: > 0 } versioned)
            {
                return Found(Outcome.Partial, $"no dependency file, but the documentation states the exact version of {Count(versioned.Count, "imported package")} ({List(versioned.Select(v => v.Name))}).",
                    versioned.Select(v => v.Where), "Turn the documented versions into a requirements.txt (or pyproject.toml) that pins every imported package.");
            }

            if (readme.Count > 0 || listed.Count > 0)
            {
                return Found(Outcome.Partial, listed.Count > 0 && readme.Count == 0
                        ? $"packages are only listed in the documentation ({Count(listed.Count, "imported package")} named there), not in a dependency file."
                        : "packages are only listed in the documentation, not in a dependency file.",
                    listed.Concat(readme).Take(4), "Turn the documented package list into a requirements.txt (or pyproject.toml) with pinned versions.");
            }

            return Found(Outcome.NotMet, imports.ThirdParty.Length > 0 ? $"no dependency file; the code imports {Count(imports.ThirdParty.Length, "third-party package")}." : "no dependency file was found.",
                imports.ThirdParty.Take(10).Select(t => Evidence.At(t.FirstPath, t.FirstLine, $"imports {t.Module} ({t.Distributions.FirstOrDefault() ?? t.Module})"))
                    .DefaultIfEmpty(Evidence.Repo("searched for requirements*.txt, pyproject.toml, setup.cfg, setup.py, environment.yml, Pipfile and lock files")));
        }

        var fileEvidence = files.Take(4).Select(f => Evidence.At(f.Path, null, $"{f.Format} with {Count(f.Dependencies.Length, "package")}")).ToList();

        if (missing.Count > 0)
        {
            // A list that covers most of what the code imports is an incomplete list (Partial); one that names at most half of
            // it (setup.py with only torch while bpe.py needs regex and requests) is no list of the packages used, and neither is
            // one whose packages cannot even be fetched (a git:// URL, which GitHub no longer serves). The `sklearn` stub fails too,
            // but its error names the package to install instead (scikit-learn), so the list stays usable.
            var needed = imports.ThirdParty.Count(t => !t.Optional && !AddOnInstalls(project, t));
            var broken = files.SelectMany(f => f.Dependencies).Where(d => d.Url is { } u && (u.StartsWith("git://", StringComparison.OrdinalIgnoreCase) || u.StartsWith("git+git://", StringComparison.OrdinalIgnoreCase)))
                .Select(d => (d, Why: EnvExampleCheck.Uninstallable(d))).Where(x => x.Why is not null).ToList();
            var evidence = missing.Select(m => Evidence.At(m.FirstPath, m.FirstLine, $"imports {m.Module}; declare {string.Join(" or ", m.Distributions.Take(2))}"))
                .Concat(broken.Take(3).Select(x => Evidence.At(x.d.Path, x.d.Line, x.Why!))).Concat(fileEvidence);
            var names = List(missing.Select(m => m.Distributions.FirstOrDefault() ?? m.Module));
            if (broken.Count > 0 && missing.Count * 2 < needed)
            {
                return Found(Outcome.NotMet, $"{Count(missing.Count, "imported package")} {(missing.Count == 1 ? "is" : "are")} not declared ({names}), and {Count(broken.Count, "declared entry", "declared entries")} cannot be installed as written.",
                    evidence, "Add the missing packages, replace git:// URLs with https:// ones, and pin exact versions.");
            }

            return missing.Count * 2 >= needed
                ? Found(Outcome.NotMet, $"{Count(missing.Count, "imported package")} {(missing.Count == 1 ? "is" : "are")} not declared: {names} (of {needed} the code needs).",
                    evidence, "Add the missing packages to the dependency file, with exact versions.")
                : Found(Outcome.Partial, $"the dependency list is incomplete: {Count(missing.Count, "imported package")} of {needed} {(missing.Count == 1 ? "is" : "are")} not declared: {names}.",
                    evidence, "Add the missing packages to the dependency file, with exact versions.");
        }

        if (optional.Count > 0)
        {
            // Only a notebook, a guarded or a lazy import needs them: the main run works, the extras fail.
            return Found(Outcome.Partial, $"{Count(optional.Count, "package")} that only optional code imports (notebooks, lazy or guarded imports) {(optional.Count == 1 ? "is" : "are")} not declared: {List(optional.Select(m => m.Distributions.FirstOrDefault() ?? m.Module))}.",
                optional.Select(m => Evidence.At(m.FirstPath, m.FirstLine, $"imports {m.Module} (optional use); declare {string.Join(" or ", m.Distributions.Take(2))}")).Concat(fileEvidence),
                "Declare the optional packages too (an extras group or requirements-dev.txt), with exact versions.");
        }

        if (documented.Count > 0)
        {
            return Found(Outcome.Partial, $"{Count(documented.Count, "imported package")} {(documented.Count == 1 ? "is" : "are")} only named in the documentation, not in the dependency file: {List(documented.Select(x => x.Import.Distributions.FirstOrDefault() ?? x.Import.Module))}.",
                documented.Select(x => x.Where!).Concat(fileEvidence), "Add the packages the README installs to the dependency file, with exact versions.");
        }

        // A pip freeze of a Debian/Ubuntu system Python lists packages that only apt installs (python-apt, unattended-upgrades):
        // `pip install -r` stops at the first of them, so the list cannot be installed as written.
        var osOnly = files.Where(f => f.Format is DependencyFileFormat.Requirements).SelectMany(f => f.Dependencies)
            .Select(d => (d, Why: Knowledge.OsPackages.WhyNotInstallable(d.Name))).Where(x => x.Why is not null).ToList();
        if (osOnly.Count > 0)
        {
            return Found(Outcome.Partial, $"every imported package is declared, but {Count(osOnly.Count, "entry", "entries")} of the list {(osOnly.Count == 1 ? "is an operating-system package" : "are operating-system packages")} that pip cannot install (a pip freeze of the system Python): {List(osOnly.Select(x => x.d.RawName))}.",
                osOnly.Take(6).Select(x => Evidence.At(x.d.Path, x.d.Line, $"{x.d.RawName}: {x.Why}")).Concat(fileEvidence),
                "Keep only the packages the project needs (pip freeze in a virtual environment, or pipreqs), with exact versions.");
        }

        var lockFiles = files.Where(f => f.IsLock).ToList();
        if (lockFiles.Count > 0)
        {
            return Found(Outcome.Met, $"every imported package is declared, and {lockFiles[0].Path} locks the versions.", fileEvidence);
        }

        var transitive = imports.Transitive.ToList();
        var used = imports.ThirdParty.Where(t => t.DeclaredBy is not null).Select(t => t.DeclaredBy!).DistinctBy(d => d.Name).ToList();

        // A list that pins every package the code imports directly, and the packages that bring the rest (numpy via
        // scipy==1.5.4), records a consistent environment: the pinned provider fixes the range of what it brings.
        var providers = transitive.Select(t => project.Dependencies.FirstOrDefault(d => d.Kind != DependencyKind.InstallCommand && d.Name == Dependency.Normalize(t.ImpliedBy!))).ToList();
        if (transitive.Count > 0 && used.Count > 0 && used.All(d => d.IsPinned) && providers.All(p => p is { IsPinned: true }))
        {
            return Found(Outcome.Met, $"every directly imported package is declared with an exact version ({Count(used.Count, "package")}); {List(transitive.Select(t => $"{t.Module} via {t.ImpliedBy}"))} come{(transitive.Count == 1 ? "s" : string.Empty)} with a pinned requirement.",
                fileEvidence.Concat(transitive.Select(t => Evidence.At(t.FirstPath, t.FirstLine, $"imports {t.Module}, installed because the pinned {t.ImpliedBy} requires it"))));
        }

        if (transitive.Count > 0)
        {
            // Installed, so the code runs; but nothing records which version, and the provider may drop it.
            return Found(Outcome.Partial, $"{Count(transitive.Count, "imported package")} {(transitive.Count == 1 ? "is" : "are")} only installed as a requirement of another ({List(transitive.Select(t => $"{t.Module} via {t.ImpliedBy}"))}); their versions are not recorded.",
                transitive.Select(t => Evidence.At(t.FirstPath, t.FirstLine, $"imports {t.Module}, installed only because {t.ImpliedBy} requires it")).Concat(fileEvidence),
                "Declare every package the code imports directly, with exact versions, or commit a lock file.");
        }

        // Versions must be recoverable for what the code imports (declared-but-unused extras do not matter).
        var considered = used.Count > 0 ? used : [.. project.Dependencies.Where(d => d.Kind != DependencyKind.InstallCommand)];
        var unpinned = considered.Where(d => !d.IsPinned).ToList();
        if (unpinned.Count == 0)
        {
            return Found(Outcome.Met, $"every imported package is declared with an exact version ({Count(considered.Count, "package")}).", fileEvidence);
        }

        return Found(Outcome.Partial, $"every imported package is declared, but {Count(unpinned.Count, "version")} {(unpinned.Count == 1 ? "is" : "are")} not pinned.",
            unpinned.Take(12).Select(d => Evidence.At(d.Path, d.Line, d.Specifier is null ? $"{d.RawName} has no version" : $"{d.RawName}{d.Specifier} is a range, not an exact version")),
            "Pin exact versions (`pip freeze > requirements.txt`) or commit a lock file (uv lock, poetry lock).");
    }

    /// <summary>Most documentation lines read per file when looking for stated versions.</summary>
    private const int MaxDocLines = 400;

    /// <summary>
    /// Imported packages the docs name with an exact version in prose or a code line ("Pytorch 0.3.0", "PyTorch == 0.3.1",
    /// "[PyTorch](…), version 1.0.1", "torchvision 0.2.1"); a floor ("PyTorch 1.0+", "v1.0.0 or above", "&gt;= 1.1") fixes nothing.
    /// The first mention of each, by distribution name.
    /// </summary>
    private static List<(string Name, Evidence Where)> VersionedMentions(ProjectModel project, IEnumerable<Analysis.ThirdPartyImport> imports)
    {
        var found = new List<(string, Evidence)>();
        var lines = new List<(string Path, int Line, string Text)>();
        // The project's own docs (the top-level README, docs/INSTALL.md); a sub-folder's README speaks for that part only
        // ("second_edition/README.md: these notebooks use TensorFlow 2.16").
        foreach (var d in project.Docs.Where(d => !d.Path.Contains('/', StringComparison.Ordinal) || d.Path.StartsWith("docs/", StringComparison.OrdinalIgnoreCase)))
        {
            var file = d.Path[(d.Path.LastIndexOf('/') + 1)..].ToLowerInvariant();
            if (file.StartsWith("changelog", StringComparison.Ordinal) || file.StartsWith("changes", StringComparison.Ordinal) || file.StartsWith("history", StringComparison.Ordinal)
                || file.StartsWith("release", StringComparison.Ordinal) || project.Text(d.Path) is not { } text)
            {
                continue;
            }

            for (var line = 1; line <= Math.Min(text.LineCount, MaxDocLines); line++)
            {
                lines.Add((d.Path, line, LinkMarkup().Replace(text.GetLine(line), string.Empty)));
            }
        }

        foreach (var import in imports)
        {
            var names = Analysis.DocumentedDependencies.NamesOf(import);
            foreach (var (path, line, text) in lines)
            {
                if (ExactVersion().Matches(text).FirstOrDefault(m => names.Contains(m.Groups["name"].Value.ToLowerInvariant())) is { } hit)
                {
                    found.Add((import.Distributions.FirstOrDefault() ?? import.Module, Evidence.At(path, line, $"the docs state {hit.Groups["name"].Value} {hit.Groups["v"].Value}", text.Trim())));
                    break;
                }
            }
        }

        return found;
    }

    /// <summary>Link targets and inline markup, so "[pytorch](http://pytorch.org/) 0.4" reads "pytorch 0.4".</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\]\([^)]*\)|[`*\[\]]")]
    private static partial System.Text.RegularExpressions.Regex LinkMarkup();

    /// <summary>
    /// A name followed by an exact version ("pytorch 0.4", "PyTorch == 0.3.1", "PyTorch, version 1.0.1", "torch v1.2"), not a floor
    /// (1.0+, 1.x, "or above/later/higher/newer").
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?i)(?<![\w.\/-])(?<name>[a-z][\w.-]*?)\s*(?:,\s*)?(?:version\s*)?(?:==?\s*|v)?(?<v>[0-9]+\.[0-9]+(?:\.[0-9]+)?)(?![0-9])(?![0-9.]*\s*\+)(?![0-9.]*\.x)(?![0-9.]*,?\s*(?:or|and)\s+(?:higher|later|above|newer|greater|up))")]
    private static partial System.Text.RegularExpressions.Regex ExactVersion();
}
