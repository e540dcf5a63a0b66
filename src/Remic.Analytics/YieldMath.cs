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
    public static double MonthlyRate(SettledFlows f, double dirtyAmount) =>
        MonthlyRate(f.Cash, f.Months, f.MonthlySpaced, f.TotalCash, f.CashMonths, dirtyAmount);

    /// <summary>
    /// <see cref="MonthlyRate(SettledFlows, double)"/> over flows laid out as <see cref="SettledFlows"/> lays them out
    /// (<paramref name="total"/> = Σ cash, <paramref name="weighted"/> = Σ cash·t, summed in flow order): the one solver
    /// of every caller, so a reused buffer (<see cref="DealClassFigures"/>) solves the same yields bit for bit.
    /// </summary>
    internal static double MonthlyRate(ReadOnlySpan<double> cash, ReadOnlySpan<double> months, bool monthlySpaced,
        double total, double weighted, double dirtyAmount)
    {
        if (!(dirtyAmount > 0) || double.IsInfinity(dirtyAmount))
            throw new ArgumentOutOfRangeException(nameof(dirtyAmount), dirtyAmount, "the settlement amount must be positive");
        if (total <= 0) throw new ArgumentException("the class pays nothing after settlement; no yield");
        if (Newton(cash, months, monthlySpaced, total, weighted, dirtyAmount, out var i)) return i;
        return Bracketed(new Discounted(cash, months, monthlySpaced, dirtyAmount)); // Newton left the domain or stalled
    }

    /// <summary>
    /// <see cref="MonthlyRate(ReadOnlySpan{double}, ReadOnlySpan{double}, bool, double, double, double)"/> answering false
    /// (nothing thrown, nothing allocated) where it throws for want of a yield: a settlement amount that is not positive, no
    /// cash, no rate between −99% and 1000% a month that discounts the flows to the amount, and a NaN present value on the
    /// way (where the bracketing throws <see cref="ArithmeticException"/>). The rate, where there is one, is the same double.
    /// </summary>
    internal static bool TryMonthlyRate(ReadOnlySpan<double> cash, ReadOnlySpan<double> months, bool monthlySpaced,
        double total, double weighted, double dirtyAmount, out double rate)
    {
        rate = double.NaN;
        if (!(dirtyAmount > 0) || double.IsInfinity(dirtyAmount) || total <= 0) return false;
        if (Newton(cash, months, monthlySpaced, total, weighted, dirtyAmount, out rate)) return true;
        var fx = new Discounted(cash, months, monthlySpaced, dirtyAmount);
        double lo = BracketFrom, hi = -BracketFrom;
        if (!RootFinder.TryBracket(fx, ref lo, ref hi, LowestRate, HighestRate, out var nan)) { rate = double.NaN; return false; } // no bracket, or a NaN present value
        rate = RootFinder.TryBrent(fx, lo, hi, RateTolerance, 200, out nan);
        return !nan;
    }

    /// <summary>Newton on i from the cash-weighted time's rate; false when it leaves the domain or stalls.</summary>
    private static bool Newton(ReadOnlySpan<double> cash, ReadOnlySpan<double> months, bool monthlySpaced,
        double total, double weighted, double dirtyAmount, out double rate)
    {
        // Start from the rate that discounts all cash at its cash-weighted time: exact for one flow.
        var tbar = weighted / total;
        var i = tbar > 0 ? Math.Pow(total / dirtyAmount, 1 / tbar) - 1 : 0.005;
        if (!double.IsFinite(i) || i <= -0.5) i = 0.005;
        for (var iter = 0; iter < 50; iter++)
        {
            var s0 = SettledFlows.PresentValueAndSlope(cash, months, monthlySpaced, i, out var s1);
            var fx = s0 - dirtyAmount;
            var dfx = -s1 / (1 + i);            // d/di Σ c(1+i)^−t = −Σ c·t·(1+i)^(−t−1)
            if (dfx == 0 || !double.IsFinite(fx)) break;
            var step = fx / dfx;
            var next = i - step;
            if (!double.IsFinite(next) || next <= -1) break;
            i = next;
            if (Math.Abs(step) <= 1e-15 + 1e-13 * Math.Abs(i)) { rate = i; return true; }
        }
        rate = double.NaN;
        return false;
    }

    // The bracketed solve's search, the same for MonthlyRate and TryMonthlyRate: from ±5% a month, within −99% and 1000%.
    private const double BracketFrom = -0.05, LowestRate = -0.99, HighestRate = 10, RateTolerance = 1e-16;

    private static double Bracketed(Discounted fx)
    {
        double lo = BracketFrom, hi = -BracketFrom;
        if (!RootFinder.Bracket(fx, ref lo, ref hi, LowestRate, HighestRate))
            throw new ArgumentException($"no yield between −99% and 1000% a month discounts the flows to {fx.Dirty:F2}");
        return RootFinder.Brent(fx, lo, hi, RateTolerance);
    }

    /// <summary>Present value less the settlement amount, at a monthly rate: the bracketed solve's function (no delegate,
    /// no copy of the flows).</summary>
    private readonly ref struct Discounted(ReadOnlySpan<double> cash, ReadOnlySpan<double> months, bool monthlySpaced, double dirty)
        : RootFinder.IFunction
    {
        private readonly ReadOnlySpan<double> _cash = cash, _months = months;
        public double Dirty { get; } = dirty;
        public double At(double x) => SettledFlows.PresentValueAndSlope(_cash, _months, monthlySpaced, x, out _) - Dirty;
    }
}
