using Remic.Analytics;
using Remic.Core;

namespace Remic.Analytics.Tests;

public class BadInputTests
{
    private static BondCashFlows Flows() => PeerYieldTests.PeerFlows(12);

    [Fact]
    public void Settlement_before_the_dated_date()
    {
        var e = Assert.Throws<RemicInputException>(() => BondAnalytics.AtPrice(Flows(), new DateOnly(2005, 1, 15), Price32.Parse("90")));
        Assert.Equal("--settle: got '2005-01-15'; the settlement date must be on or after the dated date 2005-02-01", e.Message);
    }

    [Fact]
    public void Settlement_after_the_last_distribution()
    {
        var e = Assert.Throws<RemicInputException>(() => new SettledFlows(Flows(), new DateOnly(2006, 2, 10)));
        Assert.Equal("--settle: got '2006-02-10'; the settlement date must be before the class pays off (last distribution 2006-02-25)", e.Message);
    }

    [Theory]
    [InlineData(0.0, "--price: got '0'; expected a positive price in percent of face")]
    [InlineData(-5.0, "--price: got '-5'; expected a positive price in percent of face")]
    [InlineData(double.NaN, "--price: got 'NaN'; expected a positive price in percent of face")]
    public void Price_must_be_positive(double price, string message)
    {
        var e = Assert.Throws<RemicInputException>(() => BondAnalytics.AtPrice(new SettledFlows(Flows(), new DateOnly(2005, 2, 28)), price));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Yield_must_be_above_minus_200_percent()
    {
        var e = Assert.Throws<RemicInputException>(() => BondAnalytics.AtYield(Flows(), new DateOnly(2005, 2, 28), -2.5));
        Assert.Equal("--yield: got '-2.5'; expected a bond-equivalent yield above -200%", e.Message);
    }

    [Fact]
    public void Cash_flows_that_do_not_conserve_principal_are_refused()
    {
        var e = Assert.Throws<ConservationException>(() => new BondCashFlows(
            [new DateOnly(2005, 3, 25), new DateOnly(2005, 4, 25)], [100.0, 60.0], [0.5, 0.3], [40.0, 50.0], [0.0, 0.0], [60.0, 0.0],
            [0.06, 0.06], 100, DayCount.Thirty360, 24, new DateOnly(2005, 2, 1)));
        Assert.Equal("cash flow 2 (2005-04-25): beginning balance 60.00 ≠ principal 50.00 + loss 0.00 + ending 0.00 (off by 10)", e.Message);
    }

    [Fact]
    public void Cash_flow_arrays_must_line_up_and_dates_increase()
    {
        var e = Assert.Throws<ArgumentException>(() => new BondCashFlows(
            [new DateOnly(2005, 3, 25)], [100.0], [0.5, 0.5], [100.0], [0.0], [0.0], [0.06], 100, DayCount.Thirty360, 24, new DateOnly(2005, 2, 1)));
        Assert.StartsWith("interest has 2 entries but there are 1 distribution dates", e.Message);
        var d = Assert.Throws<ArgumentException>(() => new BondCashFlows(
            [new DateOnly(2005, 4, 25), new DateOnly(2005, 3, 25)], [100.0, 50.0], [0.0, 0.0], [50.0, 50.0], [0.0, 0.0], [50.0, 0.0],
            [0.0, 0.0], 100, DayCount.Thirty360, 24, new DateOnly(2005, 2, 1)));
        Assert.StartsWith("distribution dates must increase: 2005-04-25 then 2005-03-25", d.Message);
    }

    private const string CurveExpected = "expected tenor=rate pairs in percent, e.g. '3M=2.85, 2Y=3.40, 10Y=4.20', tenors increasing";

    [Theory]
    [InlineData("2Y=3.4, 1Y=3.0", "--curve: got '1Y=3.0'; tenor 1Y is not after the previous one; " + CurveExpected)]
    [InlineData("2Y:3.4", "--curve: got '2Y:3.4'; " + CurveExpected)]
    [InlineData("2W=3.4", "--curve: got '2W=3.4'; " + CurveExpected)]
    [InlineData("2Y=abc", "--curve: got '2Y=abc'; " + CurveExpected)]
    [InlineData(" ", "--curve: got ' '; " + CurveExpected)]
    public void Curves_that_cannot_be_read(string text, string message)
    {
        var e = Assert.Throws<RemicInputException>(() => TenorCurve.Parse(text));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void A_price_the_flows_cannot_reach_has_no_discount_margin()
    {
        var principal = Enumerable.Repeat(1_000.0, 12).ToArray();
        var flows = new FloaterCoupon(0.0035).Project(12_000, principal, null, MonthlyVector.Flat(0.03), new DateOnly(2005, 2, 25), new DateOnly(2005, 1, 25));
        // Price 1,000 (ten times face) is out of reach: even a margin of -200%, the search floor, discounts the flows to less.
        var e = Assert.Throws<RemicInputException>(() => DiscountMargin.Solve(flows, new DateOnly(2005, 1, 25), 1_000, MonthlyVector.Flat(0.03)));
        Assert.Equal("--price: got '1000'; no discount margin between -200% and 1000% prices the flows there; expected a price the cash flows can reach", e.Message);
    }
}
