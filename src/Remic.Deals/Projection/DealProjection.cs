using Remic.Collateral;
using Remic.Deals.Model;
using Remic.Deals.Waterfall;

namespace Remic.Deals.Projection;

/// <summary>A projected deal: the collateral it ran on and one waterfall result per distribution date.</summary>
public sealed class DealProjection
{
    public DealProjection(Deal deal, CollateralProjection collateral, IReadOnlyList<PeriodResult<double>> periods, int? calledAt)
    {
        Deal = deal;
        Collateral = collateral;
        Periods = periods;
        CalledAt = calledAt;
    }

    public Deal Deal { get; }
    public CollateralProjection Collateral { get; }
    public IReadOnlyList<PeriodResult<double>> Periods { get; }
    /// <summary>Distribution period in which the clean-up call was exercised, if it was.</summary>
    public int? CalledAt { get; }

    public double TotalPrincipal(int c) => Periods.Sum(p => p.Principal[c]);
    public double TotalInterest(int c) => Periods.Sum(p => p.InterestPaid[c]);
    public double TotalLoss(int c) => Periods.Sum(p => p.Loss[c]);
}
