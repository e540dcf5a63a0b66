using Remic.Core;
using Remic.Deals.Loading;
using Remic.Deals.Model;
using Remic.Deals.Waterfall;
using static Remic.Deals.Tests.TestDeals;

namespace Remic.Deals.Tests;

/// <summary>
/// Issue 11: the waterfall read as CWALT's prospectus supplements word it. Every figure is derived by hand in the
/// comment beside it (30/360 months, so a year's coupon / 12 on the balance).
/// </summary>
public class PsaFidelityTests
{
    /// <summary>Two groups of 1,000,000 premium loans: group 1 nets 6% over a 5.5% strip, group 2 nets 7% over a 6% strip.</summary>
    private const string TwoGroups = """
        groups:
          - { name: "1", servicing_fee: 0.25, trustee_fee: 0.01, strip_rate: 5.5, rep_lines: [ { balance: 1000000, gross_rate: 6.26, remaining_term: 360 } ] }
          - { name: "2", servicing_fee: 0.25, trustee_fee: 0.01, strip_rate: 6.0, rep_lines: [ { balance: 1000000, gross_rate: 7.26, remaining_term: 360 } ] }
        classes:
          - { name: 1-A, group: "1", balance: 1000000, type: senior, coupon: 5.5 }
          - { name: 2-A, group: "2", balance: 1000000, type: senior, coupon: 6.0 }
          - { name: X, groups: ["1", "2"], balance: 2000000, type: notional_io, notional: premium_loans, coupon: strip_excess }
          - { name: R, group: "1", balance: 0, type: residual, coupon: none }
        """;

    private static Deal TwoGroupDeal(string steps) => DealLoader.LoadText($"{Header}\n{TwoGroups}\nwaterfall:\n{steps}", "two-groups.yaml");

    private static GroupCollections<decimal> Group(decimal netInterest, decimal excess) =>
        Coll(1_000_000m, sched: 1000m, interest: netInterest) with { ClassXExcessInterest = excess, PremiumLoanBalance = 1_000_000m };

    [Fact]
    public void A_class_of_two_groups_listed_in_each_groups_step_takes_each_groups_component_from_that_group()
    {
        var deal = TwoGroupDeal("""
              - pay_interest: { from: "1", classes: [1-A, X] }
              - pay_interest: { from: "2", classes: [2-A, X] }
              - pay_principal: { from: "1", amount: non_po_principal, to: 1-A }
              - pay_principal: { from: "2", amount: non_po_principal, to: 2-A }
              - pay_residual: { from: all, class: R }
            """);
        // Group 1: 5,000 net interest (6%), X's excess 416.67 (0.5%); group 2: 5,833.33 (7%), X's excess 833.33 (1%).
        var r = Distribute(deal, DealState<decimal>.AtClosing(deal), Market(1), Group(5000m, 416.67m), Group(5833.33m, 833.33m));
        Assert.Equal(1_250.00m, r.InterestPaid[deal.C("X")]);   // 416.67 from group 1 and 833.33 from group 2
        Assert.Equal(4_583.33m, r.InterestPaid[deal.C("1-A")]); // 5.5% / 12 of 1,000,000
        Assert.Equal(5_000.00m, r.InterestPaid[deal.C("2-A")]); // 6% / 12
        // Group 1's 6,000 pays 4,583.33 + 416.67 of interest and its 1,000 of principal in full (before: X's whole
        // 1,250 came out of group 1, which then paid 1-A only 166.67 of principal).
        Assert.Equal(1_000.00m, r.Principal[deal.C("1-A")]);
        Assert.Equal(1_000.00m, r.Principal[deal.C("2-A")]);
        Assert.Equal(0m, r.PrincipalShortfall);
        Assert.Equal(0m, r.ResidualPaid);
    }

    [Fact]
    public void A_deal_file_that_pays_a_two_group_class_from_one_group_only_is_refused()
    {
        var yaml = $"{Header}\n{TwoGroups}\nwaterfall:\n" + """
              - pay_interest: { from: "1", classes: [1-A, X] }
              - pay_interest: { from: "2", classes: [2-A] }
              - pay_principal: { from: "1", amount: non_po_principal, to: 1-A }
              - pay_principal: { from: "2", amount: non_po_principal, to: 2-A }
            """;
        var e = Assert.Throws<RemicInputException>(() => DealLoader.LoadText(yaml, "bad.yaml"));
        Assert.Contains("waterfall[0].pay_interest.classes[1]: got 'X'; class X belongs to groups 1, 2 but no pay_interest step from group 2 lists it", e.Message);
    }

    [Fact]
    public void A_two_group_class_in_a_step_of_neither_of_its_groups_is_refused_and_from_all_is_accepted()
    {
        var three = TwoGroups.Replace("classes:", """
              - { name: "3", servicing_fee: 0.25, trustee_fee: 0.01, rep_lines: [ { balance: 1000000, gross_rate: 6.26, remaining_term: 360 } ] }
            classes:
              - { name: 3-A, group: "3", balance: 1000000, type: senior, coupon: 5.5 }
            """);
        var yaml = $"{Header}\n{three}\nwaterfall:\n" + """
              - pay_interest: { from: "1", classes: [1-A, X] }
              - pay_interest: { from: "2", classes: [2-A, X] }
              - pay_interest: { from: "3", classes: [3-A, X] }
            """;
        var e = Assert.Throws<RemicInputException>(() => DealLoader.LoadText(yaml, "bad.yaml"));
        Assert.Contains("waterfall[2].pay_interest.classes[1]: got 'X'; class X belongs to groups 1, 2 but this step pays from 3", e.Message);
        var ok = TwoGroupDeal("""
              - pay_interest: { from: all, classes: [1-A, 2-A, X] }
              - pay_principal: { from: "1", amount: non_po_principal, to: 1-A }
              - pay_principal: { from: "2", amount: non_po_principal, to: 2-A }
            """);
        Assert.Equal(3, ok.Waterfall.Count); // from: all pays from both of X's groups: accepted
    }

    // ---- Realised losses include the liquidated loan's accrued interest (item 5) ----

    private static readonly Deal SeniorSub = OneGroup(1_000_000m, 6m, """
          - { name: A, group: "1", balance: 900000, type: senior, coupon: 6 }
          - { name: B, group: "1", balance: 100000, type: subordinate, coupon: 6 }
        """, """
          - pay_interest: { from: "1", classes: [A] }
          - pay_principal: { from: "1", amount: senior_principal, to: A }
          - pay_subordinates: { from: "1", classes: [B] }
        """, "shifting_interest: { subordinates: [B] }");

    [Fact]
    public void Liquidation_proceeds_pay_the_liquidated_loans_accrued_interest_first_and_the_loss_includes_it()
    {
        // A 100,000 loan liquidates at 50%: proceeds 50,000; its last month's interest, 500 (6% / 12), was not collected.
        // The other 900,000 pay 4,500. Proceeds pay the 500 of interest, so 49,500 is principal and the loss is 50,500.
        var c = Coll(1_000_000m, liquidation: 50_000m, loss: 50_000m, interest: 4500m) with { LiquidatedLoanInterest = 500m };
        var r = Distribute(SeniorSub, DealState<decimal>.AtClosing(SeniorSub), Market(1), c);
        Assert.Equal(4_500.00m, r.InterestPaid[SeniorSub.C("A")]);
        Assert.Equal(500.00m, r.InterestPaid[SeniorSub.C("B")]);   // 6% / 12 of 100,000, paid in full
        Assert.Equal(49_500.00m, r.Principal[SeniorSub.C("A")]);   // min(90% × 100,000, 100% × 49,500)
        Assert.Equal(0m, r.Principal[SeniorSub.C("B")]);
        Assert.Equal(50_500.00m, r.Loss[SeniorSub.C("B")]);
        Assert.Equal(50_500.00m, r.CollateralLoss[0]);
        Assert.Equal(500.00m, r.LiquidationInterest[0]);
        Assert.Equal(0m, r.Next.Undercollateralisation);            // 850,500 + 49,500 = the 900,000 left in the pool
    }

    [Fact]
    public void Accrued_interest_the_proceeds_cannot_cover_is_a_shortfall_of_the_classes_not_a_principal_shortfall()
    {
        // At 100% severity nothing is recovered: the 500 reduces the interest due pro rata (A 450, B 50), not principal.
        var c = Coll(1_000_000m, loss: 100_000m, interest: 4500m) with { LiquidatedLoanInterest = 500m };
        var r = Distribute(SeniorSub, DealState<decimal>.AtClosing(SeniorSub), Market(1), c);
        Assert.Equal(450.00m, r.InterestShortfall[SeniorSub.C("A")]);
        Assert.Equal(50.00m, r.InterestShortfall[SeniorSub.C("B")]);
        Assert.Equal(4_050.00m, r.InterestPaid[SeniorSub.C("A")]);
        Assert.Equal(450.00m, r.InterestPaid[SeniorSub.C("B")]);
        Assert.Equal(100_000.00m, r.Loss[SeniorSub.C("B")]);
        Assert.Equal(0m, r.PrincipalShortfall + r.Next.Undercollateralisation);
    }

    [Fact]
    public void At_the_deals_end_no_class_keeps_a_balance_without_a_loss_and_a_written_off_class_is_owed_no_more_interest()
    {
        // Last month: the pool's final 9,000 is paid; A (10,000, the only class left) stood 1,000 above the pool.
        // A is due 50 of interest (6% / 12 × 10,000) against 45 collected: the 5 comes out of the pot, so A's principal
        // is 8,995 and the 1,005 left is written off; its unpaid interest ends with it.
        var state = State(SeniorSub, 200, ("A", 10_000m), ("B", 0m)) with { Undercollateralisation = 1_000m };
        var r = Distribute(SeniorSub, state, Market(200), Coll(9_000m, sched: 9_000m, interest: 45m));
        Assert.Equal(50.00m, r.InterestPaid[SeniorSub.C("A")]);
        Assert.Equal(8_995.00m, r.Principal[SeniorSub.C("A")]);
        Assert.Equal(1_005.00m, r.Loss[SeniorSub.C("A")]);
        Assert.Equal(0m, r.EndBalance[SeniorSub.C("A")]);
        Assert.Equal(0m, r.Next.Undercollateralisation);
        // A subordinate written off with interest unpaid: no unpaid interest carried once its balance is zero.
        var s2 = State(SeniorSub, 20, ("A", 900_000m), ("B", 10_000m));
        var r2 = Distribute(SeniorSub, s2 with { UnpaidInterest = [0m, 300m] }, Market(20), Coll(910_000m, loss: 20_000m, interest: 0m));
        Assert.Equal(10_000.00m, r2.Loss[SeniorSub.C("B")]);
        Assert.Equal(0m, r2.UnpaidInterest[SeniorSub.C("B")]);
    }

    // ---- Senior Credit Support Depletion Date (item 4) ----

    private static Deal Sequential(string extra = "") => OneGroup(1_000_000m, 6m, """
          - { name: A-1, group: "1", balance: 500000, type: senior, coupon: 6 }
          - { name: A-2, group: "1", balance: 400000, type: senior, coupon: 6 }
          - { name: B, group: "1", balance: 100000, type: subordinate, coupon: 6 }
        """, $$"""
          - pay_interest: { from: "1", classes: [A-1, A-2] }
          - pay_principal: { from: "1", amount: senior_principal, to: { sequential: [A-1, A-2] }{{extra}} }
          - pay_subordinates: { from: "1", classes: [B] }
        """, "shifting_interest: { subordinates: [B] }");

    [Fact]
    public void After_the_depletion_date_senior_principal_is_paid_pro_rata_or_as_the_deal_file_says()
    {
        // B is written off; the 900,000 pool pays 9,000 of scheduled principal, all of it senior (Senior% = 100%).
        var deal = Sequential();
        var state = State(deal, 40, ("B", 0m));
        var r = Distribute(deal, state, Market(40), Coll(900_000m, sched: 9_000m, interest: 4500m));
        Assert.True(r.SeniorCreditSupportDepleted);
        Assert.Equal(5_000.00m, r.Principal[deal.C("A-1")]); // 9,000 × 500/900, not all 9,000 to A-1 in sequence
        Assert.Equal(4_000.00m, r.Principal[deal.C("A-2")]);
        // While B has a balance the step's sequential order holds.
        var before = Distribute(deal, State(deal, 40, ("B", 50_000m), ("A-1", 500_000m), ("A-2", 350_000m)), Market(40),
            Coll(900_000m, sched: 9_000m, interest: 4500m));
        Assert.False(before.SeniorCreditSupportDepleted);
        Assert.Equal(0m, before.Principal[deal.C("A-2")]);
        // The date itself counts: this date's 50,000 loss exhausts B's 50,000, so the seniors are already paid pro rata.
        var onTheDate = Distribute(deal, State(deal, 40, ("B", 50_000m), ("A-1", 500_000m), ("A-2", 350_000m)), Market(40),
            Coll(900_000m, sched: 9_000m, loss: 50_000m, interest: 4500m));
        Assert.True(onTheDate.SeniorCreditSupportDepleted);
        // Senior% = 850/900, so the seniors' share of 9,000 is 8,500: 8,500 × 500/850 and × 350/850.
        Assert.Equal(5_000.00m, onTheDate.Principal[deal.C("A-1")]);
        Assert.Equal(3_500.00m, onTheDate.Principal[deal.C("A-2")]);
        // A deal whose wording keeps an order after depletion says so with after_depletion.
        var own = Sequential(", after_depletion: { sequential: [A-2, A-1] }");
        var r2 = Distribute(own, State(own, 40, ("B", 0m)), Market(40), Coll(900_000m, sched: 9_000m, interest: 4500m));
        Assert.Equal(9_000.00m, r2.Principal[own.C("A-2")]);
        Assert.Equal(0m, r2.Principal[own.C("A-1")]);
    }

    [Fact]
    public void The_accretion_termination_date_is_the_depletion_date_when_that_comes_first()
    {
        var deal = OneGroup(1_000_000m, 6m, """
              - { name: A, group: "1", balance: 600000, type: senior, coupon: 6 }
              - { name: Z, group: "1", balance: 300000, type: [senior, accrual], coupon: 6 }
              - { name: B, group: "1", balance: 100000, type: subordinate, coupon: 6 }
            """, """
              - pay_interest: { from: "1", classes: [A, Z] }
              - accrete: { class: Z, from: "1", to: { sequential: [A, Z] } }
              - pay_principal: { from: "1", amount: senior_principal, to: { sequential: [A, Z] } }
              - pay_subordinates: { from: "1", classes: [B] }
            """, "shifting_interest: { subordinates: [B] }");
        // Before depletion: Z's 1,500 of interest (6% / 12 × 300,000) accretes and pays A as principal.
        var live = Distribute(deal, State(deal, 10), Market(10), Coll(1_000_000m, interest: 5000m));
        Assert.Equal(1_500.00m, live.Accretion[deal.C("Z")]);
        Assert.Equal(0m, live.InterestPaid[deal.C("Z")]);
        Assert.Equal(1_500.00m, live.Principal[deal.C("A")]);
        // B written off: A still has a balance, but the depletion date has come: Z is paid its 1,500 in cash.
        var depleted = Distribute(deal, State(deal, 10, ("B", 0m)), Market(10), Coll(900_000m, interest: 4500m));
        Assert.Equal(0m, depleted.Accretion[deal.C("Z")]);
        Assert.Equal(1_500.00m, depleted.InterestPaid[deal.C("Z")]);
        Assert.Equal(0m, depleted.Principal[deal.C("A")]);
    }

    // ---- The deal-level invariant: no writedown without defaults (item 1) ----

    public static TheoryData<string, string> ExampleRuns()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in new[] { "cwalt-2004-j2/deal.yaml", "cwalt-2004-j4/deal.yaml", "cwalt-2004-12cb/deal.yaml", "cwalt-2004-26t1/deal.yaml",
                                     "cwalt-2007-12t1/deal.yaml", "sample/deal.yaml", "sample/structures.yaml" })
            foreach (var speed in new[] { "0 PPC", "100 PPC", "300 PPC" })
                data.Add(file, speed);
        return data;
    }

    [Theory]
    [MemberData(nameof(ExampleRuns))]
    public void No_class_of_an_example_deal_is_written_down_with_no_defaults(string file, string speed)
    {
        var deal = DealLoader.Load(Path.Combine(SampleDealTests.RepoRoot(), "examples", file));
        var indices = new Dictionary<string, MonthlyVector>(StringComparer.OrdinalIgnoreCase) { ["LIBOR_1MO"] = MonthlyVector.Flat(0.0532) };
        foreach (var (name, level) in deal.Assumptions.Indices) indices[name] = MonthlyVector.Flat((double)level / 100);
        var run = Project(deal, speed, indices: indices);
        for (var c = 0; c < deal.Classes.Count; c++)
            Assert.True(run.TotalLoss(c) < 0.01, $"{file} at {speed}, 0 CDR: {deal.Classes[c].Name} written down by {run.TotalLoss(c):N2}");
        // and every class is retired: principal + accretion = original balance
        var last = run.Periods[^1];
        for (var c = 0; c < deal.Classes.Count; c++)
            if (!deal.Classes[c].IsNotional) Assert.True(Math.Abs(last.EndBalance[c]) < 0.01, $"{deal.Classes[c].Name} ends with {last.EndBalance[c]:N2}");
    }

    [Fact]
    public void The_clean_up_call_date_retires_the_classes_in_order_and_its_loss_falls_on_the_lowest_class_left()
    {
        // J4, 100 PPC, 1 CDR, 20% severity, 12-month lag, to the call: B-4 and B-5 are gone by the call date (period
        // 114), so that date's realised loss (the collateral's, independent of the classes) is B-3's alone, and
        // M, B-1, B-2 and every senior are paid their whole balance. (Pro rata subordinate principal left B-3 too
        // little to take it: M lost 7,386.36, B-1 2,769.89, B-2 1,846.59.)
        var deal = DealLoader.Load(Path.Combine(SampleDealTests.RepoRoot(), "examples", "cwalt-2004-j4", "deal.yaml"));
        var indices = new Dictionary<string, MonthlyVector>(StringComparer.OrdinalIgnoreCase) { ["LIBOR_1MO"] = MonthlyVector.Flat(0.011) };
        var run = Project(deal, "100 PPC", "1 CDR", 0.20, 12, indices, call: true);
        var last = run.Periods[^1];
        Assert.Equal(114, last.Period);
        var dateLoss = last.CollateralLoss.Sum(); // includes the liquidated loans' accrued interest
        Assert.True(dateLoss > 1000, $"the call date has a realised loss ({dateLoss:F2})");
        Assert.Equal(Math.Round(dateLoss, 2), Math.Round(last.Loss[deal.C("B-3")], 2));
        foreach (var name in new[] { "M", "B-1", "B-2", "1-A-4", "2-A-1", "2-A-3" })
        {
            Assert.Equal(0, last.Loss[deal.C(name)], 2);
            Assert.Equal(last.BeginBalance[deal.C(name)], last.Principal[deal.C(name)], 2);
        }
        // explain says which rule set the seniors' amount on that date
        var scenario = new Remic.Collateral.Scenario
        {
            Prepay = Remic.Collateral.Speed.Prepay("100 PPC"), Default = Remic.Collateral.Speed.Default("1 CDR"), Severity = MonthlyVector.Flat(0.20), RecoveryLag = 12, Indices = indices,
        };
        var trace = Remic.Deals.Explain.Explainer.Explain(deal, scenario, 114, exerciseCall: true);
        var senior = trace.Entries.Where(e => e.Kind == Remic.Deals.Explain.TraceKind.SeniorPrincipal).ToList();
        Assert.Equal(2, senior.Count);
        Assert.All(senior, e => Assert.StartsWith("the deal's last distribution", e.Rule));
        Assert.Equal(last.SeniorPrincipal.Sum(), senior.Sum(e => (double)e.Result!.Value), 2);
    }

    [Fact]
    public void The_subordinates_rate_across_groups_is_weighted_by_each_groups_subordinate_amount()
    {
        var deal = DealLoader.LoadText(Header + "\n" + """
            groups:
              - { name: "1", rep_lines: [ { balance: 1000000, gross_rate: 6, remaining_term: 360 } ] }
              - { name: "2", rep_lines: [ { balance: 1000000, gross_rate: 7, remaining_term: 360 } ] }
            classes:
              - { name: 1-A, group: "1", balance: 950000, type: senior, coupon: 6 }
              - { name: 2-A, group: "2", balance: 850000, type: senior, coupon: 7 }
              - { name: B, groups: ["1", "2"], balance: 200000, type: subordinate, coupon: { net_wac: ["1", "2"] } }
            waterfall:
              - pay_interest: { from: "1", classes: [1-A] }
              - pay_interest: { from: "2", classes: [2-A] }
              - pay_subordinates: { from: all, classes: [B] }
            shifting_interest: { subordinates: [B] }
            """, "subs.yaml");
        // Subordinate amounts: group 1 1,000,000 − 950,000 = 50,000 at 6%; group 2 1,000,000 − 850,000 = 150,000 at 7%.
        // Rate = (6% × 50,000 + 7% × 150,000) / 200,000 = 6.75% (by pool balance it would be 6.50%); interest 1,125.00.
        var r = Distribute(deal, DealState<decimal>.AtClosing(deal), Market(1), Coll(1_000_000m, interest: 5000m), Coll(1_000_000m, interest: 5833.33m));
        Assert.Equal(0.0675m, Math.Round(r.Coupon[deal.C("B")], 6));
        Assert.Equal(1_125.00m, r.InterestPaid[deal.C("B")]);
    }
}
