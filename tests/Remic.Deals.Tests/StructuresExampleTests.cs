using Remic.Core;
using Remic.Deals.Loading;

namespace Remic.Deals.Tests;

/// <summary>examples/sample/structures.yaml: PAC + companion, NAS, Z, floater/inverse IO with a corridor, in one run.</summary>
public class StructuresExampleTests
{
    private static readonly Model.Deal Deal = DealLoader.Load(Path.Combine(SampleDealTests.RepoRoot(), "examples", "sample", "structures.yaml"));

    [Theory]
    [InlineData("100 PPC", "0 CDR")]
    [InlineData("200 PPC", "0 CDR")]
    [InlineData("400 PPC", "3 CDR")]
    public void Runs_with_every_check_and_every_structure_active(string prepay, string dflt)
    {
        var libor = new Dictionary<string, MonthlyVector> { ["LIBOR_1MO"] = new([0.0532, 0.055, 0.059, 0.065, 0.08, 0.10]) };
        var run = TestDeals.Project(Deal, prepay, dflt, 0.4, 6, libor);
        int pac = Deal.ClassIndex("A-1"), z = Deal.ClassIndex("A-4"), nas = Deal.ClassIndex("A-3"), fl = Deal.ClassIndex("A-5"), inv = Deal.ClassIndex("A-6");
        Assert.True(run.Periods[0].Accretion[z] > 0);                              // Z accretes from the start
        var others = new[] { "A-1", "A-2", "A-4", "A-5" }.Select(Deal.ClassIndex).ToArray();
        // Locked out for five years while any other senior is outstanding (after them, it is next in line).
        Assert.All(run.Periods.Take(60).Where(p => others.Any(o => p.EndBalance[o] > 0.01)), p => Assert.True(p.Principal[nas] < 1e-6));
        Assert.True(run.Periods.Skip(2).Take(10).All(p => p.CorridorReceived > 0)); // LIBOR above the 5.60% strike
        Assert.Equal(0.06, run.Periods[3].Coupon[fl], 9);                           // 6.50% + 0.40% capped at 6.00%
        Assert.Equal(0, run.Periods[3].Coupon[inv], 9);                             // 5.60% − 6.50% floored at 0
        foreach (var p in run.Periods) Assert.Equal(p.BeginBalance[fl], p.BeginBalance[inv], 6); // notional follows A-5
        if (prepay == "200 PPC")
        {
            var schedule = run.Deal.Classes[pac].Schedule!.Balances!;
            foreach (var p in run.Periods.Where(p => p.EndBalance[Deal.ClassIndex("A-2")] > 1))
                Assert.True(Math.Abs((double)schedule[p.Period - 1] - p.EndBalance[pac]) < 0.01, $"period {p.Period}");
        }
    }
}
