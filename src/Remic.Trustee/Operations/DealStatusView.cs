using System.Data.Common;
using Dapper;
using Remic.Core;
using Remic.Trustee.Ledger;
using Remic.Trustee.Periods;

namespace Remic.Trustee.Operations;

/// <summary>A registered deal as the trustee's operations desk sees it: where its periods stand and what comes next.</summary>
public sealed record DealStatus(
    string DealId, string FileName, Period FirstPeriod, int Loans, int LoansOutstanding, decimal CutoffBalance, decimal CurrentBalance,
    int PeriodsClosed, Period? LastClosed, Period? OpenPeriod, string Next);

/// <summary>One period of a deal: its state, the remittance behind it and, once closed, what the close distributed.</summary>
public sealed record PeriodLine(
    Period Period, string State, string RemittanceFile, int Rows, string ImportedAt, string? ClosedAt, string? CloseId,
    decimal RemittedEndingBalance, decimal? ClassPrincipal, decimal? ClassInterest, decimal? RealizedLosses);

/// <summary>`remic trustee status` and `remic trustee periods`: read-only views over the ledger.</summary>
public static class DealStatusView
{
    /// <summary>Every registered deal (or the one named), in deal id order.</summary>
    public static IReadOnlyList<DealStatus> Status(LedgerDb db, string? dealId = null)
    {
        using var c = db.Connect();
        var deals = c.Query<(string deal_id, string file_name, string first_period)>(
            "SELECT deal_id, file_name, first_period FROM deals WHERE (@dealId IS NULL OR deal_id = @dealId) ORDER BY deal_id", new { dealId }).ToList();
        if (dealId is not null && deals.Count == 0) throw UnknownDeal(c, dealId);
        return deals.Select(d =>
        {
            var (loans, outstanding, cutoff, current) = c.QueryFirst<(long, long, long, long)>("""
                SELECT COUNT(*), CAST(COALESCE(SUM(CASE WHEN current_balance_cents > 0 THEN 1 ELSE 0 END), 0) AS BIGINT),
                       CAST(COALESCE(SUM(cutoff_balance_cents), 0) AS BIGINT), CAST(COALESCE(SUM(current_balance_cents), 0) AS BIGINT)
                FROM loans WHERE deal_id = @id
                """, new { id = d.deal_id });
            var periods = PeriodBook.All(c, d.deal_id);
            var closed = periods.Where(p => p.Status == PeriodStatus.Closed).ToList();
            var open = periods.FirstOrDefault(p => p.Status == PeriodStatus.Remitted)?.Period;
            var first = Period.Parse(d.first_period);
            Period? last = closed.Count > 0 ? closed[^1].Period : null;
            var next = open is { } o ? $"close {o}" : outstanding == 0 ? "none: every loan is paid off or liquidated"
                : $"remit {(last is { } l ? l.AddMonths(1) : first)}";
            return new DealStatus(d.deal_id, d.file_name, first, (int)loans, (int)outstanding, Cents.ToMoney(cutoff), Cents.ToMoney(current),
                closed.Count, last, open, next);
        }).ToList();
    }

    /// <summary>A deal's periods, oldest first.</summary>
    public static IReadOnlyList<PeriodLine> Periods(LedgerDb db, string dealId)
    {
        using var c = db.Connect();
        if (PeriodBook.FirstPeriod(c, dealId) is null) throw UnknownDeal(c, dealId);
        return c.Query<(string period, string state, string file_name, long row_count, string imported_at, string? closed_at, string? close_id,
                long ending, long? principal, long? interest, long? losses)>("""
            SELECT p.period, p.state, r.file_name, r.row_count, r.imported_at, p.closed_at, p.close_id,
                   (SELECT CAST(COALESCE(SUM(x.ending_balance_cents), 0) AS BIGINT) FROM remittance_rows x WHERE x.deal_id = p.deal_id AND x.period = p.period),
                   (SELECT CAST(SUM(k.principal_paid_cents) AS BIGINT) FROM class_periods k WHERE k.deal_id = p.deal_id AND k.period = p.period),
                   (SELECT CAST(SUM(k.interest_paid_cents) AS BIGINT) FROM class_periods k WHERE k.deal_id = p.deal_id AND k.period = p.period),
                   (SELECT CAST(SUM(g.realized_losses_cents) AS BIGINT) FROM period_collections g WHERE g.deal_id = p.deal_id AND g.period = p.period)
            FROM periods p JOIN remittances r ON r.remittance_id = p.remittance_id
            WHERE p.deal_id = @dealId ORDER BY p.period
            """, new { dealId })
            .Select(r => new PeriodLine(Period.Parse(r.period), r.state, r.file_name, (int)r.row_count, r.imported_at, r.closed_at, r.close_id,
                Cents.ToMoney(r.ending), M(r.principal), M(r.interest), M(r.losses)))
            .ToList();
    }

    /// <summary>"a deal registered with `remic trustee init`", naming the deals this ledger holds.</summary>
    public static RemicInputException UnknownDeal(DbConnection c, string dealId)
    {
        var ids = c.Query<string>("SELECT deal_id FROM deals ORDER BY deal_id").ToList();
        return new RemicInputException("deal", 0, "deal id", dealId, ids.Count == 0
            ? "a deal registered with `remic trustee init`; this ledger holds none"
            : $"a deal registered with `remic trustee init`; this ledger holds {string.Join(", ", ids)}");
    }

    private static decimal? M(long? cents) => cents is { } x ? Cents.ToMoney(x) : null;
}
