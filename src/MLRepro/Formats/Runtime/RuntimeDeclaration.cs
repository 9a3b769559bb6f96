namespace MLRepro.Formats.Runtime;

/// <summary>Where a Python version was declared.</summary>
public enum RuntimeSource
{
    /// <summary>.python-version (pyenv, uv), or the python entry of a version manager's tool file (asdf .tool-versions, mise.toml).</summary>
    PythonVersionFile,
    /// <summary>runtime.txt (Heroku, repo2docker): "python-3.10.12".</summary>
    RuntimeTxt,
    /// <summary>requires-python / python_requires / Poetry python / Pipfile [requires].</summary>
    RequiresPython,
    /// <summary>A conda "python=3.10" spec.</summary>
    Conda,
    /// <summary>A container base image (FROM python:3.11-slim), cog python_version, devcontainer feature.</summary>
    Container,
    /// <summary>tox.ini envlist.</summary>
    Tox,
    /// <summary>noxfile.py session python=[…].</summary>
    Nox,
    /// <summary>GitHub Actions python-version.</summary>
    GitHubActions,
}

/// <summary>One declaration of the Python version a project runs on.</summary>
/// <param name="Path">Repository-relative path.</param>
/// <param name="Line">1-based line (0 when unknown).</param>
/// <param name="Source">What kind of declaration.</param>
/// <param name="Version">The version or constraint text as written ("3.10.12", "&gt;=3.9", "3.11").</param>
/// <param name="IsExact">Whether it names one exact release (three components, no operator other than ==).</param>
public sealed record RuntimeDeclaration(string Path, int Line, RuntimeSource Source, string Version, bool IsExact)
{
    /// <summary>Whether a version text names one exact release: "3.10.12" or "==3.10.12".</summary>
    public static bool IsExactVersion(string version)
    {
        var v = version.Trim();
        if (v.StartsWith("==", StringComparison.Ordinal))
        {
            v = v.TrimStart('=');
        }
        else if (v.Length > 0 && !char.IsAsciiDigit(v[0]))
        {
            return false;
        }

        var parts = v.Split('.');
        return parts.Length >= 3 && parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit));
    }
}
