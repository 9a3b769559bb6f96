using System.Collections.Immutable;
using MLRepro.Formats.Notebook;
using MLRepro.Indexing;
using MLRepro.Python;

namespace MLRepro.Model;

public sealed partial class ProjectModel
{
    /// <summary>Folder names whose contents are third-party or generated code, never the project's own.</summary>
    public static readonly ImmutableHashSet<string> VendoredFolders =
        ImmutableHashSet.Create(StringComparer.Ordinal, ".venv", "venv", "site-packages", "node_modules", ".tox", ".nox", "__pycache__", ".git", ".ipynb_checkpoints");

    private ImmutableArray<ModuleSummary>? _pythonModules;
    private Dictionary<string, ModuleSummary>? _pythonByPath;
    private readonly Lock _pythonLock = new();

    /// <summary>
    /// Summaries of every .py file and notebook (.ipynb) of the project that is text, not git-ignored and not
    /// under a vendored folder (<see cref="VendoredFolders"/>), in ordinal path order. Parsed once, lazily,
    /// in parallel; parser diagnostics join <see cref="Diagnostics"/>.
    /// </summary>
    public IReadOnlyList<ModuleSummary> PythonModules
    {
        get
        {
            if (_pythonModules is { } done)
            {
                return done;
            }

            lock (_pythonLock)
            {
                if (_pythonModules is null)
                {
                    var files = Index.Files.Where(IsProjectPython).ToArray();
                    var summaries = new ModuleSummary?[files.Length];
                    var pool = new StringPool();
                    Parallel.For(0, files.Length, i => summaries[i] = Summarize(files[i], pool));
                    Cache?.TrimAfterWrites();

                    var list = summaries.Where(s => s is not null).Select(s => s!).ToImmutableArray();
                    foreach (var s in list)
                    {
                        Report(s.Diagnostics);
                        if (s.Notebook is { } nb)
                        {
                            Report(nb.Diagnostics);
                        }
                    }

                    _pythonByPath = list.ToDictionary(s => s.Path, StringComparer.Ordinal);
                    _pythonModules = list;
                }

                return _pythonModules.Value;
            }
        }
    }

    /// <summary>Notebooks among <see cref="PythonModules"/>.</summary>
    public IEnumerable<NotebookDocument> Notebooks => PythonModules.Where(m => m.Notebook is not null).Select(m => m.Notebook!);

    /// <summary>The summary of one Python file or notebook, when it is among <see cref="PythonModules"/>.</summary>
    public ModuleSummary? PythonModule(string path)
    {
        _ = PythonModules;
        return _pythonByPath!.GetValueOrDefault(path);
    }

    /// <summary>Whether an indexed file is the project's own Python source or notebook.</summary>
    public static bool IsProjectPython(IndexedFile file) =>
        file.IsText && file.Git != GitStatus.Ignored && file.Extension is ".py" or ".ipynb" &&
        !file.Path.Split('/').SkipLast(1).Any(VendoredFolders.Contains);

    private ModuleSummary? Summarize(IndexedFile file, StringPool pool)
    {
        // Read directly, not through the text cache: summaries are what checks use, and keeping every source
        // text of a large project alive would double the memory of the model.
        if (Index.ReadString(file, new DiagnosticSink(this)) is not { } text)
        {
            return null;
        }

        if (Cache?.TryGet(file.Path, text, pool) is { } cached)
        {
            return cached;
        }

        var summary = file.Extension == ".ipynb"
            ? ModuleSummary.Parse(NotebookParser.Parse(file.Path, text), pool)
            : ModuleSummary.Parse(file.Path, text, pool);
        Cache?.Put(file.Path, text, summary);
        return summary;
    }
}
