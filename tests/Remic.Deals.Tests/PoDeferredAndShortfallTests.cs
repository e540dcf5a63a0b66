using Remic.Deals.Loading;
using Remic.Deals.Model;
using Remic.Deals.Waterfall;
using static Remic.Deals.Tests.TestDeals;

namespace Remic.Deals.Tests;

/// <summary>Class PO Deferred Amounts and Net Interest Shortfalls, by hand, in exact decimal.</summary>
public class PoDeferredAndShortfallTests
{
    // Discount loan: net 5.00% at a 5.50% strip, PO fraction 1/11 → Class PO 90,909.09; non-PO 1,909,090.91.
    private static readonly Deal Deal = DealLoader.LoadText($$"""
        {{Header}}
        groups:
          - name: "1"
            servicing_fee: 0.25
            strip_rate: 5.5
            rep_lines:
              - { id: discount, balance: 1000000, gross_rate: 5.25, remaining_term: 360 }
              - { id: premium, balance: 1000000, gross_rate: 6.75, remaining_term: 360 }
        classes:
          - { name: A, group: "1", balance: 1709090.91, type: senior, coupon: 5.5 }
          - { name: PO, group: "1", balance: 90909.09, type: po }
          - { name: X, group: "1", type: notional_io, notional: premium_loans, coupon: strip_excess }
          - { name: B, group: "1", balance: 200000, type: subordinate, coupon: 5.5 }
        waterfall:
          - pay_po: { group: "1", class: PO }
          - pay_interest: { from: "1", classes: [A, X] }
          - pay_principal: { from: "1", amount: senior_principal, to: A }
          - pay_po_deferred: { from: "1" }
          - pay_subordinates: { from: "1", classes: [B] }
        shifting_interest: { subordinates: [B] }
        """, "po-deferred.yaml");

    private static GroupCollections<decimal> Month(decimal begin, decimal poBegin, decimal sched, decimal poSched, decimal loss, decimal poLoss, decimal nonPoInterest) => new()
    {
        BeginBalance = begin, PoBeginBalance = poBegin, ScheduledPrincipal = sched, PoScheduledPrincipal = poSched,
        RealizedLoss = loss, PoRealizedLoss = poLoss, CumulativeLoss = loss,
        NetInterest = nonPoInterest + 833.33m, ClassXExcessInterest = 833.33m, PremiumLoanBalance = 1_000_000m,
    };

    [Fact]
    public void PO_loss_is_written_off_then_reimbursed_from_subordinate_principal_and_the_lowest_subordinate_written_down()
    {
        int a = Deal.C("A"), po = Deal.C("PO"), b = Deal.C("B");
        // Period 1: 11,000 lost, 1,000 of it the PO portion: Class PO −1,000 (deferred), B −10,000.
        var r1 = Distribute(Deal, State(Deal, 1), Market(1), Month(2_000_000m, 90_909.09m, 0, 0, 11_000m, 1_000m, 8_750.00m));
        Assert.Equal(1_000.00m, r1.Loss[po]);
        Assert.Equal(10_000.00m, r1.Loss[b]);
        Assert.Equal(1_000.00m, r1.Next.PoDeferred[0]);
        Assert.Equal(833.33m, r1.InterestPaid[Deal.C("X")]);

        // Period 2: 5,000 scheduled, 500 of it PO. Senior% = 1,709,090.91 / 1,899,090.91; the subordinates'
        // 4,500 − Senior% × 4,500 goes to Class PO as its deferred amount instead, and B is written down by it.
        var seniorShare = Math.Round(4_500m * 1_709_090.91m / 1_899_090.91m, 2, MidpointRounding.AwayFromZero);
        var subShare = 4_500m - seniorShare;
        var r2 = Distribute(Deal, r1.Next, Market(2), Month(1_989_000m, 89_909.09m, 5_000m, 500m, 0, 0, 8_704.17m));
        Assert.Equal(seniorShare, r2.Principal[a]);
        Assert.Equal(500.00m, r2.Principal[po]);
        Assert.Equal(subShare, r2.PoDeferredPaid[po]);
        Assert.Equal(0m, r2.Principal[b]);
        Assert.Equal(subShare, r2.Loss[b]);
        Assert.Equal(1_000.00m - subShare, r2.Next.PoDeferred[0]);
        Assert.Equal(89_409.09m, r2.EndBalance[po]);
        Assert.Equal(190_000.00m - subShare, r2.EndBalance[b]);
    }

    private static readonly Deal Two = OneGroup(1_000_000m, 6m, """
          - { name: A-1, group: "1", balance: 600000, type: senior, coupon: 6 }
          - { name: A-2, group: "1", balance: 400000, type: senior, coupon: 6 }
        """, """
          - pay_interest: { from: "1", classes: [A-1, A-2] }
          - pay_principal: { from: "1", amount: senior_principal, to: { sequential: [A-1, A-2] } }
        """);

    [Fact]
    public void Prepayment_interest_and_Relief_Act_shortfalls_are_shared_pro_rata_and_not_carried()
    {
        // 5,000.00 of current interest (3,000 + 2,000); 100.00 uncovered PPIS + 25.00 Relief Act shortfall.
        var c = Coll(1_000_000m, sched: 1_000m, interest: 5_000m) with { PrepaymentInterestShortfall = 100m, ReliefActShortfall = 25m };
        var r = Distribute(Two, State(Two, 1), Market(1), c);
        Assert.Equal(75.00m, r.InterestShortfall[Two.C("A-1")]);
        Assert.Equal(50.00m, r.InterestShortfall[Two.C("A-2")]);
        Assert.Equal(2_925.00m, r.InterestPaid[Two.C("A-1")]);
        Assert.Equal(1_950.00m, r.InterestPaid[Two.C("A-2")]);
        Assert.Equal(0m, r.Next.UnpaidInterest[Two.C("A-1")]);
    }

    [Fact]
    public void Interest_short_of_funds_is_carried_as_unpaid_interest()
    {
        // Only 4,000.00 of interest collected against 5,000.00 due and no principal: pro rata 2,400 / 1,600.
        var r = Distribute(Two, State(Two, 1), Market(1), Coll(1_000_000m, interest: 4_000m));
        Assert.Equal(2_400.00m, r.InterestPaid[Two.C("A-1")]);
        Assert.Equal(600.00m, r.Next.UnpaidInterest[Two.C("A-1")]);
        Assert.Equal(400.00m, r.Next.UnpaidInterest[Two.C("A-2")]);
        // Next period the carried amount is due on top of current interest.
        var r2 = Distribute(Two, r.Next, Market(2), Coll(1_000_000m, interest: 6_000m));
        Assert.Equal(3_600.00m, r2.InterestPaid[Two.C("A-1")]);
        Assert.Equal(2_400.00m, r2.InterestPaid[Two.C("A-2")]);
    }
}
