using Remic.Deals.Model;
using static Remic.Deals.Tests.TestDeals;

namespace Remic.Deals.Tests;

/// <summary>
/// Shifting interest on a 1,000,000 pool with seniors 900,000 (Senior% 90%) and subordinates 100,000; each
/// period collects 1,000 scheduled principal and 10,000 prepayments. Figures by hand from the PSA definitions.
/// </summary>
public class ShiftingInterestTests
{
    private static Deal Build(string subs, string subClasses, string whenFailed = "prior_year") => OneGroup(1_000_000m, 6m, $"""
          - {"{"} name: A, group: "1", balance: 900000, type: senior, coupon: 6 {"}"}
        {subClasses}
        """, $"""
          - pay_interest: {"{"} from: "1", classes: [A] {"}"}
          - pay_principal: {"{"} from: "1", amount: senior_principal, to: A {"}"}
          - pay_subordinates: {"{"} from: "1", classes: [{subs}] {"}"}
        """, $"""
        shifting_interest:
          subordinates: [{subs}]
          senior_prepayment_shift: [100, 100, 100, 100, 100, 70, 60, 40, 20, 0]
          step_down: {"{"} delinquency_percent: 50, cumulative_loss_percent: [30, 35, 40, 45, 50], when_failed: {whenFailed} {"}"}
        """);

    private static readonly Deal OneSub = Build("B", """
          - { name: B, group: "1", balance: 100000, type: subordinate, coupon: 6 }
        """);

    private static PeriodResultView Run(int period, decimal a = 900_000m, decimal b = 100_000m, decimal cumLoss = 0, decimal delinquent = 0,
        decimal shift = 1m, decimal[]? history = null)
    {
        var state = State(OneSub, period, ("A", a), ("B", b)) with { SeniorPrepaymentShift = shift, SeriousDelinquencyHistory = history ?? [] };
        var c = Coll(1_000_000m, sched: 1000m, prepay: 10_000m, interest: 5000m) with { CumulativeLoss = cumLoss, SeriousDelinquency = delinquent };
        var r = Distribute(OneSub, state, Market(period), c);
        return new(r.Principal[OneSub.C("A")], r.Principal[OneSub.C("B")], r.SeniorPrepaymentPercentage[0], r.Next.SeniorPrepaymentShift);
    }

    private sealed record PeriodResultView(decimal Senior, decimal Sub, decimal SeniorPrepaymentPct, decimal Shift);

    [Theory]
    [InlineData(1)]
    [InlineData(30)]
    [InlineData(60)]
    public void In_the_first_five_years_subordinates_get_no_prepayments(int period)
    {
        var r = Run(period);
        Assert.Equal(10_900.00m, r.Senior); // 90% × 1,000 + 100% × 10,000
        Assert.Equal(100.00m, r.Sub);       // only their 10% of scheduled principal
        Assert.Equal(1m, r.SeniorPrepaymentPct);
    }

    [Theory]
    [InlineData(61, 10_600, 400)]   // year 6: 90% + 70% × 10% = 97%
    [InlineData(73, 10_500, 500)]   // year 7: 96%
    [InlineData(85, 10_300, 700)]   // year 8: 94%
    [InlineData(97, 10_100, 900)]   // year 9: 92%
    [InlineData(121, 9_900, 1_100)] // after: the Senior Percentage, 90%
    public void After_year_five_the_Senior_Prepayment_Percentage_steps_down(int period, decimal senior, decimal sub)
    {
        var r = Run(period);
        Assert.Equal(senior, r.Senior);
        Assert.Equal(sub, r.Sub);
    }

    [Fact]
    public void Step_down_fails_on_cumulative_losses_or_delinquencies()
    {
        Assert.Equal(10_900.00m, Run(61, cumLoss: 30_000m).Senior);    // 30% of original subordinates: not below the limit
        Assert.Equal(10_600.00m, Run(61, cumLoss: 29_999.99m).Senior);
        // "60 days or more delinquent ... averaged over the preceding six month period" ≥ 50% of the subordinates (100,000) fails.
        decimal[] fiveMonths = [50_000m, 50_000m, 50_000m, 50_000m, 50_000m];
        Assert.Equal(10_900.00m, Run(61, delinquent: 50_000m, history: fiveMonths).Senior);    // average 50,000: fails
        Assert.Equal(10_600.00m, Run(61, delinquent: 49_999.94m, history: fiveMonths).Senior); // average 49,999.99: passes
    }

    [Fact]
    public void The_delinquency_test_averages_this_date_and_the_five_before_it()
    {
        // This date's 60+ balance counts (not last month's): 300,000 now and nothing before averages 50,000 — fails.
        Assert.Equal(10_900.00m, Run(61, delinquent: 300_000m).Senior);
        // One month of 299,999.94 over six months averages 49,999.99: passes (97% = 90% + 70% × 10%).
        Assert.Equal(10_600.00m, Run(61, delinquent: 299_999.94m).Senior);
        // A spike six dates back has left the window: only the five most recent dates before this one count.
        Assert.Equal(10_600.00m, Run(61, delinquent: 0m, history: [0m, 0m, 0m, 0m, 0m, 900_000m]).Senior);
        // In the third month the average is over the three dates there are: (150,000 + 0 + 0) / 3 = 50,000 fails.
        Assert.Equal(1m, Run(3, delinquent: 150_000m).SeniorPrepaymentPct); // years 1-5 are 100% anyway
        var next = Distribute(OneSub, State(OneSub, 3) with { SeriousDelinquencyHistory = [7m, 5m] }, Market(3),
            Coll(1_000_000m, interest: 5000m) with { SeriousDelinquency = 11m }).Next.SeriousDelinquencyHistory;
        Assert.Equal([11m, 7m, 5m, 0m, 0m], next); // this date first, then the ones before it
    }

    [Fact]
    public void A_failed_step_down_keeps_the_level_in_effect_on_the_prior_date_or_100_percent_as_the_deal_says()
    {
        // PSA: no decrease in the Senior Prepayment Percentage unless the step-down tests pass.
        Assert.Equal(10_600.00m, Run(73, cumLoss: 35_000m, shift: 0.70m).Senior); // year 7 fails its 35% test: stays at 97% (year 6's)
        Assert.Equal(10_900.00m, Run(73, cumLoss: 35_000m, shift: 1m).Senior);    // never stepped down: stays at 100%
        Assert.Equal(10_500.00m, Run(73, cumLoss: 34_999.99m, shift: 1m).Senior); // passing steps straight to year 7's 96%
        var hundred = Build("B", "  - { name: B, group: \"1\", balance: 100000, type: subordinate, coupon: 6 }", "hundred_percent");
        var state = State(hundred, 73, ("A", 900_000m), ("B", 100_000m)) with { SeniorPrepaymentShift = 0.70m };
        var c = Coll(1_000_000m, sched: 1000m, prepay: 10_000m, interest: 5000m) with { CumulativeLoss = 35_000m };
        Assert.Equal(10_900.00m, Distribute(hundred, state, Market(73), c).Principal[hundred.C("A")]);
    }

    [Theory]
    [InlineData(50_000, 61, 10_900)]  // fails in every month of years 6-11 (50% ≥ every limit): 100% throughout, never 70%, 60%, ...
    [InlineData(0, 73, 10_600)]       // passes in year 6 (97%), then fails from year 7 on: 97% to the end
    public void Failing_every_month_from_a_date_holds_the_level_of_the_date_before(decimal lossFromYear6, int failFrom, decimal senior)
    {
        var shift = 1m;
        for (var p = 61; p <= 132; p++)
        {
            var cumLoss = p >= failFrom ? 50_000m : lossFromYear6;
            var r = Run(p, cumLoss: cumLoss, shift: shift);
            if (p >= failFrom) Assert.True(senior == r.Senior, $"period {p}: senior principal {r.Senior}, expected {senior}");
            shift = r.Shift;
        }
    }

    [Fact]
    public void Senior_percentage_above_its_original_level_sends_all_prepayments_to_seniors()
    {
        var r = Run(121, a: 920_000m, b: 80_000m);
        Assert.Equal(10_920.00m, r.Senior); // 92% × 1,000 + 100% × 10,000
        Assert.Equal(80.00m, r.Sub);
    }

    [Fact]
    public void Class_prepayment_trigger_keeps_prepayments_from_a_class_below_its_original_subordination()
    {
        var deal = Build("M, B", """
              - { name: M, group: "1", balance: 60000, type: subordinate, coupon: 6 }
              - { name: B, group: "1", balance: 40000, type: subordinate, coupon: 6 }
            """);
        var c = Coll(1_000_000m, sched: 1000m, prepay: 10_000m, interest: 5000m);
        // At original levels both qualify: the 1,100 subordinate amount is shared 60/40.
        var r = Distribute(deal, State(deal, 121), Market(121), c);
        Assert.Equal(660.00m, r.Principal[deal.C("M")]);
        Assert.Equal(440.00m, r.Principal[deal.C("B")]);
        // B at 3% of the pool (originally 4%) fails its trigger: its prepayment share goes to M.
        r = Distribute(deal, State(deal, 121, ("M", 70_000m), ("B", 30_000m)), Market(121), c);
        Assert.Equal(1_070.00m, r.Principal[deal.C("M")]); // 70% of the 100 scheduled + all 1,000 prepayment
        Assert.Equal(30.00m, r.Principal[deal.C("B")]);
    }

    [Fact]
    public void Class_prepayment_trigger_also_withholds_liquidation_principal_clauses_ii_and_iii()
    {
        var deal = Build("M, B", """
              - { name: M, group: "1", balance: 60000, type: subordinate, coupon: 6 }
              - { name: B, group: "1", balance: 40000, type: subordinate, coupon: 6 }
            """);
        // Year 11: Senior% = Senior Prepayment% = 90%. 1,000 scheduled, a 10,000 loan liquidated at par, no prepayments.
        // Seniors: 90% × 1,000 + min(90% × 10,000, 90% × 10,000) = 9,900. Subordinates: clause (i) 100 by balance (70/30);
        // clause (ii) 1,000 only to M, as B (3% of the pool, originally 4%) fails its Class Prepayment Distribution Trigger.
        var c = Coll(1_000_000m, sched: 1000m, liquidation: 10_000m, interest: 5000m);
        var r = Distribute(deal, State(deal, 121, ("M", 70_000m), ("B", 30_000m)), Market(121), c);
        Assert.Equal(9_900.00m, r.Principal[deal.C("A")]);
        Assert.Equal(1_070.00m, r.Principal[deal.C("M")]);
        Assert.Equal(30.00m, r.Principal[deal.C("B")]);
    }
}
