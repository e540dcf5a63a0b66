using Remic.Core;

namespace Remic.Analytics;

/// <summary>
/// A floating coupon formula: index × <see cref="Multiplier"/> + <see cref="Margin"/>, kept within
/// [<see cref="Floor"/>, <see cref="Cap"/>] (annual fractions; a negative multiplier makes an inverse floater).
/// </summary>
public sealed record FloaterCoupon(double Margin, double Multiplier = 1, double Cap = double.PositiveInfinity, double Floor = 0)
{
    public double Rate(double index) => Math.Clamp(index * Multiplier + Margin, Floor, Cap);

    /// <summary>
    /// Floater cash flows, 0 delay: each distribution pays the coupon set off that period's index
    /// (<paramref name="index"/>.At(k), k = 1 for the first period) on the beginning balance for the days since
    /// the prior distribution (the dated date before the first) under <paramref name="dayCount"/>: actual/360
    /// as the certificates accrue, or 30/360, the basis Countrywide's Computational Materials price/yield
    /// tables use for floaters (a floater at par then yields its coupon's bond equivalent at every speed,
    /// as those tables print: CWALT 2004-J10 1A1 2.24% → 2.25, 2004-J12 A1 2.79% → 2.81).
    /// </summary>
    public BondCashFlows Project(double originalBalance, IReadOnlyList<double> principal, IReadOnlyList<double>? loss,
        MonthlyVector index, DateOnly firstDistribution, DateOnly datedDate, DayCount dayCount = DayCount.Actual360)
    {
        var n = principal.Count;
        var dates = new DateOnly[n];
        double[] begin = new double[n], interest = new double[n], end = new double[n], coupon = new double[n];
        var losses = loss?.ToArray() ?? new double[n];
        var b = originalBalance;
        var prev = datedDate;
        for (var k = 0; k < n; k++)
        {
            dates[k] = firstDistribution.AddMonths(k);
            coupon[k] = Rate(index.At(k + 1));
            begin[k] = b;
            interest[k] = b * coupon[k] * DayCounts.Days(dayCount, prev, dates[k]) / (dayCount == DayCount.Actual365 ? 365.0 : 360.0);
            b -= principal[k] + losses[k];
            if (Math.Abs(b) < 1e-9 * originalBalance) b = 0;
            end[k] = b;
            prev = dates[k];
        }
        return new BondCashFlows(dates, begin, interest, principal, losses, end, coupon, originalBalance, dayCount, 0, datedDate);
    }
}
