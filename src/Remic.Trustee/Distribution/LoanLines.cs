using System.Data.Common;
using System.Globalization;
using Dapper;
using Remic.Core;
using Remic.Trustee.Ledger;
using Remic.Trustee.Remittance;

namespace Remic.Trustee.Distribution;

/// <summary>Reads a period's loan rows joined with each loan's rates, for the waterfall's loan-level needs.</summary>
public static class LoanLines
{
    public static IReadOnlyList<LoanCollection> Read(DbConnection c, string dealId, Period period, DbTransaction? tx = null) =>
        c.Query<Row>("""
            SELECT r.loan_id AS LoanId, l.group_name AS GroupName, l.gross_rate AS GrossRate, l.servicing_fee_rate AS ServicingFeeRate,
                   l.other_fee_rate AS OtherFeeRate, r.prior_balance_cents AS Prior, r.scheduled_principal_cents AS Scheduled,
                   r.curtailment_cents AS Curtailment, r.payoff_cents AS Payoff, r.paid_through_date AS PaidThrough,
                   r.interest_collected_cents AS Interest, r.servicing_fee_cents AS Fee, r.principal_advance_cents AS PrincipalAdvance,
                   r.interest_advance_cents AS InterestAdvance, r.liquidation_proceeds_cents AS Liquidation, r.realized_loss_cents AS Loss,
                   r.ending_balance_cents AS Ending, r.delinquency AS Delinquency, r.modified AS Modified,
                   r.compensating_interest_cents AS Compensating, r.prepayment_interest_shortfall_cents AS Ppis,
                   r.relief_act_shortfall_cents AS Relief, r.subsequent_recovery_cents AS Recovery,
                   r.modified_rate AS ModifiedRate, r.modified_term AS ModifiedTerm
            FROM remittance_rows r JOIN loans l ON l.deal_id = r.deal_id AND l.loan_id = r.loan_id
            WHERE r.deal_id = @dealId AND r.period = @p ORDER BY r.row_number
            """, new { dealId, p = period.ToString() }, tx)
            .Select(r => new LoanCollection(r.LoanId, r.GroupName, r.GrossRate, r.ServicingFeeRate, r.OtherFeeRate,
                M(r.Prior), M(r.Scheduled), M(r.Curtailment), M(r.Payoff),
                r.PaidThrough is null ? null : DateOnly.ParseExact(r.PaidThrough, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                M(r.Interest), M(r.Fee), M(r.PrincipalAdvance), M(r.InterestAdvance), M(r.Liquidation), M(r.Loss), M(r.Ending),
                DelinquencyCodes.TryParse(r.Delinquency, out var s) ? s : throw new InvalidOperationException($"ledger holds unknown status '{r.Delinquency}'"),
                r.Modified != 0, M(r.Compensating), r.Ppis is { } ppis ? M(ppis) : null, M(r.Relief), M(r.Recovery),
                r.ModifiedRate, r.ModifiedTerm))
            .ToArray();

    private static decimal M(long cents) => Cents.ToMoney(cents);

    private sealed class Row
    {
        public string LoanId { get; set; } = "";
        public string GroupName { get; set; } = "";
        public decimal GrossRate { get; set; }
        public decimal ServicingFeeRate { get; set; }
        public decimal OtherFeeRate { get; set; }
        public long Prior { get; set; }
        public long Scheduled { get; set; }
        public long Curtailment { get; set; }
        public long Payoff { get; set; }
        public string? PaidThrough { get; set; }
        public long Interest { get; set; }
        public long Fee { get; set; }
        public long PrincipalAdvance { get; set; }
        public long InterestAdvance { get; set; }
        public long Liquidation { get; set; }
        public long Loss { get; set; }
        public long Ending { get; set; }
        public string Delinquency { get; set; } = "";
        public long Modified { get; set; }
        public long Compensating { get; set; }
        public long? Ppis { get; set; }
        public long Relief { get; set; }
        public long Recovery { get; set; }
        public decimal? ModifiedRate { get; set; }
        public int? ModifiedTerm { get; set; }
    }
}
