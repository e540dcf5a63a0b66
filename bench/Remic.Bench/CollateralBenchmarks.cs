using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Remic.Collateral;
using Remic.Core;

namespace Remic.Bench;

/// <summary>
/// Loan-level projection of the peer's pool (../shared/peers/collateral_loop.c): 100,000 fixed-rate
/// loans × 360 months at 100 PSA / 100 SDA / 40% severity / 12-month lag, through the real
/// <see cref="Projector.Project"/>, on one core and on all cores (and the scalar reference loop, one core,
/// for what SIMD buys). Throughput is counted like the peer:
/// 100,000 × 360 loan-months per operation.
/// </summary>
[Config(typeof(Config))]
public class CollateralBenchmarks
{
    public const int Loans = 100_000, Months = 360;

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new LoanMonthsPerSecondColumn((double)Loans * Months));
    }

    private LoanPool _pool = null!;
    private Scenario _scenario = null!;

    [GlobalSetup]
    public void Setup()
    {
        _pool = SyntheticPool.Build(Loans);
        _scenario = PeerScenario();
        // Same totals as the peer prints (P = scheduled + prepaid principal, I = net interest, L = losses).
        var t = Projector.Project(_pool, _scenario, options: ProjectionOptions.Default).Total;
        double p = 0, i = 0, l = 0;
        for (var m = 1; m <= t.Months; m++) { p += t.ScheduledPrincipal[m] + t.Prepayment[m]; i += t.NetInterest[m]; l += t.RealizedLoss[m]; }
        Console.WriteLine($"// Remic totals P={p:F2} I={i:F2} L={l:F2}");
    }

    /// <summary>The peer's scenario: 100 PSA, 100 SDA, 40% severity, 12-month lag (also <see cref="CollateralTimer"/>'s).</summary>
    public static Scenario PeerScenario() => new()
    {
        Prepay = Speed.Prepay("100 PSA"), Default = Speed.Default("100 SDA"),
        Severity = MonthlyVector.Flat(0.40), RecoveryLag = 12,
        Advancing = false, // the peer's interest is net interest on performing loans, without advances
        Months = 0,        // 360 months of loan life + 12 months for the last liquidations
    };

    [Benchmark(Description = "Project 100k loans, one core")]
    public CollateralProjection SingleCore() => Projector.Project(_pool, _scenario, options: ProjectionOptions.SingleThread);

    [Benchmark(Description = "Project 100k loans, all cores")]
    public CollateralProjection AllCores() => Projector.Project(_pool, _scenario, options: ProjectionOptions.Default);

    /// <summary>The straightforward scalar loop the fast path is tested against: what SIMD and chunking buy.</summary>
    [Benchmark(Description = "Project 100k loans, reference scalar loop")]
    public CollateralProjection ReferenceLoop() => Projector.Project(_pool, _scenario, options: ProjectionOptions.ReferenceLoop);
}
