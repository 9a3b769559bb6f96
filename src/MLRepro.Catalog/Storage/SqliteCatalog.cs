using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace MLRepro.Catalog.Storage;

/// <summary>The catalog in a SQLite file (WAL mode, one writer at a time).</summary>
public sealed class SqliteCatalog : SqlCatalog
{
    private readonly string connectionString;

    private SqliteCatalog(string connectionString)
        : base(SqlDialect.Sqlite) => this.connectionString = connectionString;

    /// <summary>Opens (creating when missing) the database file and applies migrations.</summary>
    public static async Task<SqliteCatalog> OpenAsync(string path, CancellationToken ct = default)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }

        var cs = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true, DefaultTimeout = 30 }.ToString();
        var catalog = new SqliteCatalog(cs);
        await using (var c = new SqliteConnection(cs))
        {
            await c.OpenAsync(ct);
            // WAL lets the web server read while a scan writes.
            await c.ExecuteAsync("PRAGMA journal_mode = WAL");
        }

        await catalog.MigrateAsync(ct);
        return catalog;
    }

    private protected override async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var c = new SqliteConnection(connectionString);
        await c.OpenAsync(ct);
        await c.ExecuteAsync("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000");
        return c;
    }
}
