using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dapper;

namespace Remic.Trustee.Ledger;

/// <summary>
/// Which audit entries to read (each null = any): deal, period, action (init, remit, remit-replace, close, reopen, statement),
/// actor, entries at or after <see cref="Since"/> (ISO date or timestamp, UTC), and only the <see cref="Last"/> newest.
/// </summary>
public sealed record AuditFilter(string? DealId = null, string? Period = null, string? Action = null, string? Actor = null, string? Since = null, int? Last = null);

/// <summary>One line of the audit log: who did what, when, to which deal and period, from which input.</summary>
public sealed record AuditEntry(long AuditId, string At, string Actor, string Action, string? DealId, string? Period, string Details, string? InputSha256);

/// <summary>
/// Append-only record of every action on the ledger. Entries are written inside the same transaction
/// as the change they describe, so the log and the ledger never disagree.
/// </summary>
public static class AuditLog
{
    /// <summary>The OS user unless the caller names someone (--actor).</summary>
    public static string DefaultActor => Environment.UserName;

    public static void Append(DbConnection c, DbTransaction tx, string actor, string action, string? dealId, string? period, string details, string? inputSha256 = null) =>
        c.Execute("""
            INSERT INTO audit_log (at, actor, action, deal_id, period, details, input_sha256)
            VALUES (@at, @actor, @action, @dealId, @period, @details, @inputSha256)
            """, new { at = Clock.NowText(), actor, action, dealId, period, details, inputSha256 }, tx);

    public static IReadOnlyList<AuditEntry> Read(DbConnection c, string? dealId = null) =>
        c.Query<AuditEntry>("""
            SELECT audit_id AS AuditId, at AS At, actor AS Actor, action AS Action, deal_id AS DealId,
                   period AS Period, details AS Details, input_sha256 AS InputSha256
            FROM audit_log WHERE (@dealId IS NULL OR deal_id = @dealId) ORDER BY audit_id
            """, new { dealId }).ToList();

    /// <summary>The entries that pass the filter, oldest first.</summary>
    public static IReadOnlyList<AuditEntry> Read(DbConnection c, AuditFilter f)
    {
        var rows = c.Query<AuditEntry>("""
            SELECT audit_id AS AuditId, at AS At, actor AS Actor, action AS Action, deal_id AS DealId,
                   period AS Period, details AS Details, input_sha256 AS InputSha256
            FROM audit_log
            WHERE (@DealId IS NULL OR deal_id = @DealId) AND (@Period IS NULL OR period = @Period) AND (@Action IS NULL OR action = @Action)
              AND (@Actor IS NULL OR actor = @Actor) AND (@Since IS NULL OR at >= @Since)
            ORDER BY audit_id DESC
            """, new { f.DealId, f.Period, f.Action, f.Actor, f.Since }).ToList();
        if (f.Last is { } n) rows = rows.Take(n).ToList();
        rows.Reverse();
        return rows;
    }

    public static string Sha256(string text) => Sha256(Encoding.UTF8.GetBytes(text));

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
