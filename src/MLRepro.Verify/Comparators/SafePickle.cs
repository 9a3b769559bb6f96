using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace MLRepro.Verify.Comparators;

/// <summary>A reference to a Python global (module.name); never resolved or called.</summary>
public sealed record PyGlobal(string Module, string Name)
{
    /// <inheritdoc />
    public override string ToString() => Module + "." + Name;
}

/// <summary>A Python tuple.</summary>
public sealed record PyTuple(object?[] Items);

/// <summary>A persistent reference (torch storages).</summary>
public sealed record PyPersistent(object? Id);

/// <summary>An object the pickle would have built by calling <see cref="Callable"/>; the call never happens, the parts are kept.</summary>
public sealed class PyObject(object? callable, object? args)
{
    /// <summary>What would have been called (usually a <see cref="PyGlobal"/>).</summary>
    public object? Callable { get; } = callable;

    /// <summary>Its arguments.</summary>
    public object? Args { get; } = args;

    /// <summary>The state given to __setstate__ (BUILD).</summary>
    public object? State { get; set; }

    /// <summary>Items appended (APPEND/APPENDS) when the object is list-like.</summary>
    public List<object?> ListItems { get; } = [];

    /// <summary>Items set (SETITEM/SETITEMS) when the object is dict-like (OrderedDict).</summary>
    public List<KeyValuePair<object?, object?>> DictItems { get; } = [];

    /// <summary>An array read from the stream right after this object (joblib's NumpyArrayWrapper).</summary>
    public NumArray? InlineArray { get; set; }

    /// <summary>The callable's dotted name.</summary>
    public string ClassName => Callable?.ToString() ?? "?";
}

/// <summary>
/// A pickle reader that never executes code: it interprets the opcodes into a tree of plain values and
/// <see cref="PyObject"/> records (GLOBAL names are kept as text, REDUCE/BUILD calls are recorded, not made).
/// Protocols 0–5. Malformed input gives an error string, never an exception.
/// </summary>
public static class SafePickle
{
    /// <summary>Upper bound on opcodes interpreted (guards against hostile input).</summary>
    public const int MaxOps = 50_000_000;

    private static readonly object s_mark = new();

    /// <summary>Reads one pickle from <paramref name="data"/> starting at <paramref name="offset"/>. Returns the root value, or an error.</summary>
    public static (object? Value, string? Error, int End) Load(byte[] data, int offset = 0)
    {
        try
        {
            var r = new Reader(data, offset);
            var v = r.Run();
            return (v, null, r.Pos);
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or ArgumentException or InvalidCastException or InvalidOperationException or OverflowException or KeyNotFoundException)
        {
            return (null, "not a readable pickle: " + e.Message, offset);
        }
    }

    private sealed class Reader(byte[] d, int pos)
    {
        private readonly List<object?> _stack = [];
        private readonly List<int> _marks = [];
        private readonly Dictionary<long, object?> _memo = [];

        public int Pos => pos;

        private byte U1() => d[pos++];

        private ReadOnlySpan<byte> Take(long n)
        {
            if (n < 0 || pos + n > d.Length)
            {
                throw new FormatException("truncated");
            }

            var s = d.AsSpan(pos, (int)n);
            pos += (int)n;
            return s;
        }

        private string Line()
        {
            var start = pos;
            while (d[pos] != (byte)'\n')
            {
                pos++;
            }

            var s = Encoding.UTF8.GetString(d, start, pos - start);
            pos++;
            return s;
        }

        private object? Pop()
        {
            if (_stack.Count == 0)
            {
                throw new FormatException("stack underflow");
            }

            var v = _stack[^1];
            _stack.RemoveAt(_stack.Count - 1);
            return v;
        }

        private List<object?> PopMark()
        {
            if (_marks.Count == 0)
            {
                throw new FormatException("no mark");
            }

            var m = _marks[^1];
            _marks.RemoveAt(_marks.Count - 1);
            var items = _stack.GetRange(m, _stack.Count - m);
            _stack.RemoveRange(m, _stack.Count - m);
            return items;
        }

        private void Push(object? v) => _stack.Add(v);

        public object? Run()
        {
            for (var ops = 0; ops < MaxOps; ops++)
            {
                var op = U1();
                switch (op)
                {
                    case 0x80: U1(); break; // PROTO
                    case 0x95: Take(8); break; // FRAME
                    case (byte)'.': return Pop(); // STOP
                    case (byte)'(': _marks.Add(_stack.Count); break;
                    case (byte)'0': Pop(); break;
                    case (byte)'1': PopMark(); break;
                    case (byte)'2': Push(_stack[^1]); break;
                    case (byte)'N': Push(null); break;
                    case 0x88: Push(true); break;
                    case 0x89: Push(false); break;
                    case (byte)'I':
                        {
                            var s = Line();
                            Push(s switch { "01" => true, "00" => false, _ => long.Parse(s, CultureInfo.InvariantCulture) });
                            break;
                        }

                    case (byte)'J': Push((long)BinaryPrimitives.ReadInt32LittleEndian(Take(4))); break;
                    case (byte)'K': Push((long)U1()); break;
                    case (byte)'M': Push((long)BinaryPrimitives.ReadUInt16LittleEndian(Take(2))); break;
                    case (byte)'L': Push(Normalize(BigInteger.Parse(Line().TrimEnd('L'), CultureInfo.InvariantCulture))); break;
                    case 0x8a: Push(Normalize(new BigInteger(Take(U1()), isUnsigned: false, isBigEndian: false))); break;
                    case 0x8b: Push(Normalize(new BigInteger(Take(BinaryPrimitives.ReadInt32LittleEndian(Take(4))), isUnsigned: false, isBigEndian: false))); break;
                    case (byte)'F': Push(double.Parse(Line(), CultureInfo.InvariantCulture)); break;
                    case (byte)'G': Push(BinaryPrimitives.ReadDoubleBigEndian(Take(8))); break;
                    case (byte)'S': Push(Line().Trim('\'', '"')); break;
                    case (byte)'T': Push(Encoding.Latin1.GetString(Take(BinaryPrimitives.ReadInt32LittleEndian(Take(4))))); break;
                    case (byte)'U': Push(Encoding.Latin1.GetString(Take(U1()))); break;
                    case (byte)'V': Push(Line()); break;
                    case (byte)'X': Push(Encoding.UTF8.GetString(Take(BinaryPrimitives.ReadUInt32LittleEndian(Take(4))))); break;
                    case 0x8c: Push(Encoding.UTF8.GetString(Take(U1()))); break;
                    case 0x8d: Push(Encoding.UTF8.GetString(Take((long)BinaryPrimitives.ReadUInt64LittleEndian(Take(8))))); break;
                    case (byte)'B': Push(Take(BinaryPrimitives.ReadUInt32LittleEndian(Take(4))).ToArray()); break;
                    case (byte)'C': Push(Take(U1()).ToArray()); break;
                    case 0x8e or 0x96: Push(Take((long)BinaryPrimitives.ReadUInt64LittleEndian(Take(8))).ToArray()); break;
                    case 0x97: Push(new PyGlobal("pickle", "out-of-band buffer")); break; // NEXT_BUFFER
                    case 0x98: break; // READONLY_BUFFER
                    case (byte)')': Push(new PyTuple([])); break;
                    case (byte)'t': Push(new PyTuple([.. PopMark()])); break;
                    case 0x85: Push(new PyTuple([Pop()])); break;
                    case 0x86: { var b = Pop(); var a = Pop(); Push(new PyTuple([a, b])); break; }
                    case 0x87: { var c = Pop(); var b = Pop(); var a = Pop(); Push(new PyTuple([a, b, c])); break; }
                    case (byte)']': Push(new List<object?>()); break;
                    case (byte)'l': Push(PopMark()); break;
                    case (byte)'}': Push(new List<KeyValuePair<object?, object?>>()); break;
                    case (byte)'d': Push(Pairs(PopMark())); break;
                    case 0x8f: Push(new HashSet<object?>()); break;
                    case 0x91: Push(new PyObject(new PyGlobal("builtins", "frozenset"), new PyTuple([PopMark()]))); break;
                    case 0x90:
                        {
                            var items = PopMark();
                            if (_stack[^1] is HashSet<object?> set)
                            {
                                foreach (var i in items)
                                {
                                    set.Add(i is List<object?> or PyObject ? i.ToString() : i);
                                }
                            }

                            break;
                        }

                    case (byte)'a': { var v = Pop(); Append(_stack[^1], [v]); break; }
                    case (byte)'e': { var items = PopMark(); Append(_stack[^1], items); break; }
                    case (byte)'s': { var v = Pop(); var k = Pop(); SetItems(_stack[^1], [new(k, v)]); break; }
                    case (byte)'u': { var items = PopMark(); SetItems(_stack[^1], Pairs(items)); break; }
                    case (byte)'c':
                        {
                            var module = Line();
                            Push(new PyGlobal(module, Line()));
                            break;
                        }

                    case 0x93: { var name = Pop() as string ?? "?"; var module = Pop() as string ?? "?"; Push(new PyGlobal(module, name)); break; }
                    case 0x82: Push(new PyGlobal("copyreg", "ext" + U1().ToString(CultureInfo.InvariantCulture))); break;
                    case 0x83: Push(new PyGlobal("copyreg", "ext" + BinaryPrimitives.ReadUInt16LittleEndian(Take(2)).ToString(CultureInfo.InvariantCulture))); break;
                    case 0x84: Push(new PyGlobal("copyreg", "ext" + BinaryPrimitives.ReadInt32LittleEndian(Take(4)).ToString(CultureInfo.InvariantCulture))); break;
                    case (byte)'R': { var args = Pop(); var f = Pop(); Push(Reduce(f, args)); break; }
                    case 0x81: { var args = Pop(); var cls = Pop(); Push(new PyObject(cls, args)); break; }
                    case 0x92: { var kw = Pop(); var args = Pop(); var cls = Pop(); Push(new PyObject(cls, new PyTuple([args, kw]))); break; }
                    case (byte)'o': { var items = PopMark(); Push(new PyObject(items.Count > 0 ? items[0] : null, new PyTuple([.. items.Skip(1)]))); break; }
                    case (byte)'i':
                        {
                            var module = Line();
                            var name = Line();
                            Push(new PyObject(new PyGlobal(module, name), new PyTuple([.. PopMark()])));
                            break;
                        }

                    case (byte)'b':
                        {
                            var state = Pop();
                            if (_stack[^1] is PyObject o)
                            {
                                o.State = state;
                                if (o.ClassName.EndsWith("NumpyArrayWrapper", StringComparison.Ordinal))
                                {
                                    o.InlineArray = ReadJoblibArray(state);
                                }
                            }

                            break;
                        }

                    case (byte)'P': Push(new PyPersistent(Line())); break;
                    case (byte)'Q': Push(new PyPersistent(Pop())); break;
                    case (byte)'p': _memo[long.Parse(Line(), CultureInfo.InvariantCulture)] = _stack[^1]; break;
                    case (byte)'q': _memo[U1()] = _stack[^1]; break;
                    case (byte)'r': _memo[BinaryPrimitives.ReadUInt32LittleEndian(Take(4))] = _stack[^1]; break;
                    case 0x94: _memo[_memo.Count] = _stack[^1]; break;
                    case (byte)'g': Push(_memo[long.Parse(Line(), CultureInfo.InvariantCulture)]); break;
                    case (byte)'h': Push(_memo[U1()]); break;
                    case (byte)'j': Push(_memo[BinaryPrimitives.ReadUInt32LittleEndian(Take(4))]); break;
                    default: throw new FormatException($"unknown opcode 0x{op:x2} at {pos - 1}");
                }
            }

            throw new FormatException("too many opcodes");
        }

        private static object Normalize(BigInteger b) => b >= long.MinValue && b <= long.MaxValue ? (long)b : b;

        private static List<KeyValuePair<object?, object?>> Pairs(List<object?> items)
        {
            var list = new List<KeyValuePair<object?, object?>>();
            for (var i = 0; i + 1 < items.Count; i += 2)
            {
                list.Add(new(items[i], items[i + 1]));
            }

            return list;
        }

        private static void Append(object? target, List<object?> items)
        {
            if (target is List<object?> l)
            {
                l.AddRange(items);
            }
            else if (target is PyObject o)
            {
                o.ListItems.AddRange(items);
            }
        }

        private static void SetItems(object? target, List<KeyValuePair<object?, object?>> items)
        {
            if (target is List<KeyValuePair<object?, object?>> dict)
            {
                dict.AddRange(items);
            }
            else if (target is PyObject o)
            {
                o.DictItems.AddRange(items);
            }
        }

        private static object Reduce(object? f, object? args)
        {
            // copyreg._reconstructor(cls, base, state) is how plain classes pickle under protocol 0/1: keep the class.
            if (f is PyGlobal { Module: "copyreg" or "copy_reg", Name: "_reconstructor" } && args is PyTuple { Items.Length: >= 1 } t)
            {
                return new PyObject(t.Items[0], new PyTuple([]));
            }

            return new PyObject(f, args);
        }

        // joblib writes each array's raw bytes right after the NumpyArrayWrapper's BUILD, optionally after a padding byte.
        private NumArray? ReadJoblibArray(object? state)
        {
            if (state is not List<KeyValuePair<object?, object?>> st)
            {
                return null;
            }

            object? Get(string k) => st.FirstOrDefault(p => p.Key as string == k).Value;
            var dtype = NumpyPickle.DtypeOf(Get("dtype"));
            if (dtype is null || Get("shape") is not PyTuple shapeT)
            {
                return null;
            }

            var shape = shapeT.Items.Select(x => Convert.ToInt64(x, CultureInfo.InvariantCulture)).ToArray();
            if (Get("numpy_array_alignment_bytes") is long)
            {
                var pad = U1();
                Take(pad);
            }

            var arr = new NumArray(dtype, shape, [], Get("order") as string == "F");
            var bytes = arr.Count * arr.ItemSize;
            return arr with { Data = Take(bytes).ToArray() };
        }
    }
}
