using System.Globalization;
using System.Numerics;

namespace MLRepro.Verify.Comparators;

/// <summary>Turns a <see cref="SafePickle"/> tree into named leaves: arrays (numpy, torch, joblib) and scalar values.</summary>
public static class NumpyPickle
{
    /// <summary>Deepest nesting followed.</summary>
    public const int MaxDepth = 64;

    /// <summary>Most leaves collected from one pickle.</summary>
    public const int MaxLeaves = 100_000;

    /// <summary>The numpy dtype string ("&lt;f8") of a pickled numpy.dtype object, or null.</summary>
    public static string? DtypeOf(object? o)
    {
        if (o is PyObject { Callable: PyGlobal { Name: "dtype" } } d && d.Args is PyTuple { Items.Length: >= 1 } a && a.Items[0] is string code)
        {
            var order = d.State is PyTuple { Items.Length: >= 2 } st && st.Items[1] is string bo ? bo : "|";
            if (code.Length >= 2 && char.IsLetter(code[0]))
            {
                if (order == "=")
                {
                    order = "<";
                }

                return (code[1..].All(char.IsDigit) ? order : "|") + code;
            }

            return code;
        }

        return o as string;
    }

    /// <summary>Collects the leaves of a pickle tree. <paramref name="storage"/> resolves torch persistent ids to (dtype, bytes).</summary>
    public static List<KeyValuePair<string, object>> Leaves(object? root, Func<PyPersistent, (string Dtype, byte[] Data)?>? storage = null)
    {
        var leaves = new List<KeyValuePair<string, object>>();
        var visiting = new HashSet<object>(ReferenceEqualityComparer.Instance);
        Walk(root, "", 0, leaves, visiting, storage);
        return leaves;
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    private static string KeyText(object? k) => k switch
    {
        null => "None",
        string s => s,
        long l => l.ToString(CultureInfo.InvariantCulture),
        PyTuple t => "(" + string.Join(", ", t.Items.Select(KeyText)) + ")",
        _ => Scalar(k),
    };

    private static string Scalar(object? v) => v switch
    {
        null => "None",
        bool b => b ? "True" : "False",
        long l => l.ToString(CultureInfo.InvariantCulture),
        BigInteger bi => bi.ToString(CultureInfo.InvariantCulture),
        double x => TensorCompare.Fmt(x),
        string s => "'" + s + "'",
        byte[] b => "bytes[" + b.Length.ToString(CultureInfo.InvariantCulture) + "]",
        PyGlobal g => g.ToString(),
        _ => v.GetType().Name,
    };

    private static void Walk(object? node, string path, int depth, List<KeyValuePair<string, object>> leaves, HashSet<object> visiting,
        Func<PyPersistent, (string, byte[])?>? storage)
    {
        if (leaves.Count >= MaxLeaves)
        {
            return;
        }

        if (depth > MaxDepth)
        {
            leaves.Add(new(path, "(nested too deep)"));
            return;
        }

        if (node is null or bool or long or BigInteger or double or string or PyGlobal)
        {
            leaves.Add(new(path, Scalar(node)));
            return;
        }

        if (node is byte[] bytes)
        {
            leaves.Add(new(path, new NumArray("|u1", [bytes.Length], bytes, false)));
            return;
        }

        if (!visiting.Add(node))
        {
            leaves.Add(new(path, "(cycle)"));
            return;
        }

        try
        {
            switch (node)
            {
                case PyTuple t:
                    for (var i = 0; i < t.Items.Length; i++)
                    {
                        Walk(t.Items[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", depth + 1, leaves, visiting, storage);
                    }

                    break;
                case List<object?> l:
                    for (var i = 0; i < l.Count; i++)
                    {
                        Walk(l[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", depth + 1, leaves, visiting, storage);
                    }

                    break;
                case List<KeyValuePair<object?, object?>> dict:
                    foreach (var (k, v) in dict)
                    {
                        Walk(v, Join(path, KeyText(k)), depth + 1, leaves, visiting, storage);
                    }

                    break;
                case HashSet<object?> set:
                    leaves.Add(new(path, "{" + string.Join(", ", set.Select(Scalar).Order(StringComparer.Ordinal)) + "}"));
                    break;
                case PyPersistent p:
                    leaves.Add(new(path, "persistent " + KeyText(p.Id)));
                    break;
                case PyObject o:
                    WalkObject(o, path, depth, leaves, visiting, storage);
                    break;
                default:
                    leaves.Add(new(path, node.GetType().Name));
                    break;
            }
        }
        finally
        {
            visiting.Remove(node);
        }
    }

    private static void WalkObject(PyObject o, string path, int depth, List<KeyValuePair<string, object>> leaves, HashSet<object> visiting,
        Func<PyPersistent, (string, byte[])?>? storage)
    {
        var cls = o.Callable as PyGlobal;
        var name = cls?.Name ?? "";
        var args = o.Args as PyTuple;
        if (o.InlineArray is { } inline)
        {
            leaves.Add(new(path, inline));
            return;
        }

        if (name == "_reconstruct" && o.State is PyTuple { Items.Length: >= 5 } st)
        {
            // numpy ndarray: state = (version, shape, dtype, is_fortran, raw bytes)
            var dtype = DtypeOf(st.Items[2]);
            var shape = (st.Items[1] as PyTuple)?.Items.Select(x => Convert.ToInt64(x, CultureInfo.InvariantCulture)).ToArray() ?? [];
            if (st.Items[4] is byte[] raw && dtype is not null)
            {
                leaves.Add(new(path, new NumArray(dtype, shape, raw, st.Items[3] is true)));
            }
            else if (st.Items[4] is List<object?> objs)
            {
                // Object arrays hold Python objects: compare them one by one.
                for (var i = 0; i < objs.Count; i++)
                {
                    Walk(objs[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", depth + 1, leaves, visiting, storage);
                }
            }

            return;
        }

        if (name == "_frombuffer" && args is { Items.Length: >= 4 } fb && fb.Items[0] is byte[] buf)
        {
            var shape = (fb.Items[2] as PyTuple)?.Items.Select(x => Convert.ToInt64(x, CultureInfo.InvariantCulture)).ToArray() ?? [];
            leaves.Add(new(path, new NumArray(DtypeOf(fb.Items[1]) ?? "|u1", shape, buf, fb.Items[3] as string == "F")));
            return;
        }

        if (name == "scalar" && args is { Items.Length: 2 } sc && sc.Items[1] is byte[] sb && DtypeOf(sc.Items[0]) is { } sdt)
        {
            var arr = new NumArray(sdt, [], sb, false);
            leaves.Add(new(path, arr.IsNumeric && arr.ItemSize == sb.Length ? TensorCompare.Fmt(arr.Get(0)) : "bytes " + Convert.ToHexString(sb)));
            return;
        }

        if (name == "dtype")
        {
            leaves.Add(new(path, "dtype " + (DtypeOf(o) ?? "?")));
            return;
        }

        if (name is "_rebuild_tensor_v2" or "_rebuild_tensor" && args is { Items.Length: >= 4 } ta && ta.Items[0] is PyPersistent ps)
        {
            leaves.Add(new(path, TorchTensor(ps, ta, storage) ?? (object)"tensor (storage not found)"));
            return;
        }

        if (name == "_rebuild_parameter" && args is { Items.Length: >= 1 })
        {
            Walk(args.Items[0], path, depth + 1, leaves, visiting, storage);
            return;
        }

        var generic = name is "OrderedDict" or "defaultdict" or "dict" or "list";
        if (!generic)
        {
            leaves.Add(new(Join(path, "__class__"), o.ClassName));
            if (args is { Items.Length: > 0 })
            {
                Walk(args, Join(path, "__args__"), depth + 1, leaves, visiting, storage);
            }
        }

        if (o.State is not null)
        {
            Walk(o.State, path, depth + 1, leaves, visiting, storage);
        }

        for (var i = 0; i < o.ListItems.Count; i++)
        {
            Walk(o.ListItems[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", depth + 1, leaves, visiting, storage);
        }

        foreach (var (k, v) in o.DictItems)
        {
            Walk(v, Join(path, KeyText(k)), depth + 1, leaves, visiting, storage);
        }
    }

    private static NumArray? TorchTensor(PyPersistent ps, PyTuple args, Func<PyPersistent, (string Dtype, byte[] Data)?>? storage)
    {
        if (storage?.Invoke(ps) is not { } st)
        {
            return null;
        }

        var offset = Convert.ToInt64(args.Items[1], CultureInfo.InvariantCulture);
        var size = (args.Items[2] as PyTuple)?.Items.Select(x => Convert.ToInt64(x, CultureInfo.InvariantCulture)).ToArray() ?? [];
        var stride = (args.Items[3] as PyTuple)?.Items.Select(x => Convert.ToInt64(x, CultureInfo.InvariantCulture)).ToArray() ?? [];
        var probe = new NumArray(st.Dtype, size, [], false);
        var item = probe.ItemSize;
        var count = probe.Count;
        if (item == 0 || stride.Length != size.Length)
        {
            return null;
        }

        // Gather the view's elements in row-major order (tensors may be strided views of a larger storage).
        var data = new byte[count * item];
        var idx = new long[size.Length];
        for (long n = 0; n < count; n++)
        {
            var at = offset;
            for (var k = 0; k < idx.Length; k++)
            {
                at += idx[k] * stride[k];
            }

            if ((at + 1) * item > st.Data.Length)
            {
                return null;
            }

            Array.Copy(st.Data, at * item, data, n * item, item);
            for (var k = idx.Length - 1; k >= 0; k--)
            {
                if (++idx[k] < size[k])
                {
                    break;
                }

                idx[k] = 0;
            }
        }

        return probe with { Data = data };
    }

    /// <summary>The numpy dtype of a torch storage class name ("FloatStorage" → "&lt;f4").</summary>
    public static string? TorchStorageDtype(string name) => name switch
    {
        "FloatStorage" or "float32" => "<f4",
        "DoubleStorage" or "float64" => "<f8",
        "HalfStorage" or "float16" => "<f2",
        "BFloat16Storage" or "bfloat16" => "bfloat16",
        "LongStorage" or "int64" => "<i8",
        "IntStorage" or "int32" => "<i4",
        "ShortStorage" or "int16" => "<i2",
        "CharStorage" or "int8" => "|i1",
        "ByteStorage" or "uint8" => "|u1",
        "BoolStorage" or "bool" => "|b1",
        _ => null,
    };
}
