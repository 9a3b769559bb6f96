using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using MLRepro.Analysis;
using MLRepro.Findings;
using MLRepro.Formats.Dependencies;
using MLRepro.Knowledge;
using MLRepro.Model;
using MLRepro.Python;
using MLRepro.Text;

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
        "DeepSpeed, Accelerate, tf.device(\"/gpu\"), gradient-boosting GPU parameters: LightGBM device_type=\"gpu\", XGBoost tree_method=\"gpu_hist\" or " +
        "device=\"cuda\", CatBoost task_type=\"GPU\", as keywords or params-dict keys), configs (device: cuda), environments (CUDA base images, compose GPU reservations, cog gpu: true) " +
        "and the docs' own word (\"requires a single GPU\", \"on a machine with 4 A100 GPUs\"). A CPU fallback " +
        "(torch.cuda.is_available() choosing the device, or a --device option or device: key whose default is the CPU) makes it not applicable, unless a training script (train.py, finetune.py) calls the GPU unconditionally with no fallback of its own, a script run on its own puts its model or data on the GPU under no condition " +
        "(model = DataParallel(model).cuda() in cifar.py beside use_cuda = torch.cuda.is_available(): .cuda() fails without CUDA), the project fine-tunes a large pretrained " +
        "model (PEFT/LoRA, TRL, bitsandbytes or DeepSpeed imported outside a try: GPU work, whatever the device fallback), or the code also " +
        "requires a GPU (bitsandbytes 8-bit/4-bit loading, device_map={\"\": 0}, a raise or assert when CUDA is missing, a config device of cuda:1) or the docs state " +
        "the hardware the training needs (\"trains in 2 days on a V100\"); so do a GPU base image the code does not need (no GPU API in the code) and GPU " +
        "use confined to a few optional scripts of a collection (multi-GPU tutorials, not the project's train.py); otherwise the docs must name the GPU, its memory " +
        "or the CUDA version (a pinned cudatoolkit counts; a hosted GPU such as \"Kaggle GPU\" or \"Colab GPU\" names the hardware), and docs that only mention a GPU or CUDA generically, or only count the GPUs (\"a single GPU\", \"4 GPUs\"), are Partial, as are docs that name the GPU " +
        "when a config's device is a second GPU (cuda:1) and nothing says that several GPUs are needed. TPU APIs (TPUEstimator, TPUStrategy, torch_xla) " +
        "count as accelerator use like GPU APIs, and a project without GPU use whose docs state a main-memory need of 32 GB or more (\"~200GB RAM is required\") is Met.",
        "Say in the README which GPU (model and memory), RAM and CUDA/driver versions the results were produced with.",
        [],
        ProvenOnlyByRunning: false);

    /// <inheritdoc />
    public override Finding Run(ProjectModel project)
    {
        var uses = GpuUses(project).ToList();
        var fineTuning = FineTuning(project).ToList();
        if (uses.Count == 0 && fineTuning.Count == 0 && LargeMemoryDocs(project).ToList() is { Count: > 0 } memory)
        {
            // "~200GB RAM is required to run", "RAM: 208GB": a large-memory machine is special hardware too, and the docs state it.
            return Found(Outcome.Met, "the project needs a large-memory machine and its documentation states the memory required.", memory.Take(3));
        }

        if (uses.Count == 0 && fineTuning.Count == 0)
        {
            return Found(Outcome.NotApplicable, "no special hardware is needed: no GPU use was found.",
                Evidence.Repo($"searched {Count(project.PythonModules.Count, "Python module")} for CUDA/GPU APIs and device strings, and the environment definitions for GPU requests"));
        }

        // A requirement (bitsandbytes quantised loading, a raise without CUDA, a second GPU in the config) leaves no CPU path,
        // whatever fallback other scripts have; without one, a fallback makes the GPU the user's choice, unless the docs
        // state the hardware the training needs or ran on ("1/2/4 days on a single V100"): then the docs describe it.
        var required = GpuRequirements(project).ToList();
        var fallbacks = required.Count == 0 ? CpuFallbacks(project).ToList() : [];
        // Fine-tuning a large pretrained model (PEFT/LoRA, TRL, DeepSpeed) is GPU work whatever device the code would fall back to.
        if (fallbacks.Count > 0 && fineTuning.Count == 0 && !TrainingHardwareDocs(project).Any() && !UnguardedGpu(project, fallbacks).Any())
        {
            return Found(Outcome.NotApplicable, "the code uses a GPU when available but falls back to the CPU, so no special hardware is required.", fallbacks.Take(3).Concat(uses.Take(3)));
        }

        var docs = HardwareDocs(project).Concat(EnvironmentCudaPins(project)).ToList();
        if (docs.Count > 0 && SecondGpuDevices(project).FirstOrDefault() is { } second && !DocMatches(project, MultiGpuMention(), "documents several GPUs").Any())
        {
            return Found(Outcome.Partial, "the docs describe the GPU, but the project runs on a second GPU (a device index of 1 or more) and the docs do not say that several GPUs are needed.",
                [second, .. docs.Take(3)], "State in the README how many GPUs the configs expect, or default the device to cuda:0.");
        }

        if (docs.Count > 0)
        {
            return Found(Outcome.Met, "the project uses a GPU and its documentation describes the hardware.", docs.Take(4).Concat(uses.Take(3)));
        }

        uses = [.. uses, .. fineTuning];
        var code = CodeGpuUses(project).Concat(ConfigGpuUses(project)).Concat(required).Concat(fineTuning).ToList();
        if (code.Count == 0)
        {
            // A GPU base image speeds the container up; the code itself asks for no GPU, so it runs on a CPU too.
            return Found(Outcome.NotApplicable, "only the environment asks for a GPU (a GPU base image, a device request, a CUDA build of a package or a scheduler's GPU request); the code uses no GPU API, so it runs on a CPU.", uses.Take(3));
        }

        if (required.Count == 0 && fineTuning.Count == 0 && OptionalGpuScripts(project, code) is { } optional)
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
    /// GPU calls of a training script (train.py, finetune.py, train_gan.py) that has no CPU fallback of its own, outside any
    /// condition (<c>netG = Generator().cuda()</c>, not under <c>if args.cuda:</c>): the training needs a GPU, whatever fallback
    /// the inference or evaluation scripts have (<c>inference.py</c> choosing <c>cuda</c> when available).
    /// </summary>
    internal static IEnumerable<Evidence> UnguardedTrainingGpu(ProjectModel project, IReadOnlyCollection<Evidence> fallbacks) =>
        CodeGpuUses(project).Where(u => TrainingScript().IsMatch(u.Path) && !fallbacks.Any(f => f.Path == u.Path) && u.Span?.Line is { } line
            && project.PythonModule(u.Path) is { IsNotebook: false } && project.Text(u.Path) is { } text && IsUnconditional(text, line));

    /// <summary>
    /// GPU placements of a script run on its own (an entry point, not a module it imports) that run whenever the script does:
    /// <c>model = torch.nn.DataParallel(model).cuda()</c> or <c>x = x.cuda(non_blocking=True)</c> in its own code, under no
    /// if, elif, else or except of that code (a loop body runs too) and with no inline condition on the line; or the training
    /// scripts' unconditional GPU calls (<see cref="UnguardedTrainingGpu"/>). <c>.cuda()</c> fails without CUDA, whatever a
    /// <c>use_cuda = torch.cuda.is_available()</c> elsewhere in the same script picks for the tensors, so the script needs a GPU.
    /// GPU calls confined to a few optional scripts of a collection (at most a third) are examples, not the project's need.
    /// </summary>
    internal static IEnumerable<Evidence> UnguardedGpu(ProjectModel project, IReadOnlyCollection<Evidence> fallbacks)
    {
        var scripts = project.EntryPoints.All.Where(e => !e.IsTooling && e.Script is { } s && s.EndsWith(".py", StringComparison.Ordinal)).Select(e => e.Script!).ToHashSet(StringComparer.Ordinal);
        var placements = CodeGpuUses(project).Where(u => scripts.Contains(u.Path) && u.Span?.Line is { } line && project.PythonModule(u.Path) is { IsNotebook: false } m
            && m.Calls.Any(c => c.Line == line && IsPlacement(c)) && project.Text(u.Path) is { } text && RunsWithScript(text, line)).ToList();
        if (placements.Count > 0 && OptionalGpuScripts(project, placements) is null)
        {
            return placements;
        }

        return UnguardedTrainingGpu(project, fallbacks);
    }

    /// <summary>
    /// A call that puts a model or tensor on the GPU: <c>.cuda()</c>, <c>.to("cuda")</c>, <c>torch.device("cuda:0")</c>. (DataParallel
    /// alone runs its module on the CPU when no GPU is visible.)
    /// </summary>
    private static bool IsPlacement(PythonCall c) =>
        c.Target.EndsWith(".cuda", StringComparison.Ordinal)
        || ((c.Target.EndsWith(".to", StringComparison.Ordinal) || c.Target == "torch.device") && c.Arguments.Any(a => a.Literal?.AsString is { } s && Ecosystem.IsGpuDeviceLiteral(s)));

    /// <summary>
    /// Whether the line runs whenever its script (or its function) does: no enclosing if, elif, else or except up to the
    /// def or class that holds it (loops, with and try blocks run their bodies), and no inline <c>… if … else …</c> on the line.
    /// </summary>
    private static bool RunsWithScript(SourceText text, int line)
    {
        var code = text.GetLine(line);
        if (InlineCondition().IsMatch(code))
        {
            return false;
        }

        var indent = Indent(code);
        for (var back = line - 1; back >= 1 && indent > 0; back--)
        {
            var l = text.GetLine(back);
            if (l.Trim().Length == 0 || l.TrimStart().StartsWith('#') || Indent(l) >= indent)
            {
                continue;
            }

            if (ConditionalBranch().IsMatch(l))
            {
                return false;
            }

            if (DefinitionHeader().IsMatch(l))
            {
                return true;
            }

            indent = Indent(l);
        }

        return true;
    }

    /// <summary>Libraries for fine-tuning large pretrained models: PEFT (LoRA adapters), TRL, bitsandbytes' 8-bit optimizers, DeepSpeed.</summary>
    private static readonly HashSet<string> FineTuningModules = new(StringComparer.Ordinal) { "peft", "trl", "bitsandbytes", "deepspeed" };

    /// <summary>
    /// Imports of a fine-tuning library (<see cref="FineTuningModules"/>), tests and tooling aside: the project fine-tunes a large
    /// pretrained model, GPU work whatever CPU fallback its device choice has. An import inside a try (<c>except ImportError</c>)
    /// is an optional extra, not the project's work; one under an if (<c>if training_args.use_lora: from peft import …</c>) picks
    /// a way of fine-tuning.
    /// </summary>
    public static IEnumerable<Evidence> FineTuning(ProjectModel project) =>
        project.PythonModules.Where(m => !Analysis.ConfigAnalysis.IsTestOrTooling(m.Path)).SelectMany(m => m.Imports
            .Where(i => i.Level == 0 && FineTuningModules.Contains(i.Module.Split('.')[0]) && (m.IsNotebook || project.Text(m.Path) is not { } text || !InsideTry(text, i.Line)))
            .Take(1).Select(i => Evidence.At(m.Path, i.Line, $"fine-tunes a large pretrained model ({i.Module}): GPU work", i.Module)));

    /// <summary>Whether a script is a training script by its file name (<see cref="TrainingScript"/>).</summary>
    internal static bool IsTrainingScript(string path) => TrainingScript().IsMatch(path);

    /// <summary>A training script by its file name: train.py, finetune.py, pretrain_lm.py, train_gan.py, gan_train.py.</summary>
    [GeneratedRegex(@"(?:^|/)(?:[\w-]*_)?(?:train|finetune|fine_tune|pretrain)(?:_[\w-]*)?\.py$")]
    private static partial Regex TrainingScript();

    /// <summary>
    /// Places where the code picks the device at run time (torch.cuda.is_available() and the like), and device options
    /// whose default is the CPU (<c>--device</c> defaulting to "cpu", "auto"): the GPU is the user's choice, not a need.
    /// </summary>
    public static IEnumerable<Evidence> CpuFallbacks(ProjectModel project) =>
        project.PythonModules.SelectMany(m => m.Calls.Where(c => (c.Target is "torch.cuda.is_available" or "torch.backends.mps.is_available" or "tensorflow.test.is_gpu_available"
            || c.Target.EndsWith("list_physical_devices", StringComparison.Ordinal)) && ChoosesDevice(project, m, c.Line)).Select(c => Evidence.At(m.Path, c.Line, "CPU fallback: the device is chosen at run time", c.RawTarget)))
        // A device option whose default is the CPU (--device cpu, device: cpu): the GPU is the user's choice, not a need.
        .Concat(project.PythonModules.SelectMany(m => m.CliOptions.Where(o => IsDeviceOption(o.Dest, o.Flags) && IsCpuDevice(o.Default?.Literal?.AsString))
            .Select(o => Evidence.At(m.Path, o.Line, "CPU fallback: the device is an option whose default is the CPU", string.Join("/", o.Flags)))))
        .Concat(project.ConfigFiles.Where(f => f.HydraGroup is null).SelectMany(f => f.Entries.Where(e => e.KeyPath.Split('.')[^1] is "device" or "accelerator" or "device_type" && IsCpuDevice(e.Value))
            .Select(e => Evidence.At(f.Path, e.Line, $"CPU fallback: the config runs on the CPU unless changed: {e.KeyPath}: {e.Value}"))));

    /// <summary>
    /// Whether the availability test on this line picks the device: not when it picks a dtype or reports memory
    /// (<c>dtype = 'bfloat16' if torch.cuda.is_available() …</c>), nor when it stops the script without CUDA
    /// (<c>if not torch.cuda.is_available(): raise …</c>, <c>assert torch.cuda.is_available()</c>), which is a requirement.
    /// </summary>
    private static bool ChoosesDevice(ProjectModel project, ModuleSummary module, int line)
    {
        if (module.IsNotebook || project.Text(module.Path) is not { } text)
        {
            return true;
        }

        var code = text.GetLine(line);
        if (NotADeviceChoice().IsMatch(code) || StopsWithoutCuda(text, line))
        {
            return false;
        }

        // `if torch.cuda.is_available():` guards a device choice only when its block moves something to the GPU
        // (not when it logs memory or records the GPU's name in a report).
        return !IfAvailable().IsMatch(code) || BlockLines(text, line).Any(l => DeviceUse().IsMatch(l) && !NotADeviceChoice().IsMatch(l));
    }

    /// <summary>The lines of the block a header opens (more indented than the header, up to <see cref="MaxBlockLines"/>).</summary>
    private static IEnumerable<string> BlockLines(SourceText text, int header)
    {
        var indent = Indent(text.GetLine(header));
        for (var next = header + 1; next <= Math.Min(text.LineCount, header + MaxBlockLines); next++)
        {
            var l = text.GetLine(next);
            if (l.Trim().Length == 0 || l.TrimStart().StartsWith('#'))
            {
                continue;
            }

            if (Indent(l) <= indent)
            {
                yield break;
            }

            yield return l;
        }
    }

    /// <summary>
    /// Whether the script stops without CUDA at this line, outside any condition (a check inside <c>elif device:</c> only
    /// guards a GPU the user asked for): <c>assert …is_available()</c>, <c>if not …is_available():</c> followed by a raise or
    /// exit, or <c>if …is_available():</c> whose <c>else:</c> raises (<c>raise NotImplementedError('This code requires GPU')</c>).
    /// </summary>
    private static bool StopsWithoutCuda(SourceText text, int line)
    {
        var code = text.GetLine(line);
        if (!IsUnconditional(text, line))
        {
            return false;
        }

        if (AssertAvailable().IsMatch(code))
        {
            return true;
        }

        if (IfNotAvailable().IsMatch(code))
        {
            return StopStatement().IsMatch(BodyAfter(text, line, code));
        }

        if (!IfAvailable().IsMatch(code))
        {
            return false;
        }

        // The else of this if: the next line back at the if's indentation.
        var indent = Indent(code);
        for (var next = line + 1; next <= Math.Min(text.LineCount, line + MaxBlockLines); next++)
        {
            var l = text.GetLine(next);
            if (l.Trim().Length == 0 || l.TrimStart().StartsWith('#') || Indent(l) > indent)
            {
                continue;
            }

            return Indent(l) == indent && ElseLine().IsMatch(l) && StopStatement().IsMatch(BodyAfter(text, next, l));
        }

        return false;
    }

    /// <summary>The statement after a block header's colon: on the same line, or the next non-blank line.</summary>
    private static string BodyAfter(SourceText text, int line, string code)
    {
        var rest = code[(code.LastIndexOf(':') + 1)..];
        for (var next = line + 1; rest.Trim().Length == 0 && next <= Math.Min(text.LineCount, line + MaxGuardLookahead); next++)
        {
            rest = text.GetLine(next);
        }

        return rest;
    }

    /// <summary>
    /// Whether the line runs whenever its function (or the module) does: its enclosing block is a def, with or try, not an if
    /// or loop (nor a try, for an import that may fail: <paramref name="tryIsOptional"/>).
    /// </summary>
    private static bool IsUnconditional(SourceText text, int line, bool tryIsOptional = false)
    {
        var indent = Indent(text.GetLine(line));
        for (var back = line - 1; back >= 1 && indent > 0; back--)
        {
            var l = text.GetLine(back);
            if (l.Trim().Length == 0 || l.TrimStart().StartsWith('#') || Indent(l) >= indent)
            {
                continue;
            }

            return !ConditionalHeader().IsMatch(l) && !(tryIsOptional && TryHeader().IsMatch(l));
        }

        return true;
    }

    /// <summary>Whether the nearest block holding the line is a try.</summary>
    private static bool InsideTry(SourceText text, int line)
    {
        var indent = Indent(text.GetLine(line));
        for (var back = line - 1; back >= 1 && indent > 0; back--)
        {
            var l = text.GetLine(back);
            if (l.Trim().Length > 0 && !l.TrimStart().StartsWith('#') && Indent(l) < indent)
            {
                return TryHeader().IsMatch(l);
            }
        }

        return false;
    }

    private static int Indent(string line) => line.Length - line.TrimStart(' ', '\t').Length;

    /// <summary>Lines scanned for the else of an <c>if torch.cuda.is_available():</c>.</summary>
    private const int MaxBlockLines = 200;

    /// <summary>Lines scanned after an <c>if not torch.cuda.is_available():</c> for its body.</summary>
    private const int MaxGuardLookahead = 3;

    /// <summary>
    /// GPU requirements the code has no CPU path for: bitsandbytes (CUDA kernels for 8-bit/4-bit quantised loading and 8-bit
    /// optimizers; <c>load_in_8bit=True</c>, <c>load_in_4bit=True</c>, <c>import bitsandbytes</c>), a model placed on a GPU index
    /// (<c>device_map={"": 0}</c>, <c>{"": local_rank}</c>), a script that stops without CUDA, and a config whose device is a
    /// second GPU (<c>device = "cuda:1"</c>). Tests and tooling aside.
    /// </summary>
    public static IEnumerable<Evidence> GpuRequirements(ProjectModel project) =>
        s_gpuRequirements.GetValue(project, p => [.. FindGpuRequirements(p)]);

    private static readonly ConditionalWeakTable<ProjectModel, IReadOnlyList<Evidence>> s_gpuRequirements = [];

    private static IEnumerable<Evidence> FindGpuRequirements(ProjectModel project)
    {
        foreach (var m in project.PythonModules.Where(m => !Analysis.ConfigAnalysis.IsTestOrTooling(m.Path)))
        {
            // A line under an if (`if args.load_8bit:`) or a try (an optional import) is a choice, not a requirement.
            var text = m.IsNotebook ? null : project.Text(m.Path);
            bool Always(int line, bool tryIsOptional = false) => text is null || IsUnconditional(text, line, tryIsOptional);

            foreach (var i in m.Imports.Where(i => i.Level == 0 && i.TopLevelPackage == "bitsandbytes" && Always(i.Line, tryIsOptional: true)).Take(1))
            {
                yield return Evidence.At(m.Path, i.Line, "requires a CUDA GPU: bitsandbytes' quantisation kernels have no CPU path", i.ToString());
            }

            foreach (var c in m.Calls)
            {
                if (c.Arguments.FirstOrDefault(a => a.Keyword is "load_in_8bit" or "load_in_4bit" && a.Literal?.Value is true) is { } quantised && Always(c.Line))
                {
                    yield return Evidence.At(m.Path, c.Line, $"requires a CUDA GPU: {quantised.Keyword}=True loads the model quantised by bitsandbytes", c.RawTarget);
                }
                else if (c.Keyword("device_map") is { } map && GpuIndexMap().IsMatch(map.Text) && Always(c.Line))
                {
                    yield return Evidence.At(m.Path, c.Line, $"requires a GPU: device_map={map.Text} places the model on a GPU index", c.RawTarget);
                }
            }

            if (text is null)
            {
                continue;
            }

            foreach (var c in m.Calls.Where(c => c.Target == "torch.cuda.is_available"))
            {
                if (StopsWithoutCuda(text, c.Line))
                {
                    yield return Evidence.At(m.Path, c.Line, "requires a GPU: the script stops when CUDA is unavailable", text.GetLine(c.Line).Trim());
                }
            }
        }

        foreach (var second in SecondGpuDevices(project))
        {
            yield return second;
        }
    }

    /// <summary>
    /// Config entries and device options whose default is a GPU index of 1 or more (<c>device = "cuda:1"</c>): the run needs a
    /// second GPU, and fails with an invalid device ordinal on a machine with one.
    /// </summary>
    public static IEnumerable<Evidence> SecondGpuDevices(ProjectModel project) =>
        project.ConfigFiles.Where(f => f.HydraGroup is null).SelectMany(f => f.Entries.Where(e => e.KeyPath.Split('.')[^1] is "device" or "device_type" && IsSecondGpu(e.Value))
            .Select(e => Evidence.At(f.Path, e.Line, $"the config runs on a second GPU: {e.KeyPath}: {e.Value}")))
        .Concat(project.PythonModules.Where(m => !Analysis.ConfigAnalysis.IsTestOrTooling(m.Path)).SelectMany(m => m.CliOptions.Where(o => IsDeviceOption(o.Dest, o.Flags) && IsSecondGpu(o.Default?.Literal?.AsString))
            .Select(o => Evidence.At(m.Path, o.Line, $"the device option defaults to a second GPU: {o.Default!.Literal!.AsString}", string.Join("/", o.Flags)))));

    private static bool IsSecondGpu(string? value) => value is not null && SecondGpu().IsMatch(value.Trim());

    /// <summary>
    /// Sentences of the docs that name hardware in the context of training ("training times are 1/2/4 days on a single V100",
    /// "trained on 4xA100"): the authors state what the training needs, which a CPU fallback for inference or debugging does not lift.
    /// </summary>
    internal static IEnumerable<Evidence> TrainingHardwareDocs(ProjectModel project) =>
        project.Docs.SelectMany(d => d.Sections.SelectMany(s => SentenceBreak().Split(s.Text).Where(t => TrainingWord().IsMatch(t) && HardwareMention().IsMatch(t)).Take(1)
            .Select(t => Evidence.At(d.Path, s.Line, $"documents the training hardware: \"{HardwareMention().Match(t).Value.Trim()}\""))));

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
        s_gpuUses.GetValue(project, p => [.. CodeGpuUses(p).Concat(GpuRequirements(p)).Concat(ConfigGpuUses(p)).Concat(ContainerGpuUses(p)).Concat(DeclaredGpuNeeds(p))
            .Concat(DependencyGpuUses(p)).Concat(SchedulerGpuRequests(p))
            .DistinctBy(e => (e.Path, e.Span?.Line))]);

    /// <summary>
    /// Dependencies built for CUDA: NVIDIA's CUDA wheels (nvidia-cudnn-cu12), cupy-cuda12x, and CUDA extras
    /// (jax[cuda12], tensorflow[and-cuda]). Declaring them asks for a GPU, whatever the code's device calls look like.
    /// </summary>
    private static IEnumerable<Evidence> DependencyGpuUses(ProjectModel project) =>
        // A lock file records what a resolver pulled in for some platform (torch's nvidia-nccl-cu12 on Linux): not a request.
        project.Dependencies.Where(d => d.Kind != DependencyKind.Lock && (CudaDistribution().IsMatch(d.Name) || d.Extras.Any(x => x.StartsWith("cuda", StringComparison.Ordinal) || x == "and-cuda")))
            .Take(1).Select(d => Evidence.At(d.Path, d.Line > 0 ? d.Line : null, $"declares a CUDA build: {d.RawName}{(d.Extras.IsEmpty ? string.Empty : "[" + string.Join(",", d.Extras) + "]")}"));

    [GeneratedRegex(@"^(?:nvidia-[a-z0-9-]+-cu\d+|cupy-cuda\w+|jaxlib-cuda\w*|tensorflow-gpu|onnxruntime-gpu|faiss-gpu|paddlepaddle-gpu|mxnet-cu\d+\w*)$")]
    private static partial Regex CudaDistribution();

    /// <summary>Cluster job scripts that request GPUs from the scheduler (`#SBATCH --gres=gpu:1`, `sbatch --gpus=4`, `qsub -l gpus=1`).</summary>
    private static IEnumerable<Evidence> SchedulerGpuRequests(ProjectModel project)
    {
        foreach (var f in project.Index.Files.Where(f => f.IsText && f.Extension is ".sh" or ".slurm" or ".sbatch" or ".job" or ".pbs" && !project.IsVendoredPackagePath(f.Path)).Take(200))
        {
            if (project.Text(f.Path) is { } text && SchedulerGpu().Match(text.Text) is { Success: true } m)
            {
                yield return Evidence.At(f.Path, text.GetPosition(m.Index).Line, $"the job script requests GPUs from the scheduler: {m.Value.Trim()}");
                yield break;
            }
        }
    }

    [GeneratedRegex(@"--gres[= ]gpu\S*|--gpus(?:-per-node|-per-task)?[= ]\d+|-l\s+\S*gpus?=\d+|#PBS\s+-l\s+\S*ngpus=\d+")]
    private static partial Regex SchedulerGpu();

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
                        yield return Evidence.At(d.Path, project.LineIn(d.Path, s, m.Value), $"the docs state a GPU is needed: \"{m.Value.Trim()}\"");
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
                    yield return Evidence.At(m.Path, c.Line, IsTpuCall(c.Target) ? "uses a TPU" : "uses a GPU", c.RawTarget);
                }
            }

            foreach (var e in LibraryGpuParameters(project, m))
            {
                yield return e;
            }
        }
    }

    /// <summary>A call that targets a TPU (tf.estimator.tpu.TPUEstimator, TPUClusterResolver, torch_xla).</summary>
    private static bool IsTpuCall(string target) =>
        target.Contains("tpu", StringComparison.OrdinalIgnoreCase) || target.StartsWith("torch_xla.", StringComparison.Ordinal);

    /// <summary>Longest module text scanned for library GPU parameters.</summary>
    private const int MaxParameterScanChars = 2_000_000;

    /// <summary>
    /// GPU parameters of an imported library (gpu-parameters.tsv), as a keyword argument or a params-dict entry:
    /// <c>LGBMRegressor(**{'device': 'gpu'})</c>, <c>XGBClassifier(tree_method='gpu_hist')</c>, <c>CatBoostClassifier(task_type="GPU")</c>.
    /// </summary>
    private static IEnumerable<Evidence> LibraryGpuParameters(ProjectModel project, ModuleSummary m)
    {
        var roots = m.Imports.Where(i => i.Level == 0).Select(i => i.Module.Split('.')[0]).ToHashSet(StringComparer.Ordinal);
        var parameters = GpuParameters.For(roots).ToList();
        if (parameters.Count == 0)
        {
            yield break;
        }

        var source = m.Notebook is { } nb ? nb.Code : project.Text(m.Path)?.Text;
        if (source is null || source.Length > MaxParameterScanChars)
        {
            yield break;
        }

        var lineNo = 0;
        foreach (var raw in source.Split('\n'))
        {
            lineNo++;
            var code = raw.TrimStart();
            if (code.StartsWith('#'))
            {
                continue;
            }

            foreach (Match p in ParameterValue().Matches(code))
            {
                var key = p.Groups["k"].Value;
                if (parameters.FirstOrDefault(x => x.Parameter == key && x.SelectsGpu(p.Groups["v"].Value)) is { } hit)
                {
                    yield return Evidence.At(m.Path, lineNo, $"uses a GPU ({hit.Module} {key}={p.Groups["v"].Value})", p.Value);
                    yield break;
                }
            }
        }
    }

    /// <summary>A string value given to a keyword argument or a dict key: <c>device='gpu'</c>, <c>'tree_method': "gpu_hist"</c>.</summary>
    [GeneratedRegex(@"(?:['""](?<k>\w+)['""]\s*:\s*|(?<![\w.])(?<k>\w+)\s*=\s*)['""](?<v>[\w:.-]{1,24})['""]")]
    private static partial Regex ParameterValue();

    /// <summary>The first match of a pattern in each section (heading and text) of the docs.</summary>
    private static IEnumerable<Evidence> DocMatches(ProjectModel project, Regex pattern, string note) =>
        project.Docs.SelectMany(d => d.Sections.Select(s => (d.Path, Section: s, Match: pattern.Match(s.Heading + "\n" + s.Text))))
            .Where(x => x.Match.Success)
            .Select(x => Evidence.At(x.Path, project.LineIn(x.Path, x.Section, x.Match.Value), $"{note}: \"{x.Match.Value.Trim()}\""));

    /// <summary>
    /// Sections of the docs that name the hardware: a GPU model, its memory, the CUDA version, a TPU or hosted GPU. A count alone
    /// ("a single GPU", "4 GPUs") says how many, not which: such docs are read as mentioning the GPU without specifics.
    /// </summary>
    private static IEnumerable<Evidence> HardwareDocs(ProjectModel project) => DocMatches(project, SpecificHardwareMention(), "documents hardware");

    /// <summary>
    /// Sections of the docs that state a main-memory (RAM) need of at least <see cref="DocumentedMemory.LargeHostMemoryGb"/> GB
    /// ("~200GB RAM is required", "RAM: 208GB", "at least 64 GB of RAM"); GPU memory is left to the GPU rules.
    /// </summary>
    private static IEnumerable<Evidence> LargeMemoryDocs(ProjectModel project) =>
        project.Docs.SelectMany(d => d.Sections.Select(s => (d.Path, Section: s, Match: DocumentedMemory.LargeHostMemory(s.Heading + "\n" + s.Text))))
            .Where(x => x.Match is not null)
            .Select(x => Evidence.At(x.Path, project.LineIn(x.Path, x.Section, x.Match!.Value), $"documents the memory required: \"{x.Match!.Value.Trim()}\""));

    // GPU model names are upper case and never a flag's value (`grep -A10`) or a list label (`A10: the answer…`).
    [GeneratedRegex(@"\b(?:(?-i:(?<![-/])(?:[ABHLTV]100|A10G?|A6000|A40|H200|L4|T4|P100|K80)(?![:\w]))|RTX\s?[0-9]{3,4}|(?:a single|one|two|four|eight)\s+(?:NVIDIA\s+)?(?:GeForce\s+)?[1-4]0[5-9]0(?:\s?Ti)?s?|GTX\s?[0-9]{3,4}|TITAN|TPU\s?v?[0-9]*|[0-9]+\s?(?:x\s?)?GPUs?|(?:a single|one|two|four|eight) GPUs?|GPUs? with [0-9]+\s?GB|[0-9]+\s?GB (?:of )?(?:GPU|VRAM|video|RAM|memory)|VRAM|CUDA\s?(?:version\s?)?(?:[<>=~]=?\s?)?[0-9]+(?:\.[0-9]+)?|cuDNN\s?[0-9]|NVIDIA drivers?|(?:Kaggle|Colab(?:oratory)?)(?:\s+(?:kernel|notebook|Pro))?\s+(?:GPU|TPU)s?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HardwareMention();

    /// <summary><see cref="HardwareMention"/> without the bare GPU counts ("a single GPU", "8 GPUs").</summary>
    [GeneratedRegex(@"\b(?:(?-i:(?<![-/])(?:[ABHLTV]100|A10G?|A6000|A40|H200|L4|T4|P100|K80)(?![:\w]))|RTX\s?[0-9]{3,4}|(?:a single|one|two|four|eight)\s+(?:NVIDIA\s+)?(?:GeForce\s+)?[1-4]0[5-9]0(?:\s?Ti)?s?|GTX\s?[0-9]{3,4}|TITAN|TPU\s?v?[0-9]*|GPUs? with [0-9]+\s?GB|[0-9]+\s?GB (?:of )?(?:GPU|VRAM|video|RAM|memory)|VRAM|CUDA\s?(?:version\s?)?(?:[<>=~]=?\s?)?[0-9]+(?:\.[0-9]+)?|cuDNN\s?[0-9]|NVIDIA drivers?|(?:Kaggle|Colab(?:oratory)?)(?:\s+(?:kernel|notebook|Pro))?\s+(?:GPU|TPU)s?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SpecificHardwareMention();

    [GeneratedRegex(@"\b(?:requires?|required|needs?|assumes?|assuming|on a (?:machine|node|server|computer) with)\b[^.\n]{0,60}?\b(?:GPUs?|VRAM)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DeclaredGpuNeed();

    [GeneratedRegex(@"\b(?:not|no|without|optional(?:ly)?|nor)\b|n't\b", RegexOptions.IgnoreCase)]
    private static partial Regex Negation();

    [GeneratedRegex(@"\.(?:startswith|endswith|find|index|count|__eq__|__contains__|lower|upper|strip|split)$")]
    private static partial Regex StringTest();

    [GeneratedRegex(@"\b(?:GPUs?|CUDA|NVIDIA)\b", RegexOptions.IgnoreCase)]
    private static partial Regex VagueHardwareMention();

    [GeneratedRegex(@"\b(?:dtype|bf16|bfloat16|float16|fp16|half|memory_\w+|mem)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotADeviceChoice();

    [GeneratedRegex(@"^\s*assert\s+[\w.]*cuda\.is_available\(\)")]
    private static partial Regex AssertAvailable();

    [GeneratedRegex(@"^\s*(?:el)?if\s+not\s+[\w.]*cuda\.is_available\(\)\s*:")]
    private static partial Regex IfNotAvailable();

    [GeneratedRegex(@"^\s*if\s+[\w.]*cuda\.is_available\(\)\s*:\s*(?:#.*)?$")]
    private static partial Regex IfAvailable();

    [GeneratedRegex(@"\.cuda\(|\.to\(|\bdevice\b|[""']cuda|DataParallel|set_device|\bcuda\s*=")]
    private static partial Regex DeviceUse();

    [GeneratedRegex(@"^\s*try\s*:")]
    private static partial Regex TryHeader();

    [GeneratedRegex(@"^\s*else\s*:")]
    private static partial Regex ElseLine();

    [GeneratedRegex(@"^\s*(?:if|elif|else|for|while|except)\b")]
    private static partial Regex ConditionalHeader();

    [GeneratedRegex(@"^\s*(?:if|elif|else|except)\b")]
    private static partial Regex ConditionalBranch();

    [GeneratedRegex(@"^\s*(?:async\s+)?(?:def|class)\b")]
    private static partial Regex DefinitionHeader();

    [GeneratedRegex(@"\bif\b.*\belse\b")]
    private static partial Regex InlineCondition();

    [GeneratedRegex(@"^\s*(?:raise\b|(?:sys\.)?exit\(|quit\()")]
    private static partial Regex StopStatement();

    // {"": 0}, {'': local_rank}, {"": int(os.environ.get("LOCAL_RANK") or 0)}, {"": torch.cuda.current_device()}, {"": accelerator.process_index}
    [GeneratedRegex(@"^\{\s*(?:""""|'')\s*:\s*(?:[0-9]+\s*\}|[^}]*(?:rank|RANK|current_device|process_index))")]
    private static partial Regex GpuIndexMap();

    [GeneratedRegex(@"^(?:cuda|gpu):\s*[1-9][0-9]*$", RegexOptions.IgnoreCase)]
    private static partial Regex SecondGpu();

    [GeneratedRegex(@"(?<=[.!?;])\s+|\n")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\b(?:train(?:s|ed|ing)?|(?:pre|re)-?train(?:s|ed|ing)?|fine-?tun(?:e|es|ed|ing))\b", RegexOptions.IgnoreCase)]
    private static partial Regex TrainingWord();

    [GeneratedRegex(@"\b(?:(?:[2-9]|[1-9][0-9]+)\s?(?:x\s?)?(?:[\w-]+\s){0,2}GPUs|(?:two|three|four|eight|several|multiple)\s(?:[\w-]+\s){0,2}GPUs|multi-?GPUs?|[2-9]\s?x\s?(?:[ABHV]100|A6000|RTX\s?[0-9]{4}))\b", RegexOptions.IgnoreCase)]
    private static partial Regex MultiGpuMention();
}
