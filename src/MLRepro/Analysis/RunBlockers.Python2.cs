using MLRepro.Model;
using MLRepro.Python;

namespace MLRepro.Analysis;

public static partial class RunBlockers
{
    /// <summary>
    /// Statements only Python 2 accepts, in modules a run may reach (tests skipped): a print statement (`print "done"`,
    /// `print x, y`, `print &gt;&gt;f, x`) or an old except clause (`except ValueError, e:`). Python 3 rejects the module with a
    /// SyntaxError, so the code runs only under a Python 2.7 interpreter: like an API current releases removed, the code is
    /// right for its era, but a fresh environment today does not run it. One per module (the first).
    /// </summary>
    /// <param name="project">The project.</param>
    public static IEnumerable<RunBlocker> Python2Statements(ProjectModel project)
    {
        foreach (var m in project.PythonModules.Where(m => !ConfigAnalysis.IsTestOrTooling(m.Path)))
        {
            var source = m.Notebook is { } nb ? nb.Code : m.IsNotebook ? null : project.Text(m.Path)?.Text;
            // Tokenize only where a Python 2 statement can be: nearly every module says print(…), few say print "…".
            if (source is null || source.Length > MaxScannedChars || !Python2Candidate().IsMatch(source))
            {
                continue;
            }

            var tokens = Tokenizer.Tokenize(source, m.Path, trivia: false).Tokens;
            if (FirstPython2Statement(tokens, source) is { } at)
            {
                var line = at.Line;
                var text = source.Split('\n') is { } lines && line >= 1 && line <= lines.Length ? lines[line - 1].Trim() : null;
                yield return new RunBlocker(m.Path, line, "uses Python 2 syntax (a print statement or `except E, e:`): Python 3 rejects the module, so it runs only under Python 2.7",
                    text is { Length: > 0 and <= 120 } ? text : null);
            }
        }
    }

    /// <summary>The first token of a Python 2-only statement: `print` followed by an operand on the same line, or `except E, name:`.</summary>
    private static Token? FirstPython2Statement(Token[] tokens, string source)
    {
        var atStatementStart = true;
        for (var i = 0; i < tokens.Length - 1; i++)
        {
            var t = tokens[i];
            if (t.Kind is TokenKind.Newline or TokenKind.Indent or TokenKind.Dedent)
            {
                atStatementStart = true;
                continue;
            }

            var start = atStatementStart || (i > 0 && tokens[i - 1].IsOp(source, ';'));
            atStatementStart = false;
            if (!start || t.Kind != TokenKind.Name)
            {
                continue;
            }

            var next = tokens[i + 1];
            // `print "x"`, `print x`, `print 3`, `print >>f, x`; not `print(...)`, `print = log`, `print.x`, nor a bare `print`.
            if (t.IsName(source, "print") && next.Line == t.Line
                && (next.Kind is TokenKind.String or TokenKind.Number || (next.Kind == TokenKind.Name && !IsKeywordOperator(next, source)) || next.IsOp(source, ">>")))
            {
                return t;
            }

            // `except ValueError, e:` (Python 3 writes `except ValueError as e:`; a tuple of types needs parentheses).
            if (t.IsName(source, "except") && i + 4 < tokens.Length && next.Kind == TokenKind.Name
                && tokens[i + 2].IsOp(source, ',') && tokens[i + 3].Kind == TokenKind.Name && tokens[i + 4].IsOp(source, ':'))
            {
                return t;
            }
        }

        return null;
    }

    /// <summary>
    /// Text that can hold what <see cref="FirstPython2Statement"/> finds (a superset: it also matches in comments and strings):
    /// `print` followed on its line by a string, a number (.5 too), a name or `&gt;&gt;`; `except NAME ,` across spaces and line continuations.
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\bprint[ \t\f]*(?:[""'\w]|\.\d|>>)|\bexcept[ \t\f\\\r\n]+\w+[ \t\f\\\r\n]*,")]
    private static partial System.Text.RegularExpressions.Regex Python2Candidate();

    /// <summary>Names that make `print NAME …` an expression in Python 3 (`print if x else y` is not Python, but `print in seen` is).</summary>
    private static bool IsKeywordOperator(Token t, string source) =>
        t.IsName(source, "in") || t.IsName(source, "is") || t.IsName(source, "and") || t.IsName(source, "or") || t.IsName(source, "if") || t.IsName(source, "not");
}
