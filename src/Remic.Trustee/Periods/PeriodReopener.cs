using Dapper;
using Remic.Core;
using Remic.Trustee.Ledger;

namespace Remic.Trustee.Periods;

/// <summary>
/// `remic trustee reopen`: takes the latest closed period back to 'remitted' so it can be restated
/// (re-remitted with replace, then closed again). Removes that period's close results and restores the
/// loans' balances, in one transaction with an audit entry. Only the latest period can be reopened.
/// </summary>
public static class PeriodReopener
{
    public static string Reopen(LedgerDb db, string dealId, Period period, string actor, string reason)
    {
        using var c = db.Connect();
        using var tx = c.BeginTransaction();
        var first = PeriodBook.FirstPeriod(c, dealId, tx)
            ?? throw new RemicInputException("deal", 0, "deal id", dealId, "a deal registered with `remic trustee init`");
        var latest = PeriodBook.Latest(c, dealId, tx);
        if (latest is null || latest.Period != period)
            throw new PeriodStateException($"cannot reopen {dealId} {period}: only the latest period can be reopened (latest: {latest?.Period.ToString() ?? "none"})");
        if (latest.Status != PeriodStatus.Closed)
            throw new PeriodStateException($"cannot reopen {dealId} {period}: it is not closed (state: remitted)");

        var p = period.ToString();
        var summary = c.QueryFirst<(long principal, long interest)>(
            "SELECT CAST(COALESCE(SUM(principal_paid_cents), 0) AS BIGINT), CAST(COALESCE(SUM(interest_paid_cents), 0) AS BIGINT) FROM class_periods WHERE deal_id = @dealId AND period = @p",
            new { dealId, p }, tx);
        foreach (var table in PeriodWriter.CloseTables)
            c.Execute($"DELETE FROM {table} WHERE deal_id = @dealId AND period = @p", new { dealId, p }, tx);
        // Every loan outstanding before the period was reported in it, so its prior balance is the balance to restore;
        // its balance then dated from the previous period (or the cut-off for the first period).
        c.Execute("""
            UPDATE loans SET current_balance_cents = r.prior_balance_cents, balance_period = @prev
            FROM remittance_rows r
            WHERE r.deal_id = loans.deal_id AND r.loan_id = loans.loan_id AND r.deal_id = @dealId AND r.period = @p
            """, new { dealId, p, prev = period.ToString() == first ? null : period.AddMonths(-1).ToString() }, tx);
        var changed = c.Execute("""
            UPDATE periods SET state = 'remitted', close_id = NULL, closed_at = NULL
            WHERE deal_id = @dealId AND period = @p AND state = 'closed' AND close_id = @closeId
            """, new { dealId, p, closeId = latest.CloseId }, tx);
        if (changed != 1) throw new ConcurrentCloseException($"{dealId} {period} changed in another process during reopen; nothing was changed");
        AuditLog.Append(c, tx, actor, "reopen", dealId, p,
            $"reopened {period} (was close {latest.CloseId}: class principal {Cents.ToMoney(summary.principal):0.00}, class interest {Cents.ToMoney(summary.interest):0.00}); reason: {reason}");
        tx.Commit();
        return $"{dealId} {period} reopened: restate it with a replacement remittance, then close it again";
    }
}
