using Remic.Core;

namespace Remic.Trustee.Distribution;

/// <summary>A class as it stands before a period's distribution (after the prior closed period).</summary>
public sealed record ClassPosition(string Name, decimal OriginalBalance, decimal Balance, decimal UnpaidInterest);

/// <summary>Market inputs fixed for the period (one-month LIBOR for floaters and the corridor contract).</summary>
public sealed record PeriodMarket(decimal? OneMonthLibor = null);

/// <summary>
/// What the waterfall needs to distribute one actual period: the period's collections, the classes'
/// positions, the market, and the recent closed history (newest last, up to 12 periods) for trigger tests.
/// </summary>
public sealed record DistributionRequest(
    string DealId,
    Period Period,
    PeriodCollections Collections,
    IReadOnlyList<ClassPosition> Classes,
    PeriodMarket Market,
    IReadOnlyList<PeriodCollections> History);

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
    decimal? PassThroughRate);

public sealed record NamedAmount(string Name, decimal Amount);

public sealed record TriggerResult(string Name, decimal Observed, decimal Threshold, bool Passed);

public sealed record CorridorReceipt(string Contract, decimal Libor, decimal Amount);

/// <summary>
/// The waterfall's answer for one period. Cash in (collections remitted + corridor receipts) must equal
/// cash out (class interest + principal + fees + amounts retained in trust accounts + residual), to the cent.
/// </summary>
public sealed record PeriodDistribution(
    IReadOnlyList<ClassDistribution> Classes,
    IReadOnlyList<NamedAmount> Fees,
    IReadOnlyList<NamedAmount> Retained,
    decimal Residual,
    IReadOnlyList<TriggerResult> Triggers,
    IReadOnlyList<CorridorReceipt> CorridorReceipts);

/// <summary>
/// The seam to the deal's waterfall: phase 2 implements this over Remic.Deals' per-period step
/// (the same interpreter projections use). The ledger supplies actual collections and checks the answer.
/// </summary>
public interface IDistributionCalculator
{
    PeriodDistribution Distribute(DistributionRequest request);
}
