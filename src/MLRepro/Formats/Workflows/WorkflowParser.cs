using MLRepro.Formats.Config;
using MLRepro.Formats.Yaml;
using MLRepro.Text;

namespace MLRepro.Formats.Workflows;

/// <summary>Parses GitHub Actions workflows and .gitlab-ci.yml into jobs, steps and the commands they run.</summary>
public static class WorkflowParser
{
    /// <summary>GitLab top-level keys that are settings, not jobs.</summary>
    private static readonly HashSet<string> GitLabReserved = new(StringComparer.Ordinal) { "stages", "variables", "default", "include", "workflow", "image", "services", "before_script", "after_script", "cache", "types", "pages:deploy" };

    /// <summary>Which CI system a path belongs to, if any.</summary>
    public static CiSystem? SystemOf(string path) =>
        path.StartsWith(".github/workflows/", StringComparison.Ordinal) && (path.EndsWith(".yml", StringComparison.Ordinal) || path.EndsWith(".yaml", StringComparison.Ordinal)) && path.Count(c => c == '/') == 2 ? CiSystem.GitHubActions
        : path is ".gitlab-ci.yml" or ".gitlab-ci.yaml" ? CiSystem.GitLabCi
        : null;

    /// <summary>Parses one workflow file.</summary>
    public static WorkflowDocument Parse(SourceText source, CiSystem system)
    {
        var diags = new List<Diagnostic>();
        var root = YamlLoader.Load(source, diags).RootMapping;
        var jobs = new List<CiJob>();
        var triggers = new List<string>();
        if (system == CiSystem.GitHubActions)
        {
            // `on:` is a YAML 1.1 boolean to PyYAML, but GitHub reads it as the key "on".
            switch (root?["on"] ?? root?["true"])
            {
                case YamlScalarNode s:
                    triggers.Add(s.Value);
                    break;
                case YamlSequenceNode q:
                    triggers.AddRange(q.Items.OfType<YamlScalarNode>().Select(s => s.Value));
                    break;
                case YamlMappingNode m:
                    triggers.AddRange(m.Entries.Select(e => e.Key));
                    break;
            }

            var workflowDir = DefaultWorkingDirectory(root);
            foreach (var (name, line, node) in (root?["jobs"] as YamlMappingNode)?.Entries ?? [])
            {
                var steps = new List<CiStep>();
                var jobDir = DefaultWorkingDirectory(node as YamlMappingNode) ?? workflowDir;
                if ((node as YamlMappingNode)?["uses"] is YamlScalarNode reusable)
                {
                    // A job that calls a reusable workflow runs no steps of its own.
                    steps.Add(new CiStep(null, reusable.Value, [], reusable.Line));
                }

                foreach (var st in ((node as YamlMappingNode)?["steps"] as YamlSequenceNode)?.Items.OfType<YamlMappingNode>() ?? [])
                {
                    steps.Add(new CiStep(Str(st["name"]), Str(st["uses"]), Commands(st["run"]), st.Line, Str(st["working-directory"]) ?? jobDir));
                }

                jobs.Add(new CiJob(name, line, steps));
            }
        }
        else
        {
            var globalBefore = Commands(root?["before_script"] ?? (root?["default"] as YamlMappingNode)?["before_script"]);
            foreach (var (name, line, node) in root?.Entries ?? [])
            {
                if (GitLabReserved.Contains(name) || name.StartsWith('.') || node is not YamlMappingNode job)
                {
                    continue;
                }

                var steps = new List<CiStep>();
                var before = job["before_script"] is { } b ? Commands(b) : globalBefore;
                if (before.Count > 0)
                {
                    steps.Add(new CiStep("before_script", null, before, before[0].Line));
                }

                foreach (var section in new[] { "script", "after_script" })
                {
                    if (job[section] is { } s)
                    {
                        steps.Add(new CiStep(section, null, Commands(s), s.Line));
                    }
                }

                if (job["trigger"] is null && job["script"] is null && job["extends"] is null)
                {
                    diags.Add(new Diagnostic(source.Path, SourceSpan.At(line), DiagnosticSeverity.Info, "ci.job-no-script", $"job '{name}' has no script"));
                }

                jobs.Add(new CiJob(name, line, steps));
            }
        }

        if (root is null)
        {
            diags.Add(new Diagnostic(source.Path, SourceSpan.At(1), DiagnosticSeverity.Warning, "ci.not-a-mapping", "workflow is empty or not a mapping"));
        }

        return new WorkflowDocument(source.Path, system, Str(root?["name"]), triggers, jobs, diags);
    }

    /// <summary>`defaults: run: working-directory:` of a workflow or a job.</summary>
    private static string? DefaultWorkingDirectory(YamlMappingNode? node) =>
        ((node?["defaults"] as YamlMappingNode)?["run"] as YamlMappingNode)?["working-directory"] is YamlScalarNode s ? s.Value : null;

    /// <summary>Commands of a `run:` block or a `script:` list (nested lists flattened); one per line.</summary>
    private static List<CiCommand> Commands(YamlNode? node)
    {
        var list = new List<CiCommand>();
        switch (node)
        {
            case YamlScalarNode s when !s.IsNull:
            {
                // A block scalar's content starts on the line after the `|`.
                var first = s.Block ? s.Line + 1 : s.Line;
                var lines = s.Value.Split('\n');
                for (var i = 0; i < lines.Length; i++)
                {
                    if (lines[i].Trim().Length > 0 && !lines[i].TrimStart().StartsWith('#'))
                    {
                        list.Add(new CiCommand(lines[i].Trim(), first + i));
                    }
                }

                break;
            }

            case YamlSequenceNode q:
                foreach (var item in q.Items)
                {
                    list.AddRange(Commands(item));
                }

                break;
        }

        return list;
    }

    private static string? Str(YamlNode? n) => n is YamlScalarNode s && !s.IsNull ? s.Value : null;
}
