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
    // Optional columns (migration 6): a file without them imports as before, each taken as 0 (or empty).
    public const string CompensatingInterest = "compensating_interest";
    public const string PrepaymentInterestShortfall = "prepayment_interest_shortfall";
    public const string ReliefActShortfall = "relief_act_shortfall";
    public const string SubsequentRecovery = "subsequent_recovery";
    public const string ModifiedRate = "modified_rate";
    public const string ModifiedTerm = "modified_term";

    /// <summary>The columns of the original (phase 2) layout, which the simulator writes.</summary>
    public static readonly IReadOnlyList<string> Basic =
    [
        LoanId, Period, PriorBalance, ScheduledPrincipal, Curtailment, Payoff, PaidThroughDate, InterestCollected,
        ServicingFee, PrincipalAdvance, InterestAdvance, LiquidationProceeds, RealizedLoss, EndingBalance, Delinquency, Modified,
    ];

    /// <summary>Columns a file may leave out: each missing one is 0 (amounts) or empty (modification terms) on every row.</summary>
    public static readonly IReadOnlyList<string> Optional =
        [PriorBalance, CompensatingInterest, PrepaymentInterestShortfall, ReliefActShortfall, SubsequentRecovery, ModifiedRate, ModifiedTerm];

    public static readonly IReadOnlyList<string> All =
        [.. Basic, CompensatingInterest, PrepaymentInterestShortfall, ReliefActShortfall, SubsequentRecovery, ModifiedRate, ModifiedTerm];

    /// <summary>Every column but the optional ones (prior_balance: the ledger knows it).</summary>
    public static readonly IReadOnlyList<string> Required = All.Where(c => !Optional.Contains(c)).ToArray();
}
