using System.Buffers.Binary;
using System.IO.Compression;

namespace MLRepro.Verify.Comparators;

/// <summary>
/// Decodes non-interlaced PNGs (bit depth 8 or 16; gray, RGB, palette indices, gray+alpha, RGBA) to raw samples with
/// managed zlib only, so images can be compared pixel by pixel. Other PNGs return null (compared as bytes).
/// </summary>
public static class PngReader
{
    /// <summary>Largest image decoded (pixels).</summary>
    public const long MaxPixels = 100_000_000;

    /// <summary>The decoded samples as an array of shape (height, width, channels), or null with a reason.</summary>
    public static NumArray? Read(byte[] b, out string? error)
    {
        error = null;
        ReadOnlySpan<byte> sig = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0d, 0x0a, 0x1a, 0x0a];
        if (b.Length < 8 || !b.AsSpan(0, 8).SequenceEqual(sig))
        {
            error = "not a PNG";
            return null;
        }

        int width = 0, height = 0, depth = 0, colorType = 0, interlace = 0;
        var idat = new MemoryStream();
        for (var pos = 8; pos + 8 <= b.Length;)
        {
            var len = (int)BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(pos));
            var type = System.Text.Encoding.ASCII.GetString(b, pos + 4, 4);
            if (len < 0 || pos + 12 + len > b.Length)
            {
                error = "truncated chunk";
                return null;
            }

            var data = b.AsSpan(pos + 8, len);
            if (type == "IHDR" && len >= 13)
            {
                width = (int)BinaryPrimitives.ReadUInt32BigEndian(data);
                height = (int)BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
                depth = data[8];
                colorType = data[9];
                interlace = data[12];
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }
            else if (type == "IEND")
            {
                break;
            }

            pos += 12 + len;
        }

        var channels = colorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => 0 };
        if (channels == 0 || depth is not (8 or 16) || interlace != 0 || width <= 0 || height <= 0 || (long)width * height > MaxPixels)
        {
            error = $"PNG variant not decoded (color type {colorType}, depth {depth}, interlace {interlace})";
            return null;
        }

        var bpp = channels * depth / 8;
        var stride = width * bpp;
        byte[] raw;
        try
        {
            idat.Position = 0;
            using var z = new ZLibStream(idat, CompressionMode.Decompress);
            raw = new byte[(long)(stride + 1) * height];
            z.ReadExactly(raw);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            error = "bad image data: " + e.Message;
            return null;
        }

        var pixels = new byte[(long)stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var src = raw.AsSpan(y * (stride + 1) + 1, stride);
            var cur = pixels.AsSpan(y * stride, stride);
            var prev = y > 0 ? pixels.AsSpan((y - 1) * stride, stride) : default;
            for (var x = 0; x < stride; x++)
            {
                int a = x >= bpp ? cur[x - bpp] : 0;
                int up = y > 0 ? prev[x] : 0;
                int c = x >= bpp && y > 0 ? prev[x - bpp] : 0;
                cur[x] = (byte)(src[x] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => up,
                    3 => (a + up) / 2,
                    4 => Paeth(a, up, c),
                    _ => throw new InvalidDataException("bad filter"),
                });
            }
        }

        return new NumArray(depth == 8 ? "|u1" : ">u2", [height, width, channels], pixels, false);
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    /// <summary>Compares two decoded images: differing pixels (any channel), largest channel difference.</summary>
    public static ItemDiff Compare(NumArray a, NumArray b)
    {
        if (!a.Shape.SequenceEqual(b.Shape) || a.Dtype != b.Dtype)
        {
            return new ItemDiff("pixels", "image", a.Dtype, a.Shape, false, false, null, null, 1.0,
                $"{a.ShapeText} {a.Dtype}", $"{b.ShapeText} {b.Dtype}");
        }

        var channels = (int)a.Shape[2];
        var pixels = a.Shape[0] * a.Shape[1];
        long differing = 0;
        double maxAbs = 0;
        for (long p = 0; p < pixels; p++)
        {
            var diff = false;
            for (var c = 0; c < channels; c++)
            {
                var d = Math.Abs(a.Get(p * channels + c) - b.Get(p * channels + c));
                if (d > 0)
                {
                    diff = true;
                    maxAbs = Math.Max(maxAbs, d);
                }
            }

            differing += diff ? 1 : 0;
        }

        var same = differing == 0;
        return new ItemDiff("pixels", "image", a.Dtype, a.Shape, same, same, maxAbs, null, pixels == 0 ? 0 : (double)differing / pixels,
            same ? null : $"{differing} of {pixels} pixels differ", same ? null : $"max channel difference {maxAbs}");
    }
}
