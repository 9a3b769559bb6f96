using MLRepro.Findings;
using MLRepro.Formats.Containers;
using MLRepro.Formats.Dependencies;
using MLRepro.Model;

namespace MLRepro.Checks.Environment;

/// <summary>env.example — an example environment in which the project runs (most easily a Docker image).</summary>
public sealed class EnvExampleCheck : CheckBase
{
    /// <inheritdoc />
    public override CheckInfo Info { get; } = new(
        "env.example",
        StarLevel.Environment,
        "Example environment",
        "There is an example environment in which the project runs without errors — most easily a Docker image, which also fixes the OS " +
        "and Python version. For deep learning the hardware and driver versions (GPU, CUDA) must be described too.",
        "A Dockerfile, devcontainer, cog.yaml, Apptainer definition, Nix flake, Binder setup, or a conda/uv/pixi environment with a " +
        "Python version is Met. Base images without a pinned tag (`latest`, none), an environment file without a Python version, or a " +
        "GPU project whose environment states no CUDA version are Partial.",
        "Add a Dockerfile that starts from a pinned base image (e.g. python:3.11.9-slim, or nvidia/cuda:12.1.1-cudnn8-runtime for GPU " +
        "work) and installs the pinned requirements.",
        [],
        ProvenOnlyByRunning: false);

    /// <inheritdoc />
    public override Finding Run(ProjectModel project)
    {
        var containers = project.Containers.Where(c => c.Kind != ContainerKind.Compose || c.Images.Length > 0).ToList();
        var condaEnvs = project.DependencyFiles.Where(f => f.Format == DependencyFileFormat.CondaEnvironment).ToList();
        var runtimes = project.Runtimes;
        var gpu = EnvHardwareCheck.GpuUses(project).Any();
        var problems = new List<Evidence>();
        var good = new List<Evidence>();
        foreach (var c in containers)
        {
            var unpinned = c.Images.Where(i => !i.IsStageReference && i.IsUnpinned).ToList();
            problems.AddRange(unpinned.Select(i => Evidence.At(c.Path, i.Line, $"base image {i.Reference} is not pinned to a version: it changes over time")));
            if (unpinned.Count == 0)
            {
                good.Add(Evidence.At(c.Path, c.Images.FirstOrDefault()?.Line, $"{c.Kind}{(c.Images.Length > 0 ? " from " + c.Images.Last(i => !i.IsStageReference || true).Reference : string.Empty)}"));
            }
        }

        if (gpu && containers.Count > 0 && !containers.Any(c => c.CudaVersion is not null || c.Images.Any(i => i.CudaVersion is not null)))
        {
            problems.Add(Evidence.At(containers[0].Path, null, "the code uses a GPU, but the environment states no CUDA version"));
        }

        foreach (var env in condaEnvs)
        {
            var py = env.Dependencies.FirstOrDefault(d => d.Name == "python");
            if (py is null)
            {
                problems.Add(Evidence.At(env.Path, null, "conda environment without a Python version"));
            }
            else
            {
                good.Add(Evidence.At(env.Path, py.Line, $"conda environment with python{py.Specifier}"));
            }
        }

        var pythonPinned = runtimes.FirstOrDefault(r => r.Source is Formats.Runtime.RuntimeSource.PythonVersionFile or Formats.Runtime.RuntimeSource.RuntimeTxt);
        var lockFile = project.DependencyFiles.FirstOrDefault(f => f.Format is DependencyFileFormat.UvLock or DependencyFileFormat.PoetryLock or DependencyFileFormat.PdmLock or DependencyFileFormat.CondaLock or DependencyFileFormat.PipfileLock);
        if (pythonPinned is not null && lockFile is not null)
        {
            good.Add(Evidence.At(lockFile.Path, null, $"locked environment with Python {pythonPinned.Version} ({pythonPinned.Path})"));
        }

        if (good.Count == 0 && problems.Count == 0)
        {
            return Found(Outcome.NotMet, "no example environment: no Dockerfile, devcontainer, conda/uv environment or similar.",
                Evidence.Repo("searched for Dockerfile, docker-compose, .devcontainer, cog.yaml, Apptainer/Singularity, Nix, binder/, environment.yml, and a Python version file with a lock file"));
        }

        if (problems.Count > 0)
        {
            return Found(Outcome.Partial, good.Count > 0 ? "an example environment exists, but it is not fully pinned." : "the environment definition is incomplete.",
                problems.Concat(good));
        }

        return Found(Outcome.Met, $"an example environment is defined ({List(good.Select(g => g.Path).Distinct())}).", good);
    }
}
