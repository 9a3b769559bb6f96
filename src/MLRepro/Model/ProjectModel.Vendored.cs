namespace MLRepro.Model;

public sealed partial class ProjectModel
{
    private Lazy<IReadOnlyList<string>>? _vendoredPackages;

    /// <summary>
    /// Folders below the root that hold a copy of another project: a licence file of their own (LICENSE, LICENCE, COPYING) and
    /// Python code, as when a paper's repository ships a baseline's whole source tree (CTGAN/CTGAN/ with its setup.py, tests and
    /// demo; CTAB-GAN/ with its own licence). Their demos, tests, literals and download helpers are the other project's, not this
    /// project's data, parameters or entry points. Data and weight folders are never counted: a dataset ships its licence
    /// (data/LICENSE) without becoming someone else's code. Ordinal order; never the root itself.
    /// </summary>
    public IReadOnlyList<string> VendoredPackages => Lazily(ref _vendoredPackages, () =>
    {
        var licensed = Analysis.ConfigAnalysis.VendoredRoots(Index.Files.Select(f => f.Path));
        var withCode = licensed.Where(d => !d.Split('/').Any(s => s.StartsWith('.') || NotCodeFolders.Contains(s.ToLowerInvariant()))
            && Index.Files.Any(f => f.Extension == ".py" && f.Path.StartsWith(d + "/", StringComparison.Ordinal)));
        return [.. withCode.Order(StringComparer.Ordinal)];
    });

    /// <summary>Folders that hold data or weights, whose licence file is the data's.</summary>
    private static readonly HashSet<string> NotCodeFolders = new(StringComparer.Ordinal)
    {
        "data", "dataset", "datasets", "input", "inputs", "raw", "corpus", "assets", "weights", "models", "checkpoints", "pretrained",
    };

    /// <summary>Whether a path lies inside a <see cref="VendoredPackages"/> folder.</summary>
    public bool IsVendoredPackagePath(string path)
    {
        foreach (var v in VendoredPackages)
        {
            if (path.Length > v.Length && path[v.Length] == '/' && path.StartsWith(v, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
