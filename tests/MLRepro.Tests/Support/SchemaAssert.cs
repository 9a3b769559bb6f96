using System.Collections.Concurrent;
using System.Text.Json;
using AwesomeAssertions;
using Json.Schema;

namespace MLRepro.Tests.Support;

/// <summary>Validates JSON documents against the schemas published in docs/schema.</summary>
internal static class SchemaAssert
{
    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new();

    private static JsonSchema Load(string file) =>
        Schemas.GetOrAdd(file, f => JsonSchema.FromText(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "schema", f))));

    private static EvaluationResults Evaluate(string schemaFile, string json)
    {
        using var doc = JsonDocument.Parse(json);
        return Load(schemaFile).Evaluate(doc.RootElement.Clone(), new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    public static bool IsValid(string schemaFile, string json) => Evaluate(schemaFile, json).IsValid;

    public static void Valid(string schemaFile, string json)
    {
        var result = Evaluate(schemaFile, json);
        result.IsValid.Should().BeTrue(string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }
}
