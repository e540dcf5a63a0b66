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
    /// <summary>I-spread (bp) over a Treasury par curve: bond-equivalent yield minus the par yield at the WAL (years).</summary>
    public static double ISpread(double yield, double walYears, TreasuryCurve curve) =>
        (yield - curve.ParYield(walYears)) * 10_000;

    /// <summary>The bond-equivalent yield an I-spread (bp) over the par yield at the WAL stands for.</summary>
    public static double YieldAtISpread(double spreadBp, double walYears, TreasuryCurve curve) =>
        curve.ParYield(walYears) + spreadBp / 10_000;

    /// <summary>
    /// Dirty amount of the flows discounted at the bootstrapped zero curve + a spread, in the curve's own (semi-annual)
    /// compounding: DF(t) = (1 + (z(t) + s)/2)^(−2t), t = months/12 from settlement on 30/360 (the yield's time basis).
    /// </summary>
    public static double ZDirtyAmount(SettledFlows f, TreasuryCurve curve, double spreadBp)
    {
        var s = spreadBp / 10_000;
        double pv = 0;
        for (var k = 0; k < f.Count; k++)
        {
            var t = f.Months[k] / 12;
            pv += f.Cash[k] * Math.Pow(1 + (curve.ZeroRate(t) + s) / 2, -2 * t);
        }
        return pv;
    }

    /// <summary>Z-spread (bp) over the Treasury zero curve that discounts the flows to the clean price's settlement amount.</summary>
    public static double ZSpread(SettledFlows f, double cleanPrice, TreasuryCurve curve)
    {
        var target = f.DirtyAmount(cleanPrice);
        double Fx(double bp) => ZDirtyAmount(f, curve, bp) - target;
        double lo = -500, hi = 1_000;
        if (!RootFinder.Bracket(Fx, ref lo, ref hi, -19_000, 100_000))
            throw new ArgumentException($"no Z-spread prices the flows at {cleanPrice}");
        return RootFinder.Brent(Fx, lo, hi, 1e-10);
    }

    /// <summary>Clean price (percent) at a Z-spread (bp) over the Treasury zero curve: the inverse of <see cref="ZSpread(SettledFlows, double, TreasuryCurve)"/>.</summary>
    public static double PriceAtZSpread(SettledFlows f, double spreadBp, TreasuryCurve curve) =>
        f.CleanPrice(ZDirtyAmount(f, curve, spreadBp));
}
