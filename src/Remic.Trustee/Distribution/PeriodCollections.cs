using Remic.Core;
using Remic.Trustee.Remittance;

namespace Remic.Trustee.Distribution;

public sealed record DelinquencyBucket(Delinquency Status, int LoanCount, decimal Balance);

/// <summary>
/// One loan group's actual collections for a period, summed from the servicer's loan rows (exact decimals).
/// Prepayments in full are the payoff column; liquidation proceeds are net of the servicer's reimbursements.
/// </summary>
public sealed record GroupCollections(
    string Group,
    int LoanCount,
    decimal BeginningBalance,
    decimal ScheduledPrincipal,
    decimal PrepaymentsInFull,
    decimal Curtailments,
    decimal LiquidationProceeds,
    decimal RealizedLosses,
    decimal CumulativeRealizedLosses,
    decimal InterestCollected,
    decimal ServicingFees,
    decimal PrincipalAdvances,
    decimal InterestAdvances,
    decimal EndingBalance,
    IReadOnlyList<DelinquencyBucket> Delinquencies,
    decimal CompensatingInterest = 0m,
    decimal PrepaymentInterestShortfall = 0m,
    decimal ReliefActShortfall = 0m,
    decimal SubsequentRecoveries = 0m,
    int ModifiedLoans = 0,
    decimal ModifiedBalance = 0m)
{
    /// <summary>Principal remitted: scheduled (collected or advanced) + prepayments in full + curtailments + liquidation proceeds.</summary>
    public decimal PrincipalRemitted => ScheduledPrincipal + PrepaymentsInFull + Curtailments + LiquidationProceeds;

    /// <summary>Interest remitted: collected + advanced − servicing fee kept by the servicer + compensating interest it paid.</summary>
    public decimal InterestRemitted => InterestCollected + InterestAdvances - ServicingFees + CompensatingInterest;

    /// <summary>Cash the master servicer remits to the trustee for this group (subsequent recoveries included).</summary>
    public decimal Remitted => PrincipalRemitted + InterestRemitted + SubsequentRecoveries;

    public DelinquencyBucket Bucket(Delinquency s) => Delinquencies.FirstOrDefault(b => b.Status == s) ?? new DelinquencyBucket(s, 0, 0m);
}

/// <summary>All groups' collections for one period.</summary>
public sealed record PeriodCollections(Period Period, IReadOnlyList<GroupCollections> Groups)
{
    public decimal Remitted => Groups.Sum(g => g.Remitted);
    public decimal BeginningBalance => Groups.Sum(g => g.BeginningBalance);
    public decimal EndingBalance => Groups.Sum(g => g.EndingBalance);
    public decimal RealizedLosses => Groups.Sum(g => g.RealizedLosses);
    public decimal CumulativeRealizedLosses => Groups.Sum(g => g.CumulativeRealizedLosses);
    public GroupCollections Group(string name) => Groups.First(g => g.Group == name);
}
