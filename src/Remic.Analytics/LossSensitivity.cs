namespace Remic.Analytics;

/// <summary>How a breakeven search ended.</summary>
public enum BreakevenStatus { Found, LossAtZero, NoLossAtMaximum }

/// <param name="Cdr">Largest CDR (percent, on the 0.01 grid) with no principal loss.</param>
/// <param name="WritedownAbove">Writedown at <paramref name="Cdr"/> + 0.01 (the first losing grid point), if evaluated.</param>
/// <param name="Evaluations">Calls made to the writedown function.</param>
public sealed record BreakevenResult(double Cdr, BreakevenStatus Status, double? WritedownAbove, int Evaluations);

/// <summary>Loss sensitivity helpers: writedowns and the breakeven default rate.</summary>
public static class LossSensitivity
{
    /// <summary>Principal written down over the life, percent of the original balance.</summary>
    public static double WritedownPercent(BondCashFlows flows) => 100 * flows.TotalLoss / flows.OriginalBalance;

    /// <summary>
    /// Breakeven CDR: the largest CDR on a 0.01 grid in [0, <paramref name="maxCdr"/>] at which
    /// <paramref name="writedown"/>(cdr) ≤ <paramref name="tolerance"/> (default half a cent: "no principal loss").
    /// Bisection on grid points, assuming the writedown does not fall as CDR rises: lo always has no loss,
    /// hi always has a loss, so the answer never overstates the breakeven; about log2(100·max) ≈ 14 evaluations.
    /// </summary>
    public static BreakevenResult BreakevenCdr(Func<double, double> writedown, double maxCdr = 100, double tolerance = 0.005)
    {
        if (!(maxCdr > 0)) throw new ArgumentOutOfRangeException(nameof(maxCdr), maxCdr, "the search needs a positive maximum CDR");
        var evals = 0;
        bool Loses(long ticks, out double w) { evals++; w = writedown(ticks / 100.0); return w > tolerance; }
        var hi = (long)Math.Round(maxCdr * 100);
        if (Loses(0, out var w0)) return new BreakevenResult(0, BreakevenStatus.LossAtZero, w0, evals);
        if (!Loses(hi, out var whi)) return new BreakevenResult(hi / 100.0, BreakevenStatus.NoLossAtMaximum, null, evals);
        long lo = 0;
        var above = whi;
        while (hi - lo > 1)
        {
            var mid = lo + (hi - lo) / 2;
            if (Loses(mid, out var w)) { hi = mid; above = w; } else lo = mid;
        }
        return new BreakevenResult(lo / 100.0, BreakevenStatus.Found, above, evals);
    }
}
