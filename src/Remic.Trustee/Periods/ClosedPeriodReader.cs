using Dapper;
using Remic.Core;
using Remic.Trustee.Distribution;
using Remic.Trustee.Ledger;

namespace Remic.Trustee.Periods;

/// <summary>A class's line as recorded by a close, with its factor (ending / original, 9 decimals) and its realised losses to date net of write-ups.</summary>
public sealed record RecordedClass(ClassDistribution Distribution, decimal OriginalBalance, decimal Factor, decimal CumulativeLoss = 0m);

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
        var classes = c.Query<ClassRow>("""
            SELECT cp.class_name AS Name, k.original_balance_cents AS Original, cp.beginning_balance_cents AS B, cp.interest_due_cents AS Due,
                   cp.interest_paid_cents AS Paid, cp.interest_shortfall_cents AS Shortfall, cp.unpaid_interest_cents AS Unpaid,
                   cp.principal_paid_cents AS Principal, cp.realized_loss_cents AS Loss, cp.ending_balance_cents AS E, cp.factor AS Factor,
                   cp.pass_through_rate AS Rate, cp.accretion_cents AS Accretion, cp.corridor_paid_cents AS Corridor, cp.write_up_cents AS WriteUp,
                   cp.po_deferred_paid_cents AS PoDeferredPaid,
                   CAST((SELECT SUM(h.realized_loss_cents - h.write_up_cents) FROM class_periods h
                         WHERE h.deal_id = cp.deal_id AND h.class_name = cp.class_name AND h.period <= cp.period) AS BIGINT) AS CumulativeLoss
            FROM class_periods cp JOIN deal_classes k ON k.deal_id = cp.deal_id AND k.class_name = cp.class_name
            WHERE cp.deal_id = @dealId AND cp.period = @p ORDER BY k.seq
            """, new { dealId, p })
            .Select(r => new RecordedClass(new ClassDistribution(r.Name, M(r.B), M(r.Due), M(r.Paid), M(r.Shortfall), M(r.Unpaid), M(r.Principal), M(r.Loss),
                    M(r.E), r.Rate, M(r.Accretion), false, M(r.Corridor), M(r.WriteUp), M(r.PoDeferredPaid)),
                M(r.Original), r.Factor, M(r.CumulativeLoss)))
            .ToArray();
        var groupFigures = c.Query<(string group_name, decimal? sp, decimal? spp, long po, long nis)>("""
            SELECT group_name, senior_percentage, senior_prepayment_percentage, po_deferred_cents, net_interest_shortfall_cents
            FROM group_periods WHERE deal_id = @dealId AND period = @p ORDER BY group_name
            """, new { dealId, p })
            .Select(x => new GroupFigures(x.group_name, x.sp, x.spp, M(x.po),
                collections.Groups.FirstOrDefault(g => g.Group == x.group_name)?.PrepaymentInterestShortfall ?? 0m, M(x.nis))).ToArray();
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
            triggers, corridor, PeriodWriter.ReadCarryForwards(c, dealId, period), groupFigures);
        return new ClosedPeriod(dealId, period, state.close_id!, state.closed_at!, PeriodWriter.ReadMarket(c, dealId, period),
            distribution.CarryForwards, collections, classes, distribution,
            Reconciliation.Of(collections, distribution));
    }

    private static decimal M(long cents) => Cents.ToMoney(cents);

    private sealed class ClassRow
    {
        public string Name { get; set; } = "";
        public long Original { get; set; }
        public long B { get; set; }
        public long Due { get; set; }
        public long Paid { get; set; }
        public long Shortfall { get; set; }
        public long Unpaid { get; set; }
        public long Principal { get; set; }
        public long Loss { get; set; }
        public long E { get; set; }
        public decimal Factor { get; set; }
        public decimal? Rate { get; set; }
        public long Accretion { get; set; }
        public long Corridor { get; set; }
        public long WriteUp { get; set; }
        public long PoDeferredPaid { get; set; }
        public long CumulativeLoss { get; set; }
    }
}
