namespace Remic.Trustee.Remittance;

/// <summary>The remittance file's columns (header names), in their documented order.</summary>
public static class RemittanceColumns
{
    public const string LoanId = "loan_id";
    public const string Period = "period";
    public const string PriorBalance = "prior_balance";
    public const string ScheduledPrincipal = "scheduled_principal";
    public const string Curtailment = "curtailment";
    public const string Payoff = "payoff";
    public const string PaidThroughDate = "paid_through_date";
    public const string InterestCollected = "interest_collected";
    public const string ServicingFee = "servicing_fee";
    public const string PrincipalAdvance = "principal_advance";
    public const string InterestAdvance = "interest_advance";
    public const string LiquidationProceeds = "liquidation_proceeds";
    public const string RealizedLoss = "realized_loss";
    public const string EndingBalance = "ending_balance";
    public const string Delinquency = "delinquency";
    public const string Modified = "modified";

    public static readonly IReadOnlyList<string> All =
    [
        LoanId, Period, PriorBalance, ScheduledPrincipal, Curtailment, Payoff, PaidThroughDate, InterestCollected,
        ServicingFee, PrincipalAdvance, InterestAdvance, LiquidationProceeds, RealizedLoss, EndingBalance, Delinquency, Modified,
    ];

    /// <summary>prior_balance may be left out of the file entirely (the ledger knows it).</summary>
    public static readonly IReadOnlyList<string> Required = All.Where(c => c != PriorBalance).ToArray();
}
