namespace MLRepro.Knowledge;

/// <summary>A well-known public dataset and the approximate size a training run downloads (datasets.tsv).</summary>
/// <param name="Key">The table's key (coco, imagenet, stl10).</param>
/// <param name="Name">The name to show (COCO, STL-10).</param>
/// <param name="Bytes">Approximate download size of the training (and validation) data.</param>
/// <param name="What">What the bytes are (the archive names and their sizes).</param>
public sealed record WellKnownDataset(string Key, string Name, long Bytes, string What);

/// <summary>
/// Well-known datasets by the names projects use for them: dataset strings in configs and option defaults
/// ("coco", "config/coco.data", "img_align_celeba") and loader classes (torchvision.datasets.STL10).
/// </summary>
public static class WellKnownDatasets
{
    private static readonly Lazy<Dictionary<string, WellKnownDataset>> s_byName = new(() =>
    {
        var map = new Dictionary<string, WellKnownDataset>(StringComparer.Ordinal);
        foreach (var r in KnowledgeTable.Read("datasets.tsv").Where(r => r.Length >= 5))
        {
            var d = new WellKnownDataset(r[0], r[1], long.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture), r[4]);
            foreach (var name in r[2].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                map.TryAdd(name, d);
            }
        }

        return map;
    });

    /// <summary>
    /// The dataset a name stands for: the name's file stem (config/coco.data → coco; coco/2017 → coco), normalized to lower-case
    /// letters and digits, matched exactly or followed by a year or version (coco2017, voc2012). Null when unknown.
    /// </summary>
    public static WellKnownDataset? Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength)
        {
            return null;
        }

        var trimmed = name.Trim().TrimEnd('/', '\\');
        var parts = trimmed.Split('/', '\\', ':');

        // "coco/2017" (TFDS) names the dataset before its version; "data/coco.yaml" names it in the file stem.
        foreach (var part in Enumerable.Reverse(parts))
        {
            var stem = part.Contains('.', StringComparison.Ordinal) ? part[..part.IndexOf('.', StringComparison.Ordinal)] : part;
            var key = new string([.. stem.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);
            if (key.Length == 0 || key.All(char.IsAsciiDigit))
            {
                continue;
            }

            if (s_byName.Value.TryGetValue(key, out var d) || s_byName.Value.TryGetValue(key.TrimEnd("0123456789".ToCharArray()), out d))
            {
                return d;
            }

            return null;
        }

        return null;
    }

    /// <summary>Names longer than this are sentences or paths of no interest.</summary>
    private const int MaxNameLength = 200;
}
