namespace MLRepro.Formats.Yaml;

/// <summary>A YAML node with its 1-based position. Aliases are shared references to the anchored node.</summary>
internal abstract class YamlNode(int line, int column)
{
    /// <summary>1-based line of the node's first character.</summary>
    public int Line { get; } = line;

    /// <summary>1-based column.</summary>
    public int Column { get; } = column;

    /// <summary>Nodes reachable from this one, counting alias targets each time they are reached (saturating).</summary>
    public long ExpandedSize { get; protected set; } = 1;

    /// <summary>The scalar value, or null for collections.</summary>
    public virtual string? Scalar => null;

    /// <summary>Adds without overflowing: alias-shared subtrees can stand for astronomically many nodes.</summary>
    protected static long Saturate(long a, long b) => Math.Min(a + b, long.MaxValue / 4);
}

/// <summary>A YAML scalar.</summary>
internal sealed class YamlScalarNode(int line, int column, string value, bool plain, string? tag, bool literalBlock) : YamlNode(line, column)
{
    /// <summary>The value as text.</summary>
    public string Value { get; } = value;

    /// <summary>Whether the scalar was unquoted (only plain scalars are typed as numbers, booleans, nulls).</summary>
    public bool Plain { get; } = plain;

    /// <summary>The explicit tag (`!!str`), or null.</summary>
    public string? Tag { get; } = tag;

    /// <summary>Whether it was a block scalar (`|` or `>`), whose content starts on the next line.</summary>
    public bool Block { get; } = literalBlock;

    /// <summary>Whether the scalar is a YAML null (empty, `~` or `null` unquoted and untagged).</summary>
    public bool IsNull => Plain && Tag is null && (Value.Length == 0 || Value is "~" or "null" or "Null" or "NULL");

    /// <inheritdoc />
    public override string? Scalar => Value;

    /// <summary>An empty plain scalar: what a skipped or unresolvable node reads as.</summary>
    internal static YamlScalarNode Empty(int line, int column) => new(line, column, string.Empty, true, null, false);
}

/// <summary>A YAML sequence.</summary>
internal sealed class YamlSequenceNode(int line, int column) : YamlNode(line, column)
{
    /// <summary>Items in order.</summary>
    public List<YamlNode> Items { get; } = [];

    /// <summary>Appends an item.</summary>
    public void Add(YamlNode node)
    {
        Items.Add(node);
        ExpandedSize = Saturate(ExpandedSize, node.ExpandedSize);
    }
}

/// <summary>
/// A YAML mapping. A repeated key either replaces the earlier entry in place (<see cref="Set"/>) or is
/// appended after it (<see cref="Append"/>); either way the indexer gives the last value, as PyYAML does.
/// </summary>
internal sealed class YamlMappingNode(int line, int column) : YamlNode(line, column)
{
    // Key → position of its last entry in Entries, so that large mappings (and duplicate checks) stay linear.
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<(string Key, int Line, YamlNode Value)> _entries = [];

    /// <summary>Entries in order (key text, key line, value).</summary>
    public IReadOnlyList<(string Key, int Line, YamlNode Value)> Entries => _entries;

    /// <summary>The value of a key (last occurrence), or null.</summary>
    public YamlNode? this[string key] => _index.TryGetValue(key, out var i) ? _entries[i].Value : null;

    /// <summary>The value of a key (last occurrence), or null.</summary>
    public YamlNode? Get(string key) => this[key];

    /// <summary>The scalar text of a key (last occurrence), or null.</summary>
    public string? GetString(string key) => this[key]?.Scalar;

    /// <summary>The value of a key's first occurrence, or null (for readers that keep repeated keys).</summary>
    public YamlNode? First(string key)
    {
        foreach (var e in _entries)
        {
            if (string.Equals(e.Key, key, StringComparison.Ordinal))
            {
                return e.Value;
            }
        }

        return null;
    }

    /// <summary>The scalar text of a key's first occurrence, or null.</summary>
    public string? FirstString(string key) => First(key)?.Scalar;

    /// <summary>Whether the key is present.</summary>
    public bool ContainsKey(string key) => _index.ContainsKey(key);

    /// <summary>The 1-based line of a key (last occurrence), or 0.</summary>
    public int KeyLine(string key) => _index.TryGetValue(key, out var i) ? _entries[i].Line : 0;

    /// <summary>Sets a key; a repeated key replaces the earlier entry's line and value in place.</summary>
    public void Set(string key, int line, YamlNode value)
    {
        if (_index.TryGetValue(key, out var i))
        {
            ExpandedSize -= _entries[i].Value.ExpandedSize;
            _entries[i] = (key, line, value);
        }
        else
        {
            _index[key] = _entries.Count;
            _entries.Add((key, line, value));
        }

        ExpandedSize = Saturate(ExpandedSize, value.ExpandedSize);
    }

    /// <summary>Appends an entry; a repeated key keeps its earlier entry and shadows it for the indexer.</summary>
    public void Append(string key, int line, YamlNode value)
    {
        _index[key] = _entries.Count;
        _entries.Add((key, line, value));
        ExpandedSize = Saturate(ExpandedSize, value.ExpandedSize);
    }
}

/// <summary>The documents of one YAML stream.</summary>
internal sealed record YamlStream(IReadOnlyList<YamlNode> Documents)
{
    /// <summary>The first document's root, or null when there is none.</summary>
    public YamlNode? Root => Documents.Count > 0 ? Documents[0] : null;

    /// <summary>The first document's root when it is a mapping.</summary>
    public YamlMappingNode? RootMapping => Root as YamlMappingNode;
}
