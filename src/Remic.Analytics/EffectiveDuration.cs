namespace Remic.Analytics;

/// <summary>Effective duration and convexity from shocked cash flows.</summary>
/// <param name="Yield">Bond-equivalent yield of the base flows at the given price.</param>
/// <param name="DirtyUp">Dirty amount of the rates-up flows discounted at yield + shift.</param>
/// <param name="DirtyDown">Dirty amount of the rates-down flows discounted at yield − shift.</param>
public sealed record EffectiveRisk(double Yield, double Dirty, double DirtyUp, double DirtyDown, double ShiftBp, double Duration, double Convexity);

/// <summary>
/// Effective (re-projected) duration and convexity. The caller re-projects the class with rates shifted up
/// and down (prepayments respond); here each shocked set of flows is discounted at the base yield ± the same
/// shift (constant-spread, not OAS):
/// <code>EffDur = (P− − P+) / (2·P0·Δy)      EffConv = (P+ + P− − 2·P0) / (P0·Δy²) / 100</code>
/// P are dirty amounts, Δy the shift as a fraction; convexity on the same /100 scale as <see cref="BondFigures.Convexity"/>.
/// </summary>
public static class EffectiveDuration
{
    public static EffectiveRisk Compute(BondCashFlows baseFlows, BondCashFlows up, BondCashFlows down,
        DateOnly settle, double cleanPrice, double shiftBp = 100)
    {
        if (!(shiftBp > 0)) throw new ArgumentOutOfRangeException(nameof(shiftBp), shiftBp, "the rate shift must be positive");
        var b = new SettledFlows(baseFlows, settle);
        var p0 = b.DirtyAmount(cleanPrice);
        var y = YieldMath.BondEquivalent(YieldMath.MonthlyRate(b, p0));
        var dy = shiftBp / 10_000;
        var pUp = new SettledFlows(up, settle).PresentValue(YieldMath.MonthlyFromBondEquivalent(y + dy));
        var pDown = new SettledFlows(down, settle).PresentValue(YieldMath.MonthlyFromBondEquivalent(y - dy));
        return new EffectiveRisk(y, p0, pUp, pDown, shiftBp,
            (pDown - pUp) / (2 * p0 * dy),
            (pUp + pDown - 2 * p0) / (p0 * dy * dy) / 100);
    }
}
