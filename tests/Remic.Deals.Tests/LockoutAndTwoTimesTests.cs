using Remic.Deals.Model;
using static Remic.Deals.Tests.TestDeals;

namespace Remic.Deals.Tests;

/// <summary>NAS lockout shares and the two-times test, by hand.</summary>
public class LockoutAndTwoTimesTests
{
    private static readonly Deal Nas = OneGroup(1_000_000m, 6m, """
          - { name: A, group: "1", balance: 600000, type: senior, coupon: 6 }
          - { name: N, group: "1", balance: 400000, type: [senior, nas], coupon: 6 }
        """, """
          - pay_interest: { from: "1", classes: [A, N] }
          - pay_principal: { from: "1", amount: senior_principal, to: { sequential: [ { lockout: N, shift: [0, 0, 0, 0, 0, 30, 40, 60, 80, 100, 300] }, A, N ] } }
        """);

    [Theory]
    [InlineData(1, 0)]        // locked out for five years
    [InlineData(61, 1_200)]   // year 6: 30% × 10,000 × 400,000 / 1,000,000
    [InlineData(97, 3_200)]   // year 9: 80%
    [InlineData(109, 4_000)]  // year 10: 100% (its pro rata share)
    [InlineData(121, 10_000)] // year 11 on: 300%, capped at the amount
    public void NAS_class_gets_its_shift_percentage_of_its_pro_rata_share(int period, decimal nas)
    {
        var r = Distribute(Nas, State(Nas, period), Market(period), Coll(1_000_000m, sched: 1_000m, prepay: 9_000m, interest: 5_000m));
        Assert.Equal(nas, r.Principal[Nas.C("N")]);
        Assert.Equal(10_000m - nas, r.Principal[Nas.C("A")]);
    }

    private static readonly Deal TwoTimes = OneGroup(1_000_000m, 6m, """
          - { name: A, group: "1", balance: 900000, type: senior, coupon: 6 }
          - { name: B, group: "1", balance: 100000, type: subordinate, coupon: 6 }
        """, """
          - pay_interest: { from: "1", classes: [A] }
          - pay_principal: { from: "1", amount: senior_principal, to: A }
          - pay_subordinates: { from: "1", classes: [B] }
        """, """
        shifting_interest:
          subordinates: [B]
          two_times_test: { month: 36, delinquency_percent: 50, cumulative_loss_percent_before: 20, cumulative_loss_percent_after: 30 }
        """);

    [Theory]
    [InlineData(24, 0, 9_800)]      // doubled (20% vs 10%) within 36 months: 80% + 50% × 20% = 90% of prepayments
    [InlineData(48, 0, 8_800)]      // after month 36: the Senior Percentage, 80%
    [InlineData(24, 20_000, 10_800)] // cumulative losses at 20% of the original subordinates: test fails, 100%
    public void Two_times_test_steps_the_Senior_Prepayment_Percentage_down_early(int period, decimal cumLoss, decimal senior)
    {
        var state = State(TwoTimes, period, ("A", 800_000m), ("B", 200_000m));
        var c = Coll(1_000_000m, sched: 1_000m, prepay: 10_000m, interest: 5_000m) with { CumulativeLoss = cumLoss };
        var r = Distribute(TwoTimes, state, Market(period), c);
        Assert.Equal(senior, r.Principal[TwoTimes.C("A")]);
        Assert.Equal(11_000m - senior, r.Principal[TwoTimes.C("B")]);
    }
}
