using System.Data.Common;
using Npgsql;

namespace MLRepro.Catalog.Storage;

/// <summary>The catalog in PostgreSQL (Npgsql data source with its own pool).</summary>
public sealed class PostgresCatalog : SqlCatalog
{
    private readonly NpgsqlDataSource dataSource;

    private PostgresCatalog(NpgsqlDataSource dataSource)
        : base(SqlDialect.Postgres) => this.dataSource = dataSource;

    /// <summary>Connects with an Npgsql connection string and applies migrations.</summary>
    public static async Task<PostgresCatalog> OpenAsync(string connectionString, CancellationToken ct = default)
    {
        var catalog = new PostgresCatalog(NpgsqlDataSource.Create(connectionString));
        try
        {
            await catalog.MigrateAsync(ct);
            return catalog;
        }
        catch
        {
            catalog.Dispose();
            throw;
        }
    }

    private protected override async Task<DbConnection> OpenAsync(CancellationToken ct) => await dataSource.OpenConnectionAsync(ct);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            dataSource.Dispose();
        }

        base.Dispose(disposing);
    }
}
