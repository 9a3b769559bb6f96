using System.Text.RegularExpressions;
using MLRepro.Model;
using MLRepro.Python;

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
    /// needs nothing. The run depends on a service the user has to guess. A remote host (the author's own) is
    /// <see cref="AuthorAccountServices"/>' concern.
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
                    if (c.Target == target && (c.PositionalAt(position) ?? c.Keyword(keyword))?.Literal?.AsString is { } uri && NeedsServer(uri) && RemoteHost(uri) is null)
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

    /// <summary>
    /// Runs that log to a service account of the author's: an MLflow tracking URI on a remote host (a DagsHub repository's
    /// <c>https://dagshub.com/owner/repo.mlflow</c>, an EC2 or other public host), written in the call, in a module constant or in a
    /// config value the call reads (<c>mlflow.set_tracking_uri(config.mlflow_tracking_uri)</c>), or set as
    /// <c>os.environ["MLFLOW_TRACKING_URI"]</c>; <c>dagshub.init(repo_owner="owner", …)</c>; a W&amp;B entity written into
    /// <c>wandb.init(entity="team")</c> or Lightning's <c>WandbLogger(entity="team")</c>. Anyone else lacks the credentials (or
    /// the membership), so the first logging call fails until the code is edited; a server the README starts (<c>mlflow ui</c>)
    /// is the user's own on localhost, not that host. Local and compose-service hosts are <see cref="UnprovidedTrackingServers"/>' concern.
    /// </summary>
    public static IEnumerable<RunBlocker> AuthorAccountServices(ProjectModel project, IReadOnlySet<string> modules)
    {
        var found = new List<RunBlocker>();
        foreach (var m in project.PythonModules.Where(m => modules.Contains(m.Path) && !ConfigAnalysis.IsTestOrTooling(m.Path)))
        {
            foreach (var c in m.Calls)
            {
                if (AccountProblem(project, m, c) is { } problem)
                {
                    found.Add(new RunBlocker(m.Path, c.Line, problem, c.RawTarget + "(…)"));
                    break;
                }
            }

            if (m.Assignments.FirstOrDefault(a => RandomnessAnalysis.EnvironmentKey(a.RawTarget) == "MLFLOW_TRACKING_URI" && a.Literal?.AsString is { } v && RemoteHost(v) is not null) is { } env)
            {
                found.Add(new RunBlocker(m.Path, env.Line, TrackingProblem(env.Literal!.AsString!), env.RawTarget));
            }
        }

        return found.DistinctBy(b => b.Path).Take(MaxPerKind);
    }

    /// <summary>What makes one call depend on the author's account, or null.</summary>
    private static string? AccountProblem(ProjectModel project, ModuleSummary m, PythonCall c)
    {
        foreach (var (target, position, keyword) in TrackingServerCalls)
        {
            if (c.Target == target && (c.PositionalAt(position) ?? c.Keyword(keyword)) is { } arg && UriValue(project, m, arg) is { } uri && RemoteHost(uri) is not null)
            {
                return TrackingProblem(uri);
            }
        }

        if (c.Target == "dagshub.init" && (c.Keyword("repo_owner")?.Literal?.AsString ?? DagsHubOwner(c.Keyword("url")?.Literal?.AsString)) is { Length: > 0 } owner && !Placeholder(owner))
        {
            return $"logs to the DagsHub repository of '{owner}' (dagshub.init): it asks for that account's login, so the run fails for anyone else until the call is removed or pointed at their own repository";
        }

        if ((c.Target == "wandb.init" || IsLightningWandbLogger(c.Target)) && c.Keyword("entity")?.Literal?.AsString is { Length: > 0 } entity && !Placeholder(entity))
        {
            return $"logs to the W&B entity '{entity}' written into the code: for anyone outside that account the run fails with a permission error until W&B is switched offline or the entity edited";
        }

        return null;
    }

    private static string TrackingProblem(string uri) => RemoteHost(uri) is { } host && host.EndsWith("dagshub.com", StringComparison.OrdinalIgnoreCase)
        ? $"logs to the MLflow tracking server of the author's DagsHub repository ({uri}): it needs that owner's credentials, so the run fails for anyone else until the URI is edited"
        : $"logs to the MLflow tracking server {uri} on the author's host: anyone else cannot reach it (or lacks its credentials), so the run fails until the URI is edited";

    private static bool IsLightningWandbLogger(string target) =>
        target.EndsWith(".WandbLogger", StringComparison.Ordinal) && (target.StartsWith("pytorch_lightning.", StringComparison.Ordinal) || target.StartsWith("lightning.", StringComparison.Ordinal));

    /// <summary>The owner in a DagsHub repository URL (<c>https://dagshub.com/owner/repo</c>).</summary>
    private static string? DagsHubOwner(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Host.EndsWith("dagshub.com", StringComparison.OrdinalIgnoreCase)
            ? u.AbsolutePath.Trim('/').Split('/')[0] : null;

    /// <summary>A stand-in the user is meant to replace (&lt;username&gt;, your-entity, YOUR_NAME, xxx).</summary>
    private static bool Placeholder(string value) =>
        value.IndexOfAny(['<', '>', '{', '}', '$']) >= 0 || value.Contains("your", StringComparison.OrdinalIgnoreCase) || value.Contains("xxx", StringComparison.OrdinalIgnoreCase)
        || value.Contains("example", StringComparison.OrdinalIgnoreCase) || value.Equals("username", StringComparison.OrdinalIgnoreCase) || value.Equals("user", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The string a tracking call receives: its literal, or, for a name or attribute (<c>MLFLOW_URI</c>, <c>config.mlflow_tracking_uri</c>,
    /// <c>cfg["mlflow"]["uri"]</c>), the string literal assigned to that name in the module or in a Python config module, or the
    /// value of a loaded config file's key of that name.
    /// </summary>
    private static string? UriValue(ProjectModel project, ModuleSummary m, CallArgument arg)
    {
        if (arg.Literal is not null)
        {
            return arg.Literal.AsString;
        }

        if (LastName().Match(arg.Text) is not { Success: true } last)
        {
            return null;
        }

        var key = last.Groups["name"].Value;
        var assigned = m.Assignments.Concat(project.Config.PythonConfigModules.SelectMany(p => p.Assignments))
            .FirstOrDefault(a => (a.Target == arg.Text || a.Target == key) && a.Literal?.AsString is not null);
        if (assigned is not null)
        {
            return assigned.Literal!.AsString;
        }

        return project.Config.Usage.Where(u => u.IsLoaded && !ConfigAnalysis.IsTestOrTooling(u.File.Path)).SelectMany(u => u.File.Entries)
            .FirstOrDefault(e => e.Value is not null && (e.KeyPath == key || e.KeyPath.EndsWith("." + key, StringComparison.Ordinal)) && RemoteHost(e.Value) is not null)?.Value;
    }

    /// <summary>The last name of an expression: <c>config.mlflow.uri</c> → uri, <c>cfg["tracking_uri"]</c> → tracking_uri.</summary>
    [GeneratedRegex(@"(?<name>[A-Za-z_][A-Za-z_0-9]*)['""]?\]?$")]
    private static partial Regex LastName();

    /// <summary>
    /// The host of an http(s) URI that belongs to someone's own machine or account: not loopback, not Docker's host alias, and
    /// not a single-label name (a compose service such as <c>mlflow</c>), which the user starts; null otherwise.
    /// </summary>
    internal static string? RemoteHost(string uri)
    {
        if (!(uri.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            || !Uri.TryCreate(uri.Trim(), UriKind.Absolute, out var u) || Placeholder(u.Host))
        {
            return null;
        }

        var host = u.Host.ToLowerInvariant();
        return u.IsLoopback || host is "0.0.0.0" or "host.docker.internal" or "localhost" || !host.Contains('.', StringComparison.Ordinal) || host.EndsWith(".local", StringComparison.Ordinal)
            ? null : host;
    }

    /// <summary>Calls that run a shell command or a program: a Python script they name runs as part of the caller's run.</summary>
    private static readonly string[] ProcessCalls =
        ["os.system", "os.popen", "subprocess.run", "subprocess.call", "subprocess.Popen", "subprocess.check_call", "subprocess.check_output"];

    /// <summary>Calls that launch the project's MLproject (<c>mlflow.projects.run(uri=".")</c>): the caller wraps the declared run.</summary>
    private static readonly string[] ProjectLaunchCalls = ["mlflow.projects.run", "mlflow.run"];

    /// <summary>
    /// Modules that join a run through a process rather than an import: the scripts a module of the run starts
    /// (<c>os.system("python main.py")</c> in a web app's /train route, <c>subprocess.run(["python", "train.py"])</c>) with what
    /// they import, and the scripts that launch the project's MLproject (<c>mlflow.projects.run(uri=".", entry_point="train")</c>),
    /// whose own statements (a tracking URI) run before the project's entry point.
    /// </summary>
    public static IReadOnlySet<string> LaunchedModules(ProjectModel project, IReadOnlySet<string> modules)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in project.PythonModules.Where(m => !m.IsNotebook && !ConfigAnalysis.IsTestOrTooling(m.Path)))
        {
            var dir = m.Path.Contains('/', StringComparison.Ordinal) ? m.Path[..(m.Path.LastIndexOf('/') + 1)] : string.Empty;
            foreach (var c in m.Calls)
            {
                if (ProjectLaunchCalls.Contains(c.Target) && (c.PositionalAt(0) ?? c.Keyword("uri"))?.Literal?.AsString is "." or "./" && project.Index.Contains("MLproject"))
                {
                    found.Add(m.Path);
                }
                else if (modules.Contains(m.Path) && ProcessCalls.Contains(c.Target) && c.PositionalAt(0) is { } command)
                {
                    foreach (Match w in LaunchedScript().Matches(command.Text))
                    {
                        var script = CommandLines.StripDotSlash(w.Groups["script"].Value);
                        var path = project.Index.Contains(script) ? script : project.Index.Contains(dir + script) ? dir + script : null;
                        if (path is not null)
                        {
                            found.UnionWith(Closure(project, path));
                        }
                    }
                }
            }
        }

        return found;
    }

    /// <summary>A Python script named after `python` in a command string or list (<c>"python main.py"</c>, <c>["python3", "src/train.py"]</c>).</summary>
    [GeneratedRegex(@"python[0-9.]*['""]?\s*,?\s*['""]?(?<script>[\w./-]+\.py)\b")]
    private static partial Regex LaunchedScript();

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
