using Remic.Core;

namespace Remic.Analytics;

/// <summary>
/// The price/yield engine: cash flows + settlement + price (or yield) in, <see cref="BondFigures"/> out.
/// Conventions are the domain notes' (docs/analytics.md has the formulas).
/// </summary>
public static class BondAnalytics
{
    public static BondFigures AtPrice(BondCashFlows flows, DateOnly settle, Price32 price) =>
        AtPrice(new SettledFlows(flows, settle), price.ToDouble());

    public static BondFigures AtPrice(SettledFlows f, double cleanPrice)
    {
        if (!(cleanPrice > 0) || !double.IsFinite(cleanPrice))
            throw new RemicInputException("--price", 0, "", cleanPrice.ToString(System.Globalization.CultureInfo.InvariantCulture), "expected a positive price in percent of face");
        var dirty = f.DirtyAmount(cleanPrice);
        return Figures(f, cleanPrice, dirty, YieldMath.MonthlyRate(f, dirty));
    }

    public static BondFigures AtYield(BondCashFlows flows, DateOnly settle, double yield) =>
        AtYield(new SettledFlows(flows, settle), yield);

    /// <param name="yield">Bond-equivalent yield, annual fraction (greater than −200%).</param>
    public static BondFigures AtYield(SettledFlows f, double yield)
    {
        if (!(yield > -2) || !double.IsFinite(yield))
            throw new RemicInputException("--yield", 0, "", yield.ToString(System.Globalization.CultureInfo.InvariantCulture), "expected a bond-equivalent yield above -200%");
        var i = YieldMath.MonthlyFromBondEquivalent(yield);
        var dirty = f.PresentValue(i);
        return Figures(f, f.CleanPrice(dirty), dirty, i);
    }

    /// <summary>Bond-equivalent yield for a clean price (the hot path: no allocation once <paramref name="f"/> exists).</summary>
    public static double Yield(SettledFlows f, double cleanPrice) =>
        YieldMath.BondEquivalent(YieldMath.MonthlyRate(f, f.DirtyAmount(cleanPrice)));

    /// <summary>Clean price for a bond-equivalent yield: the exact inverse of <see cref="Yield"/>.</summary>
    public static double Price(SettledFlows f, double yield) =>
        f.CleanPrice(f.PresentValue(YieldMath.MonthlyFromBondEquivalent(yield)));

    /// <summary>WAL in years from settlement: Σ t·principal / Σ principal, t on 30/360.</summary>
    public static double Wal(SettledFlows f)
    {
        double num = 0, den = 0;
        for (var k = 0; k < f.Count; k++) { num += f.Months[k] * f.PrincipalPaid[k]; den += f.PrincipalPaid[k]; }
        return den == 0 ? 0 : num / den / 12;
    }

    /// <summary>WAL in years from any date (closing, for decrement tables): flows dated after it, t on 30/360.</summary>
    public static double WalFrom(BondCashFlows flows, DateOnly from)
    {
        double num = 0, den = 0;
        for (var k = 0; k < flows.Count; k++)
        {
            if (flows.Dates[k] <= from) continue;
            num += DayCounts.Days(DayCount.Thirty360, from, flows.Dates[k]) / 360.0 * flows.Reduction[k];
            den += flows.Reduction[k];
        }
        return den == 0 ? 0 : num / den;
    }

    private static BondFigures Figures(SettledFlows f, double clean, double dirty, double i)
    {
        var y = YieldMath.BondEquivalent(i);
        var (s0, s1, s2) = f.Moments(i);
        // On the bond-equivalent basis a flow at t months is discounted by (1+Y/2)^(−t/6) = (1+i)^(−t).
        var macaulay = s1 / s0 / 12;
        var half = 1 + y / 2;
        var convexity = s2 / 144 / (half * half) / s0 / 100;
        var window = PrincipalWindow.Of(f.Flows, f.First);
        var maturityMonths = window.Last is { } last ? Period.Of(last).MonthsSince(Period.Of(f.Settle)) : 0;
        double prin = 0, intr = 0, loss = 0;
        for (var k = f.First; k < f.Flows.Count; k++)
        {
            prin += f.Flows.Principal[k]; intr += f.Flows.Interest[k]; loss += f.Flows.Loss[k];
        }
        return new BondFigures(f.Settle, clean, f.Accrued, dirty / f.Balance * 100, dirty, y, i,
            Wal(f), macaulay, macaulay / half, convexity, window, window.Last, maturityMonths, prin, intr, loss);
    }
}
