using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Remic.Trustee.Ledger;

/// <summary>Opens connections to the ledger and applies pending migrations once per process and target.</summary>
public sealed class LedgerDb
{
    public LedgerTarget Target { get; }
    public Dialect Dialect => Target.Dialect;

    private LedgerDb(LedgerTarget target) => Target = target;

    /// <summary>
    /// Opens the ledger, creating or upgrading its schema to the latest migration, then checks every table is there.
    /// Any failure is a <see cref="LedgerUnavailableException"/> naming the ledger and what to do.
    /// </summary>
    public static LedgerDb Open(LedgerTarget target)
    {
        var db = new LedgerDb(target);
        try
        {
            using var c = db.Connect();
            LedgerSchema.CheckIsLedger(c, target);
            MigrationRunner.Upgrade(c, target.Dialect);
            LedgerSchema.CheckTables(c, target);
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException)
        {
            throw LedgerUnavailableException.From(target, e);
        }
        return db;
    }

    public DbConnection Connect()
    {
        DbConnection c = Dialect == Dialect.Postgres
            ? new NpgsqlConnection(Target.ConnectionString)
            : new SqliteConnection(Target.ConnectionString);
        c.Open();
        if (Dialect == Dialect.Sqlite)
        {
            using var cmd = c.CreateCommand();
            // WAL: readers never block the closer; synchronous=FULL: a commit survives a kill or power loss.
            cmd.CommandText = $"PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout={LedgerTarget.BusyTimeoutSeconds * 1000};";
            cmd.ExecuteNonQuery();
        }
        return c;
    }
}
