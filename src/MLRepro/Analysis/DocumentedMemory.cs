using System.Globalization;
using System.Text.RegularExpressions;

namespace MLRepro.Analysis;

/// <summary>
/// A main-memory (RAM) need stated in prose ("~200GB RAM is required", "RAM: 208GB", "at least 64 GB of RAM"). One rule for the
/// two checks that read it: env.hardware (a large-memory machine is special hardware) and data.pipeline (such a project is
/// resource-intensive). GPU memory is left to the GPU rules.
/// </summary>
public static partial class DocumentedMemory
{
    /// <summary>Least main memory, in GB, that counts as large: more than a common workstation or laptop has.</summary>
    public const int LargeHostMemoryGb = 32;

    /// <summary>The first statement in <paramref name="text"/> of a main-memory need of at least <see cref="LargeHostMemoryGb"/> GB, or null.</summary>
    public static Match? LargeHostMemory(string text) =>
        HostMemory().Matches(text).FirstOrDefault(m => int.TryParse(m.Groups["gb"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var gb) && gb >= LargeHostMemoryGb);

    [GeneratedRegex(@"(?<![\w.])(?<gb>[0-9]{2,4})\s?GB\s+(?:of\s+)?(?:RAM|system memory|main memory|host memory|CPU memory)\b|\bRAM\s*[:=]?\s*(?:~|about\s+|at least\s+)?(?<gb>[0-9]{2,4})\s?GB\b", RegexOptions.IgnoreCase)]
    private static partial Regex HostMemory();
}
