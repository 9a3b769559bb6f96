using System.Text.Json;
using MLRepro.Model;

namespace MLRepro.Reporting.Json;

/// <summary>Writes what mlrepro understood of a project (`mlrepro index --format json`).</summary>
public static class ModelJsonWriter
{
    /// <summary>Schema id of this document.</summary>
    public const string Schema = "mlrepro/index/v1";

    /// <summary>Writes the model as one JSON document.</summary>
    public static void Write(TextWriter writer, ProjectModel model)
    {
        model.ParseAll();
        var index = model.Index;
        var doc = new Dictionary<string, object?>
        {
            ["schema"] = Schema,
            ["git"] = index.Git is { } g ? new { head = g.Head, branch = g.Branch, isDirty = g.IsDirty, remoteUrl = g.RemoteUrl } : null,
            ["truncated"] = index.Truncated,
            ["files"] = index.Files.Select(f => new { path = f.Path, size = f.Size, kind = f.Kind, git = f.Git, lfsPointer = f.IsLfsPointer ? true : (bool?)null, linkTarget = f.LinkTarget }),
        };
        // One line per area of the model.
        doc["pythonModules"] = model.PythonModules.Select(MLRepro.Python.ModuleSummaryJson.Of);
        (doc["dependencies"], doc["runtimes"], doc["containers"]) = (model.DependencyFiles, model.Runtimes, model.Containers);
        doc["configFiles"] = model.ConfigFiles.Select(c => new { path = c.Path, format = c.Format, role = c.Role, entries = c.Entries.Count, hydraGroup = c.HydraGroup, hydraOption = c.HydraOption });
        doc["pipelines"] = model.Pipelines.Select(p => new { tool = p.Tool, path = p.Path, stages = p.Stages.Select(s => new { name = s.Name, line = s.Line, commands = s.Commands, deps = s.Deps, outs = s.Outs.Select(o => o.Path), @params = s.Params }) });
        doc["docs"] = model.Docs;
        doc["reproducibility"] = model.ReproducibilityReport;
        doc["dataTracking"] = model.DataTracking;
        doc["datasets"] = model.DatasetSchemas;
        doc["tools"] = new { frameworks = model.Tools.Frameworks, apps = model.Tools.Apps, trackers = model.Tools.Trackers, orchestrators = model.Tools.Orchestrators };
        doc["diagnostics"] = model.Diagnostics.Select(d => new { path = d.Path, line = d.Span?.Line, column = d.Span?.Column, severity = d.Severity, code = d.Code, message = d.Message });
        writer.Write(JsonSerializer.Serialize(doc, JsonDefaults.Options));
        writer.WriteLine();
    }
}
