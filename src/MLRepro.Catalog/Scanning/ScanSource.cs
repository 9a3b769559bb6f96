using System.Text.RegularExpressions;

namespace MLRepro.Catalog.Scanning;

/// <summary>What a scan input names: a local folder, or a git URL to clone (with its transport).</summary>
/// <param name="Input">The input as given.</param>
/// <param name="Canonical">The catalog's source key: a full local path, or the URL without credentials, query or fragment.</param>
/// <param name="IsRemote">Whether it must be cloned.</param>
/// <param name="Protocol">The transport: "local", "https", "http", "ssh", "git" or "file".</param>
/// <param name="Owner">Owner parsed from a forge URL ("owner/repo" paths), else null.</param>
/// <param name="Repo">Repository name parsed from the URL, else null.</param>
public sealed partial record ScanSource(string Input, string Canonical, bool IsRemote, string Protocol, string? Owner, string? Repo)
{
    /// <summary>Transports allowed unless widened with --allow-protocol.</summary>
    public static IReadOnlySet<string> DefaultProtocols { get; } = new HashSet<string>(StringComparer.Ordinal) { "https", "file" };

    /// <summary>Transports that may be allowed at all; ext:: (runs a command) and the like never are.</summary>
    public static IReadOnlySet<string> KnownProtocols { get; } = new HashSet<string>(StringComparer.Ordinal) { "https", "http", "ssh", "git", "file" };

    /// <summary>Classifies an input; returns null with a reason when it is refused.</summary>
    public static ScanSource? Parse(string input, IReadOnlySet<string> allowed, out string? reason)
    {
        reason = null;
        var s = input.Trim();
        if (s.Length == 0)
        {
            reason = "empty input";
            return null;
        }

        // "-…" would be read by git as an option; "ext::cmd" and other "<transport>::<address>" forms run helpers.
        if (s.StartsWith('-'))
        {
            reason = "refused: input starts with '-'";
            return null;
        }

        if (TransportHelper().IsMatch(s))
        {
            reason = $"refused: the '{s[..s.IndexOf("::", StringComparison.Ordinal)]}::' transport is never allowed";
            return null;
        }

        string protocol;
        string canonical;
        if (s.Contains("://", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(s, UriKind.Absolute, out var uri))
            {
                reason = "not a valid URL";
                return null;
            }

            protocol = uri.Scheme.ToLowerInvariant();
            if (!KnownProtocols.Contains(protocol))
            {
                reason = $"refused: protocol '{protocol}' is not supported";
                return null;
            }

            canonical = protocol == "file"
                ? "file://" + uri.AbsolutePath
                : $"{protocol}://{uri.Host}{(uri.IsDefaultPort ? string.Empty : ":" + uri.Port)}{uri.AbsolutePath}";
        }
        else if (ScpLike().Match(s) is { Success: true } m && !Directory.Exists(s))
        {
            protocol = "ssh";
            canonical = $"ssh://{m.Groups["host"].Value}/{m.Groups["path"].Value.TrimStart('/')}";
            s = canonical;
        }
        else
        {
            var full = Path.GetFullPath(s);
            if (!Directory.Exists(full))
            {
                reason = $"no such folder: {s}";
                return null;
            }

            return new ScanSource(input, full.TrimEnd('/'), false, "local", null, null);
        }

        if (!allowed.Contains(protocol))
        {
            reason = $"refused: protocol '{protocol}' is not allowed (allowed: {string.Join(", ", allowed.Order(StringComparer.Ordinal))}; widen with --allow-protocol)";
            return null;
        }

        var trimmed = canonical.TrimEnd('/');
        if (trimmed.EndsWith(".git", StringComparison.Ordinal))
        {
            trimmed = trimmed[..^4];
        }

        string? owner = null;
        string? repo = null;
        if (protocol != "file")
        {
            var path = new Uri(trimmed).AbsolutePath.Trim('/').Split('/');
            if (path.Length >= 2)
            {
                owner = Uri.UnescapeDataString(path[^2]);
                repo = Uri.UnescapeDataString(path[^1]);
            }
        }

        return new ScanSource(input, canonical, true, protocol, owner, repo);
    }

    /// <summary>The display name: "owner/repo" for forge URLs, else the last path segment.</summary>
    public string DisplayName =>
        Owner is not null && Repo is not null
            ? Owner + "/" + Repo
            : Path.GetFileName(Canonical.TrimEnd('/')) is { Length: > 0 } n ? (n.EndsWith(".git", StringComparison.Ordinal) ? n[..^4] : n) : Canonical;

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.-]*::")]
    private static partial Regex TransportHelper();

    // scp-like "user@host:path" or "host.domain:path"; a bare "word:…" is not taken for a host.
    [GeneratedRegex(@"^(?:[A-Za-z0-9._-]+@(?<host>[A-Za-z0-9.-]+)|(?<host>[A-Za-z0-9-]+\.[A-Za-z0-9.-]+)):(?<path>[^/\\].*)$")]
    private static partial Regex ScpLike();
}
