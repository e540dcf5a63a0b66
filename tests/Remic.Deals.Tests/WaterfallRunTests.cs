using Remic.Collateral;
using Remic.Core;
using Remic.Deals.Loading;
using Remic.Deals.Model;
using Remic.Deals.Projection;

namespace Remic.Deals.Tests;

/// <summary>
/// <see cref="WaterfallRun"/> reuses one store of results, states and working cash from one scenario to the next. Each
/// run must give the bits of a fresh <see cref="DealRunner.Run(Deal, Scenario, bool)"/> whatever ran before it (longer,
/// shorter, called, with losses), and a warm run must allocate nothing.
/// </summary>
public class WaterfallRunTests
{
    private static readonly Dictionary<string, MonthlyVector> Libor = new() { ["LIBOR_1MO"] = new([0.0532, 0.055, 0.059, 0.065, 0.08, 0.10]) };

    public static TheoryData<string> Deals => new() { "sample/structures.yaml", "sample/deal.yaml", "cwalt-2004-j4/deal.yaml", "random:7:3:4", "random:11:4:6" };

    private static Deal Load(string file) => file.StartsWith("random:")
        ? DealLoader.LoadText(RandomDeals.Build(int.Parse(file.Split(':')[1]), int.Parse(file.Split(':')[2]), int.Parse(file.Split(':')[3])), "random.yaml")
        : DealLoader.Load(Path.Combine(SampleDealTests.RepoRoot(), "examples", file));

    private static Scenario At(string prepay, string dflt, double severity = 0.4) => new()
    {
        Prepay = Speed.Prepay(prepay), Default = Speed.Default(dflt), Severity = MonthlyVector.Flat(severity), RecoveryLag = 6, Indices = Libor,
    };

    [Theory]
    [MemberData(nameof(Deals))]
    public void Each_reused_run_gives_the_bits_of_a_fresh_run(string file)
    {
        var deal = Load(file);
        var run = new WaterfallRun(deal);
        // Long then short then long again, losses and none, the clean-up call: every kind of leftover a store could leak.
        foreach (var (scenario, call) in new[]
                 {
                     (At("300 PPC", "2 CDR"), false), (At("0 PPC", "0 CDR"), false), (At("500 PPC", "10 CDR", 0.6), true),
                     (At("100 PPC", "5 CDR", 0.5), false), (At("300 PPC", "2 CDR"), false),
                 })
        {
            var fresh = DealRunner.Run(deal, scenario, call);
            var reused = run.Run(scenario, call);
            var where = $"{file} {scenario.Prepay} {scenario.Default} call={call}";
            Assert.True(fresh.Periods.Count > 0, where);
            Assert.Equal(fresh.Periods.Count, reused.Periods.Count);
            Assert.Equal(fresh.CalledAt, reused.CalledAt);
            for (var i = 0; i < fresh.Periods.Count; i++) LedgerReuseTests.AssertSame(fresh.Periods[i], reused.Periods[i]);
            Assert.Equal(fresh.Periods.Select(p => p.Period), reused.Periods.Select(p => p.Period)); // the view's enumerator
        }
    }

    [Fact]
    public void A_warm_run_allocates_nothing()
    {
        var deal = Load("sample/structures.yaml"); // PAC/companion, NAS, Z, floater + inverse IO + corridor
        var collateral = DealRunner.ProjectCollateral(deal, At("250 PPC", "3 CDR"));
        var run = new WaterfallRun(deal);
        // Past tiered compilation's call counting (30 calls) so the measured runs are the steady state. Of five measured runs
        // the median must allocate nothing: a run that allocates per scenario allocates in all five. (Once, in a full-suite
        // run under load, a single measured run showed a few bytes the runtime itself allocated; it never reproduced.)
        for (var i = 0; i < 40; i++) run.Run(collateral, Libor);
        var allocated = new long[5];
        var periods = 0;
        for (var k = 0; k < allocated.Length; k++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            periods = run.Run(collateral, Libor).Periods.Count;
            allocated[k] = GC.GetAllocatedBytesForCurrentThread() - before;
        }
        Assert.True(periods > 12);
        Array.Sort(allocated);
        Assert.True(allocated[2] == 0, $"bytes allocated by five warm runs: {string.Join(", ", allocated)}");
    }

    /// <summary>
    /// A reused result clears only the arrays its deal's steps can write (<c>CompiledDeal.Writes*</c>): every other array must
    /// be zero in every period of a fresh run, for the examples and random deals at several speeds, losses and the call; and
    /// the flags are not vacuous (a deal with the step does write the array somewhere).
    /// </summary>
    [Fact]
    public void An_array_a_deal_never_writes_is_zero_in_every_period_and_one_it_writes_is_cleared()
    {
        var files = new[] { "sample/structures.yaml", "sample/deal.yaml", "cwalt-2004-j4/deal.yaml", "cwalt-2004-j2/deal.yaml", "cwalt-2007-12t1/deal.yaml" }
            .Concat(Enumerable.Range(1, 30).Select(i => $"random:{i * 37}:{1 + i % 3}:{i % 4}"));
        bool accretes = false, defers = false, residual = false, corridor = false;
        foreach (var file in files)
        {
            var deal = PacSchedules.Resolve(Load(file));
            var d = Remic.Deals.Waterfall.CompiledDeal<double>.For(deal);
            foreach (var (scenario, call) in new[] { (At("300 PPC", "5 CDR", 0.5), false), (At("0 PPC", "0 CDR"), true), (At("100 PPC", "10 CDR", 0.6), false) })
            {
                var run = DealRunner.Run(deal, scenario, call);
                foreach (var p in run.Periods)
                {
                    var where = $"{file} {scenario.Prepay} period {p.Period}";
                    if (!d.WritesAccretion) Assert.True(p.Accretion.All(x => x == 0), where);
                    if (!d.WritesPoDeferredPaid) Assert.True(p.PoDeferredPaid.All(x => x == 0), where);
                    if (!d.WritesResidual) Assert.True(p.Residual.All(x => x == 0), where);
                    if (!d.WritesCorridor) Assert.True(p.CorridorPaid.All(x => x == 0) && p.CapShortfall.All(x => x == 0), where);
                    accretes |= p.Accretion.Any(x => x != 0);
                    defers |= p.PoDeferredPaid.Any(x => x != 0);
                    residual |= p.Residual.Any(x => x != 0);
                    corridor |= p.CorridorPaid.Any(x => x != 0);
                }
            }
        }
        Assert.True(accretes && defers && residual && corridor, $"accretion {accretes}, PO deferred {defers}, residual {residual}, corridor {corridor}");
    }

    [Fact]
    public void The_projection_is_a_view_valid_until_the_next_run()
    {
        var deal = Load("sample/deal.yaml");
        var run = new WaterfallRun(deal);
        var first = run.Run(At("100 PPC", "0 CDR"));
        var firstPrincipal = first.Periods[0].Principal.Sum();
        var second = run.Run(At("500 PPC", "0 CDR"));
        Assert.Same(first, second);
        Assert.NotEqual(firstPrincipal, second.Periods[0].Principal.Sum());
        Assert.Throws<ArgumentOutOfRangeException>(() => second.Periods[second.Periods.Count]);
    }

    [Fact]
    public void A_coupon_index_the_run_does_not_give_is_the_same_input_error()
    {
        var deal = Load("sample/structures.yaml");
        var scenario = At("100 PPC", "0 CDR") with { Indices = new Dictionary<string, MonthlyVector>() };
        var fresh = Assert.Throws<RemicInputException>(() => DealRunner.Run(deal, scenario));
        var reused = Assert.Throws<RemicInputException>(() => new WaterfallRun(deal).Run(scenario));
        Assert.Equal(fresh.Message, reused.Message);
        Assert.Contains("no value was given", reused.Message);
    }
}
