using System.Text.RegularExpressions;

namespace MLRepro.Formats.Containers;

/// <summary>Splits image references and reads CUDA, cuDNN and Python versions from well-known image names.</summary>
public static partial class ImageReferenceParser
{
    /// <summary>Parses "registry/repo:tag@sha256:…" into a <see cref="ContainerImage"/>.</summary>
    public static ContainerImage Parse(string reference, int line, string? stageName = null, bool isStageReference = false)
    {
        var r = reference.Trim();
        string? digest = null;
        var at = r.IndexOf('@');
        if (at >= 0)
        {
            digest = r[(at + 1)..];
            r = r[..at];
        }

        string? tag = null;
        var colon = r.LastIndexOf(':');
        if (colon > r.LastIndexOf('/'))
        {
            tag = r[(colon + 1)..];
            r = r[..colon];
        }

        var repo = r;
        var name = repo.ToLowerInvariant();
        var t = tag?.ToLowerInvariant() ?? string.Empty;
        var unpinned = !isStageReference && name != "scratch" && digest is null && (tag is null || t == "latest") && !repo.Contains('$');
        string? cuda = null;
        string? cudnn = null;
        string? python = null;
        var gpu = false;

        if (!isStageReference)
        {
            if (CudaTag().Match(t) is { Success: true } m)
            {
                cuda = m.Groups[1].Value;
                gpu = true;
            }
            else if (name.EndsWith("nvidia/cuda", StringComparison.Ordinal) && LeadingVersion().Match(t) is { Success: true } lv)
            {
                cuda = lv.Value;
                gpu = true;
            }

            if (Cudnn().Match(t) is { Success: true } c)
            {
                cudnn = c.Groups[1].Value;
            }

            if (name.EndsWith("nvidia/cuda", StringComparison.Ordinal) || name.StartsWith("nvcr.io/", StringComparison.Ordinal) || t.Contains("gpu", StringComparison.Ordinal)
                || name.Contains("cuda", StringComparison.Ordinal) || t.Contains("cuda", StringComparison.Ordinal))
            {
                gpu = true;
            }

            if (name is "python" or "library/python" or "docker.io/python" or "docker.io/library/python" || name.EndsWith("/python", StringComparison.Ordinal))
            {
                python = LeadingVersion().Match(t) is { Success: true } pv ? pv.Value : null;
            }
            else if (PyTag().Match(t) is { Success: true } py)
            {
                // "…-py3.10", "py310"; NGC's "23.10-py3" names only the major version.
                python = py.Groups[1].Value.Contains('.') ? py.Groups[1].Value : py.Groups[1].Value.Length >= 3 ? py.Groups[1].Value[0] + "." + py.Groups[1].Value[1..] : null;
            }
        }

        return new ContainerImage(reference.Trim(), repo, tag, digest, stageName, line, isStageReference, unpinned, cuda, cudnn, python, gpu);
    }

    [GeneratedRegex(@"cuda-?(\d+(?:\.\d+){0,2})")]
    private static partial Regex CudaTag();

    [GeneratedRegex(@"cudnn-?(\d+)")]
    private static partial Regex Cudnn();

    [GeneratedRegex(@"^\d+(?:\.\d+){0,2}")]
    private static partial Regex LeadingVersion();

    [GeneratedRegex(@"(?:^|[-_])py(?:thon)?(\d+(?:\.\d+)?)(?:$|[-_])")]
    private static partial Regex PyTag();
}
