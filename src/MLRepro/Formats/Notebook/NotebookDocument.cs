using System.Collections.Immutable;
using MLRepro.Text;

namespace MLRepro.Formats.Notebook;

/// <summary>The kind of a notebook cell.</summary>
public enum NotebookCellKind
{
    /// <summary>A code cell.</summary>
    Code,
    /// <summary>A markdown cell.</summary>
    Markdown,
    /// <summary>A raw cell (or an unknown kind).</summary>
    Raw,
}

/// <summary>One cell.</summary>
/// <param name="Index">0-based position among all cells.</param>
/// <param name="Kind">Cell kind.</param>
/// <param name="Source">The cell's source text.</param>
/// <param name="ExecutionCount">The execution count of a code cell, when it has run.</param>
/// <param name="OutputCount">Number of outputs (outputs are not parsed further).</param>
public sealed record NotebookCell(int Index, NotebookCellKind Kind, string Source, int? ExecutionCount, int OutputCount);

/// <summary>An IPython magic or shell escape found in a code cell (never fed to the tokenizer as code).</summary>
/// <param name="CellIndex">0-based cell index.</param>
/// <param name="LineInCell">1-based line within the cell.</param>
/// <param name="Kind">"line-magic" (%x), "cell-magic" (%%x), "shell" (!cmd) or "help" (obj?).</param>
/// <param name="Name">Magic name ("pip", "bash", "matplotlib") or the shell program ("python", "pip").</param>
/// <param name="Text">The command text after the % / %% / ! marker, as written.</param>
public sealed record NotebookCommand(int CellIndex, int LineInCell, string Kind, string Name, string Text);

/// <summary>Where a line of the joined code came from.</summary>
/// <param name="CellIndex">0-based cell index.</param>
/// <param name="LineInCell">1-based line within the cell.</param>
public readonly record struct CellLocation(int CellIndex, int LineInCell);

/// <summary>
/// A Jupyter notebook: its cells, the code cells joined into one Python module (magics blanked out, so line
/// numbers stay aligned) with a map back to cells, and the magics, pip installs and shell commands found.
/// </summary>
/// <param name="Path">Repository-relative path.</param>
/// <param name="NbFormat">The nbformat major version (3 or 4; 0 when unreadable).</param>
/// <param name="KernelLanguage">The kernel's language from the metadata, when given.</param>
/// <param name="Cells">Every cell, in order.</param>
/// <param name="Code">The code cells joined into one module.</param>
/// <param name="LineMap">For each line of <paramref name="Code"/>, its cell and line.</param>
/// <param name="Magics">Magics and help lines.</param>
/// <param name="PipInstalls">pip/conda installs run in cells.</param>
/// <param name="ShellCommands">Other shell escapes.</param>
/// <param name="Diagnostics">Problems met while parsing.</param>
/// <param name="HostedRuntime">
/// The hosted service the notebook was saved from, read from its metadata: "colab" (a <c>colab</c> entry, Google Colab) or
/// "kaggle" (a <c>kaggle</c> entry, a Kaggle notebook); null for a notebook saved by a local Jupyter.
/// </param>
public sealed record NotebookDocument(
    string Path,
    int NbFormat,
    string? KernelLanguage,
    ImmutableArray<NotebookCell> Cells,
    string Code,
    ImmutableArray<CellLocation> LineMap,
    ImmutableArray<NotebookCommand> Magics,
    ImmutableArray<NotebookCommand> PipInstalls,
    ImmutableArray<NotebookCommand> ShellCommands,
    ImmutableArray<Diagnostic> Diagnostics,
    string? HostedRuntime = null)
{
    /// <summary>Code cells only.</summary>
    public IEnumerable<NotebookCell> CodeCells => Cells.Where(c => c.Kind == NotebookCellKind.Code);

    /// <summary>Maps a 1-based line of <see cref="Code"/> to its cell and line in that cell.</summary>
    public CellLocation? MapLine(int line) => line >= 1 && line <= LineMap.Length ? LineMap[line - 1] : null;

    /// <summary>Whether code cells carry execution counts that are not 1, 2, 3… in order (run out of order).</summary>
    public bool ExecutedOutOfOrder
    {
        get
        {
            var counts = CodeCells.Where(c => c.ExecutionCount is not null).Select(c => c.ExecutionCount!.Value).ToList();
            return counts.Zip(counts.Skip(1)).Any(p => p.Second <= p.First);
        }
    }
}
