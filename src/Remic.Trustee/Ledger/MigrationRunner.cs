using System.Data.Common;
using Dapper;

namespace Remic.Trustee.Ledger;

/// <summary>
/// Applies <see cref="Migrations.All"/> in version order, each in its own transaction together with its
/// row in schema_migrations, so an interrupted upgrade resumes where it stopped and a second run is a no-op.
/// </summary>
public static class MigrationRunner
{
    public static IReadOnlyList<int> Upgrade(DbConnection c, Dialect dialect)
    {
        var applied = new List<int>();
        // Two processes may upgrade at once: PostgreSQL serialises them on a session advisory lock,
        // SQLite on the write lock each transaction takes (Microsoft.Data.Sqlite begins IMMEDIATE).
        if (dialect == Dialect.Postgres) c.Execute("SELECT pg_advisory_lock(74110001)");
        try
        {
            Apply(c, dialect, applied);
        }
        finally
        {
            if (dialect == Dialect.Postgres) c.Execute("SELECT pg_advisory_unlock(74110001)");
        }
        return applied;
    }

    private static void Apply(DbConnection c, Dialect dialect, List<int> applied)
    {
        c.Execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        foreach (var m in Migrations.All.OrderBy(m => m.Version))
        {
            using var tx = c.BeginTransaction();
            var done = c.ExecuteScalar<long>("SELECT COUNT(*) FROM schema_migrations WHERE version = @v", new { v = m.Version }, tx);
            if (done > 0) { tx.Rollback(); continue; }
            foreach (var statement in m.ForDialect(dialect)) c.Execute(statement, transaction: tx);
            c.Execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (@v, @n, @at)",
                new { v = m.Version, n = m.Name, at = Clock.NowText() }, tx);
            tx.Commit();
            applied.Add(m.Version);
        }
    }

    public static IReadOnlyList<int> AppliedVersions(DbConnection c) =>
        c.Query<int>("SELECT version FROM schema_migrations ORDER BY version").ToList();
}
