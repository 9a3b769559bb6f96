using System.Text.RegularExpressions;
using MLRepro.Formats.Dvc;
using MLRepro.Formats.Kedro;
using MLRepro.Formats.Makefile;
using MLRepro.Formats.MLproject;
using MLRepro.Formats.Snakemake;
using MLRepro.Formats.Workflows;
using MLRepro.Text;

namespace MLRepro.Model;

/// <summary>The tool that runs a pipeline.</summary>
public enum PipelineTool
{
    /// <summary>dvc.yaml.</summary>
    Dvc,
    /// <summary>MLflow MLproject.</summary>
    MLflow,
    /// <summary>GNU make.</summary>
    Make,
    /// <summary>Snakemake.</summary>
    Snakemake,
    /// <summary>Kedro.</summary>
    Kedro,
}

/// <summary>A file a stage writes.</summary>
/// <param name="Path">Path as the tool resolves it (repository-relative for DVC).</param>
/// <param name="Tracked">The tool records the output's content (DVC hashes it in dvc.lock; Kedro `versioned`).</param>
/// <param name="Cached">The tool keeps a copy in its cache (DVC `cache:`).</param>
/// <param name="Persist">Not deleted before a re-run (DVC `persist:`).</param>
public sealed record PipelineOutput(string Path, bool Tracked, bool Cached, bool Persist = false);

/// <summary>One stage of a pipeline, uniformly across tools.</summary>
public sealed record PipelineStage(string Name, IReadOnlyList<string> Commands, IReadOnlyList<string> Deps, IReadOnlyList<PipelineOutput> Outs, IReadOnlyList<string> Params, IReadOnlyList<PipelineOutput> Metrics, IReadOnlyList<PipelineOutput> Plots, string SourcePath, int Line);

/// <summary>A pipeline definition (dvc.yaml, MLproject, Makefile, Snakefile, Kedro project).</summary>
public sealed partial record Pipeline(PipelineTool Tool, string Path, IReadOnlyList<PipelineStage> Stages)
{
    /// <summary>
    /// Stages ordered so that each comes after the stages producing its deps (a dep equal to or under
    /// another stage's output). Ties keep file order. A cycle is reported and its stages appended in file order.
    /// </summary>
    public (IReadOnlyList<PipelineStage> Order, IReadOnlyList<Diagnostic> Diagnostics) TopologicalOrder()
    {
        var n = Stages.Count;
        var edges = new List<int>[n];
        var indegree = new int[n];
        for (var b = 0; b < n; b++)
        {
            edges[b] = [];
        }

        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                if (a != b && Stages[b].Deps.Any(d => Stages[a].Outs.Concat(Stages[a].Metrics).Concat(Stages[a].Plots).Any(o => Covers(o.Path, d))))
                {
                    edges[a].Add(b);
                    indegree[b]++;
                }
            }
        }

        var order = new List<PipelineStage>();
        var done = new bool[n];
        while (true)
        {
            var next = Enumerable.Range(0, n).FirstOrDefault(i => !done[i] && indegree[i] == 0, -1);
            if (next < 0)
            {
                break;
            }

            done[next] = true;
            order.Add(Stages[next]);
            foreach (var b in edges[next])
            {
                indegree[b]--;
            }
        }

        var diags = new List<Diagnostic>();
        if (order.Count < n)
        {
            var cyclic = Enumerable.Range(0, n).Where(i => !done[i]).Select(i => Stages[i]).ToList();
            diags.Add(new Diagnostic(Path, SourceSpan.At(cyclic[0].Line), DiagnosticSeverity.Error, "pipeline.cycle", $"stages depend on each other in a cycle: {string.Join(", ", cyclic.Select(s => s.Name))}"));
            order.AddRange(cyclic);
        }

        return (order, diags);
    }

    private static bool Covers(string output, string dep) =>
        output == dep || dep.StartsWith(output.TrimEnd('/') + "/", StringComparison.Ordinal) || output.StartsWith(dep.TrimEnd('/') + "/", StringComparison.Ordinal);

    /// <summary>The uniform view of dvc.yaml.</summary>
    public static Pipeline From(DvcPipelineDocument d) => new(PipelineTool.Dvc, d.Path, [.. d.Stages.Select(s => new PipelineStage(
        s.Name, s.Commands, [.. s.Deps.Select(p => p.Path)], [.. s.Outs.Select(Out)],
        [.. s.Params.Select(p => p.Key is null ? p.File : p.File + ":" + p.Key)], [.. s.Metrics.Select(Out)], [.. s.Plots.Select(Out)], d.Path, s.Line))]);

    /// <summary>The uniform view of an MLproject: one stage per entry point.</summary>
    public static Pipeline From(MLprojectDocument d) => new(PipelineTool.MLflow, d.Path, [.. d.EntryPoints.Select(e => new PipelineStage(
        e.Name, e.Command is null ? [] : [e.Command], [], [], [.. e.Parameters.Select(p => p.Name)], [], [], d.Path, e.Line))]);

    /// <summary>The uniform view of a Makefile: one stage per rule (phony targets write nothing).</summary>
    public static Pipeline From(MakefileDocument d) => new(PipelineTool.Make, d.Path, [.. d.Rules.Where(r => !r.Targets.Any(t => t.StartsWith('.'))).Select(r => new PipelineStage(
        string.Join(' ', r.Targets), [.. r.Recipe.Select(l => l.Expanded)], r.Prerequisites, r.Phony ? [] : [.. r.Targets.Select(t => new PipelineOutput(t, false, false))],
        [], [], [], d.Path, r.Line))]);

    /// <summary>The uniform view of a Snakefile: one stage per rule.</summary>
    public static Pipeline From(SnakemakeDocument d) => new(PipelineTool.Snakemake, d.Path, [.. d.Rules.Select(r => new PipelineStage(
        r.Name,
        [.. (r.Field("shell")?.Strings ?? []).Take(1).Concat((r.Field("script")?.Strings ?? []).Take(1).Select(s => "script: " + s))],
        r.Field("input")?.Strings ?? [],
        [.. (r.Field("output")?.Strings ?? []).Select(o => new PipelineOutput(o, false, false))],
        r.Field("params") is { } p ? [.. ParamName().Matches(p.Text).Select(m => m.Groups[1].Value)] : [],
        [], [], d.Path, r.Line))]);

    /// <summary>The uniform view of a Kedro project: one stage per modular pipeline (nodes are Python).</summary>
    public static Pipeline From(KedroProject k)
    {
        var outs = k.Catalogs.SelectMany(c => c.Datasets).Where(x => x.FilePath is not null).Select(x => new PipelineOutput(x.FilePath!, x.Versioned, false)).ToList();
        var path = k.RegistryPath ?? (k.Catalogs.Count > 0 ? k.Catalogs[0].Path : null) ?? string.Empty;
        var names = k.Pipelines.Count > 0 ? k.Pipelines : ["__default__"];
        return new(PipelineTool.Kedro, path, [.. names.Select(n => new PipelineStage(n, [n == "__default__" ? "kedro run" : "kedro run --pipeline=" + n], [], outs, [], [], [], path, 1))]);
    }

    private static PipelineOutput Out(DvcPath p) => new(p.Path, true, p.Cache, p.Persist);

    [GeneratedRegex(@"(?m)(?:^|[,(\s])([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)")]
    private static partial Regex ParamName();
}

public sealed partial class ProjectModel
{
    private Lazy<IReadOnlyList<DvcPipelineDocument>>? _dvcPipelines;
    private Lazy<IReadOnlyList<Pipeline>>? _pipelines;
    private Lazy<DvcLockDocument?>? _dvcLock;
    private Lazy<IReadOnlyList<DvcFileDocument>>? _dvcFiles;
    private Lazy<DvcConfigDocument?>? _dvcConfig;
    private Lazy<IReadOnlyList<MLprojectDocument>>? _mlprojects;
    private Lazy<IReadOnlyList<MakefileDocument>>? _makefiles;
    private Lazy<IReadOnlyList<SnakemakeDocument>>? _snakefiles;
    private Lazy<KedroProject?>? _kedro;
    private Lazy<IReadOnlyList<WorkflowDocument>>? _workflows;

    /// <summary>Every dvc.yaml, parsed with interpolation from params.yaml and vars files.</summary>
    public IReadOnlyList<DvcPipelineDocument> DvcPipelines => Lazily(ref _dvcPipelines, () => ParseEach(
        f => f.Name is "dvc.yaml" or "dvc.yml", t => DvcParser.ParsePipeline(t, Text), d => d.Diagnostics));

    /// <summary>The root dvc.lock (else the first one found).</summary>
    public DvcLockDocument? DvcLock => Lazily(ref _dvcLock, () => ParseEach(f => f.Name == "dvc.lock", DvcParser.ParseLock, d => d.Diagnostics).OrderBy(d => d.Path.Count(c => c == '/')).FirstOrDefault());

    /// <summary>Every *.dvc pointer file.</summary>
    public IReadOnlyList<DvcFileDocument> DvcFiles => Lazily(ref _dvcFiles, () => ParseEach(f => f.Extension == ".dvc" && f.Name != ".dvc", DvcParser.ParseDvcFile, d => d.Diagnostics));

    /// <summary>.dvc/config (read even when git ignores it).</summary>
    public DvcConfigDocument? DvcConfig => Lazily(ref _dvcConfig, () => Text(".dvc/config") is { } t ? Reported(DvcParser.ParseConfig(t), d => d.Diagnostics) : null);

    /// <summary>Every MLproject file.</summary>
    public IReadOnlyList<MLprojectDocument> MLprojects => Lazily(ref _mlprojects, () => ParseEach(f => f.Name == "MLproject", MLprojectParser.Parse, d => d.Diagnostics));

    /// <summary>Every Makefile (includes are not followed).</summary>
    public IReadOnlyList<MakefileDocument> Makefiles => Lazily(ref _makefiles, () => ParseEach(f => f.Name is "Makefile" or "makefile" or "GNUmakefile", MakefileParser.Parse, d => d.Diagnostics));

    /// <summary>Every Snakefile (Snakefile, *.smk).</summary>
    public IReadOnlyList<SnakemakeDocument> Snakefiles => Lazily(ref _snakefiles, () => ParseEach(f => f.Name == "Snakefile" || f.Extension == ".smk", SnakemakeParser.Parse, d => d.Diagnostics));

    /// <summary>The Kedro project, when there is a pipeline registry or a catalog.</summary>
    public KedroProject? Kedro => Lazily(ref _kedro, () => KedroParser.DetectProject(Index.Files.Where(Eligible).Select(f => f.Path), ParseEach(f => KedroParser.IsCatalog(f.Path), KedroParser.ParseCatalog, d => d.Diagnostics)));

    /// <summary>CI workflows (GitHub Actions, GitLab CI) and the commands they run.</summary>
    public IReadOnlyList<WorkflowDocument> Workflows => Lazily(ref _workflows, () => ParseEach(f => WorkflowParser.SystemOf(f.Path) is not null, t => WorkflowParser.Parse(t, WorkflowParser.SystemOf(t.Path)!.Value), d => d.Diagnostics));

    /// <summary>All pipelines, uniformly: dvc, MLflow, make, Snakemake, Kedro.</summary>
    public IReadOnlyList<Pipeline> Pipelines => Lazily(ref _pipelines, () =>
    {
        var list = new List<Pipeline>();
        list.AddRange(DvcPipelines.Select(Pipeline.From));
        list.AddRange(MLprojects.Select(Pipeline.From));
        list.AddRange(Makefiles.Select(Pipeline.From));
        list.AddRange(Snakefiles.Select(Pipeline.From));
        if (Kedro is { } k)
        {
            list.Add(Pipeline.From(k));
        }

        foreach (var p in list.Where(p => p.Tool == PipelineTool.Dvc))
        {
            Report(p.TopologicalOrder().Diagnostics);
        }

        return list;
    });

    private static T Lazily<T>(ref Lazy<T>? field, Func<T> create)
    {
        Interlocked.CompareExchange(ref field, new Lazy<T>(create, LazyThreadSafetyMode.ExecutionAndPublication), null);
        return field.Value;
    }

    /// <summary>Files a format parser may read: text, not git-ignored, not vendored.</summary>
    private bool Eligible(Indexing.IndexedFile f) =>
        f.IsText && f.Git != Indexing.GitStatus.Ignored && !f.Path.Split('/')[..^1].Any(d => Formats.Config.ConfigClassifier.VendoredFolders.Contains(d));

    private List<T> ParseEach<T>(Func<Indexing.IndexedFile, bool> pick, Func<SourceText, T> parse, Func<T, IEnumerable<Diagnostic>> diagnostics)
    {
        var list = new List<T>();
        foreach (var f in Index.Files.Where(f => Eligible(f) && pick(f)))
        {
            if (Text(f) is { } t)
            {
                list.Add(Reported(parse(t), diagnostics));
            }
        }

        return list;
    }

    private T Reported<T>(T doc, Func<T, IEnumerable<Diagnostic>> diagnostics)
    {
        Report(diagnostics(doc));
        return doc;
    }
}
