using System.Collections.Immutable;
using MLRepro.Formats.Dependencies;
using MLRepro.Text;

namespace MLRepro.Formats.Containers;

/// <summary>What kind of environment definition a file is.</summary>
public enum ContainerKind
{
    /// <summary>A Dockerfile (or Containerfile).</summary>
    Dockerfile,
    /// <summary>docker-compose.yml / compose.yaml.</summary>
    Compose,
    /// <summary>.devcontainer/devcontainer.json.</summary>
    Devcontainer,
    /// <summary>Replicate's cog.yaml.</summary>
    Cog,
    /// <summary>An Apptainer/Singularity definition file (.def).</summary>
    Apptainer,
    /// <summary>A Nix file (flake.nix, shell.nix, default.nix): detected, not evaluated.</summary>
    Nix,
    /// <summary>Binder / repo2docker configuration (binder/ folder or root repo2docker files).</summary>
    Binder,
}

/// <summary>A container image reference (FROM line, compose image, devcontainer image…).</summary>
/// <param name="Reference">The reference as written, with literal ARG defaults substituted.</param>
/// <param name="Repository">Registry and repository ("nvidia/cuda", "ghcr.io/org/img").</param>
/// <param name="Tag">Tag, or null when untagged.</param>
/// <param name="Digest">"sha256:…" digest, or null.</param>
/// <param name="StageName">Multi-stage name ("AS builder"), or null.</param>
/// <param name="Line">1-based line.</param>
/// <param name="IsStageReference">Whether it names an earlier build stage rather than an image.</param>
/// <param name="IsUnpinned">Untagged or "latest" without a digest: the base can change under the project.</param>
/// <param name="CudaVersion">CUDA version the image name states ("12.1.0"), or null.</param>
/// <param name="CudnnVersion">cuDNN major version the image name states ("8"), or null.</param>
/// <param name="PythonVersion">Python version the image name states ("3.11"), or null.</param>
/// <param name="IsGpuImage">Whether the image is a GPU image (CUDA base, "-gpu" tag, NGC…).</param>
public sealed record ContainerImage(string Reference, string Repository, string? Tag, string? Digest, string? StageName, int Line,
    bool IsStageReference, bool IsUnpinned, string? CudaVersion, string? CudnnVersion, string? PythonVersion, bool IsGpuImage);

/// <summary>One environment definition (a Dockerfile, compose file, devcontainer, cog.yaml, .def, Nix or Binder setup).</summary>
/// <param name="Path">Repository-relative path (for Binder: the folder, or "" for root repo2docker files).</param>
/// <param name="Kind">Which kind.</param>
/// <param name="Images">Images used (FROM lines, compose images, devcontainer image…).</param>
/// <param name="RequestsGpu">Whether it asks for a GPU (compose device reservation, cog gpu: true, hostRequirements.gpu, --gpus…).</param>
/// <param name="GpuLine">Line of the GPU request, when known.</param>
/// <param name="CudaVersion">CUDA version stated anywhere in it.</param>
/// <param name="PythonVersion">Python version stated anywhere in it.</param>
/// <param name="Packages">Packages it installs (pip install in RUN lines, cog python_packages…).</param>
/// <param name="References">Files it refers to (Dockerfiles of compose/devcontainer builds, requirements files, binder files).</param>
/// <param name="Services">Compose service names.</param>
/// <param name="Diagnostics">Problems met while parsing.</param>
/// <param name="Dockerfile">The full Dockerfile parse, for Dockerfiles.</param>
/// <param name="PythonVersionLine">Line where <paramref name="PythonVersion"/> was stated, when known.</param>
public sealed record ContainerDocument(
    string Path,
    ContainerKind Kind,
    ImmutableArray<ContainerImage> Images,
    bool RequestsGpu,
    int? GpuLine,
    string? CudaVersion,
    string? PythonVersion,
    ImmutableArray<Dependency> Packages,
    ImmutableArray<string> References,
    ImmutableArray<string> Services,
    ImmutableArray<Diagnostic> Diagnostics,
    DockerfileDocument? Dockerfile = null,
    int? PythonVersionLine = null);
