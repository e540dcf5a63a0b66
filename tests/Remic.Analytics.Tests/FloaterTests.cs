using Remic.Analytics;
using Remic.Core;

namespace Remic.Analytics.Tests;

public class FloaterTests
{
    private static readonly DateOnly Dated = new(2005, 1, 25);

    /// <summary>A 1M LIBOR + 35 bp floater, 24 monthly distributions, amortising 1/24 a month.</summary>
    private static BondCashFlows Floater(MonthlyVector index, FloaterCoupon? coupon = null)
    {
        var principal = Enumerable.Repeat(1_000_000 / 24.0, 24).ToArray();
        return (coupon ?? new FloaterCoupon(0.0035)).Project(1_000_000, principal, null, index, new DateOnly(2005, 2, 25), Dated);
    }

    [Fact]
    public void Coupons_follow_the_index_with_cap_and_floor()
    {
        var c = new FloaterCoupon(Margin: 0.0035, Multiplier: 1, Cap: 0.055, Floor: 0.004);
        Assert.Equal(0.0335, c.Rate(0.03), 15);
        Assert.Equal(0.055, c.Rate(0.07));     // capped
        Assert.Equal(0.004, c.Rate(0.0));      // floored
        var f = Floater(MonthlyVector.Flat(0.03));
        Assert.Equal(1_000_000 * 0.0335 * 31 / 360, f.Interest[0], 9);   // 2005-01-25 → 02-25 is 31 actual days
        Assert.Equal(DayCount.Actual360, f.DayCount);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void At_par_on_a_distribution_date_the_discount_margin_is_the_coupon_margin(bool vector)
    {
        // Discounting each period at index + margin on actual/360 telescopes back to the balance:
        // B·(1 + r·τ) = interest + principal + next balance. So price 100 ⇔ DM = 35 bp, whatever the index path.
        var index = vector ? new MonthlyVector([0.028, 0.03, 0.032, 0.035, 0.04]) : MonthlyVector.Flat(0.03);
        var flows = Floater(index);
        var dm = DiscountMargin.Solve(flows, Dated, 100, index);
        Assert.Equal(35, dm, 1e-6);
    }

    [Fact]
    public void Accrued_interest_is_actual_360_from_the_prior_distribution_date()
    {
        var flows = Floater(MonthlyVector.Flat(0.03));
        var f = new SettledFlows(flows, new DateOnly(2005, 3, 10));
        Assert.Equal(new DateOnly(2005, 2, 25), f.Accrued.From);
        Assert.Equal(13, f.Accrued.Days);                                  // actual days, Feb 25 → Mar 10
        Assert.Equal(flows.BeginBalance[1] * 0.0335 * 13 / 360, f.Accrued.Amount, 9);
    }

    [Fact]
    public void Discount_margin_and_price_are_inverse_and_a_lower_price_means_a_wider_margin()
    {
        var index = MonthlyVector.Flat(0.03);
        var flows = Floater(index);
        var settle = new DateOnly(2005, 3, 10);
        var dm = DiscountMargin.Solve(flows, settle, 99.5, index);
        Assert.True(dm > 35);
        Assert.Equal(99.5, DiscountMargin.Price(flows, settle, index, dm), 1e-9);
    }
}
