using Remic.Collateral;
using Remic.Core;
using Remic.Deals.Loading;
using Remic.Deals.Projection;

namespace Remic.Deals.Tests;

/// <summary>
/// The deal's end: once no distribution follows, no class may keep a balance without a loss shown for it. Found by
/// <see cref="PropertyTests.Class_cash_adds_up_to_Available_Funds_every_month_and_no_class_keeps_a_balance_at_the_end"/>
/// (CsCheck seed 03jbeEE8Tvx2): two groups, no cross-collateralisation, 54 CPR, 7 CDR at 79% severity, lag 8. Group 2's seniors
/// end above their pool by about 122 (principal that paid interest once the subordinates were gone); the run stopped when
/// each group held under half a cent of loans, but the end-of-deal write-off tested the two groups' sum (over half a cent),
/// so 2-A-3 kept 122.30 with no loss.
/// </summary>
public class DealEndWriteOffTests
{
    [Fact]
    public void A_senior_above_its_pool_on_the_last_date_is_written_off_when_every_group_holds_under_half_a_cent()
    {
        var deal = DealLoader.LoadText(RandomDeals.Build(22, 2, 3, overCoupon: true), "random.yaml");
        var run = DealRunner.Run(deal, new Scenario
        {
            Prepay = Speed.Prepay("54.141 CPR"), Default = Speed.Default("6.955 CDR"),
            Severity = MonthlyVector.Flat(0.7919102124996726), RecoveryLag = 8,
        }, false);
        var last = run.Periods[^1];
        Assert.All(last.PoolEndBalance, b => Assert.True(b < 0.005, $"a group ends with {b}"));
        var a3 = deal.Classes.ToList().FindIndex(k => k.Name == "2-A-3");
        Assert.True(last.Loss[a3] > 100, $"2-A-3's last-date loss {last.Loss[a3]:F2}"); // the ~122 the books had as undercollateralisation
        for (var i = 0; i < deal.Classes.Count; i++)
        {
            if (deal.Classes[i].IsNotional) continue;
            Assert.True(last.EndBalance[i] < 0.01, $"{deal.Classes[i].Name} ends with {last.EndBalance[i]:F2}"); // at most the loans' last cent
            var gap = (double)deal.Classes[i].OriginalBalance - run.TotalPrincipal(i) - run.TotalLoss(i);
            Assert.True(Math.Abs(gap) < 0.02, $"{deal.Classes[i].Name}: original − principal − loss = {gap:F4}");
        }
    }

    /// <summary>A projection cut short (<c>Scenario.Months</c>) is not the deal's end: its last month writes nothing off.</summary>
    [Fact]
    public void A_projection_cut_short_keeps_the_classes_balances_without_a_loss()
    {
        var deal = DealLoader.LoadText(RandomDeals.Build(22, 2, 3, overCoupon: true), "random.yaml");
        var run = DealRunner.Run(deal, new Scenario { Prepay = Speed.Prepay("10 CPR"), Default = Speed.Default("0 CDR"), Months = 60 }, false);
        Assert.Equal(60, run.Periods.Count);
        var last = run.Periods[^1];
        Assert.True(last.EndBalance.Where((_, i) => !deal.Classes[i].IsNotional).Sum() > 1_000_000);
        Assert.All(Enumerable.Range(0, deal.Classes.Count), i => Assert.True(run.TotalLoss(i) < 1e-6, $"{deal.Classes[i].Name} lost {run.TotalLoss(i)}"));
    }
}
