using System.Collections.Immutable;
using MLRepro.Formats.Dependencies;

namespace MLRepro.Formats.Containers;

/// <summary>One Dockerfile instruction after joining continuation lines (heredoc bodies included in its text).</summary>
/// <param name="Keyword">Upper-case instruction ("FROM", "RUN", …).</param>
/// <param name="Arguments">Everything after the keyword, continuations joined with spaces, heredoc bodies with newlines.</param>
/// <param name="Line">First line.</param>
/// <param name="EndLine">Last line.</param>
public sealed record DockerInstruction(string Keyword, string Arguments, int Line, int EndLine);

/// <summary>An ENV or ARG setting.</summary>
/// <param name="Name">Variable name.</param>
/// <param name="Value">Value (null for an ARG without default).</param>
/// <param name="Line">Line.</param>
public sealed record DockerVariable(string Name, string? Value, int Line);

/// <summary>A parsed Dockerfile.</summary>
/// <param name="Instructions">All instructions in order.</param>
/// <param name="Stages">One image per FROM, ARG defaults substituted.</param>
/// <param name="Env">ENV settings.</param>
/// <param name="Args">ARG declarations.</param>
/// <param name="PipInstalls">pip/conda install commands of RUN lines.</param>
/// <param name="CopiedSources">Sources of COPY/ADD (for following requirements files).</param>
public sealed record DockerfileDocument(
    ImmutableArray<DockerInstruction> Instructions,
    ImmutableArray<ContainerImage> Stages,
    ImmutableArray<DockerVariable> Env,
    ImmutableArray<DockerVariable> Args,
    ImmutableArray<PipInstallCommand> PipInstalls,
    ImmutableArray<string> CopiedSources);
