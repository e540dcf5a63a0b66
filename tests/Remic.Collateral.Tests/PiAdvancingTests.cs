using Remic.Core;

namespace Remic.Collateral.Tests;

/// <summary>
/// P&amp;I advancing (CWALT PSAs; domain notes convention (b)): the delinquent loan's scheduled principal and net interest
/// are advanced until liquidation, and recovered from the liquidation proceeds. Every figure below is written out by hand
/// from the level-payment formula: a delinquent balance d amortises as the loan does, so its principal advanced in its
/// k-th month is d·(P₁ − r)·(1 + r)^(k−1), P₁ the payment per dollar, and its stated balance after k months is
/// d·(1 + r)^k − d·P₁·((1 + r)^k − 1)/r.
/// </summary>
public class PiAdvancingTests
{
    private static double Payment(double b, double r, int n) => b * r / (1 - Math.Pow(1 + r, -n));
    private static double BalanceAfter(double b, double r, int n, int k) =>
        b * Math.Pow(1 + r, k) - Payment(b, r, n) * (Math.Pow(1 + r, k) - 1) / r;

    private static readonly Loan Fixed6 = new()
    {
        Balance = 100_000, GrossRate = 0.06, ServicingFee = 0.0025, OriginalTerm = 360, RemainingTerm = 360,
    };

    // 1% of the balance ($1,000) defaults in month 1 only; 40% severity; liquidated 3 months later.
    private static CollateralProjection Run(AdvancingConvention advancing, Loan? loan = null, string dflt = "1 MDR for 1, then 0 MDR",
        int lag = 3, double severity = 0.4, IReadOnlyDictionary<string, double>? strips = null, ProjectionOptions? options = null) =>
        Projector.Project(new LoanPool([loan ?? Fixed6]), new Scenario
        {
            Default = Speed.Default(dflt), Severity = MonthlyVector.Flat(severity), RecoveryLag = lag, Advance = advancing,
        }, strips, options);

    [Fact]
    public void Delinquent_loan_amortises_on_advanced_principal_and_is_liquidated_at_its_stated_balance()
    {
        var g = Run(AdvancingConvention.PrincipalAndInterest).Total;
        const double r = 0.005, net = 0.0575 / 12;
        var sched = Payment(1_000, r, 360) - 1_000 * r;               // $0.9955 the first month
        for (var m = 1; m <= 3; m++)
        {
            // Advanced: the $1,000's scheduled principal (growing by 1 + r a month) and net interest on its stated balance.
            Assert.Equal(sched * Math.Pow(1 + r, m - 1), g.PrincipalAdvances[m], 9);
            Assert.Equal(BalanceAfter(1_000, r, 360, m - 1) * net, g.Advances[m], 9);
            Assert.Equal(0.99 * (Payment(100_000, r, 360) - 500) * Math.Pow(1 + r, m - 1) + g.PrincipalAdvances[m], g.ScheduledPrincipal[m], 9);
            Assert.Equal(0.99 * BalanceAfter(100_000, r, 360, m) + BalanceAfter(1_000, r, 360, m), g.EndBalance[m], 6);
            Assert.Equal(0, g.RealizedLoss[m]);
        }
        // Month 4: liquidated at its stated balance after 3 advanced payments; loss = 40% of the $1,000 at default.
        var stated = BalanceAfter(1_000, r, 360, 3);                    // 997.0045...
        Assert.Equal(400, g.RealizedLoss[4], 9);
        Assert.Equal(stated - 400, g.LiquidationProceeds[4], 9);
        Assert.Equal(0, g.Advances[4]);
        Assert.Equal(0, g.PrincipalAdvances[4]);
        // Recovered from the gross proceeds: the 3 months of principal and of interest advanced.
        var interestAdvanced = (1_000 + BalanceAfter(1_000, r, 360, 1) + BalanceAfter(1_000, r, 360, 2)) * net;
        Assert.Equal(1_000 - stated + interestAdvanced, g.AdvancesRecovered[4], 9);
        Assert.Equal(0.99 * BalanceAfter(100_000, r, 360, 4), g.EndBalance[4], 6);
        // Over the life: the same defaults and the same loss as without principal advancing; all principal repaid.
        Assert.Equal(1_000, g.TotalDefaults, 9);
        Assert.Equal(400, g.TotalRealizedLoss, 9);
        Assert.Equal(100_000 - 400, g.TotalPrincipal, 6);
    }

    [Fact]
    public void Straight_line_loan_hand_case()
    {
        // Zero rate, no fee, 120 months: $1,000 a month. Half the loan ($60,000) defaults in month 1; lag 3, severity 40%.
        var loan = new Loan { Balance = 120_000, OriginalTerm = 120, RemainingTerm = 120 };
        var g = Run(AdvancingConvention.PrincipalAndInterest, loan, "50 MDR for 1, then 0 MDR").Total;
        // Months 1-3: the performing $60,000 pays 60,000/120 = 500; the delinquent $60,000's 500 is advanced.
        for (var m = 1; m <= 3; m++)
        {
            Assert.Equal(500, g.PrincipalAdvances[m], 9);
            Assert.Equal(1_000, g.ScheduledPrincipal[m], 9);
        }
        // Month 4: stated balance 58,500 liquidated; loss 40% × 60,000 = 24,000; proceeds 34,500; 1,500 advanced principal recovered.
        Assert.Equal(24_000, g.RealizedLoss[4], 9);
        Assert.Equal(34_500, g.LiquidationProceeds[4], 9);
        Assert.Equal(1_500, g.AdvancesRecovered[4], 9);
        Assert.Equal(60_000 - 4 * 500, g.EndBalance[4], 9);   // the performing half after 4 payments
        Assert.Equal(96_000, g.TotalPrincipal, 6);
    }

    [Fact]
    public void Principal_is_advanced_only_while_recoverable()
    {
        // Zero rate, 3 months, $3,000: half defaults in month 1 ($1,500), severity 40% (expected loss $600), lag 3.
        // Scheduled fractions 1/3, 1/2, 1: month 1 advances 500 (stated 1,000); month 2 would advance 500 but only
        // 1,000 − 600 = 400 is recoverable (stated 600); month 3 (maturity) nothing. Month 4: liquidated at 600, all lost.
        var loan = new Loan { Balance = 3_000, OriginalTerm = 3, RemainingTerm = 3 };
        var g = Run(AdvancingConvention.PrincipalAndInterest, loan, "50 MDR for 1, then 0 MDR").Total;
        Assert.Equal([0, 500, 400, 0, 0], g.PrincipalAdvances[..5].Select(a => Math.Round(a, 9)));
        Assert.Equal(600, g.RealizedLoss[4], 9);
        Assert.Equal(0, g.LiquidationProceeds[4], 9);
        Assert.Equal(900, g.AdvancesRecovered[4], 9);
        Assert.Equal(3_000 - 600, g.TotalPrincipal, 9);
    }

    [Fact]
    public void Reference_loss_case_totals_do_not_depend_on_the_advancing_convention()
    {
        // ../shared/reference/collateral.md loss case: its stated convention (loans stop amortising at default) is
        // interest advancing; ReferenceCasesTests pins those figures. P&I advancing changes when principal arrives,
        // not how much defaults or is lost: the severity is of the balance at default under both.
        var loan = new Loan { Balance = 100_000_000, GrossRate = 0.065, ServicingFee = 0.0025, OriginalTerm = 360, RemainingTerm = 360 };
        var scenario = new Scenario
        {
            Prepay = Speed.Prepay("100 PSA"), Default = Speed.Default("100 SDA"), Severity = MonthlyVector.Flat(0.4), RecoveryLag = 12,
        };
        var interest = Projector.Project(new LoanPool([loan]), scenario with { Advance = AdvancingConvention.Interest }).Total;
        var pi = Projector.Project(new LoanPool([loan]), scenario with { Advance = AdvancingConvention.PrincipalAndInterest }).Total;
        Assert.Equal(3_041_862.98m, Money.ToCents(pi.TotalDefaults));
        Assert.Equal(1_216_745.19m, Money.ToCents(pi.TotalRealizedLoss));
        Assert.Equal(1_666.82m, Money.ToCents(pi.Defaults[1]));
        Assert.Equal(interest.TotalPrincipal, pi.TotalPrincipal, 4);
        Assert.True(pi.PrincipalAdvances.Sum() > 0);
        Assert.True(pi.WalYears() < interest.WalYears());         // advanced principal arrives before liquidation
        Assert.All(interest.PrincipalAdvances, a => Assert.Equal(0, a));
    }

    [Fact]
    public void Interest_advancing_recovers_lag_months_of_net_interest_at_liquidation()
    {
        var g = Run(AdvancingConvention.Interest).Total;
        Assert.Equal(3 * 1_000 * 0.0575 / 12, g.AdvancesRecovered[4], 9);
        Assert.Equal(0, g.AdvancesRecovered.Sum() - g.AdvancesRecovered[4], 9);
        var none = Run(AdvancingConvention.None).Total;
        Assert.All(none.AdvancesRecovered, a => Assert.Equal(0, a));
    }

    [Theory]
    [InlineData(AdvancingConvention.None)]
    [InlineData(AdvancingConvention.Interest)]
    [InlineData(AdvancingConvention.PrincipalAndInterest)]
    public void Class_x_notional_includes_delinquent_premium_loans(AdvancingConvention advancing)
    {
        // One premium loan (net 5.75% over a 5.5% strip): Class X's notional is its Stated Principal Balance, the defaulted
        // $1,000 included until it is liquidated in month 4; its excess interest (0.25%) is there only when interest is advanced.
        var g = Run(advancing, strips: new Dictionary<string, double> { ["1"] = 0.055 });
        var flows = g.Group("1");
        var x = g.Strips["1"];
        for (var m = 1; m <= 5; m++)
        {
            // Independent of the loop's sum: beginning balance less what is liquidated this month.
            var bearing = flows.BeginBalance[m] - flows.LiquidationProceeds[m] - flows.RealizedLoss[m];
            Assert.Equal(bearing, x.PremiumBalance[m], 6);
            var delinquent = m <= 3 ? flows.BeginBalance[m] - 0.99 * BalanceAfter(100_000, 0.005, 360, m - 1) : 0;
            var expected = advancing == AdvancingConvention.None ? bearing - delinquent : bearing;
            Assert.Equal(expected * 0.0025 / 12, x.ExcessInterest[m], 9);
        }
        Assert.Equal(1_000 + 0.99 * 100_000, x.PremiumBalance[1], 6);
    }

    [Fact]
    public void Fast_path_and_reference_loop_agree_under_every_convention()
    {
        var loans = Enumerable.Range(0, 37).Select(i => Fixed6 with
        {
            Id = $"L{i}", Balance = 50_000 + 1_000 * i, GrossRate = 0.05 + 0.0005 * i, RemainingTerm = 240 + 3 * i, Age = i % 4,
        }).ToList();
        var strips = new Dictionary<string, double> { ["1"] = 0.055 };
        foreach (var a in Enum.GetValues<AdvancingConvention>())
        {
            var scenario = new Scenario
            {
                Prepay = Speed.Prepay("200 PSA"), Default = Speed.Default("5 CDR"), Severity = MonthlyVector.Flat(0.5), RecoveryLag = 6, Advance = a,
            };
            var fast = Projector.Project(new LoanPool(loans), scenario, strips);
            var slow = Projector.Project(new LoanPool(loans), scenario, strips, ProjectionOptions.ReferenceLoop);
            for (var m = 1; m <= fast.Months; m++)
            {
                Assert.Equal(slow.Total.EndBalance[m], fast.Total.EndBalance[m], 1e-9 * 1e7);
                Assert.Equal(slow.Strips["1"].PremiumBalance[m], fast.Strips["1"].PremiumBalance[m], 1e-9 * 1e7);
                Assert.Equal(slow.Strips["1"].ExcessInterest[m], fast.Strips["1"].ExcessInterest[m], 1e-9 * 1e7);
            }
        }
    }
}
