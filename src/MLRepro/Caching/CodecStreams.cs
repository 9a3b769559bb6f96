using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace MLRepro.Caching;

/// <summary>The byte writer of <see cref="RecordCodec"/>: variable-length integers, strings as ASCII bytes or UTF-16 code units (lossless, lone surrogates included).</summary>
internal sealed class CodecWriter
{
    private byte[] _buffer = new byte[4096];
    private int _length;

    /// <summary>The bytes written.</summary>
    public byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

    /// <summary>Writes one byte.</summary>
    public void WriteByte(byte b)
    {
        Ensure(1);
        _buffer[_length++] = b;
    }

    /// <summary>Writes a bool as one byte.</summary>
    public void WriteBool(bool b) => WriteByte(b ? (byte)1 : (byte)0);

    /// <summary>Writes an int, zigzag varint.</summary>
    public void WriteInt32(int v) => WriteInt64(v);

    /// <summary>Writes a long, zigzag varint.</summary>
    public void WriteInt64(long v)
    {
        var u = (ulong)((v << 1) ^ (v >> 63));
        Ensure(10);
        while (u >= 0x80)
        {
            _buffer[_length++] = (byte)(u | 0x80);
            u >>= 7;
        }

        _buffer[_length++] = (byte)u;
    }

    /// <summary>Writes a double, 8 bytes (bit-exact).</summary>
    public void WriteDouble(double d)
    {
        Ensure(8);
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(_length), BitConverter.DoubleToInt64Bits(d));
        _length += 8;
    }

    /// <summary>Writes a string or null: header (length + 1) * 2 + (1 when UTF-16), then the characters.</summary>
    public void WriteString(string? s)
    {
        if (s is null)
        {
            WriteInt64(0);
            return;
        }

        var ascii = Ascii.IsValid(s);
        WriteInt64(((long)s.Length + 1) * 2 + (ascii ? 0 : 1));
        if (ascii)
        {
            Ensure(s.Length);
            Encoding.ASCII.GetBytes(s, _buffer.AsSpan(_length));
            _length += s.Length;
        }
        else
        {
            Ensure(s.Length * 2);
            foreach (var c in s)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(_buffer.AsSpan(_length), c);
                _length += 2;
            }
        }
    }

    /// <summary>Writes an <c>object</c> holding a literal value: null, string, long, int, double or bool.</summary>
    public void WriteScalar(object? value)
    {
        switch (value)
        {
            case null:
                WriteByte(0);
                break;
            case string s:
                WriteByte(1);
                WriteString(s);
                break;
            case long l:
                WriteByte(2);
                WriteInt64(l);
                break;
            case double d:
                WriteByte(3);
                WriteDouble(d);
                break;
            case bool b:
                WriteByte(b ? (byte)5 : (byte)4);
                break;
            case int i:
                WriteByte(6);
                WriteInt64(i);
                break;
            default:
                throw new NotSupportedException($"RecordCodec cannot carry an object of type {value.GetType()}.");
        }
    }

    private void Ensure(int more)
    {
        if (_length + more > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + more));
        }
    }
}

/// <summary>The byte reader of <see cref="RecordCodec"/>. Out-of-range reads throw; the caller turns them into <see cref="InvalidDataException"/>.</summary>
internal sealed class CodecReader(byte[] data, int offset, int count, Func<ReadOnlySpan<char>, string>? intern)
{
    private readonly int _end = offset + count;
    private int _pos = offset;

    /// <summary>Whether every byte was read.</summary>
    public bool AtEnd => _pos == _end;

    /// <summary>Bytes left.</summary>
    public int Remaining => _end - _pos;

    /// <summary>Reads one byte.</summary>
    public byte ReadByte() => _pos < _end ? data[_pos++] : throw new InvalidDataException("truncated");

    /// <summary>Reads a presence flag (0 or 1).</summary>
    public bool ReadFlag() => ReadByte() switch { 0 => false, 1 => true, _ => throw new InvalidDataException("bad flag") };

    /// <summary>Reads a bool.</summary>
    public bool ReadBool() => ReadFlag();

    /// <summary>Reads an int.</summary>
    public int ReadInt32() => checked((int)ReadInt64());

    /// <summary>Reads a long.</summary>
    public long ReadInt64()
    {
        ulong u = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            var b = ReadByte();
            u |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return (long)(u >> 1) ^ -(long)(u & 1);
            }
        }

        throw new InvalidDataException("bad varint");
    }

    /// <summary>Reads a double.</summary>
    public double ReadDouble()
    {
        if (_end - _pos < 8)
        {
            throw new InvalidDataException("truncated");
        }

        var d = BitConverter.Int64BitsToDouble(BinaryPrimitives.ReadInt64LittleEndian(data.AsSpan(_pos, 8)));
        _pos += 8;
        return d;
    }

    /// <summary>Reads a string or null.</summary>
    public string? ReadString()
    {
        var header = ReadInt64();
        if (header == 0)
        {
            return null;
        }

        var utf16 = (header & 1) == 1;
        var length = header / 2 - 1;
        var bytes = utf16 ? length * 2 : length;
        if (length < 0 || bytes > _end - _pos)
        {
            throw new InvalidDataException("truncated string");
        }

        var n = (int)length;
        var src = data.AsSpan(_pos, (int)bytes);
        _pos += (int)bytes;
        if (n == 0)
        {
            return string.Empty;
        }

        char[]? rented = null;
        var chars = n <= 256 ? stackalloc char[n] : (rented = ArrayPool<char>.Shared.Rent(n)).AsSpan(0, n);
        try
        {
            if (utf16)
            {
                for (var i = 0; i < n; i++)
                {
                    chars[i] = (char)BinaryPrimitives.ReadUInt16LittleEndian(src[(i * 2)..]);
                }
            }
            else
            {
                Encoding.Latin1.GetChars(src, chars);
            }

            return intern is not null ? intern(chars) : new string(chars);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Reads an <c>object</c> written by <see cref="CodecWriter.WriteScalar"/>.</summary>
    public object? ReadScalar() => ReadByte() switch
    {
        0 => null,
        1 => ReadString(),
        2 => ReadInt64(),
        3 => ReadDouble(),
        4 => false,
        5 => true,
        6 => ReadInt32(),
        _ => throw new InvalidDataException("bad scalar tag"),
    };
}
