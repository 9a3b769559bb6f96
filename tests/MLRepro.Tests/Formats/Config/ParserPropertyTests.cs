using System.Diagnostics;
using AwesomeAssertions;
using FsCheck;
using FsCheck.Xunit;
using MLRepro.Formats.Config;
using MLRepro.Formats.Dvc;
using MLRepro.Formats.Kedro;
using MLRepro.Formats.Makefile;
using MLRepro.Formats.MLproject;
using MLRepro.Formats.Snakemake;
using MLRepro.Formats.Workflows;
using MLRepro.Model;
using MLRepro.Tests.Support;
using MLRepro.Text;

namespace MLRepro.Tests.Formats.Config;

/// <summary>Random and mutated inputs never make a parser throw, and each parse finishes fast.</summary>
public sealed class ParserPropertyTests
{
    private static readonly TimeSpan Bound = MLRepro.Tests.Support.Bounds.HostileInput;

    /// <summary>Every parser of this area, keyed by a name for messages.</summary>
    private static readonly (string Name, Action<SourceText> Parse)[] Parsers =
    [
        ("yaml", t => ConfigParser.Parse(t, ConfigFormat.Yaml, ConfigRole.General)),
        ("json", t => ConfigParser.Parse(t, ConfigFormat.Json, ConfigRole.General)),
        ("toml", t => ConfigParser.Parse(t, ConfigFormat.Toml, ConfigRole.General)),
        ("ini", t => ConfigParser.Parse(t, ConfigFormat.Ini, ConfigRole.General)),
        ("env", t => ConfigParser.Parse(t, ConfigFormat.Env, ConfigRole.Environment)),
        ("gin", t => ConfigParser.Parse(t, ConfigFormat.Gin, ConfigRole.General)),
        ("dvc.yaml", t => Pipeline.From(DvcParser.ParsePipeline(t, _ => t)).TopologicalOrder()),
        ("dvc.lock", t => DvcParser.ParseLock(t)),
        (".dvc", t => DvcParser.ParseDvcFile(t)),
        (".dvc/config", t => DvcParser.ParseConfig(t)),
        ("MLproject", t => Pipeline.From(MLprojectParser.Parse(t))),
        ("Makefile", t => Pipeline.From(MakefileParser.Parse(t)).TopologicalOrder()),
        ("Snakefile", t => Pipeline.From(SnakemakeParser.Parse(t)).TopologicalOrder()),
        ("catalog", t => KedroParser.ParseCatalog(t)),
        ("github", t => WorkflowParser.Parse(t, CiSystem.GitHubActions)),
        ("gitlab", t => WorkflowParser.Parse(t, CiSystem.GitLabCi)),
    ];

    private static readonly Lazy<string[]> Samples = new(() =>
        [.. Directory.GetFiles(Path.Combine(TestPaths.Fixtures, "Formats"), "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("expected.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)]);

    private static void ParseAll(string text)
    {
        foreach (var (name, parse) in Parsers)
        {
            var sw = Stopwatch.StartNew();
            var act = () => parse(new SourceText("f", text));
            act.Should().NotThrow($"the {name} parser must turn any content into diagnostics");
            sw.Elapsed.Should().BeLessThan(Bound, $"the {name} parser must finish fast");
        }
    }

    [Property(MaxTest = 150)]
    public void Random_text_never_throws(NonNull<string> text) => ParseAll(text.Get);

    [Property(MaxTest = 150)]
    public void Random_structured_tokens_never_throw(int[] picks)
    {
        // Tokens of the formats themselves reach deeper into the parsers than arbitrary characters do.
        string[] tokens = ["\n", "  ", "\t", ":", "- ", "[", "]", "{", "}", ",", "\"", "'", "&a ", "*a", "<<: ", "---\n", "${x}", "{{ y }}", "{% z %}", "=", "#", "\\\n", "stages:", "cmd: ", "foreach:", "do:", "matrix:", "rule r:", "    input:", "    shell:", "\"\"\"", "[[t]]", "[s]", "a.b = 1", "x:= $(X)", "\ttab", "jobs:", "steps:", "run: |", "outs:", "params:", "defaults:", "yes", "1e-3", "~", "!!str ", "?"];
        var text = string.Concat((picks ?? []).Select(p => tokens[(int)((uint)p % (uint)tokens.Length)]));
        ParseAll(text);
    }

    [Property(MaxTest = 100)]
    public void Mutated_fixtures_never_throw(PositiveInt sample, int seed, byte edits)
    {
        var samples = Samples.Value;
        var chars = samples[sample.Get % samples.Length].ToList();
        var rnd = new Random(seed);
        for (var i = 0; i < 1 + (edits % 16) && chars.Count > 0; i++)
        {
            var at = rnd.Next(chars.Count);
            switch (rnd.Next(4))
            {
                case 0:
                    chars.RemoveAt(at);
                    break;
                case 1:
                    chars.Insert(at, "\n\t :-[]{}\"'&*#$%\\"[rnd.Next(17)]);
                    break;
                case 2:
                    chars.InsertRange(at, chars.Skip(at).Take(rnd.Next(1, 40)).ToList());
                    break;
                default:
                    chars[at] = (char)rnd.Next(0, 0x3000);
                    break;
            }
        }

        ParseAll(new string([.. chars]));
    }
}
