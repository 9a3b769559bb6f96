using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace MLRepro.Formats.Dependencies;

/// <summary>Where a dependency was declared, which says how much its version can be trusted.</summary>
public enum DependencyKind
{
    /// <summary>A hand-written manifest: requirements.txt, pyproject.toml, setup.cfg, setup.py, Pipfile.</summary>
    Manifest,
    /// <summary>A machine-written lock file: poetry.lock, uv.lock, pdm.lock, Pipfile.lock, conda-lock.yml.</summary>
    Lock,
    /// <summary>A `pip install …` command in a shell script, Dockerfile or notebook.</summary>
    InstallCommand,
    /// <summary>A conda environment file (environment.yml) entry.</summary>
    Conda,
}

/// <summary>One declared dependency, from any format, with its source location.</summary>
/// <param name="Name">Normalized name (PEP 503: lower case, runs of '-', '_', '.' become '-').</param>
/// <param name="RawName">The name as written.</param>
/// <param name="Extras">Extras requested ("[cuda,tests]"), normalized, sorted.</param>
/// <param name="Specifier">Version specifier text as written ("&gt;=1.2,&lt;2"), or null.</param>
/// <param name="ExactVersion">The version when pinned exactly (== or === without a wildcard, a lock entry).</param>
/// <param name="IsPinned">Whether the version is fixed: an exact version, or a VCS URL at a fixed ref.</param>
/// <param name="HasHashes">Whether hashes accompany it (--hash, lock hashes).</param>
/// <param name="Marker">Environment marker text ("python_version &lt; '3.10'"), or null.</param>
/// <param name="Path">Repository-relative path of the declaring file.</param>
/// <param name="Line">1-based line of the declaration (0 when unknown).</param>
/// <param name="Kind">Manifest, lock, install command or conda.</param>
/// <param name="Ecosystem">"pypi" or "conda".</param>
/// <param name="Url">Direct URL, local path or VCS URL, when given instead of a version.</param>
/// <param name="Group">Optional group: an extra, a dependency group, "dev", a conda channel prefix…</param>
public sealed partial record Dependency(
    string Name,
    string RawName,
    ImmutableArray<string> Extras,
    string? Specifier,
    string? ExactVersion,
    bool IsPinned,
    bool HasHashes,
    string? Marker,
    string Path,
    int Line,
    DependencyKind Kind,
    string Ecosystem,
    string? Url = null,
    string? Group = null)
{
    /// <summary>PEP 503 normalization: lower case, runs of '-', '_' and '.' collapsed to one '-'.</summary>
    public static string Normalize(string name) => NormalizeRegex().Replace(name.Trim(), "-").ToLowerInvariant();

    /// <summary>
    /// The exact version a specifier pins, or null: "==1.2.3" and "===1.2.3" pin, "==1.2.*" and ranges do not,
    /// nor does a specifier with several clauses unless one of them is an exact pin.
    /// </summary>
    public static string? ExactVersionOf(string? specifier)
    {
        if (string.IsNullOrWhiteSpace(specifier))
        {
            return null;
        }

        foreach (var clause in specifier.Split(','))
        {
            var c = clause.Trim();
            var v = c.StartsWith("===", StringComparison.Ordinal) ? c[3..] : c.StartsWith("==", StringComparison.Ordinal) ? c[2..] : null;
            if (v is null)
            {
                continue;
            }

            v = v.Trim();
            if (v.Length > 0 && !v.Contains('*', StringComparison.Ordinal))
            {
                return v;
            }
        }

        return null;
    }

    /// <summary>Whether a VCS URL names a fixed revision (a full 40-hex commit id after '@').</summary>
    public static bool IsPinnedVcsUrl(string? url) => url is not null && CommitRefRegex().IsMatch(url);

    [GeneratedRegex("[-_.]+")]
    private static partial Regex NormalizeRegex();

    [GeneratedRegex(@"@[0-9a-fA-F]{40}(?:[#?]|$)")]
    private static partial Regex CommitRefRegex();
}
