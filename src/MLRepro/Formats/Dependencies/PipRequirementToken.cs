using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace MLRepro.Formats.Dependencies;

/// <summary>
/// Reads what pip accepts where a requirement is expected: a PEP 508 string, a URL or VCS reference
/// (git+https://…@tag#egg=name), a wheel/sdist file name or a local path.
/// </summary>
public static partial class PipRequirementToken
{
    /// <summary>Parses one requirement token into a dependency; null with a reason when no package name can be found.</summary>
    public static Dependency? Parse(string text, string path, int line, DependencyKind kind, bool hasHashes, string? group, out string? error)
    {
        error = null;
        var t = text.Trim();
        if (t.Length == 0)
        {
            error = "empty requirement";
            return null;
        }

        if (LooksLikeUrlOrPath(t))
        {
            var url = t;
            var marker = (string?)null;
            var semi = t.IndexOf(" ;", StringComparison.Ordinal);
            if (semi > 0)
            {
                marker = t[(semi + 2)..].Trim();
                url = t[..semi].Trim();
            }

            var name = EggRegex().Match(url) is { Success: true } m ? m.Groups[1].Value
                : WheelRegex().Match(url) is { Success: true } w ? w.Groups[1].Value
                : VcsRepoRegex().Match(url) is { Success: true } v ? v.Groups[1].Value
                : null;
            if (name is null)
            {
                error = $"'{RequirementSpec.Clip(url)}' names no package (add #egg=name or use 'name @ url')";
                return null;
            }

            var extras = ImmutableArray<string>.Empty;
            var br = name.IndexOf('[');
            if (br > 0)
            {
                extras = [.. name[(br + 1)..].TrimEnd(']').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Dependency.Normalize).Order(StringComparer.Ordinal)];
                name = name[..br];
            }

            var version = WheelRegex().Match(url) is { Success: true } w2 ? w2.Groups[2].Value : null;
            var pinned = version is not null || Dependency.IsPinnedVcsUrl(url);
            return new Dependency(Dependency.Normalize(name), name, extras, version is null ? null : "==" + version, version, pinned, hasHashes, marker, path, line, kind, "pypi", url, group);
        }

        var spec = RequirementSpec.Parse(t, out error);
        return spec?.ToDependency(path, line, kind, hasHashes, group);
    }

    /// <summary>Whether a token is a URL, VCS reference, archive or local path rather than a PEP 508 name.</summary>
    public static bool LooksLikeUrlOrPath(string t) => !NameAtUrl().IsMatch(t) && (
        t.Contains("://", StringComparison.Ordinal) || t.StartsWith("git+", StringComparison.Ordinal) || t.StartsWith("hg+", StringComparison.Ordinal)
        || t.StartsWith("svn+", StringComparison.Ordinal) || t.StartsWith("bzr+", StringComparison.Ordinal) || t.StartsWith('.') || t.StartsWith('/') || t.StartsWith('~')
        || t.EndsWith(".whl", StringComparison.OrdinalIgnoreCase) || t.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) || t.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)
        || (t.Contains('/') && !t.Contains('@') && !t.Contains(';')));

    // PEP 508 direct reference: "name[extras] @ url".
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*\s*(\[[^\]]*\])?\s*@\s*\S")]
    private static partial Regex NameAtUrl();

    [GeneratedRegex(@"[#&]egg=([A-Za-z0-9][A-Za-z0-9._\-\[\],]*)")]
    private static partial Regex EggRegex();

    // A VCS URL without #egg= (git+https://github.com/huggingface/peft.git): pip reads the name from the package's
    // metadata, which almost always matches the repository name.
    [GeneratedRegex(@"^(?:git|hg|svn|bzr)\+[a-z]+://[^#?]*/([A-Za-z0-9][A-Za-z0-9._-]*?)(?:\.git)?(?:@[^/#?]*)?/?(?:[#?].*)?$")]
    private static partial Regex VcsRepoRegex();

    // name-version(-build)?-python-abi-platform.whl, or name-version.tar.gz/.zip
    [GeneratedRegex(@"(?:^|/)([A-Za-z0-9][A-Za-z0-9_.]*?)-(\d[A-Za-z0-9_.+!]*?)(?:-[^/]*)?\.(?:whl|tar\.gz|zip)(?:[#?].*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex WheelRegex();
}
