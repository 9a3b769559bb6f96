using System.Collections;

namespace MLRepro.Python;

/// <summary>
/// A compact read-only set of strings: one sorted array searched by binary search. A project can have tens
/// of thousands of modules, so a hash set per module would dominate memory.
/// </summary>
public sealed class NameSet : IReadOnlySet<string>
{
    private readonly string[] _items;

    internal NameSet(IEnumerable<string> items)
    {
        _items = [.. items];
        Array.Sort(_items, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public int Count => _items.Length;

    /// <inheritdoc />
    public bool Contains(string item) => item is not null && Array.BinarySearch(_items, item, StringComparer.Ordinal) >= 0;

    /// <inheritdoc />
    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool IsProperSubsetOf(IEnumerable<string> other) => ToSet().IsProperSubsetOf(other);

    /// <inheritdoc />
    public bool IsProperSupersetOf(IEnumerable<string> other) => ToSet().IsProperSupersetOf(other);

    /// <inheritdoc />
    public bool IsSubsetOf(IEnumerable<string> other) => ToSet().IsSubsetOf(other);

    /// <inheritdoc />
    public bool IsSupersetOf(IEnumerable<string> other) => other.All(Contains);

    /// <inheritdoc />
    public bool Overlaps(IEnumerable<string> other) => other.Any(Contains);

    /// <inheritdoc />
    public bool SetEquals(IEnumerable<string> other) => ToSet().SetEquals(other);

    private HashSet<string> ToSet() => new(_items, StringComparer.Ordinal);
}
