namespace MLRepro.Knowledge;

/// <summary>
/// Python distributions that only the operating system installs (os-packages.tsv): a `pip freeze` of an Ubuntu or Debian
/// system Python lists them (python-apt==1.4.1, unattended-upgrades==0.1), but pip cannot install them from PyPI.
/// </summary>
public static class OsPackages
{
    private static readonly Lazy<Dictionary<string, string>> s_table = new(() =>
        KnowledgeTable.Read("os-packages.tsv").Where(r => r.Length >= 2)
            .ToDictionary(r => Formats.Dependencies.Dependency.Normalize(r[0]), r => r[1], StringComparer.Ordinal));

    /// <summary>Why pip cannot install the distribution, or null when it is an ordinary PyPI package.</summary>
    public static string? WhyNotInstallable(string name) => s_table.Value.GetValueOrDefault(Formats.Dependencies.Dependency.Normalize(name));
}
