using System.Text.RegularExpressions;
using MLRepro.Model;

namespace MLRepro.Analysis;

public static partial class RunBlockers
{
    /// <summary>
    /// Documented multi-line commands whose line continuation is broken, so a shell does not run them as written:
    /// <list type="bullet">
    /// <item>a line ending in a backslash followed by blanks or a comment (<c>--max_len 200 \ </c>, <c>--model x \ # base model</c>):
    /// the backslash escapes the blank, not the newline, so the command ends on that line with a stray " " argument;</item>
    /// <item>an option line (<c>--chatglm_path model/</c>) after a line of the same command that has no trailing backslash: the
    /// command runs without the options that follow, and the shell then fails on <c>--chatglm_path</c> as a command.</item>
    /// </list>
    /// Only commands of a Python run (python, torchrun, accelerate, deepspeed) in a document's fenced blocks (Markdown
    /// fences, reStructuredText code directives) count; help output
    /// (<c>usage:</c>, an options table) and other shells' continuations (<c>^</c> of cmd, <c>`</c> of PowerShell) are left alone.
    /// </summary>
    public static IEnumerable<RunBlocker> BrokenContinuations(ProjectModel project)
    {
        var found = new List<RunBlocker>();
        foreach (var d in project.Docs)
        {
            foreach (var block in d.CodeBlocks.Where(c => c.Fenced && c.Text.Length <= MaxScannedChars))
            {
                if (found.Count >= MaxPerKind)
                {
                    return found;
                }

                // Help output (usage line, options table) lists options one per line on purpose.
                var lines = block.Text.Split('\n');
                if (!IsHelpOutput(lines))
                {
                    found.AddRange(BrokenContinuations(d.Path, lines, block.Line).Take(MaxPerKind - found.Count));
                }
            }
        }

        return found;
    }

    /// <summary>The broken continuations of one fenced block whose first line is <paramref name="firstLine"/> in its document.</summary>
    private static IEnumerable<RunBlocker> BrokenContinuations(string path, string[] lines, int firstLine)
    {
        string? command = null;
        string? previous = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var trimmed = line.Trim();
            var lineNumber = firstLine + i;
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                // A blank line or a comment line ends a command.
                command = null;
                previous = null;
                continue;
            }

            var isOption = OptionLine().IsMatch(line);
            if (command is null)
            {
                command = PythonRun().IsMatch(trimmed) ? trimmed : null;
                previous = command is null ? null : line;
                if (command is not null && EscapedBlank().IsMatch(line) && NextIsOption(lines, i + 1))
                {
                    yield return EscapedBlankBlocker(path, lineNumber, command, trimmed);
                    command = null;
                    previous = null;
                }

                continue;
            }

            // Inside a command: `previous` is its last line. A synopsis with placeholders (`--data <data>`, `[--seed SEED]`)
            // lists options, it is not a command to paste.
            if (isOption && !EndsWithContinuation(previous!) && !EscapedBlank().IsMatch(previous!) && !Synopsis().IsMatch(command + " " + trimmed))
            {
                yield return new RunBlocker(path, lineNumber, $"the documented command's line continuation is broken: `{Short(trimmed)}` follows a line without a trailing `\\`, so `{Short(command)}` runs without it and the shell fails on the option line", trimmed);
                command = null;
                previous = null;
                continue;
            }

            if (EscapedBlank().IsMatch(line) && NextIsOption(lines, i + 1))
            {
                yield return EscapedBlankBlocker(path, lineNumber, command, trimmed);
                command = null;
                previous = null;
                continue;
            }

            if (EndsWithContinuation(previous!) || isOption)
            {
                previous = line;
                continue;
            }

            // A new command line.
            command = PythonRun().IsMatch(trimmed) ? trimmed : null;
            previous = command is null ? null : line;
        }
    }

    private static RunBlocker EscapedBlankBlocker(string path, int line, string command, string snippet) =>
        new(path, line, $"the documented command's line continuation is broken: a blank or comment follows the `\\`, so the shell ends `{Short(command)}` on this line and runs the options below as a separate command", snippet);

    private static bool EndsWithContinuation(string line)
    {
        var t = line.TrimEnd();
        return t.EndsWith('\\') || t.EndsWith('^') || t.EndsWith('`') || t.EndsWith('|') || t.EndsWith("&&", StringComparison.Ordinal);
    }

    private static bool NextIsOption(string[] lines, int from)
    {
        // Only the very next line: a blank line or a fence ends the block's command anyway.
        return from < lines.Length && OptionLine().IsMatch(lines[from].TrimEnd('\r'));
    }

    /// <summary>A block printing a program's help (usage line, options table) lists options one per line on purpose.</summary>
    private static bool IsHelpOutput(string[] lines) => lines.Any(l => l.Trim() is var t
        && (t.StartsWith("usage:", StringComparison.OrdinalIgnoreCase) || t.StartsWith("options:", StringComparison.OrdinalIgnoreCase)
            || t.StartsWith("optional arguments:", StringComparison.OrdinalIgnoreCase)));

    private static string Short(string s) => s.Length <= 60 ? s : s[..57] + "…";

    /// <summary>Placeholders of a usage synopsis: `&lt;data&gt;`, `[--seed SEED]`.</summary>
    [GeneratedRegex(@"<[A-Za-z_][\w -]*>|\[--?[A-Za-z]", RegexOptions.CultureInvariant)]
    private static partial Regex Synopsis();

    /// <summary>An indented or bare option line: `  --flag value`, `-n 3`.</summary>
    [GeneratedRegex(@"^\s*--?[A-Za-z][\w.-]*(?:[\s=]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex OptionLine();

    /// <summary>The start of a Python run: an interpreter or launcher, possibly after environment assignments.</summary>
    [GeneratedRegex(@"^(?:\$\s+)?(?:[A-Z_][A-Z0-9_]*=\S*\s+)*(?:python3?(?:\.\d+)?|torchrun|accelerate\s+launch|deepspeed)\s", RegexOptions.CultureInvariant)]
    private static partial Regex PythonRun();

    /// <summary>A backslash followed by blanks (and maybe a comment) at the end of a line: it escapes the blank, not the newline.</summary>
    [GeneratedRegex(@"\\[ \t]+(?:#.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex EscapedBlank();
}
