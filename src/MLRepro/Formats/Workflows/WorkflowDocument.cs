using MLRepro.Text;

namespace MLRepro.Formats.Workflows;

/// <summary>Which CI system a workflow belongs to.</summary>
public enum CiSystem
{
    /// <summary>.github/workflows/*.yml.</summary>
    GitHubActions,
    /// <summary>.gitlab-ci.yml.</summary>
    GitLabCi,
}

/// <summary>A shell command a CI job runs, with its line.</summary>
public sealed record CiCommand(string Text, int Line);

/// <summary>A step of a GitHub job (GitLab jobs have one implicit step per script section).</summary>
/// <param name="Name">`name:` or the section ("script", "before_script").</param>
/// <param name="Uses">A GitHub action reference (`actions/checkout@v4`).</param>
/// <param name="WorkingDirectory">The folder its commands run in (`working-directory:` of the step, else of the job's or the
/// workflow's `defaults: run:`), as written; null for the checkout's root.</param>
public sealed record CiStep(string? Name, string? Uses, IReadOnlyList<CiCommand> Commands, int Line,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? WorkingDirectory = null);

/// <summary>A CI job.</summary>
public sealed record CiJob(string Name, int Line, IReadOnlyList<CiStep> Steps)
{
    /// <summary>Every command the job runs, in order.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<CiCommand> Commands => Steps.SelectMany(s => s.Commands);
}

/// <summary>A parsed CI workflow file.</summary>
public sealed record WorkflowDocument(string Path, CiSystem System, string? Name, IReadOnlyList<string> Triggers, IReadOnlyList<CiJob> Jobs, IReadOnlyList<Diagnostic> Diagnostics);
