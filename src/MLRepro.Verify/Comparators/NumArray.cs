using System.Buffers.Binary;
using System.Globalization;

namespace MLRepro.Verify.Comparators;

/// <summary>A numeric array: numpy dtype string, shape, and raw element bytes in storage order.</summary>
/// <param name="Dtype">numpy notation: "&lt;f4", "|u1", "&lt;i8", "|b1", or "bfloat16".</param>
/// <param name="Shape">Dimensions.</param>
/// <param name="Data">Element bytes.</param>
/// <param name="FortranOrder">Column-major storage.</param>
public sealed record NumArray(string Dtype, long[] Shape, byte[] Data, bool FortranOrder)
{
    /// <summary>Bytes per element, or 0 for unsupported dtypes (compared as bytes only).</summary>
    public int ItemSize => Dtype == "bfloat16" ? 2 : Dtype.Length >= 3 && int.TryParse(Dtype.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private char Kind => Dtype == "bfloat16" ? 'B' : Dtype.Length >= 2 ? Dtype[1] : '?';

    private bool BigEndian => Dtype.Length > 0 && Dtype[0] == '>';

    /// <summary>Number of elements.</summary>
    public long Count => Shape.Aggregate(1L, (a, b) => a * b);

    /// <summary>Whether elements can be read as numbers.</summary>
    public bool IsNumeric => Kind is 'f' or 'i' or 'u' or 'b' or 'B' && ItemSize is 1 or 2 or 4 or 8;

    /// <summary>Element i as a double.</summary>
    public double Get(long i)
    {
        var s = Data.AsSpan((int)(i * ItemSize), ItemSize);
        var be = BigEndian;
        return (Kind, ItemSize) switch
        {
            ('f', 2) => (double)BitConverter.UInt16BitsToHalf(be ? BinaryPrimitives.ReadUInt16BigEndian(s) : BinaryPrimitives.ReadUInt16LittleEndian(s)),
            ('f', 4) => be ? BinaryPrimitives.ReadSingleBigEndian(s) : BinaryPrimitives.ReadSingleLittleEndian(s),
            ('f', 8) => be ? BinaryPrimitives.ReadDoubleBigEndian(s) : BinaryPrimitives.ReadDoubleLittleEndian(s),
            ('B', 2) => BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(s) << 16),
            ('i', 1) => (sbyte)s[0],
            ('i', 2) => be ? BinaryPrimitives.ReadInt16BigEndian(s) : BinaryPrimitives.ReadInt16LittleEndian(s),
            ('i', 4) => be ? BinaryPrimitives.ReadInt32BigEndian(s) : BinaryPrimitives.ReadInt32LittleEndian(s),
            ('i', 8) => be ? BinaryPrimitives.ReadInt64BigEndian(s) : BinaryPrimitives.ReadInt64LittleEndian(s),
            ('u' or 'b', 1) => s[0],
            ('u', 2) => be ? BinaryPrimitives.ReadUInt16BigEndian(s) : BinaryPrimitives.ReadUInt16LittleEndian(s),
            ('u', 4) => be ? BinaryPrimitives.ReadUInt32BigEndian(s) : BinaryPrimitives.ReadUInt32LittleEndian(s),
            ('u', 8) => be ? BinaryPrimitives.ReadUInt64BigEndian(s) : BinaryPrimitives.ReadUInt64LittleEndian(s),
            _ => double.NaN,
        };
    }

    /// <summary>Shape as "(3, 4)".</summary>
    public string ShapeText => "(" + string.Join(", ", Shape.Select(x => x.ToString(CultureInfo.InvariantCulture))) + (Shape.Length == 1 ? ",)" : ")");
}

/// <summary>Element-wise comparison of two arrays.</summary>
public static class TensorCompare
{
    /// <summary>Elements shown as examples of a difference.</summary>
    public const int Examples = 3;

    /// <summary>Elements per block compared as bytes before any element is converted (a few KB: vectorized, cache-friendly).</summary>
    public const int BlockElements = 4096;

    /// <summary>Compares two arrays and reports shape, dtype, identity, max |Δ|, max relative Δ and the fraction of differing elements.</summary>
    public static ItemDiff Compare(string name, NumArray a, NumArray b, Tolerance? tol)
    {
        if (a.Dtype != b.Dtype || !a.Shape.SequenceEqual(b.Shape))
        {
            return new ItemDiff(name, "tensor", a.Dtype == b.Dtype ? a.Dtype : $"{a.Dtype} vs {b.Dtype}", a.Shape, false, false, null, null, 1.0,
                $"{a.Dtype} {a.ShapeText}", $"{b.Dtype} {b.ShapeText}");
        }

        if (a.Data.AsSpan().SequenceEqual(b.Data) && a.FortranOrder == b.FortranOrder)
        {
            return new ItemDiff(name, "tensor", a.Dtype, a.Shape, true, true, 0, 0, 0, null, null);
        }

        if (!a.IsNumeric || a.Data.Length != b.Data.Length)
        {
            return new ItemDiff(name, "tensor", a.Dtype, a.Shape, false, false, null, null, null, "(bytes differ)", "(bytes differ)");
        }

        long n = a.Count, differing = 0;
        double maxAbs = 0, maxRel = 0;
        var within = true;
        var exA = new List<string>();
        var exB = new List<string>();
        var size = a.ItemSize;
        var da = a.Data.AsSpan();
        var db = b.Data.AsSpan();
        for (long block = 0; block < n; block += BlockElements)
        {
            // A few differing elements in a large tensor is the common case: skip identical blocks with a vectorized
            // byte comparison and convert only the elements of blocks that differ.
            var end = Math.Min(n, block + BlockElements);
            var from = (int)(block * size);
            var length = (int)((end - block) * size);
            if (da.Slice(from, length).SequenceEqual(db.Slice(from, length)))
            {
                continue;
            }

            for (var i = block; i < end; i++)
            {
                var at = (int)(i * size);
                if (da.Slice(at, size).SequenceEqual(db.Slice(at, size)))
                {
                    continue;
                }

                var x = a.Get(i);
                var y = b.Get(i);

                differing++;
                var d = Math.Abs(x - y);
                if (double.IsNaN(d))
                {
                    d = double.PositiveInfinity;
                }

                maxAbs = Math.Max(maxAbs, d);
                var scale = Math.Max(Math.Abs(x), Math.Abs(y));
                if (scale > 0)
                {
                    maxRel = Math.Max(maxRel, d / scale);
                }

                if (tol is null || !tol.Accepts(x, y))
                {
                    within = false;
                }

                if (exA.Count < Examples)
                {
                    exA.Add($"[{i}]={Fmt(x)}");
                    exB.Add($"[{i}]={Fmt(y)}");
                }
            }
        }

        return new ItemDiff(name, "tensor", a.Dtype, a.Shape, differing == 0, within, maxAbs, maxRel, n == 0 ? 0 : (double)differing / n,
            string.Join(' ', exA), string.Join(' ', exB));
    }

    /// <summary>Round-trip number formatting, culture-invariant.</summary>
    public static string Fmt(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>An opaque byte payload compared for equality only (a zip entry such as a checkpoint's "version").</summary>
/// <param name="Data">The bytes.</param>
public sealed record RawBytes(byte[] Data)
{
    /// <inheritdoc />
    public override string ToString() => $"{Data.Length.ToString(CultureInfo.InvariantCulture)} bytes";
}

/// <summary>A tensor already found byte-identical in both files (compared in place, never loaded).</summary>
/// <param name="Dtype">numpy notation.</param>
/// <param name="Shape">Dimensions.</param>
public sealed record IdenticalTensor(string Dtype, long[] Shape);
