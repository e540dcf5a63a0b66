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
    /// Opens a ledger that must already exist (every command but `init`): a SQLite file that is not there, or a
    /// PostgreSQL database without the ledger's schema, is refused as bad input, so a mistyped --db never
    /// creates an empty ledger. Its schema is upgraded to the latest migration.
    /// </summary>
    public static LedgerDb OpenExisting(LedgerTarget target)
    {
        if (target.Dialect == Dialect.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(target.ConnectionString).DataSource;
            if (!File.Exists(file) && !Directory.Exists(file)) throw NoLedger(target.Shown, $"an existing ledger; there is no file {Path.GetFullPath(file)}");
        }
        return Open(target, mustExist: true);
    }

    private static Core.RemicInputException NoLedger(string shownAs, string why) =>
        new("--db", 0, "", shownAs, why + " (`remic trustee init deal.yaml` creates a ledger; --db or REMIC_DB names it, default remic.db)");

    /// <summary>
    /// Opens the ledger, creating or upgrading its schema to the latest migration, then checks every table is there.
    /// Any failure is a <see cref="LedgerUnavailableException"/> naming the ledger and what to do.
    /// </summary>
    public static LedgerDb Open(LedgerTarget target) => Open(target, mustExist: false);

    /// <param name="mustExist">A PostgreSQL database without the ledger's schema is refused (checked on the same connection).</param>
    private static LedgerDb Open(LedgerTarget target, bool mustExist)
    {
        var db = new LedgerDb(target);
        var missing = false;
        try
        {
            using var c = db.Connect();
            if (mustExist && target.Dialect == Dialect.Postgres && !HasMigrationsTable(c)) missing = true;
            else
            {
                LedgerSchema.CheckIsLedger(c, target);
                MigrationRunner.Upgrade(c, target.Dialect);
                LedgerSchema.CheckTables(c, target);
            }
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException)
        {
            throw LedgerUnavailableException.From(target, e);
        }
        if (missing) throw NoLedger(target.Shown, "an existing ledger; this database holds none");
        return db;
    }

    private static bool HasMigrationsTable(DbConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT to_regclass('schema_migrations') IS NOT NULL";
        return cmd.ExecuteScalar() is true;
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
