using System.Collections.Immutable;
using MLRepro.Formats.Dependencies;
using MLRepro.Knowledge;
using MLRepro.Python;

namespace MLRepro.Analysis;

/// <summary>A third-party import and whether a dependency declares it.</summary>
/// <param name="Module">Top-level module imported (sklearn).</param>
/// <param name="Distributions">Distributions that provide it (scikit-learn).</param>
/// <param name="DeclaredBy">The dependency that declares it, or null.</param>
/// <param name="FirstPath">First file importing it.</param>
/// <param name="FirstLine">Line of that import.</param>
/// <param name="Files">How many files import it.</param>
/// <param name="ImpliedBy">When no dependency declares it directly: the declared distribution that installs it (pandas installs numpy).</param>
/// <param name="Optional">
/// Every import of it is optional for a run of the experiment: inside a function, a try block or a condition (a lazy or
/// guarded import), in a notebook, or under notebooks/ or examples/.
/// </param>
public sealed record ThirdPartyImport(string Module, IReadOnlyList<string> Distributions, Dependency? DeclaredBy, string FirstPath, int FirstLine, int Files, string? ImpliedBy = null, bool Optional = false)
{
    /// <summary>The files whose import of it is not optional (empty when <see cref="Optional"/>).</summary>
    public IReadOnlyList<string> RequiredIn { get; init; } = [];
}

/// <summary>A relative or local import that resolves to no file of the project.</summary>
public sealed record UnresolvedImport(string Path, int Line, string Import);

/// <summary>Third-party imports against declared dependencies; local imports that do not resolve.</summary>
public sealed partial class ImportAnalysis
{
    /// <summary>Third-party imports (not stdlib, not local), sorted by module.</summary>
    public required ImmutableArray<ThirdPartyImport> ThirdParty { get; init; }

    /// <summary>Relative imports that resolve to nothing.</summary>
    public required ImmutableArray<UnresolvedImport> Unresolved { get; init; }

    /// <summary>Imports no dependency declares, directly or as a hard requirement of a declared one.</summary>
    public IEnumerable<ThirdPartyImport> Undeclared => ThirdParty.Where(t => t.DeclaredBy is null && t.ImpliedBy is null);

    /// <summary>Undeclared imports that a run of the experiment needs (not only optional, lazy or notebook imports).</summary>
    public IEnumerable<ThirdPartyImport> UndeclaredRequired => Undeclared.Where(t => !t.Optional);

    /// <summary>Undeclared imports that are all optional (guarded, lazy, or only in notebooks and examples).</summary>
    public IEnumerable<ThirdPartyImport> UndeclaredOptional => Undeclared.Where(t => t.Optional);

    /// <summary>Imports only installed as a requirement of a declared distribution.</summary>
    public IEnumerable<ThirdPartyImport> Transitive => ThirdParty.Where(t => t.DeclaredBy is null && t.ImpliedBy is not null);

    /// <summary>Builds the analysis.</summary>
    public static ImportAnalysis Build(IReadOnlyList<ModuleSummary> modules, IReadOnlyList<Dependency> dependencies, Indexing.RepoIndex index, string? pythonVersion, Func<string, Text.SourceText?>? text = null)
    {
        var declared = new Dictionary<string, Dependency>(StringComparer.Ordinal);
        foreach (var d in dependencies)
        {
            // Declared in several files (requirements.in and its pip-compiled requirements.txt): the exact pin records the version.
            if (!declared.TryAdd(d.Name, d) && !declared[d.Name].IsPinned && d.IsPinned)
            {
                declared[d.Name] = d;
            }

            // conda names some packages differently (pytorch provides `import torch`); only conda entries, since pip's `pytorch` is not PyTorch.
            if (d.Kind == DependencyKind.Conda && Knowledge.CondaNames.PyPiNameOf(d.Name) is { } pypi && (!declared.TryGetValue(pypi, out var had) || (!had.IsPinned && d.IsPinned)))
            {
                declared[pypi] = d;
            }
        }

        var localTop = LocalTopLevelNames(index);
        var byModule = new SortedDictionary<string, (string Path, int Line, HashSet<string> Files)>(StringComparer.Ordinal);
        var requiredSomewhere = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);

        // Notebooks are extras only where scripts run the experiment; in a notebook-only project they are the code.
        var notebooksAreExtras = modules.Any(m => !m.IsNotebook && !ConfigAnalysis.IsTestOrTooling(m.Path) && !m.Path.Split('/')[..^1].Any(p => NotebookFolders.Contains(p.ToLowerInvariant())) && m.Calls.Length > 0);
        var unresolved = ImmutableArray.CreateBuilder<UnresolvedImport>();
        foreach (var m in modules)
        {
            // Tests, docs and packaging scripts have their own (dev) dependencies; they do not run the experiment.
            var experimentCode = !ConfigAnalysis.IsTestOrTooling(m.Path);
            var dir = m.Path.Contains('/', StringComparison.Ordinal) ? m.Path[..m.Path.LastIndexOf('/')] : string.Empty;
            foreach (var imp in m.Imports)
            {
                if (imp.Level > 0)
                {
                    if (!RelativeResolves(index, dir, imp))
                    {
                        unresolved.Add(new UnresolvedImport(m.Path, imp.Line, imp.ToString()));
                    }

                    continue;
                }

                var top = imp.TopLevelPackage;
                // A local module whose name differs only in case (`from Sample import Sample` with sample.py) is the project's
                // own (it resolves on a case-insensitive file system); a module the notebook platform provides is no dependency.
                if (!experimentCode || top.Length == 0 || top == "__future__" || StdlibModules.IsStdlib(top, pythonVersion) || localTop.Contains(top)
                    || index.Contains(Combine(dir, top + ".py")) || index.ContainsDirectory(Combine(dir, top))
                    || localTop.Any(l => string.Equals(l, top, StringComparison.OrdinalIgnoreCase)) || IsPlatformProvided(imp.Module))
                {
                    continue;
                }

                // google is a namespace package: google.cloud.firestore and google.auth come from different distributions.
                top = GoogleNamespaceModule(imp) ?? top;
                if (!byModule.TryGetValue(top, out var entry))
                {
                    entry = (m.Path, imp.Line, new HashSet<string>(StringComparer.Ordinal));
                    byModule[top] = entry;
                }

                entry.Files.Add(m.Path);
                if (!IsOptionalSite(m, imp.Line, text, notebooksAreExtras))
                {
                    if (!requiredSomewhere.TryGetValue(top, out var where))
                    {
                        requiredSomewhere[top] = where = new SortedSet<string>(StringComparer.Ordinal);
                    }

                    where.Add(m.Path);
                }
            }
        }

        var thirdParty = byModule.Select(kv =>
        {
            // An unlisted google.* module is published under its dotted name with dashes (google.cloud.firestore → google-cloud-firestore).
            var dists = kv.Key.Contains('.', StringComparison.Ordinal) && !ImportPackages.IsKnown(kv.Key) ? ImmutableArray.Create(kv.Key.Replace('.', '-').Replace('_', '-')) : ImportPackages.DistributionsFor(kv.Key);
            var by = dists.Select(d => declared.GetValueOrDefault(Dependency.Normalize(d))).FirstOrDefault(d => d is not null);
            var implied = by is null ? dists.Select(d => ImpliedDependencies.ProviderOf(d, declared.Keys)).FirstOrDefault(p => p is not null) : null;
            var required = requiredSomewhere.GetValueOrDefault(kv.Key);
            return new ThirdPartyImport(kv.Key, dists, by, kv.Value.Path, kv.Value.Line, kv.Value.Files.Count, implied, required is null) { RequiredIn = required is null ? [] : [.. required] };
        }).ToImmutableArray();
        return new ImportAnalysis { ThirdParty = thirdParty, Unresolved = unresolved.ToImmutable() };
    }

    private static readonly string[] NotebookFolders = ["notebooks", "notebook"];

    /// <summary>
    /// Modules the notebook platform itself provides, with no distribution to declare: Kaggle's competition API and secrets
    /// (kaggle_evaluation ships with each code competition), Colab's google.colab, Pyodide's js.
    /// </summary>
    internal static bool IsPlatformProvided(string module) =>
        module.Split('.')[0] is "kaggle_evaluation" or "kaggle_secrets" or "kaggle_datasets" or "kaggle_web_client" or "js" or "pyodide"
        || module == "google.colab" || module.StartsWith("google.colab.", StringComparison.Ordinal);

    /// <summary>
    /// The distribution-level module of an import from Google's namespace package: google.cloud.&lt;service&gt;
    /// (<c>from google.cloud import firestore</c> → google.cloud.firestore) or google.&lt;package&gt; (google.protobuf, google.auth,
    /// <c>from google import genai</c> → google.genai); null for other imports and for a bare <c>import google</c>.
    /// </summary>
    private static string? GoogleNamespaceModule(PythonImport imp)
    {
        if (imp.Level > 0 || imp.TopLevelPackage != "google")
        {
            return null;
        }

        var parts = (imp.Name is null or "*" ? imp.Module : imp.Module + "." + imp.Name).Split('.');
        return parts.Length >= 3 && parts[1] == "cloud" ? string.Join('.', parts[..3])
            : parts.Length >= 2 && parts[1] != "cloud" ? string.Join('.', parts[..2]) : null;
    }

    /// <summary>
    /// Whether an import site is optional for a run: in a notebook or a notebooks/ folder beside script code, or nested in a
    /// function, a try block or a condition (not `if __name__ == "__main__":`), so a missing package only fails that path.
    /// </summary>
    internal static bool IsOptionalSite(ModuleSummary m, int line, Func<string, Text.SourceText?>? text, bool notebooksAreExtras)
    {
        if (notebooksAreExtras && (m.IsNotebook || m.Path.Split('/')[..^1].Any(p => NotebookFolders.Contains(p.ToLowerInvariant()))))
        {
            return true;
        }

        if (text?.Invoke(m.Path) is not { } source || line < 1 || line > source.LineCount)
        {
            return false;
        }

        var current = source.GetLine(line);
        var indent = Indent(current);
        for (var l = line - 1; l >= 1 && indent > 0; l--)
        {
            var raw = source.GetLine(l);
            var trimmed = raw.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            var i = Indent(raw);
            if (i >= indent)
            {
                continue;
            }

            indent = i; // an enclosing block header
            if (MainFunction().IsMatch(trimmed))
            {
                return false; // imports inside main() run on every run
            }

            if (trimmed.StartsWith("def ", StringComparison.Ordinal) || trimmed.StartsWith("async def ", StringComparison.Ordinal) || trimmed.StartsWith("try:", StringComparison.Ordinal)
                || trimmed.StartsWith("except", StringComparison.Ordinal) || trimmed.StartsWith("elif ", StringComparison.Ordinal) || trimmed.StartsWith("else:", StringComparison.Ordinal)
                || (trimmed.StartsWith("if ", StringComparison.Ordinal) && !trimmed.Contains("__main__", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:async\s+)?def\s+(?:main|run|train|cli|fit|run_\w+|train_\w+)\s*\(")]
    private static partial System.Text.RegularExpressions.Regex MainFunction();

    private static int Indent(string line)
    {
        var n = 0;
        while (n < line.Length && (line[n] == ' ' || line[n] == '\t'))
        {
            n++;
        }

        return n;
    }

    private static string Combine(string dir, string rel) => dir.Length == 0 ? rel : dir + "/" + rel;

    /// <summary>Top-level module names the project itself provides (root files and packages, src/ layout, declared packages).</summary>
    private static HashSet<string> LocalTopLevelNames(Indexing.RepoIndex index)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in index.Files)
        {
            var parts = f.Path.Split('/');
            if (parts.Length == 1 && f.Extension == ".py")
            {
                set.Add(parts[0][..^3]);
            }
            else if (parts.Length >= 2)
            {
                // Any folder holding Python files can be imported when its parent is on sys.path, and a script's own folder is
                // sys.path[0]: examples/rl/train.py importing `agents` (examples/rl/agents/) or a package under projects/X/ installed
                // from its own setup.py. So every folder on the way to a Python file names a local module, at any depth.
                if (f.Extension is ".py" or ".pyx" or ".so")
                {
                    for (var i = 0; i < parts.Length - 1; i++)
                    {
                        set.Add(parts[i]);
                    }

                    set.Add(parts[^1][..parts[^1].LastIndexOf('.')]);
                }
            }
        }

        return set;
    }

    private static bool RelativeResolves(Indexing.RepoIndex index, string dir, PythonImport imp)
    {
        var parts = dir.Length == 0 ? new List<string>() : [.. dir.Split('/')];
        for (var i = 1; i < imp.Level; i++)
        {
            if (parts.Count == 0)
            {
                return false;
            }

            parts.RemoveAt(parts.Count - 1);
        }

        var baseDir = string.Join('/', parts);
        var mod = imp.Module.Replace('.', '/');
        var target = mod.Length == 0 ? baseDir : Combine(baseDir, mod);
        if (target.Length == 0)
        {
            return true;
        }

        if (index.Contains(target + ".py") || index.Contains(target + "/__init__.py") || index.ContainsDirectory(target))
        {
            return true;
        }

        // from . import name → name may be a module in the package.
        return mod.Length == 0 && imp.Name is { } n && (index.Contains(Combine(baseDir, n + ".py")) || index.ContainsDirectory(Combine(baseDir, n)));
    }
}
