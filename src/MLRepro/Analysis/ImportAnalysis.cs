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
public sealed record ThirdPartyImport(string Module, IReadOnlyList<string> Distributions, Dependency? DeclaredBy, string FirstPath, int FirstLine, int Files, string? ImpliedBy = null);

/// <summary>A relative or local import that resolves to no file of the project.</summary>
public sealed record UnresolvedImport(string Path, int Line, string Import);

/// <summary>Third-party imports against declared dependencies; local imports that do not resolve.</summary>
public sealed class ImportAnalysis
{
    /// <summary>Third-party imports (not stdlib, not local), sorted by module.</summary>
    public required ImmutableArray<ThirdPartyImport> ThirdParty { get; init; }

    /// <summary>Relative imports that resolve to nothing.</summary>
    public required ImmutableArray<UnresolvedImport> Unresolved { get; init; }

    /// <summary>Imports no dependency declares, directly or as a hard requirement of a declared one.</summary>
    public IEnumerable<ThirdPartyImport> Undeclared => ThirdParty.Where(t => t.DeclaredBy is null && t.ImpliedBy is null);

    /// <summary>Imports only installed as a requirement of a declared distribution.</summary>
    public IEnumerable<ThirdPartyImport> Transitive => ThirdParty.Where(t => t.DeclaredBy is null && t.ImpliedBy is not null);

    /// <summary>Builds the analysis.</summary>
    public static ImportAnalysis Build(IReadOnlyList<ModuleSummary> modules, IReadOnlyList<Dependency> dependencies, Indexing.RepoIndex index, string? pythonVersion)
    {
        var declared = new Dictionary<string, Dependency>(StringComparer.Ordinal);
        foreach (var d in dependencies)
        {
            declared.TryAdd(d.Name, d);
        }

        var localTop = LocalTopLevelNames(index);
        var byModule = new SortedDictionary<string, (string Path, int Line, HashSet<string> Files)>(StringComparer.Ordinal);
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
                if (!experimentCode || top.Length == 0 || top == "__future__" || StdlibModules.IsStdlib(top, pythonVersion) || localTop.Contains(top)
                    || index.Contains(Combine(dir, top + ".py")) || index.ContainsDirectory(Combine(dir, top)))
                {
                    continue;
                }

                if (!byModule.TryGetValue(top, out var entry))
                {
                    entry = (m.Path, imp.Line, new HashSet<string>(StringComparer.Ordinal));
                    byModule[top] = entry;
                }

                entry.Files.Add(m.Path);
            }
        }

        var thirdParty = byModule.Select(kv =>
        {
            var dists = ImportPackages.DistributionsFor(kv.Key);
            var by = dists.Select(d => declared.GetValueOrDefault(Dependency.Normalize(d))).FirstOrDefault(d => d is not null);
            var implied = by is null ? dists.Select(d => ImpliedDependencies.ProviderOf(d, declared.Keys)).FirstOrDefault(p => p is not null) : null;
            return new ThirdPartyImport(kv.Key, dists, by, kv.Value.Path, kv.Value.Line, kv.Value.Files.Count, implied);
        }).ToImmutableArray();
        return new ImportAnalysis { ThirdParty = thirdParty, Unresolved = unresolved.ToImmutable() };
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
                // Any folder holding Python files can be imported when it (or its parent) is on sys.path.
                if (f.Extension is ".py" or ".pyx" or ".so")
                {
                    set.Add(parts[0]);
                    if (parts.Length >= 3)
                    {
                        set.Add(parts[1]);
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
