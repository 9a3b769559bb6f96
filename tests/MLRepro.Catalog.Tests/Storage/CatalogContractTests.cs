using System.Text.Json;
using AwesomeAssertions;
using MLRepro.Catalog.Storage;
using MLRepro.Catalog.Tests.Support;
using MLRepro.Findings;
using MLRepro.Reporting;
using MLRepro.Reporting.Json;

namespace MLRepro.Catalog.Tests.Storage;

/// <summary>The one behaviour every catalog store must have; each store runs it through a subclass.</summary>
public abstract class CatalogContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    protected ICatalog Catalog { get; private set; } = null!;

    /// <summary>Opens a fresh, empty store.</summary>
    protected abstract Task<ICatalog> OpenFreshAsync();

    /// <summary>Opens the same store again (a second process starting on the same database).</summary>
    protected abstract Task<ICatalog> ReopenAsync();

    public async ValueTask InitializeAsync() => Catalog = await OpenFreshAsync();

    public virtual ValueTask DisposeAsync()
    {
        Catalog?.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private static ProjectSource Local(string name) => new("/src/" + name, name, null, null);

    private static ProjectSource Forge(string owner, string repo) => new($"https://example.org/{owner}/{repo}", owner + "/" + repo, owner, repo);

    [Fact]
    public async Task Migrations_are_applied_once_and_reopening_keeps_data()
    {
        Catalog.SchemaVersion.Should().Be(Migrations.All.Max(m => m.Version));
        await Catalog.AddAssessmentAsync(Local("a"), TestReports.Make("a", 3), T0);
        using var again = await ReopenAsync();
        again.SchemaVersion.Should().Be(Catalog.SchemaVersion);
        (await again.QueryProjectsAsync(new ProjectQuery())).Total.Should().Be(1);
    }

    [Fact]
    public async Task Stored_report_round_trips_with_evidence_and_summary()
    {
        var report = TestReports.Make("owner/proj", TestReports.MetFor(2), commit: "abc123", frameworks: ["pytorch", "scikit-learn"], verified: true,
            evidenceSnippet: "<script>alert(1)</script>", evidencePath: "évaluation/ü.py");
        var id = await Catalog.AddAssessmentAsync(Forge("owner", "proj"), report, T0);

        var stored = await Catalog.GetAssessmentAsync(id);
        stored.Should().NotBeNull();
        JsonSerializer.Serialize(stored!.Report, JsonDefaults.Options).Should().Be(JsonSerializer.Serialize(report, JsonDefaults.Options));
        stored.Summary.Commit.Should().Be("abc123");
        stored.Summary.AssessedAt.Should().Be(T0);
        stored.Summary.HasVerification.Should().BeTrue();

        var project = await Catalog.GetProjectAsync(stored.Summary.ProjectId);
        project!.Name.Should().Be("owner/proj");
        project.Stars.Should().Be(2);
        project.Frameworks.Should().Equal("pytorch", "scikit-learn");
        project.Levels.Select(l => (l.Met, l.Applicable)).Should().Equal((3, 3), (4, 4), (0, 4), (0, 3), (0, 2));
        project.AssessmentCount.Should().Be(1);
    }

    [Fact]
    public async Task History_is_kept_and_the_newest_assessment_is_current()
    {
        var src = Local("hist");
        var first = await Catalog.AddAssessmentAsync(src, TestReports.Make("hist", 3, commit: "c1"), T0);
        var second = await Catalog.AddAssessmentAsync(src, TestReports.Make("hist", 16, commit: "c2"), T0.AddHours(1));
        // An older assessment stored late must not become current.
        await Catalog.AddAssessmentAsync(src, TestReports.Make("hist", 0, commit: "c0"), T0.AddHours(-1));

        (await Catalog.LatestCommitAsync(src.Source)).Should().Be("c2");
        (await Catalog.LatestCommitAsync("/nowhere")).Should().BeNull();
        var project = (await Catalog.QueryProjectsAsync(new ProjectQuery())).Items.Single();
        project.AssessmentId.Should().Be(second);
        project.Stars.Should().Be(5);
        project.AssessmentCount.Should().Be(3);
        var history = await Catalog.GetAssessmentsAsync(project.Id);
        history.Select(h => h.Commit).Should().Equal("c2", "c1", "c0");
        history[1].Id.Should().Be(first);
    }

    [Fact]
    public async Task Filters_select_on_the_latest_assessment()
    {
        var noEnvExample = new Dictionary<string, Outcome> { ["env.example"] = Outcome.NotMet };
        await Catalog.AddAssessmentAsync(Local("three-no-docker"), TestReports.Make("three-no-docker", TestReports.MetFor(5), overrides: noEnvExample, frameworks: ["pytorch"]), T0);
        await Catalog.AddAssessmentAsync(Local("five"), TestReports.Make("five", 16, frameworks: ["scikit-learn"], verified: true), T0);
        await Catalog.AddAssessmentAsync(Local("one-no-docker"), TestReports.Make("one-no-docker", 3), T0);
        await Catalog.AddAssessmentAsync(Local("partial-docker"), TestReports.Make("partial-docker", TestReports.MetFor(3),
            overrides: new Dictionary<string, Outcome> { ["env.example"] = Outcome.Partial }), T0);
        await Catalog.AddAssessmentAsync(Local("unknown-docker"), TestReports.Make("unknown-docker", TestReports.MetFor(3),
            overrides: new Dictionary<string, Outcome> { ["env.example"] = Outcome.Inconclusive }), T0);
        // Older assessment had env.example unmet; the newer one meets it, so only the newer one counts.
        await Catalog.AddAssessmentAsync(Local("fixed-later"), TestReports.Make("fixed-later", 3, overrides: noEnvExample), T0);
        await Catalog.AddAssessmentAsync(Local("fixed-later"), TestReports.Make("fixed-later", 16), T0.AddDays(1));

        async Task<string[]> Names(ProjectQuery q) => [.. (await Catalog.QueryProjectsAsync(q with { Sort = ProjectSort.Name, Descending = false })).Items.Select(p => p.Name)];

        (await Names(new ProjectQuery { MinStars = 3 })).Should().Equal("five", "fixed-later", "partial-docker", "three-no-docker", "unknown-docker");
        (await Names(new ProjectQuery { MinStars = 3, Unmet = ["env.example"] })).Should().Equal("partial-docker", "three-no-docker");
        (await Names(new ProjectQuery { Met = ["env.example", "eval.predict"] })).Should().Equal("five", "fixed-later");
        (await Names(new ProjectQuery { Met = ["code.runs"], Unmet = ["config.files"] })).Should().Equal("one-no-docker");
        (await Names(new ProjectQuery { Framework = "PyTorch" })).Should().Equal("three-no-docker");
        (await Names(new ProjectQuery { Framework = "torch" })).Should().BeEmpty("framework matches whole names, not substrings");
        (await Names(new ProjectQuery { HasVerification = true })).Should().Equal("five");
        (await Names(new ProjectQuery { HasVerification = false })).Should().HaveCount(5);
        (await Names(new ProjectQuery { Search = "DOCKER" })).Should().Equal("one-no-docker", "partial-docker", "three-no-docker", "unknown-docker");
        (await Names(new ProjectQuery { Search = "%" })).Should().BeEmpty("LIKE wildcards in the search text are literal");
        (await Names(new ProjectQuery { Met = ["no.such.criterion"] })).Should().BeEmpty();
    }

    [Fact]
    public async Task Sorting_and_pagination_are_stable()
    {
        for (var i = 0; i < 25; i++)
        {
            var name = "p" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
            await Catalog.AddAssessmentAsync(Local(name), TestReports.Make(name, i % 17), T0.AddMinutes(i));
        }

        var byStars = await Catalog.QueryProjectsAsync(new ProjectQuery { PageSize = 100 });
        byStars.Items.Select(p => p.Stars).Should().BeInDescendingOrder();
        byStars.Items[0].Name.Should().Be("p16", "16 met criteria beat 15 among 4-star projects via level progress");

        var byName = await Catalog.QueryProjectsAsync(new ProjectQuery { Sort = ProjectSort.Name, Descending = false, PageSize = 100 });
        byName.Items.Select(p => p.Name).Should().BeInAscendingOrder(StringComparer.Ordinal);

        var byTime = await Catalog.QueryProjectsAsync(new ProjectQuery { Sort = ProjectSort.Assessed, PageSize = 100 });
        byTime.Items[0].Name.Should().Be("p24");

        var pages = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var p = await Catalog.QueryProjectsAsync(new ProjectQuery { Sort = ProjectSort.Name, Descending = false, Page = page, PageSize = 10 });
            p.Total.Should().Be(25);
            p.PageCount.Should().Be(3);
            pages.AddRange(p.Items.Select(x => x.Name));
        }

        pages.Should().Equal(byName.Items.Select(p => p.Name));
        var beyond = await Catalog.QueryProjectsAsync(new ProjectQuery { Page = 9, PageSize = 10 });
        beyond.Items.Should().BeEmpty();
        beyond.Total.Should().Be(25, "the total is counted even past the last page");
        (await Catalog.QueryProjectsAsync(new ProjectQuery { Search = "nothing-matches" })).Total.Should().Be(0);
    }

    [Fact]
    public async Task Failures_are_recorded_with_their_reason()
    {
        await Catalog.RecordFailureAsync("https://example.org/a/b", "git failed: not found", T0);
        await Catalog.RecordFailureAsync("ext::sh -c x", "refused: ext", T0.AddMinutes(1));
        var failures = await Catalog.GetFailuresAsync();
        failures.Select(f => f.Reason).Should().Equal("refused: ext", "git failed: not found");
        failures[1].FailedAt.Should().Be(T0);
    }

    [Fact]
    public async Task Projects_are_found_by_owner_repo_or_local_name()
    {
        await Catalog.AddAssessmentAsync(Forge("Org", "Model"), TestReports.Make("Org/Model", 7), T0);
        await Catalog.AddAssessmentAsync(Local("mine"), TestReports.Make("mine", 3), T0);
        (await Catalog.FindProjectAsync("org", "model"))!.Stars.Should().Be(2);
        (await Catalog.FindProjectAsync(null, "mine"))!.Stars.Should().Be(1);
        (await Catalog.FindProjectAsync(null, "Org/Model")).Should().BeNull();
        (await Catalog.FindProjectAsync("org", "other")).Should().BeNull();
        (await Catalog.GetCriteriaAsync()).Should().HaveCount(16).And.Contain("env.example");
    }

    [Fact]
    public async Task Frameworks_list_the_latest_assessments()
    {
        await Catalog.AddAssessmentAsync(Local("a"), TestReports.Make("a", 3, frameworks: ["tensorflow"]), T0);
        await Catalog.AddAssessmentAsync(Local("a"), TestReports.Make("a", 3, frameworks: ["pytorch"]), T0.AddHours(1));
        await Catalog.AddAssessmentAsync(Local("b"), TestReports.Make("b", 3, frameworks: ["jax", "pytorch"]), T0);
        (await Catalog.GetFrameworksAsync()).Should().Equal("jax", "pytorch");
    }

    [Fact]
    public async Task Batch_import_stores_all_in_order()
    {
        var batch = Enumerable.Range(0, 30)
            .Select(i => new StoredAssessment(Local("b" + (i % 3)), TestReports.Make("b", i % 17, commit: "c" + i), T0.AddMinutes(i)))
            .ToList();
        var ids = await Catalog.AddAssessmentsAsync(batch);
        ids.Should().HaveCount(30).And.BeInAscendingOrder().And.OnlyHaveUniqueItems();
        (await Catalog.LatestCommitAsync("/src/b2")).Should().Be("c29");
        (await Catalog.GetAssessmentAsync(ids[7]))!.Report.Project.Commit.Should().Be("c7");
        (await Catalog.QueryProjectsAsync(new ProjectQuery())).Items.Sum(p => p.AssessmentCount).Should().Be(30);
    }

    [Fact]
    public async Task Concurrent_writers_do_not_lose_assessments()
    {
        await Parallel.ForAsync(0, 40, async (i, ct) =>
            await Catalog.AddAssessmentAsync(Local("c" + (i % 8)), TestReports.Make("c", i % 17), T0.AddSeconds(i), ct));
        var page = await Catalog.QueryProjectsAsync(new ProjectQuery());
        page.Total.Should().Be(8);
        page.Items.Sum(p => p.AssessmentCount).Should().Be(40);
    }
}

/// <summary>The contract on SQLite (a temp file).</summary>
public sealed class SqliteCatalogTests : CatalogContractTests
{
    private readonly TempDir dir = new();

    protected override async Task<ICatalog> OpenFreshAsync() => await CatalogFactory.OpenAsync(Path.Combine(dir.Path, "catalog.db"));

    protected override Task<ICatalog> ReopenAsync() => OpenFreshAsync();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        dir.Dispose();
    }
}

/// <summary>The contract on PostgreSQL (a fresh schema in the server named by MLREPRO_TEST_PG).</summary>
public sealed class PostgresCatalogTests : CatalogContractTests
{
    private PostgresTestDatabase? db;

    protected override async Task<ICatalog> OpenFreshAsync()
    {
        db = await PostgresTestDatabase.CreateAsync();
        CatalogFactory.IsPostgres(db.ConnectionString).Should().BeTrue();
        return await CatalogFactory.OpenAsync(db.ConnectionString);
    }

    protected override Task<ICatalog> ReopenAsync() => CatalogFactory.OpenAsync(db!.ConnectionString);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (db is not null)
        {
            await db.DisposeAsync();
        }
    }
}
