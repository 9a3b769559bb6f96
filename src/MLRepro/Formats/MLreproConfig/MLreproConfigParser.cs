using System.Collections.Immutable;
using System.Text.RegularExpressions;
using MLRepro.Formats.Config;
using MLRepro.Text;

namespace MLRepro.Formats.MLreproConfig;

/// <summary>
/// Reads the `criteria:` section of .mlrepro.yaml (or `[tool.mlrepro.criteria]` in pyproject.toml):
/// <code>
/// criteria:
///   env.hardware: { status: not-applicable, reason: "inference only, runs on any CPU" }
///   data.documented: { status: accepted, reason: "the dataset's own card documents it" }
/// </code>
/// The file is flattened by the config parser (so the same limits and diagnostics apply), then the entries under
/// `criteria.` are read back by their suffix: a criterion id itself contains a dot.
/// </summary>
public static partial class MLreproConfigParser
{
    /// <summary>Parses a .mlrepro.yaml text; known ids are checked against <paramref name="knownCriteria"/>.</summary>
    public static MLreproConfigDocument ParseYaml(SourceText source, IReadOnlySet<string> knownCriteria) =>
        Read(source.Path, ConfigParser.Parse(source, ConfigFormat.Yaml, ConfigRole.General), prefix: "criteria.", knownCriteria);

    /// <summary>Parses the `[tool.mlrepro]` table of a pyproject.toml text.</summary>
    public static MLreproConfigDocument ParsePyProject(SourceText source, IReadOnlySet<string> knownCriteria) =>
        Read(source.Path, ConfigParser.Parse(source, ConfigFormat.Toml, ConfigRole.General), prefix: "tool.mlrepro.criteria.", knownCriteria);

    private static MLreproConfigDocument Read(string path, ConfigFile file, string prefix, IReadOnlySet<string> known)
    {
        var diagnostics = new List<Diagnostic>(file.Diagnostics);
        var fields = new SortedDictionary<string, Dictionary<string, (string? Value, int Line)>>(StringComparer.Ordinal);
        foreach (var e in file.Entries.Where(e => e.KeyPath.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var m = Field().Match(e.KeyPath[prefix.Length..]);
            if (!m.Success)
            {
                continue;
            }

            var id = m.Groups["id"].Value.Trim('"', '\'');
            if (!fields.TryGetValue(id, out var f))
            {
                fields[id] = f = new Dictionary<string, (string?, int)>(StringComparer.Ordinal);
            }

            f[m.Groups["field"].Value] = (e.Value, e.Line);
        }

        var overrides = ImmutableArray.CreateBuilder<CriterionOverride>();
        foreach (var (id, f) in fields)
        {
            var line = f.Values.Min(v => v.Line);
            if (!known.Contains(id))
            {
                diagnostics.Add(new Diagnostic(path, SourceSpan.At(line), DiagnosticSeverity.Warning, "mlrepro-config.unknown-criterion", $"'{id}' is not a criterion id (see `mlrepro check --list`); ignored"));
                continue;
            }

            var status = f.GetValueOrDefault("status").Value?.Trim().ToLowerInvariant().Replace('_', '-');
            var reason = f.GetValueOrDefault("reason").Value?.Trim();
            OverrideStatus? parsed = status switch
            {
                "not-applicable" or "n/a" or "na" => OverrideStatus.NotApplicable,
                "accepted" or "accept" => OverrideStatus.Accepted,
                _ => null,
            };
            if (parsed is null)
            {
                diagnostics.Add(new Diagnostic(path, SourceSpan.At(line), DiagnosticSeverity.Warning, "mlrepro-config.bad-status", $"{id}: status must be not-applicable or accepted (got '{status ?? "nothing"}'); ignored"));
                continue;
            }

            if (string.IsNullOrWhiteSpace(reason))
            {
                diagnostics.Add(new Diagnostic(path, SourceSpan.At(line), DiagnosticSeverity.Warning, "mlrepro-config.no-reason", $"{id}: an override needs a written reason (reason: \"...\"); ignored"));
                continue;
            }

            overrides.Add(new CriterionOverride(id, parsed.Value, reason, path, line));
        }

        return new MLreproConfigDocument(path, overrides.ToImmutable(), [.. diagnostics]);
    }

    [GeneratedRegex(@"^(?<id>.+)\.(?<field>status|reason)$")]
    private static partial Regex Field();
}
