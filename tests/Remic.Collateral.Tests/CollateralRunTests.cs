using CsCheck;
using Remic.Collateral.PrepayModel;
using Remic.Core;

namespace Remic.Collateral.Tests;

/// <summary>
/// <see cref="CollateralRun"/>: one pool projected scenario after scenario into reused buffers gives, for every scenario,
/// the bits <see cref="Projector.Project"/> gives on its own (every series of every group, the total and the strips,
/// hashed), whatever ran on the run before; and after warm-up it allocates nothing.
/// </summary>
public class CollateralRunTests
{
    private static readonly ArmTerms Arm = ProjectionEquivalenceTests.Arm;
    private static readonly Dictionary<string, MonthlyVector> Libor =
        new(StringComparer.OrdinalIgnoreCase) { ["LIBOR_6MO"] = new([0.03, 0.035, 0.05]) };

    private static readonly Gen<Loan> GenLoan =
        from shape in Gen.Int[0, 9]
        from grp in Gen.OneOf("1", "2", "3")
        from balance in Gen.Double[1, 1_000_000]
        from gross in Gen.Double[0.03, 0.09]
        from svc in Gen.OneOf(0.0025, 0.005)
        from age in Gen.OneOf(0, 2, 29, 30, 60, 200)
        from remaining in Gen.Int[1, 360]
        from count in Gen.OneOf(1.0, 1.0, 7.5, 120)
        select new Loan
        {
            Group = grp, Balance = Math.Round(balance, 2), GrossRate = shape == 9 ? 0 : gross, ServicingFee = svc,
            OriginalTerm = age + remaining, RemainingTerm = remaining, Age = age,
            IoTerm = shape == 6 ? (remaining % 2 == 0 ? age + Math.Min(60, remaining - 1) : age) : 0,
            BalloonTerm = shape == 7 ? age + Math.Max(remaining / 2, 1) : 0,
            Arm = shape == 8 ? Arm : null, LoanCount = count,
        };

    private static readonly Gen<Scenario> GenScenario =
        from prepay in Gen.OneOf("0 CPR", "100 PSA", "300 PPC", "20 CPR", "5 CPR for 12, then 20 CPR", "model")
        from dflt in Gen.OneOf("0 CDR", "100 SDA", "5 CDR", "0.5 MDR, 0.1 MDR")
        from severity in Gen.Double[0, 0.6]
        from lag in Gen.OneOf(0, 0, 3, 6, 12)
        from advance in Gen.OneOf<AdvancingConvention?>(null, AdvancingConvention.None, AdvancingConvention.Interest, AdvancingConvention.PrincipalAndInterest)
        from months in Gen.OneOf(0, 0, 0, 12, 400)
        from path in Gen.Double[4, 9].Array[1, 40]
        select new Scenario
        {
            Prepay = prepay == "model"
                ? new Speed("rate-driven model", SpeedKind.Prepayment, new RateDrivenPrepay(new PrepayModelParameters(), PpcRamp.CwaltFixed, path))
                : Speed.Prepay(prepay),
            Default = Speed.Default(dflt), Severity = MonthlyVector.Flat(severity), RecoveryLag = lag, Advance = advance,
            Months = months, Indices = Libor,
        };

    [Fact]
    public void Every_scenario_of_a_reused_run_is_bit_for_bit_a_fresh_projection()
    {
        Gen.Select(GenLoan.Array[1, 300], GenScenario.Array[2, 7], Gen.OneOf(0.0, 0.055), Gen.OneOf<AdvancingConvention?>(null, AdvancingConvention.PrincipalAndInterest))
            .Sample((loans, scenarios, strip, dealAdvance) =>
            {
                var pool = new LoanPool(loans);
                var strips = strip > 0 ? new Dictionary<string, double> { ["1"] = strip, ["3"] = strip } : null;
                var run = new CollateralRun(pool, strips, dealAdvance);
                foreach (var scenario in scenarios.Concat(scenarios))
                {
                    var expected = scenario.Advance is null && dealAdvance is { } a ? scenario with { Advance = a } : scenario;
                    var fresh = Projector.Project(new LoanPool(loans), expected, strips, ProjectionOptions.SingleThread);
                    var reused = run.Project(scenario);
                    Assert.Equal(expected.AdvanceOrDefault, reused.Scenario.AdvanceOrDefault);
                    Assert.Equal(Hash(fresh), Hash(reused));
                }
            }, iter: 40);
    }

    [Fact]
    public void A_pool_of_many_chunks_on_the_simd_path_and_the_scalar_path_gives_a_fresh_projections_bits()
    {
        var pool = ProjectionEquivalenceTests.MixedPool(13_000, seed: 9);
        Assert.True(pool.Lanes.Chunks.Length > 3);
        var strips = new Dictionary<string, double> { ["A"] = 0.055 };
        var run = new CollateralRun(pool, strips, AdvancingConvention.PrincipalAndInterest);
        Scenario S(string prepay, string dflt, int lag) => new()
        {
            Prepay = Speed.Prepay(prepay), Default = Speed.Default(dflt), Severity = MonthlyVector.Flat(0.4), RecoveryLag = lag, Indices = Libor,
        };
        // 0 CDR: the SIMD kernel in chunks; 5 CDR with a lag under P&I advancing: the scalar loop with pockets.
        Scenario[] scenarios = [S("300 PPC", "0 CDR", 6), S("100 PPC", "5 CDR", 6), S("0 PPC", "5 CDR", 12), S("300 PPC", "0 CDR", 0), S("100 PPC", "5 CDR", 6)];
        foreach (var s in scenarios)
        {
            var fresh = Projector.Project(pool, s with { Advance = AdvancingConvention.PrincipalAndInterest }, strips, new ProjectionOptions { MaxDegreeOfParallelism = 2 });
            Assert.Equal(Hash(fresh), Hash(run.Project(s)));
        }
    }

    [Fact]
    public void After_warm_up_a_projection_allocates_nothing()
    {
        var pool = ProjectionEquivalenceTests.MixedPool(5_000, seed: 4);
        var run = new CollateralRun(pool, new Dictionary<string, double> { ["A"] = 0.055 });
        Scenario S(string dflt, int lag) => new()
        {
            Prepay = Speed.Prepay("300 PPC"), Default = Speed.Default(dflt), Severity = MonthlyVector.Flat(0.4), RecoveryLag = lag,
            Advance = AdvancingConvention.PrincipalAndInterest, Indices = Libor,
        };
        Scenario[] scenarios = [S("0 CDR", 6), S("5 CDR", 6), S("5 CDR", 0), S("2 CDR", 12)];
        for (var k = 0; k < 3; k++)
            foreach (var s in scenarios) run.Project(s); // warm-up: one buffer set per length, pockets per lag; the JIT's tiers
        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var s in scenarios) run.Project(s);
        var first = GC.GetAllocatedBytesForCurrentThread() - before;
        foreach (var s in scenarios) run.Project(s);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before - first);
        Assert.Equal(0, first);

        // A deal's convention for a scenario that states none: the same scenario again allocates nothing either.
        var dealRun = new CollateralRun(pool, null, AdvancingConvention.PrincipalAndInterest);
        var plain = S("5 CDR", 6) with { Advance = null };
        for (var k = 0; k < 3; k++) dealRun.Project(plain);
        before = GC.GetAllocatedBytesForCurrentThread();
        var advance = dealRun.Project(plain).Scenario.Advance;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(AdvancingConvention.PrincipalAndInterest, advance);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void A_failed_projection_leaves_no_trace_in_the_next()
    {
        var pool = ProjectionEquivalenceTests.MixedPool(2_000, seed: 2);
        var run = new CollateralRun(pool);
        var good = new Scenario { Prepay = Speed.Prepay("100 PSA"), Default = Speed.Default("2 CDR"), Severity = MonthlyVector.Flat(0.3), RecoveryLag = 4, Indices = Libor };
        Assert.Throws<RemicInputException>(() => run.Project(good with { Indices = new Dictionary<string, MonthlyVector>() })); // ARMs reset: no LIBOR_6MO
        Assert.Equal(Hash(Projector.Project(pool, good)), Hash(run.Project(good)));
    }

    /// <summary>SHA-256 over the months, every group's name and every series' bits (groups, total, strips).</summary>
    private static string Hash(CollateralProjection p)
    {
        using var h = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        void Add(double[] a) { foreach (var v in a) h.AppendData(BitConverter.GetBytes(BitConverter.DoubleToInt64Bits(v))); h.AppendData([0xff]); }
        h.AppendData(BitConverter.GetBytes(p.Months));
        foreach (var g in p.Groups.Append(p.Total))
        {
            h.AppendData(System.Text.Encoding.UTF8.GetBytes(g.Group));
            foreach (var a in new[] { g.BeginBalance, g.ScheduledPrincipal, g.Prepayment, g.Defaults, g.LiquidationProceeds, g.RealizedLoss,
                         g.GrossInterest, g.ServicingFee, g.OtherFees, g.NetInterest, g.Advances, g.PrincipalAdvances, g.AdvancesRecovered, g.EndBalance, g.LoanCount })
                Add(a);
        }
        foreach (var (name, s) in p.Strips.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            h.AppendData(System.Text.Encoding.UTF8.GetBytes(name));
            h.AppendData(BitConverter.GetBytes(s.StripRate));
            foreach (var a in new[] { s.PoBeginBalance, s.PoScheduledPrincipal, s.PoPrepayment, s.PoDefaults, s.PoLiquidationProceeds, s.PoRealizedLoss,
                         s.PoEndBalance, s.ExcessInterest, s.PremiumBalance })
                Add(a);
        }
        return Convert.ToHexString(h.GetHashAndReset());
    }
}
