using System.Collections.Concurrent;
using MLRepro.Indexing;
using MLRepro.Python;

namespace MLRepro.Analysis;

/// <summary>
/// The project's own Python modules by import name, and which of them an import statement loads: one resolver for
/// every analysis that follows imports (a script's import closure, randomness reachability, value tracing, missing
/// local imports). Computed once per project model.
/// </summary>
/// <remarks>
/// Resolution follows what Python would do for the common layouts: a relative import is resolved against the
/// importer's package; an absolute one against the importer's own folder (a script's folder is sys.path[0]), the
/// project root and <c>src/</c>. When none of those holds the module, any folder may have been put on sys.path (a
/// <c>sys.path.append</c>, PYTHONPATH, running from a subfolder): a module whose dotted path ends with the imported
/// name is taken, unless more than <see cref="MaxSuffixMatches"/> files share that name.
/// </remarks>
public sealed class LocalModules
{
    /// <summary>A name that more files than this end with is too ambiguous to resolve by suffix.</summary>
    public const int MaxSuffixMatches = 2;

    /// <summary>How many files one import closure may hold (a guard against pathological trees).</summary>
    public const int MaxClosure = 5_000;

    private readonly Dictionary<string, ModuleSummary> _byPath;
    private readonly Dictionary<string, List<string>> _byDotted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _bySuffix = new(StringComparer.Ordinal);
    private readonly HashSet<string> _topLevel = new(StringComparer.Ordinal);
    private readonly RepoIndex? _index;
    private readonly ConcurrentDictionary<string, IReadOnlySet<string>> _closures = new(StringComparer.Ordinal);
    private readonly Lazy<Dictionary<string, List<string>>> _importers;

    /// <summary>Indexes the modules (.py files; notebooks are importers only).</summary>
    /// <param name="modules">The project's parsed Python files and notebooks.</param>
    /// <param name="index">The repository index, for packages without parsed files (namespace packages, data folders); optional.</param>
    public LocalModules(IReadOnlyList<ModuleSummary> modules, RepoIndex? index = null)
    {
        _index = index;
        _byPath = new Dictionary<string, ModuleSummary>(StringComparer.Ordinal);
        foreach (var m in modules)
        {
            _byPath.TryAdd(m.Path, m);
            if (m.IsNotebook || DottedName(m.Path) is not { } dotted)
            {
                continue;
            }

            Add(_byDotted, dotted, m.Path);
            var parts = dotted.Split('.');
            for (var i = 0; i < parts.Length; i++)
            {
                Add(_bySuffix, string.Join('.', parts.Skip(i)), m.Path);
            }

            // The first two folders: importable when the root or a src/-like folder is on sys.path.
            _topLevel.Add(parts[0]);
            if (parts.Length > 1)
            {
                _topLevel.Add(parts[1]);
            }
        }

        _importers = new Lazy<Dictionary<string, List<string>>>(BuildImporters);
    }

    /// <summary>All parsed modules by path.</summary>
    public IReadOnlyDictionary<string, ModuleSummary> ByPath => _byPath;

    /// <summary>The dotted name of a .py file relative to the root (<c>src/pkg/__init__.py</c> → <c>src.pkg</c>); null for other files.</summary>
    public static string? DottedName(string path)
    {
        if (!path.EndsWith(".py", StringComparison.Ordinal))
        {
            return null;
        }

        var dotted = path[..^3].Replace('/', '.');
        return dotted.EndsWith(".__init__", StringComparison.Ordinal) ? dotted[..^".__init__".Length] : dotted == "__init__" ? null : dotted;
    }

    /// <summary>The .py files whose dotted path ends with a dotted name (<c>data.loader</c> → <c>src/data/loader.py</c>), in module order.</summary>
    public IReadOnlyList<string> WithSuffix(string dotted) => _bySuffix.TryGetValue(dotted, out var paths) ? paths : [];

    /// <summary>Whether a dotted name (a call target's prefix) names a project module, under any sys.path root.</summary>
    public bool IsModuleName(string dotted) => _bySuffix.ContainsKey(dotted);

    /// <summary>Whether a top-level name is one the project provides (a root module or package, or one a folder down).</summary>
    public bool IsTopLevelName(string name) => _topLevel.Contains(name);

    /// <summary>
    /// The project files an import statement loads, most likely first: the module (its file or package
    /// <c>__init__.py</c>) and, for <c>from X import Y</c>, the submodule Y when there is one.
    /// </summary>
    public IReadOnlyList<string> Resolve(string fromPath, PythonImport import) =>
        Resolve(fromPath, import.Module, import.Level, import.Name is null or "*" ? null : import.Name);

    /// <summary>The project files a dotted module name (with a relative level and an optional imported name) loads.</summary>
    public IReadOnlyList<string> Resolve(string fromPath, string module, int level, string? name = null)
    {
        var found = new List<string>();
        foreach (var b in Bases(fromPath, level))
        {
            var stem = Join(b, module);
            if (name is not null)
            {
                AddAll(found, _byDotted, Join(stem, name));
            }

            if (stem.Length > 0)
            {
                AddAll(found, _byDotted, stem);
            }
        }

        if (found.Count > 0 || level > 0)
        {
            return found;
        }

        // No conventional root holds it: some other folder is on sys.path.
        foreach (var key in name is null ? [module] : new[] { Join(module, name), module })
        {
            if (key.Length > 0 && _bySuffix.TryGetValue(key, out var hits) && hits.Count <= MaxSuffixMatches)
            {
                found.AddRange(hits.Where(h => h != fromPath));
                break;
            }
        }

        return found;
    }

    /// <summary>The module a dotted name loads (the first match), or null when it is not the project's.</summary>
    public ModuleSummary? Find(string fromPath, string module, int level) =>
        Resolve(fromPath, module, level).FirstOrDefault() is { } p ? _byPath[p] : null;

    /// <summary>
    /// The project modules a script runs: itself and, transitively, the local modules it imports.
    /// </summary>
    public IReadOnlySet<string> Closure(string script) => _closures.GetOrAdd(script, ComputeClosure);

    /// <summary>Project modules by path → the project modules that import them.</summary>
    public IReadOnlyDictionary<string, List<string>> Importers => _importers.Value;

    /// <summary>
    /// The first absolute import of a module inside a local package (<c>from app.models import net</c> with an
    /// <c>app/</c> folder next to the file or at the root) that names no file or folder there: it fails as committed.
    /// </summary>
    public PythonImport? MissingLocalImport(string path)
    {
        if (!_byPath.TryGetValue(path, out var module))
        {
            return null;
        }

        var dir = path.Contains('/', StringComparison.Ordinal) ? path[..(path.LastIndexOf('/') + 1)] : string.Empty;
        string[] bases = dir.Length > 0 ? ["", dir] : [""];
        foreach (var i in module.Imports.Where(i => i.Level == 0))
        {
            var parts = i.Module.Split('.');
            if (parts.Length < 2 || !bases.Any(b => ContainsDirectory(b + parts[0])))
            {
                continue;
            }

            var rel = string.Join('/', parts);
            if (!bases.Any(b => ContainsFile(b + rel + ".py") || ContainsDirectory(b + rel)))
            {
                return i;
            }
        }

        return null;
    }

    private bool ContainsFile(string path) => _index?.Contains(path) ?? _byPath.ContainsKey(path);

    private bool ContainsDirectory(string dir) =>
        _index?.ContainsDirectory(dir) ?? _byPath.Keys.Any(p => p.StartsWith(dir + "/", StringComparison.Ordinal));

    /// <summary>Dotted bases an import is looked up under: the package for a relative import; else the importer's folder, the root and src/.</summary>
    private static IEnumerable<string> Bases(string fromPath, int level)
    {
        var dirParts = fromPath.Split('/').SkipLast(1).ToList();
        if (level > 0)
        {
            return [string.Join('.', dirParts.Take(Math.Max(0, dirParts.Count - (level - 1))))];
        }

        return new[] { string.Empty, "src", string.Join('.', dirParts) }.Distinct(StringComparer.Ordinal);
    }

    private static string Join(string a, string b) => a.Length == 0 ? b : b.Length == 0 ? a : a + "." + b;

    private static void Add(Dictionary<string, List<string>> map, string key, string path)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(path);
    }

    private static void AddAll(List<string> found, Dictionary<string, List<string>> map, string key)
    {
        if (map.TryGetValue(key, out var hits))
        {
            found.AddRange(hits.Where(h => !found.Contains(h)));
        }
    }

    private HashSet<string> ComputeClosure(string script)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([script]);
        while (queue.Count > 0 && seen.Count < MaxClosure)
        {
            var path = queue.Dequeue();
            if (!seen.Add(path) || !_byPath.TryGetValue(path, out var m))
            {
                continue;
            }

            foreach (var i in m.Imports)
            {
                foreach (var target in Resolve(path, i))
                {
                    queue.Enqueue(target);
                }
            }
        }

        return seen;
    }

    private Dictionary<string, List<string>> BuildImporters()
    {
        var importers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var m in _byPath.Values.OrderBy(m => m.Path, StringComparer.Ordinal))
        {
            foreach (var i in m.Imports)
            {
                foreach (var t in Resolve(m.Path, i).Where(t => t != m.Path))
                {
                    if (!importers.TryGetValue(t, out var list))
                    {
                        importers[t] = list = [];
                    }

                    if (!list.Contains(m.Path))
                    {
                        list.Add(m.Path);
                    }
                }
            }
        }

        return importers;
    }
}
