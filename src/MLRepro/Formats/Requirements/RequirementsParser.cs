using System.Collections.Immutable;
using System.Text.RegularExpressions;
using MLRepro.Formats.Dependencies;
using MLRepro.Text;

namespace MLRepro.Formats.Requirements;

/// <summary>
/// Parses pip requirements and constraints files: PEP 508 lines, -r/-c includes, -e editables, URLs and VCS
/// references, --hash options, index options, comments and backslash continuations.
/// </summary>
public static partial class RequirementsParser
{
    /// <summary>Most lines read; the rest is reported and skipped.</summary>
    public const int MaxLines = 100_000;

    /// <summary>Parses one requirements (or constraints) file.</summary>
    public static DependencyFileDocument Parse(SourceText source, bool isConstraints = false)
    {
        var path = source.Path;
        var deps = ImmutableArray.CreateBuilder<Dependency>();
        var includes = ImmutableArray.CreateBuilder<string>();
        var options = ImmutableArray.CreateBuilder<string>();
        var diags = ImmutableArray.CreateBuilder<Diagnostic>();
        var dir = path.LastIndexOf('/') is var k and >= 0 ? path[..k] : string.Empty;
        var kind = DependencyKind.Manifest;

        var lineCount = source.LineCount;
        if (lineCount > MaxLines)
        {
            diags.Add(new Diagnostic(path, SourceSpan.At(MaxLines + 1), DiagnosticSeverity.Warning, "requirements.too-many-lines", $"only the first {MaxLines} lines were read"));
            lineCount = MaxLines;
        }

        for (var n = 1; n <= lineCount; n++)
        {
            var startLine = n;
            // A trailing backslash joins the next physical line (pip does this before stripping comments).
            var line = LogicalLine.Read(source, ref n, lineCount);

            line = StripComment(line).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var span = SourceSpan.Lines(startLine, n);
            ParseLine(line, path, dir, startLine, span, kind, deps, includes, options, diags);
        }

        return new DependencyFileDocument(path, isConstraints ? DependencyFileFormat.Constraints : DependencyFileFormat.Requirements,
            deps.ToImmutable(), includes.ToImmutable(), options.ToImmutable(), null, null, diags.ToImmutable());
    }

    private static void ParseLine(string line, string path, string dir, int lineNo, SourceSpan span, DependencyKind kind,
        ImmutableArray<Dependency>.Builder deps, ImmutableArray<string>.Builder includes, ImmutableArray<string>.Builder options, ImmutableArray<Diagnostic>.Builder diags)
    {
        // Plain whitespace split: quotes inside markers must survive.
        var tokens = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        if (tokens.Count == 0)
        {
            return;
        }

        // `conda list --export` (name=version=build) saved as requirements.txt, at times as a YAML list ("  - numpy=1.18.1=py37_0"):
        // pip rejects a single '=', so the line is conda's and pins the package (conda create --file reads it).
        if (CondaExportLine().Match(line) is { Success: true } conda
            && CondaSpec.Parse(conda.Groups[1].Value, path, lineNo, DependencyKind.Conda, out _) is { } condaDep)
        {
            deps.Add(condaDep);
            return;
        }

        var first = tokens[0];
        if (first.StartsWith('-'))
        {
            var (opt, value, consumed) = SplitOption(tokens, 0);
            switch (opt)
            {
                case "-r" or "--requirement" or "-c" or "--constraint":
                    if (value is null)
                    {
                        diags.Add(new Diagnostic(path, span, DiagnosticSeverity.Warning, "requirements.option-value", $"'{opt}' needs a file name"));
                        return;
                    }

                    includes.Add(ResolveInclude(dir, value));
                    return;
                case "-e" or "--editable":
                    if (value is null)
                    {
                        diags.Add(new Diagnostic(path, span, DiagnosticSeverity.Warning, "requirements.option-value", "'-e' needs a path or URL"));
                        return;
                    }

                    if (PipRequirementToken.Parse(value, path, lineNo, kind, HasHash(tokens), "editable", out var err) is { } ed)
                    {
                        deps.Add(ed);
                    }
                    else
                    {
                        options.Add("-e " + value);
                        if (err is not null)
                        {
                            diags.Add(new Diagnostic(path, span, DiagnosticSeverity.Info, "requirements.editable-unnamed", err));
                        }
                    }

                    return;
                default:
                    options.Add(value is null ? opt : opt + " " + RedactCredentials(value));
                    _ = consumed;
                    return;
            }
        }

        // A requirement, possibly followed by per-requirement options (--hash, --config-settings…).
        // Options after the requirement end it ("torch==2.1 -f https://…" is common even though pip wants -f alone).
        var reqEnd = tokens.FindIndex(1, t => t.StartsWith('-'));
        var reqText = reqEnd < 0 ? string.Join(' ', tokens) : string.Join(' ', tokens.Take(reqEnd));
        var hasHash = HasHash(tokens);
        if (PipRequirementToken.Parse(reqText, path, lineNo, kind, hasHash, null, out var error) is { } dep)
        {
            deps.Add(dep);
        }
        else
        {
            diags.Add(new Diagnostic(path, span, DiagnosticSeverity.Warning, "requirements.syntax", error ?? $"could not read '{RequirementSpec.Clip(reqText)}'"));
        }
    }

    private static bool HasHash(List<string> tokens) => tokens.Any(t => t.StartsWith("--hash", StringComparison.Ordinal));

    private static (string Option, string? Value, int Consumed) SplitOption(List<string> tokens, int i)
    {
        var t = tokens[i];
        var eq = t.IndexOf('=');
        if (t.StartsWith("--", StringComparison.Ordinal) && eq > 0)
        {
            return (t[..eq], t[(eq + 1)..], 1);
        }

        if (!t.StartsWith("--", StringComparison.Ordinal) && t.Length > 2)
        {
            // "-rrequirements.txt" is legal pip syntax.
            return (t[..2], t[2..], 1);
        }

        if (OptionsWithValue.Contains(t) && i + 1 < tokens.Count)
        {
            return (t, string.Join(' ', tokens.Skip(i + 1)), tokens.Count - i);
        }

        return (t, null, 1);
    }

    private static readonly HashSet<string> OptionsWithValue = new(StringComparer.Ordinal)
    {
        "-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url", "--extra-index-url",
        "-f", "--find-links", "--trusted-host", "--no-binary", "--only-binary", "--use-feature", "--config-settings", "--global-option",
    };

    /// <summary>Resolves an included file against the including file's folder; URLs and absolute paths stay as written.</summary>
    internal static string ResolveInclude(string dir, string value)
    {
        if (value.Contains("://", StringComparison.Ordinal) || value.StartsWith('/'))
        {
            return value;
        }

        var parts = new List<string>();
        foreach (var p in (dir.Length == 0 ? value : dir + "/" + value).Replace('\\', '/').Split('/'))
        {
            if (p is "" or ".")
            {
                continue;
            }

            if (p == "..")
            {
                if (parts.Count == 0)
                {
                    return value; // Escapes the repository: keep as written, the model will not find it.
                }

                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(p);
        }

        return string.Join('/', parts);
    }

    /// <summary>Removes a '#' comment: at line start or after whitespace (a '#' inside a URL fragment stays).</summary>
    internal static string StripComment(string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                return line[..i];
            }
        }

        return line;
    }

    /// <summary>Hides user:password in index URLs so reports never echo secrets.</summary>
    internal static string RedactCredentials(string value) => CredentialRegex().Replace(value, "://***@");

    [GeneratedRegex(@"://[^/@\s]+@")]
    private static partial Regex CredentialRegex();

    /// <summary>A conda export entry: name=version or name=version=build, optionally as a YAML list item.</summary>
    [GeneratedRegex(@"^(?:-\s+)?([A-Za-z0-9_][A-Za-z0-9_.-]*=[A-Za-z0-9_.+!*-]+(?:=[A-Za-z0-9_.+*-]+)?)$")]
    private static partial Regex CondaExportLine();
}
