using Remic.Deals.Explain;
using Remic.Deals.Waterfall;

namespace Remic.Reports.Tests;

/// <summary>
/// Issue 16: the explanation of a class on a hand-built deal, asserted as text exactly, and its numbers tied to the
/// distribution's own figures and to the hand derivation written beside each deal (<see cref="ExplainHandBuiltDeals"/>).
/// </summary>
public sealed class ExplainTextTests
{
    [Fact]
    public void Sequential_explanation_of_A_2_is_exact()
    {
        var (_, _, trace) = ExplainHandBuiltDeals.Sequential();
        Assert.Equal(""""
Explain Test Trust: class A-2, distribution 1 (2004-04-25), explain.yaml:12
  interest 4,850.00 of 4,850.00 due; principal 20,000.00
  balance 970,000.00 → 950,000.00; pass-through rate 6.000000%

Available Funds, group 1 (line 7)
    beginning pool balance                                              1,000,000.00
    net interest (collected and advanced, net of fees)                      5,000.00
    scheduled principal                                                    10,000.00
    prepayments in full and curtailments                                   40,000.00
    liquidation proceeds (principal)                                            0.00
    = Available Funds                                                      55,000.00
Interest Distribution Amount, class A-2 (line 12)
    fixed 6%
    Class Certificate Balance                                             970,000.00
    pass-through rate                                                      6.000000%
    day count fraction (30/360)                                         0.0833333333
    current interest                                                        4,850.00
    = Interest Distribution Amount                                          4,850.00
Senior Principal Distribution Amount, group 1 (line 7)
    senior classes' balance                                             1,000,000.00
    non-PO pool balance                                                 1,000,000.00
    Senior Percentage                                                    100.000000%
    original Senior Percentage                                           100.000000%
    Senior Prepayment Percentage                                         100.000000%
    non-PO scheduled principal                                             10,000.00
    non-PO prepayments                                                     40,000.00
    non-PO liquidation proceeds                                                 0.00
    Senior Percentage × scheduled principal                                10,000.00
    Senior Prepayment Percentage × prepayments                             40,000.00
    min(Senior % × liquidated balance, Senior Prepayment % × liquidation proceeds)  0.00
    = Senior Principal Distribution Amount                                 50,000.00
Interest Distribution Amounts (line 14; PSA Section 4.02(a)(i))
    pay_interest from 1: [A-1, A-2]
    A-1 interest still due                                                    150.00
    A-2 interest still due                                                  4,850.00
    Available Funds of group 1                                             55,000.00
    = paid                                                                  5,000.00
    interest to A-1                                                           150.00
    interest to A-2  <<                                                     4,850.00
    Available Funds left, group 1                                          50,000.00
Principal Distribution Amount (non-PO) (line 15; PSA Section 4.02(a)(ii))
    pay_principal from 1: non_po_principal to sequential [A-1, A-2]
    note: sequential pay
    Principal Distribution Amount (non-PO)                                 50,000.00
    A-1 balance                                                            30,000.00
    A-2 balance                                                           970,000.00
    Available Funds of group 1                                             50,000.00
    = paid                                                                 50,000.00
    principal to A-1                                                       30,000.00
    principal to A-2  <<                                                   20,000.00
    Available Funds left, group 1                                               0.00
  sequentially, each part until retired (line 15)
      sequential [A-1, A-2]
      offered                                                              50,000.00
      = paid                                                               50,000.00
    class (line 15)
        A-2
        offered                                                            20,000.00
        A-2 balance                                                       970,000.00
        = paid                                                             20,000.00
"""" + "\n", ExplainText.Render(trace.For("A-2")));
    }

    [Fact]
    public void FailedStepDown_explanation_of_A_is_exact()
    {
        var (_, _, trace) = ExplainHandBuiltDeals.FailedStepDown();
        Assert.Equal(""""
Explain Test Trust: class A, distribution 61 (2009-04-25), explain.yaml:11
  interest 4,500.00 of 4,500.00 due; principal 59,000.00
  balance 900,000.00 → 841,000.00; pass-through rate 6.000000%

Available Funds, group 1 (line 7)
    beginning pool balance                                              1,000,000.00
    net interest (collected and advanced, net of fees)                      5,000.00
    scheduled principal                                                    10,000.00
    prepayments in full and curtailments                                   50,000.00
    liquidation proceeds (principal)                                            0.00
    = Available Funds                                                      65,000.00
Interest Distribution Amount, class A (line 11)
    fixed 6%
    Class Certificate Balance                                             900,000.00
    pass-through rate                                                      6.000000%
    day count fraction (30/360)                                         0.0833333333
    current interest                                                        4,500.00
    = Interest Distribution Amount                                          4,500.00
Senior Step Down Conditions (line 15; PSA Senior Prepayment Percentage)
    failed: no decrease (the share in effect on the prior date stays)
    year of the deal                                                               6
    subordinate classes' balance                                          100,000.00
    60+ day delinquencies incl. foreclosure, REO, bankruptcy (six-month average)  60,000.00
    delinquency limit (50% of the subordinate balance)                     50,000.00
    cumulative realized losses                                                  0.00
    loss limit (30% of the original subordinate balance)                   30,000.00
    step-down tests passed                                                        no
    scheduled share for the year                                          70.000000%
    share in effect on the prior date                                    100.000000%
    = share of the Subordinate Percentage kept by the seniors            100.000000%
Senior Principal Distribution Amount, group 1 (line 15; PSA Senior Prepayment Percentage)
    senior classes' balance                                               900,000.00
    non-PO pool balance                                                 1,000,000.00
    Senior Percentage                                                     90.000000%
    original Senior Percentage                                            90.000000%
    Senior Prepayment Percentage                                         100.000000%
    non-PO scheduled principal                                             10,000.00
    non-PO prepayments                                                     50,000.00
    non-PO liquidation proceeds                                                 0.00
    Senior Percentage × scheduled principal                                 9,000.00
    Senior Prepayment Percentage × prepayments                             50,000.00
    min(Senior % × liquidated balance, Senior Prepayment % × liquidation proceeds)  0.00
    = Senior Principal Distribution Amount                                 59,000.00
Interest Distribution Amounts (line 18)
    pay_interest from 1: [A]
    A interest still due                                                    4,500.00
    Available Funds of group 1                                             65,000.00
    = paid                                                                  4,500.00
    interest to A  <<                                                       4,500.00
    Available Funds left, group 1                                          60,500.00
Senior Principal Distribution Amount (line 19)
    pay_principal from 1: senior_principal to A
    Senior Principal Distribution Amount                                   59,000.00
    A balance                                                             900,000.00
    Available Funds of group 1                                             60,500.00
    = paid                                                                 59,000.00
    principal to A  <<                                                     59,000.00
    Available Funds left, group 1                                           1,500.00
  class (line 19)
      A
      offered                                                              59,000.00
      A balance                                                           900,000.00
      = paid                                                               59,000.00
"""" + "\n", ExplainText.Render(trace.For("A")));
    }

    [Fact]
    public void PoX_explanation_of_PO_is_exact()
    {
        var (_, _, trace) = ExplainHandBuiltDeals.PoX();
        Assert.Equal(""""
Explain Test Trust: class PO, distribution 1 (2004-04-25), explain.yaml:16
  interest 0.00 of 0.00 due; principal 300.00
  balance 10,000.00 → 9,700.00; pass-through rate 0.000000%

Available Funds, group 1 (line 7)
    beginning pool balance                                              1,000,000.00
    net interest (collected and advanced, net of fees)                      5,287.50
    scheduled principal                                                    10,000.00
    prepayments in full and curtailments                                   20,000.00
    liquidation proceeds (principal)                                            0.00
    of which Class PO portion of principal                                    300.00
    = Available Funds                                                      35,287.50
PO Formula Principal Amount, group 1 (line 16)
    the PO percentage ((strip − net rate) / strip) of each discount loan's principal
    Class PO portion of scheduled principal                                   100.00
    Class PO portion of prepayments                                           200.00
    Class PO portion of liquidation proceeds                                    0.00
    = PO Formula Principal Amount                                             300.00
PO Principal Distribution Amount to Class PO (line 19)
    pay_po: group 1 to PO
    PO Formula Principal Amount, group 1                                      300.00
    PO balance                                                             10,000.00
    Available Funds of group 1                                             35,287.50
    = paid                                                                    300.00
    principal to PO  <<                                                       300.00
    Available Funds left, group 1                                          34,987.50
"""" + "\n", ExplainText.Render(trace.For("PO")));
    }

    [Fact]
    public void ZAccreting_explanation_of_Z_is_exact()
    {
        var (_, _, trace) = ExplainHandBuiltDeals.ZAccreting();
        Assert.Equal(""""
Explain Test Trust: class Z, distribution 1 (2004-04-25), explain.yaml:12
  interest 0.00 of 500.00 due; principal 0.00; accretion 500.00
  balance 100,000.00 → 100,500.00; pass-through rate 6.000000%

Available Funds, group 1 (line 7)
    beginning pool balance                                                600,000.00
    net interest (collected and advanced, net of fees)                      3,000.00
    scheduled principal                                                     5,000.00
    prepayments in full and curtailments                                        0.00
    liquidation proceeds (principal)                                            0.00
    = Available Funds                                                       8,000.00
Interest Distribution Amount, class Z (line 12)
    fixed 6%
    Class Certificate Balance                                             100,000.00
    pass-through rate                                                      6.000000%
    day count fraction (30/360)                                         0.0833333333
    current interest                                                          500.00
    = Interest Distribution Amount                                            500.00
Senior Principal Distribution Amount, group 1 (line 7)
    senior classes' balance                                               600,000.00
    non-PO pool balance                                                   600,000.00
    Senior Percentage                                                    100.000000%
    original Senior Percentage                                           100.000000%
    Senior Prepayment Percentage                                         100.000000%
    non-PO scheduled principal                                              5,000.00
    non-PO prepayments                                                          0.00
    non-PO liquidation proceeds                                                 0.00
    Senior Percentage × scheduled principal                                 5,000.00
    Senior Prepayment Percentage × prepayments                                  0.00
    min(Senior % × liquidated balance, Senior Prepayment % × liquidation proceeds)  0.00
    = Senior Principal Distribution Amount                                  5,000.00
Interest Distribution Amounts (line 14)
    pay_interest from 1: [A, Z]
    A interest still due                                                    2,500.00
    Z interest still due                                                      500.00
    Available Funds of group 1                                              8,000.00
    = paid                                                                  2,500.00
    interest to A                                                           2,500.00
    accretion added to Z  <<                                                  500.00
    Available Funds left, group 1                                           5,500.00
Accrual Distribution Amount (line 15; PSA Accrual Distribution Amount)
    accrete Z from 1 to sequential [A, Z]
    Accrual Distribution Amount (Z's accretion)                               500.00
    Available Funds of group 1                                              5,500.00
    = paid                                                                    500.00
    principal to A                                                            500.00
    Available Funds left, group 1                                           5,000.00
  sequentially, each part until retired (line 15)
      sequential [A, Z]
      offered                                                                 500.00
      = paid                                                                  500.00
Principal Distribution Amount (non-PO) (line 16)
    pay_principal from 1: non_po_principal to sequential [A, Z]
    Principal Distribution Amount (non-PO)                                  5,000.00
    A balance                                                             499,500.00
    Z balance                                                             100,500.00
    Available Funds of group 1                                              5,000.00
    = paid                                                                  5,000.00
    principal to A                                                          5,000.00
    Available Funds left, group 1                                               0.00
  sequentially, each part until retired (line 16)
      sequential [A, Z]
      offered                                                               5,000.00
      = paid                                                                5,000.00
"""" + "\n", ExplainText.Render(trace.For("Z")));
    }

    [Fact]
    public void CorridorBinding_explanation_of_A_1_is_exact()
    {
        var (_, _, trace) = ExplainHandBuiltDeals.CorridorBinding();
        Assert.Equal(""""
Explain Test Trust: class A-1, distribution 1 (2004-04-25), explain.yaml:11
  interest 5,833.33 of 5,833.33 due; principal 10,000.00; corridor 1,000.00
  balance 1,000,000.00 → 990,000.00; pass-through rate 7.000000%

Available Funds, group 1 (line 7)
    beginning pool balance                                              1,000,000.00
    net interest (collected and advanced, net of fees)                      5,833.33
    scheduled principal                                                    10,000.00
    prepayments in full and curtailments                                        0.00
    liquidation proceeds (principal)                                            0.00
    = Available Funds                                                      15,833.33
Interest Distribution Amount, class A-1 (line 11)
    LIBOR_1MO + 0.5%, cap 7%
    Class Certificate Balance                                           1,000,000.00
    index LIBOR_1MO                                                        8.000000%
    margin                                                                 0.500000%
    rate before the cap                                                    8.500000%
    cap                                                                    7.000000%
    pass-through rate                                                      7.000000%
    day count fraction (ACT/360, 30 days)                               0.0833333333
    current interest                                                        5,833.33
    interest at the rate before the cap                                     7,083.33
    net rate cap shortfall (for the corridor)                               1,250.00
    = Interest Distribution Amount                                          5,833.33
Senior Principal Distribution Amount, group 1 (line 7)
    senior classes' balance                                             1,000,000.00
    non-PO pool balance                                                 1,000,000.00
    Senior Percentage                                                    100.000000%
    original Senior Percentage                                           100.000000%
    Senior Prepayment Percentage                                         100.000000%
    non-PO scheduled principal                                             10,000.00
    non-PO prepayments                                                          0.00
    non-PO liquidation proceeds                                                 0.00
    Senior Percentage × scheduled principal                                10,000.00
    Senior Prepayment Percentage × prepayments                                  0.00
    min(Senior % × liquidated balance, Senior Prepayment % × liquidation proceeds)  0.00
    = Senior Principal Distribution Amount                                 10,000.00
Interest Distribution Amounts (line 13)
    pay_interest from 1: [A-1]
    A-1 interest still due                                                  5,833.33
    Available Funds of group 1                                             15,833.33
    = paid                                                                  5,833.33
    interest to A-1  <<                                                     5,833.33
    Available Funds left, group 1                                          10,000.00
Principal Distribution Amount (non-PO) (line 14)
    pay_principal from 1: non_po_principal to A-1
    Principal Distribution Amount (non-PO)                                 10,000.00
    A-1 balance                                                         1,000,000.00
    Available Funds of group 1                                             10,000.00
    = paid                                                                 10,000.00
    principal to A-1  <<                                                   10,000.00
    Available Funds left, group 1                                               0.00
  class (line 14)
      A-1
      offered                                                              10,000.00
      A-1 balance                                                       1,000,000.00
      = paid                                                               10,000.00
Corridor contract Test corridor (line 16; PSA Corridor Contract)
    notional × max(0, min(index, ceiling) − strike) × day count fraction
    notional amount                                                       800,000.00
    index LIBOR_1MO                                                        8.000000%
    strike                                                                 6.500000%
    ceiling                                                                9.000000%
    rate paid                                                              1.500000%
    day count fraction (ACT/360)                                        0.0833333333
    A-1 net rate cap shortfall (this date and carried)                      1,250.00
    = corridor payment                                                      1,000.00
    corridor payment to A-1  <<                                             1,000.00
    A-1 cap shortfall carried forward                                         250.00
"""" + "\n", ExplainText.Render(trace.For("A-1")));
    }

    private static void Ties(PeriodResult<decimal> r, PeriodTrace t, Remic.Deals.Model.Deal deal)
    {
        for (var c = 0; c < deal.Classes.Count; c++)
        {
            var n = deal.Classes[c].Name;
            Assert.Equal(r.InterestPaid[c], t.Received(n, TraceFlow.Interest));
            Assert.Equal(r.Principal[c], t.Received(n, TraceFlow.Principal));
            Assert.Equal(r.Accretion[c], t.Received(n, TraceFlow.Accretion));
            Assert.Equal(r.Loss[c], t.Received(n, TraceFlow.Loss));
            Assert.Equal(r.CorridorPaid[c], t.Received(n, TraceFlow.Corridor));
            var o = t.Class(n);
            Assert.Equal((r.BeginBalance[c], r.EndBalance[c], r.InterestDue[c]), (o.BeginBalance, o.EndBalance, o.InterestDue));
        }
    }

    [Fact]
    public void The_numbers_tie_to_the_distribution_and_to_the_hand_derivation()
    {
        var (d1, r1, t1) = ExplainHandBuiltDeals.Sequential();
        Ties(r1, t1, d1);
        Assert.Equal(30_000m, t1.Received("A-1", TraceFlow.Principal));                 // A-1 retired first
        Assert.Equal(50_000m - 30_000m, t1.Received("A-2", TraceFlow.Principal));       // the rest of 10,000 + 40,000
        Assert.Equal(970_000m * 0.06m / 12, t1.Received("A-2", TraceFlow.Interest));

        var (d2, r2, t2) = ExplainHandBuiltDeals.FailedStepDown();
        Ties(r2, t2, d2);
        Assert.Equal(0.9m * 10_000m + 1.0m * 50_000m, t2.Received("A", TraceFlow.Principal)); // Senior % 90%, Senior Prepayment % stays 100%
        Assert.Equal(600m, t2.Received("M", TraceFlow.Principal));                          // 1,000 of scheduled principal by balance 60:40
        Assert.False(r2.StepDownPassed[0]);
        var stepDown = t2.Entries.Single(e => e.Kind == TraceKind.StepDown);
        Assert.Equal(100m, stepDown.Result!.Value);

        var (d3, r3, t3) = ExplainHandBuiltDeals.PoX();
        Ties(r3, t3, d3);
        Assert.Equal(100m + 200m, t3.Received("PO", TraceFlow.Principal));
        Assert.Equal(900_000m * 0.01m / 12, t3.Received("X", TraceFlow.Interest));
        Assert.Equal(30_000m - 300m, t3.Received("A", TraceFlow.Principal));

        var (d4, r4, t4) = ExplainHandBuiltDeals.ZAccreting();
        Ties(r4, t4, d4);
        Assert.Equal(100_000m * 0.06m / 12, t4.Received("Z", TraceFlow.Accretion));
        Assert.Equal(500m + 5_000m, t4.Received("A", TraceFlow.Principal));
        Assert.Equal(100_500m, t4.Class("Z").EndBalance);

        var (d5, r5, t5) = ExplainHandBuiltDeals.CorridorBinding();
        Ties(r5, t5, d5);
        Assert.Equal(1_000.00m, t5.Received("A-1", TraceFlow.Corridor));               // 800,000 × 1.5% × 30/360
        Assert.Equal(1_250.00m - 1_000.00m, r5.Next.CapShortfall[0]);
    }

    [Fact]
    public void The_trace_survives_its_json_exactly()
    {
        var (_, _, t) = ExplainHandBuiltDeals.CorridorBinding();
        var back = TraceJson.Deserialize(TraceJson.Serialize(t));
        Assert.Equal(ExplainText.Render(t), ExplainText.Render(back));
        Assert.Equal(ExplainText.Render(t.For("A-1")), ExplainText.Render(back.For("A-1")));
        Assert.Contains("\"kind\": \"corridor\"", TraceJson.Serialize(t));
    }

    [Fact]
    public void An_unknown_class_is_an_input_error_naming_the_closest()
    {
        var (_, _, t) = ExplainHandBuiltDeals.Sequential();
        var e = Assert.Throws<Remic.Core.RemicInputException>(() => t.For("a2"));
        Assert.Equal("--class: got 'a2'; a class of the deal; did you mean A-2? (one of A-1, A-2)", e.Message);
    }
}
