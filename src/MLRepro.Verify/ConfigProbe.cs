using System.Globalization;
using System.Text;
using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace MLRepro.Verify;

/// <summary>A numeric parameter found in a params file.</summary>
/// <param name="File">Project-relative params file.</param>
/// <param name="Key">Dotted key path ("train.epochs").</param>
/// <param name="Value">The value as written.</param>
/// <param name="Start">Character offset of the value in the file.</param>
/// <param name="Length">Length of the value's text.</param>
public sealed record ConfigParameter(string File, string Key, string Value, int Start, int Length);

/// <summary>One change to make to a params file before a probe run.</summary>
/// <param name="File">Project-relative params file.</param>
/// <param name="Key">Key path.</param>
/// <param name="OldValue">Value before.</param>
/// <param name="NewValue">Value after.</param>
public sealed record ConfigMutation(string File, string Key, string OldValue, string NewValue);

/// <summary>Finds params files and numeric parameters, and rewrites one value in place (the rest of the file is untouched).</summary>
public static class ConfigProbe
{
    /// <summary>Params files looked for, in order.</summary>
    public static readonly IReadOnlyList<string> ParamsFiles =
    [
        "params.yaml", "params.yml", "params.json", "config.yaml", "config.yml", "config.json", "hparams.yaml", "hparams.json",
        "conf/config.yaml", "configs/config.yaml", "config/config.yaml", "configs/default.yaml", "config/default.yaml",
    ];

    /// <summary>Most parameters probed by default.</summary>
    public const int DefaultCount = 3;

    /// <summary>Key names that are likely deliberate hyperparameters, probed first.</summary>
    public static readonly IReadOnlyList<string> PreferredNames =
    [
        "epochs", "n_epochs", "num_epochs", "max_epochs", "epoch", "n_estimators", "max_iter", "iterations", "steps", "max_depth",
        "lr", "learning_rate", "alpha", "c", "hidden", "hidden_size", "hidden_dim", "units", "batch_size", "n_neighbors",
        "layers", "num_layers", "dropout", "weight_decay", "momentum", "gamma", "test_size", "k",
    ];

    /// <summary>The params files present in a project.</summary>
    public static List<string> FindFiles(string root) => ParamsFiles.Where(f => File.Exists(Path.Combine(root, f))).ToList();

    /// <summary>Numeric parameters of a params file (YAML or JSON), with their text spans.</summary>
    public static List<ConfigParameter> Parameters(string root, string rel)
    {
        var text = File.ReadAllText(Path.Combine(root, rel));
        var result = new List<ConfigParameter>();
        try
        {
            if (rel.EndsWith(".json", StringComparison.Ordinal))
            {
                JsonNumbers(rel, text, result);
            }
            else
            {
                var ys = new YamlStream();
                ys.Load(new StringReader(text));
                if (ys.Documents.Count > 0)
                {
                    YamlNumbers(rel, ys.Documents[0].RootNode, "", result);
                }
            }
        }
        catch (Exception e) when (e is JsonException or YamlDotNet.Core.YamlException or InvalidOperationException)
        {
            // An unreadable params file has no probe-able parameters; static checks report its syntax.
        }

        return result;
    }

    /// <summary>Chooses up to <paramref name="count"/> parameters: known hyperparameter names first, seeds last, file order otherwise.</summary>
    public static List<ConfigParameter> Choose(IEnumerable<ConfigParameter> all, int count = DefaultCount)
    {
        static int Rank(ConfigParameter p)
        {
            var leaf = p.Key[(p.Key.LastIndexOf('.') + 1)..].ToLowerInvariant();
            var i = PreferredNames.ToList().IndexOf(leaf);
            return leaf.Contains("seed", StringComparison.Ordinal) ? 1000 : i >= 0 ? i : 100;
        }

        return all.Select((p, i) => (p, i)).OrderBy(x => Rank(x.p)).ThenBy(x => x.i).Take(count).Select(x => x.p).ToList();
    }

    /// <summary>The new value for a probe: integers +1, floats ×1.5 (0 becomes 1 or 0.1).</summary>
    public static string Mutate(string value)
    {
        if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l))
        {
            return (l + 1).ToString(CultureInfo.InvariantCulture);
        }

        var d = double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
        var n = d == 0 ? 0.1 : Math.Round(d * 1.5, 12);
        return n.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>Writes a mutation into the params file under <paramref name="root"/>, replacing only the value's text. False when the key is not found.</summary>
    public static bool Apply(string root, ConfigMutation m)
    {
        var p = Parameters(root, m.File).FirstOrDefault(x => x.Key == m.Key);
        if (p is null)
        {
            return false;
        }

        var full = Path.Combine(root, m.File);
        var text = File.ReadAllText(full);
        File.WriteAllText(full, text[..p.Start] + m.NewValue + text[(p.Start + p.Length)..]);
        return true;
    }

    /// <summary>Parses "--mutate" text: "train.epochs=6" or "params.yaml:train.epochs=6". Null when malformed.</summary>
    public static (string? File, string Key, string Value)? ParseMutate(string spec)
    {
        var eq = spec.LastIndexOf('=');
        if (eq <= 0)
        {
            return null;
        }

        var lhs = spec[..eq];
        var value = spec[(eq + 1)..];
        var colon = lhs.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? (lhs[..colon], lhs[(colon + 1)..], value) : (null, lhs, value);
    }

    private static bool IsNumber(string s) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsNaN(d) && !double.IsInfinity(d);

    private static void YamlNumbers(string rel, YamlNode node, string path, List<ConfigParameter> into)
    {
        switch (node)
        {
            case YamlMappingNode m:
                foreach (var (k, v) in m.Children)
                {
                    var key = (k as YamlScalarNode)?.Value ?? "?";
                    YamlNumbers(rel, v, path.Length == 0 ? key : path + "." + key, into);
                }

                break;
            case YamlScalarNode s when s.Style == YamlDotNet.Core.ScalarStyle.Plain && s.Value is { } v && IsNumber(v) && path.Length > 0:
                into.Add(new ConfigParameter(rel, path, v, (int)s.Start.Index, (int)(s.End.Index - s.Start.Index)));
                break;
        }
    }

    private static void JsonNumbers(string rel, string text, List<ConfigParameter> into)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var stack = new List<string>();
        var arrays = new List<int>();
        string? pending = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pending = reader.GetString();
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    stack.Add(pending ?? NextIndex(arrays));
                    arrays.Add(reader.TokenType == JsonTokenType.StartArray ? 0 : -1);
                    pending = null;
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    stack.RemoveAt(stack.Count - 1);
                    arrays.RemoveAt(arrays.Count - 1);
                    break;
                default:
                    var name = pending ?? NextIndex(arrays);
                    pending = null;
                    if (reader.TokenType == JsonTokenType.Number)
                    {
                        var key = string.Join('.', stack.Skip(1).Append(name));
                        var value = Encoding.UTF8.GetString(reader.ValueSpan);
                        // Offsets are in bytes; convert to characters for in-place replacement.
                        var start = Encoding.UTF8.GetCharCount(bytes, 0, (int)reader.TokenStartIndex);
                        into.Add(new ConfigParameter(rel, key, value, start, value.Length));
                    }

                    break;
            }
        }
    }

    private static string NextIndex(List<int> arrays)
    {
        if (arrays.Count == 0 || arrays[^1] < 0)
        {
            return "";
        }

        var i = arrays[^1];
        arrays[^1] = i + 1;
        return "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
    }
}
