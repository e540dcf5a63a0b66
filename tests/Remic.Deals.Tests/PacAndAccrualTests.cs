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

/// <summary>
/// PAC schedules derived from a 100-300 PPC band on one 10,000,000 loan at 6% (no fees). All principal reaches the
/// structure (P and C), which receives at least 5,435,712.73 at both speeds: a 5,000,000 PAC is supported.
/// </summary>
public class PacBandTests
{
    private static readonly Deal Deal = OneGroup(10_000_000m, 6m, """
          - { name: P, group: "1", balance: 5000000, type: [senior, pac], coupon: 6, schedule: { band: ["100 PPC", "300 PPC"] } }
          - { name: C, group: "1", balance: 5000000, type: [senior, support], coupon: 6 }
        """, """
          - pay_interest: { from: "1", classes: [P, C] }
          - pay_principal: { from: "1", amount: senior_principal, to: { sequential: [ { to_schedule: P }, C, P ] } }
        """);

    private static double[] PrincipalBy(string speed)
    {
        var p = Remic.Collateral.Projector.Project(new Remic.Collateral.LoanPool(Deal.Groups[0].Loans),
            new Remic.Collateral.Scenario { Prepay = Remic.Collateral.Speed.Prepay(speed) });
        var g = p.Groups[0];
        var principal = new double[g.Months + 1];
        for (var m = 1; m <= g.Months; m++) principal[m] = g.Principal(m);
        return principal;
    }

    [Fact]
    public void The_schedule_is_what_both_band_speeds_can_pay()
    {
        var resolved = Remic.Deals.Projection.PacSchedules.Resolve(Deal).Classes[0].Schedule!.Balances!;
        var low = PrincipalBy("100 PPC");
        var high = PrincipalBy("300 PPC");
        double scheduled = 0;
        for (var t = 1; t <= 200; t++)
        {
            scheduled += Math.Min(low[t], high[t]); // each period: what both band speeds pay
            Assert.Equal(Math.Round(Math.Max(0, 5_000_000 - scheduled), 2), (double)resolved[t - 1], 2);
        }
    }

    [Theory]
    [InlineData("100 PPC")]
    [InlineData("200 PPC")]
    [InlineData("300 PPC")]
    public void Inside_the_band_the_PAC_follows_its_schedule_to_the_cent(string speed)
    {
        var run = TestDeals.Project(Deal, speed);
        var schedule = run.Deal.Classes[0].Schedule!.Balances!;
        foreach (var p in run.Periods.Where(p => p.BeginBalance[1] > 1 && p.EndBalance[1] > 1))
            Assert.True(Math.Abs((double)schedule[p.Period - 1] - p.EndBalance[0]) < 0.01, $"period {p.Period}: PAC {p.EndBalance[0]:F2} vs schedule {schedule[p.Period - 1]}");
    }

    [Fact]
    public void Outside_the_band_the_PAC_breaks_its_schedule()
    {
        var slow = TestDeals.Project(Deal, "50 PPC");
        var fast = TestDeals.Project(Deal, "600 PPC");
        var schedule = slow.Deal.Classes[0].Schedule!.Balances!;
        Assert.Contains(slow.Periods, p => p.EndBalance[0] > (double)schedule[p.Period - 1] + 1);  // behind schedule
        Assert.Contains(fast.Periods, p => p.EndBalance[0] < (double)schedule[p.Period - 1] - 1);  // companion gone, paid ahead
    }
}
