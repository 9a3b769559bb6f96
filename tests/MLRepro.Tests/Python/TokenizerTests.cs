using System.Diagnostics;
using System.Text.Json;
using AwesomeAssertions;
using MLRepro.Python;

namespace MLRepro.Tests.Python;

public sealed class TokenizerTests
{
    /// <summary>Snippets whose tokens must match CPython's tokenize (3.11 rules: no PEP 701 quote reuse here).</summary>
    public static readonly TheoryData<string> TrickySnippets =
    [
        "x = 1\n",
        "x = 1",
        "if a:\n    b = 2\n    if c:\n        d()\n\ne = 3\n",
        "def f(a,\n      b):\n    return (a +\n            b)\n",
        "x = 1 + \\\n    2\n",
        "# comment only\n\n   # indented comment\nx = 1  # trailing\n",
        "s = r'\\d+' + b\"\\x00\" + u'u' + f'{x}' + rb'raw' + BR'x' + Rb'y' + fR'{z}'\n",
        "t = '''a\nb\"\"\"c''' + \"\"\"d\n'e'\"\"\"\n",
        "n = [0x1F, 0o17, 0b1010, 1_000_000, 3.14, 1e-3, 2.5E+10, 1j, 3.0J, .5, 5., 0_0]\n",
        "a **= 2; b //= 3; c >>= 1; d <<= 1; e @= m; f -> g; h := 1; i != j; k ... \n",
        "naïve = 'ünïcödé'; 変数 = 1\n",
        "class A(B, metaclass=M):\n\tdef m(self):\n\t\tpass\n",
        "x = (1,\n\n     # inside\n     2)\n",
        "f'{a!r:>{width}} {b:.{p}f} {{literal}}'\n",
        "f\"{x['k']}\" + f'{y[\"k\"]}'\n",
        "if x:\r\n    y = 1\r\nz = 2\r\n",
        "@decorator(arg=1)\nasync def f():\n    await g()\n",
        "x = {'a': [1, (2, 3)], **other}\n",
        "lambda x=1, *a, **k: (x, a, k)\n",
        "if True:\n    pass\n  # dedented comment\n",
        "x = '''\n\n'''\ny = 1\n",
        "print(*args, sep='')\n",
    ];

    [Theory]
    [MemberData(nameof(TrickySnippets))]
    public void Tokens_match_cpython_tokenize(string snippet)
    {
        Assert.SkipWhen(PythonOracle.Interpreter is null, "no python3 interpreter");
        var expected = OracleTokens(snippet);
        var result = Tokenizer.Tokenize(snippet);
        var actual = result.Tokens.Select(t => $"{Name(t.Kind)} {JsonSerializer.Serialize(t.Text(snippet))} {t.Line}:{t.Column - 1}").ToList();
        actual.Should().Equal(expected);
        result.Diagnostics.Should().BeEmpty();
    }

    private static string Name(TokenKind k) => k switch
    {
        TokenKind.EndMarker => "ENDMARKER",
        TokenKind.ErrorToken => "ERRORTOKEN",
        _ => k.ToString().ToUpperInvariant(),
    };

    private static List<string> OracleTokens(string snippet)
    {
        var json = PythonOracle.Run("tokenize_oracle.py", JsonSerializer.Serialize(new[] { snippet }));
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement[0].EnumerateArray()
            .Select(t => $"{t[0].GetString()} {JsonSerializer.Serialize(t[1].GetString())} {t[2].GetInt32()}:{t[3].GetInt32()}")
            .ToList();
    }

    [Fact]
    public void Pep701_fstrings_nest_quotes_of_the_same_kind_and_expose_their_fields()
    {
        const string src = "s = f\"{d[\"key\"]} {f\"{inner(1)}\"} {x!r:>{width}} {y=}\"\nz = 1\n";
        var r = Tokenizer.Tokenize(src);
        r.Diagnostics.Should().BeEmpty();
        var strings = r.Tokens.Where(t => t.Kind == TokenKind.String).ToList();
        strings.Should().ContainSingle("the whole f-string is one token");
        strings[0].Text(src).Should().EndWith("{y=}\"");
        r.FStringFields.Select(f => src[f.Start..f.End]).Should().Equal("d[\"key\"]", "f\"{inner(1)}\"", "x", "width", "y");
        r.Tokens.Count(t => t.Kind == TokenKind.Newline).Should().Be(2);
    }

    [Fact]
    public void Fstring_fields_are_summarized_with_nested_fstrings()
    {
        var s = ModuleSummary.Parse("m.py", "import numpy as np\nprint(f\"{np.mean(f'{np.std(x)}')!r:>{width(3)}}\")\n");
        s.Calls.Select(c => c.Target).Should().BeEquivalentTo(["print", "numpy.mean", "numpy.std", "width"]);
        s.Calls.Single(c => c.Target == "numpy.std").Column.Should().Be(21);
    }

    [Theory]
    [InlineData("s = 'unterminated\nx = 1\n", "python.unterminated-string")]
    [InlineData("s = '''never closed\nx = 1\n", "python.unterminated-string")]
    [InlineData("x = (1, 2\ny = 3\n", "python.unclosed-bracket")]
    [InlineData("x = 1)\n", "python.unbalanced-bracket")]
    [InlineData("if x:\n        a = 1\n    b = 2\n", "python.inconsistent-dedent")]
    [InlineData("if x:\n\ta = 1\n        b = 2\n", "python.tab-space-mix")]
    [InlineData("x = $y\n", "python.invalid-character")]
    [InlineData("x = 1 \\ y\n", "python.stray-backslash")]
    public void Malformed_input_gives_tokens_and_a_diagnostic(string src, string code)
    {
        var r = Tokenizer.Tokenize(src, "bad.py");
        r.Diagnostics.Should().Contain(d => d.Code == code && d.Path == "bad.py" && d.Span != null);
        r.Tokens[^1].Kind.Should().Be(TokenKind.EndMarker);
    }

    [Fact]
    public void Unclosed_bracket_recovers_at_the_next_top_level_def()
    {
        var s = ModuleSummary.Parse("m.py", "x = foo(1,\n\ndef g():\n    import os\n    os.getcwd()\n");
        s.Functions.Select(f => f.Name).Should().Equal("g");
        s.Calls.Select(c => c.Target).Should().Contain("os.getcwd");
    }

    [Fact]
    public void Ten_thousand_deep_nesting_is_iterative()
    {
        var deep = "x = " + new string('(', 10_000) + "1" + new string(')', 10_000) + "\n" + "y = " + new string('[', 10_000) + "\n";
        var fdeep = "z = " + string.Concat(Enumerable.Repeat("f'{", 5_000)) + "x" + string.Concat(Enumerable.Repeat("}'", 5_000)) + "\n";
        var sw = Stopwatch.StartNew();
        var r = Tokenizer.Tokenize(deep + fdeep);
        var s = ModuleSummary.Parse("deep.py", deep + fdeep + "f" + new string('(', 10_000) + "\n");
        sw.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
        r.Diagnostics.Should().Contain(d => d.Code == "python.unclosed-bracket");
        s.Assignments.Select(a => a.Target).Should().Contain("x");
        s.Diagnostics.Should().NotBeEmpty();
    }

    [Fact]
    public void Positions_are_one_based_with_offsets()
    {
        const string src = "a = 1\n  \nif b:\n    c(d)\n";
        var toks = Tokenizer.Tokenize(src).Tokens;
        var c = toks.First(t => t.Kind == TokenKind.Name && t.Text(src) == "c");
        (c.Line, c.Column, c.Offset).Should().Be((4, 5, src.IndexOf("c(d)", StringComparison.Ordinal)));
    }
}
