using Microsoft.Win32.SafeHandles;
using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MLRepro.Verify.Comparators;

/// <summary>Readers for array containers: .npy, .npz, safetensors, PyTorch zip checkpoints, pickles (plain and joblib).</summary>
public static class TensorFiles
{
    /// <summary>Largest file these readers load into memory; bigger ones are compared by bytes only.</summary>
    public const long MaxBytes = 1L << 31;

    private static readonly Regex s_descr = new(@"'descr'\s*:\s*'([^']*)'", RegexOptions.CultureInvariant);
    private static readonly Regex s_fortran = new(@"'fortran_order'\s*:\s*(True|False)", RegexOptions.CultureInvariant);
    private static readonly Regex s_shape = new(@"'shape'\s*:\s*\(([^)]*)\)", RegexOptions.CultureInvariant);

    /// <summary>Parses an .npy file (format versions 1–3): the header's dtype, shape and fortran order, then the raw data.</summary>
    public static NumArray? ReadNpy(byte[] b, out string? error)
    {
        error = null;
        if (b.Length < 10 || b[0] != 0x93 || Encoding.ASCII.GetString(b, 1, 5) != "NUMPY")
        {
            error = "not an .npy file (bad magic)";
            return null;
        }

        int headerLen, start;
        if (b[6] == 1)
        {
            headerLen = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(8));
            start = 10;
        }
        else
        {
            headerLen = (int)BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(8));
            start = 12;
        }

        if (start + headerLen > b.Length)
        {
            error = ".npy header is truncated";
            return null;
        }

        var header = Encoding.UTF8.GetString(b, start, headerLen);
        var descr = s_descr.Match(header);
        var shape = s_shape.Match(header);
        if (!descr.Success || !shape.Success)
        {
            error = ".npy header lacks descr or shape (structured dtypes are compared by bytes)";
            return null;
        }

        var dims = shape.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(x => long.Parse(x.TrimEnd('L'), CultureInfo.InvariantCulture)).ToArray();
        var data = b.AsSpan(start + headerLen).ToArray();
        return new NumArray(descr.Groups[1].Value, dims, data, s_fortran.Match(header).Groups[1].Value == "True");
    }

    /// <summary>Reads the entries of a zip (name → bytes), or null when it is not a zip.</summary>
    public static SortedDictionary<string, byte[]>? ReadZip(byte[] b)
    {
        if (b.Length < 4 || b[0] != 'P' || b[1] != 'K')
        {
            return null;
        }

        try
        {
            using var z = new ZipArchive(new MemoryStream(b), ZipArchiveMode.Read);
            var result = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var e in z.Entries)
            {
                if (e.FullName.EndsWith('/'))
                {
                    continue;
                }

                using var s = e.Open();
                using var ms = new MemoryStream();
                s.CopyTo(ms);
                result[e.FullName] = ms.ToArray();
            }

            return result;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>Tensors of a safetensors file: 8-byte little-endian header length, JSON header, raw bytes.</summary>
    public static List<KeyValuePair<string, object>>? ReadSafetensors(byte[] b, out string? error)
    {
        var entries = SafetensorsHeader(b, b.Length, out error);
        if (entries is null)
        {
            return null;
        }

        return entries.Select(e => new KeyValuePair<string, object>(e.Name, (object?)e.Value ??
            new NumArray(e.Dtype, e.Shape, b.AsSpan((int)e.Start, (int)e.Length).ToArray(), false))).ToList();
    }

    /// <summary>Bytes compared per read when two safetensors files are compared in place.</summary>
    public const int StreamChunkBytes = 4 << 20;

    /// <summary>
    /// Tensors of two safetensors files, read from disk without loading the files: a tensor whose bytes are the same in both
    /// (same name, dtype and shape) becomes an <see cref="IdenticalTensor"/> after a chunked comparison; only tensors that
    /// differ are loaded as arrays for the element-wise comparison. Checkpoints of several GB then cost two sequential reads.
    /// </summary>
    public static (List<KeyValuePair<string, object>>? A, List<KeyValuePair<string, object>>? B) ReadSafetensorsPair(string pathA, string pathB, out string? error)
    {
        using var fa = File.OpenHandle(pathA);
        using var fb = File.OpenHandle(pathB);
        var ea = SafetensorsHeader(fa, out var e1);
        var eb = SafetensorsHeader(fb, out var e2);
        error = e1 ?? e2;
        if (ea is null || eb is null)
        {
            return (null, null);
        }

        var byNameB = eb.GroupBy(e => e.Name, StringComparer.Ordinal).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var namesA = ea.GroupBy(e => e.Name, StringComparer.Ordinal).Where(g => g.Count() == 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var same = new HashSet<string>(StringComparer.Ordinal);
        var bufA = new byte[StreamChunkBytes];
        var bufB = new byte[StreamChunkBytes];
        foreach (var x in ea)
        {
            if (x.Value is null && namesA.Contains(x.Name) && byNameB.TryGetValue(x.Name, out var y) && y.Value is null &&
                x.Dtype == y.Dtype && x.Shape.SequenceEqual(y.Shape) && x.Length == y.Length && RangesEqual(fa, x.Start, fb, y.Start, x.Length, bufA, bufB))
            {
                same.Add(x.Name);
            }
        }

        List<KeyValuePair<string, object>> Load(List<SafetensorsEntry> entries, SafeFileHandle h) =>
            entries.Select(e => new KeyValuePair<string, object>(e.Name, (object?)e.Value ?? (same.Contains(e.Name)
                ? new IdenticalTensor(e.Dtype, e.Shape)
                : new NumArray(e.Dtype, e.Shape, ReadRange(h, e.Start, e.Length), false)))).ToList();
        return (Load(ea, fa), Load(eb, fb));
    }

    private static bool RangesEqual(SafeFileHandle fa, long sa, SafeFileHandle fb, long sb, long length, byte[] bufA, byte[] bufB)
    {
        for (long done = 0; done < length;)
        {
            var n = (int)Math.Min(bufA.Length, length - done);
            ReadExactly(fa, bufA.AsSpan(0, n), sa + done);
            ReadExactly(fb, bufB.AsSpan(0, n), sb + done);
            if (!bufA.AsSpan(0, n).SequenceEqual(bufB.AsSpan(0, n)))
            {
                return false;
            }

            done += n;
        }

        return true;
    }

    private static byte[] ReadRange(SafeFileHandle h, long start, long length)
    {
        var data = new byte[length];
        ReadExactly(h, data, start);
        return data;
    }

    private static void ReadExactly(SafeFileHandle h, Span<byte> into, long offset)
    {
        while (into.Length > 0)
        {
            var n = RandomAccess.Read(h, into, offset);
            if (n <= 0)
            {
                throw new EndOfStreamException("safetensors file is shorter than its header says");
            }

            into = into[n..];
            offset += n;
        }
    }

    /// <summary>One entry of a safetensors header: a tensor (dtype, shape, absolute byte range) or a metadata value.</summary>
    private sealed record SafetensorsEntry(string Name, string Dtype, long[] Shape, long Start, long Length, string? Value);

    private static List<SafetensorsEntry>? SafetensorsHeader(SafeFileHandle h, out string? error)
    {
        var length = RandomAccess.GetLength(h);
        Span<byte> len = stackalloc byte[8];
        if (length < 8 || RandomAccess.Read(h, len, 0) < 8)
        {
            error = "too short for safetensors";
            return null;
        }

        var n = BinaryPrimitives.ReadUInt64LittleEndian(len);
        if (n > (ulong)(length - 8) || n > int.MaxValue - 8)
        {
            error = "safetensors header length exceeds the file";
            return null;
        }

        var head = new byte[8 + (int)n];
        ReadExactly(h, head, 0);
        return SafetensorsHeader(head, length, out error);
    }

    /// <summary>Parses the header at the start of <paramref name="head"/> (which holds at least the header) of a file of <paramref name="fileLength"/> bytes.</summary>
    private static List<SafetensorsEntry>? SafetensorsHeader(byte[] head, long fileLength, out string? error)
    {
        error = null;
        if (head.Length < 8)
        {
            error = "too short for safetensors";
            return null;
        }

        var n = BinaryPrimitives.ReadUInt64LittleEndian(head);
        if (n > (ulong)(head.Length - 8))
        {
            error = "safetensors header length exceeds the file";
            return null;
        }

        var entries = new List<SafetensorsEntry>();
        try
        {
            using var doc = JsonDocument.Parse(head.AsMemory(8, (int)n));
            var dataStart = 8 + (long)n;
            foreach (var p in doc.RootElement.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                if (p.Name == "__metadata__")
                {
                    foreach (var m in p.Value.EnumerateObject())
                    {
                        entries.Add(new("__metadata__." + m.Name, "", [], 0, 0, m.Value.ToString()));
                    }

                    continue;
                }

                var dtype = p.Value.GetProperty("dtype").GetString() switch
                {
                    "F64" => "<f8", "F32" => "<f4", "F16" => "<f2", "BF16" => "bfloat16",
                    "I64" => "<i8", "I32" => "<i4", "I16" => "<i2", "I8" => "|i1",
                    "U64" => "<u8", "U32" => "<u4", "U16" => "<u2", "U8" => "|u1", "BOOL" => "|b1",
                    var other => "?" + other,
                };
                var shape = p.Value.GetProperty("shape").EnumerateArray().Select(x => x.GetInt64()).ToArray();
                var offs = p.Value.GetProperty("data_offsets").EnumerateArray().Select(x => x.GetInt64()).ToArray();
                if (offs.Length != 2 || offs[0] < 0 || offs[1] < offs[0] || dataStart + offs[1] > fileLength || offs[1] - offs[0] > int.MaxValue)
                {
                    error = $"tensor '{p.Name}' has data offsets outside the file";
                    return null;
                }

                entries.Add(new(p.Name, dtype, shape, dataStart + offs[0], offs[1] - offs[0], null));
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            error = "bad safetensors header: " + e.Message;
            return null;
        }

        return entries;
    }

    /// <summary>
    /// Leaves of a PyTorch zip checkpoint. Entry names start with the file stem torch.save used ("model/data.pkl"),
    /// so the prefix is stripped; tensors are named by their state_dict key and read from "data/&lt;key&gt;".
    /// Other entries (except the random .data/serialization_id) are compared as bytes.
    /// </summary>
    public static List<KeyValuePair<string, object>>? ReadTorchZip(SortedDictionary<string, byte[]> zip, out string? error)
    {
        error = null;
        var pkl = zip.Keys.FirstOrDefault(k => k == "data.pkl" || k.EndsWith("/data.pkl", StringComparison.Ordinal));
        if (pkl is null)
        {
            error = "no data.pkl entry";
            return null;
        }

        var prefix = pkl[..^"data.pkl".Length];
        var (root, err, _) = SafePickle.Load(zip[pkl]);
        if (err is not null)
        {
            error = err;
            return null;
        }

        (string, byte[])? Storage(PyPersistent p)
        {
            if (p.Id is PyTuple { Items.Length: >= 3 } t && t.Items[2] is string key && zip.TryGetValue(prefix + "data/" + key, out var bytes))
            {
                var type = t.Items[1] as PyGlobal;
                var dtype = type is null ? null : NumpyPickle.TorchStorageDtype(type.Name);
                return dtype is null ? null : (dtype, bytes);
            }

            return null;
        }

        var leaves = NumpyPickle.Leaves(root, Storage);
        foreach (var (name, bytes) in zip)
        {
            var rel = name.StartsWith(prefix, StringComparison.Ordinal) ? name[prefix.Length..] : name;
            if (name == pkl || rel.StartsWith("data/", StringComparison.Ordinal) || rel == ".data/serialization_id")
            {
                continue;
            }

            leaves.Add(new("entry:" + rel, new RawBytes(bytes)));
        }

        return leaves;
    }

    /// <summary>The 8-byte HDF5 signature.</summary>
    public static bool IsHdf5(byte[] b) => b.Length >= 8 && b[0] == 0x89 && b[1] == 'H' && b[2] == 'D' && b[3] == 'F';

    /// <summary>Numeric datasets of an HDF5 file (Keras .h5 weights), named by their path ("model_weights/dense/dense/kernel:0").</summary>
    public static List<KeyValuePair<string, object>>? ReadHdf5(byte[] b, out string? error)
    {
        error = null;
        var leaves = new List<KeyValuePair<string, object>>();
        try
        {
            using var file = PureHDF.H5File.Open(new MemoryStream(b), false);
            Hdf5Group(file, "", leaves);
            return leaves;
        }
        catch (Exception e)
        {
            // PureHDF may throw any exception type on a malformed file; the caller falls back to bytes.
            error = "unreadable HDF5: " + e.Message;
            return null;
        }
    }

    private static void Hdf5Group(PureHDF.IH5Group group, string path, List<KeyValuePair<string, object>> leaves)
    {
        foreach (var child in group.Children().OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            var name = path.Length == 0 ? child.Name : path + "/" + child.Name;
            switch (child)
            {
                case PureHDF.IH5Group g:
                    Hdf5Group(g, name, leaves);
                    break;
                case PureHDF.IH5Dataset d:
                    leaves.Add(new(name, Hdf5Dataset(d) ?? (object)$"dataset of class {d.Type.Class}"));
                    break;
            }
        }
    }

    private static NumArray? Hdf5Dataset(PureHDF.IH5Dataset d)
    {
        var shape = d.Space.Dimensions.Select(x => (long)x).ToArray();
        var size = (int)d.Type.Size;
        byte[]? data;
        string dtype;
        switch (d.Type.Class)
        {
            case PureHDF.H5DataTypeClass.FloatingPoint when size == 4:
                data = System.Runtime.InteropServices.MemoryMarshal.AsBytes(d.Read<float[]>().AsSpan()).ToArray();
                dtype = "<f4";
                break;
            case PureHDF.H5DataTypeClass.FloatingPoint when size == 8:
                data = System.Runtime.InteropServices.MemoryMarshal.AsBytes(d.Read<double[]>().AsSpan()).ToArray();
                dtype = "<f8";
                break;
            case PureHDF.H5DataTypeClass.FixedPoint when size is 1 or 2 or 4 or 8:
                var signed = d.Type.FixedPoint.IsSigned;
                data = size switch
                {
                    1 => signed ? System.Runtime.InteropServices.MemoryMarshal.AsBytes(d.Read<sbyte[]>().AsSpan()).ToArray() : d.Read<byte[]>(),
                    2 => signed ? System.Runtime.InteropServices.MemoryMarshal.AsBytes(d.Read<short[]>().AsSpan()).ToArray() : System.Runtime.InteropServices.MemoryMarshal.AsBytes(d.Read<ushort[]>().AsSpan()).ToArray(),
                    4 => signed ? System.Runtime.InteropServices.MemoryMarshal.AsBytes(d.Read<int[]>().AsSpan()).ToArray() : System.Runtime.InteropServices.MemoryMarshal.AsBytes(d.Read<uint[]>().AsSpan()).ToArray(),
                    _ => signed ? System.Runtime.InteropServices.MemoryMarshal.AsBytes(d.Read<long[]>().AsSpan()).ToArray() : System.Runtime.InteropServices.MemoryMarshal.AsBytes(d.Read<ulong[]>().AsSpan()).ToArray(),
                };
                dtype = (size == 1 ? "|" : "<") + (signed ? "i" : "u") + size.ToString(CultureInfo.InvariantCulture);
                break;
            default:
                return null;
        }

        return new NumArray(dtype, shape, data, false);
    }

    /// <summary>Leaves of a pickle or joblib file (zlib/gzip-compressed joblib files are decompressed first).</summary>
    public static List<KeyValuePair<string, object>>? ReadPickle(byte[] b, out string? error)
    {
        error = null;
        try
        {
            if (b.Length > 2 && b[0] == 0x1f && b[1] == 0x8b)
            {
                b = Inflate(new GZipStream(new MemoryStream(b), CompressionMode.Decompress));
            }
            else if (b.Length > 2 && b[0] == 0x78 && (b[1] is 0x01 or 0x5e or 0x9c or 0xda))
            {
                b = Inflate(new ZLibStream(new MemoryStream(b), CompressionMode.Decompress));
            }
        }
        catch (InvalidDataException e)
        {
            error = "cannot decompress: " + e.Message;
            return null;
        }

        var (root, err, _) = SafePickle.Load(b);
        if (err is not null)
        {
            error = err;
            return null;
        }

        return NumpyPickle.Leaves(root);
    }

    private static byte[] Inflate(Stream s)
    {
        using (s)
        {
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            return ms.ToArray();
        }
    }
}
