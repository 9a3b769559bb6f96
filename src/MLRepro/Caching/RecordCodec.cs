using System.Collections.Immutable;
using System.Collections.ObjectModel;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.InteropServices;

namespace MLRepro.Caching;

/// <summary>
/// A compact binary serializer for immutable records, derived from their constructors: a record is written as the
/// values of its constructor's parameters, each taken from the property of the same name, and read back by calling
/// that constructor. A parameter added to a record is therefore carried without any change here, and a type this
/// codec cannot carry (a settable property outside the constructor, a parameter with no readable property, an
/// unsupported member type) fails when its codec is built, never silently. Codecs are compiled once per type
/// (expression trees), so reading costs about as much as allocating the objects.
/// </summary>
/// <remarks>
/// Supported: string, bool, int, long, double, enums, nullable value types, <c>object</c> holding null, a string, a
/// long, a double or a bool (literal values), arrays, <see cref="ImmutableArray{T}"/>, <see cref="IReadOnlyList{T}"/>,
/// <see cref="IReadOnlySet{T}"/> of strings, <see cref="IReadOnlyDictionary{TKey, TValue}"/>, and records (classes or
/// structs) built through a constructor. Object identity (shared instances) is not preserved: values are.
/// </remarks>
internal static class RecordCodec
{
    /// <summary>
    /// Constructor parameters named unlike their property, by declaring type: (type, parameter) → property. Only for
    /// classes whose constructor predates this codec (<see cref="Python.ModuleSummary"/>).
    /// </summary>
    private static readonly Dictionary<(Type, string), string> s_aliases = new()
    {
        [(typeof(Python.ModuleSummary), "strings")] = "StringLiterals",
        [(typeof(Python.ModuleSummary), "bindings")] = "ImportBindings",
    };

    /// <summary>Serializes a value.</summary>
    public static byte[] Serialize<T>(T value)
    {
        var w = new CodecWriter();
        Codec<T>.Write(w, value);
        return w.ToArray();
    }

    /// <summary>Deserializes a value; <paramref name="intern"/>, when given, shares equal strings (a project's string pool).</summary>
    /// <exception cref="InvalidDataException">The bytes are not a value of <typeparamref name="T"/> (truncated or corrupt).</exception>
    public static T Deserialize<T>(byte[] data, int offset, int count, Func<ReadOnlySpan<char>, string>? intern = null)
    {
        var r = new CodecReader(data, offset, count, intern);
        try
        {
            var value = Codec<T>.Read(r);
            if (!r.AtEnd)
            {
                throw new InvalidDataException("trailing bytes after the value");
            }

            return value;
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentOutOfRangeException or ArgumentException or OverflowException or InvalidCastException or NullReferenceException)
        {
            throw new InvalidDataException("corrupt record data", e);
        }
    }

    /// <summary>Builds (or fails to build) the codec of a type now, so that unsupported members show at once.</summary>
    public static void Validate<T>() => _ = Codec<T>.Write;

    /// <summary>The compiled reader and writer of one type.</summary>
    internal static class Codec<T>
    {
        public static readonly Action<CodecWriter, T> Write;
        public static readonly Func<CodecReader, T> Read;

        static Codec()
        {
            var w = Expression.Parameter(typeof(CodecWriter), "w");
            var v = Expression.Parameter(typeof(T), "v");
            var r = Expression.Parameter(typeof(CodecReader), "r");
            var (write, read) = Build(typeof(T), w, v, r);
            Write = Expression.Lambda<Action<CodecWriter, T>>(write, w, v).Compile();
            Read = Expression.Lambda<Func<CodecReader, T>>(read, r).Compile();
        }
    }

    private static (Expression Write, Expression Read) Build(Type t, ParameterExpression w, Expression v, ParameterExpression r)
    {
        if (Primitive(t) is { } p)
        {
            return (Expression.Call(w, typeof(CodecWriter).GetMethod(p.Write, [t])!, v), Expression.Call(r, typeof(CodecReader).GetMethod(p.Read)!));
        }

        if (t.IsEnum)
        {
            var u = Enum.GetUnderlyingType(t);
            return (Expression.Call(w, typeof(CodecWriter).GetMethod(nameof(CodecWriter.WriteInt64))!, Expression.Convert(Expression.Convert(v, u), typeof(long))),
                Expression.Convert(Expression.Convert(Expression.Call(r, typeof(CodecReader).GetMethod(nameof(CodecReader.ReadInt64))!), u), t));
        }

        if (Nullable.GetUnderlyingType(t) is { } inner)
        {
            // Flag byte, then the value.
            var (iw, ir) = Delegates(inner);
            var write = Expression.Call(typeof(RecordCodec).GetMethod(nameof(WriteNullable), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(inner), w, v, iw);
            var read = Expression.Call(typeof(RecordCodec).GetMethod(nameof(ReadNullable), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(inner), r, ir);
            return (write, read);
        }

        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
        {
            var e = t.GetGenericArguments()[0];
            var (ew, er) = Delegates(e);
            return (Expression.Call(Generic(nameof(WriteImmutableArray), e), w, v, ew), Expression.Call(Generic(nameof(ReadImmutableArray), e), r, er));
        }

        if (t.IsArray && t.GetArrayRank() == 1)
        {
            var e = t.GetElementType()!;
            var (ew, er) = Delegates(e);
            return (Expression.Call(Generic(nameof(WriteList), e), w, Expression.Convert(v, typeof(IReadOnlyList<>).MakeGenericType(e)), ew), Expression.Call(Generic(nameof(ReadArray), e), r, er));
        }

        if (t.IsGenericType && t.GetGenericTypeDefinition() is var g && (g == typeof(IReadOnlyList<>) || g == typeof(IReadOnlyCollection<>) || g == typeof(IEnumerable<>)))
        {
            var e = t.GetGenericArguments()[0];
            var (ew, er) = Delegates(e);
            return (Expression.Call(Generic(nameof(WriteSequence), e), w, Expression.Convert(v, typeof(IEnumerable<>).MakeGenericType(e)), ew),
                Expression.Convert(Expression.Call(Generic(nameof(ReadArray), e), r, er), t));
        }

        if (t == typeof(IReadOnlySet<string>))
        {
            var (ew, er) = Delegates(typeof(string));
            return (Expression.Call(Generic(nameof(WriteSequence), typeof(string)), w, Expression.Convert(v, typeof(IEnumerable<string>)), ew),
                Expression.Call(typeof(RecordCodec).GetMethod(nameof(ReadNameSet), BindingFlags.NonPublic | BindingFlags.Static)!, r, er));
        }

        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        {
            var (k, val) = (t.GetGenericArguments()[0], t.GetGenericArguments()[1]);
            var (kw, kr) = Delegates(k);
            var (vw, vr) = Delegates(val);
            var m = typeof(RecordCodec).GetMethod(nameof(WriteDictionary), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(k, val);
            var rm = typeof(RecordCodec).GetMethod(nameof(ReadDictionary), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(k, val);
            return (Expression.Call(m, w, v, kw, vw), Expression.Call(rm, r, kr, vr));
        }

        if (t.IsInterface || t.IsAbstract || t.IsGenericTypeDefinition || t.IsPointer)
        {
            throw new NotSupportedException($"RecordCodec cannot carry {t}: an interface or abstract type it does not know.");
        }

        return BuildRecord(t, w, v, r);
    }

    private static (Expression, Expression) BuildRecord(Type t, ParameterExpression w, Expression v, ParameterExpression r)
    {
        var ctor = t.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(c => !(c.GetParameters() is [var only] && only.ParameterType == t)) // a record's copy constructor
            .MaxBy(c => c.GetParameters().Length)
            ?? throw new NotSupportedException($"RecordCodec cannot carry {t}: no constructor.");
        var parameters = ctor.GetParameters();
        var properties = t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        var used = new HashSet<PropertyInfo>();
        var writes = new List<Expression>();
        var args = new List<Expression>();
        var self = Expression.Variable(t, "self");
        foreach (var p in parameters)
        {
            var name = s_aliases.GetValueOrDefault((t, p.Name!)) ?? p.Name!;
            var prop = properties.FirstOrDefault(x => string.Equals(x.Name, name, StringComparison.Ordinal) && x.GetMethod is not null)
                ?? properties.FirstOrDefault(x => string.Equals(x.Name, name, StringComparison.OrdinalIgnoreCase) && x.GetMethod is not null)
                ?? throw new NotSupportedException($"RecordCodec cannot carry {t}: constructor parameter '{p.Name}' has no property of that name.");
            if (!p.ParameterType.IsAssignableFrom(prop.PropertyType))
            {
                throw new NotSupportedException($"RecordCodec cannot carry {t}: property {prop.Name} ({prop.PropertyType}) does not fit parameter '{p.Name}' ({p.ParameterType}).");
            }

            used.Add(prop);
            var (pw, pr) = Delegates(p.ParameterType);
            writes.Add(Expression.Invoke(pw, w, Expression.Convert(Expression.Property(self, prop), p.ParameterType)));
            args.Add(Expression.Invoke(pr, r));
        }

        // State outside the constructor would be lost: refuse it (init-only or settable properties with public setters).
        foreach (var prop in properties.Where(x => !used.Contains(x) && x.SetMethod is { IsPublic: true } && x.GetIndexParameters().Length == 0))
        {
            throw new NotSupportedException($"RecordCodec cannot carry {t}: property {prop.Name} is set outside the constructor.");
        }

        // Evaluation order of constructor arguments is left to right, the order they were written in.
        var construct = Expression.New(ctor, args);
        if (t.IsValueType)
        {
            var write = Expression.Block([self], [Expression.Assign(self, v), .. writes, Expression.Empty()]);
            return (write, construct);
        }

        var writeClass = Expression.Block(
            [self],
            Expression.Assign(self, v),
            Expression.IfThenElse(
                Expression.ReferenceEqual(self, Expression.Constant(null, t)),
                Expression.Call(w, typeof(CodecWriter).GetMethod(nameof(CodecWriter.WriteByte))!, Expression.Constant((byte)0)),
                Expression.Block(
                    Expression.IfThen(
                        Expression.NotEqual(Expression.Call(self, typeof(object).GetMethod(nameof(GetType))!), Expression.Constant(t, typeof(Type))),
                        Expression.Throw(Expression.New(typeof(NotSupportedException).GetConstructor([typeof(string)])!, Expression.Constant($"RecordCodec: a subtype of {t} cannot be carried.")))),
                    Expression.Call(w, typeof(CodecWriter).GetMethod(nameof(CodecWriter.WriteByte))!, Expression.Constant((byte)1)),
                    Expression.Block(writes))));
        var readClass = Expression.Condition(
            Expression.Equal(Expression.Call(r, typeof(CodecReader).GetMethod(nameof(CodecReader.ReadFlag))!), Expression.Constant(true)),
            construct,
            Expression.Constant(null, t));
        return (writeClass, readClass);
    }

    /// <summary>The (static, compiled once) write and read delegates of a member type, as constants.</summary>
    private static (Expression Write, Expression Read) Delegates(Type t)
    {
        // Referencing the fields (not their values) keeps recursive types lazy: Codec<U> is built on first use.
        var codec = typeof(Codec<>).MakeGenericType(t);
        return (Expression.Field(null, codec.GetField("Write")!), Expression.Field(null, codec.GetField("Read")!));
    }

    private static MethodInfo Generic(string name, Type e) =>
        typeof(RecordCodec).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(e);

    private static (string Write, string Read)? Primitive(Type t) =>
        t == typeof(string) ? (nameof(CodecWriter.WriteString), nameof(CodecReader.ReadString))
        : t == typeof(bool) ? (nameof(CodecWriter.WriteBool), nameof(CodecReader.ReadBool))
        : t == typeof(int) ? (nameof(CodecWriter.WriteInt32), nameof(CodecReader.ReadInt32))
        : t == typeof(long) ? (nameof(CodecWriter.WriteInt64), nameof(CodecReader.ReadInt64))
        : t == typeof(double) ? (nameof(CodecWriter.WriteDouble), nameof(CodecReader.ReadDouble))
        : t == typeof(object) ? (nameof(CodecWriter.WriteScalar), nameof(CodecReader.ReadScalar))
        : null;

    private static void WriteNullable<TValue>(CodecWriter w, TValue? value, Action<CodecWriter, TValue> write)
        where TValue : struct
    {
        w.WriteByte(value.HasValue ? (byte)1 : (byte)0);
        if (value.HasValue)
        {
            write(w, value.Value);
        }
    }

    private static TValue? ReadNullable<TValue>(CodecReader r, Func<CodecReader, TValue> read)
        where TValue : struct => r.ReadFlag() ? read(r) : null;

    private static void WriteImmutableArray<TItem>(CodecWriter w, ImmutableArray<TItem> items, Action<CodecWriter, TItem> write)
    {
        // Count + 1, so that 0 keeps a default (uninitialized) array apart from an empty one.
        if (items.IsDefault)
        {
            w.WriteInt32(0);
            return;
        }

        w.WriteInt32(items.Length + 1);
        foreach (var item in items)
        {
            write(w, item);
        }
    }

    private static ImmutableArray<TItem> ReadImmutableArray<TItem>(CodecReader r, Func<CodecReader, TItem> read)
    {
        var n = r.ReadInt32();
        return n == 0 ? default : ImmutableCollectionsMarshal.AsImmutableArray(ReadItems(r, n - 1, read));
    }

    private static void WriteList<TItem>(CodecWriter w, IReadOnlyList<TItem>? items, Action<CodecWriter, TItem> write)
    {
        if (items is null)
        {
            w.WriteInt32(0);
            return;
        }

        w.WriteInt32(items.Count + 1);
        for (var i = 0; i < items.Count; i++)
        {
            write(w, items[i]);
        }
    }

    private static void WriteSequence<TItem>(CodecWriter w, IEnumerable<TItem>? items, Action<CodecWriter, TItem> write) =>
        WriteList(w, items is null ? null : items as IReadOnlyList<TItem> ?? [.. items], write);

    private static TItem[]? ReadArray<TItem>(CodecReader r, Func<CodecReader, TItem> read)
    {
        var n = r.ReadInt32();
        return n == 0 ? null : ReadItems(r, n - 1, read);
    }

    private static TItem[] ReadItems<TItem>(CodecReader r, int n, Func<CodecReader, TItem> read)
    {
        if (n < 0 || n > r.Remaining)
        {
            // Every item takes at least one byte: a larger count is corrupt data, not a reason to allocate.
            throw new InvalidDataException("item count exceeds the data");
        }

        var items = new TItem[n];
        for (var i = 0; i < n; i++)
        {
            items[i] = read(r);
        }

        return items;
    }

    private static IReadOnlySet<string>? ReadNameSet(CodecReader r, Func<CodecReader, string> read) =>
        ReadArray(r, read) is { } items ? new Python.NameSet(items) : null;

    private static void WriteDictionary<TKey, TValue>(CodecWriter w, IReadOnlyDictionary<TKey, TValue>? map, Action<CodecWriter, TKey> writeKey, Action<CodecWriter, TValue> writeValue)
    {
        if (map is null)
        {
            w.WriteInt32(0);
            return;
        }

        // Written in the map's enumeration order and read back into a dictionary in that order, which it keeps.
        w.WriteInt32(map.Count + 1);
        foreach (var (k, v) in map)
        {
            writeKey(w, k);
            writeValue(w, v);
        }
    }

    private static IReadOnlyDictionary<TKey, TValue>? ReadDictionary<TKey, TValue>(CodecReader r, Func<CodecReader, TKey> readKey, Func<CodecReader, TValue> readValue)
        where TKey : notnull
    {
        var n = r.ReadInt32();
        if (n == 0)
        {
            return null;
        }

        if (n - 1 > r.Remaining)
        {
            throw new InvalidDataException("item count exceeds the data");
        }

        var map = new Dictionary<TKey, TValue>(n - 1);
        for (var i = 0; i < n - 1; i++)
        {
            var k = readKey(r);
            map[k] = readValue(r);
        }

        return new ReadOnlyDictionary<TKey, TValue>(map);
    }
}
