namespace MLRepro.Indexing;

/// <summary>Facts about the git work tree that holds the indexed folder.</summary>
/// <param name="WorkTreeRoot">Absolute path of the work tree's top folder.</param>
/// <param name="Head">HEAD commit id, or null in a repository without commits.</param>
/// <param name="Branch">Current branch, or null when detached.</param>
/// <param name="IsDirty">Whether tracked files differ from HEAD.</param>
/// <param name="RemoteUrl">The origin remote's URL with any credentials removed, or null.</param>
public sealed record GitFacts(string WorkTreeRoot, string? Head, string? Branch, bool IsDirty, string? RemoteUrl)
{
    /// <summary>Removes user info (tokens, passwords) from a remote URL: https://user:tok@host/x → https://host/x.</summary>
    public static string StripCredentials(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return url; // scp-like "git@host:path" names a user but carries no secret.
        }

        var hostStart = scheme + 3;
        var slash = url.IndexOf('/', hostStart);
        var authorityEnd = slash < 0 ? url.Length : slash;
        var at = url.LastIndexOf('@', authorityEnd - 1, authorityEnd - hostStart);
        return at < 0 ? url : string.Concat(url.AsSpan(0, hostStart), url.AsSpan(at + 1));
    }
}
