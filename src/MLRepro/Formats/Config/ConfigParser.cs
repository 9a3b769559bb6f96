using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MLRepro.Formats.Toml;
using MLRepro.Formats.Yaml;
using MLRepro.Text;

namespace MLRepro.Formats.Config;

/// <summary>
/// Parses YAML, JSON, TOML, INI/.cfg, dotenv and gin parameter files into flattened <see cref="ConfigEntry"/>s with
/// typed literals and line numbers. Never throws on content: problems become diagnostics.
/// </summary>
public static partial class ConfigParser
{
    /// <summary>Entries kept per file; the rest are dropped with a diagnostic.</summary>
    public const int MaxEntries = 20_000;

    /// <summary>Nesting deeper than this in JSON or TOML is refused (the tree walkers recurse).</summary>
    public const int MaxDepth = YamlLoader.MaxDepth;

    /// <summary>Parses one file.</summary>
    public static ConfigFile Parse(SourceText source, ConfigFormat format, ConfigRole role)
    {
        var diags = new List<Diagnostic>();
        var entries = new List<ConfigEntry>();
        var documents = 1;
        IReadOnlyList<HydraDefault>? defaults = null;
        try
        {
            switch (format)
            {
                case ConfigFormat.Yaml:
                {
                    var stream = YamlLoader.Load(source, diags);
                    documents = stream.Documents.Count;
                    foreach (var doc in stream.Documents)
                    {
                        if (doc is YamlMappingNode m && m["defaults"] is YamlSequenceNode seq)
                        {
                            defaults = ReadHydraDefaults(seq);
                        }

                        Flatten(doc, null, entries, diags, source.Path, skipHydraDefaults: defaults is not null);
                    }

                    break;
                }

                case ConfigFormat.Json:
                    if (JsonTree.Load(source, diags) is { } json)
                    {
                        Flatten(json, null, entries, null, source.Path, false);
                    }

                    break;
                case ConfigFormat.Toml:
                    if (TomlReader.LoadTree(source, diags) is { } toml)
                    {
                        Flatten(toml, null, entries, null, source.Path, false);
                    }

                    break;
                case ConfigFormat.Ini when IsFlagFile(source):
                    ParseFlagFile(source, entries);
                    break;
                case ConfigFormat.Ini:
                    foreach (var section in IniParser.Parse(source, diags).Sections)
                    {
                        foreach (var kv in section.Values)
                        {
                            var key = section.Name.Length == 0 ? kv.Key : section.Name + "." + kv.Key;
                            var (value, kind) = Infer(kv.Value, iniBooleans: true);
                            entries.Add(new ConfigEntry(key, value, kind, kv.Line));
                        }
                    }

                    break;
                case ConfigFormat.Env:
                    ParseEnv(source, entries, diags);
                    break;
                case ConfigFormat.Gin:
                    GinParser.Parse(source, entries, diags);
                    break;
                case ConfigFormat.Python:
                    break;
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Libraries can fail in ways their documentation does not list; a parser never throws.
            diags.Add(new Diagnostic(source.Path, null, DiagnosticSeverity.Error, "config.parse-failed", $"could not be parsed: {e.GetType().Name}: {e.Message}"));
        }

        if (entries.Count > MaxEntries)
        {
            diags.Add(new Diagnostic(source.Path, null, DiagnosticSeverity.Info, "config.too-many-entries", $"{entries.Count} values; only the first {MaxEntries} are kept"));
            entries.RemoveRange(MaxEntries, entries.Count - MaxEntries);
        }

        Redact(source.Path, entries, diags);
        return new ConfigFile(source.Path, format, role, entries, diags) { Documents = documents, HydraDefaults = defaults };
    }

    /// <summary>
    /// Flattens a YAML-shaped tree (also built from JSON and TOML) into entries. <paramref name="diags"/> is null
    /// for JSON and TOML, whose scalars carry no YAML 1.1 surprises.
    /// </summary>
    internal static void Flatten(YamlNode node, string? prefix, List<ConfigEntry> entries, List<Diagnostic>? diags, string path, bool skipHydraDefaults, int line = 0, int depth = 0)
    {
        if (entries.Count > MaxEntries || depth > MaxDepth)
        {
            return;
        }

        line = line == 0 ? node.Line : line;
        switch (node)
        {
            case YamlScalarNode s:
            {
                var (value, kind) = Type(s, path, line, diags);
                entries.Add(new ConfigEntry(prefix ?? string.Empty, value, kind, line));
                break;
            }

            case YamlMappingNode m when m.Entries.Count == 0:
                if (prefix is not null)
                {
                    entries.Add(new ConfigEntry(prefix, "{}", ConfigValueKind.Map, line));
                }

                break;
            case YamlMappingNode m:
                foreach (var (k, l, v) in m.Entries)
                {
                    if (skipHydraDefaults && prefix is null && k == "defaults")
                    {
                        continue;
                    }

                    Flatten(v, prefix is null ? k : prefix + "." + k, entries, diags, path, false, l, depth + 1);
                }

                break;
            case YamlSequenceNode q when q.Items.All(i => i is YamlScalarNode):
            {
                var items = q.Items.Cast<YamlScalarNode>().Select(i => Type(i, path, i.Line, diags).Value ?? "null").ToArray();
                entries.Add(new ConfigEntry(prefix ?? string.Empty, "[" + string.Join(", ", items) + "]", ConfigValueKind.List, line, items));
                break;
            }

            case YamlSequenceNode q:
                for (var i = 0; i < q.Items.Count; i++)
                {
                    Flatten(q.Items[i], $"{prefix}[{i.ToString(CultureInfo.InvariantCulture)}]", entries, diags, path, false, q.Items[i].Line, depth + 1);
                }

                break;
        }
    }

    /// <summary>
    /// Values of keys named like secrets (API keys, tokens, passwords) are replaced: mlrepro's reports quote
    /// config values, and a committed .env must not leak through them.
    /// </summary>
    private static void Redact(string path, List<ConfigEntry> entries, List<Diagnostic> diags)
    {
        var redacted = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var last = e.KeyPath[(e.KeyPath.LastIndexOf('.') + 1)..];
            // Any kind: a numeric PIN leaks as well as a string token. References (${SECRET}) reveal nothing.
            if (e.Kind is not (ConfigValueKind.Null or ConfigValueKind.Map) && !string.IsNullOrEmpty(e.Value) && SecretKey().IsMatch(last) && !e.Value.StartsWith("${", StringComparison.Ordinal))
            {
                entries[i] = e with { Value = RedactedValue, Kind = ConfigValueKind.String, Items = null };
                redacted++;
            }
        }

        if (redacted > 0)
        {
            diags.Add(new Diagnostic(path, null, DiagnosticSeverity.Info, "config.secret-redacted", $"{redacted} value(s) of secret-like keys (token, password, api key…) were not recorded"));
        }
    }

    /// <summary>What a redacted secret value reads as.</summary>
    public const string RedactedValue = "<redacted>";

    /// <summary>Types a YAML scalar by the YAML 1.2 core schema, diagnosing YAML 1.1 surprises.</summary>
    internal static (string? Value, ConfigValueKind Kind) Type(YamlScalarNode s, string path, int line, List<Diagnostic>? diags)
    {
        if (!s.Plain || s.Tag is "tag:yaml.org,2002:str")
        {
            return (s.Value, ConfigValueKind.String);
        }

        if (s.IsNull)
        {
            return (null, ConfigValueKind.Null);
        }

        if (YamlLoader.IsYaml11Boolean(s.Value))
        {
            var truthy = s.Value.ToLowerInvariant() is "yes" or "on";
            diags?.Add(new Diagnostic(path, SourceSpan.At(s.Line, s.Column), DiagnosticSeverity.Warning, "yaml.yaml11-boolean", $"'{s.Value}' is a YAML 1.1 boolean: PyYAML reads it as {(truthy ? "True" : "False")}, YAML 1.2 loaders as a string; recorded as the string '{s.Value}'"));
            return (s.Value, ConfigValueKind.String);
        }

        var (value, kind) = Infer(s.Value, iniBooleans: false);
        if (kind == ConfigValueKind.Number && ExponentWithoutDot().IsMatch(s.Value))
        {
            diags?.Add(new Diagnostic(path, SourceSpan.At(s.Line, s.Column), DiagnosticSeverity.Warning, "yaml.pyyaml-float-string", $"'{s.Value}' is a float in YAML 1.2 but PyYAML (YAML 1.1) reads it as a string; write it with a dot and a signed exponent (e.g. 1.0e-3)"));
        }

        return (value, kind);
    }

    /// <summary>Infers a typed literal from unquoted text.</summary>
    internal static (string? Value, ConfigValueKind Kind) Infer(string text, bool iniBooleans)
    {
        if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return (text, ConfigValueKind.Bool);
        }

        if (iniBooleans && text.ToLowerInvariant() is "yes" or "no" or "on" or "off")
        {
            return (text, ConfigValueKind.Bool);
        }

        // "None" is Python's null but a plain string to YAML and dotenv loaders.
        if (text is "null" or "Null" or "NULL" or "~" && !iniBooleans || (iniBooleans && text.Length == 0))
        {
            return (text.Length == 0 ? null : text, iniBooleans ? ConfigValueKind.String : ConfigValueKind.Null);
        }

        return NumberPattern().IsMatch(text) ? (text, ConfigValueKind.Number) : (text, ConfigValueKind.String);
    }

    private static List<HydraDefault> ReadHydraDefaults(YamlSequenceNode seq)
    {
        var list = new List<HydraDefault>();
        foreach (var item in seq.Items)
        {
            switch (item)
            {
                case YamlScalarNode s:
                    list.Add(new HydraDefault(null, s.Value, s.Line));
                    break;
                case YamlMappingNode m:
                    foreach (var (k, l, v) in m.Entries)
                    {
                        var key = k;
                        var optional = key.StartsWith("optional ", StringComparison.Ordinal);
                        var over = key.StartsWith("override ", StringComparison.Ordinal);
                        key = optional || over ? key[(key.IndexOf(' ') + 1)..].Trim() : key;
                        var option = v switch
                        {
                            YamlScalarNode vs when !vs.IsNull => vs.Value,
                            YamlSequenceNode vq => string.Join(",", vq.Items.OfType<YamlScalarNode>().Select(x => x.Value)),
                            _ => null,
                        };
                        list.Add(new HydraDefault(key, option, l, optional, over));
                    }

                    break;
            }
        }

        return list;
    }

    /// <summary>
    /// Whether a file holds absl/gflags flag lines (<c>--batch_size=128</c>, <c>--noflip</c>, <c># comments</c>), as
    /// <c>--flagfile=config/CIFAR10.txt</c> reads them: every line that is not blank or a comment starts with "--", and
    /// there are at least two.
    /// </summary>
    internal static bool IsFlagFile(SourceText source)
    {
        var flags = 0;
        for (var n = 1; n <= source.LineCount; n++)
        {
            var line = source.GetLine(n).Trim();
            if (line.Length == 0 || line[0] == '#' || line.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            if (!FlagLine().IsMatch(line))
            {
                return false;
            }

            flags++;
        }

        return flags >= 2;
    }

    /// <summary>One entry per flag: <c>--lr=2e-4</c> → lr = 2e-4; a bare <c>--train</c> is true and <c>--notrain</c> false, as absl reads them.</summary>
    private static void ParseFlagFile(SourceText source, List<ConfigEntry> entries)
    {
        for (var n = 1; n <= source.LineCount; n++)
        {
            var m = FlagLine().Match(source.GetLine(n).Trim());
            if (!m.Success)
            {
                continue;
            }

            var name = m.Groups["name"].Value;
            if (m.Groups["value"].Success)
            {
                var (value, kind) = Infer(m.Groups["value"].Value.Trim().Trim('"', '\''), iniBooleans: true);
                entries.Add(new ConfigEntry(name, value, kind, n));
            }
            else
            {
                var negated = name.StartsWith("no", StringComparison.Ordinal) && name.Length > 2 && !NotNegation().IsMatch(name);
                entries.Add(new ConfigEntry(negated ? name[2..] : name, negated ? "false" : "true", ConfigValueKind.Bool, n));
            }
        }
    }

    /// <summary>Flag names that merely start with "no" (normalize, noise, nodes, non_linear, notes, novel, nominal, now).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^no(?:rm|is|de|te|n|v|m|w|thing|body)")]
    private static partial System.Text.RegularExpressions.Regex NotNegation();

    [System.Text.RegularExpressions.GeneratedRegex(@"^--(?<name>[A-Za-z_][\w.-]*)(?:=(?<value>.*))?$")]
    private static partial System.Text.RegularExpressions.Regex FlagLine();

    private static void ParseEnv(SourceText source, List<ConfigEntry> entries, List<Diagnostic> diags)
    {
        for (var n = 1; n <= source.LineCount; n++)
        {
            var raw = source.GetLine(n);
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line[7..].TrimStart();
            }

            var eq = line.IndexOf('=');
            var key = eq > 0 ? line[..eq].Trim() : string.Empty;
            if (eq <= 0 || !EnvKey().IsMatch(key))
            {
                diags.Add(new Diagnostic(source.Path, SourceSpan.At(n), DiagnosticSeverity.Warning, "env.syntax", "not a KEY=VALUE line"));
                continue;
            }

            var rest = line[(eq + 1)..].TrimStart();
            var start = n;
            string value;
            var quoted = rest.Length > 0 && rest[0] is '"' or '\'';
            if (quoted)
            {
                var q = rest[0];
                var sb = new StringBuilder();
                var body = rest[1..];
                var closed = false;
                while (true)
                {
                    for (var i = 0; i < body.Length; i++)
                    {
                        var c = body[i];
                        if (c == '\\' && q == '"' && i + 1 < body.Length)
                        {
                            var e = body[++i];
                            sb.Append(e switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => e });
                        }
                        else if (c == q)
                        {
                            closed = true;
                            break;
                        }
                        else
                        {
                            sb.Append(c);
                        }
                    }

                    // Quoted values may span lines (dotenv's multi-line values).
                    if (closed || n >= source.LineCount || n - start >= 1000)
                    {
                        break;
                    }

                    sb.Append('\n');
                    body = source.GetLine(++n);
                }

                if (!closed)
                {
                    diags.Add(new Diagnostic(source.Path, SourceSpan.At(start), DiagnosticSeverity.Warning, "env.unterminated-quote", $"the value of {key} has no closing {q}"));
                }

                value = sb.ToString();
            }
            else
            {
                var hash = rest.IndexOf(" #", StringComparison.Ordinal);
                value = (hash >= 0 ? rest[..hash] : rest).Trim();
            }

            var (v, kind) = quoted ? (value, ConfigValueKind.String) : Infer(value, iniBooleans: false);
            entries.Add(new ConfigEntry(key, kind == ConfigValueKind.Null ? null : v, value.Length == 0 ? ConfigValueKind.String : kind, start));
        }
    }

    [GeneratedRegex(@"^[-+]?(0|[1-9][0-9_]*|0x[0-9a-fA-F_]+|0o[0-7_]+|(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^[-+]?[0-9][0-9_]*(\.[0-9_]*)?[eE][0-9]|^[-+]?[0-9][0-9_]*[eE][-+]")]
    private static partial Regex ExponentWithoutDot();

    [GeneratedRegex(@"(?i)(^|[_.\-])(secret|password|passwd|pwd|token|api[_-]?key|apikey|access[_-]?key|secret[_-]?key|private[_-]?key|credentials?)$")]
    private static partial Regex SecretKey();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.\-]*$")]
    private static partial Regex EnvKey();
}
