using AwesomeAssertions;
using MLRepro.Python;

namespace MLRepro.Tests.Python;

public sealed class TokenizerEdgeTests
{
    /// <summary>Found by the FsCheck property: an f-string replacement field ending in a backslash at end of input.</summary>
    [Theory]
    [InlineData("f\"lambda {\\")]
    [InlineData("?}\r\n'case torch$..{\"\"\"}yield from 0x_1?class open({{]torchfrom '\r`add_argument(;f\"lambda {\\")]
    public void Tokens_never_reach_past_the_end_of_the_input(string src)
    {
        var r = Tokenizer.Tokenize(src, "p.py");
        r.Tokens.Should().OnlyContain(t => t.End <= src.Length && t.Offset >= 0);
        r.Tokens[^1].Kind.Should().Be(TokenKind.EndMarker);
    }
}
