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
    public CollateralProjection Collateral { get; private set; }
    public IReadOnlyList<PeriodResult<double>> Periods { get; }
    /// <summary>Distribution period in which the clean-up call was exercised, if it was.</summary>
    public int? CalledAt { get; private set; }

    /// <summary>A <see cref="WaterfallRun"/>'s projection, pointed at its next run (its periods are the run's store).</summary>
    internal void Reuse(CollateralProjection collateral, int? calledAt)
    {
        Collateral = collateral;
        CalledAt = calledAt;
    }
    /// <summary>The traces recorded (see <see cref="DealRunner.RunWaterfall"/>'s trace periods), in period order; empty by default.</summary>
    public IReadOnlyList<Remic.Deals.Explain.PeriodTrace> Traces { get; init; } = [];

    public double TotalPrincipal(int c) => Periods.Sum(p => p.Principal[c]);
    public double TotalInterest(int c) => Periods.Sum(p => p.InterestPaid[c]);
    public double TotalLoss(int c) => Periods.Sum(p => p.Loss[c]);
}

/// <summary>Distribution periods <see cref="From"/>..<see cref="To"/> (1-based, inclusive) to trace.</summary>
public sealed record TracePeriods(int From, int To)
{
    public static readonly TracePeriods All = new(1, int.MaxValue);
    public static TracePeriods Only(int period) => new(period, period);
    public bool Includes(int period) => period >= From && period <= To;
}
