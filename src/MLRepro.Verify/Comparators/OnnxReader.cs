using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace MLRepro.Verify.Comparators;

/// <summary>
/// Reads an ONNX model's initializers (the trained weights) with a minimal protobuf wire-format reader:
/// ModelProto.graph (7) → GraphProto.initializer (5) → TensorProto {dims 1, data_type 2, float_data 4,
/// int32_data 5, int64_data 7, name 8, raw_data 9, double_data 10}. Other fields are skipped.
/// </summary>
public static class OnnxReader
{
    /// <summary>Deepest message nesting followed.</summary>
    public const int MaxDepth = 8;

    /// <summary>Initializers by name, or null with an error when the bytes are not an ONNX model.</summary>
    public static List<KeyValuePair<string, object>>? Read(byte[] b, out string? error)
    {
        error = null;
        try
        {
            var leaves = new List<KeyValuePair<string, object>>();
            foreach (var (field, wire, start, len, _) in Fields(b, 0, b.Length))
            {
                if (field == 7 && wire == 2)
                {
                    foreach (var (gf, gw, gs, gl, _) in Fields(b, start, start + len))
                    {
                        if (gf == 5 && gw == 2)
                        {
                            var (name, arr) = Tensor(b, gs, gs + gl);
                            leaves.Add(new(name, arr ?? (object)"tensor of an unsupported type"));
                        }
                    }
                }
            }

            return leaves;
        }
        catch (FormatException e)
        {
            error = "not a readable ONNX model: " + e.Message;
            return null;
        }
    }

    private static (string Name, NumArray? Array) Tensor(byte[] b, int start, int end)
    {
        var dims = new List<long>();
        var type = 0L;
        var name = "";
        byte[]? raw = null;
        var floats = new MemoryStream();
        var ints = new List<long>();
        foreach (var (f, w, s, l, v) in Fields(b, start, end))
        {
            switch (f, w)
            {
                case (1, 0): dims.Add(v); break;
                case (1, 2): dims.AddRange(Varints(b, s, s + l)); break;
                case (2, 0): type = v; break;
                case (4, 2) or (10, 2): floats.Write(b, s, l); break;
                case (4, 5): floats.Write(b, s, 4); break;
                case (10, 1): floats.Write(b, s, 8); break;
                case (5, 2) or (7, 2): ints.AddRange(Varints(b, s, s + l)); break;
                case (5, 0) or (7, 0): ints.Add(v); break;
                case (8, 2): name = Encoding.UTF8.GetString(b, s, l); break;
                case (9, 2): raw = b.AsSpan(s, l).ToArray(); break;
            }
        }

        // TensorProto.DataType: 1 float, 2 uint8, 3 int8, 4 uint16, 5 int16, 6 int32, 7 int64, 9 bool, 10 float16, 11 double, 12 uint32, 13 uint64, 16 bfloat16
        var dtype = type switch
        {
            1 => "<f4", 2 => "|u1", 3 => "|i1", 4 => "<u2", 5 => "<i2", 6 => "<i4", 7 => "<i8", 9 => "|b1", 10 => "<f2", 11 => "<f8", 12 => "<u4", 13 => "<u8", 16 => "bfloat16",
            _ => null,
        };
        if (dtype is null)
        {
            return (name, null);
        }

        var shape = dims.ToArray();
        if (raw is null)
        {
            if (floats.Length > 0)
            {
                raw = floats.ToArray();
            }
            else
            {
                // int32_data holds every type of 4 bytes or less (widened); int64_data holds int64.
                var probe = new NumArray(dtype, shape, [], false);
                raw = new byte[ints.Count * probe.ItemSize];
                for (var i = 0; i < ints.Count; i++)
                {
                    var span = raw.AsSpan(i * probe.ItemSize, probe.ItemSize);
                    switch (probe.ItemSize)
                    {
                        case 1: span[0] = (byte)ints[i]; break;
                        case 2: BinaryPrimitives.WriteInt16LittleEndian(span, (short)ints[i]); break;
                        case 4: BinaryPrimitives.WriteInt32LittleEndian(span, (int)ints[i]); break;
                        default: BinaryPrimitives.WriteInt64LittleEndian(span, ints[i]); break;
                    }
                }
            }
        }

        return (name.Length == 0 ? "(unnamed)" : name, new NumArray(dtype, shape, raw, false));
    }

    private static IEnumerable<long> Varints(byte[] b, int pos, int end)
    {
        while (pos < end)
        {
            yield return Varint(b, ref pos, end);
        }
    }

    private static long Varint(byte[] b, ref int pos, int end)
    {
        ulong v = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (pos >= end)
            {
                throw new FormatException("truncated varint");
            }

            var x = b[pos++];
            v |= (ulong)(x & 0x7f) << shift;
            if ((x & 0x80) == 0)
            {
                return (long)v;
            }
        }

        throw new FormatException("varint too long");
    }

    /// <summary>Fields of one message: (field number, wire type, payload start, payload length, varint value).</summary>
    private static List<(int Field, int Wire, int Start, int Length, long Value)> Fields(byte[] b, int pos, int end)
    {
        var list = new List<(int, int, int, int, long)>();
        while (pos < end)
        {
            var key = Varint(b, ref pos, end);
            var field = (int)(key >> 3);
            var wire = (int)(key & 7);
            switch (wire)
            {
                case 0:
                    list.Add((field, 0, pos, 0, Varint(b, ref pos, end)));
                    break;
                case 1:
                    Check(pos, 8, end);
                    list.Add((field, 1, pos, 8, 0));
                    pos += 8;
                    break;
                case 2:
                    var len = Varint(b, ref pos, end);
                    Check(pos, len, end);
                    list.Add((field, 2, pos, (int)len, 0));
                    pos += (int)len;
                    break;
                case 5:
                    Check(pos, 4, end);
                    list.Add((field, 5, pos, 4, 0));
                    pos += 4;
                    break;
                default:
                    throw new FormatException($"unsupported wire type {wire.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        return list;
    }

    private static void Check(int pos, long len, int end)
    {
        if (len < 0 || pos + len > end)
        {
            throw new FormatException("field runs past the end");
        }
    }
}
