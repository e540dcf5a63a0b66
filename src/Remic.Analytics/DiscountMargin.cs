using Remic.Core;

namespace Remic.Analytics;

/// <summary>
/// Discount margin of a floater: the constant spread m over the index path such that the received flows,
/// discounted period by period at the index + m on the class's accrual basis, equal the dirty price:
/// <code>dirty = Σ_k CF_k · Π_{j≤k} 1 / (1 + (I_j + m)·τ_j)</code>
/// τ_j = days(prior date, date_j) / 360 with actual days for ACT/360 classes (30/360 days for 30/360 ones); the
/// first period runs from settlement. I_j is the index for the j-th received period (<see cref="MonthlyVector"/>:
/// a flat value or a vector whose last value holds). The projected coupons themselves (index × multiplier +
/// margin, cap, floor) are already in the cash flows. Margins are returned in basis points.
/// </summary>
public static class DiscountMargin
{
    /// <summary>Dirty amount (currency) of the flows at a discount margin in bp.</summary>
    public static double DirtyAmount(SettledFlows f, MonthlyVector index, double marginBp)
    {
        var m = marginBp / 10_000;
        var flows = f.Flows;
        double df = 1, pv = 0;
        var prev = f.Settle;
        for (var j = 0; j < f.Count; j++)
        {
            var date = flows.Dates[f.First + j];
            var tau = DayCounts.Days(flows.DayCount == DayCount.Thirty360 ? DayCount.Thirty360 : DayCount.Actual360, prev, date) / 360.0;
            df /= 1 + (index.At(j + 1) + m) * tau;
            pv += f.Cash[j] * df;
            prev = date;
        }
        return pv;
    }

    public static double Price(BondCashFlows flows, DateOnly settle, MonthlyVector index, double marginBp)
    {
        var f = new SettledFlows(flows, settle);
        return f.CleanPrice(DirtyAmount(f, index, marginBp));
    }

    /// <summary>Discount margin (bp) at a clean price (percent of the balance bought).</summary>
    public static double Solve(BondCashFlows flows, DateOnly settle, double cleanPrice, MonthlyVector index)
    {
        var f = new SettledFlows(flows, settle);
        var target = f.DirtyAmount(cleanPrice);
        double Fx(double bp) => DirtyAmount(f, index, bp) - target;
        double lo = -500, hi = 1_000;
        if (!RootFinder.Bracket(Fx, ref lo, ref hi, -20_000, 100_000))
            throw new RemicInputException("--price", 0, "", cleanPrice.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "no discount margin between -200% and 1000% prices the flows there; expected a price the cash flows can reach");
        return RootFinder.Brent(Fx, lo, hi, 1e-10);
    }
}
