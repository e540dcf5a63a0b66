using Remic.Deals.Model;

namespace Remic.Deals.Tests;

/// <summary>Two classes on one level-pay loan of 1,000,000 at 6% (no fees), 360 months.</summary>
public class SequentialAndProRataTests
{
    private static Deal TwoClasses(string rule) => TestDeals.OneGroup(1_000_000m, 6m, """
          - { name: A-1, group: "1", balance: 600000, type: senior, coupon: 6 }
          - { name: A-2, group: "1", balance: 400000, type: senior, coupon: 6 }
        """, $"""
          - pay_interest: {"{"} from: "1", classes: [A-1, A-2] {"}"}
          - pay_principal: {"{"} from: "1", amount: senior_principal, to: {"{"} {rule}: [A-1, A-2] {"}"} {"}"}
        """);

    /// <summary>Balance after k payments of a level-pay loan: B·((1+r)^n − (1+r)^k)/((1+r)^n − 1).</summary>
    private static double LoanBalance(int k) => 1e6 * (Math.Pow(1.005, 360) - Math.Pow(1.005, k)) / (Math.Pow(1.005, 360) - 1);

    [Fact]
    public void Sequential_at_0_CPR_pays_A1_until_retired_then_A2()
    {
        var run = TestDeals.Project(TwoClasses("sequential"));
        var d = run.Deal;
        int a1 = d.C("A-1"), a2 = d.C("A-2");
        // Month 1 by hand: payment 5,995.51, interest 5,000.00, scheduled principal 995.51, all to A-1.
        Assert.Equal(995.51m, Remic.Core.Money.ToCents(run.Periods[0].Principal[a1]));
        Assert.Equal(0, run.Periods[0].Principal[a2]);
        Assert.Equal(3000.00m, Remic.Core.Money.ToCents(run.Periods[0].InterestPaid[a1]));
        Assert.Equal(2000.00m, Remic.Core.Money.ToCents(run.Periods[0].InterestPaid[a2]));
        // A-1 retires when the loan has paid 600,000: 1.005^k = 0.6·1.005^360 + 0.4 ⇒ k = 278.6, so month 279.
        var k = (int)Math.Ceiling(Math.Log(0.6 * Math.Pow(1.005, 360) + 0.4) / Math.Log(1.005));
        Assert.Equal(279, k);
        for (var m = 1; m <= 360; m++)
        {
            var p = run.Periods[m - 1];
            var paid = 1e6 - LoanBalance(m);
            Assert.Equal(Math.Max(0, 600_000 - paid), p.EndBalance[a1], 4);
            Assert.Equal(Math.Min(400_000, 1e6 - paid), p.EndBalance[a2], 4);
        }
        Assert.True(run.Periods[k - 2].EndBalance[a1] > 0 && run.Periods[k - 1].EndBalance[a1] < 1e-6);
        Assert.True(run.Periods[k - 1].Principal[a2] > 0 && run.Periods[k - 2].Principal[a2] == 0);
    }

    [Theory]
    [InlineData("0 CPR")]
    [InlineData("20 CPR")]
    [InlineData("300 PSA")]
    public void Pro_rata_pays_60_40_every_month(string speed)
    {
        var run = TestDeals.Project(TwoClasses("pro_rata"), speed);
        var d = run.Deal;
        foreach (var p in run.Periods)
        {
            var collateral = p.CollateralPrincipal[0];
            Assert.Equal(0.6 * collateral, p.Principal[d.C("A-1")], 6);
            Assert.Equal(0.4 * collateral, p.Principal[d.C("A-2")], 6);
        }
        Assert.Equal(0, run.Periods[^1].EndBalance[d.C("A-1")], 6);
    }
}
