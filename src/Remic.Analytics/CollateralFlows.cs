using Remic.Collateral;
using Remic.Core;

namespace Remic.Analytics;

/// <summary>
/// Turns a projected loan group into <see cref="BondCashFlows"/>, for collateral-level figures and for a
/// class that amortises in proportion to its group (a sole senior, or any pro-rata share). Distribution
/// dates are <paramref name="firstDistribution"/> and the same day of each later month (business-day
/// adjustment is the schedule's business, not this helper's).
/// </summary>
public static class CollateralFlows
{
    /// <summary>The whole group as a pass-through: principal, realized losses and net interest as projected.</summary>
    public static BondCashFlows PassThrough(GroupCashFlows g, DateOnly firstDistribution, DateOnly datedDate, int paymentDelay = 24)
    {
        var n = Last(g);
        var dates = new DateOnly[n];
        double[] begin = new double[n], interest = new double[n], principal = new double[n], loss = new double[n], end = new double[n], coupon = new double[n];
        for (var k = 0; k < n; k++)
        {
            var m = k + 1;
            dates[k] = firstDistribution.AddMonths(k);
            begin[k] = g.BeginBalance[m];
            principal[k] = g.Principal(m);
            loss[k] = g.RealizedLoss[m];
            end[k] = g.EndBalance[m];
            interest[k] = g.NetInterest[m];
            coupon[k] = begin[k] > 0 ? interest[k] / begin[k] * 12 : 0;
        }
        return new BondCashFlows(dates, begin, interest, principal, loss, end, coupon, g.EndBalance[0], DayCount.Thirty360, paymentDelay, datedDate);
    }

    /// <summary>
    /// A fixed-rate class of <paramref name="classBalance"/> receiving the group's principal and losses pro rata
    /// (share = class balance / group cut-off balance), paying <paramref name="coupon"/> 30/360 on its own balance.
    /// </summary>
    public static BondCashFlows ProRataClass(GroupCashFlows g, double classBalance, double coupon,
        DateOnly firstDistribution, DateOnly datedDate, int paymentDelay = 24)
    {
        var share = classBalance / g.EndBalance[0];
        var n = Last(g);
        var principal = new double[n];
        var loss = new double[n];
        for (var k = 0; k < n; k++)
        {
            principal[k] = g.Principal(k + 1) * share;
            loss[k] = g.RealizedLoss[k + 1] * share;
        }
        return BondCashFlows.FixedRate(classBalance, coupon, principal, loss, firstDistribution, datedDate, paymentDelay);
    }

    private static int Last(GroupCashFlows g)
    {
        var n = g.MonthsToZero();
        if (n == 0) throw new ArgumentException($"group {g.Group} has no balance to pay");
        return n;
    }
}
