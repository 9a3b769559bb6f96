using MLRepro.Catalog.Storage;
using Npgsql;

namespace MLRepro.Catalog;

/// <summary>Opens the catalog named by a --db argument: a PostgreSQL connection string or URI, else a SQLite file.</summary>
public static class CatalogFactory
{
    /// <summary>Whether the argument names PostgreSQL ("Host=…" connection string or postgres:// URI).</summary>
    public static bool IsPostgres(string db) =>
        db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || db.Split(';').Any(part => part.TrimStart().StartsWith("Host=", StringComparison.OrdinalIgnoreCase)
                                     || part.TrimStart().StartsWith("Server=", StringComparison.OrdinalIgnoreCase));

    /// <summary>Opens the catalog and applies migrations.</summary>
    public static async Task<ICatalog> OpenAsync(string db, CancellationToken ct = default) =>
        IsPostgres(db)
            ? await PostgresCatalog.OpenAsync(ToNpgsql(db), ct)
            : await SqliteCatalog.OpenAsync(db, ct);

    /// <summary>Turns a postgres:// URI into an Npgsql connection string; passes connection strings through.</summary>
    public static string ToNpgsql(string db)
    {
        if (!db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) && !db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return db;
        }

        var uri = new Uri(db);
        var b = new NpgsqlConnectionStringBuilder { Host = uri.Host, Port = uri.Port > 0 ? uri.Port : 5432 };
        var db0 = uri.AbsolutePath.Trim('/');
        if (db0.Length > 0)
        {
            b.Database = Uri.UnescapeDataString(db0);
        }

        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            b.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                b.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        return b.ConnectionString;
    }
}
