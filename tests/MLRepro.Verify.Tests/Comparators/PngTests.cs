using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;
using AwesomeAssertions;
using MLRepro.Verify.Comparators;
using MLRepro.Verify.Tests.Support;

namespace MLRepro.Verify.Tests.Comparators;

public sealed class PngTests
{
    /// <summary>Encodes an 8-bit RGB PNG; row y uses filter filters[y % filters.Length] (0 None … 4 Paeth).</summary>
    private static byte[] Encode(int w, int h, byte[] rgb, int[] filters, string? text = null)
    {
        const int Bpp = 3;
        var stride = w * Bpp;
        var raw = new MemoryStream();
        for (var y = 0; y < h; y++)
        {
            var f = filters[y % filters.Length];
            raw.WriteByte((byte)f);
            for (var x = 0; x < stride; x++)
            {
                int cur = rgb[y * stride + x];
                int a = x >= Bpp ? rgb[y * stride + x - Bpp] : 0;
                int b = y > 0 ? rgb[(y - 1) * stride + x] : 0;
                int c = x >= Bpp && y > 0 ? rgb[(y - 1) * stride + x - Bpp] : 0;
                var pred = f switch
                {
                    0 => 0, 1 => a, 2 => b, 3 => (a + b) / 2,
                    _ => Paeth(a, b, c),
                };
                raw.WriteByte((byte)(cur - pred));
            }
        }

        var z = new MemoryStream();
        using (var zs = new ZLibStream(z, CompressionLevel.Optimal, leaveOpen: true))
        {
            zs.Write(raw.ToArray());
        }

        var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0d, 0x0a, 0x1a, 0x0a]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, (uint)w);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), (uint)h);
        ihdr[8] = 8;
        ihdr[9] = 2;
        Chunk(png, "IHDR", ihdr);
        if (text is not null)
        {
            Chunk(png, "tEXt", Encoding.Latin1.GetBytes("Software\0" + text));
        }

        Chunk(png, "IDAT", z.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        var len = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(len, (uint)data.Length);
        s.Write(len);
        var body = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        s.Write(body);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.HashToUInt32(body));
        s.Write(crc);
    }

    private static byte[] Pixels(int w, int h) =>
        Enumerable.Range(0, w * h * 3).Select(i => (byte)((i * 37 + (i / 3) * 11) % 251)).ToArray();

    [Fact]
    public void Every_filter_type_decodes_to_the_original_pixels()
    {
        var px = Pixels(7, 5);
        var arr = PngReader.Read(Encode(7, 5, px, [0, 1, 2, 3, 4]), out var err);
        err.Should().BeNull();
        arr!.Shape.Should().Equal(5, 7, 3);
        arr.Data.Should().Equal(px);
    }

    [Fact]
    public void Same_pixels_with_other_encoding_are_equivalent_and_a_changed_pixel_is_counted()
    {
        using var t = new TempDir();
        var px = Pixels(4, 3);
        var a = t.WriteBytes("a.png", Encode(4, 3, px, [0]));
        var b = t.WriteBytes("b.png", Encode(4, 3, px, [4, 1], text: "plotter 2.0"));
        var same = OutputComparer.Compare("plot.png", a, b, (_, _) => null);
        same.Format.Should().Be("png");
        same.Verdict.Should().Be(Verdict.Equivalent);

        px[3 * 5 + 1] ^= 0x10;
        var c = t.WriteBytes("c.png", Encode(4, 3, px, [2]));
        var diff = OutputComparer.Compare("plot.png", a, c, (_, _) => null);
        diff.Verdict.Should().Be(Verdict.Different);
        var item = diff.Items.Should().ContainSingle().Subject;
        item.Kind.Should().Be("image");
        item.FractionDiffering.Should().BeApproximately(1.0 / 12, 1e-12);
        item.MaxAbs.Should().Be(16);
        item.A.Should().Be("1 of 12 pixels differ");
    }
}
