using AwesomeAssertions;
using MLRepro.Analysis;

namespace MLRepro.Tests.Analysis;

public sealed class CommandLinesTests
{
    [Theory]
    [InlineData("cd implementations/acgan/", "", "implementations/acgan")]
    [InlineData("cd ../implementations/bicyclegan/", "data", "implementations/bicyclegan")]
    [InlineData("cd src && python train.py", "", "src")]
    [InlineData("cd a; cd b", "", "a/b")]
    [InlineData("python train.py", "src", "src")]
    [InlineData("cd ..", "", null)]
    [InlineData("cd $HOME/project", "", null)]
    [InlineData("cd /opt/app", "", null)]
    public void Cd_moves_the_working_folder(string command, string? cwd, string? expected) =>
        CommandLines.ApplyCd(command, cwd).Should().Be(expected);

    [Theory]
    [InlineData("python .github/workflows/json_to_md.py a.json", ".github/workflows/json_to_md.py")]
    [InlineData("python ./src/train.py", "src/train.py")]
    [InlineData("python3 acgan.py", "acgan.py")]
    public void Script_paths_keep_a_leading_dot_folder(string command, string expected) =>
        CommandLines.PythonTarget(command).Should().Be(expected);
}
