using Remic.Core;

namespace Remic.Trustee.Remittance;

/// <summary>
/// One loan's line of a monthly servicer remittance. Amounts are dollars and cents.
/// Principal reduction = scheduled principal + curtailment + payoff + liquidation proceeds + realized loss,
/// and prior balance − principal reduction = ending balance, to the cent.
/// <see cref="ScheduledPrincipal"/> is the principal due this month whether collected or advanced;
/// <see cref="PrincipalAdvance"/> says how much of it the servicer advanced.
/// <see cref="InterestCollected"/> is gross (note-rate) interest from the borrower; <see cref="ServicingFee"/>
/// is what the servicer kept, so interest remitted = collected + advanced − servicing fee.
/// </summary>
public sealed record RemittanceRow(
    int Line,
    string LoanId,
    Period Period,
    decimal? PriorBalance,
    decimal ScheduledPrincipal,
    decimal Curtailment,
    decimal Payoff,
    DateOnly? PaidThroughDate,
    decimal InterestCollected,
    decimal ServicingFee,
    decimal PrincipalAdvance,
    decimal InterestAdvance,
    decimal LiquidationProceeds,
    decimal RealizedLoss,
    decimal EndingBalance,
    Delinquency Delinquency,
    bool Modified)
{
    public decimal PrincipalReduction => ScheduledPrincipal + Curtailment + Payoff + LiquidationProceeds + RealizedLoss;
}
