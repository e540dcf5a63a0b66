using System.Data.Common;
using Dapper;
using Remic.Core;
using Remic.Trustee.Ledger;
using Remic.Trustee.Remittance;

namespace Remic.Trustee.Distribution;

/// <summary>
/// Sums a period's loan rows into per-group collections (in SQL, on integer cents: exact) and reads
/// back stored collections of closed periods for trigger history.
/// </summary>
public static class CollectionsAggregator
{
    public static PeriodCollections FromRemittance(DbConnection c, string dealId, Period period, DbTransaction? tx = null)
    {
        var p = period.ToString();
        var sums = c.Query<CollectionRow>("""
            SELECT l.group_name AS GroupName,
                   CAST(SUM(CASE WHEN r.ending_balance_cents > 0 THEN 1 ELSE 0 END) AS BIGINT) AS LoanCount,
                   CAST(SUM(r.prior_balance_cents) AS BIGINT) AS Beginning, CAST(SUM(r.scheduled_principal_cents) AS BIGINT) AS Scheduled,
                   CAST(SUM(r.payoff_cents) AS BIGINT) AS Payoffs, CAST(SUM(r.curtailment_cents) AS BIGINT) AS Curtailments,
                   CAST(SUM(r.liquidation_proceeds_cents) AS BIGINT) AS Liquidation, CAST(SUM(r.realized_loss_cents) AS BIGINT) AS Losses,
                   CAST(SUM(r.interest_collected_cents) AS BIGINT) AS Interest, CAST(SUM(r.servicing_fee_cents) AS BIGINT) AS Fees,
                   CAST(SUM(r.principal_advance_cents) AS BIGINT) AS PrincipalAdvances, CAST(SUM(r.interest_advance_cents) AS BIGINT) AS InterestAdvances,
                   CAST(SUM(r.ending_balance_cents) AS BIGINT) AS Ending,
                   CAST(SUM(r.compensating_interest_cents) AS BIGINT) AS Compensating, CAST(SUM(COALESCE(r.prepayment_interest_shortfall_cents, 0)) AS BIGINT) AS Ppis,
                   CAST(SUM(r.relief_act_shortfall_cents) AS BIGINT) AS Relief, CAST(SUM(r.subsequent_recovery_cents) AS BIGINT) AS Recoveries,
                   CAST(SUM(CASE WHEN r.modified <> 0 THEN 1 ELSE 0 END) AS BIGINT) AS Modified,
                   CAST(SUM(CASE WHEN r.modified <> 0 THEN r.ending_balance_cents ELSE 0 END) AS BIGINT) AS ModifiedBalance
            FROM remittance_rows r JOIN loans l ON l.deal_id = r.deal_id AND l.loan_id = r.loan_id
            WHERE r.deal_id = @dealId AND r.period = @p
            GROUP BY l.group_name
            """, new { dealId, p }, tx).ToDictionary(s => s.GroupName, StringComparer.Ordinal);
        var buckets = c.Query<BucketRow>("""
            SELECT l.group_name AS GroupName, r.delinquency AS Code, COUNT(*) AS Count, CAST(SUM(r.ending_balance_cents) AS BIGINT) AS Cents
            FROM remittance_rows r JOIN loans l ON l.deal_id = r.deal_id AND l.loan_id = r.loan_id
            WHERE r.deal_id = @dealId AND r.period = @p AND r.ending_balance_cents > 0
            GROUP BY l.group_name, r.delinquency
            """, new { dealId, p }, tx).ToLookup(b => b.GroupName, StringComparer.Ordinal);
        var priorCumulative = c.Query<(string group_name, long cents)>("""
            SELECT group_name, cumulative_realized_losses_cents FROM period_collections
            WHERE deal_id = @dealId AND period = @prev
            """, new { dealId, prev = period.AddMonths(-1).ToString() }, tx).ToDictionary(x => x.group_name, x => x.cents, StringComparer.Ordinal);
        var groups = c.Query<string>("SELECT DISTINCT group_name FROM loans WHERE deal_id = @dealId ORDER BY group_name", new { dealId }, tx);

        var result = groups.Select(g =>
        {
            var s = sums.GetValueOrDefault(g) ?? new CollectionRow { GroupName = g };
            var cum = priorCumulative.GetValueOrDefault(g) + s.Losses;
            var dq = Buckets(buckets[g]);
            return new GroupCollections(g, (int)s.LoanCount, M(s.Beginning), M(s.Scheduled), M(s.Payoffs), M(s.Curtailments),
                M(s.Liquidation), M(s.Losses), M(cum), M(s.Interest), M(s.Fees), M(s.PrincipalAdvances), M(s.InterestAdvances), M(s.Ending), dq,
                M(s.Compensating), M(s.Ppis), M(s.Relief), M(s.Recoveries), (int)s.Modified, M(s.ModifiedBalance));
        }).ToArray();
        return new PeriodCollections(period, result);
    }

    /// <summary>Stored collections of closed periods before <paramref name="period"/>, oldest first, at most <paramref name="count"/>.</summary>
    public static IReadOnlyList<PeriodCollections> History(DbConnection c, string dealId, Period period, int count, DbTransaction? tx = null)
    {
        var periods = c.Query<string>("""
            SELECT p.period FROM periods p WHERE p.deal_id = @dealId AND p.state = 'closed' AND p.period < @p
            ORDER BY p.period DESC LIMIT @count
            """, new { dealId, p = period.ToString(), count }, tx).Reverse().ToArray();
        return periods.Select(p => Stored(c, dealId, Period.Parse(p), tx)).ToArray();
    }

    public static PeriodCollections Stored(DbConnection c, string dealId, Period period, DbTransaction? tx = null)
    {
        var p = period.ToString();
        var buckets = c.Query<BucketRow>(
            "SELECT group_name AS GroupName, status AS Code, loan_count AS Count, balance_cents AS Cents FROM delinquency_buckets WHERE deal_id = @dealId AND period = @p", new { dealId, p }, tx)
            .ToLookup(b => b.GroupName, StringComparer.Ordinal);
        var groups = c.Query<CollectionRow>("""
            SELECT group_name AS GroupName, loan_count AS LoanCount, beginning_balance_cents AS Beginning,
                   scheduled_principal_cents AS Scheduled, prepayments_in_full_cents AS Payoffs, curtailments_cents AS Curtailments,
                   liquidation_proceeds_cents AS Liquidation, realized_losses_cents AS Losses, cumulative_realized_losses_cents AS Cumulative,
                   interest_collected_cents AS Interest, servicing_fees_cents AS Fees, principal_advances_cents AS PrincipalAdvances,
                   interest_advances_cents AS InterestAdvances, ending_balance_cents AS Ending,
                   compensating_interest_cents AS Compensating, prepayment_interest_shortfall_cents AS Ppis, relief_act_shortfall_cents AS Relief,
                   subsequent_recoveries_cents AS Recoveries, modified_loans AS Modified, modified_balance_cents AS ModifiedBalance
            FROM period_collections WHERE deal_id = @dealId AND period = @p ORDER BY group_name
            """, new { dealId, p }, tx).Select(s => new GroupCollections(s.GroupName, (int)s.LoanCount, M(s.Beginning), M(s.Scheduled),
                M(s.Payoffs), M(s.Curtailments), M(s.Liquidation), M(s.Losses), M(s.Cumulative), M(s.Interest), M(s.Fees),
                M(s.PrincipalAdvances), M(s.InterestAdvances), M(s.Ending),
                Buckets(buckets[s.GroupName]), M(s.Compensating), M(s.Ppis), M(s.Relief), M(s.Recoveries), (int)s.Modified, M(s.ModifiedBalance)))
            .ToArray();
        return new PeriodCollections(period, groups);
    }

    private static decimal M(long cents) => Cents.ToMoney(cents);

    /// <summary>One delinquency status of a group: loan count and balance in cents (summed or read back stored).</summary>
    private sealed class BucketRow
    {
        public string GroupName { get; set; } = "";
        public string? Code { get; set; }
        public long Count { get; set; }
        public long Cents { get; set; }
    }

    /// <summary>Every delinquency status of the deal's codes, in their order, zero where no loan is in it.</summary>
    private static DelinquencyBucket[] Buckets(IEnumerable<BucketRow> rows) =>
        DelinquencyCodes.All.Select(x => rows.FirstOrDefault(b => b.Code == x.Code) is { } b
            ? new DelinquencyBucket(x.Status, (int)b.Count, M(b.Cents)) : new DelinquencyBucket(x.Status, 0, 0m)).ToArray();

    /// <summary>One group's collections in cents: summed from the loan rows (Cumulative left 0) or read back stored.</summary>
    private sealed class CollectionRow
    {
        public string GroupName { get; set; } = "";
        public long LoanCount { get; set; }
        public long Beginning { get; set; }
        public long Scheduled { get; set; }
        public long Payoffs { get; set; }
        public long Curtailments { get; set; }
        public long Liquidation { get; set; }
        public long Losses { get; set; }
        public long Cumulative { get; set; }
        public long Interest { get; set; }
        public long Fees { get; set; }
        public long PrincipalAdvances { get; set; }
        public long InterestAdvances { get; set; }
        public long Ending { get; set; }
        public long Compensating { get; set; }
        public long Ppis { get; set; }
        public long Relief { get; set; }
        public long Recoveries { get; set; }
        public long Modified { get; set; }
        public long ModifiedBalance { get; set; }
    }

    /// <summary>The groups' prepayment interest shortfall as the close used it (the servicer's figure, or derived from paid-through dates).</summary>
    public static PeriodCollections WithShortfalls(PeriodCollections pc, IReadOnlyList<GroupFigures>? figures) =>
        figures is null ? pc : pc with
        {
            Groups = pc.Groups.Select(g => figures.FirstOrDefault(f => f.Group == g.Group) is { } f
                ? g with { PrepaymentInterestShortfall = f.PrepaymentInterestShortfall } : g).ToArray(),
        };
}
