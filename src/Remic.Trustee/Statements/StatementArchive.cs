using System.Security.Cryptography;
using System.Text;
using Dapper;
using Remic.Core;
using Remic.Trustee.Ledger;

namespace Remic.Trustee.Statements;

/// <summary>
/// Keeps each statement as issued (per deal, period and format; the latest issue replaces an earlier one, with an
/// audit entry carrying its SHA-256). A reopen deletes the period's statements with the rest of its close.
/// </summary>
public static class StatementArchive
{
    public static void Save(LedgerDb db, string dealId, Period period, string format, string content, string actor)
    {
        using var c = db.Connect();
        using var tx = c.BeginTransaction();
        var p = period.ToString();
        c.Execute("DELETE FROM statements WHERE deal_id = @dealId AND period = @p AND format = @format", new { dealId, p, format }, tx);
        c.Execute("INSERT INTO statements (deal_id, period, format, content, created_at) VALUES (@dealId, @p, @format, @content, @at)",
            new { dealId, p, format, content, at = Clock.NowText() }, tx);
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
        AuditLog.Append(c, tx, actor, "statement", dealId, p, $"issued the {format} statement for {p}", sha);
        tx.Commit();
    }

    public static string? Read(LedgerDb db, string dealId, Period period, string format)
    {
        using var c = db.Connect();
        return c.QueryFirstOrDefault<string>("SELECT content FROM statements WHERE deal_id = @dealId AND period = @p AND format = @format",
            new { dealId, p = period.ToString(), format });
    }
}
