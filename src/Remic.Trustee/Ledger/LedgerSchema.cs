using System.Data.Common;
using System.Text.RegularExpressions;
using Dapper;

namespace Remic.Trustee.Ledger;

/// <summary>
/// Checks on opening a ledger: a SQLite file that holds some other application's tables is not taken over, a ledger
/// written by a newer Remic (a migration this build does not know) is refused, and a ledger missing a table is reported
/// as damaged before any command half-runs against it.
/// </summary>
internal static partial class LedgerSchema
{
    [GeneratedRegex(@"CREATE TABLE (?:IF NOT EXISTS )?(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex CreateTable();

    public static int NewestKnown => Migrations.All.Max(m => m.Version);

    /// <summary>Every table the migrations create.</summary>
    public static IReadOnlyList<string> Tables =>
        Migrations.All.SelectMany(m => CreateTable().Matches(m.Sql).Select(x => x.Groups[1].Value)).Append("schema_migrations").Distinct().ToList();

    public static void CheckIsLedger(DbConnection c, LedgerTarget target)
    {
        var tables = TableNames(c, target.Dialect);
        if (target.Dialect == Dialect.Sqlite && tables.Count > 0 && !tables.Contains("schema_migrations"))
            throw new LedgerUnavailableException(
                $"ledger {target.Name} is an SQLite database of something else (it has tables but no Remic schema); give --db a new file or a Remic ledger");
        if (!tables.Contains("schema_migrations")) return;
        var newest = c.ExecuteScalar<long?>("SELECT MAX(version) FROM schema_migrations") ?? 0;
        if (newest > NewestKnown)
            throw new LedgerUnavailableException(
                $"ledger {target.Name} was written by a newer Remic (schema version {newest}; this build knows up to {NewestKnown}); use that newer Remic with it");
    }

    public static void CheckTables(DbConnection c, LedgerTarget target)
    {
        var tables = TableNames(c, target.Dialect);
        var missing = Tables.Where(t => !tables.Contains(t)).ToList();
        if (missing.Count > 0)
            throw new LedgerUnavailableException(
                $"ledger {target.Name} is missing the table{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}; it is damaged or not a Remic ledger: restore it from a backup");
    }

    private static HashSet<string> TableNames(DbConnection c, Dialect dialect) =>
        c.Query<string>(dialect == Dialect.Sqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'table'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = ANY (current_schemas(false))")
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
