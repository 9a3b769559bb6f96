using MLRepro.Catalog.Scanning;

namespace MLRepro.Web;

/// <summary>Settings of the catalog web app.</summary>
public sealed record CatalogWebOptions
{
    /// <summary>Environment variable read for the scan token when <see cref="ScanToken"/> is not set.</summary>
    public const string TokenEnvVar = "MLREPRO_SCAN_TOKEN";

    /// <summary>Catalog database: a SQLite file or a PostgreSQL connection string/URI.</summary>
    public string Db { get; init; } = "catalog.db";

    /// <summary>Addresses to listen on (semicolon-separated).</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5000";

    /// <summary>Bearer token for POST /api/v1/scans; submission is disabled when null or empty.</summary>
    public string? ScanToken { get; init; }

    /// <summary>Scan submissions allowed per client address per window.</summary>
    public int ScanPermitsPerWindow { get; init; } = 5;

    /// <summary>The rate-limit window.</summary>
    public TimeSpan ScanWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Transports a submitted URL may use (https only by default: a web user must not read server-local repositories).</summary>
    public IReadOnlySet<string> SubmitProtocols { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "https" };

    /// <summary>Clone limits for submitted scans.</summary>
    public ScanOptions ScanOptions { get; init; } = new();
}
