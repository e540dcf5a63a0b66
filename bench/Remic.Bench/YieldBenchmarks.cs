using BenchmarkDotNet.Attributes;
using Remic.Analytics;

namespace Remic.Bench;

/// <summary>
/// Price → bond-equivalent yield on the peers' 356 flows (../shared/peers/yield_loop.c, yield_quantlib.cpp):
/// a 6.556879772% level-pay loan passing 6% to a 1,000,000 class, first payment 2005-03-25, settled
/// 2005-02-28 at 90 + 27 days accrued (yield 7.0691 on 30/360 SIA; the peers count bond basis and print 7.0652). The flows are laid out once (<see cref="SettledFlows"/>);
/// each solve is Newton with discount factors by recurrence and allocates nothing.
/// </summary>
[MemoryDiagnoser]
public class YieldBenchmarks
{
    public const int Flows = 356;
    private SettledFlows _flows = null!;
    private BondCashFlows _cashFlows = null!;
    private static readonly DateOnly Settle = new(2005, 2, 28);

    [GlobalSetup]
    public void Setup()
    {
        double r = 0.06556879772 / 12, b = 1e6, pmt = b * r / (1 - Math.Pow(1 + r, -Flows));
        var principal = new double[Flows];
        for (var k = 0; k < Flows; k++) { principal[k] = pmt - b * r; b -= principal[k]; }
        _cashFlows = BondCashFlows.FixedRate(1e6, 0.06, principal, null, new DateOnly(2005, 3, 25), new DateOnly(2005, 2, 1));
        _flows = new SettledFlows(_cashFlows, Settle);
        Console.WriteLine($"// Remic yield {BondAnalytics.Yield(_flows, 90) * 100:F4} (peers, bond basis: 7.0652; SIA: 7.0691)");
    }

    /// <summary>The solve alone, like the peers' timed loop.</summary>
    [Benchmark(Description = "Price to yield, 356 flows")]
    public double PriceToYield() => BondAnalytics.Yield(_flows, 90);

    /// <summary>Settlement layout (accrual, times) plus the solve, as a one-off `remic price` call does it.</summary>
    [Benchmark(Description = "Settle + price to yield, 356 flows")]
    public double SettleAndYield() => BondAnalytics.Yield(new SettledFlows(_cashFlows, Settle), 90);
}
