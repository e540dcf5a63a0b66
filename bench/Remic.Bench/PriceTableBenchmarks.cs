using BenchmarkDotNet.Attributes;
using Remic.Analytics;
using Remic.Collateral;
using Remic.Core;
using Remic.Deals.Loading;
using Remic.Deals.Model;
using Remic.Deals.Projection;

namespace Remic.Bench;

/// <summary>
/// The CM price/yield grid (9 prices × 7 speeds, plus WAL, duration, convexity, window at the middle price) for
/// every one of the 40 classes of the benchmark deal (<see cref="BenchmarkDeal"/>), from cash flows already
/// projected: what `remic cm` and `remic price` spend after the waterfall. Goal: under 50 ms for all classes.
/// The class flows are laid out here as Remic.Reports.Book.DealClassFlows does (this project does not reference
/// Remic.Reports): fixed classes from the waterfall's per-period figures, notional classes as NotionalIo.
/// </summary>
[MemoryDiagnoser]
public class PriceTableBenchmarks
{
    private static readonly string[] SpeedTexts = ["0 PPC", "50 PPC", "75 PPC", "100 PPC", "125 PPC", "150 PPC", "200 PPC"];
    private readonly IReadOnlyList<Price32> _prices = Enumerable.Range(0, 9).Select(k => new Price32(98m + k * 0.5m)).ToArray();
    private readonly IReadOnlyList<Price32> _ioPrices = Enumerable.Range(0, 9).Select(k => new Price32(1m + k * 0.25m)).ToArray();
    private (string Speed, BondCashFlows Flows)[][] _columns = null!;
    private bool[] _notional = null!;
    private readonly DateOnly _settle = new(2004, 3, 30);

    [GlobalSetup]
    public void Setup()
    {
        var deal = DealLoader.LoadText(BenchmarkDeal.Yaml(), "bench-4x40.yaml");
        var runs = SpeedTexts.Select(s => DealRunner.Run(deal, new Scenario { Prepay = Speed.Prepay(s) })).ToArray();
        _notional = deal.Classes.Select(c => c.IsNotional).ToArray();
        _columns = deal.Classes.Select((_, c) => runs.Select((r, s) => (SpeedTexts[s], Flows(r, c))).ToArray()).ToArray();
        if (_columns.Length != 40) throw new InvalidOperationException($"expected 40 classes, got {_columns.Length}");
    }

    [Benchmark(Description = "price/yield tables, 40 classes x 9 prices x 7 speeds")]
    public double AllClasses()
    {
        var sum = 0.0;
        for (var c = 0; c < _columns.Length; c++)
        {
            var t = PriceYieldTable.Build(_columns[c], _notional[c] ? _ioPrices : _prices, _settle);
            sum += t.Yields[4][3];
        }
        return sum;
    }

    private static BondCashFlows Flows(DealProjection run, int c)
    {
        var spec = run.Deal.Classes[c];
        var p = run.Periods;
        var n = p.Count;
        var dates = p.Select(x => x.DistributionDate).ToArray();
        var begin = p.Select(x => x.BeginBalance[c]).ToArray();
        var interest = p.Select(x => x.InterestPaid[c] + x.Accretion[c] + x.PoDeferredPaid[c]).ToArray();
        var dated = run.Deal.Metadata.CutoffDate;
        if (spec.IsNotional)
        {
            var endN = Enumerable.Range(0, n).Select(k => k + 1 < n ? begin[k + 1] : 0).ToArray();
            return BondCashFlows.NotionalIo(dates, begin, endN, interest, null, Math.Max(begin[0], 1), spec.DayCount, spec.DelayDays, dated);
        }
        var principal = p.Select(x => x.Principal[c] - x.Accretion[c]).ToArray();
        var loss = p.Select(x => x.Loss[c]).ToArray();
        var end = p.Select(x => Math.Abs(x.EndBalance[c]) < 1e-6 ? 0 : x.EndBalance[c]).ToArray();
        if (end[^1] > 0) { loss[^1] += end[^1]; end[^1] = 0; }
        return new BondCashFlows(dates, begin, interest, principal, loss, end, p.Select(x => x.Coupon[c]).ToArray(),
            Math.Max((double)spec.OriginalBalance, 0.01), spec.DayCount, spec.DelayDays, dated);
    }
}
