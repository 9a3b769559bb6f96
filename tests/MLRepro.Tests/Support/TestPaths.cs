namespace MLRepro.Tests.Support;

/// <summary>Locates the repository (fixtures are read in place, never copied to the output folder).</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> s_root = new(() =>
    {
        for (var d = AppContext.BaseDirectory; d is not null; d = Path.GetDirectoryName(d))
        {
            if (File.Exists(Path.Combine(d, "mlrepro.slnx")))
            {
                return d;
            }
        }

        throw new InvalidOperationException("mlrepro.slnx not found above the test binaries");
    });

    /// <summary>The repository root.</summary>
    public static string RepoRoot => s_root.Value;

    /// <summary>The fixtures folder of this test project.</summary>
    public static string Fixtures => Path.Combine(RepoRoot, "tests", "MLRepro.Tests", "Fixtures");

    /// <summary>The examples folder.</summary>
    public static string Examples => Path.Combine(RepoRoot, "examples");

    /// <summary>Whether to rewrite golden files instead of comparing (MLREPRO_UPDATE_GOLDEN=1).</summary>
    public static bool UpdateGolden => Environment.GetEnvironmentVariable("MLREPRO_UPDATE_GOLDEN") == "1";
}
