using Remic.Deals.Model;
using static Remic.Deals.Tests.TestDeals;

namespace Remic.Deals.Tests;

/// <summary>Realised losses: subordinates in reverse order, then the senior support class before its super senior.</summary>
public class LossAllocationTests
{
    private static readonly Deal Deal = OneGroup(1_000_000m, 6m, """
          - { name: SS, group: "1", balance: 600000, type: super_senior, coupon: 6 }
          - { name: SUP, group: "1", balance: 300000, type: senior_support, coupon: 6 }
          - { name: M, group: "1", balance: 60000, type: subordinate, coupon: 6 }
          - { name: B, group: "1", balance: 40000, type: subordinate, coupon: 6 }
        """, """
          - pay_interest: { from: "1", classes: [SS, SUP] }
          - pay_principal: { from: "1", amount: senior_principal, to: { pro_rata: [SS, SUP] } }
          - pay_subordinates: { from: "1", classes: [M, B] }
        """, """
        shifting_interest: { subordinates: [M, B] }
        losses:
          order: [B, M]
          senior_support: { SS: SUP }
        """);

    [Fact]
    public void Losses_eat_the_lowest_subordinate_first()
    {
        var r = Distribute(Deal, State(Deal, 1), Market(1), Coll(1_000_000m, loss: 50_000m, interest: 5000m));
        Assert.Equal(40_000.00m, r.Loss[Deal.C("B")]);
        Assert.Equal(10_000.00m, r.Loss[Deal.C("M")]);
        Assert.Equal(0m, r.Loss[Deal.C("SS")] + r.Loss[Deal.C("SUP")]);
        Assert.Equal(50_000.00m, r.EndBalance[Deal.C("M")]);
    }

    [Fact]
    public void With_the_subordinates_gone_the_support_class_takes_the_super_seniors_share()
    {
        var state = State(Deal, 20, ("M", 0m), ("B", 0m));
        var r = Distribute(Deal, state, Market(20), Coll(900_000m, loss: 90_000m, interest: 4500m));
        Assert.Equal(90_000.00m, r.Loss[Deal.C("SUP")]); // its own 30,000 and SS's 60,000
        Assert.Equal(0m, r.Loss[Deal.C("SS")]);
    }

    [Fact]
    public void Once_the_support_class_is_exhausted_the_super_senior_bears_the_rest()
    {
        var state = State(Deal, 30, ("SS", 600_000m), ("SUP", 10_000m), ("M", 0m), ("B", 0m));
        var r = Distribute(Deal, state, Market(30), Coll(610_000m, loss: 61_000m, interest: 3050m));
        Assert.Equal(10_000.00m, r.Loss[Deal.C("SUP")]); // 1,000 own share + 9,000 of SS's share
        Assert.Equal(51_000.00m, r.Loss[Deal.C("SS")]);
    }
}
