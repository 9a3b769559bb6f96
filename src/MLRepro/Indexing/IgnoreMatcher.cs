using MAB.DotIgnore;

namespace MLRepro.Indexing;

/// <summary>
/// Applies .gitignore rules per folder when the project is not a git work tree (a downloaded archive,
/// a copied folder). A path is ignored when the rules of any folder above it ignore it, or when one of its
/// parent folders is ignored (git cannot re-include a file of an ignored folder either).
/// </summary>
internal sealed class IgnoreMatcher
{
    private readonly Dictionary<string, IgnoreList> _lists = new(StringComparer.Ordinal);
    private readonly string _root;

    public IgnoreMatcher(string root)
    {
        _root = root;
    }

    /// <summary>Registers the .gitignore of a folder as the walk enters it.</summary>
    public void Enter(string fullDir, string relDir)
    {
        var file = Path.Combine(fullDir, ".gitignore");
        if (!File.Exists(file) || new FileInfo(file).LinkTarget is not null)
        {
            return;
        }

        try
        {
            var lines = File.ReadAllLines(file);
            lock (_lists)
            {
                _lists[relDir] = new IgnoreList(lines);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // An unreadable or malformed .gitignore ignores nothing.
        }
    }

    /// <summary>Whether a relative file path is ignored.</summary>
    public bool IsIgnored(string rel)
    {
        var parts = rel.Split('/');
        // A parent folder ignored ignores everything under it.
        for (var i = 1; i < parts.Length; i++)
        {
            if (Matches(string.Join('/', parts, 0, i), isDir: true))
            {
                return true;
            }
        }

        return Matches(rel, isDir: false);
    }

    private bool Matches(string rel, bool isDir)
    {
        var dir = string.Empty;
        var slash = -1;
        do
        {
            if (_lists.TryGetValue(dir, out var list))
            {
                var sub = dir.Length == 0 ? rel : rel[(dir.Length + 1)..];
                if (list.IsIgnored(sub, isDir))
                {
                    return true;
                }
            }

            slash = rel.IndexOf('/', slash + 1);
            if (slash < 0)
            {
                break;
            }

            dir = rel[..slash];
        }
        while (true);

        _ = _root;
        return false;
    }
}
