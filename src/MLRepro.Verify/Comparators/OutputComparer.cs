using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace MLRepro.Verify.Comparators;

/// <summary>
/// Compares two runs' versions of one output: byte-identical first (XxHash128), then by format, reporting what
/// differs — tensors by name, metrics by key path, CSV cells, text lines.
/// </summary>
public static class OutputComparer
{
    /// <summary>Most differing items kept per file (tensors are all kept up to this many).</summary>
    public const int MaxItems = 500;

    /// <summary>Most differing lines/cells kept for text and CSV.</summary>
    public const int MaxTextItems = 50;

    /// <summary>Files at least this large are hashed in parallel (the pair of them).</summary>
    public const long ParallelHashBytes = 32L << 20;

    /// <summary>Compares the files at <paramref name="a"/> and <paramref name="b"/> (either may be missing).</summary>
    public static FileComparison Compare(string rel, string? a, string? b, Func<string, string?, Tolerance?> tolerance)
    {
        string? hashA = null, hashB = null;
        if (a is not null && b is not null && File.Exists(a) && File.Exists(b) && new FileInfo(a).Length >= ParallelHashBytes)
        {
            // Large outputs (checkpoints): hashing is bound by one core's memory bandwidth, so hash the two files at once.
            Parallel.Invoke(() => hashA = Snapshot.HashFile(a), () => hashB = Snapshot.HashFile(b));
        }
        else
        {
            hashA = a is not null && File.Exists(a) ? Snapshot.HashFile(a) : null;
            hashB = b is not null && File.Exists(b) ? Snapshot.HashFile(b) : null;
        }

        if (hashA is null || hashB is null)
        {
            return new FileComparison(rel, "bytes", Verdict.Missing, hashA is null ? "missing in the first run" : "missing in the second run", [], hashA, hashB);
        }

        if (hashA == hashB)
        {
            return new FileComparison(rel, Format(rel, Head(a!)), Verdict.Identical, "byte-identical", [], hashA, hashB);
        }

        if (new FileInfo(a!).Length > TensorFiles.MaxBytes || new FileInfo(b!).Length > TensorFiles.MaxBytes)
        {
            return new FileComparison(rel, "bytes", Verdict.Different, "bytes differ (too large to compare by content)", [], hashA, hashB);
        }

        // safetensors are compared in place (tensor by tensor) rather than loaded whole.
        var safetensors = Path.GetExtension(rel).Equals(".safetensors", StringComparison.OrdinalIgnoreCase);
        var ba = safetensors ? [] : File.ReadAllBytes(a!);
        var bb = safetensors ? [] : File.ReadAllBytes(b!);
        var format = safetensors ? "safetensors" : Format(rel, ba);
        Tolerance? Tol(string? key) => tolerance(rel, key);
        try
        {
            var (items, note) = format switch
            {
                "npy" => Npy(ba, bb, Tol),
                "npz" or "torch" or "zip" => Zip(format, ba, bb, Tol),
                "safetensors" => Safetensors(a!, b!, Tol),
                "pickle" => Leaves(TensorFiles.ReadPickle(ba, out var e3), TensorFiles.ReadPickle(bb, out var e4), Tol, e3 ?? e4),
                "png" => Png(ba, bb),
                "onnx" => Leaves(OnnxReader.Read(ba, out var e7), OnnxReader.Read(bb, out var e8), Tol, e7 ?? e8),
                "hdf5" => Leaves(TensorFiles.ReadHdf5(ba, out var e5), TensorFiles.ReadHdf5(bb, out var e6), Tol, e5 ?? e6),
                "json" or "yaml" or "toml" => Structured(format, ba, bb, Tol),
                "csv" or "tsv" => Csv(format == "tsv" ? '\t' : ',', ba, bb, Tol),
                "text" => (Text(ba, bb), null),
                _ => ([], "bytes differ"),
            };
            if (note is not null && items.Count == 0)
            {
                return new FileComparison(rel, format == "text" ? "text" : "bytes", Verdict.Different, note, items, hashA, hashB);
            }

            return Judge(rel, format, items, hashA, hashB);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Outputs are written by the project under test and may be malformed or hostile: a reader that fails
            // degrades that file to a byte comparison instead of aborting the verification.
            return new FileComparison(rel, "bytes", Verdict.Different, $"bytes differ ({format} reader failed: {e.Message})", [], hashA, hashB);
        }
    }

    private static byte[] Head(string path)
    {
        using var s = File.OpenRead(path);
        var buf = new byte[4096];
        var n = s.ReadAtLeast(buf, buf.Length, throwOnEndOfStream: false);
        return buf[..n];
    }

    private static FileComparison Judge(string rel, string format, List<ItemDiff> items, string hashA, string hashB)
    {
        var differing = items.Where(i => !i.Identical).ToList();
        Verdict verdict;
        string summary;
        if (differing.Count == 0)
        {
            verdict = Verdict.Equivalent;
            summary = $"bytes differ, but all {items.Count} compared items are identical";
        }
        else if (differing.All(i => i.WithinTolerance))
        {
            verdict = Verdict.WithinTolerance;
            summary = $"{differing.Count} of {items.Count} items differ, all within tolerance";
        }
        else
        {
            verdict = Verdict.Different;
            var names = differing.Where(i => !i.WithinTolerance).Take(5).Select(i => i.Name);
            summary = $"{differing.Count(i => !i.WithinTolerance)} of {items.Count} items differ: {string.Join(", ", names)}";
        }

        // Keep every tensor (up to the limit) but only the differing scalars, keys, cells and lines.
        var kept = items.Where(i => i.Kind == "tensor" || !i.Identical).Take(MaxItems).ToList();
        return new FileComparison(rel, format, verdict, summary, kept, hashA, hashB);
    }

    /// <summary>The comparator for a path (and, when given, its first bytes).</summary>
    public static string Format(string rel, byte[]? head)
    {
        var ext = Path.GetExtension(rel).ToLowerInvariant();
        var zip = head is { Length: > 3 } && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        switch (ext)
        {
            case ".npy": return "npy";
            case ".npz": return "npz";
            case ".safetensors": return "safetensors";
            case ".h5" or ".hdf5" or ".hdf" or ".he5": return "hdf5";
            case ".onnx": return "onnx";
            case ".png": return "png";
            case ".pt" or ".pth" or ".ckpt" or ".bin" or ".tar": return zip ? "torch" : head is { Length: > 0 } && head[0] == 0x80 ? "pickle" : "bytes";
            case ".pkl" or ".pickle" or ".joblib" or ".sav" or ".p": return "pickle";
            case ".json": return "json";
            case ".yaml" or ".yml": return "yaml";
            case ".csv": return "csv";
            case ".tsv": return "tsv";
            case ".toml": return "toml";
            case ".txt" or ".log" or ".md" or ".ini" or ".cfg" or ".html" or ".xml" or ".jsonl": return "text";
        }

        if (zip)
        {
            return "zip";
        }

        if (head is not null && TensorFiles.IsHdf5(head))
        {
            return "hdf5";
        }

        if (head is { Length: > 1 } && head[0] == 0x80 && head[1] <= 5)
        {
            return "pickle";
        }

        return head is not null && !head.AsSpan(0, Math.Min(head.Length, 8000)).Contains((byte)0) && IsUtf8(head) ? "text" : "bytes";
    }

    private static bool IsUtf8(byte[] b)
    {
        // The sample may end inside a multi-byte character: accept a failure only in its last 3 bytes.
        var n = Math.Min(b.Length, 8000);
        for (var cut = 0; cut <= 3 && cut < n; cut++)
        {
            try
            {
                _ = new UTF8Encoding(false, true).GetString(b, 0, n - cut);
                return true;
            }
            catch (DecoderFallbackException)
            {
                if (n == b.Length)
                {
                    return false;
                }
            }
        }

        return false;
    }

    private static (List<ItemDiff>, string?) Png(byte[] a, byte[] b)
    {
        var x = PngReader.Read(a, out var e1);
        var y = PngReader.Read(b, out var e2);
        return x is null || y is null ? ([], "bytes differ (" + (e1 ?? e2) + ")") : ([PngReader.Compare(x, y)], null);
    }

    private static (List<ItemDiff>, string?) Npy(byte[] a, byte[] b, Func<string?, Tolerance?> tol)
    {
        var x = TensorFiles.ReadNpy(a, out var e1);
        var y = TensorFiles.ReadNpy(b, out var e2);
        return x is null || y is null ? ([], e1 ?? e2) : ([TensorCompare.Compare("array", x, y, tol(null))], null);
    }

    private static (List<ItemDiff>, string?) Zip(string format, byte[] a, byte[] b, Func<string?, Tolerance?> tol)
    {
        var za = TensorFiles.ReadZip(a);
        var zb = TensorFiles.ReadZip(b);
        if (za is null || zb is null)
        {
            return ([], "bytes differ (unreadable zip)");
        }

        if (format == "torch")
        {
            return Leaves(TensorFiles.ReadTorchZip(za, out var e1), TensorFiles.ReadTorchZip(zb, out var e2), tol, e1 ?? e2);
        }

        List<KeyValuePair<string, object>> Entries(SortedDictionary<string, byte[]> z)
        {
            var list = new List<KeyValuePair<string, object>>();
            foreach (var (name, bytes) in z)
            {
                // An .npz holds one .npy per array, named after the keyword given to np.savez.
                var arr = name.EndsWith(".npy", StringComparison.Ordinal) ? TensorFiles.ReadNpy(bytes, out _) : null;
                list.Add(new(arr is null ? "entry:" + name : name[..^4], arr is null ? new RawBytes(bytes) : arr));
            }

            return list;
        }

        return Leaves(Entries(za), Entries(zb), tol, null);
    }

    /// <summary>Compares two named leaf lists (arrays and scalar values) name by name.</summary>
    public static (List<ItemDiff>, string?) Leaves(List<KeyValuePair<string, object>>? a, List<KeyValuePair<string, object>>? b, Func<string?, Tolerance?> tol, string? error)
    {
        if (a is null || b is null)
        {
            return ([], "bytes differ (" + (error ?? "unreadable") + ")");
        }

        var da = Unique(a);
        var db = Unique(b);
        var items = new List<ItemDiff>();
        foreach (var (name, va) in da)
        {
            if (!db.TryGetValue(name, out var vb))
            {
                items.Add(ItemDiff.Value(name, "structure", Describe(va), "(absent)"));
                continue;
            }

            items.Add(Item(name, va, vb, tol(name)));
        }

        foreach (var (name, vb) in db)
        {
            if (!da.ContainsKey(name))
            {
                items.Add(ItemDiff.Value(name, "structure", "(absent)", Describe(vb)));
            }
        }

        return (items, null);
    }

    private static string Describe(object v) => v switch
    {
        NumArray n => $"{n.Dtype} {n.ShapeText}",
        IdenticalTensor t => $"{t.Dtype} {new NumArray(t.Dtype, t.Shape, [], false).ShapeText}",
        _ => v.ToString() ?? "",
    };

    private static (List<ItemDiff>, string?) Safetensors(string a, string b, Func<string?, Tolerance?> tol)
    {
        var (la, lb) = TensorFiles.ReadSafetensorsPair(a, b, out var error);
        return Leaves(la, lb, tol, error);
    }

    private static ItemDiff Item(string name, object va, object vb, Tolerance? tol)
    {
        if (va is NumArray x && vb is NumArray y)
        {
            return TensorCompare.Compare(name, x, y, tol);
        }

        if (va is IdenticalTensor t && vb is IdenticalTensor)
        {
            return new ItemDiff(name, "tensor", t.Dtype, t.Shape, true, true, 0, 0, 0, null, null);
        }

        if (va is RawBytes ra && vb is RawBytes rb)
        {
            var same = ra.Data.AsSpan().SequenceEqual(rb.Data);
            var text = (byte[] d) => d.Length <= 64 && !d.Contains((byte)0) ? Encoding.UTF8.GetString(d) : $"{d.Length} bytes";
            return new ItemDiff(name, "entry", null, null, same, same, null, null, null, same ? null : text(ra.Data), same ? null : text(rb.Data));
        }

        var sa = Describe(va);
        var sb = Describe(vb);
        return Scalar(name, "value", sa, sb, tol);
    }

    /// <summary>Compares two scalar texts, numerically when both are numbers.</summary>
    public static ItemDiff Scalar(string name, string kind, string? sa, string? sb, Tolerance? tol)
    {
        if (sa == sb)
        {
            return ItemDiff.Value(name, kind, sa, sb);
        }

        if (TryNum(sa, out var x) && TryNum(sb, out var y))
        {
            var d = Math.Abs(x - y);
            var scale = Math.Max(Math.Abs(x), Math.Abs(y));
            var eq = x.Equals(y);
            return new ItemDiff(name, kind, null, null, false, eq || (tol?.Accepts(x, y) ?? false), d, scale > 0 ? d / scale : 0, null, sa, sb);
        }

        return ItemDiff.Value(name, kind, sa, sb);
    }

    private static bool TryNum(string? s, out double v) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out v);

    private static SortedDictionary<string, object> Unique(List<KeyValuePair<string, object>> leaves)
    {
        var d = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var (k, v) in leaves)
        {
            var key = k.Length == 0 ? "(root)" : k;
            for (var i = 2; d.ContainsKey(key); i++)
            {
                key = k + "#" + i.ToString(CultureInfo.InvariantCulture);
            }

            d[key] = v;
        }

        return d;
    }

    private static (List<ItemDiff>, string?) Structured(string format, byte[] a, byte[] b, Func<string?, Tolerance?> tol)
    {
        var la = StructuredLeaves(format, a, out var e1);
        var lb = StructuredLeaves(format, b, out var e2);
        if (la is null || lb is null)
        {
            return (Text(a, b), null);
        }

        var (items, err) = Leaves(la, lb, tol, e1 ?? e2);
        return (items, err);
    }

    /// <summary>Key path → scalar text of a JSON or YAML document.</summary>
    public static List<KeyValuePair<string, object>>? StructuredLeaves(string format, byte[] bytes, out string? error)
    {
        error = null;
        var leaves = new List<KeyValuePair<string, object>>();
        var text = Encoding.UTF8.GetString(bytes);
        try
        {
            if (format == "json")
            {
                Json(JsonNode.Parse(text), "", leaves);
            }
            else if (format == "toml")
            {
                Toml(Tomlyn.TomlSerializer.Deserialize<Tomlyn.Model.TomlTable>(text), "", leaves);
            }
            else
            {
                var ys = new YamlStream();
                ys.Load(new StringReader(text));
                if (ys.Documents.Count > 0)
                {
                    Yaml(ys.Documents[0].RootNode, "", leaves);
                }
            }
        }
        catch (Exception e) when (e is JsonException or YamlDotNet.Core.YamlException or InvalidOperationException or Tomlyn.TomlException)
        {
            error = e.Message;
            return null;
        }

        return leaves;
    }

    private static string Join(string p, string k) => p.Length == 0 ? k : p + "." + k;

    private static void Json(JsonNode? n, string path, List<KeyValuePair<string, object>> leaves)
    {
        switch (n)
        {
            case JsonObject o:
                foreach (var (k, v) in o)
                {
                    Json(v, Join(path, k), leaves);
                }

                break;
            case JsonArray arr:
                for (var i = 0; i < arr.Count; i++)
                {
                    Json(arr[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", leaves);
                }

                break;
            case null:
                leaves.Add(new(path, "null"));
                break;
            default:
                leaves.Add(new(path, n.GetValueKind() == JsonValueKind.String ? n.GetValue<string>() : n.ToJsonString()));
                break;
        }
    }

    private static void Toml(object? n, string path, List<KeyValuePair<string, object>> leaves)
    {
        switch (n)
        {
            case IDictionary<string, object?> table:
                foreach (var (k, v) in table)
                {
                    Toml(v, Join(path, k), leaves);
                }

                break;
            case System.Collections.IList list:
                for (var i = 0; i < list.Count; i++)
                {
                    Toml(list[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", leaves);
                }

                break;
            case double d:
                leaves.Add(new(path, TensorCompare.Fmt(d)));
                break;
            case bool b:
                leaves.Add(new(path, b ? "true" : "false"));
                break;
            case IFormattable f:
                leaves.Add(new(path, f.ToString(null, CultureInfo.InvariantCulture)));
                break;
            default:
                leaves.Add(new(path, n?.ToString() ?? "null"));
                break;
        }
    }

    private static void Yaml(YamlNode n, string path, List<KeyValuePair<string, object>> leaves)
    {
        switch (n)
        {
            case YamlMappingNode m:
                foreach (var (k, v) in m.Children)
                {
                    Yaml(v, Join(path, (k as YamlScalarNode)?.Value ?? k.ToString()), leaves);
                }

                break;
            case YamlSequenceNode s:
                for (var i = 0; i < s.Children.Count; i++)
                {
                    Yaml(s.Children[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", leaves);
                }

                break;
            case YamlScalarNode sc:
                leaves.Add(new(path, sc.Value ?? "null"));
                break;
        }
    }

    private static (List<ItemDiff>, string?) Csv(char sep, byte[] a, byte[] b, Func<string?, Tolerance?> tol)
    {
        var ra = CsvRows(Encoding.UTF8.GetString(a), sep);
        var rb = CsvRows(Encoding.UTF8.GetString(b), sep);
        var header = ra.Count > 0 ? ra[0] : [];
        var items = new List<ItemDiff>();
        var compared = 0;
        for (var r = 0; r < Math.Max(ra.Count, rb.Count); r++)
        {
            if (r >= ra.Count || r >= rb.Count)
            {
                items.Add(ItemDiff.Value($"row {r + 1}", "cell", r < ra.Count ? string.Join(sep, ra[r]) : "(absent)", r < rb.Count ? string.Join(sep, rb[r]) : "(absent)"));
                continue;
            }

            for (var c = 0; c < Math.Max(ra[r].Length, rb[r].Length); c++)
            {
                compared++;
                var x = c < ra[r].Length ? ra[r][c] : "(absent)";
                var y = c < rb[r].Length ? rb[r][c] : "(absent)";
                if (x == y)
                {
                    continue;
                }

                var col = c < header.Length && r > 0 ? header[c] : (c + 1).ToString(CultureInfo.InvariantCulture);
                items.Add(Scalar($"row {r + 1}, column {col}", "cell", x, y, tol(col)));
            }
        }

        if (items.Count == 0 && compared > 0)
        {
            items.Add(ItemDiff.Value("cells", "cell", $"{compared} cells", $"{compared} cells"));
        }

        return (items.Take(MaxTextItems * 20).ToList(), null);
    }

    private static List<string[]> CsvRows(string text, char sep)
    {
        var rows = new List<string[]>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == sep)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (ch == '\n')
            {
                cells.Add(cell.ToString().TrimEnd('\r'));
                cell.Clear();
                rows.Add([.. cells]);
                cells.Clear();
            }
            else
            {
                cell.Append(ch);
            }
        }

        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            rows.Add([.. cells]);
        }

        return rows;
    }

    private static List<ItemDiff> Text(byte[] a, byte[] b)
    {
        var la = Encoding.UTF8.GetString(a).Split('\n');
        var lb = Encoding.UTF8.GetString(b).Split('\n');
        var items = new List<ItemDiff>();
        for (var i = 0; i < Math.Max(la.Length, lb.Length) && items.Count < MaxTextItems; i++)
        {
            var x = i < la.Length ? la[i] : "(absent)";
            var y = i < lb.Length ? lb[i] : "(absent)";
            if (x != y)
            {
                items.Add(ItemDiff.Value($"line {i + 1}", "line", x, y));
            }
        }

        if (items.Count == 0)
        {
            items.Add(ItemDiff.Value("bytes", "line", "(whitespace or encoding differs)", null));
        }

        return items;
    }
}
