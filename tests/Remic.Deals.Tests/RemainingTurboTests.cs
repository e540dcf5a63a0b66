using Remic.Collateral;
using Remic.Core;
using Remic.Deals.Loading;
using Remic.Deals.Projection;

namespace Remic.Deals.Tests;

/// <summary>
/// <c>amount: remaining</c> pays what is left of the group's Available Funds. With the classes' coupons (1%) below the loans' net
/// rate (6% − 0.25% servicing = 5.75%) what is left holds the excess interest too: it pays the classes down faster than the pool
/// (a turbo), and the classes end below the pool. Before, the period's conservation check failed on it ("a bug", exit 3).
/// Hand figures for the first distribution, 1,000,000 of loans: net interest 1,000,000 × 5.75% / 12 = 4,791.67; interest due to
/// the classes 1,000,000 × 1% / 12 = 833.33; the excess 3,958.33 (to the cent) is paid to Class A as principal with the
/// collateral's principal.
/// </summary>
public class RemainingTurboTests
{
    private const string Deal = """
        deal:
          trust_name: Turbo Trust
          series: 2004-T1
          cutoff_date: 2004-03-01
          closing_date: 2004-03-30
          first_distribution_date: 2004-04-25
        groups:
          - name: "1"
            servicing_fee: 0.25
            rep_lines:
              - { balance: 1000000, gross_rate: 6.0, remaining_term: 360, loan_count: 5 }
        classes:
          - { name: A, group: "1", balance: 900000, type: senior, coupon: 1.00 }
          - { name: B, group: "1", balance: 100000, type: subordinate, coupon: 1.00 }
        waterfall:
          - pay_interest: { from: "1", classes: [A, B] }
          - pay_principal: { from: "1", amount: remaining, to: { sequential: [A, B] } }
        """;

    [Theory]
    [InlineData("0 PPC")]
    [InlineData("100 PPC")]
    [InlineData("300 PPC")]
    public void Excess_interest_paid_by_a_remaining_step_turbos_the_classes_below_the_pool(string prepay)
    {
        var deal = DealLoader.LoadText(Deal, "turbo.yaml");
        var run = DealRunner.Run(deal, new Scenario { Prepay = Speed.Prepay(prepay), Default = Speed.Default("0 CDR") }, false);
        var first = run.Periods[0];
        var collateralPrincipal = first.CollateralPrincipal[0];
        const double excess = 1_000_000 * (0.0575 - 0.01) / 12; // 3,958.33 (the projection works in unrounded dollars)
        Assert.Equal(1_000_000 * 0.01 / 12, first.InterestPaid[0] + first.InterestPaid[1], 6);
        Assert.Equal(excess, first.ExtraPrincipal, 6);
        Assert.Equal(collateralPrincipal + excess, first.Principal[0], 6);
        Assert.Equal(-excess, first.Next.Undercollateralisation, 6); // the pool exceeds the classes
        // Over the life the classes are paid in full and lose nothing; the pool's collections once they are retired are left in the trust.
        Assert.Equal(1_000_000, run.Periods.Sum(p => p.Principal[0] + p.Principal[1]), 2);
        Assert.Equal(0, run.TotalLoss(0) + run.TotalLoss(1), 6);
        Assert.True(run.Periods.Sum(p => p.UnpayablePrincipal) > 0);
    }

    [Fact]
    public void At_the_coupon_equal_to_the_net_rate_a_remaining_step_pays_the_collateral_principal_only()
    {
        var deal = DealLoader.LoadText(Deal.Replace("coupon: 1.00", "coupon: 5.75"), "turbo.yaml");
        var run = DealRunner.Run(deal, new Scenario { Prepay = Speed.Prepay("100 PPC"), Default = Speed.Default("0 CDR") }, false);
        foreach (var p in run.Periods)
        {
            Assert.Equal(p.CollateralPrincipal[0], p.Principal[0] + p.Principal[1], 6);
            Assert.True(Math.Abs(p.ExtraPrincipal) < 1e-6, $"period {p.Period}: {p.ExtraPrincipal}");
        }
    }
}
