using System.Data.Common;
using Dapper;
using Remic.Core;
using Remic.Trustee.Distribution;
using Remic.Trustee.Ledger;

namespace Remic.Trustee.Periods;

/// <summary>Writes (and, for reopen, removes) what a close records for a period. Always inside the caller's transaction.</summary>
public static class PeriodWriter
{
    /// <summary>Tables holding a period's close results; reopen deletes exactly these rows.</summary>
    public static readonly IReadOnlyList<string> CloseTables =
        ["period_collections", "delinquency_buckets", "class_periods", "period_payments", "trigger_results", "corridor_receipts",
         "carry_forwards", "period_indices", "statements", "close_traces", "group_periods"];

    public static void WriteCollections(DbConnection c, DbTransaction tx, string dealId, PeriodCollections pc)
    {
        var p = pc.Period.ToString();
        c.Execute("""
            INSERT INTO period_collections (deal_id, period, group_name, loan_count, beginning_balance_cents, scheduled_principal_cents,
              prepayments_in_full_cents, curtailments_cents, liquidation_proceeds_cents, realized_losses_cents, cumulative_realized_losses_cents,
              interest_collected_cents, servicing_fees_cents, principal_advances_cents, interest_advances_cents, ending_balance_cents,
              compensating_interest_cents, prepayment_interest_shortfall_cents, relief_act_shortfall_cents, subsequent_recoveries_cents,
              modified_loans, modified_balance_cents)
            VALUES (@d, @p, @g, @n, @b, @s, @pif, @cu, @liq, @loss, @cum, @int, @fee, @padv, @iadv, @e, @ci, @ppis, @relief, @rec, @mods, @modb)
            """, pc.Groups.Select(g => new
        {
            d = dealId, p, g = g.Group, n = g.LoanCount, b = C(g.BeginningBalance), s = C(g.ScheduledPrincipal), pif = C(g.PrepaymentsInFull),
            cu = C(g.Curtailments), liq = C(g.LiquidationProceeds), loss = C(g.RealizedLosses), cum = C(g.CumulativeRealizedLosses),
            @int = C(g.InterestCollected), fee = C(g.ServicingFees), padv = C(g.PrincipalAdvances), iadv = C(g.InterestAdvances), e = C(g.EndingBalance),
            ci = C(g.CompensatingInterest), ppis = C(g.PrepaymentInterestShortfall), relief = C(g.ReliefActShortfall), rec = C(g.SubsequentRecoveries),
            mods = g.ModifiedLoans, modb = C(g.ModifiedBalance),
        }), tx);
        c.Execute("INSERT INTO delinquency_buckets (deal_id, period, group_name, status, loan_count, balance_cents) VALUES (@d, @p, @g, @s, @n, @b)",
            pc.Groups.SelectMany(g => g.Delinquencies.Select(b => new
            {
                d = dealId, p, g = g.Group, s = Remittance.DelinquencyCodes.Code(b.Status), n = b.LoanCount, b = C(b.Balance),
            })), tx);
    }

    public static void WriteDistribution(DbConnection c, DbTransaction tx, string dealId, Period period, IReadOnlyList<ClassPosition> positions, PeriodDistribution d)
    {
        var p = period.ToString();
        var original = positions.ToDictionary(k => k.Name, k => k.OriginalBalance, StringComparer.Ordinal);
        c.Execute("""
            INSERT INTO class_periods (deal_id, period, class_name, beginning_balance_cents, interest_due_cents, interest_paid_cents,
              interest_shortfall_cents, unpaid_interest_cents, principal_paid_cents, realized_loss_cents, ending_balance_cents, factor, pass_through_rate, accretion_cents,
              corridor_paid_cents, write_up_cents, po_deferred_paid_cents)
            VALUES (@d, @p, @n, @b, @due, @paid, @sf, @unpaid, @prin, @loss, @e, @factor, @rate, @acc, @cor, @wu, @pod)
            """, d.Classes.Select(k => new
        {
            d = dealId, p, n = k.Name, b = C(k.BeginningBalance), due = C(k.InterestDue), paid = C(k.InterestPaid), sf = C(k.InterestShortfall),
            unpaid = C(k.UnpaidInterest), prin = C(k.PrincipalPaid), loss = C(k.RealizedLoss), e = C(k.EndingBalance),
            factor = Factor(k.EndingBalance, original[k.Name]), rate = k.PassThroughRate, acc = C(k.Accretion),
            cor = C(k.CorridorPaid), wu = C(k.WriteUp), pod = C(k.PoDeferredPaid),
        }), tx);
        c.Execute("""
            INSERT INTO group_periods (deal_id, period, group_name, senior_percentage, senior_prepayment_percentage, po_deferred_cents, net_interest_shortfall_cents)
            VALUES (@d, @p, @g, @sp, @spp, @po, @nis)
            """, (d.Groups ?? []).Select(g => new
        {
            d = dealId, p, g = g.Group, sp = g.SeniorPercentage, spp = g.SeniorPrepaymentPercentage, po = C(g.PoDeferred), nis = C(g.NetInterestShortfall),
        }), tx);
        var payments = d.Fees.Select(f => ("fee", f.Name, f.Amount))
            .Concat(d.Retained.Select(r => ("retained", r.Name, r.Amount)))
            .Append(("residual", "residual", d.Residual));
        c.Execute("INSERT INTO period_payments (deal_id, period, kind, name, amount_cents) VALUES (@d, @p, @k, @n, @a)",
            payments.Select(x => new { d = dealId, p, k = x.Item1, n = x.Item2, a = C(x.Item3) }), tx);
        c.Execute("INSERT INTO trigger_results (deal_id, period, trigger_name, observed, threshold, passed) VALUES (@d, @p, @n, @o, @t, @ok)",
            d.Triggers.Select(t => new { d = dealId, p, n = t.Name, o = t.Observed, t = t.Threshold, ok = t.Passed ? 1 : 0 }), tx);
        c.Execute("INSERT INTO corridor_receipts (deal_id, period, contract, libor, amount_cents) VALUES (@d, @p, @n, @l, @a)",
            d.CorridorReceipts.Select(x => new { d = dealId, p, n = x.Contract, l = x.Libor, a = C(x.Amount) }), tx);
        c.Execute("INSERT INTO carry_forwards (deal_id, period, name, item, amount_cents) VALUES (@d, @p, @n, @i, @a)",
            d.CarryForwards.Select(x => new { d = dealId, p, n = x.Name, i = x.Item, a = C(x.Amount) }), tx);
    }

    public static void WriteMarket(DbConnection c, DbTransaction tx, string dealId, Period period, PeriodMarket market) =>
        c.Execute("INSERT INTO period_indices (deal_id, period, index_name, value) VALUES (@d, @p, @n, @v)",
            market.Indices.Select(x => new { d = dealId, p = period.ToString(), n = x.Key, v = x.Value }), tx);

    public static IReadOnlyList<CarryForward> ReadCarryForwards(DbConnection c, string dealId, Period period, DbTransaction? tx = null) =>
        c.Query<(string name, string item, long amount)>(
                "SELECT name, item, amount_cents FROM carry_forwards WHERE deal_id = @dealId AND period = @p ORDER BY name, item",
                new { dealId, p = period.ToString() }, tx)
            .Select(x => new CarryForward(x.name, x.item, Cents.ToMoney(x.amount))).ToArray();

    public static IReadOnlyDictionary<string, decimal> ReadMarket(DbConnection c, string dealId, Period period, DbTransaction? tx = null) =>
        c.Query<(string name, decimal value)>("SELECT index_name, value FROM period_indices WHERE deal_id = @dealId AND period = @p",
            new { dealId, p = period.ToString() }, tx).ToDictionary(x => x.name, x => x.value, StringComparer.Ordinal);

    /// <summary>Each reported loan's balance becomes its ending balance for the period.</summary>
    public static void RollLoanBalances(DbConnection c, DbTransaction tx, string dealId, Period period) =>
        c.Execute("""
            UPDATE loans SET current_balance_cents = r.ending_balance_cents, balance_period = r.period
            FROM remittance_rows r
            WHERE r.deal_id = loans.deal_id AND r.loan_id = loans.loan_id AND r.deal_id = @dealId AND r.period = @p
            """, new { dealId, p = period.ToString() }, tx);

    /// <summary>Factor = ending balance / original balance, 9 decimals as statements print it (0 for a notional class).</summary>
    public static decimal Factor(decimal ending, decimal original) =>
        original == 0 ? 0m : Math.Round(ending / original, 9, MidpointRounding.AwayFromZero);

    private static long C(decimal m) => Cents.FromMoney(m);
}
