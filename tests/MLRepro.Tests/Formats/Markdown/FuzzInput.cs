using System.Diagnostics;
using System.Text;
using AwesomeAssertions;
using MLRepro.Tests.Support;

namespace MLRepro.Tests.Formats.Markdown;

/// <summary>Random and mutated inputs for the property tests of the documentation and data parsers.</summary>
internal static class FuzzInput
{
    /// <summary>Characters that mean something to Markdown, YAML, JSON, RST and shell, plus awkward code points.</summary>
    private const string Alphabet = "#-*+>[]()!`~|:{}\"'&*\\/\n\r\t  abcXYZ019=._$<>@%?😀\uFFFD\u0000\u200D-[x][ ]---...";

    private static readonly string[] Tokens =
    [
        "\n---\n", "\n```bash\n", "\n```\n", "~~~", "- [x] ", "- [ ] ", "> ", "- ", "1. ", "| a | b |\n|---|---|\n", "![i](", "[l](", "](javascript:x)",
        "<script>", "<a href=\"", "<img src=x onerror=y>", "&a [*a,*a]", "*a", "&a", "{{{{", "[[[[", "load_dataset(\"", "kaggle datasets download -d ",
        "s3://b/k.csv", "https://x.org/d.zip", "filter=lfs", "<!-- mlrepro:user-start -->", "<!-- mlrepro:user-end -->", "## 1. Code\n", "**Data**\n",
        ".. code-block:: bash\n", "::\n\n    ", "=====\n", "\\\n", "\"recordSet\": [", "\"fields\": [", "pa.DataFrameSchema({", "Column(",
    ];

    /// <summary>A random string of markup-heavy characters and tokens.</summary>
    public static string Random(int seed, int maxLength = 2_000)
    {
        var rng = new Random(seed);
        var sb = new StringBuilder();
        var length = rng.Next(maxLength);
        while (sb.Length < length)
        {
            if (rng.Next(4) == 0)
            {
                sb.Append(Tokens[rng.Next(Tokens.Length)]);
            }
            else
            {
                sb.Append(Alphabet[rng.Next(Alphabet.Length)]);
            }
        }

        return sb.ToString();
    }

    /// <summary>A fixture of a format with random insertions, deletions, duplications and token splices.</summary>
    public static (string Name, string Text) Mutated(string format, int seed)
    {
        var rng = new Random(seed);
        var files = Directory.EnumerateFiles(Path.Combine(TestPaths.Fixtures, "Formats", format), "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        var file = files[rng.Next(files.Length)];
        var text = new StringBuilder(File.ReadAllText(file));
        var edits = 1 + rng.Next(12);
        for (var e = 0; e < edits && text.Length > 0; e++)
        {
            var at = rng.Next(text.Length);
            var len = Math.Min(text.Length - at, rng.Next(64));
            switch (rng.Next(5))
            {
                case 0:
                    text.Remove(at, len);
                    break;
                case 1:
                    text.Insert(at, Tokens[rng.Next(Tokens.Length)]);
                    break;
                case 2:
                    text.Insert(at, text.ToString(at, len));
                    break;
                case 3:
                    text.Insert(at, Alphabet[rng.Next(Alphabet.Length)]);
                    break;
                default:
                    text.Insert(at, string.Concat(Enumerable.Repeat(Tokens[rng.Next(Tokens.Length)], rng.Next(200))));
                    break;
            }
        }

        return (Path.GetFileName(file), text.ToString());
    }

    /// <summary>Runs a parse, asserting it neither throws nor takes long (generous: the machine is shared).</summary>
    public static bool Quick(Func<object> parse)
    {
        var sw = Stopwatch.StartNew();
        var result = parse();
        sw.Elapsed.Should().BeLessThan(MLRepro.Tests.Support.Bounds.HostileInput);
        return result is not null;
    }
}
