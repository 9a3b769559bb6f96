using Npgsql;

namespace MLRepro.Catalog.Tests.Support;

/// <summary>
/// A throw-away schema in the PostgreSQL server named by MLREPRO_TEST_PG. When the variable is unset the test
/// fails if CI is set (so CI can never silently skip the PostgreSQL half) and is skipped otherwise.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    /// <summary>The environment variable holding the server's connection string.</summary>
    public const string EnvVar = "MLREPRO_TEST_PG";

    private readonly string adminConnectionString;
    private readonly string schema;

    private PostgresTestDatabase(string admin, string schema)
    {
        adminConnectionString = admin;
        this.schema = schema;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { SearchPath = schema }.ConnectionString;
    }

    /// <summary>A connection string whose search path is the fresh schema.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates a fresh schema, or skips/fails as described on the class.</summary>
    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var cs = Environment.GetEnvironmentVariable(EnvVar);
        if (string.IsNullOrWhiteSpace(cs))
        {
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            {
                throw new InvalidOperationException($"{EnvVar} is not set but CI is: PostgreSQL tests must run in CI (see .ci/run).");
            }

            Assert.Skip($"{EnvVar} is not set; start PostgreSQL as docs/catalog.md shows to run the PostgreSQL store tests.");
        }

        var schema = "t_" + Guid.NewGuid().ToString("N")[..16];
        await using var c = new NpgsqlConnection(cs);
        await c.OpenAsync();
        await using (var cmd = new NpgsqlCommand($"CREATE SCHEMA {schema}", c))
        {
            await cmd.ExecuteNonQueryAsync();
        }

        return new PostgresTestDatabase(cs!, schema);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var c = new NpgsqlConnection(adminConnectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", c);
        await cmd.ExecuteNonQueryAsync();
    }
}
