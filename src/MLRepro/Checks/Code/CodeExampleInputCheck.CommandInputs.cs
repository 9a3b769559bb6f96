using System.Text.RegularExpressions;
using MLRepro.Analysis;
using MLRepro.Findings;
using MLRepro.Indexing;
using MLRepro.Model;

namespace MLRepro.Checks.Code;

/// <summary>Committed inputs that a documented command hands to its script.</summary>
public sealed partial class CodeExampleInputCheck
{
    /// <summary>At most this many command inputs are reported.</summary>
    private const int MaxCommandInputs = 3;

    /// <summary>
    /// Media files the documented run takes as its input (an image to inpaint, a folder of word images to read, a clip to
    /// transcribe). Figures that only illustrate the README are not counted here: only what a command passes to its script.
    /// </summary>
    private static readonly HashSet<string> MediaExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp", ".wav", ".mp3", ".flac", ".ogg", ".mp4", ".avi", ".mov",
    };

    /// <summary>Model weights, code, configs and docs a command passes are not its input data.</summary>
    private static readonly HashSet<string> NotInputExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".py", ".ipynb", ".sh", ".md", ".yaml", ".yml", ".toml", ".cfg", ".ini", ".gin", ".pt", ".pth", ".ckpt", ".h5", ".bin",
        ".onnx", ".pb", ".safetensors", ".pkl", ".joblib",
    };

    /// <summary>
    /// Committed files that a README command passes to the script it runs (<c>python test.py --image examples/case1_input.png</c>,
    /// <c>python3 demo.py --image_folder demo_image/</c>): the documented run's example input ships with the project, even when
    /// the training data must be fetched by hand. A path counts when it is a committed data or media file, or a committed folder
    /// holding some; the script itself, configs, model weights and the project root do not.
    /// </summary>
    internal static List<Evidence> CommandInputs(ProjectModel project)
    {
        var dataFiles = project.Data.DataFiles.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        bool IsInput(IndexedFile f) => f.Git is GitStatus.Tracked or GitStatus.NotInRepo && !f.IsLfsPointer && f.Size > 0
            && !NotInputExtensions.Contains(Path.GetExtension(f.Path)) && (MediaExtensions.Contains(Path.GetExtension(f.Path)) || dataFiles.Contains(f.Path))
            && RunInput(f.Path);
        var result = new List<Evidence>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in project.Commands.Where(c => c.Kind is EntryPointKind.Documentation))
        {
            if (CommandLines.PythonTarget(c.Text) is not { } script)
            {
                continue;
            }

            // Only the script's own arguments: what follows its name on the command line.
            var at = c.Text.IndexOf(Path.GetFileName(script), StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var folder = c.Path.Contains('/', StringComparison.Ordinal) ? c.Path[..(c.Path.LastIndexOf('/') + 1)] : string.Empty;
            var previous = string.Empty;
            foreach (var raw in ArgumentWord().Split(c.Text[(at + Path.GetFileName(script).Length)..]))
            {
                var word = raw.Trim('"', '\'', '`', ',', ';', '(', ')');
                // What the run writes (--output results/case1.png, > log.txt) is its output, even when a sample of it is committed.
                var written = OutputOption().IsMatch(previous) || previous.StartsWith('>');
                previous = word;
                if (written || word.Length == 0 || word.StartsWith('-') || word.Contains("://", StringComparison.Ordinal) || word.IndexOfAny(['$', '<', '>', '{', '*', '?', '|']) >= 0)
                {
                    continue;
                }

                var rel = CommandLines.StripDotSlash(word).TrimEnd('/');
                if (rel.Length == 0 || rel == "." || rel.StartsWith("..", StringComparison.Ordinal) || !seen.Add(rel))
                {
                    continue;
                }

                foreach (var candidate in folder.Length > 0 ? new[] { rel, folder + rel } : [rel])
                {
                    if (project.Index.Find(candidate) is { } file)
                    {
                        if (IsInput(file))
                        {
                            result.Add(Evidence.At(c.Path, c.Line, $"the documented command runs on the committed {candidate}", Short(c.Text)));
                            break;
                        }
                    }
                    else if (project.Index.ContainsDirectory(candidate) && project.Index.FilesUnder(candidate).Count(IsInput) is > 0 and var n)
                    {
                        result.Add(Evidence.At(c.Path, c.Line, $"the documented command runs on the committed {candidate}/ ({Count(n, "file")})", Short(c.Text)));
                        break;
                    }
                }

                if (result.Count >= MaxCommandInputs)
                {
                    return result;
                }
            }
        }

        return result;
    }

    private static string Short(string command) => command.Length <= 80 ? command : command[..77] + "...";

    /// <summary>An option that names where the run writes (-o, --output, --out_dir, --save_path, --result_dir, --log_dir).</summary>
    [GeneratedRegex(@"^(?:-o|--?(?:out\w*|save\w*|results?(?:[_-]\w+)?|logs?(?:[_-]?dir|[_-]\w+)?|dest\w*|dst\w*))$", RegexOptions.IgnoreCase)]
    private static partial Regex OutputOption();

    /// <summary>Splits a command line into words: whitespace, and the '=' of --flag=value.</summary>
    [GeneratedRegex(@"[\s=]+")]
    private static partial Regex ArgumentWord();
}
