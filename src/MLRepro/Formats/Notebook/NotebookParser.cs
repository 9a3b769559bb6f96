using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using MLRepro.Text;

namespace MLRepro.Formats.Notebook;

/// <summary>
/// Parses .ipynb files (nbformat 4, and v3's worksheets). Broken JSON gives an empty document plus a
/// located diagnostic; never throws on content.
/// </summary>
public static class NotebookParser
{
    /// <summary>JSON nesting accepted (outputs can nest deeply; more is a diagnostic).</summary>
    public const int MaxJsonDepth = 256;

    /// <summary>Cell magics whose body is Python (the magic line is blanked, the body kept).</summary>
    private static readonly HashSet<string> PythonBodyMagics = new(StringComparer.Ordinal) { "capture", "time", "timeit", "prun", "debug", "python", "python3", "memit", "px", "autoreload", "tensorflow_version" };

    /// <summary>Parses notebook JSON text.</summary>
    public static NotebookDocument Parse(string path, string text)
    {
        var diags = new List<Diagnostic>();
        var cells = new List<NotebookCell>();
        var nbformat = 0;
        string? language = null;
        string? host = null;
        try
        {
            using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = MaxJsonDepth, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                diags.Add(new Diagnostic(path, SourceSpan.At(1), DiagnosticSeverity.Error, "notebook.structure", "the notebook is not a JSON object"));
            }
            else
            {
                if (root.TryGetProperty("nbformat", out var nf) && nf.ValueKind == JsonValueKind.Number && nf.TryGetInt32(out var v))
                {
                    nbformat = v;
                }

                if (root.TryGetProperty("metadata", out var meta) && meta.ValueKind == JsonValueKind.Object)
                {
                    host = meta.TryGetProperty("colab", out _) ? "colab" : meta.TryGetProperty("kaggle", out _) ? "kaggle" : null;

                    if (meta.TryGetProperty("kernelspec", out var ks) && ks.ValueKind == JsonValueKind.Object && ks.TryGetProperty("language", out var l) && l.ValueKind == JsonValueKind.String)
                    {
                        language = l.GetString();
                    }
                    else if (meta.TryGetProperty("language_info", out var li) && li.ValueKind == JsonValueKind.Object && li.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String)
                    {
                        language = n.GetString();
                    }
                }

                if (root.TryGetProperty("cells", out var cs) && cs.ValueKind == JsonValueKind.Array)
                {
                    ReadCells(cs, cells, "source");
                }
                else if (root.TryGetProperty("worksheets", out var ws) && ws.ValueKind == JsonValueKind.Array)
                {
                    foreach (var w in ws.EnumerateArray())
                    {
                        if (w.ValueKind == JsonValueKind.Object && w.TryGetProperty("cells", out var wc) && wc.ValueKind == JsonValueKind.Array)
                        {
                            ReadCells(wc, cells, "input");
                        }
                    }
                }
                else
                {
                    diags.Add(new Diagnostic(path, SourceSpan.At(1), DiagnosticSeverity.Warning, "notebook.structure", "no 'cells' (nbformat 4) or 'worksheets' (nbformat 3) array"));
                }

                if (nbformat is not (3 or 4))
                {
                    diags.Add(new Diagnostic(path, SourceSpan.At(1), DiagnosticSeverity.Info, "notebook.nbformat", $"nbformat {nbformat} is not 3 or 4; read as best as possible"));
                }
            }
        }
        catch (JsonException e)
        {
            diags.Add(new Diagnostic(path, SourceSpan.At((int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1), DiagnosticSeverity.Error, "notebook.json", $"invalid notebook JSON: {e.Message}"));
        }
        catch (ArgumentException e)
        {
            // Text that cannot be transcoded to UTF-8 (a lone surrogate) is not JSON either.
            diags.Add(new Diagnostic(path, SourceSpan.At(1), DiagnosticSeverity.Error, "notebook.json", $"invalid notebook text: {e.Message}"));
        }

        return Join(path, nbformat, language, cells, diags) with { HostedRuntime = host };
    }

    private static void ReadCells(JsonElement array, List<NotebookCell> cells, string sourceProperty)
    {
        foreach (var c in array.EnumerateArray())
        {
            if (c.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var type = c.TryGetProperty("cell_type", out var ct) && ct.ValueKind == JsonValueKind.String ? ct.GetString() : null;
            var kind = type switch { "code" => NotebookCellKind.Code, "markdown" or "heading" => NotebookCellKind.Markdown, _ => NotebookCellKind.Raw };
            var source = c.TryGetProperty(sourceProperty, out var s) || c.TryGetProperty("source", out s) ? JoinSource(s) : string.Empty;
            int? count = null;
            foreach (var key in new[] { "execution_count", "prompt_number" })
            {
                if (c.TryGetProperty(key, out var ec) && ec.ValueKind == JsonValueKind.Number && ec.TryGetInt32(out var n))
                {
                    count = n;
                }
            }

            var outputs = c.TryGetProperty("outputs", out var o) && o.ValueKind == JsonValueKind.Array ? o.GetArrayLength() : 0;
            cells.Add(new NotebookCell(cells.Count, kind, source, count, outputs));
        }
    }

    private static string JoinSource(JsonElement s) => s.ValueKind switch
    {
        JsonValueKind.String => s.GetString() ?? string.Empty,
        JsonValueKind.Array => string.Concat(s.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString())),
        _ => string.Empty,
    };

    private static NotebookDocument Join(string path, int nbformat, string? language, List<NotebookCell> cells, List<Diagnostic> diags)
    {
        var code = new StringBuilder();
        var map = ImmutableArray.CreateBuilder<CellLocation>();
        var magics = ImmutableArray.CreateBuilder<NotebookCommand>();
        var pips = ImmutableArray.CreateBuilder<NotebookCommand>();
        var shells = ImmutableArray.CreateBuilder<NotebookCommand>();
        foreach (var cell in cells)
        {
            if (cell.Kind != NotebookCellKind.Code)
            {
                continue;
            }

            var lines = cell.Source.ReplaceLineEndings("\n").Split('\n');
            if (lines.Length > 1 && lines[^1].Length == 0)
            {
                lines = lines[..^1];
            }

            var bodyIsCode = true;
            var first = lines.Length > 0 ? lines[0].TrimStart() : string.Empty;
            if (first.StartsWith("%%", StringComparison.Ordinal))
            {
                var name = Word(first[2..]);
                magics.Add(new NotebookCommand(cell.Index, 1, "cell-magic", name, first[2..].Trim()));
                bodyIsCode = PythonBodyMagics.Contains(name);
                if (name is "bash" or "sh" or "script" && lines.Length > 1)
                {
                    for (var i = 1; i < lines.Length; i++)
                    {
                        Shell(cell.Index, i + 1, lines[i].Trim(), pips, shells);
                    }
                }
            }

            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                var trimmed = line.TrimStart();
                var isCode = bodyIsCode && !(i == 0 && trimmed.StartsWith("%%", StringComparison.Ordinal));
                if (isCode && trimmed.Length > 0)
                {
                    if (trimmed[0] == '!')
                    {
                        Shell(cell.Index, i + 1, trimmed[1..].Trim(), pips, shells);
                        isCode = false;
                    }
                    else if (trimmed[0] == '%')
                    {
                        var cmd = trimmed[1..].Trim();
                        var name = Word(cmd);
                        magics.Add(new NotebookCommand(cell.Index, i + 1, "line-magic", name, cmd));
                        if (name is "pip" or "conda" && cmd.Contains(" install", StringComparison.Ordinal))
                        {
                            pips.Add(new NotebookCommand(cell.Index, i + 1, "line-magic", name, cmd));
                        }
                        else if (name is "run" or "sx" or "system")
                        {
                            shells.Add(new NotebookCommand(cell.Index, i + 1, "line-magic", name, cmd));
                        }

                        isCode = false;
                    }
                    else if (AssignedShell(trimmed) is { } shell)
                    {
                        // `files = !ls` captures shell output.
                        Shell(cell.Index, i + 1, shell, pips, shells);
                        isCode = false;
                    }
                    else if (trimmed.EndsWith('?') && !trimmed.StartsWith('#') && IsHelp(trimmed))
                    {
                        magics.Add(new NotebookCommand(cell.Index, i + 1, "help", trimmed.TrimEnd('?'), trimmed));
                        isCode = false;
                    }
                }

                // Blank lines keep the module's line numbers aligned with cell lines; indentation is kept so
                // a magic inside a block does not end the block.
                code.Append(isCode ? line : string.Empty).Append('\n');
                map.Add(new CellLocation(cell.Index, i + 1));
            }
        }

        return new NotebookDocument(path, nbformat, language, [.. cells], code.ToString(), map.ToImmutable(), magics.ToImmutable(), pips.ToImmutable(), shells.ToImmutable(), [.. diags]);
    }

    private static void Shell(int cell, int line, string cmd, ImmutableArray<NotebookCommand>.Builder pips, ImmutableArray<NotebookCommand>.Builder shells)
    {
        if (cmd.Length == 0)
        {
            return;
        }

        var name = Word(cmd);
        var isPip = (name is "pip" or "pip3" && cmd.Contains(" install", StringComparison.Ordinal)) ||
                    (name.StartsWith("python", StringComparison.Ordinal) && cmd.Contains("-m pip install", StringComparison.Ordinal));
        (isPip ? pips : shells).Add(new NotebookCommand(cell, line, "shell", name, cmd));
    }

    private static string? AssignedShell(string line)
    {
        var eq = line.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0 || eq + 1 >= line.Length || line[eq + 1] == '=')
        {
            return null;
        }

        var lhs = line[..eq].Trim();
        var rhs = line[(eq + 1)..].TrimStart();
        return lhs.Length > 0 && lhs.All(c => char.IsLetterOrDigit(c) || c is '_' or ',' or ' ') && rhs.StartsWith('!') ? rhs[1..].Trim() : null;
    }

    private static bool IsHelp(string line)
    {
        var body = line.TrimEnd('?');
        return body.Length > 0 && body.All(c => char.IsLetterOrDigit(c) || c is '_' or '.' or '*');
    }

    private static string Word(string s)
    {
        s = s.TrimStart();
        var end = 0;
        while (end < s.Length && !char.IsWhiteSpace(s[end]))
        {
            end++;
        }

        var w = s[..end];
        var slash = w.LastIndexOf('/');
        return slash >= 0 ? w[(slash + 1)..] : w;
    }
}
