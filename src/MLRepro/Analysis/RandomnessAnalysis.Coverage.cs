using System.Collections.Immutable;
using MLRepro.Knowledge;
using MLRepro.Python;

namespace MLRepro.Analysis;

/// <summary>
/// Whether a seeding call really covers a draw: a global seed only affects the process that runs it (a seed in
/// train.py does nothing for split.py, run as its own pipeline stage), and only the draws made after it (a model
/// initialised before `set_seed(...)` is not seeded by it).
/// </summary>
public sealed partial class RandomnessAnalysis
{
    /// <summary>How deep calls are followed from a flow to the draws of the functions it calls.</summary>
    public const int MaxCallDepth = 3;

    /// <summary>Call sites of one function followed when judging whether a seed comes too late (the same bound as ValueTracer's).</summary>
    public const int MaxCallSites = 64;

    /// <summary>Above this many draws or seeds the coverage analysis is skipped (the project-wide view stands).</summary>
    public const int MaxCoverageItems = 2_000;

    /// <summary>Draws that a global seed exists for, but that no seed covers, with the reason (another process; seeded too late).</summary>
    public ImmutableDictionary<RandomUse, string> Uncovered { get; init; } = ImmutableDictionary<RandomUse, string>.Empty;

    /// <summary>Why a use is not seeded although its library is seeded somewhere; null when it is covered (or unseeded anyway).</summary>
    public string? UncoveredReason(RandomUse use) => Uncovered.GetValueOrDefault(use);

    /// <summary>Judges, for every draw from a seeded global RNG, whether a seed runs in its process before it.</summary>
    /// <param name="modules">The analysed modules.</param>
    /// <param name="seeds">Seeding calls.</param>
    /// <param name="uses">Draws.</param>
    /// <param name="declaredScripts">Scripts a pipeline, Makefile, README or workflow runs (null or empty: none declared, and every script with a `__main__` guard is a process).</param>
    /// <param name="localModules">The import resolver (built from <paramref name="modules"/> when not given).</param>
    /// <param name="flows">The seed-order questions' cache (a fresh one when not given; tests pass theirs to count the work).</param>
    internal static ImmutableDictionary<RandomUse, string> Coverage(IReadOnlyList<ModuleSummary> modules, IReadOnlyList<SeedingCall> seeds, IReadOnlyList<RandomUse> uses, IReadOnlySet<string>? declaredScripts = null, LocalModules? localModules = null, Flows? flows = null)
    {
        var result = ImmutableDictionary.CreateBuilder<RandomUse, string>();
        var seeded = seeds.Where(s => s.Origin != SeedOrigin.None).ToList();
        var candidates = uses.Where(u => u.LocalSeed is null or SeedOrigin.None && u.Library is { } lib && seeded.Any(s => s.Libraries.Contains(lib))).ToList();
        if (candidates.Count == 0 || candidates.Count > MaxCoverageItems || seeded.Count > MaxCoverageItems)
        {
            return result.ToImmutable();
        }

        localModules ??= new LocalModules(modules);
        flows ??= new Flows(localModules);

        // Processes: every script the project declares it runs (a dvc.yaml stage, a Makefile target, a README command), with
        // the project modules it imports. Where runs are declared, only they are judged (a draw in an undocumented helper
        // script or a notebook is exploration or tooling beside them); where nothing is declared, every __main__ script is a
        // run: in a collection of independent scripts (one per chapter, game or algorithm), the one script that seeds does not
        // seed the others. A seed acts only in the processes that run its module, where a process is any script, declared or
        // only a __main__ guard: the seed in an undocumented script seeds that script, not the documented runs. Seeds in a
        // module no script imports (loaded by a framework by name, e.g. a Hydra _target_; a notebook) may run anywhere: they
        // count everywhere.
        var undeclared = declaredScripts is null || declaredScripts.Count == 0;
        var scripts = modules.Where(m => !m.IsNotebook && (m.MainGuardLine is not null || !undeclared && declaredScripts!.Contains(m.Path)))
            .ToDictionary(m => m.Path, m => localModules.Closure(m.Path), StringComparer.Ordinal);
        var closures = scripts.Where(c => undeclared || declaredScripts!.Contains(c.Key)).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        var inSomeScript = scripts.Values.SelectMany(c => c).ToHashSet(StringComparer.Ordinal);
        var byPath = localModules.ByPath;

        foreach (var u in candidates)
        {
            var lib = u.Library!;
            var covering = seeded.Where(s => s.Libraries.Contains(lib)).ToList();
            var processes = closures.Where(c => c.Value.Contains(u.Path)).Select(c => c.Key).ToList();
            if (processes.Count == 0)
            {
                // No declared run executes the draw's module, but a training script of its own does (finetune.py beside a
                // declared merge.py): that script is its process, and a seed in a sibling script (train_clm.py) does not reach
                // it. An undeclared helper that does not train (show_samples.py) stays exploration beside the runs.
                processes = scripts.Where(c => c.Value.Contains(u.Path) && c.Value.Any(p => byPath.TryGetValue(p, out var x) && TrainsOrTunes(x))).Select(c => c.Key).ToList();
            }

            if (processes.Count > 0)
            {
                // A seed covers the draw when one script runs both (the documented commands may name only some of the scripts
                // that run the draw's module: a training script left out of the README still seeds its own run).
                covering = covering.Where(s => !inSomeScript.Contains(s.Path) || scripts.Values.Any(c => c.Contains(s.Path) && c.Contains(u.Path))).ToList();
                if (covering.Count == 0)
                {
                    var other = seeded.First(s => s.Libraries.Contains(lib));
                    result[u] = $"the {RandomnessTable.DisplayName(lib)} seed at {other.Path}:{other.Line} runs in another process, not in {processes[0]}, which runs this";
                    continue;
                }
            }

            if (!DrawsWhenCalled(u))
            {
                continue;
            }

            // Seeded too late: every covering seed runs only after the flow that leads to it has already made this draw.
            var late = covering.Select(s => flows.SeededAfter(s.Path, s.Line, u)).ToList();
            if (late.Count > 0 && late.All(l => l))
            {
                var first = covering[0];
                result[u] = $"the {RandomnessTable.DisplayName(lib)} seed at {first.Path}:{first.Line} runs only after this draw";
            }
        }

        return result.ToImmutable();
    }

    /// <summary>The Python scripts that declared entry points run (pipeline stages, MLproject, Makefile, README, workflows, shell scripts).</summary>
    public static IReadOnlySet<string> DeclaredScripts(EntryPointAnalysis entryPoints) =>
        entryPoints.All.Where(e => e.Kind is not (EntryPointKind.MainGuard or EntryPointKind.Notebook) && !e.IsTooling && e.Script is not null)
            .Select(e => e.Script!).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Draws made when the call runs (weight initialisation, a data split, a sample), as opposed to objects that draw later
    /// (a DataLoader when iterated, a Trainer or an estimator when fitted, a Dropout module in forward): a seed set after
    /// creating those still covers their draws.
    /// </summary>
    internal static bool DrawsWhenCalled(RandomUse u)
    {
        if (RandomnessTable.Match(u.Target) is not { } api || !u.Path.EndsWith(".py", StringComparison.Ordinal) && !u.Path.EndsWith(".ipynb", StringComparison.Ordinal))
        {
            return false;
        }

        var last = u.Target[(u.Target.LastIndexOf('.') + 1)..];
        return api.Kind switch
        {
            RandomnessKind.Use => u.Library is "random" or "numpy" or "torch" && !u.Target.StartsWith("fastai.", StringComparison.Ordinal)
                && !last.EndsWith("Dropout", StringComparison.Ordinal) && !last.EndsWith("Trainer", StringComparison.Ordinal) && !last.EndsWith("Sampler", StringComparison.Ordinal),
            RandomnessKind.Local => last is "train_test_split" or "shuffle" or "resample" or "permutation_test_score" || last.StartsWith("make_", StringComparison.Ordinal),
            _ => false,
        };
    }

    /// <summary>Function bodies as line ranges (a function ends where the next definition, module-level statement or __main__ guard starts) and the calls between them.</summary>
    internal sealed class Flows
    {
        /// <summary>Seed-order answers computed (not taken from the memo): bounded by the number of distinct sites asked about.</summary>
        public int Computations { get; private set; }

        private readonly LocalModules _local;
        private readonly IReadOnlyDictionary<string, ModuleSummary> _byPath;
        private readonly Dictionary<(string, int), (int Start, int End, PythonFunction? Fn)?> _enclosing = [];

        /// <summary>Calls of the project by the last name of their target, built once: finding a function's call sites
        /// scans only the calls that could name it, not every call of every module.</summary>
        private Dictionary<string, List<(ModuleSummary Module, PythonCall Call)>>? _callsByName;

        /// <summary>Answers already computed, per (seed path, seed line, draw): a project whose helper seeds from hundreds
        /// of places (a vendored library's examples all calling set_seed) asks the same question for every draw.</summary>
        private readonly Dictionary<(string, int, RandomUse), bool> _seededAfter = [];

        public Flows(LocalModules local)
        {
            _local = local;
            _byPath = local.ByPath;
        }

        /// <summary>Whether a seed at path:line runs only after the draw: in its flow the draw is reached before it, or every call of the function holding it comes after the draw.</summary>
        public bool SeededAfter(string path, int line, RandomUse draw) => SeededAfter(path, line, draw, 0);

        private bool SeededAfter(string path, int line, RandomUse draw, int depth)
        {
            // Memoized regardless of depth (like ValueTracer's traces): the answer for a site seldom depends on how deep
            // the question came from, and without it the call-site fan-out multiplies at every level.
            if (_seededAfter.TryGetValue((path, line, draw), out var known))
            {
                return known;
            }

            Computations++;
            var result = Compute();
            _seededAfter[(path, line, draw)] = result;
            return result;

            bool Compute()
            {
                if (!_byPath.TryGetValue(path, out var m))
                {
                    return false;
                }

                if (Enclosing(m, line) is not { } flow)
                {
                    // Module-level code runs top to bottom: in a script without functions (finetune.py building the model,
                    // shuffling the data, then the Trainer that seeds), the draws written above the seed, or made by the
                    // calls above it, come first. Whether the module's own importers seed earlier is not judged, nor a module
                    // whose function bodies' ends are unknown (a draw inside a function would look like module-level code).
                    return m.Functions.All(f => f.EndLine > 0) && Reaches(m, 0, line, draw, 0, []);
                }

                if (Reaches(m, flow.Start, line, draw, 0, []))
                {
                    return true;
                }

                if (flow.Fn is not { } fn || depth >= MaxCallDepth)
                {
                    return false;
                }

                // A function called from more places than can be followed is not judged late (the seed counts).
                var sites = CallSites(m, fn).Take(MaxCallSites + 1).ToList();
                return sites.Count > 0 && sites.Count <= MaxCallSites && sites.All(s => SeededAfter(s.Module.Path, s.Line, draw, depth + 1));
            }
        }

        /// <summary>Whether the calls of module m between start and end (exclusive) make the draw, directly or through called project functions.</summary>
        private bool Reaches(ModuleSummary m, int start, int end, RandomUse draw, int depth, HashSet<(string, int)> visited)
        {
            if (draw.Path == m.Path && draw.Line > start && draw.Line < end && !InNestedDefinition(m, start, end, draw.Line))
            {
                return true;
            }

            if (depth >= MaxCallDepth || !visited.Add((m.Path, start)))
            {
                return false;
            }

            foreach (var c in m.Calls)
            {
                if (c.Line <= start || c.Line >= end || InNestedDefinition(m, start, end, c.Line))
                {
                    continue;
                }

                foreach (var (callee, fn) in Resolve(m, c))
                {
                    var range = Range(callee, fn);
                    if (Reaches(callee, range.Start, range.End, draw, depth + 1, visited))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Whether a line of the body start..end lies in a function defined inside it (a nested helper, a method of a
        /// local class): that code runs only when called, not where it is written.</summary>
        private static bool InNestedDefinition(ModuleSummary m, int start, int end, int line) =>
            m.Functions.Any(f => f.Line > start && f.EndLine > 0 && f.EndLine < end && f.Line <= line && line <= f.EndLine);

        /// <summary>The project functions a call may run: a function of the same module (or method of self), a class's __init__, or a function of an imported project module.</summary>
        private IEnumerable<(ModuleSummary Module, PythonFunction Fn)> Resolve(ModuleSummary m, PythonCall c)
        {
            var dot = c.Target.LastIndexOf('.');
            var name = c.Target[(dot + 1)..];
            var prefix = dot < 0 ? string.Empty : c.Target[..dot];
            IEnumerable<ModuleSummary> owners = prefix.Length == 0 || prefix is "self" or "cls" ? [m] : _local.WithSuffix(prefix) is { Count: <= LocalModules.MaxSuffixMatches } l ? l.Select(p => _byPath[p]) : [];
            foreach (var owner in owners)
            {
                var isClass = owner.Classes.Any(k => k.Name == name);
                foreach (var f in owner.Functions)
                {
                    var match = isClass ? f.ClassName == name && f.Name == "__init__"
                        : f.Name == name && (prefix is "self" or "cls" ? f.ClassName is not null : f.IsModuleLevel);
                    if (match)
                    {
                        yield return (owner, f);
                    }
                }
            }
        }

        private IEnumerable<(ModuleSummary Module, int Line)> CallSites(ModuleSummary owner, PythonFunction fn)
        {
            if (_callsByName is null)
            {
                _callsByName = new Dictionary<string, List<(ModuleSummary, PythonCall)>>(StringComparer.Ordinal);
                foreach (var m in _byPath.Values.OrderBy(m => m.Path, StringComparer.Ordinal))
                {
                    foreach (var c in m.Calls)
                    {
                        var name = c.Target[(c.Target.LastIndexOf('.') + 1)..];
                        if (!_callsByName.TryGetValue(name, out var list))
                        {
                            _callsByName[name] = list = [];
                        }

                        list.Add((m, c));
                    }
                }
            }

            // A class's __init__ is called by the class's name.
            var called = fn.Name == "__init__" && fn.ClassName is { } cls ? cls : fn.Name;
            if (!_callsByName.TryGetValue(called, out var calls))
            {
                yield break;
            }

            foreach (var (m, c) in calls)
            {
                if (Resolve(m, c).Any(r => r.Module == owner && r.Fn == fn))
                {
                    yield return (m, c.Line);
                }
            }
        }

        /// <summary>The function (or __main__ block) whose body holds a line; null for other module-level code.</summary>
        private (int Start, int End, PythonFunction? Fn)? Enclosing(ModuleSummary m, int line)
        {
            if (_enclosing.TryGetValue((m.Path, line), out var cached))
            {
                return cached;
            }

            (int, int, PythonFunction?)? found = null;
            if (m.Functions.Length > 0 && m.Functions.All(f => f.EndLine > 0))
            {
                // Bodies with known ends: the innermost function holding the line (a method of a class defined inside a
                // function, or a nested helper, does not cut the outer function's flow short). A draw on a def line (a
                // default value) runs when the module defines the function, so it belongs to the enclosing scope.
                var inner = m.FunctionContaining(line);
                if (inner is not null)
                {
                    found = (inner.Line, inner.EndLine + 1, inner);
                }
                else if (m.MainGuardLine is { } guard && line > guard)
                {
                    found = (guard, m.LineCount + 1, null);
                }

                _enclosing[(m.Path, line)] = found;
                return found;
            }

            foreach (var f in m.Functions.Where(f => f.Line <= line).OrderByDescending(f => f.Line))
            {
                var r = Range(m, f);
                if (line < r.End)
                {
                    found = (r.Start, r.End, f);
                }

                break;
            }

            if (found is null && m.MainGuardLine is { } g && line > g)
            {
                found = (g, m.LineCount + 1, null);
            }

            _enclosing[(m.Path, line)] = found;
            return found;
        }

        private static (int Start, int End) Range(ModuleSummary m, PythonFunction f)
        {
            if (f.EndLine > 0)
            {
                return (f.Line, f.EndLine + 1);
            }

            var end = m.LineCount + 1;
            foreach (var other in m.Functions)
            {
                if (other.Line > f.Line && other.Line < end)
                {
                    end = other.Line;
                }
            }

            foreach (var k in m.Classes)
            {
                if (k.Line > f.Line && k.Line < end)
                {
                    end = k.Line;
                }
            }

            foreach (var a in m.Assignments)
            {
                if (a.IsModuleLevel && a.Line > f.Line && a.Line < end)
                {
                    end = a.Line;
                }
            }

            if (m.MainGuardLine is { } g && g > f.Line && g < end)
            {
                end = g;
            }

            return (f.Line, end);
        }
    }
}
