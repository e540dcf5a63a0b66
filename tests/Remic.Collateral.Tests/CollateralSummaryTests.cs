namespace Remic.Collateral.Tests;

public class CollateralSummaryTests
{
    [Fact]
    public void Summary_weights_rates_and_terms_by_balance_and_orders_groups_numerically()
    {
        Loan[] loans =
        [
            new() { Id = "a", Group = "10", Balance = 100_000, GrossRate = 0.06, ServicingFee = 0.0025, OriginalTerm = 360, RemainingTerm = 350, Age = 10 },
            new() { Id = "b", Group = "2", Balance = 300_000, GrossRate = 0.07, ServicingFee = 0.0025, OriginalTerm = 360, RemainingTerm = 358, Age = 2, LoanCount = 3 },
        ];
        var p = Projector.Project(new LoanPool(loans), new Scenario { Prepay = Speed.Prepay("100 SMM") });
        var rows = CollateralSummary.All(p, loans);
        Assert.Equal(["2", "10", "total"], rows.Select(r => r.Group));
        var total = rows[^1];
        Assert.Equal(4, total.Loans);
        Assert.Equal(400_000, total.CutoffBalance);
        Assert.Equal((0.06 * 1 + 0.07 * 3) / 4, total.GrossWac, 12);
        Assert.Equal((0.0575 * 1 + 0.0675 * 3) / 4, total.NetWac, 12);
        Assert.Equal((350 * 1 + 358 * 3) / 4.0, total.Wam, 12);
        Assert.Equal((10 * 1 + 2 * 3) / 4.0, total.Wala, 12);
        // Everything prepays in month 1: WAL one month, all principal, one month of net interest.
        Assert.Equal(1.0 / 12, total.WalYears, 12);
        Assert.Equal(400_000, total.Principal, 6);
        Assert.Equal(100_000 * 0.0575 / 12 + 300_000 * 0.0675 / 12, total.NetInterest, 9);
        Assert.Equal(1, total.MonthsToZero);
    }
}
