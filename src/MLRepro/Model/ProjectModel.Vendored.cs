namespace MLRepro.Model;

public sealed partial class ProjectModel
{
    private Lazy<IReadOnlyList<string>>? _vendoredPackages;

    /// <summary>
    /// Folders below the root that hold a copy of another distributable project: a packaging file (setup.py, setup.cfg,
    /// pyproject.toml) beside a licence (LICENSE*, COPYING*), as when a paper's repository ships a baseline library's whole
    /// source tree (CTGAN/CTGAN/ with its setup.py, tests and demo). Their demos, tests and download helpers are the other
    /// project's, not this project's data or entry points. Ordinal order; never the root itself.
    /// </summary>
    public IReadOnlyList<string> VendoredPackages => Lazily(ref _vendoredPackages, () =>
    {
        var packaging = new HashSet<string>(StringComparer.Ordinal);
        var licensed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in Index.Files)
        {
            var slash = f.Path.LastIndexOf('/');
            if (slash < 0)
            {
                continue;
            }

            var dir = f.Path[..slash];
            var name = f.Path[(slash + 1)..];
            if (name is "setup.py" or "setup.cfg" or "pyproject.toml")
            {
                packaging.Add(dir);
            }
            else if (name.StartsWith("LICENSE", StringComparison.OrdinalIgnoreCase) || name.StartsWith("LICENCE", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("COPYING", StringComparison.OrdinalIgnoreCase))
            {
                licensed.Add(dir);
            }
        }

        return [.. packaging.Where(licensed.Contains).Where(d => !d.Split('/').Any(s => s.StartsWith('.'))).Order(StringComparer.Ordinal)];
    });

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
