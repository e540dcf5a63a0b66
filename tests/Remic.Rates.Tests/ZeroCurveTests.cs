using Remic.Analytics;
using Remic.Rates.Curves;

namespace Remic.Rates.Tests;

public class ZeroCurveTests
{
    /// <summary>The Treasury curve as the 2004 CM pages print it (issue 15).</summary>
    public const string CmCurve = "6MO 2.634, 2YR 3.142, 3YR 3.295, 5YR 3.637, 10YR 4.140, 30YR 4.645";

    [Fact]
    public void Bootstrapped_curve_reprices_every_par_instrument_to_1e_10()
    {
        var curve = ZeroCurve.Parse(CmCurve);
        Assert.Equal(6, curve.Tenors.Count);
        for (var i = 0; i < curve.Tenors.Count; i++)
            Assert.True(Math.Abs(curve.RepricingError(i)) < 1e-10, $"tenor {curve.Tenors[i]}: error {curve.RepricingError(i):e3}");
        // Par bonds of the quoted tenors: the model par yield is the quote.
        foreach (var (t, y) in new[] { (2.0, 0.03142), (3.0, 0.03295), (5.0, 0.03637), (10.0, 0.04140), (30.0, 0.04645) })
            Assert.Equal(y, curve.ModelParYield(t), 12);
    }

    [Fact]
    public void Curve_with_a_stub_tenor_reprices_with_accrued_interest()
    {
        var curve = ZeroCurve.Parse("3MO 1.0, 6MO 1.2, 1YR 1.5, 2.25YR 2.0, 7YR 3.5");
        for (var i = 0; i < curve.Tenors.Count; i++) Assert.True(Math.Abs(curve.RepricingError(i)) < 1e-10, $"tenor {curve.Tenors[i]}");
    }

    [Fact]
    public void Flat_par_curve_gives_the_semiannual_zero_everywhere()
    {
        // On a flat 5% par curve every par bond prices at 100 with P(t) = 1.025^(−2t): each zero rate is 5% semi-annual.
        var curve = ZeroCurve.Parse("6MO 5, 1YR 5, 2YR 5, 5YR 5, 10YR 5, 30YR 5");
        foreach (var t in new[] { 0.25, 0.5, 1, 1.7, 3, 7.3, 10, 22.2, 30, 35 })
            Assert.Equal(Math.Pow(1.025, -2 * t), curve.Discount(t), 12);
        Assert.Equal(2 * Math.Log(1.025), curve.Forward(13.4), 10);
    }

    [Fact]
    public void Two_instrument_curve_by_hand()
    {
        // A 6-month bill at 4%: P(0.5) = 1/1.02. A 1-year par bond at 5%: 0.025·P(0.5) + 1.025·P(1) = 1.
        var curve = ZeroCurve.Parse("6MO 4, 1YR 5");
        var p05 = 1 / 1.02;
        var p1 = (1 - 0.025 * p05) / 1.025;
        Assert.Equal(p05, curve.Discount(0.5), 14);
        Assert.Equal(p1, curve.Discount(1), 14);
        Assert.Equal(Math.Log(p05 / p1) / 0.5, curve.ForwardRate(0.5, 1), 12);
    }

    [Fact]
    public void Forwards_are_continuous_and_positive_on_the_cm_curve()
    {
        var curve = ZeroCurve.Parse(CmCurve);
        var prev = curve.Forward(0);
        for (var t = 0.01; t <= 40; t += 0.01)
        {
            var f = curve.Forward(t);
            Assert.True(f > 0, $"forward at {t:0.00}: {f}");
            Assert.True(Math.Abs(f - prev) < 5e-4, $"forward jumps at {t:0.00}: {prev} → {f}");
            prev = f;
            // The forward is the log-discount's slope.
            Assert.Equal(f, (curve.LogDiscount(t + 1e-5) - curve.LogDiscount(t - 1e-5)) / 2e-5, 6);
        }
    }

    [Fact]
    public void Z_spread_and_price_at_spread_invert_and_match_a_hand_case()
    {
        // One bullet: 100 face paying 6% 30/360 monthly for 24 months from a settlement on a payment date; flat 4%
        // continuous curve. The price at Z = 37 bp is Σ c·e^(−(0.04+0.0037)·t), t = months/12.
        var curve = ZeroCurve.FlatContinuous(0.04);
        var principal = new double[24];
        principal[23] = 100;
        var flows = BondCashFlows.FixedRate(100, 0.06, principal, null, new DateOnly(2004, 5, 25), new DateOnly(2004, 4, 25), 0);
        var f = new SettledFlows(flows, new DateOnly(2004, 4, 25));
        double pv = 0;
        for (var m = 1; m <= 24; m++) pv += (0.5 + (m == 24 ? 100 : 0)) * Math.Exp(-0.0437 * m / 12);
        Assert.Equal(pv, CurveSpreads.PriceAtZSpread(f, 37, curve), 10);
        Assert.Equal(37, CurveSpreads.ZSpread(f, pv, curve), 7);
    }

    [Fact]
    public void I_spread_is_yield_over_the_quoted_par_yield_at_the_wal()
    {
        var curve = ZeroCurve.Parse(CmCurve);
        // WAL 4 years: halfway between 3YR 3.295 and 5YR 3.637 → 3.466%.
        Assert.Equal((0.05 - 0.03466) * 10_000, CurveSpreads.ISpread(0.05, 4, curve), 9);
    }

    [Fact]
    public void Agrees_with_the_existing_treasury_curve_where_the_quotes_are_dense()
    {
        // Analytics' TreasuryCurve interpolates par yields linearly on a half-year grid; this curve interpolates
        // the log-discount. Both reprice the quoted par bonds, so zero rates agree to within a basis point where
        // tenors are close together; across the 10-30 year gap the interpolations differ (≈ 7 bp at 30 years).
        var quoted = TreasuryCurve.Parse(CmCurve);
        var curve = ZeroCurve.FromTreasury(quoted);
        foreach (var t in new[] { 0.5, 2, 3, 5, 10 })
        {
            var semi = 2 * (Math.Pow(curve.Discount(t), -1 / (2 * t)) - 1);
            Assert.True(Math.Abs(semi - quoted.ZeroRate(t)) < 1e-4, $"t={t}: {semi} vs {quoted.ZeroRate(t)}");
        }
        Assert.True(Math.Abs(2 * (Math.Pow(curve.Discount(30), -1 / 60.0) - 1) - quoted.ZeroRate(30)) < 10e-4);
    }
}
