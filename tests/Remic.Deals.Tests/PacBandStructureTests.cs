using Remic.Collateral;
using Remic.Core;
using Remic.Deals.Loading;
using Remic.Deals.Model;
using Remic.Deals.Projection;

namespace Remic.Deals.Tests;

/// <summary>
/// A PAC band's schedule comes from the deal's own allocation run at both band speeds: each period the smaller of the
/// two amounts of principal the PAC's structure (the PAC and its companions) receives. Inside the band the PAC then
/// follows its schedule and its average life does not move.
/// </summary>
public class PacBandStructureTests
{
    // 10,000,000 at 6%, no fees, no subordinates: half of all principal goes to the PAC structure (P 2,500,000 + C
    // 2,500,000), half to F (P is what the structure supports across the band: at most 2,717,856.37). The structure therefore receives exactly 50% of the pool's principal at any speed.
    private static readonly Deal Half = TestDeals.OneGroup(10_000_000m, 6m, """
          - { name: P, group: "1", balance: 2500000, type: [senior, pac], coupon: 6, schedule: { band: ["100 PPC", "300 PPC"] } }
          - { name: C, group: "1", balance: 2500000, type: [senior, support], coupon: 6 }
          - { name: F, group: "1", balance: 5000000, type: senior, coupon: 6 }
        """, """
          - pay_interest: { from: "1", classes: [P, C, F] }
          - pay_principal:
              from: "1"
              amount: senior_principal
              to: { split: [ { percent: 50, to: { sequential: [ { to_schedule: P }, C, P ] } }, { percent: 50, to: F } ] }
        """);

    private static double[] PoolPrincipal(string speed)
    {
        var g = Projector.Project(new LoanPool(Half.Groups[0].Loans), new Scenario { Prepay = Speed.Prepay(speed) }).Groups[0];
        return Enumerable.Range(0, g.Months + 1).Select(m => m == 0 ? 0 : g.Principal(m)).ToArray();
    }

    [Fact]
    public void Schedule_is_the_smaller_principal_the_structure_receives_at_the_two_band_speeds()
    {
        Assert.Equal(["P", "C"], PacSchedules.Structure(Half, "P"));
        var schedule = PacSchedules.Resolve(Half).Classes[0].Schedule!.Balances!;
        var low = PoolPrincipal("100 PPC");
        var high = PoolPrincipal("300 PPC");
        double scheduled = 0;
        for (var t = 1; t <= 120; t++)
        {
            scheduled += 0.5 * Math.Min(low[t], high[t]);   // the split's 50%, the smaller of the two speeds
            Assert.Equal(Math.Round(Math.Max(0, 2_500_000 - scheduled), 2), (double)schedule[t - 1], 2);
        }
        Assert.Equal(0m, schedule[^1]);
    }

    private static readonly Deal Structures = DealLoader.Load(Path.Combine(SampleDealTests.RepoRoot(), "examples", "sample", "structures.yaml"));

    private static double Wal(DealProjection run, int c)
    {
        double num = 0, den = 0;
        foreach (var p in run.Periods) { num += p.Period * p.Principal[c]; den += p.Principal[c]; }
        return num / den / 12;
    }

    [Fact]
    public void Sample_pac_A1_has_one_average_life_inside_its_100_300_PPC_band()
    {
        var libor = new Dictionary<string, MonthlyVector> { ["LIBOR_1MO"] = MonthlyVector.Flat(0.0532) };
        var a1 = Structures.ClassIndex("A-1");
        var wal = new[] { "100 PPC", "150 PPC", "200 PPC", "250 PPC", "300 PPC" }
            .Select(s => Wal(TestDeals.Project(Structures, s, indices: libor), a1)).ToArray();
        // The WAL was 1.59 at 100 PPC and 1.15 at 300 PPC when the schedule was 60% of the group's principal (and A-1 30M,
        // more than its structure supports across the band: 21.1M). Now one
        // schedule every speed in the band can pay: the same principal each period, so the same WAL to the cent.
        Assert.All(wal, w => Assert.Equal(wal[0], w, 1e-6));
        foreach (var speed in new[] { "100 PPC", "300 PPC" })
        {
            var run = TestDeals.Project(Structures, speed, indices: libor);
            var schedule = run.Deal.Classes[a1].Schedule!.Balances!;
            foreach (var p in run.Periods)
                Assert.True(Math.Abs((double)schedule[p.Period - 1] - p.EndBalance[a1]) < 0.01, $"{speed} period {p.Period}: {p.EndBalance[a1]:F2} vs {schedule[p.Period - 1]}");
        }
        // Outside the band it breaks: slower (50 PPC) it is paid later, faster (500 PPC) earlier.
        Assert.True(Wal(TestDeals.Project(Structures, "50 PPC", indices: libor), a1) > wal[0] + 0.01);
        Assert.True(Wal(TestDeals.Project(Structures, "500 PPC", indices: libor), a1) < wal[0] - 0.01);
    }

    [Fact]
    public void A_band_the_structure_cannot_support_is_refused_at_load()
    {
        var yaml = $"""
            {TestDeals.Header}
            groups:
              - name: "1"
                rep_lines:
                  - {"{"} balance: 10000000, gross_rate: 6, remaining_term: 360 {"}"}
            classes:
              - {"{"} name: P, group: "1", balance: 9900000, type: [senior, pac], coupon: 6, schedule: {"{"} band: ["50 PPC", "500 PPC"] {"}"} {"}"}
              - {"{"} name: C, group: "1", balance: 100000, type: [senior, support], coupon: 6 {"}"}
            waterfall:
              - pay_interest: {"{"} from: "1", classes: [P, C] {"}"}
              - pay_principal: {"{"} from: "1", amount: senior_principal, to: {"{"} sequential: [ {"{"} to_schedule: P {"}"}, C, P ] {"}"} {"}"}
            """;
        var e = Assert.Throws<RemicInputException>(() => DealLoader.LoadText(yaml, "pac.yaml"));
        var error = Assert.Single(e.Errors);
        Assert.Equal(("pac.yaml", "classes[0].schedule.band"), (error.Source, error.Field));
        Assert.Equal(11, error.Line);
        Assert.Contains("the structure (P, C) receives at most", error.Expected);
        Assert.Contains("less than P's balance 9,900,000.00: the deal cannot support this PAC band", error.Expected);
    }
}
