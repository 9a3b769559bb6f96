using AwesomeAssertions;
using MLRepro.Formats.Snakemake;
using MLRepro.Text;

namespace MLRepro.Tests.Formats.Snakemake;

public sealed class SnakemakeParserTests
{
    [Fact]
    public void Fields_on_the_same_line_and_rules_inside_blocks_are_read()
    {
        var text = "if config.get('train'):\n    rule fit:\n        input: 'a.csv', 'b.csv'\n        output: 'm.pkl'\n        shell: 'python fit.py {input} {output}'\n\nrule plot:\n    input: rules.fit.output\n    output: \"p.png\"\n    run:\n        import x\n        x.plot()\n";

        var doc = SnakemakeParser.Parse(new SourceText("Snakefile", text));

        doc.Rules.Select(r => r.Name).Should().Equal("fit", "plot");
        doc.Rules[0].Field("input")!.Strings.Should().Equal("a.csv", "b.csv");
        doc.Rules[0].Field("shell")!.Line.Should().Be(5);
        doc.Rules[1].Field("run")!.Text.Should().Contain("x.plot()");
        doc.Rules[1].Field("input")!.Strings.Should().BeEmpty("rule references are code, not file names");
    }

    [Fact]
    public void A_file_without_rules_is_diagnosed()
    {
        SnakemakeParser.Parse(new SourceText("x.smk", "print('hi')\n")).Diagnostics.Should().ContainSingle(d => d.Code == "snakemake.no-rules");
    }
}
