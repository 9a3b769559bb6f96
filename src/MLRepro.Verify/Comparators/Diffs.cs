namespace MLRepro.Verify.Comparators;

/// <summary>How two runs' versions of one output compare.</summary>
public enum Verdict
{
    /// <summary>Byte-for-byte identical.</summary>
    Identical,
    /// <summary>Bytes differ only where they must not matter (e.g. a checkpoint's zip prefix); every value is bit-identical.</summary>
    Equivalent,
    /// <summary>Values differ, but all within the configured tolerance.</summary>
    WithinTolerance,
    /// <summary>Values differ beyond tolerance (or no tolerance was set).</summary>
    Different,
    /// <summary>The output exists in only one run.</summary>
    Missing,
}

/// <summary>One compared item inside an output: a tensor, a metric key, a CSV cell, a line, a zip entry.</summary>
/// <param name="Name">Tensor name, key path ("train.loss"), cell ("row 3, column acc"), "line 12"…</param>
/// <param name="Kind">tensor | value | cell | line | entry | structure.</param>
/// <param name="Dtype">Element type for tensors (numpy notation, e.g. "&lt;f4").</param>
/// <param name="Shape">Shape for tensors.</param>
/// <param name="Identical">Bit-identical.</param>
/// <param name="WithinTolerance">Identical, or equal within the applicable tolerance.</param>
/// <param name="MaxAbs">Largest |a-b| (numeric items).</param>
/// <param name="MaxRel">Largest |a-b|/max(|a|,|b|) (numeric items).</param>
/// <param name="FractionDiffering">Fraction of elements that are not bit-identical (tensors).</param>
/// <param name="A">The first run's value (or an excerpt).</param>
/// <param name="B">The second run's value (or an excerpt).</param>
public sealed record ItemDiff(string Name, string Kind, string? Dtype, IReadOnlyList<long>? Shape, bool Identical, bool WithinTolerance,
    double? MaxAbs, double? MaxRel, double? FractionDiffering, string? A, string? B)
{
    /// <summary>A non-numeric item that differs or not.</summary>
    public static ItemDiff Value(string name, string kind, string? a, string? b) =>
        new(name, kind, null, null, a == b, a == b, null, null, null, Trim(a), Trim(b));

    /// <summary>Shortens long values for reports.</summary>
    public static string? Trim(string? s) => s is null || s.Length <= 200 ? s : s[..200] + "…";
}

/// <summary>How two runs' versions of one output file compare.</summary>
/// <param name="Path">Project-relative path.</param>
/// <param name="Format">The comparator used: bytes, json, yaml, toml, csv, text, npy, npz, safetensors, torch, pickle.</param>
/// <param name="Verdict">The verdict.</param>
/// <param name="Summary">One line for humans.</param>
/// <param name="Items">Compared items: every tensor (up to a limit), and the differing keys, cells or lines.</param>
/// <param name="HashA">Content hash in the first run (null when missing).</param>
/// <param name="HashB">Content hash in the second run (null when missing).</param>
public sealed record FileComparison(string Path, string Format, Verdict Verdict, string Summary, IReadOnlyList<ItemDiff> Items, string? HashA, string? HashB)
{
    /// <summary>Whether this output counts as reproduced (identical, equivalent, or within tolerance).</summary>
    public bool Reproduced => Verdict is Verdict.Identical or Verdict.Equivalent or Verdict.WithinTolerance;

    /// <summary>The differing items.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<ItemDiff> Differing => Items.Where(i => !i.Identical);
}
