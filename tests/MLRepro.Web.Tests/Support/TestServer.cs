using Microsoft.AspNetCore.Builder;
using MLRepro.Catalog;
using MLRepro.Findings;

namespace MLRepro.Web.Tests.Support;

/// <summary>A real Kestrel server on 127.0.0.1 with a free port over a seeded SQLite catalog.</summary>
public sealed class TestServer : IAsyncDisposable
{
    /// <summary>Markup planted in a scanned repository's names, paths and evidence: must render inert.</summary>
    public const string EvilName = "evil<script>window.__pwned=1</script>";
    public const string EvilPath = "<img src=x onerror=\"window.__pwned=2\">.py";
    public const string EvilSnippet = "</code></pre><script>window.__pwned=3</script>";
    public const string EvilMessage = "<a href=\"javascript:window.__pwned=4\">click</a> [x](javascript:alert(1))";

    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly TempDir dir = new();
    private WebApplication? app;

    public ICatalog Catalog { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public HttpClient Http { get; } = new();

    public long GoodId { get; private set; }

    public long ThreeId { get; private set; }

    public long EvilId { get; private set; }

    /// <summary>The two assessments of beta/three, older first.</summary>
    public (long Old, long New) ThreeAssessments { get; private set; }

    public static async Task<TestServer> StartAsync(Func<CatalogWebOptions, CatalogWebOptions>? configure = null, bool seed = true)
    {
        var s = new TestServer();
        s.Catalog = await CatalogFactory.OpenAsync(Path.Combine(s.dir.Path, "catalog.db"));
        if (seed)
        {
            await s.SeedAsync();
        }

        var options = new CatalogWebOptions { Urls = "http://127.0.0.1:0", ScanToken = null };
        options = configure?.Invoke(options) ?? options;
        s.app = CatalogWebApp.Build(options, s.Catalog);
        await s.app.StartAsync();
        s.BaseUrl = s.app.Urls.First().TrimEnd('/');
        s.Http.BaseAddress = new Uri(s.BaseUrl);
        return s;
    }

    private async Task SeedAsync()
    {
        var good = await Catalog.AddAssessmentAsync(new ProjectSource("https://example.org/alpha/good", "alpha/good", "alpha", "good"),
            TestReports.Make("alpha/good", 16, commit: "1111111111aaaa", frameworks: ["pytorch"], verified: true), T0);
        var noDocker = new Dictionary<string, Outcome> { ["env.example"] = Outcome.NotMet };
        var threeOld = await Catalog.AddAssessmentAsync(new ProjectSource("https://example.org/beta/three", "beta/three", "beta", "three"),
            TestReports.Make("beta/three", TestReports.MetFor(1), commit: "2222222222bbbb", frameworks: ["scikit-learn"]), T0);
        var threeNew = await Catalog.AddAssessmentAsync(new ProjectSource("https://example.org/beta/three", "beta/three", "beta", "three"),
            TestReports.Make("beta/three", TestReports.MetFor(5), commit: "3333333333cccc", overrides: noDocker, frameworks: ["scikit-learn"]), T0.AddDays(1));
        await Catalog.AddAssessmentAsync(new ProjectSource("/srv/zero", "zero", null, null), TestReports.Make("zero", 0), T0.AddDays(2));
        var evilReport = TestReports.Make(EvilName, 3, evidenceSnippet: EvilSnippet, evidencePath: EvilPath);
        evilReport = evilReport with
        {
            Findings = [.. evilReport.Findings.Select(f => f with { Message = EvilMessage, Fix = f.Fix is null ? null : EvilMessage })],
        };
        var evil = await Catalog.AddAssessmentAsync(new ProjectSource("javascript:window.__pwned=5", EvilName, null, null), evilReport, T0.AddDays(3));

        GoodId = (await Catalog.GetAssessmentAsync(good))!.Summary.ProjectId;
        ThreeId = (await Catalog.GetAssessmentAsync(threeNew))!.Summary.ProjectId;
        EvilId = (await Catalog.GetAssessmentAsync(evil))!.Summary.ProjectId;
        ThreeAssessments = (threeOld, threeNew);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        Catalog.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        dir.Dispose();
    }
}
