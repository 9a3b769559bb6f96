using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.RateLimiting;
using MLRepro.Catalog;
using MLRepro.Catalog.Scanning;
using MLRepro.Reporting.Json;
using MLRepro.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MLRepro.Web;

/// <summary>
/// The catalog web app: server-rendered pages, a JSON API with an OpenAPI document, SVG badges and a token-protected,
/// rate-limited scan submission endpoint. Hosted in-process by `mlrepro serve`.
/// </summary>
public static class CatalogWebApp
{
    /// <summary>The Content-Security-Policy sent with every response: same-origin only, no inline code, no framing.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private const string ScanPolicy = "scans";

    /// <summary>Opens the catalog named by <see cref="CatalogWebOptions.Db"/> and serves until cancelled.</summary>
    public static async Task RunAsync(CatalogWebOptions options, CancellationToken ct = default)
    {
        using var catalog = await CatalogFactory.OpenAsync(options.Db, ct);
        await using var app = Build(options, catalog);
        await app.StartAsync(ct);
        await app.WaitForShutdownAsync(ct);
    }

    /// <summary>Builds the app over an open catalog (the caller owns and disposes the catalog).</summary>
    public static WebApplication Build(CatalogWebOptions options, ICatalog catalog)
    {
        var token = string.IsNullOrEmpty(options.ScanToken) ? Environment.GetEnvironmentVariable(CatalogWebOptions.TokenEnvVar) : options.ScanToken;
        options = options with { ScanToken = string.IsNullOrEmpty(token) ? null : token };

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(catalog);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<ScanQueue>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ScanQueue>());
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(ScanPolicy, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.ScanPermitsPerWindow, Window = options.ScanWindow, QueueLimit = 0 }));
        });

        var app = builder.Build();
        app.Use(async (ctx, next) =>
        {
            var h = ctx.Response.Headers;
            h.ContentSecurityPolicy = ContentSecurityPolicy;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            await next(ctx);
        });
        app.UseRateLimiter();

        MapPages(app);
        MapApi(app);
        return app;
    }

    private static void MapPages(WebApplication app)
    {
        app.MapGet("/", async (HttpContext ctx, ICatalog c) =>
        {
            var state = FilterState.Parse(ctx.Request.Query, out var error);
            var page = await c.QueryProjectsAsync(state.Query, ctx.RequestAborted);
            var html = RankingPage.Render(state, page, await c.GetCriteriaAsync(ctx.RequestAborted), await c.GetFrameworksAsync(ctx.RequestAborted), error);
            return HtmlResult(html, error is null ? 200 : 400);
        });

        app.MapGet("/projects/{id:long}", async (long id, HttpContext ctx, ICatalog c) =>
        {
            var p = await c.GetProjectAsync(id, ctx.RequestAborted);
            var latest = p is null ? null : await c.GetAssessmentAsync(p.AssessmentId, ctx.RequestAborted);
            if (p is null || latest is null)
            {
                return NotFoundPage("No such project.");
            }

            var history = await c.GetAssessmentsAsync(id, ctx.RequestAborted);
            return HtmlResult(ProjectPage.Render(p, latest, history, $"{ctx.Request.Scheme}://{ctx.Request.Host}"));
        });

        app.MapGet("/projects/{id:long}/reproducibility.md", async (long id, HttpContext ctx, ICatalog c) =>
        {
            var p = await c.GetProjectAsync(id, ctx.RequestAborted);
            var latest = p is null ? null : await c.GetAssessmentAsync(p.AssessmentId, ctx.RequestAborted);
            if (latest is null)
            {
                return Results.NotFound();
            }

            ctx.Response.Headers.ContentDisposition = "attachment; filename=\"REPRODUCIBILITY.md\"";
            var md = new StringWriter();
            new MLRepro.Reporting.Markdown.ReproducibilityMarkdownReporter(MLRepro.Reporting.Markdown.LinkStyle.Remote).Write(latest.Report, md);
            return Results.Text(md.ToString(), "text/markdown; charset=utf-8");
        });

        app.MapGet("/compare", async (HttpContext ctx, ICatalog c) =>
        {
            if (!long.TryParse(ctx.Request.Query["a"], out var a) || !long.TryParse(ctx.Request.Query["b"], out var b))
            {
                return HtmlResult(Layout.Page("Compare", new Html().El("h1", "Compare assessments").El("p", "Give two assessment ids: /compare?a=1&b=2", "error")), 400);
            }

            var ra = await c.GetAssessmentAsync(a, ctx.RequestAborted);
            var rb = await c.GetAssessmentAsync(b, ctx.RequestAborted);
            if (ra is null || rb is null)
            {
                return NotFoundPage("No such assessment.");
            }

            var pa = await c.GetProjectAsync(ra.Summary.ProjectId, ctx.RequestAborted);
            var pb = await c.GetProjectAsync(rb.Summary.ProjectId, ctx.RequestAborted);
            return HtmlResult(ComparePage.Render(ra, pa?.Name ?? ra.Report.Project.Name, rb, pb?.Name ?? rb.Report.Project.Name));
        });

        app.MapGet("/static/site.css", () => Asset("site.css", "text/css; charset=utf-8"));
        app.MapGet("/static/app.js", () => Asset("app.js", "text/javascript; charset=utf-8"));
        app.MapGet("/static/favicon.svg", () => Asset("favicon.svg", "image/svg+xml"));
        app.MapGet("/favicon.ico", () => Asset("favicon.svg", "image/svg+xml"));

        app.MapGet("/badge/{owner}/{repo}.svg", async (string owner, string repo, HttpContext ctx, ICatalog c) =>
        {
            var p = owner == "local" ? await c.FindProjectAsync(null, repo, ctx.RequestAborted) : await c.FindProjectAsync(owner, repo, ctx.RequestAborted);
            ctx.Response.Headers.CacheControl = "max-age=300";
            return Results.Text(MLRepro.Reporting.Badge.BadgeRenderer.Render(p?.Stars), "image/svg+xml; charset=utf-8", Encoding.UTF8, p is null ? 404 : 200);
        });
    }

    private static void MapApi(WebApplication app)
    {
        app.MapGet("/api/v1/openapi.json", () => Asset("openapi.json", "application/json; charset=utf-8"));

        app.MapGet("/api/v1/projects", async (HttpContext ctx, ICatalog c) =>
        {
            var state = FilterState.Parse(ctx.Request.Query, out var error);
            if (error is not null)
            {
                return Error(error, 400);
            }

            var page = await c.QueryProjectsAsync(state.Query, ctx.RequestAborted);
            return Json(new { total = page.Total, page = page.PageNumber, pageSize = page.PageSize, pageCount = page.PageCount, items = page.Items.Select(ProjectDto) });
        });

        app.MapGet("/api/v1/projects/{id:long}", async (long id, HttpContext ctx, ICatalog c) =>
        {
            var p = await c.GetProjectAsync(id, ctx.RequestAborted);
            var latest = p is null ? null : await c.GetAssessmentAsync(p.AssessmentId, ctx.RequestAborted);
            return p is null || latest is null ? Error("no such project", 404) : Json(new { project = ProjectDto(p), report = latest.Report });
        });

        app.MapGet("/api/v1/projects/{id:long}/assessments", async (long id, HttpContext ctx, ICatalog c) =>
            await c.GetProjectAsync(id, ctx.RequestAborted) is null
                ? Error("no such project", 404)
                : Json(await c.GetAssessmentsAsync(id, ctx.RequestAborted)));

        app.MapGet("/api/v1/assessments/{id:long}", async (long id, HttpContext ctx, ICatalog c) =>
            await c.GetAssessmentAsync(id, ctx.RequestAborted) is { } a ? Json(new { assessment = a.Summary, report = a.Report }) : Error("no such assessment", 404));

        app.MapPost("/api/v1/scans", async (HttpContext ctx, CatalogWebOptions o, ScanQueue queue) =>
        {
            if (o.ScanToken is null)
            {
                return Error($"scan submission is disabled (start the server with --token or {CatalogWebOptions.TokenEnvVar})", 503);
            }

            if (!Authorized(ctx.Request.Headers.Authorization.ToString(), o.ScanToken))
            {
                ctx.Response.Headers.WWWAuthenticate = "Bearer";
                return Error("a valid bearer token is required", 401);
            }

            ScanRequest? body;
            try
            {
                body = await JsonSerializer.DeserializeAsync<ScanRequest>(ctx.Request.Body, JsonDefaults.Options, ctx.RequestAborted);
            }
            catch (JsonException)
            {
                return Error("body must be JSON: {\"url\": \"https://…\"}", 400);
            }

            if (body?.Url is not { Length: > 0 and <= 2048 } url)
            {
                return Error("body must be JSON: {\"url\": \"https://…\"}", 400);
            }

            if (ScanSource.Parse(url, o.SubmitProtocols, out var why) is not { IsRemote: true })
            {
                return Error(why ?? "only remote git URLs may be submitted", 400);
            }

            var job = queue.Enqueue(url);
            return job is null ? Error("the scan queue is full; try later", 503) : Results.Json(job, JsonDefaults.Options, statusCode: 202);
        }).RequireRateLimiting(ScanPolicy);

        app.MapGet("/api/v1/scans/{id}", (string id, ScanQueue queue) =>
            queue.Get(id) is { } job ? Json(job) : Error("no such scan", 404));
    }

    private static bool Authorized(string header, string token)
    {
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Constant-time comparison so the token cannot be guessed byte by byte from response times.
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(header[prefix.Length..].Trim()));
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }

    private static object ProjectDto(ProjectSummary p) => new
    {
        p.Id,
        p.Name,
        p.Source,
        p.Owner,
        p.Repo,
        p.AssessmentId,
        p.Commit,
        p.AssessedAt,
        p.Stars,
        p.Levels,
        p.Frameworks,
        p.HasVerification,
        p.AssessmentCount,
        links = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["self"] = $"/api/v1/projects/{p.Id}",
            ["assessments"] = $"/api/v1/projects/{p.Id}/assessments",
            ["html"] = $"/projects/{p.Id}",
            ["badge"] = Layout.BadgePath(p),
        },
    };

    private static IResult Json(object value) => Results.Json(value, JsonDefaults.Options);

    private static IResult Error(string message, int status) => Results.Json(new { error = message }, JsonDefaults.Options, statusCode: status);

    private static IResult HtmlResult(string html, int status = 200) => Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);

    private static IResult NotFoundPage(string message) => HtmlResult(Layout.Page("Not found", new Html().El("h1", "Not found").El("p", message)), 404);

    private static IResult Asset(string name, string contentType)
    {
        using var s = Assembly.GetExecutingAssembly().GetManifestResourceStream("MLRepro.Web.Assets." + name)
            ?? throw new InvalidOperationException("missing asset " + name);
        using var r = new StreamReader(s, Encoding.UTF8);
        return Results.Text(r.ReadToEnd(), contentType);
    }

    private sealed record ScanRequest(string? Url);
}
