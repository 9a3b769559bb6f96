using System.Text.Json;
using AwesomeAssertions;
using MLRepro.Formats.Config;
using MLRepro.Model;
using MLRepro.Reporting.Json;
using MLRepro.Tests.Support;

namespace MLRepro.Tests.Formats.Config;

/// <summary>
/// Every folder under Fixtures/Formats/&lt;Format&gt;/&lt;case&gt; is a small project; its parsed configs and pipelines
/// must equal the case's expected.json (MLREPRO_UPDATE_GOLDEN=1 rewrites them).
/// </summary>
public sealed class FormatGoldenTests
{
    private const string Expected = "expected.json";

    private static readonly string[] Formats = ["Config", "Dvc", "MLproject", "Makefile", "Snakemake", "Kedro", "Workflows"];

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var format in Formats)
        {
            var dir = Path.Combine(TestPaths.Fixtures, "Formats", format);
            foreach (var c in Directory.GetDirectories(dir).Order(StringComparer.Ordinal))
            {
                data.Add(format + "/" + Path.GetFileName(c));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parsed_documents_match_the_expected_json(string fixture)
    {
        var source = Path.Combine(TestPaths.Fixtures, "Formats", fixture);
        using var t = new TempDir();
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(source, file).Replace('\\', '/');
            if (rel != Expected)
            {
                t.WriteBytes(rel, File.ReadAllBytes(file));
            }
        }

        var model = ProjectModel.Open(t.Path);
        var actual = JsonSerializer.Serialize(Snapshot(model), JsonDefaults.Options).ReplaceLineEndings("\n") + "\n";
        var expectedPath = Path.Combine(source, Expected);
        if (TestPaths.UpdateGolden || !File.Exists(expectedPath))
        {
            File.WriteAllText(expectedPath, actual);
        }

        actual.Should().Be(File.ReadAllText(expectedPath).ReplaceLineEndings("\n"), $"{fixture} must parse as recorded in {Expected}");
    }

    /// <summary>Everything this area of the model exposes, empty parts left out.</summary>
    internal static Dictionary<string, object?> Snapshot(ProjectModel model)
    {
        var doc = new Dictionary<string, object?>();
        void Add(string name, object? value)
        {
            if (value is not null && !(value is System.Collections.ICollection { Count: 0 }))
            {
                doc[name] = value;
            }
        }

        Add("classified", model.Index.Files
            .Select(f => (f.Path, C: ConfigClassifier.Classify(f.Path)))
            .Where(x => x.C is not null)
            .Select(x => new { path = x.Path, role = x.C!.IsConfig ? x.C.Role.ToString() : null, excluded = x.C.ExcludedReason })
            .ToList());
        Add("configFiles", model.ConfigFiles);
        Add("pythonConfigCandidates", model.PythonConfigCandidates);
        Add("dvcPipelines", model.DvcPipelines);
        Add("dvcLock", model.DvcLock);
        Add("dvcFiles", model.DvcFiles);
        Add("dvcConfig", model.DvcConfig);
        Add("mlprojects", model.MLprojects);
        Add("makefiles", model.Makefiles);
        Add("snakefiles", model.Snakefiles);
        Add("kedro", model.Kedro);
        Add("workflows", model.Workflows);
        Add("pipelines", model.Pipelines.Select(p =>
        {
            var (order, diagnostics) = p.TopologicalOrder();
            return new { tool = p.Tool, path = p.Path, stages = p.Stages, topologicalOrder = order.Select(s => s.Name), orderDiagnostics = diagnostics.Count > 0 ? diagnostics : null };
        }).ToList());
        return doc;
    }
}
