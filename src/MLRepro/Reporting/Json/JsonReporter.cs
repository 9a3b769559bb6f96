using System.Text.Json;

namespace MLRepro.Reporting.Json;

/// <summary>The machine-readable assessment (schema "mlrepro/assessment/v1", docs/schema/assessment-v1.schema.json).</summary>
public sealed class JsonReporter : IReporter
{
    /// <inheritdoc />
    public void Write(Report report, TextWriter writer)
    {
        writer.Write(JsonSerializer.Serialize(report, JsonDefaults.Options));
        writer.Write('\n');
    }

    /// <summary>Reads a report written by this reporter.</summary>
    public static Report? Read(string json) => JsonSerializer.Deserialize<Report>(json, JsonDefaults.Options);
}
