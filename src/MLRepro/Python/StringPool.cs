using System.Collections.Concurrent;

namespace MLRepro.Python;

/// <summary>
/// Strings shared across the modules of one project (names, call targets, short argument texts repeat from
/// file to file). Thread-safe; a model holds one while it summarizes in parallel.
/// </summary>
internal sealed class StringPool
{
    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

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
}
