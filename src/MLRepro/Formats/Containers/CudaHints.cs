using System.Text.RegularExpressions;
using MLRepro.Formats.Dependencies;

namespace MLRepro.Formats.Containers;

/// <summary>
/// CUDA versions implied by how PyTorch-style wheels are chosen: a "+cu118" local version or a
/// download.pytorch.org/whl/cu121 index URL. Used where no base image states the CUDA version.
/// </summary>
public static partial class CudaHints
{
    /// <summary>The CUDA version ("11.8", "12.1") implied by a text, or null.</summary>
    public static string? FromText(string? text)
    {
        if (text is null || CuTag().Match(text) is not { Success: true } m)
        {
            return null;
        }

        var digits = m.Groups[1].Value;
        // cu118 → 11.8, cu92 → 9.2, cu121 → 12.1
        return digits.Length == 2 ? digits[0] + "." + digits[1] : digits[..^1] + "." + digits[^1];
    }

    /// <summary>The first CUDA version implied by install commands' packages and options.</summary>
    public static string? FromInstalls(IEnumerable<PipInstallCommand> commands)
    {
        foreach (var c in commands)
        {
            foreach (var text in c.Packages.Select(p => p.Specifier).Concat(c.Options))
            {
                if (FromText(text) is { } v)
                {
                    return v;
                }
            }
        }

        return null;
    }

    // "+cu118", "/whl/cu121", "cuda11x" is not a CUDA tag of this form.
    [GeneratedRegex(@"(?:\+|/whl/|/)cu(\d{2,3})(?![0-9])")]
    private static partial Regex CuTag();
}
