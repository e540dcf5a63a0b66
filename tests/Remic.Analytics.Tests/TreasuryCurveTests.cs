using System.Globalization;
using CsCheck;
using Remic.Analytics;
using Remic.Core;

namespace Remic.Analytics.Tests;

/// <summary>The Treasury par curve, its bootstrapped zero curve, I-/Z-spreads and solving prices back from yields and spreads.</summary>
public class TreasuryCurveTests
{
    private const string Issue12Curve = "6MO 2.634, 2YR 3.142, 3YR 3.295, 5YR 3.637, 10YR 4.140, 30YR 4.645";

    private static SettledFlows Peer() => new(PeerYieldTests.PeerFlows(), new DateOnly(2005, 2, 28));

    [Fact]
    public void The_quoted_curve_parses_to_tenors_in_years_and_yields_as_fractions()
    {
        var c = TreasuryCurve.Parse(Issue12Curve);
        Assert.Equal([0.5, 2, 3, 5, 10, 30], c.Tenors);
        Assert.Equal([0.02634, 0.03142, 0.03295, 0.03637, 0.04140, 0.04645], c.ParYields.Select(y => Math.Round(y, 10)));
        Assert.Equal(Issue12Curve, c.Source);
        Assert.Equal(60, c.Zeros.Count); // every half year out to 30 years
        // Other spellings of the same points.
        Assert.Equal(c.Tenors, TreasuryCurve.Parse("6M=2.634, 2Y=3.142, 3Y:3.295, 5 3.637, 10YR 4.140%, 30YR 4.645").Tenors);
    }

    [Fact]
    public void A_flat_par_curve_bootstraps_to_the_same_flat_zero_curve()
    {
        var c = TreasuryCurve.Parse("6MO 5, 30YR 5");
        foreach (var (years, zero) in c.Zeros) Assert.True(Math.Abs(zero - 0.05) < 1e-12, $"zero at {years} = {zero}");
        Assert.Equal(Math.Pow(1.025, -20), c.Discount(10), 12);
    }

    [Fact]
    public void Two_points_bootstrap_by_hand()
    {
        // 6MO 2%: a bill, D(0.5) = 1/1.01. 1YR 3% par bond: 1 = 0.015·D(0.5) + 1.015·D(1).
        var c = TreasuryCurve.Parse("6MO 2, 1YR 3");
        var d1 = 1 / 1.01;
        var d2 = (1 - 0.015 * d1) / 1.015;
        Assert.Equal(0.02, c.ZeroRate(0.5), 12);
        Assert.Equal(2 * (Math.Pow(d2, -0.5) - 1), c.ZeroRate(1), 12);
        Assert.Equal(d2, c.Discount(1), 12);
        // Between grid points zero rates are linear in time; outside them flat.
        Assert.Equal((c.ZeroRate(0.5) + c.ZeroRate(1)) / 2, c.ZeroRate(0.75), 12);
        Assert.Equal(c.ZeroRate(0.5), c.ZeroRate(0.1), 12);
        Assert.Equal(c.ZeroRate(1), c.ZeroRate(7), 12);
    }

    [Fact]
    public void On_a_flat_curve_the_z_spread_and_the_i_spread_are_the_yield_minus_the_curve_rate()
    {
        // The yield is bond-equivalent: a flow at t years is discounted by (1 + Y/2)^(−2t), the curve's own compounding.
        var f = Peer();
        var curve = TreasuryCurve.Parse("6MO 4.5, 30YR 4.5");
        foreach (var price in new[] { 85.0, 90, 100, 104.5 })
        {
            var y = BondAnalytics.Yield(f, price);
            Assert.Equal((y - 0.045) * 10_000, Spreads.ZSpread(f, price, curve), 1e-6);
            Assert.Equal((y - 0.045) * 10_000, Spreads.ISpread(y, BondAnalytics.Wal(f), curve), 1e-9);
        }
    }

    [Fact]
    public void I_spread_reads_the_par_yield_at_the_wal()
    {
        var curve = TreasuryCurve.Parse(Issue12Curve);
        // WAL 4.0 years: 3.295 + (1/2)·(3.637 − 3.295) = 3.466%.
        Assert.Equal((0.05 - 0.03466) * 10_000, Spreads.ISpread(0.05, 4.0, curve), 1e-9);
        Assert.Equal(0.02634, curve.ParYield(0.25), 12); // flat before 6 months
        Assert.Equal(0.04645, curve.ParYield(35), 12);   // and after 30 years
    }

    [Fact]
    public void Prices_solved_from_yields_and_spreads_give_back_those_yields_and_spreads()
    {
        var f = Peer();
        var curve = TreasuryCurve.Parse(Issue12Curve);
        Gen.Double[-300, 800].Sample(bp =>
        {
            var zPrice = Spreads.PriceAtZSpread(f, bp, curve);
            var back = Spreads.ZSpread(f, zPrice, curve);
            var y = Spreads.YieldAtISpread(bp, BondAnalytics.Wal(f), curve);
            var iPrice = BondAnalytics.Price(f, y);
            var iBack = Spreads.ISpread(BondAnalytics.Yield(f, iPrice), BondAnalytics.Wal(f), curve);
            return Math.Abs(back - bp) < 1e-6 && Math.Abs(iBack - bp) < 1e-6;
        }, iter: 300);
    }

    [Fact]
    public void The_exhibit_solves_yield_and_spread_rows_that_reprice_to_their_quotes()
    {
        var flows = PeerYieldTests.PeerFlows();
        var curve = TreasuryCurve.Parse(Issue12Curve);
        var scenarios = new[] { new ExhibitScenario("0 PPC", flows) };
        var settle = new DateOnly(2005, 2, 28);
        var x = PriceExhibit.Build(scenarios, new ExhibitRequest
        {
            Settle = settle, Prices = [Price32.Parse("90-00")], Curve = curve, Yields = [0.06679], SpreadsBp = [150],
        });
        var f = new SettledFlows(flows, settle);
        Assert.Equal(0.06679, BondAnalytics.Yield(f, x.Solved[0].Price[0]), 12);
        Assert.Equal(150, Spreads.ISpread(BondAnalytics.Yield(f, x.Solved[1].Price[0]), BondAnalytics.Wal(f), curve), 6);
        // The 90-00 row carries its yield and both spreads, consistent with each other.
        var row = x.Rows[0];
        Assert.Equal(BondAnalytics.Yield(f, 90), row.Yield[0], 12);
        Assert.Equal(Spreads.ISpread(row.Yield[0], BondAnalytics.Wal(f), curve), row.ISpreadBp![0], 9);
        Assert.Equal(Spreads.ZSpread(f, 90, curve), row.ZSpreadBp![0], 9);
    }

    [Theory]
    [InlineData("6MO 2.6, 2YR", "--curve: got '2YR'")]
    [InlineData("2YR 3, 1YR 2", "--curve: got '1YR 2'; tenors in increasing order")]
    [InlineData("6MO 2.6, 0YR 3", "--curve: got '0YR 3'; a tenor above 0")]
    [InlineData("6MO 99", "--curve: got '6MO 99'; a par yield in percent between -5 and 50")]
    public void Bad_curves_say_which_point_and_why(string text, string start)
    {
        var e = Assert.Throws<RemicInputException>(() => TreasuryCurve.Parse(text));
        Assert.StartsWith(start, e.Errors[0].ToString());
    }

    [Fact]
    public void A_curve_file_is_read_line_by_line_and_errors_name_the_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"curve-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllText(path, "tenor,yield\n# H.15, 2005-02-28\n6MO,2.634\n2YR,3.142\n\n10YR,4.140\n");
            var c = TreasuryCurve.Parse(path);
            Assert.Equal([0.5, 2, 10], c.Tenors);
            File.WriteAllText(path, "tenor,yield\n6MO,2.634\n2YR,three\n");
            var e = Assert.Throws<RemicInputException>(() => TreasuryCurve.Parse(path));
            Assert.Equal(3, e.Errors[0].Line);
            Assert.Equal(path, e.Errors[0].Source);
        }
        finally { File.Delete(path); }
    }
}
