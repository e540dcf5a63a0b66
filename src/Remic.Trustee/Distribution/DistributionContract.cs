using Remic.Core;

namespace Remic.Trustee.Distribution;

/// <summary>A class as it stands before a period's distribution (after the prior closed period).</summary>
public sealed record ClassPosition(string Name, decimal OriginalBalance, decimal Balance, decimal UnpaidInterest, decimal CumulativeLoss = 0m);

/// <summary>
/// Market inputs fixed for the period: index fixings by name as annual fractions (e.g. "LIBOR_1MO" = 0.0532),
/// used by floaters and the corridor contract. Recorded with the close.
/// </summary>
public sealed record PeriodMarket(IReadOnlyDictionary<string, decimal> Indices)
{
    public PeriodMarket() : this(new Dictionary<string, decimal>()) { }

    public static PeriodMarket With(string index, decimal value) => new(new Dictionary<string, decimal> { [index] = value });
}

/// <summary>
/// An amount the waterfall carries from one period to the next beyond class balances and unpaid interest
/// (e.g. "cap shortfall" per class, "PO deferred" per group, "undercollateralisation"). Whole cents.
/// </summary>
public sealed record CarryForward(string Name, string Item, decimal Amount);

/// <summary>One loan's remittance line with its rates from the cut-off tape (for PO/X splits, compensating interest).</summary>
public sealed record LoanCollection(
    string LoanId, string Group, decimal GrossRate, decimal ServicingFeeRate, decimal OtherFeeRate,
    decimal PriorBalance, decimal ScheduledPrincipal, decimal Curtailment, decimal Payoff, DateOnly? PaidThroughDate,
    decimal InterestCollected, decimal ServicingFee, decimal PrincipalAdvance, decimal InterestAdvance,
    decimal LiquidationProceeds, decimal RealizedLoss, decimal EndingBalance, Remittance.Delinquency Delinquency, bool Modified,
    decimal CompensatingInterest = 0m, decimal? PrepaymentInterestShortfall = null, decimal ReliefActShortfall = 0m, decimal SubsequentRecovery = 0m,
    decimal? ModifiedRate = null, int? ModifiedTerm = null)
{
    /// <summary>Pass-through (net) rate: gross less servicing and other fees.</summary>
    public decimal NetRate => GrossRate - ServicingFeeRate - OtherFeeRate;
}

/// <summary>
/// What the waterfall needs to distribute one actual period: the period's collections, the classes'
/// positions and other carry-forwards after the prior close, the market, the recent closed history (oldest
/// first, up to 12 periods) for trigger tests, and the loan-level lines behind the group totals.
/// <see cref="PeriodNumber"/> is 1 for the deal's first distribution period.
/// </summary>
public sealed record DistributionRequest(
    string DealId,
    Period Period,
    int PeriodNumber,
    PeriodCollections Collections,
    IReadOnlyList<ClassPosition> Classes,
    IReadOnlyList<CarryForward> CarryForwards,
    PeriodMarket Market,
    IReadOnlyList<PeriodCollections> History,
    IReadOnlyList<LoanCollection> Loans);

/// <summary>
/// A class's line for a period: beginning − principal − realized loss + accretion = ending. Accretion is a Z class's
/// accrued interest added to its balance. A <see cref="Notional"/> class owes no principal: its notional amount
/// follows its reference (<see cref="NotionalChange"/>), with no principal, loss or accretion.
/// <see cref="WriteUp"/>: a subsequent recovery restoring part of the losses allocated earlier (beginning − principal − loss
/// + accretion + write-up = ending). <see cref="CorridorPaid"/> is the part of <see cref="InterestPaid"/> that came from a corridor
/// contract; <see cref="PoDeferredPaid"/> a Class PO Deferred Amount paid to the class (held outside its balance).
/// </summary>
public sealed record ClassDistribution(
    string Name,
    decimal BeginningBalance,
    decimal InterestDue,
    decimal InterestPaid,
    decimal InterestShortfall,
    decimal UnpaidInterest,
    decimal PrincipalPaid,
    decimal RealizedLoss,
    decimal EndingBalance,
    decimal? PassThroughRate,
    decimal Accretion = 0m,
    bool Notional = false,
    decimal CorridorPaid = 0m,
    decimal WriteUp = 0m,
    decimal PoDeferredPaid = 0m)
{
    /// <summary>A notional class's change of notional amount this period (ending − beginning); zero for a class with principal.</summary>
    public decimal NotionalChange => Notional ? EndingBalance - BeginningBalance : 0m;
}

public sealed record NamedAmount(string Name, decimal Amount);

public sealed record TriggerResult(string Name, decimal Observed, decimal Threshold, bool Passed);

public sealed record CorridorReceipt(string Contract, decimal Libor, decimal Amount);

/// <summary>
/// The waterfall's answer for one period. Cash in (collections remitted + corridor receipts) must equal
/// cash out (class interest + principal + fees + amounts retained in trust accounts + residual), to the cent.
/// Fees include everything paid out of interest remitted before the classes (e.g. the trustee fee).
/// <see cref="CarryForwards"/> are handed back in the next period's request.
/// </summary>
public sealed record PeriodDistribution(
    IReadOnlyList<ClassDistribution> Classes,
    IReadOnlyList<NamedAmount> Fees,
    IReadOnlyList<NamedAmount> Retained,
    decimal Residual,
    IReadOnlyList<TriggerResult> Triggers,
    IReadOnlyList<CorridorReceipt> CorridorReceipts,
    IReadOnlyList<CarryForward> CarryForwards,
    IReadOnlyList<GroupFigures>? Groups = null)
{
    /// <summary>Why each class got its amount (the waterfall's trace), stored with the close; null if the calculator gives none.</summary>
    public Remic.Deals.Explain.PeriodTrace? Trace { get; init; }
}

/// <summary>
/// A loan group's figures of the period in their own ledger columns: Senior Percentage and Senior Prepayment Percentage
/// (fractions; null for a group without shifting interest), the Class PO Deferred Amount outstanding after the distribution,
/// the prepayment interest shortfall before compensating interest, and the Net Interest Shortfall allocated to the classes (prepayment interest shortfall net of compensating interest,
/// plus Relief Act shortfall).
/// </summary>
public sealed record GroupFigures(string Group, decimal? SeniorPercentage, decimal? SeniorPrepaymentPercentage, decimal PoDeferred,
    decimal PrepaymentInterestShortfall, decimal NetInterestShortfall);

/// <summary>
/// The seam to the deal's waterfall: phase 2 implements this over Remic.Deals' per-period step
/// (the same interpreter projections use). The ledger supplies actual collections and checks the answer.
/// </summary>
public interface IDistributionCalculator
{
    PeriodDistribution Distribute(DistributionRequest request);
}
