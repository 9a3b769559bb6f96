using MLRepro.Indexing;
using MLRepro.Model;

namespace MLRepro.Cli.Commands;

/// <summary>The human summary of `mlrepro index`.</summary>
internal static class IndexSummary
{
    public static void Write(TextWriter o, ProjectModel model)
    {
        var index = model.Index;
        o.WriteLine($"Project: {index.Root}");
        if (index.Git is { } g)
        {
            o.WriteLine($"Git: {g.Branch ?? "(detached)"} @ {(g.Head is null ? "(no commits)" : g.Head[..Math.Min(12, g.Head.Length)])}{(g.IsDirty ? ", uncommitted changes" : string.Empty)}{(g.RemoteUrl is null ? string.Empty : ", remote " + g.RemoteUrl)}");
        }
        else
        {
            o.WriteLine("Git: not a git work tree");
        }

        o.WriteLine($"Files: {index.Files.Length}{(index.Truncated ? " (truncated at the file limit)" : string.Empty)}");
        foreach (var kind in Enum.GetValues<FileKind>())
        {
            var n = index.Files.Count(f => f.Kind == kind);
            if (n > 0)
            {
                o.WriteLine($"  {kind.ToString().ToLowerInvariant(),-11} {n}");
            }
        }

        if (index.Git is not null)
        {
            foreach (var st in new[] { GitStatus.Tracked, GitStatus.Untracked, GitStatus.Ignored })
            {
                o.WriteLine($"  {st.ToString().ToLowerInvariant(),-11} {index.Files.Count(f => f.Git == st)}");
            }
        }

        var lfs = index.Files.Count(f => f.IsLfsPointer);
        if (lfs > 0)
        {
            o.WriteLine($"  LFS pointers {lfs}");
        }

        // One block per area of the model.
        o.WriteLine($"Python: {model.PythonModules.Count(m => !m.IsNotebook)} modules, {model.PythonModules.Count(m => m.IsNotebook)} notebooks, {model.PythonModules.Sum(m => m.Calls.Length)} calls");
        o.WriteLine($"Dependencies: {model.Dependencies.Length} in {model.DependencyFiles.Length} files, {model.Dependencies.Count(d => d.IsPinned)} pinned");
        o.WriteLine($"Python versions: {(model.Runtimes.IsEmpty ? "none declared" : string.Join(", ", model.Runtimes.Select(r => $"{r.Version} ({r.Path})").Distinct().Take(8)))}");
        o.WriteLine($"Containers: {(model.Containers.IsEmpty ? "none" : string.Join(", ", model.Containers.Select(c => $"{c.Kind.ToString().ToLowerInvariant()} {(c.Path.Length == 0 ? "." : c.Path)}{(c.RequestsGpu ? " (GPU)" : string.Empty)}")))}");
        o.WriteLine($"Config files: {model.ConfigFiles.Count} ({model.ConfigFiles.Sum(c => c.Entries.Count)} values)");
        foreach (var p in model.Pipelines)
        {
            o.WriteLine($"  pipeline {p.Tool.ToString().ToLowerInvariant(),-9} {p.Path} ({p.Stages.Count} stages)");
        }

        o.WriteLine($"CI workflows: {model.Workflows.Count} ({model.Workflows.Sum(w => w.Jobs.Count)} jobs)");
        o.WriteLine($"Docs: {model.Docs.Count}{(model.Readme is { } readme ? $" (README: {readme.Path}, {readme.Commands.Length} commands, {readme.Badges.Length} badges)" : " (no README)")}");
        if (model.ReproducibilityReport is { } rr)
        {
            o.WriteLine($"Reproducibility report: {rr.Path}, sections {string.Join(" ", rr.Sections.Select(s => $"{s.Level}:{s.CheckedCount}/{s.Items.Length}"))}{(rr.DeclaredStars is { } st ? $", declares {st} stars" : string.Empty)}");
        }

        var dt = model.DataTracking;
        o.WriteLine($"Data: {dt.LfsPatterns.Length} LFS patterns, {dt.LfsPointers.Length} LFS pointers, {dt.Sources.Length} data sources, {dt.DownloadScripts.Length} download scripts, {model.DatasetSchemas.Length} dataset schemas");
        var diags = model.Diagnostics;
        o.WriteLine($"Diagnostics: {diags.Length}");
        foreach (var d in diags.Take(50))
        {
            o.WriteLine($"  {d}");
        }

        if (diags.Length > 50)
        {
            o.WriteLine($"  … {diags.Length - 50} more (use --format json for all)");
        }
    }
}
