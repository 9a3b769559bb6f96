using System.Text;
using System.Text.Json;
using AwesomeAssertions;
using MLRepro.Formats.DatasetMeta;
using MLRepro.Formats.DataTracking;
using MLRepro.Formats.Markdown;
using MLRepro.Formats.Reproducibility;
using MLRepro.Reporting.Json;
using MLRepro.Tests.Support;
using MLRepro.Text;

namespace MLRepro.Tests.Formats.Markdown;

/// <summary>
/// Every fixture of the documentation and data formats, parsed and compared with its expected JSON
/// (<c>&lt;fixture&gt;.expected.json</c>). MLREPRO_UPDATE_GOLDEN=1 rewrites the expected files; review the diff.
/// </summary>
public sealed class DocFormatsGoldenTests
{
    internal static readonly string[] Formats = ["Markdown", "Reproducibility", "DataTracking", "DatasetMeta"];

    private const string ExpectedSuffix = ".expected.json";

    public static TheoryData<string, string> Fixtures()
    {
        var data = new TheoryData<string, string>();
        foreach (var format in Formats)
        {
            var dir = Path.Combine(TestPaths.Fixtures, "Formats", format);
            foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (!file.EndsWith(ExpectedSuffix, StringComparison.Ordinal))
                {
                    data.Add(format, Path.GetRelativePath(dir, file).Replace('\\', '/'));
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Parsed_document_matches_expected_json(string format, string fixture)
    {
        var full = Path.Combine(TestPaths.Fixtures, "Formats", format, fixture);
        var actual = JsonSerializer.Serialize(Parse(format, fixture, File.ReadAllBytes(full)), JsonDefaults.Options).ReplaceLineEndings("\n") + "\n";
        var expectedPath = full + ExpectedSuffix;
        if (TestPaths.UpdateGolden)
        {
            File.WriteAllText(expectedPath, actual);
            return;
        }

        File.Exists(expectedPath).Should().BeTrue($"{fixture} needs an expected file (run with MLREPRO_UPDATE_GOLDEN=1 and review it)");
        actual.Should().Be(File.ReadAllText(expectedPath).ReplaceLineEndings("\n"));
    }

    /// <summary>Parses a fixture the way its format is parsed in a project (the path decides the dialect).</summary>
    internal static object Parse(string format, string fixture, byte[] bytes)
    {
        var diagnostics = new List<Diagnostic>();
        var path = fixture.EndsWith(".gitattributes.txt", StringComparison.Ordinal) ? ".gitattributes" : fixture;
        var source = new SourceText(path, MLRepro.Indexing.RepoIndex.Decode(bytes, path, diagnostics));
        return format switch
        {
            "Markdown" => MarkdownParser.Parse(source),
            "Reproducibility" => ReproducibilityParser.Parse(source),
            "DataTracking" when path == ".gitattributes" => new { patterns = DataTrackingParser.ParseGitAttributes(source, diagnostics), diagnostics },
            "DataTracking" when fixture.EndsWith(".lfs-pointer.txt", StringComparison.Ordinal) => new { pointer = DataTrackingParser.ParseLfsPointer(source, diagnostics), diagnostics },
            "DataTracking" => new { downloadScript = DataTrackingParser.IsDownloadScript(path), sources = DataTrackingParser.ScanText(source) },
            "DatasetMeta" when path.EndsWith(".md", StringComparison.Ordinal) => new { schemas = DatasetMetaParser.FromDocument(MarkdownParser.Parse(source)) },
            "DatasetMeta" => DatasetMetaParser.Parse(source),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown format"),
        };
    }
}
