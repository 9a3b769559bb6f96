using MLRepro.Analysis;
using MLRepro.Checks.Environment;
using MLRepro.Knowledge;
using MLRepro.Model;
using MLRepro.Reporting;

namespace MLRepro.Assessment;

/// <summary>Collects the facts a REPRODUCIBILITY.md links to, from the model's analyses.</summary>
internal static class FactsBuilder
{
    public static ProjectFacts Build(ProjectModel model)
    {
        var data = model.Data;
        var dataFacts = new List<FactData>();
        var committed = data.CommittedDataFiles.ToList();
        foreach (var group in committed.GroupBy(f => f.Directory).Take(10))
        {
            dataFacts.Add(new FactData(group.Count() == 1 ? group.First().Path : group.Key + "/", $"committed ({group.Count()} file{(group.Count() == 1 ? string.Empty : "s")})", group.First().Path, null));
        }

        var produced = data.ProducedPaths.ToHashSet(StringComparer.Ordinal);
        dataFacts.AddRange(data.TrackedPaths.Take(10).Select(p => new FactData(p, produced.Contains(p) ? "pipeline output tracked by DVC" : "tracked by DVC or Git LFS", null, null)));
        dataFacts.AddRange(model.DataTracking.Sources.Where(s => s.Kind != Formats.DataTracking.DataSourceKind.HuggingFaceModel).Take(10)
            .Select(s => new FactData(s.Value, s.Kind.ToString(), s.Path, s.Line)));
        dataFacts.AddRange(model.DataTracking.DownloadScripts.Select(p => new FactData(p, "download script", p, null)));

        var apps = model.Tools.Apps.Select(a => new FactFile(a.Path, a.Line, $"{a.Name} app — run it locally")).ToList();
        apps.AddRange(model.EntryPoints.All.Where(e => e.Script is { } s && (s.Contains("predict", StringComparison.OrdinalIgnoreCase) || s.Contains("infer", StringComparison.OrdinalIgnoreCase)))
            .Select(e => new FactFile(e.Script!, null, "prediction script")).DistinctBy(f => f.Path));

        var metrics = model.Tools.Trackers.Select(t => new FactFile(t.Path, t.Line > 0 ? t.Line : null, $"logs to {t.Name}")).ToList();
        metrics.AddRange(model.Pipelines.SelectMany(p => p.Stages).SelectMany(s => s.Metrics.Concat(s.Plots).Select(o => new FactFile(o.Path, null, $"metrics of stage {s.Name}"))));

        return new ProjectFacts
        {
            EntryPoints = [.. model.EntryPoints.All.Take(20).Select(e => new FactEntryPoint(e.Kind.ToString(), e.DeclaredIn, e.Line, e.Command, e.Script))],
            ConfigFiles = [.. model.Config.ParameterFiles.Select(f => new FactFile(f.Path, null, $"{f.Entries.Count} parameter(s)"))
                .Concat(model.Config.PythonConfigModules.Select(m => new FactFile(m.Path, null, "Python config module")))],
            Data = dataFacts,
            DataSchemas = [.. model.DatasetSchemas.Where(s => s.Fields.Length > 0).Select(s => new FactFile(s.Source, s.Line, $"{s.Kind}: {s.Fields.Length} field(s)"))],
            Stages = [.. model.Pipelines.Where(p => p.Tool != PipelineTool.MLflow).SelectMany(p => p.Stages.Select(s => new FactStage(p.Tool.ToString(), s.Name, s.SourcePath, s.Line, s.Commands, s.Deps, [.. s.Outs.Concat(s.Metrics).Concat(s.Plots).Select(o => o.Path)])))],
            PackageFiles = [.. model.DependencyFiles.Where(f => f.Dependencies.Length > 0 && f.Format is not (Formats.Dependencies.DependencyFileFormat.ShellScript or Formats.Dependencies.DependencyFileFormat.Dockerfile))
                .Select(f => new FactFile(f.Path, null, $"{f.Format}: {f.Dependencies.Length} package(s), {f.Dependencies.Count(d => d.IsPinned)} pinned"))],
            Environments = [.. model.Containers.Select(c => new FactFile(c.Path.Length == 0 ? "." : c.Path, c.Images.FirstOrDefault()?.Line,
                $"{c.Kind}{(c.Images.Length > 0 ? " from " + c.Images[^1].Reference : string.Empty)}{(c.PythonVersion is { } py ? ", Python " + py : string.Empty)}{(c.CudaVersion is { } cu ? ", CUDA " + cu : string.Empty)}"))
                .Concat(model.DependencyFiles.Where(f => f.Format == Formats.Dependencies.DependencyFileFormat.CondaEnvironment).Select(f => new FactFile(f.Path, null, "conda environment")))],
            Hardware = [.. EnvHardwareCheck.GpuUses(model).Take(5).Select(e => new FactFile(e.Path, e.Span?.Line, e.Note))],
            Apps = apps,
            Metrics = [.. metrics.DistinctBy(m => (m.Path, m.Description))],
        };
    }
}
