using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace MLRepro.Python;

/// <summary>
/// Strings and immutable summary parts shared across the modules of one project: names, call targets, short
/// argument texts, literals, name arrays, whole arguments and argument lists repeat from file to file, and a
/// model keeps every module's summary alive. Thread-safe; a model holds one while it summarizes in parallel.
/// Sharing is invisible to callers: every shared part is an immutable value (records compare by value).
/// </summary>
internal sealed class StringPool
{
    /// <summary>Argument lists longer than this are not shared (they rarely repeat).</summary>
    private const int MaxSharedListLength = 8;

    /// <summary>Arguments with longer texts are not shared (hashing them costs more than they repeat).</summary>
    private const int MaxSharedTextLength = 64;

    /// <summary>
    /// Lock stripes per dictionary. Nearly every lookup of a fresh project adds, and an add takes its stripe's lock: with
    /// the default (one stripe per core) two threads collide on every other add (most of the parallel summary pass's
    /// time was spent waiting on these locks in a profile).
    /// </summary>
    private const int Stripes = 64;

    /// <summary>Initial capacity of the string table (a project has thousands of distinct names; growing locks every stripe).</summary>
    private const int InitialStrings = 16 * 1024;

    private readonly ConcurrentDictionary<string, string> _strings = new(Stripes, InitialStrings, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly ConcurrentDictionary<string, ImmutableArray<string>> _singleNames = new(Stripes, 1024, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Key, bool IsString), PythonLiteral> _literals = new(Stripes, 1024);
    private readonly ConcurrentDictionary<CallArgument, CallArgument> _arguments = new(Stripes, 1024);
    private readonly ConcurrentDictionary<ImmutableArray<string>, ImmutableArray<string>> _nameLists = new(Stripes, 1024, ElementwiseSame<string>.Instance);
    private readonly ConcurrentDictionary<ImmutableArray<CallArgument>, ImmutableArray<CallArgument>> _argumentLists = new(Stripes, 1024, ElementwiseSame<CallArgument>.Instance);

    public StringPool()
    {
        _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _strings.Count;

    public string Intern(ReadOnlySpan<char> span)
    {
        if (_lookup.TryGetValue(span, out var existing))
        {
            return existing;
        }

        var s = span.ToString();
        return _strings.GetOrAdd(s, s);
    }

    /// <summary>Interns a string already allocated: it becomes the shared copy when it is the first.</summary>
    public string Intern(string s) => _strings.GetOrAdd(s, s);

    /// <summary>The shared one-element array holding <paramref name="name"/> (an interned string).</summary>
    public ImmutableArray<string> SingleName(string name) =>
        _singleNames.TryGetValue(name, out var one) ? one : _singleNames.GetOrAdd(name, ImmutableArray.Create(name));

    /// <summary>The shared array with the same (interned) names as <paramref name="names"/>.</summary>
    public ImmutableArray<string> Names(ImmutableArray<string> names) =>
        names.Length <= 1 || names.Length > MaxSharedListLength ? names : _nameLists.GetOrAdd(names, names);

    /// <summary>The shared literal for an interned literal text (numbers) or value (strings).</summary>
    public PythonLiteral Literal(string key, bool isString, PythonLiteral made) => _literals.GetOrAdd((key, isString), made);

    /// <summary>The shared argument equal to <paramref name="argument"/> (record equality), when its text is short.</summary>
    public CallArgument Argument(CallArgument argument) => argument.Text.Length <= MaxSharedTextLength ? _arguments.GetOrAdd(argument, argument) : argument;

    /// <summary>The shared argument list with the same (shared) arguments as <paramref name="arguments"/>.</summary>
    public ImmutableArray<CallArgument> Arguments(ImmutableArray<CallArgument> arguments) =>
        arguments.Length == 0 || arguments.Length > MaxSharedListLength ? arguments : _argumentLists.GetOrAdd(arguments, arguments);

    /// <summary>Arrays equal when their elements are the same objects (elements are shared, so this is value equality).</summary>
    private sealed class ElementwiseSame<T> : IEqualityComparer<ImmutableArray<T>>
        where T : class
    {
        public static readonly ElementwiseSame<T> Instance = new();

        public bool Equals(ImmutableArray<T> x, ImmutableArray<T> y)
        {
            if (x.Length != y.Length)
            {
                return false;
            }

            for (var i = 0; i < x.Length; i++)
            {
                if (!ReferenceEquals(x[i], y[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(ImmutableArray<T> obj)
        {
            var h = new HashCode();
            foreach (var item in obj)
            {
                h.Add(RuntimeHelpers.GetHashCode(item));
            }

            return h.ToHashCode();
        }
    }
}
