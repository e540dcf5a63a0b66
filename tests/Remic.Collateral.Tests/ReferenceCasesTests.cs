using Remic.Collateral;
using Remic.Core;

namespace Remic.Collateral.Tests;

/// <summary>The hand-checked cases of ../shared/reference/collateral.md.</summary>
public class ReferenceCasesTests
{
    private static readonly Loan RefLoan = new()
    {
        Balance = 100_000_000, GrossRate = 0.065, ServicingFee = 0.0025,
        OriginalTerm = 360, RemainingTerm = 360, Age = 0,
    };

    private static CollateralProjection Run(string prepay, string dflt = "0 CDR", double severity = 0, int lag = 0) =>
        Projector.Project(new LoanPool([RefLoan]), new Scenario
        {
            Prepay = Speed.Prepay(prepay), Default = Speed.Default(dflt),
            Severity = MonthlyVector.Flat(severity), RecoveryLag = lag,
            // The convention the reference states: loans stop amortising at default (interest advancing).
            Advance = AdvancingConvention.Interest,
        });

    [Theory]
    [InlineData("0 CPR", 19.622229, 122_638_931.21, 90_401.36, 0.00, 98_882_274.53)]
    [InlineData("100 PSA", 11.493976, 71_837_351.62, 90_401.36, 16_666.88, 97_594_417.15)]
    [InlineData("300 PSA", 5.769321, 36_058_258.73, 90_401.36, 50_092.70, 95_003_788.22)]
    [InlineData("20 CPR", 4.219630, 26_372_689.72, 90_401.36, 1_840_681.51, 79_105_819.62)]
    public void Matches_hand_checked_figures(string prepay, double wal, double netInterest, double sched1, double prepay1, double bal12)
    {
        var g = Run(prepay).Total;
        Assert.Equal(wal, g.WalYears(), 6);
        Assert.Equal((decimal)netInterest, Money.ToCents(g.TotalNetInterest));
        Assert.Equal((decimal)sched1, Money.ToCents(g.ScheduledPrincipal[1]));
        Assert.Equal((decimal)prepay1, Money.ToCents(g.Prepayment[1]));
        Assert.Equal((decimal)bal12, Money.ToCents(g.EndBalance[12]));
    }

    [Fact]
    public void Loss_case_matches_hand_checked_figures()
    {
        var g = Run("100 PSA", "100 SDA", 0.40, 12).Total;
        Assert.Equal(3_041_862.98m, Money.ToCents(g.TotalDefaults));
        Assert.Equal(1_216_745.19m, Money.ToCents(g.TotalRealizedLoss));
        Assert.Equal(1_666.82m, Money.ToCents(g.Defaults[1]));
    }
}

public class InterestOnlyToMaturityTests
{
    /// <summary>A 10-year loan interest-only for its whole term pays its balance at maturity (a bullet).</summary>
    [Fact]
    public void Io_term_running_to_maturity_pays_off_at_maturity()
    {
        var loan = new Loan { Balance = 120_000, GrossRate = 0.06, OriginalTerm = 120, RemainingTerm = 120, IoTerm = 120 };
        var g = Projector.Project(new LoanPool([loan]), new Scenario()).Total;
        Assert.Equal(120, g.Months);
        for (var m = 1; m < 120; m++) Assert.Equal(0, g.ScheduledPrincipal[m]);
        Assert.Equal(120_000, g.ScheduledPrincipal[120]);
        Assert.Equal(600, g.GrossInterest[1], 9);      // 120,000 × 6% / 12
        Assert.Equal(0, g.EndBalance[120]);
    }
}
