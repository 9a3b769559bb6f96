using System.Text.RegularExpressions;
using MLRepro.Model;

namespace MLRepro.Analysis;

public static partial class RunBlockers
{
    /// <summary>
    /// Calls that point an experiment tracker at a server, and the argument naming it: MLflow's client contacts that server on
    /// the first call that needs it (set_experiment, start_run, log_*) and raises when it cannot be reached.
    /// </summary>
    private static readonly (string Target, int Position, string Keyword)[] TrackingServerCalls =
    [
        ("mlflow.set_tracking_uri", 0, "uri"), ("mlflow.tracking.set_tracking_uri", 0, "uri"),
        ("mlflow.MlflowClient", 0, "tracking_uri"), ("mlflow.tracking.MlflowClient", 0, "tracking_uri"), ("mlflow.client.MlflowClient", 0, "tracking_uri"),
    ];

    /// <summary>
    /// Runs that log to a tracking server nothing in the project starts or documents: <c>mlflow.set_tracking_uri("http://host:5000")</c>
    /// (or <c>"databricks"</c>, a hosted workspace) in a module the run executes, while no command, script, compose file or document
    /// starts a server (<c>mlflow server</c>, <c>mlflow ui</c>, an mlflow image). A file store (<c>file:</c>, <c>sqlite:</c>, a folder)
    /// needs nothing. The run depends on a service the user has to guess.
    /// </summary>
    public static IEnumerable<RunBlocker> UnprovidedTrackingServers(ProjectModel project, IReadOnlySet<string> modules)
    {
        var found = new List<RunBlocker>();
        foreach (var m in project.PythonModules.Where(m => modules.Contains(m.Path) && !ConfigAnalysis.IsTestOrTooling(m.Path)))
        {
            foreach (var c in m.Calls)
            {
                foreach (var (target, position, keyword) in TrackingServerCalls)
                {
                    if (c.Target == target && (c.PositionalAt(position) ?? c.Keyword(keyword))?.Literal?.AsString is { } uri && NeedsServer(uri))
                    {
                        found.Add(new RunBlocker(m.Path, c.Line, $"logs to the MLflow tracking server {uri}, which nothing in the project starts or documents: the run fails when it cannot reach it", c.RawTarget + "(…)"));
                        break;
                    }
                }
            }
        }

        if (found.Count == 0 || ServerProvided(project))
        {
            return [];
        }

        return found.DistinctBy(b => b.Path).Take(MaxPerKind);
    }

    /// <summary>Files searched for a server start (scripts, documents, compose and container files), a guard against data-heavy trees.</summary>
    public const int MaxServerSearchFiles = 2_000;

    private static bool NeedsServer(string uri) =>
        uri.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || uri.Equals("databricks", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("databricks://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a command, script, container file or document starts or describes a tracking server.</summary>
    private static bool ServerProvided(ProjectModel project)
    {
        if (project.Commands.Any(c => ServerStart().IsMatch(c.Text)))
        {
            return true;
        }

        foreach (var f in project.Index.Files.Where(f => f.Size <= MaxScannedChars && (f.Extension is ".sh" or ".bash" or ".md" or ".rst" or ".yml" or ".yaml" or ".toml"
            || f.Name is "Makefile" or "Dockerfile" or "Procfile" || f.Name.StartsWith("Dockerfile", StringComparison.Ordinal))).Take(MaxServerSearchFiles))
        {
            if (project.Text(f.Path)?.Text is { } text && ServerStart().IsMatch(text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>`mlflow server`, `mlflow ui`, or an mlflow container image (a compose service).</summary>
    [GeneratedRegex(@"(?i)\bmlflow\s+(?:server|ui)\b|image:\s*\S*mlflow")]
    private static partial Regex ServerStart();
}
