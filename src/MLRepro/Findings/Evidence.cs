using MLRepro.Text;

namespace MLRepro.Findings;

/// <summary>
/// One piece of evidence: a location and why it matters. A path of "" means the repository as a whole
/// (used for "absent" evidence, whose note says exactly what was searched).
/// </summary>
public sealed record Evidence(string Path, SourceSpan? Span, string? Snippet, string Note)
{
    /// <summary>Evidence about the repository as a whole (e.g. what was searched and not found).</summary>
    public static Evidence Repo(string note) => new(string.Empty, null, null, note);

    /// <summary>Evidence at a file (and optional line).</summary>
    public static Evidence At(string path, int? line, string note, string? snippet = null) =>
        new(path, line is { } l ? SourceSpan.At(l) : null, snippet, note);

    /// <inheritdoc />
    public override string ToString() =>
        (Path.Length == 0 ? string.Empty : Span is { } s ? $"{Path}:{s.Line}: " : $"{Path}: ") + Note;
}
