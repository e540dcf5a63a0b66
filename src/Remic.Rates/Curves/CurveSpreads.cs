using MathNet.Numerics.RootFinding;
using Remic.Analytics;

namespace Remic.Rates.Curves;

/// <summary>
/// Spreads of settled flows over a <see cref="ZeroCurve"/>, in basis points. Time t = months/12 from settlement on
/// 30/360 (the yield's time basis, <see cref="SettledFlows.Months"/>); the Z-spread s is continuously compounded:
/// value = Σ cash_k · P(0, t_k) · e^(−s·t_k).
/// </summary>
public static class CurveSpreads
{
    /// <summary>I-spread: bond-equivalent yield minus the quoted par yield interpolated at the WAL (years), bp.</summary>
    public static double ISpread(double yield, double walYears, ZeroCurve curve) => (yield - curve.QuotedParYield(walYears)) * 10_000;

    /// <summary>Settlement amount of the flows at a Z-spread (bp).</summary>
    public static double ZDirtyAmount(SettledFlows f, ZeroCurve curve, double spreadBp)
    {
        var s = spreadBp / 10_000;
        double pv = 0;
        for (var k = 0; k < f.Count; k++)
        {
            var t = f.Months[k] / 12;
            pv += f.Cash[k] * Math.Exp(-curve.LogDiscount(t) - s * t);
        }
        return pv;
    }

    /// <summary>Z-spread (bp) that discounts the flows to the clean price's settlement amount.</summary>
    public static double ZSpread(SettledFlows f, double cleanPrice, ZeroCurve curve)
    {
        var target = f.DirtyAmount(cleanPrice);
        return SolveSpread(bp => ZDirtyAmount(f, curve, bp) - target, $"no Z-spread prices the flows at {cleanPrice}");
    }

    /// <summary>Clean price (percent) at a Z-spread (bp).</summary>
    public static double PriceAtZSpread(SettledFlows f, double spreadBp, ZeroCurve curve) => f.CleanPrice(ZDirtyAmount(f, curve, spreadBp));

    /// <summary>A spread (bp) where a decreasing value function crosses zero: bracketed, then Brent (MathNet) to 1e-9 bp.</summary>
    internal static double SolveSpread(Func<double, double> f, string failure)
    {
        double lo = -500, hi = 1_000;
        for (var i = 0; i < 60 && f(lo) * f(hi) > 0; i++)
        {
            if (f(lo) < 0) lo -= (hi - lo); else hi += (hi - lo);
            if (lo < -20_000 || hi > 200_000) break;
        }
        if (f(lo) * f(hi) > 0) throw new ArgumentException(failure);
        return Brent.FindRoot(f, lo, hi, 1e-9, 200);
    }
}
