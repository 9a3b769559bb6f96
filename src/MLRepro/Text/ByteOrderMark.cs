using System.Text;

namespace MLRepro.Text;

/// <summary>
/// The Unicode encodings a text file announces with a byte-order mark. Windows tools write UTF-16 more often
/// than one would think: PowerShell 5's <c>pip freeze &gt; requirements.txt</c> writes UTF-16 LE with a BOM,
/// and pip decodes such files by their BOM, so mlrepro reads them as text too instead of taking their NUL
/// bytes for binary content.
/// </summary>
internal static class ByteOrderMark
{
    private static readonly Encoding StrictUtf16Le = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictUtf16Be = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictUtf32Le = new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true);
    private static readonly Encoding StrictUtf32Be = new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true);

    /// <summary>
    /// The UTF-16 or UTF-32 encoding whose BOM starts <paramref name="bytes"/> (strict: invalid sequences throw),
    /// with the BOM's length; null for anything else, UTF-8 with a BOM included (the UTF-8 reader strips that).
    /// UTF-32 LE is tested before UTF-16 LE because its BOM starts with UTF-16 LE's.
    /// </summary>
    public static (Encoding Encoding, int Length)? WideEncoding(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xFF, 0xFE, 0x00, 0x00, ..] => (StrictUtf32Le, 4),
        [0x00, 0x00, 0xFE, 0xFF, ..] => (StrictUtf32Be, 4),
        [0xFF, 0xFE, ..] => (StrictUtf16Le, 2),
        [0xFE, 0xFF, ..] => (StrictUtf16Be, 2),
        _ => null,
    };

    /// <summary>
    /// Whether a file's first bytes are wide text: a UTF-16/32 BOM followed by code units that decode without error
    /// and hold no NUL character (a binary file that happens to start with FF FE has NULs or invalid units soon).
    /// A head cut in the middle of a code unit or surrogate pair is trimmed to whole units first.
    /// </summary>
    public static bool IsWideText(ReadOnlySpan<byte> head)
    {
        if (WideEncoding(head) is not { } bom)
        {
            return false;
        }

        var body = head[bom.Length..];
        var unit = bom.Length;
        body = body[..(body.Length / unit * unit)];
        if (unit == 2 && body.Length >= 2)
        {
            // Drop a trailing high surrogate whose low half lies past the sniffed bytes.
            var last = bom.Encoding == StrictUtf16Le ? body[^1] : body[^2];
            if (last is >= 0xD8 and <= 0xDB)
            {
                body = body[..^2];
            }
        }

        try
        {
            return !bom.Encoding.GetString(body).Contains('\0', StringComparison.Ordinal);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
