using MLRepro.Formats.Markdown;
using MLRepro.Formats.Reproducibility;
using MLRepro.Indexing;
using MLRepro.Text;

namespace MLRepro.Model;

public sealed partial class ProjectModel
{
    /// <summary>Most documentation files parsed; the rest are skipped with a diagnostic.</summary>
    public const int MaxDocs = 2_000;

    /// <summary>Folders whose content is vendored, never the project's own documentation or data code.</summary>
    private static readonly HashSet<string> DocsVendoredFolders = new(StringComparer.Ordinal)
    {
        ".venv", "venv", "site-packages", "dist-packages", "node_modules", ".tox", ".nox", "__pypackages__", ".eggs", ".ipynb_checkpoints", ".git",
    };

    private IReadOnlyList<MarkdownDocument>? _docs;
    private bool _docsInit;
    private object? _docsLock;
    private ReproducibilityDocument? _reproducibility;
    private bool _reproducibilityInit;
    private object? _reproducibilityLock;

    /// <summary>
    /// Documentation files (README*, *.md anywhere, README.rst/.txt), parsed; the root README first, then ordinal
    /// path order. Git-ignored files and vendored folders (.venv, venv, site-packages, node_modules…) are skipped.
    /// </summary>
    /// <summary>
    /// The line of a doc section that holds a matched text (its first line, whitespace collapsed), so evidence cites the
    /// sentence or table row rather than the section's heading; the heading's line when no single line holds it.
    /// </summary>
    public int LineIn(string path, MarkdownSection section, string matched)
    {
        var first = matched.Trim().Split('\n')[0].Trim();
        if (first.Length == 0 || Text(path) is not { } text)
        {
            return section.Line;
        }

        var wanted = string.Join(' ', first.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        for (var l = section.Line; l <= Math.Min(section.EndLine, text.LineCount); l++)
        {
            if (string.Join(' ', text.GetLine(l).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Contains(wanted, StringComparison.Ordinal))
            {
                return l;
            }
        }

        return section.Line;
    }

    public IReadOnlyList<MarkdownDocument> Docs => LazyInitializer.EnsureInitialized(ref _docs, ref _docsInit, ref _docsLock, ParseDocs)!;

    /// <summary>The root README (README.md preferred over .rst, .txt and no extension), or null.</summary>
    public MarkdownDocument? Readme => Docs.Count > 0 && IsRootReadme(Docs[0].Path) ? Docs[0] : null;

    /// <summary>The parsed REPRODUCIBILITY.md (the root one first, then docs/ or .github/, then anywhere), or null.</summary>
    public ReproducibilityDocument? ReproducibilityReport =>
        LazyInitializer.EnsureInitialized(ref _reproducibility, ref _reproducibilityInit, ref _reproducibilityLock, ParseReproducibility);

    /// <summary>Whether a file is skipped by the documentation and data scans: git-ignored or inside a vendored folder.</summary>
    internal static bool IsDocsSkipped(IndexedFile file) =>
        file.Git == GitStatus.Ignored || file.Path.Split('/')[..^1].Any(DocsVendoredFolders.Contains);

    private static bool IsRootReadme(string path) => !path.Contains('/') && path.StartsWith("readme", StringComparison.OrdinalIgnoreCase);

    private static int ReadmeRank(string path) => System.IO.Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".md" => 0,
        ".markdown" => 1,
        ".rst" => 2,
        ".txt" => 3,
        "" => 4,
        _ => 5,
    };

    private static bool IsDocFile(IndexedFile f)
    {
        var ext = f.Extension;
        if (ext is ".md" or ".markdown")
        {
            return true;
        }

        return f.Name.StartsWith("readme", StringComparison.OrdinalIgnoreCase) && ext is ".rst" or ".txt" or "";
    }

    private List<MarkdownDocument> ParseDocs()
    {
        var candidates = Index.Files.Where(f => f.IsText && !IsDocsSkipped(f) && IsDocFile(f))
            .OrderBy(f => IsRootReadme(f.Path) ? 0 : 1)
            .ThenBy(f => IsRootReadme(f.Path) ? ReadmeRank(f.Path) : 0)
            .ThenBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        if (candidates.Count > MaxDocs)
        {
            Report([new Diagnostic(candidates[MaxDocs].Path, null, DiagnosticSeverity.Info, "docs.limit", $"more than {MaxDocs} documentation files; the rest are not parsed")]);
            candidates = candidates[..MaxDocs];
        }

        var docs = new List<MarkdownDocument>();
        foreach (var f in candidates)
        {
            if (Text(f) is not { } text)
            {
                continue;
            }

            var doc = MarkdownParser.Parse(text);
            Report(doc.Diagnostics);
            docs.Add(doc);
        }

        return docs;
    }

    private ReproducibilityDocument? ParseReproducibility()
    {
        static int Rank(string path) => !path.Contains('/') ? 0 : path.StartsWith("docs/", StringComparison.Ordinal) || path.StartsWith(".github/", StringComparison.Ordinal) ? 1 : 2;
        var doc = Docs.Where(d => System.IO.Path.GetFileName(d.Path).Equals("REPRODUCIBILITY.md", StringComparison.OrdinalIgnoreCase))
            .OrderBy(d => Rank(d.Path)).ThenBy(d => d.Path, StringComparer.Ordinal).FirstOrDefault();
        if (doc is null || Text(doc.Path) is not { } text)
        {
            return null;
        }

        var report = ReproducibilityParser.Parse(text, doc);
        Report(report.Diagnostics);
        return report;
    }
}
