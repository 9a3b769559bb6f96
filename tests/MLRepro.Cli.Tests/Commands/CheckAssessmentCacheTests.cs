using AwesomeAssertions;
using MLRepro.Caching;
using MLRepro.Cli.Tests.Support;
using MLRepro.Tests.Support;
using MLRepro.Verify;

namespace MLRepro.Cli.Tests.Commands;

public sealed class CheckAssessmentCacheTests
{
    public static TheoryData<string> Examples() =>
    [
        .. Directory.GetDirectories(TestPaths.Examples).Select(d => Path.GetFileName(d)).Where(n => !n.StartsWith('_')).Order(StringComparer.Ordinal),
    ];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_output_of_a_warm_check_is_byte_identical_to_a_run_without_cache(string example)
    {
        using var t = new TempDir();
        var project = Path.Combine(t.Path, example);
        Directory.CreateDirectory(project);
        CliRunner.Copy(Path.Combine(TestPaths.Examples, example), project);
        var tree = CliRunner.TreeHash(project);
        var cache = Path.Combine(t.Path, "cache");
        string[][] variants =
        [
            ["--format", "json"], ["--format", "text"], ["--format", "text", "--verbose"], ["--format", "sarif"],
            ["--format", "markdown"], ["--format", "html"], ["--min-stars", "5"], ["--min-stars", "0"],
        ];

        var cold = CliRunner.Run(["check", project, "--cache-dir", cache, .. variants[0]]);
        var entries = Entries(cache);
        entries.Should().HaveCount(1, "the first run stores its assessment");
        var stamp = File.GetLastWriteTimeUtc(entries[0]);
        foreach (var v in variants)
        {
            var none = CliRunner.Run(["check", project, "--no-cache", .. v]);
            var warm = CliRunner.Run(["check", project, "--cache-dir", cache, .. v]);
            warm.Stdout.Should().Be(none.Stdout, string.Join(' ', v));
            warm.Stderr.Should().Be(none.Stderr, string.Join(' ', v));
            warm.ExitCode.Should().Be(none.ExitCode, string.Join(' ', v));
        }

        cold.Stdout.Should().Be(CliRunner.Run("check", project, "--no-cache", "--format", "json").Stdout);
        Entries(cache).Should().Equal(entries);
        File.GetLastWriteTimeUtc(entries[0]).Should().Be(stamp, "warm runs only read the entry");
        CliRunner.TreeHash(project).Should().Be(tree, "the project is never written");

        // -o writes the same bytes as stdout.
        var file = Path.Combine(t.Path, "out.json");
        CliRunner.Run("check", project, "--cache-dir", cache, "--format", "json", "-o", file).ExitCode.Should().Be(0);
        File.ReadAllText(file).Should().Be(cold.Stdout);
    }

    [Fact]
    public void A_warm_check_prints_the_stored_assessment_without_assessing()
    {
        // Stores a doctored report under the key of the real tree: only a real hit can print it.
        using var t = new TempDir();
        var project = Path.Combine(t.Path, "project");
        Directory.CreateDirectory(project);
        CliRunner.Copy(Path.Combine(TestPaths.Examples, "03-two-stars"), project);
        var cache = Path.Combine(t.Path, "cache");
        var real = MLRepro.Assessment.Assessor.Assess(project);
        var doctored = real with { Stars = 5, Project = real.Project with { Name = "stored/assessment" } };
        var store = new AssessmentCache(cache);
        store.GetOrAssess(project, null, [], () => doctored);
        store.Writes.Should().Be(1);

        var warm = CliRunner.Run("check", project, "--cache-dir", cache, "--format", "json", "--min-stars", "5");
        warm.ExitCode.Should().Be(0, "the stored report holds 5 stars");
        warm.Stdout.Should().Contain("\"name\": \"stored/assessment\"");

        File.AppendAllText(Path.Combine(project, "README.md"), "\nOne more line.\n");
        var changed = CliRunner.Run("check", project, "--cache-dir", cache, "--format", "json");
        changed.Stdout.Should().NotContain("stored/assessment", "an edited README is a miss");
        changed.Stdout.Should().Be(CliRunner.Run("check", project, "--no-cache", "--format", "json").Stdout);
    }

    [Fact]
    public void The_verification_record_is_an_input()
    {
        using var t = new TempDir();
        var project = Path.Combine(t.Path, "project");
        Directory.CreateDirectory(project);
        CliRunner.Copy(Path.Combine(TestPaths.Examples, "04-three-stars"), project);
        var cache = Path.Combine(t.Path, "cache");
        var record = Path.Combine(t.Path, "verification.json");
        new VerificationRecord { When = new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero), Project = "project" }.Save(record);

        string Check(params string[] extra) => CliRunner.Run(["check", project, "--format", "json", .. extra]).Stdout;
        var plain = Check("--cache-dir", cache);
        var cold = Check("--cache-dir", cache, "--verification", record);
        Entries(cache).Should().HaveCount(2, "with and without a record are two assessments");
        Check("--cache-dir", cache, "--verification", record).Should().Be(cold).And.Be(Check("--no-cache", "--verification", record));
        cold.Should().Contain("2026-11-27T01:00:00Z").And.NotBe(plain);

        new VerificationRecord { When = new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero), Project = "project" }.Save(record);
        var edited = Check("--cache-dir", cache, "--verification", record);
        edited.Should().Contain("2026-11-27T02:00:00Z", "an edited record is a miss").And.Be(Check("--no-cache", "--verification", record));
        Entries(cache).Should().HaveCount(3);
        Check("--cache-dir", cache).Should().Be(plain);
    }

    [Fact]
    public void No_cache_writes_no_assessment()
    {
        using var t = new TempDir();
        var project = Path.Combine(t.Path, "project");
        Directory.CreateDirectory(project);
        CliRunner.Copy(Path.Combine(TestPaths.Examples, "02-one-star"), project);
        var cache = Path.Combine(t.Path, "cache");
        CliRunner.Run("check", project, "--no-cache", "--cache-dir", cache).ExitCode.Should().Be(0);
        Directory.Exists(cache).Should().BeFalse();
    }

    private static List<string> Entries(string cache) =>
        [.. Directory.EnumerateFiles(Path.Combine(cache, AssessmentCache.FolderName), "*.bin", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
}
