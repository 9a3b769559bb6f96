namespace MLRepro.Text;

/// <summary>How serious a diagnostic is. Diagnostics never stop analysis.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Informational: something was skipped on purpose (a limit, an ignored file).</summary>
    Info,
    /// <summary>Something looks wrong but analysis went on with a best guess.</summary>
    Warning,
    /// <summary>Content could not be understood; the document is partial.</summary>
    Error,
}

/// <summary>A located message about an input: malformed content, a limit reached, an unreadable file.</summary>
/// <param name="Path">Repository-relative path with '/' separators ("" for the repository itself).</param>
/// <param name="Span">Where in the file, when known.</param>
/// <param name="Severity">How serious.</param>
/// <param name="Code">Stable machine code, e.g. "yaml.syntax", "index.symlink-escape".</param>
/// <param name="Message">Human-readable explanation.</param>
public sealed record Diagnostic(string Path, SourceSpan? Span, DiagnosticSeverity Severity, string Code, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Span is { } s ? $"{Path}:{s.Line}:{s.Column}: {Severity.ToString().ToLowerInvariant()} {Code}: {Message}" : $"{Path}: {Severity.ToString().ToLowerInvariant()} {Code}: {Message}";
}
