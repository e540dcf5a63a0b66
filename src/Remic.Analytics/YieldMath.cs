namespace Remic.Analytics;

/// <summary>
/// Cash-flow yield (domain notes): the monthly rate i with dirty = Σ CF_k / (1+i)^(t_k), t_k months from
/// settlement on 30/360, quoted bond-equivalent: Y = 2·((1+i)^6 − 1). Newton on i (S0 and its derivative
/// in one pass), with Brent's bracketing method as the fallback when Newton leaves the domain or stalls.
/// </summary>
public static class YieldMath
{
    public static double BondEquivalent(double monthlyRate) => 2 * (Math.Pow(1 + monthlyRate, 6) - 1);

    public static double MonthlyFromBondEquivalent(double bey) => Math.Pow(1 + bey / 2, 1.0 / 6) - 1;

    /// <summary>Monthly rate that discounts the flows to <paramref name="dirtyAmount"/>; allocation-free on the Newton path.</summary>
    public static double MonthlyRate(SettledFlows f, double dirtyAmount)
    {
        if (!(dirtyAmount > 0) || double.IsInfinity(dirtyAmount))
            throw new ArgumentOutOfRangeException(nameof(dirtyAmount), dirtyAmount, "the settlement amount must be positive");
        double total = f.TotalCash, weighted = f.CashMonths;
        if (total <= 0) throw new ArgumentException("the class pays nothing after settlement; no yield");
        // Start from the rate that discounts all cash at its cash-weighted time: exact for one flow.
        var tbar = weighted / total;
        var i = tbar > 0 ? Math.Pow(total / dirtyAmount, 1 / tbar) - 1 : 0.005;
        if (!double.IsFinite(i) || i <= -0.5) i = 0.005;
        for (var iter = 0; iter < 50; iter++)
        {
            var s0 = f.PresentValueAndSlope(i, out var s1);
            var fx = s0 - dirtyAmount;
            var dfx = -s1 / (1 + i);            // d/di Σ c(1+i)^−t = −Σ c·t·(1+i)^(−t−1)
            if (dfx == 0 || !double.IsFinite(fx)) break;
            var step = fx / dfx;
            var next = i - step;
            if (!double.IsFinite(next) || next <= -1) break;
            i = next;
            if (Math.Abs(step) <= 1e-15 + 1e-13 * Math.Abs(i)) return i;
        }
        return Bracketed(f, dirtyAmount);
    }

    private static double Bracketed(SettledFlows f, double dirtyAmount)
    {
        double Fx(double x) => f.PresentValue(x) - dirtyAmount;
        double lo = -0.05, hi = 0.05;
        if (!RootFinder.Bracket(Fx, ref lo, ref hi, -0.99, 10))
            throw new ArgumentException($"no yield between −99% and 1000% a month discounts the flows to {dirtyAmount:F2}");
        return RootFinder.Brent(Fx, lo, hi, 1e-16);
    }
}
