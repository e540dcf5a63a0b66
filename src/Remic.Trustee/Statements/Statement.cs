using Remic.Trustee.Distribution;

namespace Remic.Trustee.Statements;

/// <summary>A class's line on the monthly statement to certificateholders. Per-$1,000 figures are per $1,000 of original balance (notional).</summary>
public sealed record ClassLine(
    string Name, bool Notional, decimal OriginalBalance, decimal BeginningBalance, decimal Principal, decimal Interest,
    decimal InterestShortfall, decimal UnpaidInterest, decimal RealizedLoss, decimal EndingBalance, decimal? PassThroughRate,
    decimal PrincipalPer1000, decimal InterestPer1000, decimal EndingPer1000, decimal Accretion = 0m);

/// <summary>A loan group's collections, fees, advances, delinquencies, losses and shifting-interest figures.</summary>
public sealed record GroupLine(
    string Group, int LoanCount, decimal BeginningBalance, decimal ScheduledPrincipal, decimal PrepaymentsInFull, decimal Curtailments,
    decimal LiquidationProceeds, decimal InterestCollected, decimal ServicingFees, decimal TrusteeFees, decimal PrincipalAdvances,
    decimal InterestAdvances, decimal RealizedLosses, decimal CumulativeRealizedLosses, decimal EndingBalance,
    IReadOnlyList<DelinquencyBucket> Delinquencies, decimal? SeniorPercentage, decimal? SeniorPrepaymentPercentage, bool? StepDownPassed);

/// <summary>The monthly statement: everything a close recorded, arranged as the certificateholders read it.</summary>
public sealed record Statement(
    string DealId, string TrustName, string Period, DateOnly DistributionDate, string CloseId,
    IReadOnlyDictionary<string, decimal> Indices,
    IReadOnlyList<ClassLine> Classes, IReadOnlyList<GroupLine> Groups,
    IReadOnlyList<NamedAmount> Fees, IReadOnlyList<NamedAmount> Retained, decimal Residual,
    IReadOnlyList<CorridorReceipt> CorridorPayments, IReadOnlyList<CarryForward> CarryForwards,
    Reconciliation Reconciliation);
