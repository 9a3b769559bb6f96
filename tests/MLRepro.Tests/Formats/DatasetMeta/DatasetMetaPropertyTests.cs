using FsCheck.Xunit;
using MLRepro.Formats.DatasetMeta;
using MLRepro.Formats.Markdown;
using MLRepro.Tests.Formats.Markdown;
using MLRepro.Text;

namespace MLRepro.Tests.Formats.DatasetMeta;

public sealed class DatasetMetaPropertyTests
{
    [Property(MaxTest = 150)]
    public bool Mutated_metadata_never_throws(int seed)
    {
        var (name, text) = FuzzInput.Mutated("DatasetMeta", seed);
        var path = name.EndsWith(".md", StringComparison.Ordinal) ? name : name.EndsWith(".py", StringComparison.Ordinal) ? name : name == "taxi_suite.json" ? "expectations/" + name : name;
        return path.EndsWith(".md", StringComparison.Ordinal)
            ? FuzzInput.Quick(() => DatasetMetaParser.FromDocument(MarkdownParser.Parse(new SourceText("data/" + path, text))))
            : FuzzInput.Quick(() => DatasetMetaParser.Parse(new SourceText(path, text)));
    }

    [Property(MaxTest = 100)]
    public bool Random_text_never_throws_as_any_kind(int seed)
    {
        var text = FuzzInput.Random(seed);
        return new[] { "datapackage.json", "x.schema.json", "croissant.json", "expectations/s.json", "schemas.py" }
            .All(p => FuzzInput.Quick(() => DatasetMetaParser.Parse(new SourceText(p, text))));
    }
}
