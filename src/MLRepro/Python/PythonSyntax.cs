using System.Globalization;
using System.Text;

namespace MLRepro.Python;

/// <summary>Keyword tables and literal decoding shared by the summary builder.</summary>
public static class PythonSyntax
{
    /// <summary>Whether a word is a hard keyword (soft keywords such as <c>match</c> are names).</summary>
    public static bool IsKeyword(ReadOnlySpan<char> w) => w switch
    {
        "False" or "None" or "True" or "and" or "as" or "assert" or "async" or "await" or "break" or "class" or "continue" or "def" or "del"
            or "elif" or "else" or "except" or "finally" or "for" or "from" or "global" or "if" or "import" or "in" or "is" or "lambda"
            or "nonlocal" or "not" or "or" or "pass" or "raise" or "return" or "try" or "while" or "with" or "yield" => true,
        _ => false,
    };

    /// <summary>Keywords that open a compound statement whose header ends with ':' (the body may follow on the same line).</summary>
    internal static bool IsCompoundKeyword(ReadOnlySpan<char> w) => w switch
    {
        "if" or "elif" or "else" or "for" or "while" or "try" or "except" or "finally" or "with" or "def" or "class" or "async" => true,
        _ => false,
    };

    /// <summary>Splits a string token into its prefix flags and body bounds.</summary>
    internal static (bool Raw, bool Bytes, bool F, int BodyStart, int BodyEnd) StringParts(ReadOnlySpan<char> tok)
    {
        bool raw = false, bytes = false, f = false;
        var i = 0;
        while (i < tok.Length && tok[i] is not ('\'' or '"'))
        {
            switch (tok[i])
            {
                case 'r' or 'R':
                    raw = true;
                    break;
                case 'b' or 'B':
                    bytes = true;
                    break;
                case 'f' or 'F':
                    f = true;
                    break;
            }

            i++;
        }

        if (i >= tok.Length)
        {
            return (raw, bytes, f, tok.Length, tok.Length);
        }

        var q = tok[i];
        var qlen = i + 2 < tok.Length && tok[i + 1] == q && tok[i + 2] == q ? 3 : 1;
        var start = i + qlen;
        var end = tok.Length;
        // Strip the closing quotes when present (an unterminated string has none).
        if (end - start >= qlen && tok[(end - qlen)..end].IndexOfAnyExcept(q) < 0 && !(qlen == 1 && end - start == 0))
        {
            end -= qlen;
        }

        return (raw, bytes, f, start, Math.Max(start, end));
    }

    /// <summary>Decodes a (non-f) string token's value; escapes are processed unless raw.</summary>
    public static string DecodeString(ReadOnlySpan<char> tok)
    {
        var (raw, _, _, a, b) = StringParts(tok);
        var body = tok[a..b];
        if (raw || body.IndexOf('\\') < 0)
        {
            return body.ToString();
        }

        var sb = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c != '\\' || i + 1 >= body.Length)
            {
                sb.Append(c);
                continue;
            }

            var e = body[++i];
            switch (e)
            {
                case '\n':
                    break;
                case '\r':
                    if (i + 1 < body.Length && body[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case '0' or '1' or '2' or '3' or '4' or '5' or '6' or '7':
                    {
                        var v = 0;
                        var n = 0;
                        while (n < 3 && i < body.Length && body[i] is >= '0' and <= '7')
                        {
                            v = (v * 8) + (body[i] - '0');
                            i++;
                            n++;
                        }

                        i--;
                        sb.Append((char)v);
                        break;
                    }

                case 'a': sb.Append('\a'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'v': sb.Append('\v'); break;
                case 'x' or 'u' or 'U':
                    {
                        var len = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                        if (i + len < body.Length + 0 && int.TryParse(body.Slice(i + 1, Math.Min(len, body.Length - i - 1)), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var cp) && i + len < body.Length && cp <= 0x10FFFF)
                        {
                            sb.Append(cp < 0x10000 ? ((char)cp).ToString() : char.ConvertFromUtf32(cp is >= 0xD800 and <= 0xDFFF ? 0xFFFD : cp));
                            i += len;
                        }
                        else
                        {
                            sb.Append('\\').Append(e);
                        }

                        break;
                    }

                case '\\' or '\'' or '"':
                    sb.Append(e);
                    break;
                default:
                    sb.Append('\\').Append(e);
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>Parses a number token into a literal.</summary>
    public static PythonLiteral ParseNumber(ReadOnlySpan<char> tok, bool negative)
    {
        Span<char> buf = tok.Length <= 128 ? stackalloc char[tok.Length] : new char[tok.Length];
        var n = 0;
        foreach (var c in tok)
        {
            if (c != '_')
            {
                buf[n++] = c;
            }
        }

        var t = buf[..n];
        var text = (negative ? "-" : string.Empty) + t.ToString();
        if (t.Length > 0 && t[^1] is 'j' or 'J')
        {
            return new PythonLiteral(LiteralKind.Complex, text);
        }

        if (t.Length > 2 && t[0] == '0' && t[1] is 'x' or 'X' or 'o' or 'O' or 'b' or 'B')
        {
            var radix = t[1] is 'x' or 'X' ? 16 : t[1] is 'o' or 'O' ? 8 : 2;
            try
            {
                var v = Convert.ToInt64(t[2..].ToString(), radix);
                return new PythonLiteral(LiteralKind.Int, negative ? -v : v);
            }
            catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
            {
                return new PythonLiteral(LiteralKind.Int, text);
            }
        }

        if (t.IndexOfAny(".eE") < 0)
        {
            return long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
                ? new PythonLiteral(LiteralKind.Int, negative ? -v : v)
                : new PythonLiteral(LiteralKind.Int, text);
        }

        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? new PythonLiteral(LiteralKind.Float, negative ? -d : d)
            : new PythonLiteral(LiteralKind.Float, text);
    }
}
