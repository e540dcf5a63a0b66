using Dapper;
using Remic.Core;
using Remic.Trustee.Ledger;
using Remic.Trustee.Periods;

namespace Remic.Trustee.Operations;

/// <summary>A loan as registered (rates as annual fractions) and its balance after the last closed period.</summary>
public sealed record LoanInfo(
    string DealId, string LoanId, string Group, decimal CutoffBalance, decimal GrossRate, decimal ServicingFeeRate, decimal OtherFeeRate,
    int OriginalTerm, int RemainingTerm, int Age, decimal CurrentBalance, string? BalancePeriod);

/// <summary>One month of a loan's remittance, and whether that period is closed.</summary>
public sealed record LoanMonth(
    Period Period, string State, decimal PriorBalance, decimal ScheduledPrincipal, decimal Curtailment, decimal Payoff, string? PaidThroughDate,
    decimal InterestCollected, decimal ServicingFee, decimal PrincipalAdvance, decimal InterestAdvance, decimal LiquidationProceeds,
    decimal RealizedLoss, decimal EndingBalance, string Delinquency, bool Modified);

public sealed record LoanHistory(LoanInfo Loan, IReadOnlyList<LoanMonth> Months);

/// <summary>`remic trustee loan`: one loan's registration and every month the servicer remitted for it.</summary>
public static class LoanHistoryView
{
    public static LoanHistory Read(LedgerDb db, string dealId, string loanId)
    {
        using var c = db.Connect();
        if (PeriodBook.FirstPeriod(c, dealId) is null) throw DealStatusView.UnknownDeal(c, dealId);
        var info = c.QueryFirstOrDefault<InfoRow>("""
            SELECT loan_id AS LoanId, group_name AS GroupName, cutoff_balance_cents AS Cutoff, gross_rate AS GrossRate, servicing_fee_rate AS ServicingFeeRate,
                   other_fee_rate AS OtherFeeRate, original_term AS OriginalTerm, remaining_term AS RemainingTerm, age AS Age,
                   current_balance_cents AS Current, balance_period AS BalancePeriod
            FROM loans WHERE deal_id = @dealId AND loan_id = @loanId
            """, new { dealId, loanId });
        if (info is null)
        {
            var like = c.Query<string>("SELECT loan_id FROM loans WHERE deal_id = @dealId ORDER BY loan_id LIMIT 3", new { dealId }).ToList();
            throw new RemicInputException("loan", 0, "loan id", loanId, $"a loan of deal {dealId} (its ids look like {string.Join(", ", like)})");
        }
        var months = c.Query<MonthRow>("""
            SELECT r.period AS Period, p.state AS State, r.prior_balance_cents AS Prior, r.scheduled_principal_cents AS Scheduled,
                   r.curtailment_cents AS Curtailment, r.payoff_cents AS Payoff, r.paid_through_date AS PaidThrough,
                   r.interest_collected_cents AS Interest, r.servicing_fee_cents AS Fee, r.principal_advance_cents AS PrincipalAdvance,
                   r.interest_advance_cents AS InterestAdvance, r.liquidation_proceeds_cents AS Liquidation, r.realized_loss_cents AS Loss,
                   r.ending_balance_cents AS Ending, r.delinquency AS Delinquency, r.modified AS Modified
            FROM remittance_rows r JOIN periods p ON p.deal_id = r.deal_id AND p.period = r.period
            WHERE r.deal_id = @dealId AND r.loan_id = @loanId ORDER BY r.period
            """, new { dealId, loanId })
            .Select(r => new LoanMonth(Period.Parse(r.Period), r.State, M(r.Prior), M(r.Scheduled), M(r.Curtailment), M(r.Payoff), r.PaidThrough,
                M(r.Interest), M(r.Fee), M(r.PrincipalAdvance), M(r.InterestAdvance), M(r.Liquidation), M(r.Loss), M(r.Ending), r.Delinquency, r.Modified != 0))
            .ToList();
        return new LoanHistory(new LoanInfo(dealId, info.LoanId, info.GroupName, M(info.Cutoff), info.GrossRate, info.ServicingFeeRate, info.OtherFeeRate,
            (int)info.OriginalTerm, (int)info.RemainingTerm, (int)info.Age, M(info.Current), info.BalancePeriod), months);
    }

    private static decimal M(long cents) => Cents.ToMoney(cents);

    private sealed class InfoRow
    {
        public string LoanId { get; set; } = "";
        public string GroupName { get; set; } = "";
        public long Cutoff { get; set; }
        public decimal GrossRate { get; set; }
        public decimal ServicingFeeRate { get; set; }
        public decimal OtherFeeRate { get; set; }
        public long OriginalTerm { get; set; }
        public long RemainingTerm { get; set; }
        public long Age { get; set; }
        public long Current { get; set; }
        public string? BalancePeriod { get; set; }
    }

    private sealed class MonthRow
    {
        public string Period { get; set; } = "";
        public string State { get; set; } = "";
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
    }
}
