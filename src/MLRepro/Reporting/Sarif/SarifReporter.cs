using System.Text.Json;
using System.Text.Json.Nodes;
using MLRepro.Checks;
using MLRepro.Findings;

namespace MLRepro.Reporting.Sarif;

/// <summary>
/// SARIF 2.1.0 for code-scanning UIs: one rule per criterion (from CheckInfo), one result per criterion that is not
/// met, located at each piece of evidence. Met and not-applicable criteria produce no result, so a fixed problem
/// disappears from the alert list.
/// </summary>
public sealed class SarifReporter : IReporter
{
    /// <summary>The schema URI written into the log.</summary>
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <inheritdoc />
    public void Write(Report report, TextWriter writer)
    {
        var rules = new JsonArray();
        foreach (var c in CheckRegistry.All)
        {
            rules.Add(new JsonObject
            {
                ["id"] = c.Info.Id,
                ["name"] = Pascal(c.Info.Id),
                ["shortDescription"] = new JsonObject { ["text"] = c.Info.Title },
                ["fullDescription"] = new JsonObject { ["text"] = c.Info.Rationale },
                ["help"] = new JsonObject { ["text"] = $"{c.Info.HowChecked}\n\nFix: {c.Info.Fix}", ["markdown"] = $"**{c.Info.Title}** (★{(int)c.Info.Level})\n\n{c.Info.Rationale}\n\n*How mlrepro checks it:* {c.Info.HowChecked}\n\n*Fix:* {c.Info.Fix}" },
                ["defaultConfiguration"] = new JsonObject { ["level"] = "warning" },
                ["properties"] = new JsonObject { ["level"] = (int)c.Info.Level, ["tags"] = new JsonArray("reproducibility", "ml", c.Info.Level.ToString().ToLowerInvariant()) },
            });
        }

        var results = new JsonArray();
        var ruleIndex = CheckRegistry.All.Select((c, i) => (c.Info.Id, i)).ToDictionary(x => x.Id, x => x.i);
        foreach (var f in report.Findings.Where(f => f.Outcome is Outcome.NotMet or Outcome.Partial or Outcome.Error))
        {
            var locations = new JsonArray();
            foreach (var e in f.Evidence.Where(e => e.Path.Length > 0).Take(10))
            {
                var region = e.Line is { } line ? new JsonObject { ["startLine"] = line } : null;
                var physical = new JsonObject { ["artifactLocation"] = new JsonObject { ["uri"] = Markdown.MarkdownText.EncodePath(e.Path), ["uriBaseId"] = "%SRCROOT%" } };
                if (region is not null)
                {
                    physical["region"] = region;
                }

                locations.Add(new JsonObject { ["physicalLocation"] = physical, ["message"] = new JsonObject { ["text"] = e.Note } });
            }

            var text = f.Message + (f.Fix is { Length: > 0 } fix ? " Fix: " + fix : string.Empty);
            var result = new JsonObject
            {
                ["ruleId"] = f.Criterion,
                ["ruleIndex"] = ruleIndex.GetValueOrDefault(f.Criterion),
                ["level"] = f.Outcome == Outcome.Partial ? "note" : f.Outcome == Outcome.Error ? "error" : "warning",
                ["message"] = new JsonObject { ["text"] = text },
                ["partialFingerprints"] = new JsonObject { ["mlreproCriterion/v1"] = f.Criterion },
                ["properties"] = new JsonObject { ["outcome"] = JsonNamingPolicy.CamelCase.ConvertName(f.Outcome.ToString()), ["source"] = f.Source.ToString().ToLowerInvariant() },
            };
            if (locations.Count > 0)
            {
                // The first location is the primary one; the rest are related.
                result["locations"] = new JsonArray(locations[0]!.DeepClone());
                if (locations.Count > 1)
                {
                    var related = new JsonArray();
                    for (var i = 1; i < locations.Count; i++)
                    {
                        var l = locations[i]!.DeepClone().AsObject();
                        l["id"] = i;
                        related.Add(l);
                    }

                    result["relatedLocations"] = related;
                }
            }

            results.Add(result);
        }

        var log = new JsonObject
        {
            ["$schema"] = SchemaUri,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "mlrepro",
                        ["version"] = report.Tool.Version,
                        ["semanticVersion"] = report.Tool.Version,
                        ["informationUri"] = "https://github.com/mlrepro/mlrepro",
                        ["rules"] = rules,
                    },
                },
                ["originalUriBaseIds"] = new JsonObject { ["%SRCROOT%"] = new JsonObject { ["uri"] = "file:///" } },
                ["results"] = results,
                ["properties"] = new JsonObject { ["stars"] = report.Stars, ["project"] = report.Project.Name },
            }),
        };
        writer.Write(log.ToJsonString(Json.JsonDefaults.Options));
        writer.Write('\n');
    }

    private static string Pascal(string id) =>
        string.Concat(id.Split('.', '-').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
