using Dapper;
using Remic.Core;
using Remic.Trustee.Ledger;

namespace Remic.Trustee.Statements;

/// <summary>A group's pool composition after a closed period: loans at the start, and rates and terms weighted by ending balance.</summary>
public sealed record GroupComposition(string Group, int BeginningLoanCount, decimal? MortgageRate, decimal? NetRate, decimal? RemainingTerm);

/// <summary>
/// Reads a closed period's pool composition (Item 1121(a)(9) and (12)) and its modified loans ((a)(15)) from the loan rows,
/// in decimal: weighted average mortgage rate and net rate (gross less servicing and other fees, the cut-off rates; a modified rate
/// where the row gives one), and weighted average remaining term (cut-off remaining term less the distributions since, or the
/// modified term), each weighted by the loan's ending balance over the loans still outstanding.
/// </summary>
public static class PoolComposition
{
    public static (IReadOnlyList<GroupComposition> Groups, IReadOnlyList<ModifiedLoan> Modified) Read(LedgerDb db, string dealId, Period period, int periodNumber)
    {
        using var c = db.Connect();
        var rows = c.Query<Row>("""
            SELECT l.group_name AS GroupName, r.loan_id AS LoanId, r.prior_balance_cents AS Prior, r.ending_balance_cents AS Ending,
                   l.gross_rate AS GrossRate, l.servicing_fee_rate AS ServicingFeeRate, l.other_fee_rate AS OtherFeeRate,
                   l.remaining_term AS RemainingTerm, r.modified AS Modified, r.modified_rate AS ModifiedRate, r.modified_term AS ModifiedTerm
            FROM remittance_rows r JOIN loans l ON l.deal_id = r.deal_id AND l.loan_id = r.loan_id
            WHERE r.deal_id = @dealId AND r.period = @p ORDER BY r.row_number
            """, new { dealId, p = period.ToString() }).ToArray();
        var groups = rows.GroupBy(r => r.GroupName, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var live = g.Where(r => r.Ending > 0).ToArray();
            decimal weight = live.Sum(r => (decimal)r.Ending);
            decimal? Avg(Func<Row, decimal> f) => weight == 0 ? null : Math.Round(live.Sum(r => r.Ending * f(r)) / weight, 10);
            return new GroupComposition(g.Key, g.Count(r => r.Prior > 0),
                Avg(Gross), Avg(r => Gross(r) - r.ServicingFeeRate - r.OtherFeeRate), Avg(r => r.ModifiedTerm ?? Math.Max(0, r.RemainingTerm - periodNumber)));
        }).ToArray();
        var modified = rows.Where(r => r.Modified != 0)
            .Select(r => new ModifiedLoan(r.LoanId, r.GroupName, Cents.ToMoney(r.Ending), r.ModifiedRate, r.ModifiedTerm)).ToArray();
        return (groups, modified);
    }

    /// <summary>The loan's note rate as a fraction: the modified rate (given in percent) where the row has one.</summary>
    private static decimal Gross(Row r) => r.ModifiedRate is { } m ? m / 100m : r.GrossRate;

    private sealed class Row
    {
        public string GroupName { get; set; } = "";
        public string LoanId { get; set; } = "";
        public long Prior { get; set; }
        public long Ending { get; set; }
        public decimal GrossRate { get; set; }
        public decimal ServicingFeeRate { get; set; }
        public decimal OtherFeeRate { get; set; }
        public int RemainingTerm { get; set; }
        public long Modified { get; set; }
        public decimal? ModifiedRate { get; set; }
        public int? ModifiedTerm { get; set; }
    }
}
