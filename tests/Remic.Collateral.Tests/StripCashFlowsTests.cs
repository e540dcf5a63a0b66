namespace Remic.Collateral.Tests;

/// <summary>Class PO / Class X split at a 6% strip: a discount loan (net 5.75%) and a premium loan (net 6.75%).</summary>
public class StripCashFlowsTests
{
    private static readonly Loan Discount = new()
    {
        Id = "d", Balance = 100_000, GrossRate = 0.06, ServicingFee = 0.0025, OriginalTerm = 360, RemainingTerm = 360,
    };
    private static readonly Loan Premium = Discount with { Id = "p", GrossRate = 0.07 };

    private static CollateralProjection Run(Scenario scenario, params Loan[] loans) =>
        Projector.Project(new LoanPool(loans), scenario, new Dictionary<string, double> { ["1"] = 0.06 });

    [Fact]
    public void Discount_loan_gives_the_po_fraction_of_its_principal_to_class_po()
    {
        var p = Run(new Scenario { Prepay = Speed.Prepay("10 CPR") }, Discount);
        var s = p.Strips["1"];
        var g = p.Group("1");
        const double po = (0.06 - 0.0575) / 0.06; // 1/24
        Assert.Equal(100_000 * po, s.PoBeginBalance[1], 9);
        Assert.Equal(100_000 * po, s.PoEndBalance[0], 9);
        for (var m = 1; m <= 360; m++)
        {
            Assert.Equal(po * g.ScheduledPrincipal[m], s.PoScheduledPrincipal[m], 9);
            Assert.Equal(po * g.Prepayment[m], s.PoPrepayment[m], 9);
            Assert.Equal(po * g.EndBalance[m], s.PoEndBalance[m], 6);
            Assert.Equal(0, s.ExcessInterest[m]);
        }
        Assert.Equal(100_000 * po, Enumerable.Range(1, 360).Sum(s.PoPrincipal), 6);
    }

    [Fact]
    public void Premium_loan_gives_its_net_rate_above_the_strip_to_class_x()
    {
        var p = Run(new Scenario(), Premium);
        var s = p.Strips["1"];
        Assert.Equal(100_000 * 0.0075 / 12, s.ExcessInterest[1], 9);
        Assert.Equal(100_000, s.PremiumBalance[1], 9);
        var g = p.Group("1");
        Assert.Equal(g.EndBalance[11] * 0.0075 / 12, s.ExcessInterest[12], 9);
        Assert.All(Enumerable.Range(0, 361), m => Assert.Equal(0, s.PoEndBalance[m]));
    }

    [Fact]
    public void Mixed_group_po_balance_rolls_forward_with_losses()
    {
        var p = Run(new Scenario
        {
            Prepay = Speed.Prepay("100 PSA"), Default = Speed.Default("2 CDR"), Severity = Remic.Core.MonthlyVector.Flat(0.35), RecoveryLag = 6,
        }, Discount, Premium);
        var s = p.Strips["1"];
        Assert.Equal(100_000.0 / 24, s.PoBeginBalance[1], 9);
        for (var m = 1; m <= p.Months; m++)
        {
            var flow = s.PoScheduledPrincipal[m] + s.PoPrepayment[m] + s.PoLiquidationProceeds[m] + s.PoRealizedLoss[m];
            Assert.Equal(s.PoBeginBalance[m] - flow, s.PoEndBalance[m], 6);
        }
        Assert.Equal(0, s.PoEndBalance[p.Months], 6);
        Assert.True(s.PoRealizedLoss.Sum() > 0);
    }
}
