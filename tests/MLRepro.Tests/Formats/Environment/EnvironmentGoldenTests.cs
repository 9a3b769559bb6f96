using System.Text.Json;
using AwesomeAssertions;
using MLRepro.Indexing;
using MLRepro.Model;
using MLRepro.Reporting.Json;
using MLRepro.Tests.Support;

namespace MLRepro.Tests.Formats.Environment;

/// <summary>
/// Golden tests for the dependency, runtime and container parsers: every folder under
/// Fixtures/Formats/&lt;Format&gt;/&lt;case&gt;/ is indexed as a small project, and what the model parsed (dependency
/// files, Python versions, containers, diagnostics) is compared with the case's expected.json.
/// MLREPRO_UPDATE_GOLDEN=1 rewrites the expected files.
/// </summary>
public sealed class EnvironmentGoldenTests
{
    private static readonly string[] Formats = ["Requirements", "PyProject", "SetupCfg", "SetupPy", "Conda", "Pipfile", "Locks", "Runtime", "Containers", "Dependencies"];

    public static TheoryData<string> Cases() => [.. CaseNames()];

    private static List<string> CaseNames()
    {
        var data = new List<string>();
        foreach (var format in Formats)
        {
            var dir = Path.Combine(TestPaths.Fixtures, "Formats", format);
            if (!Directory.Exists(dir))
            {
                continue;
            }

            foreach (var c in Directory.GetDirectories(dir).Order(StringComparer.Ordinal))
            {
                data.Add(format + "/" + Path.GetFileName(c));
            }
        }

        return data;
    }

    [Fact]
    public void Every_format_has_fixtures()
    {
        var cases = CaseNames();
        foreach (var f in Formats.Where(f => f != "Dependencies"))
        {
            cases.Should().Contain(c => c.StartsWith(f + "/", StringComparison.Ordinal), $"{f} needs at least one fixture");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parsed_environment_matches_golden(string fixture)
    {
        var dir = Path.Combine(TestPaths.Fixtures, "Formats", fixture);
        var model = ProjectModel.Open(dir, new IndexOptions { UseGit = false });
        var actual = Render(model);
        var expectedPath = Path.Combine(dir, "expected.json");
        if (TestPaths.UpdateGolden || !File.Exists(expectedPath))
        {
            File.WriteAllText(expectedPath, actual);
            if (!TestPaths.UpdateGolden)
            {
                Assert.Fail($"{fixture}: expected.json was missing and has been written; review it and run again");
            }

            return;
        }

        actual.Should().Be(File.ReadAllText(expectedPath).ReplaceLineEndings("\n"), $"{fixture} differs from its golden file");
    }

    internal static string Render(ProjectModel model)
    {
        var doc = new Dictionary<string, object?>
        {
            ["dependencyFiles"] = model.DependencyFiles,
            ["runtimes"] = model.Runtimes,
            ["containers"] = model.Containers,
            ["diagnostics"] = model.Diagnostics.Select(d => new { path = d.Path, line = d.Span?.Line, severity = d.Severity, code = d.Code, message = d.Message }),
        };
        return JsonSerializer.Serialize(doc, JsonDefaults.Options).ReplaceLineEndings("\n") + "\n";
    }
}
