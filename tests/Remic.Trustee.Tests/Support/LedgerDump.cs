using System.Data.Common;
using System.Globalization;
using Remic.Trustee.Ledger;

namespace Remic.Trustee.Tests.Support;

/// <summary>
/// The whole ledger as sorted text lines, for "exactly before / exactly after" comparisons. Columns that
/// differ between two runs of the same action (timestamps, generated close ids) are blanked.
/// </summary>
public static class LedgerDump
{
    public static readonly string[] Tables =
    [
        "deals", "loans", "deal_classes", "remittances", "remittance_rows", "periods", "period_collections", "delinquency_buckets",
        "class_periods", "period_payments", "trigger_results", "corridor_receipts", "statements", "deal_tapes",
    ];

    private static readonly HashSet<string> Volatile = ["registered_at", "imported_at", "closed_at", "close_id", "at", "applied_at", "remittance_id"];

    public static string Take(LedgerDb db, bool includeAudit = false)
    {
        using var c = db.Connect();
        var lines = new List<string>();
        foreach (var t in includeAudit ? Tables.Append("audit_log") : Tables)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"SELECT * FROM {t}";
            using var r = cmd.ExecuteReader();
            var rows = new List<string>();
            while (r.Read())
                rows.Add(t + "|" + string.Join("|", Enumerable.Range(0, r.FieldCount).Select(i =>
                    Volatile.Contains(r.GetName(i)) ? "*" : Text(r, i))));
            rows.Sort(StringComparer.Ordinal);
            lines.AddRange(rows);
        }
        return string.Join("\n", lines);
    }

    public static long Count(LedgerDb db, string sql)
    {
        using var c = db.Connect();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static string Text(DbDataReader r, int i)
    {
        if (r.IsDBNull(i)) return "NULL";
        var v = r.GetValue(i);
        return v switch
        {
            decimal d => d.ToString(CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => v.ToString() ?? "",
        };
    }
}
