using System.Collections.Concurrent;
using System.Collections.Immutable;
using MLRepro.Indexing;
using MLRepro.Text;

namespace MLRepro.Model;

/// <summary>
/// Everything mlrepro understood about one project: the index plus every parsed document. Documents are
/// parsed lazily, once, and cached; the model is read-only to its users. Checks ask the model, never the
/// disk. The model is split into partial files by area (ProjectModel.Python.cs, ProjectModel.Dependencies.cs…)
/// so each area's parsing lives beside its own documents.
/// </summary>
public sealed partial class ProjectModel
{
    private readonly ConcurrentBag<Diagnostic> _diagnostics = [];
    private readonly ConcurrentDictionary<string, SourceText?> _texts = new(StringComparer.Ordinal);

    /// <summary>Creates a model over an index.</summary>
    /// <param name="index">The file index.</param>
    /// <param name="cache">Where Python summaries are looked up before parsing and stored after; null for none.</param>
    public ProjectModel(RepoIndex index, Caching.SummaryCache? cache = null)
    {
        Index = index;
        Cache = cache;
    }

    /// <summary>Indexes a folder and creates its model.</summary>
    public static ProjectModel Open(string root, IndexOptions? options = null) => new(RepoIndex.Build(root, options));

    /// <summary>Indexes a folder and creates its model, with a summary cache (null for none).</summary>
    public static ProjectModel Open(string root, IndexOptions? options, Caching.SummaryCache? cache) => new(RepoIndex.Build(root, options), cache);

    /// <summary>The summary cache this model reads and fills, if any.</summary>
    public Caching.SummaryCache? Cache { get; }

    /// <summary>The file index.</summary>
    public RepoIndex Index { get; }

    /// <summary>
    /// All diagnostics so far: the index's plus those of every document parsed. Parsing is lazy, so call
    /// <see cref="ParseAll"/> first for a complete list.
    /// </summary>
    public ImmutableArray<Diagnostic> Diagnostics =>
        [.. Index.Diagnostics.Concat(_diagnostics).Distinct().OrderBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Span?.Line ?? 0).ThenBy(d => d.Code, StringComparer.Ordinal)];

    /// <summary>Reads a text file once (cached); null when absent, binary or too large.</summary>
    public SourceText? Text(string path) => _texts.GetOrAdd(path, p => Index.ReadText(p, new DiagnosticSink(this)));

    /// <summary>Reads a text file once (cached); null when not text.</summary>
    public SourceText? Text(IndexedFile file) => Text(file.Path);

    /// <summary>Records parser diagnostics.</summary>
    internal void Report(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            _diagnostics.Add(d);
        }
    }

    /// <summary>Forces every lazy document to parse (for `index --format json` and benchmarks).</summary>
    public void ParseAll()
    {
        // One line per area: touching a lazy property parses its documents.
        _ = PythonModules;
        _ = (Dependencies, Runtimes, Containers);
        _ = ConfigFiles;
        _ = Pipelines;
        _ = (DvcLock, DvcFiles, DvcConfig, Workflows);
        _ = Docs;
        _ = ReproducibilityReport;
        _ = DataTracking;
        _ = DatasetSchemas;
    }

    private sealed class DiagnosticSink(ProjectModel model) : ICollection<Diagnostic>
    {
        public int Count => 0;
        public bool IsReadOnly => false;
        public void Add(Diagnostic item) => model._diagnostics.Add(item);
        public void Clear() { }
        public bool Contains(Diagnostic item) => false;
        public void CopyTo(Diagnostic[] array, int arrayIndex) { }
        public bool Remove(Diagnostic item) => false;
        public IEnumerator<Diagnostic> GetEnumerator() => Enumerable.Empty<Diagnostic>().GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
