using System.Diagnostics;
using AwesomeAssertions;
using FsCheck.Xunit;
using MLRepro.Formats.Conda;
using MLRepro.Formats.Containers;
using MLRepro.Formats.Dependencies;
using MLRepro.Formats.Locks;
using MLRepro.Formats.Pipfile;
using MLRepro.Formats.PyProject;
using MLRepro.Formats.Requirements;
using MLRepro.Formats.Runtime;
using MLRepro.Formats.SetupCfg;
using MLRepro.Formats.SetupPy;
using MLRepro.Tests.Support;
using MLRepro.Text;

namespace MLRepro.Tests.Formats.Environment;

/// <summary>
/// Property tests: every parser of this area, fed random text and randomly mutated real fixtures, returns a
/// document (never throws) and finishes fast.
/// </summary>
public sealed class EnvironmentParserPropertyTests
{
    /// <summary>Longest a single parse of a small input may take.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    private static readonly (string File, Func<SourceText, object> Parse)[] Parsers =
    [
        ("requirements.txt", s => RequirementsParser.Parse(s)),
        ("pyproject.toml", s => PyProjectParser.Parse(s)),
        ("setup.cfg", s => SetupCfgParser.Parse(s)),
        ("setup.py", s => SetupPyParser.Parse(s)),
        ("environment.yml", s => CondaEnvironmentParser.Parse(s)),
        ("conda-lock.yml", s => CondaLockParser.Parse(s)),
        ("Pipfile", s => PipfileParser.Parse(s)),
        ("Pipfile.lock", s => PipfileLockParser.Parse(s)),
        ("poetry.lock", s => TomlLockParser.Parse(s, DependencyFileFormat.PoetryLock)),
        ("install.sh", s => ShellScriptParser.Parse(s)),
        ("Dockerfile", s => DockerfileParser.Parse(s)),
        ("docker-compose.yml", s => ComposeParser.Parse(s)),
        ("devcontainer.json", s => DevcontainerParser.Parse(s)),
        ("cog.yaml", s => CogParser.Parse(s)),
        ("train.def", s => ApptainerParser.Parse(s)),
        ("flake.nix", s => NixParser.Parse(s)),
        (".python-version", s => RuntimeParser.ParsePythonVersionFile(s)),
        (".tool-versions", s => RuntimeParser.ParseToolVersions(s)),
        ("mise.toml", s => RuntimeParser.ParseToolVersions(s)),
        ("runtime.txt", s => RuntimeParser.ParseRuntimeTxt(s)),
        ("tox.ini", s => RuntimeParser.ParseToxIni(s)),
        ("noxfile.py", s => RuntimeParser.ParseNoxfile(s)),
        ("ci.yml", s => RuntimeParser.ParseWorkflow(s, [])),
    ];

    private static readonly Lazy<string[]> Seeds = new(() =>
        [.. Directory.EnumerateFiles(Path.Combine(TestPaths.Fixtures, "Formats"), "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("expected.json", StringComparison.Ordinal) && IsEnvironmentFixture(f))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)]);

    private static bool IsEnvironmentFixture(string f)
    {
        var rel = Path.GetRelativePath(Path.Combine(TestPaths.Fixtures, "Formats"), f).Replace('\\', '/');
        return rel.Split('/')[0] is "Requirements" or "PyProject" or "SetupCfg" or "SetupPy" or "Conda" or "Pipfile" or "Locks" or "Runtime" or "Containers" or "Dependencies";
    }

    private const string Structural = "[]{}()=:;,#\"'\\\n\r\t -@*&!|<>$%`.~^+_/";

    [Property(MaxTest = 150)]
    public void Random_text_never_throws(string? text)
    {
        RunAll(text ?? string.Empty);
    }

    [Property(MaxTest = 150)]
    public void Mutated_fixtures_never_throw(int seed, byte mutations)
    {
        var rng = new Random(seed);
        var seeds = Seeds.Value;
        var text = seeds[rng.Next(seeds.Length)].ToCharArray().ToList();
        for (var i = 0; i < 1 + (mutations % 24) && text.Count > 0; i++)
        {
            var at = rng.Next(text.Count);
            switch (rng.Next(4))
            {
                case 0:
                    text.RemoveAt(at);
                    break;
                case 1:
                    text.Insert(at, Structural[rng.Next(Structural.Length)]);
                    break;
                case 2:
                    text[at] = Structural[rng.Next(Structural.Length)];
                    break;
                default:
                    // Duplicate a slice: repeated keys, repeated headers, unbalanced brackets.
                    var len = Math.Min(rng.Next(1, 40), text.Count - at);
                    text.InsertRange(at, text.GetRange(at, len));
                    break;
            }
        }

        RunAll(new string([.. text]));
    }

    [Fact]
    public void Unmutated_fixtures_parse_with_every_parser()
    {
        Seeds.Value.Should().HaveCountGreaterThan(30);
        foreach (var s in Seeds.Value)
        {
            RunAll(s);
        }
    }

    private static void RunAll(string text)
    {
        foreach (var (file, parse) in Parsers)
        {
            var sw = Stopwatch.StartNew();
            var result = parse(new SourceText(file, text));
            sw.Stop();
            result.Should().NotBeNull();
            sw.Elapsed.Should().BeLessThan(Budget, $"{file} parser on {text.Length} chars");
        }

        // The line-level readers used by notebooks and scripts too.
        PipInstallParser.Parse(text, "x.sh", 1).IsDefault.Should().BeFalse();
        _ = RequirementSpec.Parse(text, out _);
        _ = CondaSpec.Parse(text, "environment.yml", 1, DependencyKind.Conda, out _);
        _ = ImageReferenceParser.Parse(text, 1);
    }
}
