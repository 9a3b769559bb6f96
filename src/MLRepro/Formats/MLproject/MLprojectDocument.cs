using MLRepro.Text;

namespace MLRepro.Formats.MLproject;

/// <summary>A parameter of an MLflow entry point.</summary>
public sealed record MLprojectParameter(string Name, string? Type, string? Default, int Line);

/// <summary>An MLflow entry point.</summary>
public sealed record MLprojectEntryPoint(string Name, string? Command, int Line, IReadOnlyList<MLprojectParameter> Parameters);

/// <summary>A parsed MLproject file.</summary>
/// <param name="EnvironmentKind">"conda_env", "python_env", "docker_env" or null.</param>
/// <param name="Environment">The environment file or docker image.</param>
public sealed record MLprojectDocument(string Path, string? Name, string? EnvironmentKind, string? Environment, IReadOnlyList<MLprojectEntryPoint> EntryPoints, IReadOnlyList<Diagnostic> Diagnostics);
