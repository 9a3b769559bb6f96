using AwesomeAssertions;
using MLRepro.Formats.Makefile;
using MLRepro.Text;

namespace MLRepro.Tests.Formats.Makefile;

public sealed class MakefileParserTests
{
    [Fact]
    public void Self_referencing_variables_stop_expanding()
    {
        var doc = MakefileParser.Parse(new SourceText("Makefile", "X = $(X) a\nt:\n\techo $(X)\n"));

        doc.Rules.Single().Recipe.Single().Expanded.Length.Should().BeLessThan(200);
    }

    [Fact]
    public void Appends_inline_recipes_continuations_and_prefixes()
    {
        var text = "ARGS := --lr 0.1\nARGS += --seed 1\nmodel.pt: train.py ; python train.py $(ARGS)\nreport: model.pt\n\t@python report.py \\\n\t  --model model.pt\n\t-rm -f tmp\n";

        var doc = MakefileParser.Parse(new SourceText("Makefile", text));

        doc.Rules[0].Recipe.Single().Expanded.Should().Be("python train.py --lr 0.1 --seed 1");
        doc.Rules[1].Recipe.Select(r => (r.Expanded, r.Line)).Should().Equal(("python report.py  --model model.pt", 5), ("rm -f tmp", 7));
    }

    [Fact]
    public void Colons_inside_variable_references_are_not_rules()
    {
        var doc = MakefileParser.Parse(new SourceText("Makefile", "SRC := $(wildcard src/*.py)\nOBJ = $(SRC:.py=.pyc)\nall: $(OBJ)\n"));

        doc.Variables.Select(v => v.Name).Should().Equal("SRC", "OBJ");
        doc.Rules.Single().Targets.Should().Equal("all");
    }
}
