using Dapper;
using Remic.Core;
using Remic.Trustee.Distribution;
using Remic.Trustee.Ledger;

namespace Remic.Trustee.Periods;

/// <summary>A class's line as recorded by a close, with its factor (ending / original, 9 decimals).</summary>
public sealed record RecordedClass(ClassDistribution Distribution, decimal OriginalBalance, decimal Factor);

/// <summary>Everything a close recorded for one period: the statement's data, read back from the ledger.</summary>
public sealed record ClosedPeriod(
    string DealId,
    Period Period,
    string CloseId,
    string ClosedAt,
    IReadOnlyDictionary<string, decimal> Indices,
    IReadOnlyList<CarryForward> CarryForwards,
    PeriodCollections Collections,
    IReadOnlyList<RecordedClass> Classes,
    PeriodDistribution Distribution,
    Reconciliation Reconciliation);

/// <summary>Reads a closed period back from the ledger (for statements; phase 2 renders them).</summary>
public static class ClosedPeriodReader
{
    public static ClosedPeriod Read(LedgerDb db, string dealId, Period period)
    {
        using var c = db.Connect();
        var p = period.ToString();
        var state = c.QueryFirstOrDefault<(string state, string? close_id, string? closed_at)>(
            "SELECT state, close_id, closed_at FROM periods WHERE deal_id = @dealId AND period = @p", new { dealId, p });
        if (state.state != "closed")
            throw new PeriodStateException($"{dealId} {period} is not closed (state: {state.state ?? "no remittance"}); there is nothing to report yet");

        var collections = CollectionsAggregator.Stored(c, dealId, period);
        var classes = c.Query<(string class_name, long original, long b, long due, long paid, long sf, long unpaid, long prin, long loss, long e, decimal factor, decimal? rate, long acc)>("""
            SELECT cp.class_name, k.original_balance_cents, cp.beginning_balance_cents, cp.interest_due_cents, cp.interest_paid_cents,
                   cp.interest_shortfall_cents, cp.unpaid_interest_cents, cp.principal_paid_cents, cp.realized_loss_cents,
                   cp.ending_balance_cents, cp.factor, cp.pass_through_rate, cp.accretion_cents
            FROM class_periods cp JOIN deal_classes k ON k.deal_id = cp.deal_id AND k.class_name = cp.class_name
            WHERE cp.deal_id = @dealId AND cp.period = @p ORDER BY k.seq
            """, new { dealId, p })
            .Select(r => new RecordedClass(new ClassDistribution(r.class_name, M(r.b), M(r.due), M(r.paid), M(r.sf), M(r.unpaid), M(r.prin), M(r.loss), M(r.e), r.rate, M(r.acc)),
                M(r.original), r.factor))
            .ToArray();
        var payments = c.Query<(string kind, string name, long amount)>(
            "SELECT kind, name, amount_cents FROM period_payments WHERE deal_id = @dealId AND period = @p ORDER BY kind, name", new { dealId, p }).ToArray();
        var triggers = c.Query<(string name, decimal observed, decimal threshold, long passed)>(
            "SELECT trigger_name, observed, threshold, passed FROM trigger_results WHERE deal_id = @dealId AND period = @p ORDER BY trigger_name", new { dealId, p })
            .Select(t => new TriggerResult(t.name, t.observed, t.threshold, t.passed != 0)).ToArray();
        var corridor = c.Query<(string contract, decimal libor, long amount)>(
            "SELECT contract, libor, amount_cents FROM corridor_receipts WHERE deal_id = @dealId AND period = @p ORDER BY contract", new { dealId, p })
            .Select(x => new CorridorReceipt(x.contract, x.libor, M(x.amount))).ToArray();
        var distribution = new PeriodDistribution(
            classes.Select(k => k.Distribution).ToArray(),
            payments.Where(x => x.kind == "fee").Select(x => new NamedAmount(x.name, M(x.amount))).ToArray(),
            payments.Where(x => x.kind == "retained").Select(x => new NamedAmount(x.name, M(x.amount))).ToArray(),
            payments.Where(x => x.kind == "residual").Sum(x => M(x.amount)),
            triggers, corridor, PeriodWriter.ReadCarryForwards(c, dealId, period));
        return new ClosedPeriod(dealId, period, state.close_id!, state.closed_at!, PeriodWriter.ReadMarket(c, dealId, period),
            distribution.CarryForwards, collections, classes, distribution,
            Reconciliation.Of(collections, distribution));
    }

    private static decimal M(long cents) => Cents.ToMoney(cents);
}
