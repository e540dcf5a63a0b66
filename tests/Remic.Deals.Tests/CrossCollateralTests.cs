using Remic.Deals.Loading;
using Remic.Deals.Model;
using static Remic.Deals.Tests.TestDeals;

namespace Remic.Deals.Tests;

/// <summary>
/// Two groups, subordinates exhausted, group 2 undercollateralised (seniors 1,000,000 over a 900,000 pool):
/// group 1's remaining funds pay group 2's seniors their unpaid interest, then principal out of the
/// subordinates' share of group 1's principal.
/// </summary>
public class CrossCollateralTests
{
    private static readonly Deal Deal = DealLoader.LoadText($$"""
        {{Header}}
        groups:
          - { name: "1", rep_lines: [ { balance: 1000000, gross_rate: 6, remaining_term: 360 } ] }
          - { name: "2", rep_lines: [ { balance: 1000000, gross_rate: 6, remaining_term: 360 } ] }
        classes:
          - { name: 1-A, group: "1", balance: 900000, type: senior, coupon: 6 }
          - { name: 2-A, group: "2", balance: 900000, type: senior, coupon: 6 }
          - { name: B, groups: ["1", "2"], balance: 200000, type: subordinate, coupon: 6 }
        waterfall:
          - pay_interest: { from: "1", classes: [1-A] }
          - pay_interest: { from: "2", classes: [2-A] }
          - pay_principal: { from: "1", amount: senior_principal, to: 1-A }
          - pay_principal: { from: "2", amount: senior_principal, to: 2-A }
          - pay_subordinates: { from: all, classes: [B] }
        shifting_interest: { subordinates: [B] }
        cross_collateral: { groups: ["1", "2"] }
        """, "cross.yaml");

    [Fact]
    public void Undercollateralised_group_is_paid_from_the_other_groups_funds()
    {
        var state = State(Deal, 30, ("1-A", 900_000m), ("2-A", 1_000_000m), ("B", 0m));
        var r = Distribute(Deal, state, Market(30),
            Coll(1_000_000m, sched: 10_000m, interest: 5_000m),
            Coll(900_000m, interest: 4_500m));
        int a1 = Deal.C("1-A"), a2 = Deal.C("2-A");
        Assert.Equal(0.9m, r.SeniorPercentage[0]);
        Assert.Equal(9_000.00m, r.Principal[a1]);       // 90% of group 1's 10,000
        Assert.Equal(4_500.00m, r.InterestPaid[a1]);
        Assert.Equal(5_000.00m, r.InterestPaid[a2]);    // 4,500 from group 2 + 500 from group 1
        Assert.Equal(1_000.00m, r.Principal[a2]);       // the subordinates' 1,000, to the undercollateralised group
        Assert.Equal(999_000.00m, r.EndBalance[a2]);
        Assert.Equal(0m, r.Next.UnpaidInterest[a2]);
    }
}
