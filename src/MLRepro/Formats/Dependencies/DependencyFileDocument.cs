using System.Collections.Immutable;
using MLRepro.Text;

namespace MLRepro.Formats.Dependencies;

/// <summary>The file formats that declare Python/conda dependencies.</summary>
public enum DependencyFileFormat
{
    /// <summary>requirements*.txt (pip requirements file).</summary>
    Requirements,
    /// <summary>constraints*.txt (pip constraints file: versions only, installs nothing).</summary>
    Constraints,
    /// <summary>pyproject.toml.</summary>
    PyProject,
    /// <summary>setup.cfg.</summary>
    SetupCfg,
    /// <summary>setup.py, read statically.</summary>
    SetupPy,
    /// <summary>conda environment.yml / .yaml.</summary>
    CondaEnvironment,
    /// <summary>Pipfile.</summary>
    Pipfile,
    /// <summary>Pipfile.lock.</summary>
    PipfileLock,
    /// <summary>poetry.lock.</summary>
    PoetryLock,
    /// <summary>uv.lock.</summary>
    UvLock,
    /// <summary>pdm.lock.</summary>
    PdmLock,
    /// <summary>conda-lock.yml.</summary>
    CondaLock,
    /// <summary>A shell script with `pip install` commands.</summary>
    ShellScript,
    /// <summary>A Dockerfile's `RUN pip install` commands.</summary>
    Dockerfile,
    /// <summary>cog.yaml's python_packages and python_requirements.</summary>
    Cog,
    /// <summary>An Apptainer/Singularity definition's %post pip installs.</summary>
    Apptainer,
}

/// <summary>One file that declares dependencies, as parsed.</summary>
/// <param name="Path">Repository-relative path.</param>
/// <param name="Format">Which format.</param>
/// <param name="Dependencies">Declared dependencies in file order.</param>
/// <param name="Includes">Other dependency files this one pulls in (-r, -c, `pip install -r`), repo-relative when inside the repo.</param>
/// <param name="Options">pip options and other settings as written (--index-url …, channels for conda).</param>
/// <param name="RequiresPython">The Python requirement declared here, if any.</param>
/// <param name="EnvironmentName">A conda environment's name.</param>
/// <param name="Diagnostics">Problems met while parsing.</param>
public sealed record DependencyFileDocument(
    string Path,
    DependencyFileFormat Format,
    ImmutableArray<Dependency> Dependencies,
    ImmutableArray<string> Includes,
    ImmutableArray<string> Options,
    string? RequiresPython,
    string? EnvironmentName,
    ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>Whether the file's format records exact versions by construction.</summary>
    public bool IsLock => Format is DependencyFileFormat.PipfileLock or DependencyFileFormat.PoetryLock or DependencyFileFormat.UvLock or DependencyFileFormat.PdmLock or DependencyFileFormat.CondaLock;
}
