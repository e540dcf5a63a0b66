using Remic.Core;

namespace Remic.Collateral.Tests;

/// <summary>
/// Cases whose figures follow from the level-payment formula by hand: P = B·r / (1 − (1+r)^−n),
/// balance after k payments B_k = B(1+r)^k − P((1+r)^k − 1)/r. The closed forms below are written
/// out independently of the projector's month-by-month recurrence.
/// </summary>
public class HandDerivedCasesTests
{
    private static double Payment(double b, double r, int n) => b * r / (1 - Math.Pow(1 + r, -n));
    private static double BalanceAfter(double b, double r, int n, int k) =>
        b * Math.Pow(1 + r, k) - Payment(b, r, n) * (Math.Pow(1 + r, k) - 1) / r;

    private static GroupCashFlows Run(Loan loan, string prepay = "0 CPR", string dflt = "0 CDR", double severity = 0, int lag = 0,
        bool advancing = true, IReadOnlyDictionary<string, MonthlyVector>? indices = null) =>
        Projector.Project(new LoanPool([loan]), new Scenario
        {
            Prepay = Speed.Prepay(prepay), Default = Speed.Default(dflt), Severity = MonthlyVector.Flat(severity),
            RecoveryLag = lag, Advancing = advancing,
            Indices = indices ?? new Dictionary<string, MonthlyVector>(StringComparer.OrdinalIgnoreCase),
        }).Total;

    private static readonly Loan Fixed6 = new()
    {
        Balance = 100_000, GrossRate = 0.06, ServicingFee = 0.0025, OriginalTerm = 360, RemainingTerm = 360,
    };

    [Fact]
    public void Level_pay_at_zero_cpr_follows_the_payment_formula()
    {
        var g = Run(Fixed6);
        const double r = 0.005;
        // $599.55 is the textbook payment on $100,000 at 6% for 30 years.
        Assert.Equal(599.55m, Money.ToCents(g.ScheduledPrincipal[1] + g.GrossInterest[1]));
        Assert.Equal(599.55m - 500.00m, Money.ToCents(g.ScheduledPrincipal[1]));
        Assert.Equal(500.00m, Money.ToCents(g.GrossInterest[1]));
        foreach (var k in new[] { 1, 12, 60, 180, 359 })
            Assert.Equal(BalanceAfter(100_000, r, 360, k), g.EndBalance[k], 6);
        Assert.Equal(0, g.EndBalance[360], 6);
        Assert.Equal(360, g.Months);
        Assert.Equal(360, g.MonthsToZero());
        // Every payment is the same: total gross interest = 360·P − B.
        Assert.Equal(360 * Payment(100_000, r, 360) - 100_000, g.GrossInterest.Sum(), 4);
        Assert.Equal(100_000, g.TotalPrincipal, 6);
        // Net interest = gross less 0.25%/12 of each month's balance.
        Assert.Equal(g.GrossInterest[7] * (0.0575 / 0.06), g.NetInterest[7], 9);
    }

    [Fact]
    public void Hundred_percent_smm_prepays_everything_in_month_one()
    {
        var g = Run(Fixed6 with { LoanCount = 10 }, "100 SMM");
        Assert.Equal(Payment(100_000, 0.005, 360) - 500, g.ScheduledPrincipal[1], 9);
        Assert.Equal(100_000 - (Payment(100_000, 0.005, 360) - 500), g.Prepayment[1], 9);
        Assert.Equal(0, g.EndBalance[1]);
        Assert.Equal(1.0 / 12, g.WalYears(), 12);
        Assert.Equal(1, g.MonthsToZero());
        Assert.Equal(0, g.LoanCount[1]);
        Assert.All(Enumerable.Range(2, g.Months - 1), m => Assert.Equal(0, g.Principal(m) + g.GrossInterest[m]));
    }

    [Fact]
    public void Hundred_cpr_is_the_same_as_hundred_smm() =>
        Assert.Equal(0, Run(Fixed6, "100 CPR").EndBalance[1]);

    [Fact]
    public void Zero_rate_amortises_straight_line()
    {
        var g = Run(new Loan { Balance = 120_000, OriginalTerm = 120, RemainingTerm = 120 });
        for (var m = 1; m <= 120; m++)
        {
            Assert.Equal(1_000, g.ScheduledPrincipal[m], 9);
            Assert.Equal(120_000 - 1_000 * m, g.EndBalance[m], 6);
            Assert.Equal(0, g.GrossInterest[m]);
        }
        // WAL of equal principal payments over months 1..120: (120+1)/2 months.
        Assert.Equal(121.0 / 2 / 12, g.WalYears(), 12);
    }

    [Fact]
    public void Interest_only_pays_no_principal_then_level_pay_over_the_rest()
    {
        var g = Run(Fixed6 with { IoTerm = 120 });
        for (var m = 1; m <= 120; m++)
        {
            Assert.Equal(0, g.ScheduledPrincipal[m]);
            Assert.Equal(500, g.GrossInterest[m], 9);
        }
        // $716.43: the payment on $100,000 at 6% over the 20 years left.
        Assert.Equal(716.43m, Money.ToCents(g.ScheduledPrincipal[121] + g.GrossInterest[121]));
        Assert.Equal(BalanceAfter(100_000, 0.005, 240, 60), g.EndBalance[180], 6);
        Assert.Equal(0, g.EndBalance[360], 6);
    }

    [Fact]
    public void Seasoned_interest_only_loan_amortises_from_the_end_of_its_io_term()
    {
        // Age 60 of a 120-month IO: 60 more IO months, then 240 amortising months.
        var g = Run(Fixed6 with { IoTerm = 120, Age = 60, RemainingTerm = 300 });
        Assert.Equal(0, g.ScheduledPrincipal[60]);
        Assert.Equal(Payment(100_000, 0.005, 240) - 500, g.ScheduledPrincipal[61], 9);
        Assert.Equal(300, g.MonthsToZero());
    }

    [Fact]
    public void Balloon_pays_the_whole_balance_at_the_balloon_age()
    {
        var g = Run(Fixed6 with { BalloonTerm = 180 });
        Assert.Equal(180, g.Months);
        var before = BalanceAfter(100_000, 0.005, 360, 179);
        Assert.Equal(before, g.EndBalance[179], 6);
        Assert.Equal(before, g.ScheduledPrincipal[180], 6);
        Assert.Equal(0, g.EndBalance[180]);
        Assert.Equal(0, g.LoanCount[180]);
    }

    [Fact]
    public void Seasoned_balloon_counts_months_from_the_loans_age()
    {
        var g = Run(Fixed6 with { BalloonTerm = 180, Age = 170, RemainingTerm = 190, Balance = BalanceAfter(100_000, 0.005, 360, 170) });
        Assert.Equal(10, g.Months);
        Assert.Equal(BalanceAfter(100_000, 0.005, 360, 179), g.ScheduledPrincipal[10], 6);
    }

    private static readonly ArmTerms Arm5_1 = new("LIBOR_6MO", 0.0225, 61, 12, 0.02, 0.01, 0.0710, 0.0225);

    private static Dictionary<string, MonthlyVector> Libor(double rate) =>
        new(StringComparer.OrdinalIgnoreCase) { ["LIBOR_6MO"] = MonthlyVector.Flat(rate) };

    [Fact]
    public void Arm_resets_to_index_plus_margin_within_caps_and_recasts_the_payment()
    {
        // 4% start; index 5% + margin 2.25% = 7.25% target. Age 61: +2% initial cap → 6%;
        // age 73: +1% periodic cap → 7%; age 85: target 7.25% but lifetime cap 7.10%.
        var loan = new Loan { Balance = 100_000, GrossRate = 0.04, OriginalTerm = 360, RemainingTerm = 360, Arm = Arm5_1 };
        var g = Run(loan, indices: Libor(0.05));

        var b60 = BalanceAfter(100_000, 0.04 / 12, 360, 60);
        Assert.Equal(b60, g.EndBalance[60], 6);
        Assert.Equal(b60 * 0.06 / 12, g.GrossInterest[61], 8);
        Assert.Equal(Payment(b60, 0.005, 300) - b60 * 0.005, g.ScheduledPrincipal[61], 8);

        var b72 = BalanceAfter(b60, 0.005, 300, 12);
        Assert.Equal(b72, g.EndBalance[72], 6);
        Assert.Equal(Payment(b72, 0.07 / 12, 288) - b72 * 0.07 / 12, g.ScheduledPrincipal[73], 8);

        var b84 = BalanceAfter(b72, 0.07 / 12, 288, 12);
        Assert.Equal(b84 * 0.071 / 12, g.GrossInterest[85], 8);
        Assert.Equal(0, g.EndBalance[360], 6);
    }

    [Theory]
    [InlineData(0.05, 0.04, 61, 0.06)]    // initial cap binds
    [InlineData(0.01, 0.04, 61, 0.0325)]  // index + margin within the cap
    [InlineData(0.00, 0.06, 73, 0.05)]    // periodic cap binds on the way down
    [InlineData(0.00, 0.0250, 73, 0.0225)] // floor binds
    [InlineData(0.09, 0.07, 73, 0.071)]   // lifetime cap binds
    public void Arm_reset_rate_respects_caps_and_floor(double index, double oldRate, int age, double expected) =>
        Assert.Equal(expected, Projector.ResetRate(Arm5_1, oldRate, age, index), 12);

    [Fact]
    public void Arm_without_an_index_path_is_an_input_error()
    {
        var loan = new Loan { Balance = 100_000, GrossRate = 0.04, OriginalTerm = 360, RemainingTerm = 360, Arm = Arm5_1 };
        var e = Assert.Throws<RemicInputException>(() => Run(loan));
        Assert.Equal("--index LIBOR_6MO: an ARM resets off index 'LIBOR_6MO' but no value was given for it (e.g. --index \"LIBOR_6MO=5.32\")", e.Message);
    }

    // Defaults: 1% of the balance defaults in month 1 only, 40% severity.
    private const string OneDefault = "1 MDR for 1, then 0 MDR";

    [Fact]
    public void Default_with_lag_zero_is_liquidated_in_the_month_of_default()
    {
        var g = Run(Fixed6, dflt: OneDefault, severity: 0.4, lag: 0);
        Assert.Equal(1_000, g.Defaults[1], 9);
        Assert.Equal(400, g.RealizedLoss[1], 9);
        Assert.Equal(600, g.LiquidationProceeds[1], 9);
        Assert.Equal(0.99 * (Payment(100_000, 0.005, 360) - 500), g.ScheduledPrincipal[1], 9);
        Assert.Equal(0.99 * BalanceAfter(100_000, 0.005, 360, 1), g.EndBalance[1], 6);
        Assert.Equal(0.99 * 100_000 * 0.005, g.GrossInterest[1], 9);
        Assert.All(g.Advances, a => Assert.Equal(0, a));
        Assert.Equal(400, g.TotalRealizedLoss, 9);
        Assert.Equal(360, g.Months);
    }

    [Fact]
    public void Default_with_a_lag_is_liquidated_lag_months_later_with_interest_advanced_meanwhile()
    {
        var g = Run(Fixed6, dflt: OneDefault, severity: 0.4, lag: 3);
        Assert.Equal(363, g.Months);
        Assert.Equal(1_000, g.Defaults[1], 9);
        for (var m = 1; m <= 3; m++)
        {
            Assert.Equal(0, g.RealizedLoss[m]);
            Assert.Equal(0, g.LiquidationProceeds[m]);
            // The defaulted $1,000 stays in the pool balance until liquidated.
            Assert.Equal(0.99 * BalanceAfter(100_000, 0.005, 360, m) + 1_000, g.EndBalance[m], 6);
            // Net interest (5.75%) on the defaulted $1,000 is advanced each month until liquidation.
            Assert.Equal(1_000 * 0.0575 / 12, g.Advances[m], 9);
            Assert.Equal(0.99 * BalanceAfter(100_000, 0.005, 360, m - 1) * 0.0575 / 12 + 1_000 * 0.0575 / 12, g.NetInterest[m], 8);
        }
        Assert.Equal(400, g.RealizedLoss[4], 9);
        Assert.Equal(600, g.LiquidationProceeds[4], 9);
        Assert.Equal(0, g.Advances[4]);
        Assert.Equal(0.99 * BalanceAfter(100_000, 0.005, 360, 4), g.EndBalance[4], 6);
    }

    [Fact]
    public void Without_advancing_the_defaulted_loans_interest_is_simply_missing()
    {
        var on = Run(Fixed6, dflt: OneDefault, severity: 0.4, lag: 3, advancing: true);
        var off = Run(Fixed6, dflt: OneDefault, severity: 0.4, lag: 3, advancing: false);
        for (var m = 1; m <= 3; m++)
        {
            Assert.Equal(0, off.Advances[m]);
            Assert.Equal(on.NetInterest[m] - 1_000 * 0.0575 / 12, off.NetInterest[m], 9);
        }
        Assert.Equal(on.TotalPrincipal, off.TotalPrincipal, 9);
        Assert.Equal(on.TotalRealizedLoss, off.TotalRealizedLoss, 9);
    }

    [Fact]
    public void Loan_count_decays_by_survival_and_ends_at_zero()
    {
        var g = Run(Fixed6 with { LoanCount = 100 }, "10 SMM");
        Assert.Equal(100, g.LoanCount[0]);
        Assert.Equal(90, g.LoanCount[1], 9);
        Assert.Equal(81, g.LoanCount[2], 9);
        Assert.Equal(100 * Math.Pow(0.9, 24), g.LoanCount[24], 9);
        Assert.Equal(0, g.LoanCount[360]);
    }

    [Fact]
    public void Loan_count_of_a_pool_adds_its_loans()
    {
        var pool = new LoanPool([Fixed6 with { Id = "a", LoanCount = 3 }, Fixed6 with { Id = "b", Group = "2", LoanCount = 2 }]);
        var p = Projector.Project(pool, new Scenario());
        Assert.Equal(5, p.Total.LoanCount[0]);
        Assert.Equal(3, p.Group("1").LoanCount[100]);
        Assert.Equal(2, p.Group("2").LoanCount[359]);
        Assert.Equal(0, p.Total.LoanCount[360]);
    }
}
