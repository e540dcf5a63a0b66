using Npgsql;

namespace Remic.Grid.Cluster;

/// <summary>
/// Creates Orleans' membership tables on the cluster's PostgreSQL database when they are missing, from the scripts Orleans
/// publishes (Sql/PostgreSQL-Main.sql and Sql/PostgreSQL-Clustering.sql, MIT, embedded as they are). Runs in one transaction
/// under an advisory lock, so silos starting at the same moment create them once and the others find them made; tables
/// that exist are left alone.
/// </summary>
public static class OrleansSchema
{
    /// <summary>A fixed key for pg_advisory_xact_lock: "REMICORL" in ASCII.</summary>
    private const long LockKey = 0x52454D49434F524C;

    public static async Task EnsureAsync(ClusterConnection cluster, CancellationToken ct = default)
    {
        await using var c = await cluster.OpenAsync(ct);
        try
        {
            await using var tx = await c.BeginTransactionAsync(ct);
            await Exec(c, tx, $"SELECT pg_advisory_xact_lock({LockKey})", ct);
            if (!await Exists(c, tx, "orleansquery", ct)) await Exec(c, tx, Script("PostgreSQL-Main.sql"), ct);
            if (!await Exists(c, tx, "orleansmembershiptable", ct)) await Exec(c, tx, Script("PostgreSQL-Clustering.sql"), ct);
            await tx.CommitAsync(ct);
        }
        catch (PostgresException e)
        {
            throw new Remic.Core.RemicInputException(ClusterConnection.Option, 0, "", cluster.Display,
                $"a database where this user may create Orleans' membership tables ({e.SqlState}: {e.MessageText})");
        }
    }

    private static async Task<bool> Exists(NpgsqlConnection c, NpgsqlTransaction tx, string table, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT to_regclass(@t) IS NOT NULL", c, tx);
        cmd.Parameters.AddWithValue("t", table);
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private static async Task Exec(NpgsqlConnection c, NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, c, tx);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    internal static string Script(string name)
    {
        using var s = typeof(OrleansSchema).Assembly.GetManifestResourceStream($"Remic.Grid.Cluster.Sql.{name}")
            ?? throw new InvalidOperationException($"embedded script {name} is missing from Remic.Grid.Cluster");
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }
}
