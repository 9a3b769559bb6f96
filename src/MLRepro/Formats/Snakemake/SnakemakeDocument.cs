using MLRepro.Text;

namespace MLRepro.Formats.Snakemake;

/// <summary>One field of a rule ("input", "output", "params", "shell", …) as written.</summary>
/// <param name="Name">Field name.</param>
/// <param name="Text">The field's source text (joined lines).</param>
/// <param name="Strings">String literals found in it (file names, the shell command).</param>
/// <param name="Line">1-based line of the field keyword.</param>
public sealed record SnakemakeField(string Name, string Text, IReadOnlyList<string> Strings, int Line);

/// <summary>A rule or checkpoint.</summary>
public sealed record SnakemakeRule(string Name, int Line, bool Checkpoint, IReadOnlyList<SnakemakeField> Fields)
{
    /// <summary>A field by name.</summary>
    public SnakemakeField? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);
}

/// <summary>A parsed Snakefile (read by indentation; no Python is executed).</summary>
public sealed record SnakemakeDocument(string Path, IReadOnlyList<SnakemakeRule> Rules, IReadOnlyList<string> ConfigFiles, IReadOnlyList<string> Includes, IReadOnlyList<Diagnostic> Diagnostics);
