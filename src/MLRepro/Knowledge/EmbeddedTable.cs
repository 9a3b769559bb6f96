using System.Reflection;

namespace MLRepro.Knowledge;

/// <summary>Reads the tab-separated tables embedded from src/MLRepro/Knowledge (lines starting with # are comments).</summary>
internal static class EmbeddedTable
{
    /// <summary>The non-comment rows of an embedded file, split on tabs.</summary>
    public static IReadOnlyList<string[]> Rows(string fileName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("MLRepro.Knowledge." + fileName)
            ?? throw new InvalidOperationException($"embedded table {fileName} is missing from the build");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            rows.Add(line.Split('\t'));
        }

        return rows;
    }
}
