using FsCheck.Xunit;
using MLRepro.Formats.Markdown;
using MLRepro.Text;

namespace MLRepro.Tests.Formats.Markdown;

public sealed class MarkdownPropertyTests
{
    [Property(MaxTest = 150)]
    public bool Random_text_never_throws_in_any_flavor(int seed)
    {
        var text = FuzzInput.Random(seed);
        return FuzzInput.Quick(() => MarkdownParser.Parse(new SourceText("README.md", text)))
            && FuzzInput.Quick(() => MarkdownParser.Parse(new SourceText("README.rst", text)))
            && FuzzInput.Quick(() => MarkdownParser.Parse(new SourceText("README.txt", text)));
    }

    [Property(MaxTest = 150)]
    public bool Mutated_fixtures_never_throw(int seed)
    {
        var (name, text) = FuzzInput.Mutated("Markdown", seed);
        return FuzzInput.Quick(() => MarkdownParser.Parse(new SourceText(name, text)));
    }

    [Property(MaxTest = 100)]
    public bool Arbitrary_strings_never_throw(string? text) =>
        FuzzInput.Quick(() => MarkdownParser.Parse(new SourceText("doc.md", text ?? string.Empty)));

    [Property(MaxTest = 100)]
    public bool Headings_lines_are_within_the_file(int seed)
    {
        var source = new SourceText("README.md", FuzzInput.Random(seed));
        var doc = MarkdownParser.Parse(source);
        return doc.Headings.All(h => h.Line >= 1 && h.Line <= source.LineCount)
            && doc.Commands.All(c => c.Line >= 1 && c.Line <= source.LineCount)
            && doc.Headings.Select((h, i) => h.Parent is null || (h.Parent < i && doc.Headings[h.Parent.Value].Level < h.Level)).All(ok => ok);
    }
}
