using Remic.Core;

namespace Remic.Trustee.Remittance;

/// <summary>
/// One loan's line of a monthly servicer remittance. Amounts are dollars and cents.
/// Principal reduction = scheduled principal + curtailment + payoff + liquidation proceeds + realized loss,
/// and prior balance − principal reduction = ending balance, to the cent.
/// <see cref="ScheduledPrincipal"/> is the principal due this month whether collected or advanced;
/// <see cref="PrincipalAdvance"/> says how much of it the servicer advanced.
/// <see cref="InterestCollected"/> is gross (note-rate) interest from the borrower; <see cref="ServicingFee"/>
/// is what the servicer kept, so interest remitted = collected + advanced − servicing fee + compensating interest.
/// The optional columns (migration 6): <see cref="CompensatingInterest"/> the master servicer pays out of its fee for
/// interest a prepayment cut short; <see cref="PrepaymentInterestShortfall"/> the servicer's own figure of that shortfall
/// before compensating interest (null: the close derives it from the paid-through date); <see cref="ReliefActShortfall"/>
/// interest the Servicemembers Civil Relief Act excuses (neither collected nor advanced); <see cref="SubsequentRecovery"/>
/// cash recovered on a loan liquidated in an earlier period (the row's other amounts are then 0); a modification's new note
/// rate (percent) and remaining term.
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
    bool Modified,
    decimal CompensatingInterest = 0m,
    decimal? PrepaymentInterestShortfall = null,
    decimal ReliefActShortfall = 0m,
    decimal SubsequentRecovery = 0m,
    decimal? ModifiedRate = null,
    int? ModifiedTerm = null)
{
    public decimal PrincipalReduction => ScheduledPrincipal + Curtailment + Payoff + LiquidationProceeds + RealizedLoss;
}
