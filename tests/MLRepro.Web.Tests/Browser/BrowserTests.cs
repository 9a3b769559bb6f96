using AwesomeAssertions;
using Microsoft.Playwright;
using MLRepro.Web.Tests.Support;

namespace MLRepro.Web.Tests.Browser;

/// <summary>
/// The catalog in headless Chromium (Debian's /usr/bin/chromium driven by Playwright; never `playwright install`).
/// Without Chromium these tests fail when CI is set and are skipped otherwise. Screenshots go to test-output/.
/// </summary>
public sealed class BrowserTests : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private static readonly string OutputDir = Path.Combine(AppContext.BaseDirectory, "test-output");

    private TestServer server = null!;
    private IPlaywright? playwright;
    private IBrowser? browser;
    private IBrowserContext context = null!;
    private IPage page = null!;
    private readonly List<string> dialogs = [];
    private readonly List<string> consoleErrors = [];

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            {
                throw new InvalidOperationException($"{ChromiumPath} is missing but CI is set: install Debian's chromium (see .ci/run).");
            }

            Assert.Skip($"{ChromiumPath} is not installed (apt-get install -y --no-install-recommends chromium).");
        }

        Directory.CreateDirectory(OutputDir);
        server = await TestServer.StartAsync();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        context = await browser.NewContextAsync(new() { BaseURL = server.BaseUrl, ViewportSize = new() { Width = 1280, Height = 900 } });
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = server.BaseUrl });
        // CI runs every test project at once on two cores: page loads can take far longer than on a quiet machine.
        context.SetDefaultTimeout(120_000);
        context.SetDefaultNavigationTimeout(120_000);
        page = await context.NewPageAsync();
        page.Dialog += async (_, d) =>
        {
            dialogs.Add(d.Message);
            await d.DismissAsync();
        };
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                consoleErrors.Add(m.Text);
            }
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    private Task Shot(string name) => page.ScreenshotAsync(new() { Path = Path.Combine(OutputDir, name + ".png"), FullPage = true });

    [Fact]
    public async Task Ranking_filters_live_in_the_url_and_sorting_works()
    {
        await page.GotoAsync("/");
        (await page.Locator("a.project").CountAsync()).Should().Be(4);
        await page.SelectOptionAsync("#min_stars", "3");
        await page.SelectOptionAsync("#unmet", ["env.example"]);
        await page.ClickAsync("#apply");
        await page.WaitForURLAsync(u => u.Contains("min_stars=3", StringComparison.Ordinal));
        page.Url.Should().Contain("unmet=env.example");
        (await page.Locator("a.project").AllTextContentsAsync()).Should().Equal("beta/three");
        await Shot("ranking-filtered");

        // Reload the URL in a fresh page: the filter state comes back from the query string alone.
        var again = await context.NewPageAsync();
        await again.GotoAsync(page.Url);
        (await again.Locator("a.project").AllTextContentsAsync()).Should().Equal("beta/three");
        (await again.InputValueAsync("#min_stars")).Should().Be("3");

        // Client-side sort of a level column (★1 progress ascending puts the zero-progress project first).
        await page.GotoAsync("/");
        await page.Locator("th button.sort", new() { HasText = "★1" }).ClickAsync();
        await page.Locator("th button.sort", new() { HasText = "★1" }).ClickAsync();
        (await page.Locator("a.project").First.TextContentAsync()).Should().Be("zero");
    }

    [Fact]
    public async Task Open_a_project_and_copy_its_badge_snippet()
    {
        await page.GotoAsync("/");
        await page.ClickAsync("a.project:text-is('alpha/good')");
        await page.WaitForURLAsync($"**/projects/{server.GoodId}");
        (await page.TextContentAsync("h1")).Should().Be("alpha/good");
        (await page.Locator("section.level").CountAsync()).Should().Be(5);
        var badge = page.Locator("section.badge img");
        (await badge.EvaluateAsync<int>("img => img.naturalWidth")).Should().BeGreaterThan(0, "the badge SVG loads under the CSP");

        await page.ClickAsync("#copy-badge");
        await page.WaitForSelectorAsync("#copy-badge[data-copied='true']");
        var clipboard = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        clipboard.Should().Be(await page.TextContentAsync("#badge-snippet"));
        clipboard.Should().Contain($"/badge/alpha/good.svg").And.Contain($"/projects/{server.GoodId}");
        await Shot("project-page");
        consoleErrors.Should().BeEmpty("no CSP violations or script errors");
    }

    [Fact]
    public async Task Compare_two_assessments_from_the_history()
    {
        await page.GotoAsync($"/projects/{server.ThreeId}");
        await page.ClickAsync("#compare");
        await page.WaitForURLAsync(u => u.Contains("/compare?", StringComparison.Ordinal));
        page.Url.Should().Contain($"a={server.ThreeAssessments.Old}").And.Contain($"b={server.ThreeAssessments.New}");
        var diff = await page.Locator("tr.diff").CountAsync();
        diff.Should().BeGreaterThan(0);
        (await page.Locator("tr.diff[data-criterion='config.files']").CountAsync()).Should().Be(1);
        (await page.Locator("tr.diff[data-criterion='code.runs']").CountAsync()).Should().Be(0);
        var bg = await page.Locator("tr.diff").First.EvaluateAsync<string>("r => getComputedStyle(r).backgroundColor");
        bg.Should().NotBe("rgba(0, 0, 0, 0)", "differing rows are highlighted by the stylesheet");
        await Shot("compare");
    }

    [Fact]
    public async Task Hostile_repository_content_renders_inert()
    {
        foreach (var url in new[] { "/", $"/projects/{server.EvilId}", $"/compare?a={server.ThreeAssessments.New}&b={(await server.Catalog.GetProjectAsync(server.EvilId))!.AssessmentId}" })
        {
            await page.GotoAsync(url);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            (await page.EvaluateAsync<bool>("() => typeof window.__pwned === 'undefined'")).Should().BeTrue($"no planted script ran on {url}");
            var hrefs = await page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('[href],[src]')).map(e => e.getAttribute('href') ?? e.getAttribute('src'))");
            hrefs.Should().NotContain(h => h.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase), url);
            (await page.Locator("[onerror], [onclick], [onload]").CountAsync()).Should().Be(0, url);
        }

        await page.GotoAsync($"/projects/{server.EvilId}");
        (await page.TextContentAsync("h1")).Should().Be(TestServer.EvilName, "the markup is shown as text");
        (await page.Locator("pre.snippet code").First.TextContentAsync()).Should().Be(TestServer.EvilSnippet);
        // Clicking the planted "link" text does nothing: it is not a link.
        (await page.Locator("p.message a").CountAsync()).Should().Be(0);
        await Shot("hostile-project");
        dialogs.Should().BeEmpty();
    }
}
