using System.Diagnostics;
using System.Globalization;
using AwesomeAssertions;
using MLRepro.Catalog.Tests.Support;
using MLRepro.Findings;

namespace MLRepro.Catalog.Tests.Bench;

/// <summary>
/// Load benchmark (opt-in: MLREPRO_BENCH=1): 100,000 synthetic assessments (25,000 projects × 4 commits), then the
/// p50/p95 of the ranking's filter queries. Prints a table for docs/catalog.md. Skipped in normal test runs because
/// seeding takes minutes on a shared 2-core machine.
/// </summary>
public sealed class CatalogLoadBench(ITestOutputHelper output)
{
    private const int Projects = 25_000;
    private const int CommitsPerProject = 4;
    private const int Runs = 40;

    private static readonly string[] Frameworks = ["pytorch", "scikit-learn", "tensorflow", "jax", "xgboost"];

    private static readonly (string Name, ProjectQuery Query)[] Queries =
    [
        ("first page, by stars", new ProjectQuery()),
        ("min_stars=3", new ProjectQuery { MinStars = 3 }),
        ("min_stars=3 & unmet=env.example", new ProjectQuery { MinStars = 3, Unmet = ["env.example"] }),
        ("met=config.seeds,data.managed", new ProjectQuery { Met = ["config.seeds", "data.managed"] }),
        ("framework=jax & verified", new ProjectQuery { Framework = "jax", HasVerification = true }),
        ("q=proj-1234 (name search)", new ProjectQuery { Search = "proj-1234" }),
        ("sort=name, page 200", new ProjectQuery { Sort = ProjectSort.Name, Descending = false, Page = 200 }),
        ("sort=assessed, page 1", new ProjectQuery { Sort = ProjectSort.Assessed }),
    ];

    [Fact]
    public async Task Sqlite_filter_queries_at_100k_assessments()
    {
        SkipUnlessBench();
        using var dir = new TempDir();
        using var catalog = await CatalogFactory.OpenAsync(Path.Combine(dir.Path, "bench.db"));
        await RunAsync("SQLite", catalog, assertP95Ms: 50);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Postgres_filter_queries_at_100k_assessments()
    {
        SkipUnlessBench();
        await using var db = await PostgresTestDatabase.CreateAsync();
        using var catalog = await CatalogFactory.OpenAsync(db.ConnectionString);
        await RunAsync("PostgreSQL", catalog, assertP95Ms: null);
    }

    private void Write(string line)
    {
        output.WriteLine(line);
        var dir = Path.Combine(AppContext.BaseDirectory, "test-output");
        Directory.CreateDirectory(dir);
        File.AppendAllText(Path.Combine(dir, "bench.md"), line + "\n");
    }

    private static void SkipUnlessBench()
    {
        if (Environment.GetEnvironmentVariable("MLREPRO_BENCH") != "1")
        {
            Assert.Skip("load benchmark: set MLREPRO_BENCH=1 to run (takes minutes)");
        }
    }

    private async Task RunAsync(string store, ICatalog catalog, double? assertP95Ms)
    {
        var rng = new Random(7);
        var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var seed = Stopwatch.StartNew();
        var batch = new List<StoredAssessment>();
        for (var c = 0; c < CommitsPerProject; c++)
        {
            for (var p = 0; p < Projects; p++)
            {
                var name = "proj-" + p.ToString(CultureInfo.InvariantCulture);
                var overrides = new Dictionary<string, Outcome>(StringComparer.Ordinal);
                if (rng.Next(3) == 0)
                {
                    overrides["env.example"] = Outcome.NotMet;
                }

                if (rng.Next(4) == 0)
                {
                    overrides["data.pipeline"] = Outcome.NotApplicable;
                }

                var report = TestReports.Make(name, rng.Next(17), commit: $"{p:x8}{c:x32}", overrides: overrides,
                    frameworks: [Frameworks[rng.Next(Frameworks.Length)]], verified: rng.Next(10) == 0);
                batch.Add(new StoredAssessment(new ProjectSource("/bench/" + name, name, null, null), report, t0.AddMinutes((c * Projects) + p)));
                if (batch.Count == 1000)
                {
                    await catalog.AddAssessmentsAsync(batch);
                    batch.Clear();
                }
            }
        }

        await catalog.AddAssessmentsAsync(batch);

        seed.Stop();
        Write($"{store}: seeded {Projects * CommitsPerProject:N0} assessments in {seed.Elapsed.TotalSeconds:F1} s ({Projects * CommitsPerProject / seed.Elapsed.TotalSeconds:F0}/s)");
        Write($"| {store} query | total | p50 ms | p95 ms |");
        Write("|---|---:|---:|---:|");
        var worst = 0.0;
        foreach (var (name, query) in Queries)
        {
            var times = new List<double>();
            var total = 0;
            for (var i = 0; i < Runs + 3; i++)
            {
                var sw = Stopwatch.StartNew();
                var page = await catalog.QueryProjectsAsync(query);
                sw.Stop();
                total = page.Total;
                if (i >= 3)
                {
                    times.Add(sw.Elapsed.TotalMilliseconds);
                }
            }

            times.Sort();
            var p50 = times[times.Count / 2];
            var p95 = times[(int)Math.Ceiling(times.Count * 0.95) - 1];
            worst = Math.Max(worst, p95);
            Write($"| {name} | {total:N0} | {p50:F1} | {p95:F1} |");
            total.Should().BeGreaterThanOrEqualTo(0);
        }

        (await catalog.QueryProjectsAsync(new ProjectQuery())).Total.Should().Be(Projects);
        if (assertP95Ms is { } limit)
        {
            worst.Should().BeLessThanOrEqualTo(limit, $"p95 target on {store}");
        }
    }
}
