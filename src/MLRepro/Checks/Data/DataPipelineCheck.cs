using MLRepro.Checks.Code;
using MLRepro.Findings;
using MLRepro.Model;

namespace MLRepro.Checks.Data;

/// <summary>data.pipeline — resource-intensive projects split into stages whose artifacts are tracked.</summary>
public sealed class DataPipelineCheck : CheckBase
{
    /// <summary>Data above this size makes a project resource-intensive (100 MB).</summary>
    public const long IntensiveDataBytes = 100L * 1000 * 1000;

    /// <summary>Configured epochs at or above this make training long.</summary>
    public const int LongTrainingEpochs = 50;

    /// <inheritdoc />
    public override CheckInfo Info { get; } = new(
        "data.pipeline",
        StarLevel.Data,
        "Pipeline stages tracked",
        "For resource-intensive projects the pipeline is split into stages (e.g. preprocessing, training), and each stage's " +
        "intermediate artifacts are tracked and managed with the code, so a collaborator can run one stage alone and get testable output.",
        $"Resource-intensive means: a GPU the code requires (no CPU fallback) or distributed training, data over {IntensiveDataBytes / 1000 / 1000} MB, or long training ({LongTrainingEpochs}+ epochs configured). " +
        "Met when a tracked pipeline exists (dvc.yaml with dvc.lock, or Kedro/Snakemake with tracked outputs), even in a cheap project; " +
        "stages without tracked artifacts (a Makefile, a dvc.yaml without lock) are Partial in an intensive project; no pipeline is NotMet " +
        "there and NotApplicable in a cheap one.",
        "Split the work into stages with dvc.yaml (`dvc stage add -n train -d … -o …`), run `dvc repro` and commit dvc.lock.",
        [],
        ProvenOnlyByRunning: false);

    /// <inheritdoc />
    public override Finding Run(ProjectModel project)
    {
        var pipelines = project.Pipelines.Where(p => p.Tool != PipelineTool.MLflow && p.Stages.Count > 0).ToList();
        var dvc = pipelines.Where(p => p.Tool == PipelineTool.Dvc).ToList();
        var stages = pipelines.SelectMany(p => p.Stages).Where(s => s.Outs.Count + s.Metrics.Count > 0).ToList();
        var stageEvidence = pipelines.SelectMany(p => p.Stages).Take(10).Select(s => Evidence.At(s.SourcePath, s.Line,
            $"stage {s.Name}: {s.Commands.FirstOrDefault() ?? "(no command)"}{(s.Outs.Count > 0 ? " → " + string.Join(", ", s.Outs.Select(o => o.Path)) : string.Empty)}")).ToList();
        if (dvc.Count > 0 && project.DvcLock is { Stages.Count: > 0 } lk)
        {
            return Found(Outcome.Met, $"a DVC pipeline of {Count(dvc.Sum(p => p.Stages.Count), "stage")} with its lock file tracks every stage's artifacts.",
                stageEvidence.Append(Evidence.At(lk.Path, 1, $"dvc.lock records hashes for {Count(lk.Stages.Count, "stage")}")));
        }

        var trackedOther = pipelines.Where(p => p.Tool is PipelineTool.Kedro or PipelineTool.Snakemake && p.Stages.Any(s => s.Outs.Any(o => o.Tracked))).ToList();
        if (trackedOther.Count > 0)
        {
            return Found(Outcome.Met, $"a {trackedOther[0].Tool} pipeline with versioned outputs.", stageEvidence);
        }

        var (intensive, why) = ResourceIntensive(project);
        if (!intensive)
        {
            if (stages.Count > 0 && pipelines.Any(p => p.Tool != PipelineTool.Make))
            {
                return Found(Outcome.Met, "the project is small, and its pipeline stages still declare their outputs.", stageEvidence);
            }

            return Found(Outcome.NotApplicable, "a small, cheap project: a stage pipeline is not needed.",
                Evidence.Repo($"no GPU use, {CodeExampleInputCheck.Bytes(project.Data.TotalBytes)} of data (under {IntensiveDataBytes / 1000 / 1000} MB), no long training"));
        }

        if (stages.Count > 0)
        {
            return Found(Outcome.Partial, $"the project is resource-intensive ({why}); its stages declare outputs, but nothing records their hashes (no dvc.lock).",
                stageEvidence, "Run the pipeline with `dvc repro` and commit dvc.lock, so each stage's artifacts are tracked.");
        }

        return Found(Outcome.NotMet, $"the project is resource-intensive ({why}) but is not split into tracked stages.",
            stageEvidence.Count > 0 ? stageEvidence : [Evidence.Repo("no dvc.yaml, Snakefile, Kedro pipeline or Makefile with outputs was found")]);
    }

    /// <summary>Whether the project is resource-intensive, and why.</summary>
    internal static (bool, string) ResourceIntensive(ProjectModel project)
    {
        // "cuda if available" is not intensive: a GPU counts when the code requires it (no CPU path) or trains on several.
        if (!Environment.EnvHardwareCheck.HasCpuFallback(project) && Environment.EnvHardwareCheck.GpuUses(project).FirstOrDefault() is { } gpu)
        {
            return (true, $"it requires a GPU ({gpu.Path}:{gpu.Span?.Line})");
        }

        if (project.PythonModules.SelectMany(m => m.Calls.Select(c => (m, c))).FirstOrDefault(x => x.c.Target.StartsWith("torch.nn.parallel.DistributedDataParallel", StringComparison.Ordinal)
            || x.c.Target.StartsWith("torch.distributed.init_process_group", StringComparison.Ordinal) || x.c.Target.StartsWith("deepspeed.", StringComparison.Ordinal)) is { m: not null } dist)
        {
            return (true, $"it trains on several GPUs ({dist.m.Path}:{dist.c.Line})");
        }

        if (project.Data.TotalBytes > IntensiveDataBytes)
        {
            return (true, $"{CodeExampleInputCheck.Bytes(project.Data.TotalBytes)} of data");
        }

        foreach (var f in project.Config.ParameterFiles)
        {
            foreach (var e in f.Entries)
            {
                var leaf = Analysis.ConfigAnalysis.Leaf(e.KeyPath).ToLowerInvariant();
                if (leaf is "epochs" or "num_epochs" or "n_epochs" or "max_epochs" or "num_train_epochs" && int.TryParse(e.Value, out var n) && n >= LongTrainingEpochs)
                {
                    return (true, $"{e.KeyPath} = {n} in {f.Path}");
                }
            }
        }

        return (false, string.Empty);
    }
}
