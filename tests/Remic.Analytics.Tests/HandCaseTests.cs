using CsCheck;
using Remic.Analytics;
using Remic.Core;

namespace Remic.Analytics.Tests;

/// <summary>Cases whose answers follow in closed form.</summary>
public class HandCaseTests
{
    /// <summary>One payment of 100 on 2010-01-25, bought 2005-01-01 (dated date): 1,824 days of 30/360 = 60.8 months.</summary>
    private static BondCashFlows ZeroCoupon() =>
        new([new DateOnly(2010, 1, 25)], [100.0], [0.0], [100.0], [0.0], [0.0], [0.0], 100, DayCount.Thirty360, 24, new DateOnly(2005, 1, 1));

    [Fact]
    public void Zero_coupon_yield_and_risk_are_closed_form()
    {
        var r = BondAnalytics.AtPrice(ZeroCoupon(), new DateOnly(2005, 1, 1), Price32.Parse("70"));
        const double t = 60.8;                                    // months
        var i = Math.Pow(100 / 70.0, 1 / t) - 1;                  // 70 = 100 / (1+i)^t
        var y = 2 * (Math.Pow(1 + i, 6) - 1);
        Assert.Equal(0.0, r.Accrued.Amount);
        Assert.Equal(i, r.MonthlyYield, 1e-14);
        Assert.Equal(y, r.Yield, 1e-13);
        Assert.Equal(t / 12, r.Wal, 12);
        Assert.Equal(t / 12, r.MacaulayDuration, 12);             // a single flow's duration is its time
        Assert.Equal(t / 12 / (1 + y / 2), r.ModifiedDuration, 12);
        Assert.Equal(t / 12 * (t / 12 + 0.5) / Math.Pow(1 + y / 2, 2) / 100, r.Convexity, 12);
        Assert.Equal("Jan10 - Jan10", r.Window.Label);
        Assert.Equal(60, r.MaturityMonths);
    }

    /// <summary>A 6% 30/360 bullet without delay: 60 monthly coupons of 0.5, principal 100 with the last.</summary>
    private static BondCashFlows Bullet(double coupon = 0.06, int n = 60)
    {
        var principal = new double[n];
        principal[^1] = 100;
        var f = BondCashFlows.FixedRate(100, coupon, principal, null, new DateOnly(2005, 2, 25), new DateOnly(2005, 1, 25), paymentDelay: 0);
        return f;
    }

    [Fact]
    public void Par_bullet_yields_its_coupon_monthly_compounded()
    {
        // Settling on a distribution date at par, flows at whole months: the monthly rate is the coupon / 12.
        // Quoted bond-equivalent, that is 2((1 + c/12)^6 − 1) = 6.0755...% for a 6% coupon, not 6%.
        var r = BondAnalytics.AtPrice(Bullet(), new DateOnly(2005, 1, 25), Price32.Parse("100-00"));
        Assert.Equal(0.0, r.Accrued.Amount);
        Assert.Equal(0.005, r.MonthlyYield, 1e-15);
        Assert.Equal(2 * (Math.Pow(1.005, 6) - 1), r.Yield, 1e-14);
        Assert.Equal(5.0, r.Wal, 12);
        Assert.Equal(30.0, r.TotalInterest, 9);           // 60 coupons of 0.5
    }

    [Fact]
    public void Bullet_price_at_a_yield_is_the_annuity_formula()
    {
        const double y = 0.07;
        var i = Math.Pow(1 + y / 2, 1.0 / 6) - 1;
        var v60 = Math.Pow(1 + i, -60);
        var expected = 0.5 * (1 - v60) / i + 100 * v60;           // coupons as an annuity-immediate + principal
        var f = new SettledFlows(Bullet(), new DateOnly(2005, 1, 25));
        Assert.Equal(expected, BondAnalytics.Price(f, y), 1e-10);
        Assert.Equal(y, BondAnalytics.Yield(f, expected), 1e-13);
    }

    [Fact]
    public void Mid_period_settlement_accrues_from_the_prior_distribution_for_no_delay_classes()
    {
        // 30/360 no-delay: accrual from 2005-02-25 to 2005-03-10 is 15 days.
        var f = new SettledFlows(Bullet(), new DateOnly(2005, 3, 10));
        Assert.Equal(new DateOnly(2005, 2, 25), f.Accrued.From);
        Assert.Equal(15, f.Accrued.Days);
        Assert.Equal(100 * 0.06 * 15 / 360, f.Accrued.Amount, 12);
        Assert.Equal(0.5, f.Months[0], 12);
        Assert.Equal(59, f.Count);
    }

    [Fact]
    public void Delay_classes_accrue_from_the_first_of_the_settlement_month_and_skip_its_distribution()
    {
        // Settling 2005-04-10: the 2005-04-25 distribution pays March's interest to the holder of record, not the buyer.
        var flows = PeerYieldTests.PeerFlows();
        var f = new SettledFlows(flows, new DateOnly(2005, 4, 10));
        Assert.Equal(new DateOnly(2005, 4, 1), f.Accrued.From);
        Assert.Equal(9, f.Accrued.Days);
        Assert.Equal(new DateOnly(2005, 5, 25), flows.Dates[f.First]);
        Assert.Equal(flows.BeginBalance[2] * 0.06 * 9 / 360, f.Accrued.Amount, 9);
    }

    [Fact]
    public void Price_and_yield_round_trip_over_random_bonds()
    {
        Gen.Select(Gen.Double[40, 160], Gen.Double[0.0, 0.12], Gen.Int[1, 360], Gen.Int[0, 27])
            .Sample((price, coupon, n, settleDay) =>
            {
                var principal = Enumerable.Repeat(100.0 / n, n).ToArray();
                var flows = BondCashFlows.FixedRate(100, coupon, principal, null, new DateOnly(2005, 3, 25), new DateOnly(2005, 2, 1));
                var f = new SettledFlows(flows, new DateOnly(2005, 2, 1 + settleDay));
                var y = BondAnalytics.Yield(f, price);
                return Math.Abs(BondAnalytics.Price(f, y) - price) < 1e-10;
            }, iter: 2000);
    }

    [Fact]
    public void Zero_spread_over_a_flat_monthly_curve_is_the_yield_gap()
    {
        // With a flat zero curve z compounded monthly, (1 + (z+s)/12) = 1 + i, so s = 12i − z.
        var f = new SettledFlows(PeerYieldTests.PeerFlows(), new DateOnly(2005, 2, 28));
        var i = YieldMath.MonthlyRate(f, f.DirtyAmount(90));
        var s = Spreads.ZSpread(f, 90, TenorCurve.Flat(0.045));
        Assert.Equal((12 * i - 0.045) * 10_000, s, 1e-6);
    }

    [Fact]
    public void I_spread_interpolates_the_treasury_curve_at_the_WAL()
    {
        var curve = TenorCurve.Parse("2Y=3.00, 5Y=4.00, 10Y=4.50");
        // At 8.42 years: 4.00 + (3.42/5)·0.50 = 4.342%.
        Assert.Equal((0.06679 - 0.04342) * 10_000, Spreads.ISpread(0.06679, 8.42, curve), 1e-9);
        Assert.Equal(0.03, curve.At(0.5));   // flat before the first tenor
        Assert.Equal(0.045, curve.At(30));   // and after the last
        Assert.Equal(0.25, TenorCurve.Parse("3M=1, 1Y=2").Years[0], 12);
    }

    [Fact]
    public void Effective_duration_of_unchanged_flows_is_the_finite_difference_of_the_price()
    {
        var flows = ZeroCoupon();
        var settle = new DateOnly(2005, 1, 1);
        var risk = EffectiveDuration.Compute(flows, flows, flows, settle, 70, shiftBp: 50);
        double P(double y) => 100 / Math.Pow(1 + y / 2, 60.8 / 6);   // (1+Y/2)^(−2t), t = 60.8/12 years
        var y0 = risk.Yield;
        Assert.Equal(70, P(y0), 1e-9);
        var (up, down) = (P(y0 + 0.005), P(y0 - 0.005));
        Assert.Equal((down - up) / (2 * 70 * 0.005), risk.Duration, 1e-9);
        Assert.Equal((up + down - 140) / (70 * 0.005 * 0.005) / 100, risk.Convexity, 1e-6);
    }

    [Fact]
    public void Effective_duration_uses_the_shocked_flows()
    {
        // Rates down → faster paydown. At the lower yield the class trades above par, so returning principal
        // sooner is worth less: the price gain shrinks and convexity falls (negative convexity).
        var settle = new DateOnly(2005, 2, 28);
        var baseFlows = PeerYieldTests.PeerFlows();
        var fast = PeerYieldTests.PeerFlows(240);
        var risk = EffectiveDuration.Compute(baseFlows, baseFlows, fast, settle, 90, 100);
        var plain = EffectiveDuration.Compute(baseFlows, baseFlows, baseFlows, settle, 90, 100);
        Assert.True(risk.DirtyDown < plain.DirtyDown);
        Assert.True(risk.Convexity < plain.Convexity);
        var fastAtLowerYield = new SettledFlows(fast, settle).PresentValue(YieldMath.MonthlyFromBondEquivalent(risk.Yield - 0.01));
        Assert.Equal(fastAtLowerYield, risk.DirtyDown, 1e-6);
    }
}
