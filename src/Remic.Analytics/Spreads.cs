namespace Remic.Analytics;

/// <summary>Spreads over a benchmark curve, in basis points.</summary>
public static class Spreads
{
    /// <summary>I-spread: bond-equivalent yield minus the Treasury yield interpolated at the WAL (both BEY), bp.</summary>
    public static double ISpread(double yield, double walYears, TenorCurve treasuries) =>
        (yield - treasuries.At(walYears)) * 10_000;

    /// <summary>
    /// Dirty amount of the flows discounted at the zero curve + a spread, monthly compounding:
    /// DF(t) = (1 + (z(t) + s)/12)^(−12t), t in years from settlement on 30/360 (the yield's time basis).
    /// </summary>
    public static double ZDirtyAmount(SettledFlows f, TenorCurve zeros, double spreadBp)
    {
        var s = spreadBp / 10_000;
        double pv = 0;
        for (var k = 0; k < f.Count; k++)
        {
            var months = f.Months[k];
            pv += f.Cash[k] * Math.Pow(1 + (zeros.At(months / 12) + s) / 12, -months);
        }
        return pv;
    }

    /// <summary>Z-spread (bp): the constant spread over the zero curve that discounts the flows to the dirty price.</summary>
    public static double ZSpread(SettledFlows f, double cleanPrice, TenorCurve zeros)
    {
        var target = f.DirtyAmount(cleanPrice);
        double Fx(double bp) => ZDirtyAmount(f, zeros, bp) - target;
        double lo = -500, hi = 1_000;
        if (!RootFinder.Bracket(Fx, ref lo, ref hi, -1_100, 100_000))
            throw new ArgumentException($"no Z-spread prices the flows at {cleanPrice}");
        return RootFinder.Brent(Fx, lo, hi, 1e-10);
    }
}
