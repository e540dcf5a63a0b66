using Remic.Deals.Model;
using static Remic.Deals.Tests.TestDeals;

namespace Remic.Deals.Tests;

/// <summary>PAC against its schedule and a Z class accreting then paying, distributed in exact decimal.</summary>
public class PacAndAccrualTests
{
    private static readonly Deal Pac = OneGroup(1_000_000m, 6m, """
          - { name: P, group: "1", balance: 500000, type: [senior, pac], coupon: 6, schedule: { balances: [498000, 496000, 494000, 492000, 490000] } }
          - { name: C, group: "1", balance: 500000, type: [senior, support], coupon: 6 }
        """, """
          - pay_interest: { from: "1", classes: [P, C] }
          - pay_principal: { from: "1", amount: senior_principal, to: { sequential: [ { to_schedule: P }, C, P ] } }
        """);

    [Fact]
    public void Inside_the_band_the_PAC_gets_exactly_its_schedule_and_the_companion_the_rest()
    {
        var r = Distribute(Pac, State(Pac, 1), Market(1), Coll(1_000_000m, sched: 1000m, prepay: 4000m, interest: 5000m));
        Assert.Equal(2000.00m, r.Principal[Pac.C("P")]);
        Assert.Equal(3000.00m, r.Principal[Pac.C("C")]);
        Assert.Equal(498_000.00m, r.EndBalance[Pac.C("P")]);
        Assert.Equal(2500.00m, r.InterestPaid[Pac.C("P")]);
    }

    [Fact]
    public void Too_slow_the_PAC_falls_behind_its_schedule_then_catches_up()
    {
        var r1 = Distribute(Pac, State(Pac, 1), Market(1), Coll(1_000_000m, sched: 1000m, prepay: 500m, interest: 5000m));
        Assert.Equal(1500.00m, r1.Principal[Pac.C("P")]);
        Assert.Equal(0m, r1.Principal[Pac.C("C")]);
        var r2 = Distribute(Pac, r1.Next, Market(2), Coll(998_500m, sched: 1000m, prepay: 2000m, interest: 4992.50m));
        Assert.Equal(2500.00m, r2.Principal[Pac.C("P")]); // back to the 496,000 scheduled balance
        Assert.Equal(500.00m, r2.Principal[Pac.C("C")]);
        Assert.Equal(496_000.00m, r2.EndBalance[Pac.C("P")]);
    }

    [Fact]
    public void Too_fast_once_the_companion_is_retired_the_PAC_takes_everything()
    {
        var state = State(Pac, 3, ("P", 494_000m), ("C", 1_000m));
        var r = Distribute(Pac, state, Market(3), Coll(495_000m, sched: 1000m, prepay: 9000m, interest: 2475m));
        Assert.Equal(1000.00m, r.Principal[Pac.C("C")]);
        Assert.Equal(9000.00m, r.Principal[Pac.C("P")]); // 2,000 to schedule + 7,000 beyond it
        Assert.Equal(485_000.00m, r.EndBalance[Pac.C("P")]);
    }

    private static readonly Deal Z = OneGroup(1_000_000m, 6m, """
          - { name: A, group: "1", balance: 500000, type: senior, coupon: 6 }
          - { name: Z, group: "1", balance: 500000, type: [senior, accrual], coupon: 6 }
        """, """
          - pay_interest: { from: "1", classes: [A, Z] }
          - accrete: { class: Z, from: "1", to: { sequential: [A, Z] } }
          - pay_principal: { from: "1", amount: senior_principal, to: { sequential: [A, Z] } }
        """);

    [Fact]
    public void Z_accretes_and_its_accrual_pays_down_A()
    {
        var r = Distribute(Z, State(Z, 1), Market(1), Coll(1_000_000m, sched: 1000m, interest: 5000m));
        Assert.Equal(2500.00m, r.InterestPaid[Z.C("A")]);
        Assert.Equal(0m, r.InterestPaid[Z.C("Z")]);
        Assert.Equal(2500.00m, r.Accretion[Z.C("Z")]);
        Assert.Equal(3500.00m, r.Principal[Z.C("A")]); // 2,500 accrual + 1,000 scheduled
        Assert.Equal(496_500.00m, r.EndBalance[Z.C("A")]);
        Assert.Equal(502_500.00m, r.EndBalance[Z.C("Z")]);
    }

    [Fact]
    public void Z_accrual_beyond_the_last_of_A_pays_Z_then_Z_pays_cash_interest()
    {
        var state = State(Z, 40, ("A", 2_000m), ("Z", 600_000m));
        var r = Distribute(Z, state, Market(40), Coll(602_000m, sched: 1000m, interest: 3010m));
        Assert.Equal(10.00m, r.InterestPaid[Z.C("A")]);
        Assert.Equal(3000.00m, r.Accretion[Z.C("Z")]);
        Assert.Equal(2000.00m, r.Principal[Z.C("A")]);
        Assert.Equal(2000.00m, r.Principal[Z.C("Z")]); // 1,000 of accrual left over + 1,000 scheduled
        Assert.Equal(601_000.00m, r.EndBalance[Z.C("Z")]);

        var r2 = Distribute(Z, r.Next, Market(41), Coll(601_000m, sched: 1000m, interest: 3005m));
        Assert.Equal(0m, r2.Accretion[Z.C("Z")]);
        Assert.Equal(3005.00m, r2.InterestPaid[Z.C("Z")]);
        Assert.Equal(1000.00m, r2.Principal[Z.C("Z")]);
    }
}
