using FsCheck.Xunit;
using MLRepro.Formats.DataTracking;
using MLRepro.Tests.Formats.Markdown;
using MLRepro.Text;

namespace MLRepro.Tests.Formats.DataTracking;

public sealed class DataTrackingPropertyTests
{
    [Property(MaxTest = 150)]
    public bool Random_and_mutated_inputs_never_throw(int seed)
    {
        var (name, text) = FuzzInput.Mutated("DataTracking", seed);
        var random = FuzzInput.Random(seed);
        foreach (var t in new[] { text, random })
        {
            var source = new SourceText(name, t);
            if (!FuzzInput.Quick(() => DataTrackingParser.ScanText(source))
                || !FuzzInput.Quick(() => DataTrackingParser.ParseGitAttributes(new SourceText(".gitattributes", t)))
                || !FuzzInput.Quick(() => DataTrackingParser.ParseLfsPointer(source)))
            {
                return false;
            }
        }

        return true;
    }

    [Property(MaxTest = 100)]
    public bool Source_lines_are_within_the_file(int seed)
    {
        var (name, text) = FuzzInput.Mutated("DataTracking", seed);
        var source = new SourceText(name, text);
        return DataTrackingParser.ScanText(source).All(s => s.Line >= 1 && s.Line <= source.LineCount && s.Value.Length > 0);
    }

    [Property(MaxTest = 100)]
    public bool Gitattributes_matching_never_throws(string? pattern, string? path)
    {
        var doc = DataTrackingDocument.Empty with { LfsPatterns = [new LfsPattern(".gitattributes", pattern ?? string.Empty, 1, "filter=lfs")] };
        return doc.IsLfsTracked(path ?? string.Empty) || true;
    }
}
