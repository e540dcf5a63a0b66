using Remic.Deals.Loading;
using Remic.Deals.Model;

namespace Remic.Deals.Tests;

/// <summary>
/// Class PO / Class X at a 5.50% strip: a discount loan (5.25% gross, 0.25% servicing: net 5.00%, PO
/// fraction 0.5/5.5 = 1/11) and a premium loan (6.75% gross: net 6.50%, 1.00% excess to Class X).
/// </summary>
public class StrippingTests
{
    private static readonly Deal Deal = DealLoader.LoadText($"""
        {TestDeals.Header}
        groups:
          - name: "1"
            servicing_fee: 0.25
            strip_rate: 5.5
            rep_lines:
              - {"{"} id: discount, balance: 1000000, gross_rate: 5.25, remaining_term: 360 {"}"}
              - {"{"} id: premium, balance: 1000000, gross_rate: 6.75, remaining_term: 360 {"}"}
        classes:
          - {"{"} name: A, group: "1", balance: 1909090.91, type: senior, coupon: 5.5 {"}"}
          - {"{"} name: PO, group: "1", balance: 90909.09, type: po {"}"}
          - {"{"} name: X, group: "1", balance: 1000000, type: notional_io, notional: premium_loans, coupon: strip_excess {"}"}
        waterfall:
          - pay_po: {"{"} group: "1", class: PO {"}"}
          - pay_interest: {"{"} from: "1", classes: [A, X] {"}"}
          - pay_principal: {"{"} from: "1", amount: senior_principal, to: A {"}"}
        """, "strip.yaml");

    private static double Sched(double balance, double annual) // month-1 scheduled principal of a 360-month level-pay loan
    {
        var r = annual / 12;
        return balance * r / (1 - Math.Pow(1 + r, -360)) - balance * r;
    }

    [Theory]
    [InlineData("0 CPR")]
    [InlineData("25 CPR")]
    public void PO_takes_one_eleventh_of_the_discount_loan_principal_and_X_the_premium_excess(string speed)
    {
        var run = TestDeals.Project(Deal, speed);
        var p = run.Periods[0];
        int a = Deal.C("A"), po = Deal.C("PO"), x = Deal.C("X");
        var smm = 1 - Math.Pow(1 - (speed == "0 CPR" ? 0 : 0.25), 1.0 / 12);
        var disc = Sched(1e6, 0.0525);
        var discPrepay = (1e6 - disc) * smm;
        Assert.Equal((disc + discPrepay) / 11, p.Principal[po], 6);
        Assert.Equal(1e6 * 0.01 / 12, p.InterestPaid[x], 6);          // 833.33
        Assert.Equal(1_909_090.91 * 0.055 / 12, p.InterestPaid[a], 4);  // 8,750.00
        var prem = Sched(1e6, 0.0675);
        var premPrepay = (1e6 - prem) * smm;
        Assert.Equal(disc + discPrepay + prem + premPrepay - (disc + discPrepay) / 11, p.Principal[a], 4);
        // Over the life: PO receives exactly its balance, A exactly its balance.
        Assert.Equal(90_909.09, run.TotalPrincipal(po), 2);
        Assert.Equal(1_909_090.91, run.TotalPrincipal(a), 2);
    }
}
