using Remic.Trustee.Distribution;

namespace Remic.Trustee.Statements;

/// <summary>
/// A class's line on the monthly statement to certificateholders. Per-$1,000 figures are per $1,000 of original balance
/// (notional). A notional class has no principal, realized loss or accretion (always 0): its notional amount's change is
/// <see cref="NotionalChange"/>, and its balances are out of every balance and loss total (its interest is cash paid).
/// </summary>
public sealed record ClassLine(
    string Name, bool Notional, decimal OriginalBalance, decimal BeginningBalance, decimal Principal, decimal Interest,
    decimal InterestShortfall, decimal UnpaidInterest, decimal RealizedLoss, decimal EndingBalance, decimal? PassThroughRate,
    decimal PrincipalPer1000, decimal InterestPer1000, decimal EndingPer1000, decimal Accretion = 0m, decimal NotionalChange = 0m);

/// <summary>The statement's total row: interest over every class (cash paid); balances, principal, loss and accretion over the classes with principal.</summary>
public sealed record ClassTotals(decimal BeginningBalance, decimal Principal, decimal Interest, decimal InterestShortfall, decimal UnpaidInterest,
    decimal RealizedLoss, decimal Accretion, decimal EndingBalance)
{
    public static ClassTotals Of(IReadOnlyList<ClassLine> classes)
    {
        var money = classes.Where(k => !k.Notional).ToArray();
        return new(money.Sum(k => k.BeginningBalance), money.Sum(k => k.Principal), classes.Sum(k => k.Interest), classes.Sum(k => k.InterestShortfall),
            classes.Sum(k => k.UnpaidInterest), money.Sum(k => k.RealizedLoss), money.Sum(k => k.Accretion), money.Sum(k => k.EndingBalance));
    }
}

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
    IReadOnlyList<ClassLine> Classes, ClassTotals ClassTotals, IReadOnlyList<GroupLine> Groups,
    IReadOnlyList<NamedAmount> Fees, IReadOnlyList<NamedAmount> Retained, decimal Residual,
    IReadOnlyList<CorridorReceipt> CorridorPayments, IReadOnlyList<CarryForward> CarryForwards,
    Reconciliation Reconciliation);
