using AwesomeAssertions;

namespace MLRepro.Tests.Support;

/// <summary>Golden files: compare output with a committed file; MLREPRO_UPDATE_GOLDEN=1 rewrites it (review the diff).</summary>
internal static class Golden
{
    public static void Verify(string relativePath, string actual)
    {
        var path = Path.Combine(TestPaths.Fixtures, "Golden", relativePath);
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (TestPaths.UpdateGolden)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        File.Exists(path).Should().BeTrue($"golden file {relativePath} exists (run with MLREPRO_UPDATE_GOLDEN=1 to create it)");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        actual.Should().Be(expected, $"output matches golden file {relativePath}");
    }
}
