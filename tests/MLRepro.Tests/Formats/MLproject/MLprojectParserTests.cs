using AwesomeAssertions;
using MLRepro.Formats.MLproject;
using MLRepro.Text;

namespace MLRepro.Tests.Formats.MLproject;

public sealed class MLprojectParserTests
{
    [Fact]
    public void Docker_env_image_and_missing_command_are_recorded()
    {
        var doc = MLprojectParser.Parse(new SourceText("MLproject", "name: x\ndocker_env:\n  image: org/train:1.2\nentry_points:\n  main:\n    parameters:\n      n: {type: int, default: 3}\n"));

        doc.EnvironmentKind.Should().Be("docker_env");
        doc.Environment.Should().Be("org/train:1.2");
        doc.EntryPoints.Single().Parameters.Single().Should().Be(new MLprojectParameter("n", "int", "3", 7));
        doc.Diagnostics.Should().ContainSingle(d => d.Code == "mlproject.no-command");
    }
}
