using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dapper;
using MLRepro.Findings;
using MLRepro.Reporting;
using MLRepro.Reporting.Json;

namespace MLRepro.Catalog.Storage;

/// <summary>
/// The catalog over any ADO.NET database: one schema, one set of queries, a <see cref="SqlDialect"/> for the few
/// differences. Times are stored as ISO 8601 UTC text (fixed width, so text order is time order on both engines).
/// </summary>
public abstract class SqlCatalog : ICatalog
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
    private const string LatestJoin = "FROM projects p JOIN assessments a ON a.id = p.latest_assessment_id";
    private const string SummaryColumns = """
        p.id AS ProjectId, p.name AS Name, p.source AS Source, p.owner AS Owner, p.repo AS Repo,
        a.id AS AssessmentId, a.commit_sha AS CommitSha, a.assessed_at AS AssessedAt, a.stars AS Stars,
        a.l1_met AS L1Met, a.l1_app AS L1App, a.l2_met AS L2Met, a.l2_app AS L2App, a.l3_met AS L3Met, a.l3_app AS L3App,
        a.l4_met AS L4Met, a.l4_app AS L4App, a.l5_met AS L5Met, a.l5_app AS L5App,
        a.frameworks AS Frameworks, a.has_verification AS HasVerification,
        p.assessment_count AS AssessmentCount
        """;

    private readonly SemaphoreSlim writeLock = new(1, 1);
    private bool disposed;

    private protected SqlCatalog(SqlDialect dialect) => Dialect = dialect;

    /// <inheritdoc />
    public int SchemaVersion { get; private set; }

    private protected SqlDialect Dialect { get; }

    /// <summary>Opens a connection.</summary>
    private protected abstract Task<DbConnection> OpenAsync(CancellationToken ct);

    /// <summary>Applies pending migrations (called by the factory methods).</summary>
    private protected async Task MigrateAsync(CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        await c.ExecuteAsync("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
        await using var tx = await c.BeginTransactionAsync(ct);
        if (Dialect.LockMigrations.Length > 0)
        {
            await c.ExecuteAsync(Dialect.LockMigrations, transaction: tx);
        }

        var current = await c.ExecuteScalarAsync<long?>("SELECT MAX(version) FROM schema_version", transaction: tx) ?? 0;
        foreach (var (version, sql) in Migrations.All)
        {
            if (version <= current)
            {
                continue;
            }

            foreach (var statement in sql.Replace("{ID}", Dialect.IdColumn, StringComparison.Ordinal).Replace("{NAME}", Dialect.NameType, StringComparison.Ordinal).Replace("{CLUSTERED}", Dialect.Clustered, StringComparison.Ordinal).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                await c.ExecuteAsync(statement, transaction: tx);
            }

            await c.ExecuteAsync("INSERT INTO schema_version (version) VALUES (@version)", new { version }, tx);
            current = version;
        }

        await tx.CommitAsync(ct);
        SchemaVersion = (int)current;
    }

    /// <inheritdoc />
    public async Task<long> AddAssessmentAsync(ProjectSource project, Report report, DateTimeOffset assessedAt, CancellationToken ct = default) =>
        (await AddAssessmentsAsync([new StoredAssessment(project, report, assessedAt)], ct))[0];

    /// <inheritdoc />
    public async Task<IReadOnlyList<long>> AddAssessmentsAsync(IReadOnlyList<StoredAssessment> assessments, CancellationToken ct = default)
    {
        var ids = new List<long>(assessments.Count);
        await writeLock.WaitAsync(ct);
        try
        {
            await using var c = await OpenAsync(ct);
            await using var tx = await c.BeginTransactionAsync(ct);
            foreach (var a in assessments)
            {
                ids.Add(await InsertAsync(c, tx, a.Project, a.Report, a.AssessedAt));
            }

            await tx.CommitAsync(ct);
            return ids;
        }
        finally
        {
            writeLock.Release();
        }
    }

    private static async Task<long> InsertAsync(DbConnection c, DbTransaction tx, ProjectSource project, Report report, DateTimeOffset assessedAt)
    {
        var level = new int[11];
        foreach (var l in report.Levels)
        {
            if (l.Level is >= 1 and <= 5)
            {
                level[(2 * l.Level) - 1] = l.Met;
                level[2 * l.Level] = l.Applicable;
            }
        }

        var frameworks = "," + string.Join(",", report.Project.Frameworks.Select(f => f.ToLowerInvariant()).Order(StringComparer.Ordinal)) + ",";
        var hasVerification = HasVerification(report) ? 1 : 0;
        var json = JsonSerializer.Serialize(report, JsonDefaults.Options);

        var projectId = await c.ExecuteScalarAsync<long?>("SELECT id FROM projects WHERE source = @Source", new { project.Source }, tx);
        if (projectId is null)
        {
            projectId = await c.ExecuteScalarAsync<long>(
                "INSERT INTO projects (name, source, owner, repo) VALUES (@Name, @Source, @Owner, @Repo) RETURNING id", project, tx);
        }
        else
        {
            await c.ExecuteAsync("UPDATE projects SET name = @Name, owner = @Owner, repo = @Repo WHERE id = @id", new { project.Name, project.Owner, project.Repo, id = projectId }, tx);
        }

        var assessmentId = await c.ExecuteScalarAsync<long>(
            """
            INSERT INTO assessments (project_id, commit_sha, assessed_at, stars,
              l1_met, l1_app, l2_met, l2_app, l3_met, l3_app, l4_met, l4_app, l5_met, l5_app,
              met_total, frameworks, has_verification, report_json)
            VALUES (@projectId, @commit, @at, @stars, @l1m, @l1a, @l2m, @l2a, @l3m, @l3a, @l4m, @l4a, @l5m, @l5a,
              @metTotal, @frameworks, @hasVerification, @json)
            RETURNING id
            """,
            new
            {
                projectId,
                commit = report.Project.Commit,
                at = FormatTime(assessedAt),
                stars = report.Stars,
                l1m = level[1], l1a = level[2], l2m = level[3], l2a = level[4], l3m = level[5], l3a = level[6],
                l4m = level[7], l4a = level[8], l5m = level[9], l5a = level[10],
                metTotal = level[1] + level[3] + level[5] + level[7] + level[9],
                frameworks,
                hasVerification,
                json,
            },
            tx);

        // One multi-row INSERT per assessment rather than one statement per criterion (fewer round trips).
        var results = report.Findings
            .GroupBy(f => f.Criterion, StringComparer.Ordinal)
            .Select(g => (Criterion: g.Key, Outcome: OutcomeName(g.First().Outcome), Source: SourceName(g.First().Source)))
            .ToList();
        if (results.Count > 0)
        {
            var sql = new StringBuilder("INSERT INTO criterion_results (assessment_id, criterion, outcome, source) VALUES ");
            var args = new DynamicParameters();
            args.Add("a", assessmentId);
            for (var i = 0; i < results.Count; i++)
            {
                var n = i.ToString(CultureInfo.InvariantCulture);
                sql.Append(i == 0 ? string.Empty : ", ").Append(CultureInfo.InvariantCulture, $"(@a, @c{n}, @o{n}, @s{n})");
                args.Add("c" + n, results[i].Criterion);
                args.Add("o" + n, results[i].Outcome);
                args.Add("s" + n, results[i].Source);
            }

            await c.ExecuteAsync(sql.ToString(), args, tx);
        }

        // The latest assessment is the one with the newest time (ties: the newer row), so storing an older
        // assessment after a newer one keeps the newer one current. Its filter fields are copied onto the project.
        var latest = await c.QuerySingleAsync<LatestRow>(
            """
            SELECT a.id AS Id, a.stars AS Stars, a.met_total AS MetTotal, a.assessed_at AS AssessedAt,
              a.frameworks AS Frameworks, a.has_verification AS HasVerification
            FROM assessments a WHERE a.project_id = @projectId ORDER BY a.assessed_at DESC, a.id DESC LIMIT 1
            """,
            new { projectId },
            tx);
        await c.ExecuteAsync(
            """
            UPDATE projects SET assessment_count = assessment_count + 1, latest_assessment_id = @Id, latest_stars = @Stars,
              latest_met_total = @MetTotal, latest_assessed_at = @AssessedAt, latest_frameworks = @Frameworks,
              latest_has_verification = @HasVerification
            WHERE id = @projectId
            """,
            new { latest.Id, latest.Stars, latest.MetTotal, latest.AssessedAt, latest.Frameworks, latest.HasVerification, projectId },
            tx);
        return assessmentId;
    }

    /// <inheritdoc />
    public async Task<string?> LatestCommitAsync(string source, CancellationToken ct = default)
    {
        await using var c = await OpenAsync(ct);
        return await c.ExecuteScalarAsync<string?>(
            "SELECT a.commit_sha " + LatestJoin + " WHERE p.source = @source", new { source });
    }

    /// <inheritdoc />
    public async Task RecordFailureAsync(string source, string reason, DateTimeOffset failedAt, CancellationToken ct = default)
    {
        await writeLock.WaitAsync(ct);
        try
        {
            await using var c = await OpenAsync(ct);
            await c.ExecuteAsync("INSERT INTO scan_failures (source, reason, failed_at) VALUES (@source, @reason, @at)", new { source, reason, at = FormatTime(failedAt) });
        }
        finally
        {
            writeLock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ScanFailure>> GetFailuresAsync(int limit = 100, CancellationToken ct = default)
    {
        await using var c = await OpenAsync(ct);
        var rows = await c.QueryAsync<FailureRow>(
            "SELECT id AS Id, source AS Source, reason AS Reason, failed_at AS FailedAt FROM scan_failures ORDER BY failed_at DESC, id DESC LIMIT @limit",
            new { limit = Math.Clamp(limit, 1, 10_000) });
        return [.. rows.Select(r => new ScanFailure(r.Id, r.Source, r.Reason, ParseTime(r.FailedAt)))];
    }

    /// <inheritdoc />
    public async Task<Page<ProjectSummary>> QueryProjectsAsync(ProjectQuery query, CancellationToken ct = default)
    {
        // Every project row is created in the same transaction as its first assessment, so latest_* is always set.
        var where = new StringBuilder(" WHERE 1 = 1");
        var args = new DynamicParameters();
        if (query.MinStars is { } min)
        {
            where.Append(" AND p.latest_stars >= @minStars");
            args.Add("minStars", min);
        }

        var i = 0;
        foreach (var criterion in query.Met.Distinct(StringComparer.Ordinal))
        {
            where.Append(CultureInfo.InvariantCulture, $" AND EXISTS (SELECT 1 FROM criterion_results c WHERE c.assessment_id = p.latest_assessment_id AND c.criterion = @c{i} AND c.outcome = 'met')");
            args.Add("c" + i.ToString(CultureInfo.InvariantCulture), criterion);
            i++;
        }

        foreach (var criterion in query.Unmet.Distinct(StringComparer.Ordinal))
        {
            where.Append(CultureInfo.InvariantCulture, $" AND EXISTS (SELECT 1 FROM criterion_results c WHERE c.assessment_id = p.latest_assessment_id AND c.criterion = @c{i} AND c.outcome IN ('notMet', 'partial'))");
            args.Add("c" + i.ToString(CultureInfo.InvariantCulture), criterion);
            i++;
        }

        if (!string.IsNullOrWhiteSpace(query.Framework))
        {
            where.Append(" AND p.latest_frameworks LIKE @framework ESCAPE '\\'");
            args.Add("framework", "%," + EscapeLike(query.Framework.Trim().ToLowerInvariant()) + ",%");
        }

        if (query.HasVerification is { } hv)
        {
            where.Append(" AND p.latest_has_verification = @hv");
            args.Add("hv", hv ? 1 : 0);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            where.Append($" AND p.name {Dialect.ILike} @search ESCAPE '\\'");
            args.Add("search", "%" + EscapeLike(query.Search.Trim().ToLowerInvariant()) + "%");
        }

        var dir = query.Descending ? "DESC" : "ASC";
        var order = query.Sort switch
        {
            ProjectSort.Name => $"p.name {dir}, p.id {dir}",
            ProjectSort.Assessed => $"p.latest_assessed_at {dir}, p.id {dir}",
            _ => $"p.latest_stars {dir}, p.latest_met_total {dir}, p.name ASC, p.id ASC",
        };
        var pageSize = Math.Clamp(query.PageSize, 1, ProjectQuery.MaxPageSize);
        var page = Math.Max(1, query.Page);
        args.Add("limit", pageSize);
        args.Add("offset", (long)(page - 1) * pageSize);

        await using var c = await OpenAsync(ct);
        var total = await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM projects p" + where, args);
        // Filter, sort and page the narrow projects table first; join assessments only for the page's rows.
        var rows = await c.QueryAsync<SummaryRow>(
            $"SELECT {SummaryColumns} FROM (SELECT p.* FROM projects p{where} ORDER BY {order} LIMIT @limit OFFSET @offset) p " +
            $"JOIN assessments a ON a.id = p.latest_assessment_id ORDER BY {order}",
            args);
        return new Page<ProjectSummary>([.. rows.Select(ToSummary)], (int)total, page, pageSize);
    }

    /// <inheritdoc />
    public async Task<ProjectSummary?> GetProjectAsync(long id, CancellationToken ct = default)
    {
        await using var c = await OpenAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<SummaryRow>($"SELECT {SummaryColumns} {LatestJoin} WHERE p.id = @id", new { id });
        return row is null ? null : ToSummary(row);
    }

    /// <inheritdoc />
    public async Task<ProjectSummary?> FindProjectAsync(string? owner, string repoOrName, CancellationToken ct = default)
    {
        await using var c = await OpenAsync(ct);
        var row = owner is null
            ? await c.QueryFirstOrDefaultAsync<SummaryRow>($"SELECT {SummaryColumns} {LatestJoin} WHERE p.owner IS NULL AND p.name = @repoOrName ORDER BY p.id", new { repoOrName })
            : await c.QueryFirstOrDefaultAsync<SummaryRow>($"SELECT {SummaryColumns} {LatestJoin} WHERE LOWER(p.owner) = @owner AND LOWER(p.repo) = @repo ORDER BY p.id", new { owner = owner.ToLowerInvariant(), repo = repoOrName.ToLowerInvariant() });
        return row is null ? null : ToSummary(row);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AssessmentSummary>> GetAssessmentsAsync(long projectId, CancellationToken ct = default)
    {
        await using var c = await OpenAsync(ct);
        var rows = await c.QueryAsync<AssessmentRow>(AssessmentSelect + " WHERE a.project_id = @projectId ORDER BY a.assessed_at DESC, a.id DESC", new { projectId });
        return [.. rows.Select(ToAssessment)];
    }

    /// <inheritdoc />
    public async Task<AssessmentRecord?> GetAssessmentAsync(long id, CancellationToken ct = default)
    {
        await using var c = await OpenAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<AssessmentRow>(AssessmentSelect.Replace("FROM assessments a", ", a.report_json AS ReportJson FROM assessments a", StringComparison.Ordinal) + " WHERE a.id = @id", new { id });
        if (row is null)
        {
            return null;
        }

        var report = JsonSerializer.Deserialize<Report>(row.ReportJson!, JsonDefaults.Options)
            ?? throw new InvalidDataException($"assessment {id} has an empty report");
        return new AssessmentRecord(ToAssessment(row), report);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> GetFrameworksAsync(CancellationToken ct = default)
    {
        await using var c = await OpenAsync(ct);
        var lists = await c.QueryAsync<string>("SELECT DISTINCT latest_frameworks FROM projects");
        return [.. lists.SelectMany(SplitFrameworks).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> GetCriteriaAsync(CancellationToken ct = default)
    {
        await using var c = await OpenAsync(ct);
        var ids = await c.QueryAsync<string>("SELECT DISTINCT criterion FROM criterion_results");
        return [.. ids.Order(StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            Dispose(true);
            GC.SuppressFinalize(this);
        }
    }

    /// <summary>Releases the store's resources.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            writeLock.Dispose();
        }
    }

    internal static bool HasVerification(Report report) =>
        report.Verification is not null || report.Findings.Any(f => f.Source == Source.Verified);

    internal static string OutcomeName(Outcome o) => JsonNamingPolicy.CamelCase.ConvertName(o.ToString());

    internal static string SourceName(Source s) => JsonNamingPolicy.CamelCase.ConvertName(s.ToString());

    private const string AssessmentSelect = """
        SELECT a.id AS Id, a.project_id AS ProjectId, a.commit_sha AS CommitSha, a.assessed_at AS AssessedAt, a.stars AS Stars,
          a.l1_met AS L1Met, a.l1_app AS L1App, a.l2_met AS L2Met, a.l2_app AS L2App, a.l3_met AS L3Met, a.l3_app AS L3App,
          a.l4_met AS L4Met, a.l4_app AS L4App, a.l5_met AS L5Met, a.l5_app AS L5App, a.has_verification AS HasVerification
        FROM assessments a
        """;

    private static string FormatTime(DateTimeOffset t) => t.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string s) =>
        DateTimeOffset.ParseExact(s, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static string EscapeLike(string s) =>
        s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static IEnumerable<string> SplitFrameworks(string s) => s.Split(',', StringSplitOptions.RemoveEmptyEntries);

    private static LevelCount[] Levels(ILevelRow r) =>
    [
        new(1, (int)r.L1Met, (int)r.L1App), new(2, (int)r.L2Met, (int)r.L2App), new(3, (int)r.L3Met, (int)r.L3App),
        new(4, (int)r.L4Met, (int)r.L4App), new(5, (int)r.L5Met, (int)r.L5App),
    ];

    private static ProjectSummary ToSummary(SummaryRow r) => new(
        r.ProjectId, r.Name, r.Source, r.Owner, r.Repo, r.AssessmentId, r.CommitSha, ParseTime(r.AssessedAt), (int)r.Stars,
        Levels(r), [.. SplitFrameworks(r.Frameworks)], r.HasVerification != 0, (int)r.AssessmentCount);

    private static AssessmentSummary ToAssessment(AssessmentRow r) => new(
        r.Id, r.ProjectId, r.CommitSha, ParseTime(r.AssessedAt), (int)r.Stars, Levels(r), r.HasVerification != 0);

    private interface ILevelRow
    {
        long L1Met { get; }
        long L1App { get; }
        long L2Met { get; }
        long L2App { get; }
        long L3Met { get; }
        long L3App { get; }
        long L4Met { get; }
        long L4App { get; }
        long L5Met { get; }
        long L5App { get; }
    }

    private sealed class SummaryRow : ILevelRow
    {
        public long ProjectId { get; set; }
        public string Name { get; set; } = "";
        public string Source { get; set; } = "";
        public string? Owner { get; set; }
        public string? Repo { get; set; }
        public long AssessmentId { get; set; }
        public string? CommitSha { get; set; }
        public string AssessedAt { get; set; } = "";
        public long Stars { get; set; }
        public long L1Met { get; set; }
        public long L1App { get; set; }
        public long L2Met { get; set; }
        public long L2App { get; set; }
        public long L3Met { get; set; }
        public long L3App { get; set; }
        public long L4Met { get; set; }
        public long L4App { get; set; }
        public long L5Met { get; set; }
        public long L5App { get; set; }
        public string Frameworks { get; set; } = "";
        public long HasVerification { get; set; }
        public long AssessmentCount { get; set; }
    }

    private sealed class AssessmentRow : ILevelRow
    {
        public long Id { get; set; }
        public long ProjectId { get; set; }
        public string? CommitSha { get; set; }
        public string AssessedAt { get; set; } = "";
        public long Stars { get; set; }
        public long L1Met { get; set; }
        public long L1App { get; set; }
        public long L2Met { get; set; }
        public long L2App { get; set; }
        public long L3Met { get; set; }
        public long L3App { get; set; }
        public long L4Met { get; set; }
        public long L4App { get; set; }
        public long L5Met { get; set; }
        public long L5App { get; set; }
        public long HasVerification { get; set; }
        public string? ReportJson { get; set; }
    }

    private sealed class LatestRow
    {
        public long Id { get; set; }
        public long Stars { get; set; }
        public long MetTotal { get; set; }
        public string AssessedAt { get; set; } = "";
        public string Frameworks { get; set; } = "";
        public long HasVerification { get; set; }
    }

    private sealed class FailureRow
    {
        public long Id { get; set; }
        public string Source { get; set; } = "";
        public string Reason { get; set; } = "";
        public string FailedAt { get; set; } = "";
    }
}
