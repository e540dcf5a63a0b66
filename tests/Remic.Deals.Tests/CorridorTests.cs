using Remic.Collateral;
using Remic.Core;
using Remic.Deals.Model;
using static Remic.Deals.Tests.TestDeals;

namespace Remic.Deals.Tests;

/// <summary>
/// A LIBOR floater (LIBOR + 0.50%, cap 6.00%) with an inverse IO on its balance (5.50% − LIBOR, floor 0),
/// and a corridor (strike 5.50%, ceiling 9.00%) covering the floater's cap shortfall; excess to A-R.
/// </summary>
public class CorridorTests
{
    private static Deal Build(decimal corridorNotional) => OneGroup(1_000_000m, 6m, """
          - { name: F, group: "1", balance: 1000000, type: [senior, floater], coupon: { index: LIBOR_1MO, margin: 0.5, cap: 6.0, floor: 0.5 } }
          - { name: IF, group: "1", type: [notional_io, inverse_floater], notional: { classes: [F] }, coupon: { index: LIBOR_1MO, multiplier: -1, margin: 5.5, floor: 0, cap: 5.5 } }
          - { name: A-R, group: "1", balance: 0, type: residual, coupon: none }
        """, """
          - pay_interest: { from: "1", classes: [F, IF] }
          - pay_principal: { from: "1", amount: senior_principal, to: F }
          - pay_residual: { from: "1", class: A-R }
        """, $"""
        corridors:
          - name: BofA corridor
            beneficiary: F
            index: LIBOR_1MO
            strike: 5.5
            ceiling: 9.0
            day_count: ACT/360
            notional: [{corridorNotional}, {corridorNotional}, {corridorNotional}]
            excess_to: A-R
        """);

    private static readonly Deal Deal = Build(1_000_000m);

    private static Waterfall.PeriodResult<decimal> At(Deal deal, double libor, int period = 1, Waterfall.DealState<decimal>? state = null) =>
        Distribute(deal, state ?? State(deal, period), Market(period, 30, ("LIBOR_1MO", libor)), Coll(1_000_000m, interest: 5000m));

    [Fact]
    public void Below_the_strike_the_floater_and_inverse_share_the_collateral_interest_and_the_corridor_pays_nothing()
    {
        var r = At(Deal, 0.05);
        Assert.Equal(4_583.33m, r.InterestPaid[Deal.C("F")]);  // 5.50% × 30/360
        Assert.Equal(416.67m, r.InterestPaid[Deal.C("IF")]);   // 0.50%
        Assert.Equal(0m, r.CorridorReceived);
    }

    [Fact]
    public void Cap_binding_inside_the_corridor_is_covered_exactly()
    {
        var r = At(Deal, 0.06);
        Assert.Equal(0.06m, r.Coupon[Deal.C("F")]);
        Assert.Equal(416.67m, r.CapShortfall[Deal.C("F")]);     // 6.50% uncapped − 6.00% paid
        Assert.Equal(416.67m, r.CorridorReceived);               // 1,000,000 × 0.50% × 30/360
        Assert.Equal(416.67m, r.CorridorPaid[Deal.C("F")]);
        Assert.Equal(0m, r.Next.CapShortfall[Deal.C("F")]);
        Assert.Equal(0m, r.InterestPaid[Deal.C("IF")]);
    }

    [Fact]
    public void Above_the_ceiling_the_uncovered_shortfall_is_carried()
    {
        var r = At(Deal, 0.10);
        Assert.Equal(3_750.00m, r.CapShortfall[Deal.C("F")]);   // 10.50% − 6.00%
        Assert.Equal(2_916.67m, r.CorridorReceived);             // (9.00% − 5.50%) × 30/360
        Assert.Equal(833.33m, r.Next.CapShortfall[Deal.C("F")]);
        // Next period at 6% LIBOR: the corridor's 416.67 covers the new 416.67 first... all of it goes to F.
        var r2 = At(Deal, 0.06, 2, r.Next);
        Assert.Equal(416.67m, r2.CorridorPaid[Deal.C("F")]);
        Assert.Equal(833.33m, r2.Next.CapShortfall[Deal.C("F")]);
    }

    [Fact]
    public void Excess_corridor_payments_go_where_the_deal_says()
    {
        var deal = Build(2_000_000m);
        var r = At(deal, 0.058);
        Assert.Equal(250.00m, r.CapShortfall[deal.C("F")]);   // 6.30% − 6.00%
        Assert.Equal(500.00m, r.CorridorReceived);             // 2,000,000 × 0.30% × 30/360
        Assert.Equal(250.00m, r.CorridorPaid[deal.C("F")]);
        Assert.Equal(250.00m, r.CorridorPaid[deal.C("A-R")]);
    }

    [Fact]
    public void Projected_against_a_LIBOR_vector_the_cap_binds_from_the_second_month()
    {
        var indices = new Dictionary<string, MonthlyVector> { ["LIBOR_1MO"] = new([0.05, 0.06, 0.10, 0.10]) };
        var run = Project(Deal, indices: indices);
        int f = Deal.C("F");
        var p = run.Periods;
        Assert.Equal(0, p[0].CorridorReceived);
        // Period 2: 2004-04-25 → 2004-05-25, 30 days; period 3: → 2004-06-25, 31 days.
        Assert.Equal(0.005 * 30 / 360 * p[1].BeginBalance[f], p[1].CapShortfall[f], 6);
        Assert.Equal(1e6 * 0.005 * 30 / 360, p[1].CorridorReceived, 6);
        Assert.Equal(1e6 * 0.035 * 31 / 360, p[2].CorridorReceived, 6);
        Assert.Equal(0.045 * 31 / 360 * p[2].BeginBalance[f] - 1e6 * 0.035 * 31 / 360, p[2].Next.CapShortfall[f], 6);
        Assert.Equal(0, p[3].CorridorReceived); // LIBOR still 10%, but the notional schedule has ended
    }
}
