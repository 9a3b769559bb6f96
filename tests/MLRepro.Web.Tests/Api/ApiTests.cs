using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AwesomeAssertions;
using MLRepro.Web.Tests.Support;

namespace MLRepro.Web.Tests.Api;

public sealed class ApiTests : IAsyncLifetime
{
    private TestServer server = null!;

    public async ValueTask InitializeAsync() => server = await TestServer.StartAsync();

    public async ValueTask DisposeAsync() => await server.DisposeAsync();

    private async Task<JsonElement> GetJson(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var r = await server.Http.GetAsync(url);
        r.StatusCode.Should().Be(expected, url);
        r.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        return JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static string[] Names(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!)];

    [Fact]
    public async Task Projects_endpoint_filters_by_query_parameters()
    {
        var all = await GetJson("/api/v1/projects");
        all.GetProperty("total").GetInt32().Should().Be(4);
        Names(all)[0].Should().Be("alpha/good");

        Names(await GetJson("/api/v1/projects?min_stars=3&unmet=env.example")).Should().Equal("beta/three");
        Names(await GetJson("/api/v1/projects?met=env.example,eval.predict")).Should().Equal("alpha/good");
        Names(await GetJson("/api/v1/projects?framework=scikit-learn")).Should().Equal("beta/three");
        Names(await GetJson("/api/v1/projects?verified=true")).Should().Equal("alpha/good");
        Names(await GetJson("/api/v1/projects?q=ZER")).Should().Equal("zero");
        Names(await GetJson("/api/v1/projects?sort=name&dir=asc")).Should().Equal("alpha/good", "beta/three", TestServer.EvilName, "zero");
        var paged = await GetJson("/api/v1/projects?sort=name&dir=asc&page=2&page_size=3");
        Names(paged).Should().Equal("zero");
        paged.GetProperty("pageCount").GetInt32().Should().Be(2);

        var error = await GetJson("/api/v1/projects?min_stars=seven", HttpStatusCode.BadRequest);
        error.GetProperty("error").GetString().Should().Contain("min_stars");
    }

    [Fact]
    public async Task Project_and_history_endpoints_return_reports()
    {
        var p = await GetJson($"/api/v1/projects/{server.ThreeId}");
        p.GetProperty("project").GetProperty("stars").GetInt32().Should().Be(3);
        p.GetProperty("project").GetProperty("links").GetProperty("badge").GetString().Should().Be("/badge/beta/three.svg");
        var report = p.GetProperty("report");
        report.GetProperty("schema").GetString().Should().Be("mlrepro/assessment/v1");
        report.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("criterion").GetString() == "env.example")
            .GetProperty("outcome").GetString().Should().Be("notMet");

        var history = await GetJson($"/api/v1/projects/{server.ThreeId}/assessments");
        history.EnumerateArray().Select(a => a.GetProperty("id").GetInt64()).Should().Equal(server.ThreeAssessments.New, server.ThreeAssessments.Old);
        history[1].GetProperty("commit").GetString().Should().Be("2222222222bbbb");

        (await GetJson($"/api/v1/assessments/{server.ThreeAssessments.Old}")).GetProperty("report").GetProperty("stars").GetInt32().Should().Be(1);
        await GetJson("/api/v1/projects/999999", HttpStatusCode.NotFound);
        await GetJson("/api/v1/projects/999999/assessments", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OpenApi_document_is_valid_and_covers_the_api()
    {
        var doc = await GetJson("/api/v1/openapi.json");
        doc.GetProperty("openapi").GetString().Should().StartWith("3.");
        doc.GetProperty("info").GetProperty("title").GetString().Should().NotBeNullOrEmpty();
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.Should().Contain(["/api/v1/projects", "/api/v1/projects/{id}", "/api/v1/projects/{id}/assessments", "/api/v1/scans", "/badge/{owner}/{repo}.svg"]);

        // Every operation has responses, every path parameter is declared, and every $ref resolves.
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        {
            foreach (var op in path.Value.EnumerateObject())
            {
                op.Value.GetProperty("responses").EnumerateObject().Should().NotBeEmpty();
                foreach (Match m in Regex.Matches(path.Name, @"\{(\w+)\}"))
                {
                    op.Value.GetProperty("parameters").EnumerateArray()
                        .Should().Contain(p => p.GetProperty("name").GetString() == m.Groups[1].Value && p.GetProperty("in").GetString() == "path", $"{path.Name} declares {m.Value}");
                }
            }
        }

        var text = doc.GetRawText();
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        foreach (Match m in Regex.Matches(text, "\"#/components/schemas/(\\w+)\""))
        {
            schemas.TryGetProperty(m.Groups[1].Value, out _).Should().BeTrue(m.Value);
        }

        // The documented query parameters are the ones the server understands.
        var documented = doc.GetProperty("paths").GetProperty("/api/v1/projects").GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString());
        documented.Should().BeEquivalentTo(["min_stars", "met", "unmet", "framework", "verified", "q", "sort", "dir", "page", "page_size"]);
    }

    [Fact]
    public async Task Badges_are_svg_with_accessible_text()
    {
        using var good = await server.Http.GetAsync("/badge/alpha/good.svg");
        good.StatusCode.Should().Be(HttpStatusCode.OK);
        good.Content.Headers.ContentType!.MediaType.Should().Be("image/svg+xml");
        var svg = await good.Content.ReadAsStringAsync();
        var x = System.Xml.Linq.XDocument.Parse(svg).Root!;
        x.Attribute("role")!.Value.Should().Be("img");
        x.Attribute("aria-label")!.Value.Should().Be("ML reproducibility: 5 of 5 stars");
        x.Elements().First(e => e.Name.LocalName == "title").Value.Should().Be("ML reproducibility: 5 of 5 stars");

        (await server.Http.GetStringAsync("/badge/BETA/Three.svg")).Should().Contain("3 of 5 stars");
        (await server.Http.GetStringAsync("/badge/local/zero.svg")).Should().Contain("0 of 5 stars");
        using var missing = await server.Http.GetAsync("/badge/nobody/nothing.svg");
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await missing.Content.ReadAsStringAsync()).Should().Contain("not assessed");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/v1/projects")]
    [InlineData("/static/app.js")]
    [InlineData("/badge/alpha/good.svg")]
    [InlineData("/projects/999999")]
    public async Task Security_headers_are_on_every_response(string url)
    {
        using var r = await server.Http.GetAsync(url);
        r.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("default-src 'self'").And.Contain("frame-ancestors 'none'");
        r.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
        r.Headers.GetValues("Referrer-Policy").Single().Should().Be("no-referrer");
        r.Headers.GetValues("X-Frame-Options").Single().Should().Be("DENY");
    }

    [Fact]
    public async Task Untrusted_text_is_escaped_and_links_are_safe()
    {
        foreach (var url in new[] { $"/projects/{server.EvilId}", "/", $"/compare?a={server.ThreeAssessments.New}&b={(await server.Catalog.GetProjectAsync(server.EvilId))!.AssessmentId}" })
        {
            var html = await server.Http.GetStringAsync(url);
            html.Should().NotContain("<script>window", url);
            html.Should().NotContain("<img src=x", url);
            html.Should().NotContain("onerror=\"", url).And.NotContain("href=\"javascript", url);
            foreach (Match m in Regex.Matches(html, "(?:href|src)=\"([^\"]*)\""))
            {
                var v = WebUtility.HtmlDecode(m.Groups[1].Value);
                (v.StartsWith('/') && !v.StartsWith("//", StringComparison.Ordinal) || v.StartsWith("http://", StringComparison.Ordinal) || v.StartsWith("https://", StringComparison.Ordinal))
                    .Should().BeTrue($"{v} in {url} is http(s) or relative");
            }

            // Only our own script tag exists.
            Regex.Count(html, "<script").Should().Be(1, url);
        }

        var page = await server.Http.GetStringAsync($"/projects/{server.EvilId}");
        page.Should().Contain(WebUtility.HtmlEncode(TestServer.EvilName)).And.Contain(WebUtility.HtmlEncode(TestServer.EvilSnippet));
    }

    [Fact]
    public async Task Ranking_page_keeps_filters_in_the_query_string()
    {
        var html = await server.Http.GetStringAsync("/?min_stars=3&unmet=env.example&sort=name&dir=asc");
        Regex.Count(html, "class=\"project\"").Should().Be(1);
        html.Should().Contain(">beta/three<");
        html.Should().Contain("<option value=\"3\" selected=\"selected\">");
        html.Should().Contain("<option value=\"env.example\" selected=\"selected\">");
        // Sort links keep the filters.
        html.Should().Contain("href=\"/?min_stars=3&amp;unmet=env.example&amp;sort=stars&amp;dir=desc\"");

        using var bad = await server.Http.GetAsync("/?min_stars=9");
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Project_page_shows_levels_evidence_sources_history_and_markdown()
    {
        var html = await server.Http.GetStringAsync($"/projects/{server.GoodId}");
        for (var l = 1; l <= 5; l++)
        {
            html.Should().Contain($"id=\"level-{l}\"");
        }

        html.Should().Contain("verified ✓ met").And.Contain("class=\"src superseded\"").And.Contain("found ✗ not met");
        html.Should().Contain("<code class=\"path\">train.py:3</code>");
        html.Should().Contain("id=\"badge-snippet\">[![ML reproducibility: 5 of 5 stars](" + server.BaseUrl + "/badge/alpha/good.svg)](" + server.BaseUrl + $"/projects/{server.GoodId})");

        var three = await server.Http.GetStringAsync($"/projects/{server.ThreeId}");
        Regex.Count(three, "name=\"a\"").Should().Be(2);
        three.Should().Contain("<strong>Fix:</strong> Fix env.example");

        using var md = await server.Http.GetAsync($"/projects/{server.EvilId}/reproducibility.md");
        md.Content.Headers.ContentType!.MediaType.Should().Be("text/markdown");
        md.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        var text = await md.Content.ReadAsStringAsync();
        text.Should().StartWith("# ML Reproducibility Report").And.Contain("## 5. Evaluation");
        text.Should().NotContain("<script>").And.NotContain("](javascript:");
    }

    [Fact]
    public async Task Compare_highlights_differing_criteria()
    {
        var html = await server.Http.GetStringAsync($"/compare?a={server.ThreeAssessments.Old}&b={server.ThreeAssessments.New}");
        // Old: 3 met (★1); new: 11 met except env.example... MetFor(5)=16 with env.example overridden → 15 met.
        var expected = TestReports.Criteria.Skip(3).Count(c => c.Id != "env.example");
        Regex.Count(html, "<tr class=\"diff\"").Should().Be(expected);
        html.Should().Contain($"{expected} criteria differ");
        using var bad = await server.Http.GetAsync("/compare?a=x");
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}

public sealed class ScanSubmitTests
{
    private static StringContent Body(string url) => new(JsonSerializer.Serialize(new { url }), Encoding.UTF8, "application/json");

    [Fact]
    public async Task Submission_is_disabled_without_a_configured_token()
    {
        await using var server = await TestServer.StartAsync(seed: false);
        using var r = await server.Http.PostAsync("/api/v1/scans", Body("https://example.org/a/b"));
        r.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Submission_needs_the_token_and_scans_in_the_background()
    {
        using var repo = new TempDir();
        repo.Write("train.py", "print(1)\n");
        repo.Git("init", "-q");
        repo.Git("add", "-A");
        repo.Git("commit", "-q", "-m", "init");
        await using var server = await TestServer.StartAsync(o => o with { ScanToken = "s3cret", SubmitProtocols = new HashSet<string>(["https", "file"]) }, seed: false);

        using (var none = await server.Http.PostAsync("/api/v1/scans", Body("file://" + repo.Path)))
        {
            none.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        using (var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/v1/scans") { Content = Body("file://" + repo.Path) })
        {
            wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret-not");
            (await server.Http.SendAsync(wrong)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        using (var local = new HttpRequestMessage(HttpMethod.Post, "/api/v1/scans") { Content = Body(repo.Path) })
        {
            local.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret");
            (await server.Http.SendAsync(local)).StatusCode.Should().Be(HttpStatusCode.BadRequest, "local paths cannot be submitted over the web");
        }

        using var ok = new HttpRequestMessage(HttpMethod.Post, "/api/v1/scans") { Content = Body("file://" + repo.Path) };
        ok.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret");
        using var accepted = await server.Http.SendAsync(ok);
        accepted.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var id = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();

        string? status = null;
        for (var i = 0; i < 300 && status is not ("assessed" or "failed"); i++)
        {
            await Task.Delay(100);
            status = JsonDocument.Parse(await server.Http.GetStringAsync($"/api/v1/scans/{id}")).RootElement.GetProperty("status").GetString();
        }

        status.Should().Be("assessed");
        (await server.Catalog.LatestCommitAsync("file://" + repo.Path)).Should().Be(repo.Git("rev-parse", "HEAD").Trim());
    }

    [Fact]
    public async Task Submission_is_rate_limited()
    {
        await using var server = await TestServer.StartAsync(o => o with { ScanToken = "t", ScanPermitsPerWindow = 2, ScanWindow = TimeSpan.FromMinutes(5) }, seed: false);
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            // Refused before queueing (http is not allowed), so nothing is cloned; the limiter still counts it.
            using var req = new HttpRequestMessage(HttpMethod.Post, "/api/v1/scans") { Content = Body("http://example.invalid/a/b") };
            req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "t");
            using var r = await server.Http.SendAsync(req);
            codes.Add(r.StatusCode);
        }

        codes.Should().Equal(HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests);
    }
}
