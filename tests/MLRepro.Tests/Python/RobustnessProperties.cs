using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MLRepro.Formats.Notebook;
using MLRepro.Python;
using MLRepro.Tests.Support;

namespace MLRepro.Tests.Python;

/// <summary>Random and mutated inputs never make the tokenizer, the summary or the notebook parser throw.</summary>
public sealed class RobustnessProperties
{
    private static readonly string[] Pieces =
    [
        "import ", "from ", " as ", ".", "..", "(", ")", "[", "]", "{", "}", ",", ":", ";", "=", "==", "+=", "@", "*", "**",
        "\n", "\r\n", "\r", "    ", "\t", "\\\n", "\\", "#", "'", "\"", "'''", "\"\"\"", "f'", "f\"", "rb'", "{x!r:>{w}}", "{{", "}}",
        "def ", "class ", "lambda ", "if ", "else", "return ", "yield from ", "case ", "match ", "np", "torch", "x", "seed", "0x_1", "1e", "1.5j",
        "é", "变", "\u200b", "\0", "$", "?", "`", "\ud800", "print ", "__name__", "'__main__'", "add_argument(", "open(",
    ];

    private static readonly Lazy<string[]> Seeds = new(() => [.. Directory.EnumerateFiles(Path.Combine(TestPaths.Fixtures, "Python"), "*.py", SearchOption.AllDirectories).Select(File.ReadAllText)]);

    private static void Exercise(string src)
    {
        var r = Tokenizer.Tokenize(src, "p.py");
        if (r.Tokens.Length == 0 || r.Tokens[^1].Kind != TokenKind.EndMarker)
        {
            throw new InvalidOperationException("no end marker");
        }

        foreach (var tk in r.Tokens)
        {
            if (tk.Offset < 0 || tk.End > src.Length || tk.Line < 1 || tk.Column < 1)
            {
                throw new InvalidOperationException($"token out of range: {tk}");
            }
        }

        _ = ModuleSummary.Parse("p.py", src);
        _ = ModuleSummary.Parse(NotebookParser.Parse("p.ipynb", src));
    }

    [Property(MaxTest = 500)]
    public Property Random_python_like_text_never_throws() =>
        Prop.ForAll(Gen.Elements(Pieces).ListOf().Select(l => string.Concat(l)).ToArbitrary(), src =>
        {
            Exercise(src);
            return true;
        });

    [Property(MaxTest = 200)]
    public Property Any_string_never_throws() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), src =>
        {
            Exercise(src ?? string.Empty);
            return true;
        });

    [Property(MaxTest = 300)]
    public Property Mutated_fixtures_never_throw() =>
        Prop.ForAll(
            Gen.Choose(0, 1_000_000).Three().Select(x => x).ToArbitrary(),
            Gen.Elements(Pieces).ToArbitrary(),
            (pos, piece) =>
            {
                var seed = Seeds.Value[pos.Item1 % Seeds.Value.Length];
                var at = seed.Length == 0 ? 0 : pos.Item2 % seed.Length;
                var cut = Math.Min(seed.Length - at, pos.Item3 % 8);
                Exercise(seed[..at] + piece + seed[(at + cut)..]);
                Exercise(seed[..at]);
                return true;
            });
}
