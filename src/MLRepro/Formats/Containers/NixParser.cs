using System.Text.RegularExpressions;
using MLRepro.Text;

namespace MLRepro.Formats.Containers;

/// <summary>
/// Detects Nix environments (flake.nix, shell.nix, default.nix). Nix is a language; it is never evaluated.
/// A light scan notes the Python attribute used (python311 → 3.11) and CUDA packages.
/// </summary>
public static partial class NixParser
{
    /// <summary>Reads what can be seen without evaluating.</summary>
    public static ContainerDocument Parse(SourceText source)
    {
        string? python = null;
        int? pythonLine = null;
        var gpu = false;
        int? gpuLine = null;
        if (PythonAttr().Match(source.Text) is { Success: true } m)
        {
            python = "3." + m.Groups[1].Value;
            pythonLine = source.GetPosition(m.Index).Line;
        }

        if (Cuda().Match(source.Text) is { Success: true } c)
        {
            gpu = true;
            gpuLine = source.GetPosition(c.Index).Line;
        }

        return new ContainerDocument(source.Path, ContainerKind.Nix, [], gpu, gpuLine, null, python, [], [], [], [], null, pythonLine);
    }

    [GeneratedRegex(@"\bpython3(\d{1,2})(?:Packages|Full|\b)")]
    private static partial Regex PythonAttr();

    [GeneratedRegex(@"\bcuda(?:Packages|toolkit|Support\s*=\s*true)")]
    private static partial Regex Cuda();
}
