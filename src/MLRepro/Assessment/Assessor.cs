using System.Reflection;
using MLRepro.Analysis;
using MLRepro.Checks;
using MLRepro.Findings;
using MLRepro.Formats.MLreproConfig;
using MLRepro.Indexing;
using MLRepro.Model;
using MLRepro.Reporting;
using MLRepro.Scoring;

namespace MLRepro.Assessment;

/// <summary>The whole static assessment: index → model → checks → score → report DTO.</summary>
public static class Assessor
{
    /// <summary>The version written into reports.</summary>
    public static string ToolVersion { get; } =
        typeof(Assessor).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Assesses a folder.</summary>
    public static Report Assess(string path, IndexOptions? options = null) => Assess(ProjectModel.Open(path, options));

    /// <summary>Assesses a folder, reading and filling a summary cache (null for none).</summary>
    public static Report Assess(string path, IndexOptions? options, Caching.SummaryCache? cache) => Assess(ProjectModel.Open(path, options, cache));

    /// <summary>Assesses a model, optionally merging findings of other sources (verified, declared).</summary>
    public static Report Assess(ProjectModel model, IEnumerable<Finding>? extraFindings = null)
    {
        var found = CheckRunner.Run(model);
        var all = found.Concat(DeclaredClaims.From(model.ReproducibilityReport)).Concat(extraFindings ?? []).ToList();
        var effective = new List<ReportFinding>();
        var effectiveFindings = new List<Finding>();
        foreach (var check in CheckRegistry.All)
        {
            var forId = all.Where(f => f.CheckId == check.Info.Id)
                .OrderByDescending(f => f.Source) // Verified > Found > Declared
                .ToList();
            if (forId.Count == 0)
            {
                continue;
            }

            var top = forId[0];
            if (model.MLreproConfig.Overrides.FirstOrDefault(o => o.Criterion == check.Info.Id) is { } decision)
            {
                // A maintainer's written decision: not-applicable replaces the verdict (the evidence stays visible
                // as superseded); accepted keeps the verdict and shows the reason beside it.
                var note = Evidence.At(decision.Path, decision.Line, $"{(decision.Status == OverrideStatus.NotApplicable ? "marked not applicable" : "gap accepted")} by the maintainers: {decision.Reason}");
                var overridden = decision.Status == OverrideStatus.NotApplicable
                    ? Finding.Create(check.Info.Id, Outcome.NotApplicable, Source.Declared, $"not applicable, as the maintainers state: {decision.Reason}", [note])
                    : top with { Message = $"{top.Message} (accepted by the maintainers: {decision.Reason})", Evidence = top.Evidence.Insert(0, note) };
                forId.Insert(0, overridden);
                if (decision.Status == OverrideStatus.Accepted)
                {
                    forId.RemoveAt(1);
                }

                top = overridden;
            }

            effectiveFindings.Add(top);
            effective.Add(new ReportFinding(
                check.Info.Id,
                (int)check.Info.Level,
                check.Info.Title,
                top.Outcome,
                top.Source,
                top.Message,
                [.. top.Evidence.Select(e => new ReportEvidence(e.Path, e.Span?.Line, e.Snippet, e.Note))],
                top.Outcome is Outcome.Met or Outcome.NotApplicable ? null : top.Fix ?? check.Info.Fix,
                [.. forId.Skip(1).Select(f => new SupersededFinding(f.Source, f.Outcome, f.Message))]));
        }

        var score = StarScorer.Score(effectiveFindings);
        var git = model.Index.Git;
        return new Report
        {
            Tool = new ToolInfo("mlrepro", ToolVersion),
            Project = new ProjectInfo(
                ProjectName(model.Index),
                git?.Head,
                git?.Branch,
                git?.RemoteUrl,
                git?.IsDirty ?? false,
                Frameworks(model),
                model.Index.Files.Length),
            Stars = score.Stars,
            Levels = [.. score.Levels.Select(l => new ReportLevel((int)l.Level, l.Level.ToString(), l.Met, l.Applicable, l.Complete))],
            Findings = effective,
            Facts = FactsBuilder.Build(model),
            Diagnostics = [.. model.Diagnostics.Select(d => new ReportDiagnostic(d.Path, d.Span?.Line, d.Severity, d.Code, d.Message))],
        };
    }

    /// <summary>ML frameworks the project's code imports, by display name, sorted.</summary>
    public static IReadOnlyList<string> Frameworks(ProjectModel model) => [.. model.Tools.Frameworks.Select(f => f.Name)];

    /// <summary>"owner/repo" from a GitHub/GitLab-style remote, else the folder name.</summary>
    public static string ProjectName(RepoIndex index)
    {
        // owner/repo only for a hosted remote (https://host/o/r, git@host:o/r) and when the whole work tree is assessed;
        // a local-path remote or a sub-folder (examples/04-three-stars) is named by its folder.
        var wholeTree = index.Git is { } g && Path.GetFullPath(g.WorkTreeRoot).TrimEnd('/') == index.Root.TrimEnd('/');
        if (wholeTree && index.Git?.RemoteUrl is { } url && (url.Contains("://", StringComparison.Ordinal) && !url.StartsWith("file://", StringComparison.Ordinal) || url.Contains('@', StringComparison.Ordinal)))
        {
            var u = url.TrimEnd('/');
            if (u.EndsWith(".git", StringComparison.Ordinal))
            {
                u = u[..^4];
            }

            var parts = u.Replace(':', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 2)
            {
                return parts[^2] + "/" + parts[^1];
            }
        }

        return Path.GetFileName(index.Root.TrimEnd('/')) is { Length: > 0 } n ? n : index.Root;
    }
}
