using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using MLRepro.Findings;
using MLRepro.Knowledge;
using MLRepro.Model;

namespace MLRepro.Checks.Environment;

/// <summary>env.hardware — if the project depends on specific hardware, its setup is documented.</summary>
public sealed partial class EnvHardwareCheck : CheckBase
{
    /// <inheritdoc />
    public override CheckInfo Info { get; } = new(
        "env.hardware",
        StarLevel.Environment,
        "Hardware documented",
        "If the project depends on specific hardware (GPUs, TPUs, large memory), setup documentation for it is given (e.g. \"2 V100 " +
        "GPUs\", \"at least 32 GB RAM\", the CUDA version). Not applicable when no special hardware is needed.",
        "GPU use is detected from code (torch.cuda, .cuda(), .to(\"cuda\"), device=\"cuda\", TensorFlow/JAX device APIs, DataParallel, " +
        "DeepSpeed, Accelerate, tf.device(\"/gpu\")), configs (device: cuda), environments (CUDA base images, compose GPU reservations, cog gpu: true) " +
        "and the docs' own word (\"requires a single GPU\", \"on a machine with 4 A100 GPUs\"). A CPU fallback " +
        "(torch.cuda.is_available(), or a --device option or device: key whose default is the CPU) makes it not applicable, and so do a GPU base image the code does not need (no GPU API in the code) and GPU " +
        "use confined to a few optional scripts of a collection (multi-GPU tutorials, not the project's train.py); otherwise the docs must name the GPU, its memory " +
        "or the CUDA version (a pinned cudatoolkit counts), and docs that only mention a GPU or CUDA generically are Partial.",
        "Say in the README which GPU (model and memory), RAM and CUDA/driver versions the results were produced with.",
        [],
        ProvenOnlyByRunning: false);

    /// <inheritdoc />
    public override Finding Run(ProjectModel project)
    {
        var uses = GpuUses(project).ToList();
        if (uses.Count == 0)
        {
            return Found(Outcome.NotApplicable, "no special hardware is needed: no GPU use was found.",
                Evidence.Repo($"searched {Count(project.PythonModules.Count, "Python module")} for CUDA/GPU APIs and device strings, and the environment definitions for GPU requests"));
        }

        var docs = HardwareDocs(project).Concat(EnvironmentCudaPins(project)).ToList();
        if (docs.Count > 0)
        {
            return Found(Outcome.Met, "the project uses a GPU and its documentation describes the hardware.", docs.Take(4).Concat(uses.Take(3)));
        }

        var code = CodeGpuUses(project).Concat(ConfigGpuUses(project)).ToList();
        if (code.Count == 0)
        {
            // A GPU base image speeds the container up; the code itself asks for no GPU, so it runs on a CPU too.
            return Found(Outcome.NotApplicable, "only the container asks for a GPU (a GPU base image or device request); the code uses no GPU API, so it runs on a CPU.", uses.Take(3));
        }

        var fallback = CpuFallbacks(project).ToList();
        if (fallback.Count > 0)
        {
            return Found(Outcome.NotApplicable, "the code uses a GPU when available but falls back to the CPU, so no special hardware is required.", fallback.Take(3).Concat(uses.Take(3)));
        }

        if (OptionalGpuScripts(project, code) is { } optional)
        {
            return Found(Outcome.NotApplicable, $"only {optional} of the project's independent scripts use a GPU (optional examples); the rest run on a CPU.", code.Take(3));
        }

        var vague = VagueHardwareDocs(project).ToList();
        if (vague.Count > 0)
        {
            // "Install the CUDA drivers for your GPU" admits the need but names no model, memory or version to recreate.
            return Found(Outcome.Partial, "the code requires a GPU and the docs mention it, but not which one (GPU model, memory, CUDA version).", vague.Take(3).Concat(uses.Take(5)));
        }

        return Found(Outcome.NotMet, "the code requires a GPU, but no documentation says which hardware (GPU model, memory, CUDA version).", uses.Take(8));
    }

    /// <summary>
    /// Places where the code picks the device at run time (torch.cuda.is_available() and the like), and device options
    /// whose default is the CPU (<c>--device</c> defaulting to "cpu", "auto"): the GPU is the user's choice, not a need.
    /// </summary>
    public static IEnumerable<Evidence> CpuFallbacks(ProjectModel project) =>
        project.PythonModules.SelectMany(m => m.Calls.Where(c => c.Target is "torch.cuda.is_available" or "torch.backends.mps.is_available" or "tensorflow.test.is_gpu_available"
            || c.Target.EndsWith("list_physical_devices", StringComparison.Ordinal)).Select(c => Evidence.At(m.Path, c.Line, "CPU fallback: the device is chosen at run time", c.RawTarget)))
        // A device option whose default is the CPU (--device cpu, device: cpu): the GPU is the user's choice, not a need.
        .Concat(project.PythonModules.SelectMany(m => m.CliOptions.Where(o => IsDeviceOption(o.Dest, o.Flags) && IsCpuDevice(o.Default?.Literal?.AsString))
            .Select(o => Evidence.At(m.Path, o.Line, "CPU fallback: the device is an option whose default is the CPU", string.Join("/", o.Flags)))))
        .Concat(project.ConfigFiles.Where(f => f.HydraGroup is null).SelectMany(f => f.Entries.Where(e => e.KeyPath.Split('.')[^1] is "device" or "accelerator" or "device_type" && IsCpuDevice(e.Value))
            .Select(e => Evidence.At(f.Path, e.Line, $"CPU fallback: the config runs on the CPU unless changed: {e.KeyPath}: {e.Value}"))));

    private static bool IsDeviceOption(string? dest, IEnumerable<string> flags) =>
        dest is "device" or "accelerator" or "device_type" || flags.Any(f => f.TrimStart('-') is "device" or "accelerator" or "device_type" or "device-type");

    private static bool IsCpuDevice(string? value) => value?.Trim().ToLowerInvariant() is "cpu" or "auto" or "mps";

    /// <summary>Whether the code chooses between GPU and CPU at run time.</summary>
    public static bool HasCpuFallback(ProjectModel project) => s_hasCpuFallback.GetValue(project, p => new StrongBox<bool>(CpuFallbacks(p).Any())).Value;

    private static readonly ConditionalWeakTable<ProjectModel, StrongBox<bool>> s_hasCpuFallback = [];

    // Three checks and the facts ask for the GPU evidence of the same model: computed once per model.
    private static readonly ConditionalWeakTable<ProjectModel, IReadOnlyList<Evidence>> s_gpuUses = [];

    /// <summary>Evidence of GPU use in code and environments.</summary>
    public static IEnumerable<Evidence> GpuUses(ProjectModel project) =>
        s_gpuUses.GetValue(project, p => [.. CodeGpuUses(p).Concat(ConfigGpuUses(p)).Concat(ContainerGpuUses(p)).Concat(DeclaredGpuNeeds(p))]);

    /// <summary>A config file that sets the run's device to a GPU ("device: cuda"): the code places the model wherever the config says.</summary>
    public static IEnumerable<Evidence> ConfigGpuUses(ProjectModel project) =>
        // Hydra group options (configs/trainer/gpu.yaml) are choices for the command line, not the default run.
        project.ConfigFiles.Where(f => f.HydraGroup is null).SelectMany(f => f.Entries.Where(e => e.Value is { } v && Ecosystem.IsGpuDeviceLiteral(v)
                && e.KeyPath.Split('.')[^1] is "device" or "accelerator" or "device_type")
            .Select(e => Evidence.At(f.Path, e.Line, $"the config runs on a GPU: {e.KeyPath}: {e.Value}")));

    /// <summary>
    /// Sentences of the docs that state the project needs a GPU ("only requires a single GPU", "we assume you have access to a GPU",
    /// "on a machine with 4 A100 GPUs"). Frameworks such as TensorFlow use a GPU without any GPU API in the code, so the authors' word is
    /// the evidence; negations ("does not require a GPU") are skipped.
    /// </summary>
    public static IEnumerable<Evidence> DeclaredGpuNeeds(ProjectModel project)
    {
        foreach (var d in project.Docs)
        {
            foreach (var s in d.Sections)
            {
                foreach (Match m in DeclaredGpuNeed().Matches(s.Text))
                {
                    if (!Negation().IsMatch(m.Value))
                    {
                        yield return Evidence.At(d.Path, s.Line, $"the docs state a GPU is needed: \"{m.Value.Trim()}\"");
                        break;
                    }
                }
            }
        }
    }

    /// <summary>A CUDA toolkit pinned to a version in an environment file (conda cudatoolkit=10.0, pytorch-cuda=11.8) records the CUDA version.</summary>
    private static IEnumerable<Evidence> EnvironmentCudaPins(ProjectModel project) =>
        project.Dependencies.Where(d => d.Name is "cudatoolkit" or "cuda-toolkit" or "pytorch-cuda" or "cuda-version" or "cudnn" && !string.IsNullOrWhiteSpace(d.Specifier))
            .Select(d => Evidence.At(d.Path, d.Line, $"the environment pins the CUDA toolkit: {d.RawName}{d.Specifier}"));

    private static IEnumerable<Evidence> VagueHardwareDocs(ProjectModel project) => DocMatches(project, VagueHardwareMention(), "mentions the hardware without specifics");

    /// <summary>
    /// In a collection of independent scripts (tutorials, examples: at least <see cref="Code.CodeRunsCheck.MinScriptsForCollection"/>),
    /// "k/n" when the GPU uses are reached by at most a third of them: those are optional examples, not a requirement. Null otherwise.
    /// </summary>
    public static string? OptionalGpuScripts(ProjectModel project, IReadOnlyList<Evidence> codeUses)
    {
        var scripts = project.EntryPoints.All.Where(e => !e.IsTooling && e.Script is not null).Select(e => e.Script!).Distinct(StringComparer.Ordinal).ToList();
        if (scripts.Count < Code.CodeRunsCheck.MinScriptsForCollection)
        {
            return null;
        }

        var gpuFiles = codeUses.Select(u => u.Path).ToHashSet(StringComparer.Ordinal);
        var hits = scripts.Where(s => gpuFiles.Contains(s) || (s.EndsWith(".py", StringComparison.Ordinal) && Analysis.RunBlockers.Closure(project, s).Overlaps(gpuFiles))).ToList();

        // The project's own training script is not an optional example: train.py/evaluate.py/predict.py are one tool, not a collection.
        if (hits.Any(s => System.IO.Path.GetFileNameWithoutExtension(s) is "train" or "main"))
        {
            return null;
        }

        return hits.Count * 3 <= scripts.Count ? $"{hits.Count}/{scripts.Count}" : null;
    }

    /// <summary>GPU requests of the environment definitions (GPU base images, compose device reservations).</summary>
    public static IEnumerable<Evidence> ContainerGpuUses(ProjectModel project)
    {
        foreach (var c in project.Containers)
        {
            if (c.RequestsGpu)
            {
                yield return Evidence.At(c.Path, c.GpuLine, "the environment requests a GPU");
            }

            foreach (var i in c.Images.Where(i => i.IsGpuImage))
            {
                yield return Evidence.At(c.Path, i.Line, $"GPU base image {i.Reference}");
            }
        }
    }

    /// <summary>GPU use in the code (CUDA calls, device strings), tests and tooling aside.</summary>
    public static IEnumerable<Evidence> CodeGpuUses(ProjectModel project)
    {
        foreach (var m in project.PythonModules.Where(m => !Analysis.ConfigAnalysis.IsTestOrTooling(m.Path)))
        {
            foreach (var c in m.Calls)
            {
                // Seeding CUDA or asking whether it exists does not use a GPU.
                if (c.Target is "torch.cuda.is_available" or "torch.cuda.device_count" or "torch.cuda.manual_seed" or "torch.cuda.manual_seed_all" or "torch.cuda.is_bf16_supported"
                    || c.Target.StartsWith("torch.backends.cudnn.", StringComparison.Ordinal))
                {
                    continue;
                }

                // Comparing a device name (args.device.startswith("cuda")) tests for a GPU; it does not use one.
                if (StringTest().IsMatch(c.Target))
                {
                    continue;
                }

                if (Ecosystem.IsGpuCall(c.Target)
                    || (c.Target == "tensorflow.device" && c.Arguments.Length > 0 && c.Arguments[0].Text.Contains("gpu", StringComparison.OrdinalIgnoreCase)) || c.Arguments.Any(a => a.Literal?.AsString is { } s && Ecosystem.IsGpuDeviceLiteral(s) && (a.Keyword is null or "device" || c.Target.EndsWith(".to", StringComparison.Ordinal))))
                {
                    yield return Evidence.At(m.Path, c.Line, "uses a GPU", c.RawTarget);
                }
            }
        }
    }

    /// <summary>The first match of a pattern in each section (heading and text) of the docs.</summary>
    private static IEnumerable<Evidence> DocMatches(ProjectModel project, Regex pattern, string note) =>
        project.Docs.SelectMany(d => d.Sections.Select(s => (d.Path, s.Line, Match: pattern.Match(s.Heading + "\n" + s.Text))))
            .Where(x => x.Match.Success)
            .Select(x => Evidence.At(x.Path, x.Line, $"{note}: \"{x.Match.Value.Trim()}\""));

    private static IEnumerable<Evidence> HardwareDocs(ProjectModel project) => DocMatches(project, HardwareMention(), "documents hardware");

    [GeneratedRegex(@"\b(?:[ABHLTV]100|A10G?|A6000|A40|H200|L4|T4|P100|K80|RTX\s?[0-9]{3,4}|GTX\s?[0-9]{3,4}|TITAN|TPU\s?v?[0-9]*|[0-9]+\s?(?:x\s?)?GPUs?|(?:a single|one|two|four|eight) GPUs?|GPUs? with [0-9]+\s?GB|[0-9]+\s?GB (?:of )?(?:GPU|VRAM|video|RAM|memory)|VRAM|CUDA\s?(?:version\s?)?(?:[<>=~]=?\s?)?[0-9]+(?:\.[0-9]+)?|cuDNN\s?[0-9]|NVIDIA drivers?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HardwareMention();

    [GeneratedRegex(@"\b(?:requires?|required|needs?|assumes?|assuming|on a (?:machine|node|server|computer) with)\b[^.\n]{0,60}?\b(?:GPUs?|VRAM)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DeclaredGpuNeed();

    [GeneratedRegex(@"\b(?:not|no|without|optional(?:ly)?|nor)\b|n't\b", RegexOptions.IgnoreCase)]
    private static partial Regex Negation();

    [GeneratedRegex(@"\.(?:startswith|endswith|find|index|count|__eq__|__contains__|lower|upper|strip|split)$")]
    private static partial Regex StringTest();

    [GeneratedRegex(@"\b(?:GPUs?|CUDA|NVIDIA)\b", RegexOptions.IgnoreCase)]
    private static partial Regex VagueHardwareMention();
}
