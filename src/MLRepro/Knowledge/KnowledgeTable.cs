using System.Reflection;

namespace MLRepro.Knowledge;

/// <summary>Reads the tab-separated tables embedded as resources "MLRepro.Knowledge.&lt;file&gt;".</summary>
internal static class KnowledgeTable
{
    /// <summary>Rows of a TSV resource, comments ('#') and blank lines skipped.</summary>
    public static IEnumerable<string[]> Read(string fileName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("MLRepro.Knowledge." + fileName)
            ?? throw new InvalidOperationException($"embedded resource MLRepro.Knowledge.{fileName} is missing");
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
