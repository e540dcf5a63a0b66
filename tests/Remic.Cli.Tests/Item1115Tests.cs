using Remic.Core;
using Remic.Deals.Disclosure;
using Remic.Deals.Loading;

namespace Remic.Cli.Tests;

/// <summary>Item 1115 significance percentage on corridors small enough to value by hand.</summary>
public class Item1115Tests
{
    private static Remic.Deals.Model.Deal Deal(string closing, string first, string dayCount, string notional, decimal strike, decimal ceiling) =>
        DealLoader.LoadText($$"""
            deal: { trust_name: Hand Corridor Trust, cutoff_date: 2007-03-01, closing_date: {{closing}}, first_distribution_date: {{first}} }
            groups:
              - { name: "1", rep_lines: [ { balance: 12000000, gross_rate: 6.5, remaining_term: 360 } ] }
            classes:
              - { name: A-1, group: "1", balance: 10000000, type: [senior, floater], coupon: { index: LIBOR_1MO, margin: 0.4, cap: 6.0, floor: 0.4 } }
              - { name: B, group: "1", balance: 2000000, type: senior, coupon: 6.0 }
            waterfall:
              - pay_interest: { from: "1", classes: [A-1, B] }
              - pay_principal: { from: "1", amount: non_po_principal, to: { sequential: [A-1, B] } }
            corridors:
              - { name: hand corridor, beneficiary: A-1, index: LIBOR_1MO, strike: {{strike}}, ceiling: {{ceiling}}, day_count: {{dayCount}}, notional: {{notional}} }
            """, "hand.yaml");

    [Fact]
    public void Flat_notional_on_30_360_is_an_annuity_at_the_ceiling()
    {
        // $10,000,000 for 12 months, strike 5.50%, ceiling 9.00%: at the ceiling each period pays
        // 10,000,000 × 3.5% / 12 = 29,166.67, discounted at 9%/12 a month: PV = 29,166.67 × (1 − 1.0075^−12) / 0.0075.
        var deal = Deal("2007-03-25", "2007-04-25", "30/360", "[" + string.Join(", ", Enumerable.Repeat("10000000", 12)) + "]", 5.5m, 9.0m);
        var r = Item1115.Compute(deal);
        Assert.Equal(333_518.29, r.PresentValue, 0.01);
        Assert.Equal(12 * 29_166.666667, r.Corridors[0].UndiscountedPayments, 0.01);
        Assert.Equal(3.3352, r.SignificancePercent, 4);
        Assert.Equal(10_000_000, r.Denominator);
        Assert.StartsWith("under 10%", r.Requirement);
        Assert.Contains("present value of the corridor payments", r.Method);
    }

    [Fact]
    public void Actual_360_two_periods_with_a_shock_and_the_pool_as_base()
    {
        // Closing 2007-04-27: periods of 28 days (to 5/25) and 31 days (to 6/25), notional 10,000,000 then 8,000,000.
        var deal = Deal("2007-04-27", "2007-05-25", "ACT/360", "[10000000, 8000000]", 5.0m, 7.0m);
        // Ceiling 7%: 10M × 2% × 28/360 / (1 + 7% × 28/360) + 8M × 2% × 31/360 / ((1 + 7% × 28/360)(1 + 7% × 31/360)).
        Assert.Equal(29_092.39, Item1115.Compute(deal).PresentValue, 0.01);
        // 5.32% + 100 bp = 6.32%: 1.32% over the strike, discounted at 6.32%; measured against the $12,000,000 pool.
        var shocked = Item1115.Compute(deal, new Item1115Options { Stress = Item1115Stress.Shock, BaseIndexPercent = 5.32, ShockBasisPoints = 100, Base = Item1115Base.Pool });
        Assert.Equal(19_216.32, shocked.PresentValue, 0.01);
        Assert.Equal(12_000_000, shocked.Denominator);
        Assert.Equal(100 * 19_216.321 / 12_000_000, shocked.SignificancePercent, 5);
    }

    [Theory]
    [InlineData(9.999, "under 10%")]
    [InlineData(10.0, "10% or more but under 20%: Item 1115(b)(1)")]
    [InlineData(19.999, "10% or more but under 20%: Item 1115(b)(1)")]
    [InlineData(20.0, "20% or more: Item 1115(b)(2)")]
    public void Thresholds(double percent, string expected) => Assert.StartsWith(expected, Item1115.Requirement(percent));

    [Fact]
    public void Cli_prints_the_method_figure_and_threshold_for_2007_12T1()
    {
        var (code, output, err) = Cli.Run("item1115", CwaltExampleDeals.PathOf("cwalt-2007-12t1"));
        Assert.True(code == 0, err);
        Assert.Contains("method: maximum probable exposure = present value", output);
        Assert.Contains("aggregate (one counterparty)", output);
        Assert.Contains("threshold: under 10%", output);
    }

    [Fact]
    public void Bad_inputs_are_reported_with_exit_code_2()
    {
        var (code, _, err) = Cli.Run("item1115", CwaltExampleDeals.PathOf("cwalt-2004-26t1"));
        Assert.Equal(2, code);
        Assert.Contains("corridors", err);
        Assert.Contains("a deal with at least one corridor contract (the deal file has no `corridors` section)", err);
        (code, _, err) = Cli.Run("item1115", CwaltExampleDeals.PathOf("cwalt-2007-12t1"), "--stress", "+200");
        Assert.Equal(2, code);
        Assert.Contains("got '+200'; expected 'ceiling' or a shock like '+300 bp'", err);
        (code, _, err) = Cli.Run("item1115", CwaltExampleDeals.PathOf("cwalt-2007-12t1"), "--stress", "+200 bp");
        Assert.Equal(2, code);
        Assert.Contains("--base-index", err);
    }
}
