using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Remic.Collateral;
using Remic.Core;
using Remic.Deals.Loading;
using Remic.Deals.Model;
using Remic.Deals.Projection;
using Remic.Deals.Waterfall;

namespace Remic.Bench;

/// <summary>
/// One scenario of a 4-group, 40-class deal over 360 months (each group: 6 seniors, a Class PO and a Class X;
/// 8 shared subordinates under shifting interest): the waterfall alone over a projected collateral, the
/// collateral projection plus the waterfall, and the decimal (trustee) interpreter over the same months; and
/// collateral + waterfall for a rep-line deal (examples/cwalt-2004-j4: 4 rep lines, 15 classes, 100 PPC).
/// The grid's way (a <see cref="WaterfallRun"/> per deal per thread, reused scenario after scenario) and the
/// one-off way (<see cref="DealRunner"/>: a fresh store per call) side by side.
/// Goal (issue 14): the waterfall ≤ 0.3 ms per scenario and 0 B allocated (reused run); collateral + waterfall
/// per rep-line scenario ≤ 0.6 ms.
/// </summary>
[MemoryDiagnoser]
public class WaterfallBenchmarks
{
    private Deal _deal = null!;
    private Scenario _scenario = null!;
    private CollateralProjection _collateral = null!;
    private PeriodCollections<decimal>[] _decimalMonths = null!;
    private PeriodMarket[] _markets = null!;
    private readonly Dictionary<string, MonthlyVector> _noIndices = new();
    private WaterfallRun _run = null!;
    private Deal _j4 = null!;
    private Scenario _j4Scenario = null!;
    private WaterfallRun _j4Run = null!;

    [GlobalSetup]
    public void Setup()
    {
        _deal = DealLoader.LoadText(BenchmarkDeal.Yaml(), "bench-4x40.yaml");
        _scenario = BenchmarkScenario();
        _collateral = DealRunner.ProjectCollateral(_deal, _scenario);
        var run = DealRunner.RunWaterfall(_deal, _collateral, _noIndices);
        _markets = run.Periods.Select(p => DealRunner.Market(_deal, p.Period, _noIndices)).ToArray();
        _decimalMonths = BenchmarkDeal.DecimalCollections(_deal, _collateral, run.Periods.Count);
        _run = new WaterfallRun(_deal);
        _j4 = DealLoader.Load(Path.Combine(GridBenchmarks.Repo(), "examples", "cwalt-2004-j4", "deal.yaml"));
        _j4Scenario = new Scenario
        {
            Prepay = Speed.Prepay("100 PPC"), Indices = new Dictionary<string, MonthlyVector> { ["LIBOR_1MO"] = MonthlyVector.Flat(0.011) },
        };
        _j4Run = new WaterfallRun(_j4);
    }

    /// <summary>The benchmark deal's scenario: 150 PPC, 1 CDR, 35% severity, 6-month lag (also <see cref="WaterfallTimer"/>'s).</summary>
    public static Scenario BenchmarkScenario(int months = 360) => new()
    {
        Prepay = Speed.Prepay("150 PPC"), Default = Speed.Default("1 CDR"),
        Severity = MonthlyVector.Flat(0.35), RecoveryLag = 6, Months = months,
    };

    /// <summary>The grid's inner loop: one <see cref="WaterfallRun"/> reused, so nothing is allocated per scenario.</summary>
    [Benchmark(Description = "waterfall only (double, 360 months, reused WaterfallRun)")]
    public int WaterfallOnly() => _run.Run(_collateral, _noIndices).Periods.Count;

    /// <summary>The one-off call every other caller makes: a fresh store of results per call.</summary>
    [Benchmark(Description = "waterfall only (double, 360 months, DealRunner.RunWaterfall)")]
    public int WaterfallOnlyOneOff() => DealRunner.RunWaterfall(_deal, _collateral, _noIndices).Periods.Count;

    /// <summary>What `remic explain` runs: the same with the trace recorded for one distribution date (the 12th).</summary>
    [Benchmark(Description = "waterfall only, trace on for period 12 (double, 360 months)")]
    public int WaterfallTracedOnePeriod() => DealRunner.RunWaterfall(_deal, _collateral, _noIndices, false, TracePeriods.Only(12)).Traces.Count;

    /// <summary>The same with the full trace recorded for every one of the 360 periods.</summary>
    [Benchmark(Description = "waterfall only, trace on (double, 360 months)")]
    public int WaterfallTraced() => DealRunner.RunWaterfall(_deal, _collateral, _noIndices, false, TracePeriods.All).Traces.Count;

    [Benchmark(Description = "collateral + waterfall (double, 360 months, reused WaterfallRun)")]
    public int CollateralAndWaterfall() => _run.Run(_scenario).Periods.Count;

    [Benchmark(Description = "collateral + waterfall (double, 360 months, DealRunner.Run)")]
    public int CollateralAndWaterfallOneOff() => DealRunner.Run(_deal, _scenario).Periods.Count;

    /// <summary>A rep-line deal's scenario as a grid runs it (examples/cwalt-2004-j4 at 100 PPC): goal ≤ 0.6 ms.</summary>
    [Benchmark(Description = "J4 rep lines: collateral + waterfall (reused WaterfallRun)")]
    public int J4CollateralAndWaterfall() => _j4Run.Run(_j4Scenario).Periods.Count;

    [Benchmark(Description = "J4 rep lines: collateral + waterfall (DealRunner.Run)")]
    public int J4CollateralAndWaterfallOneOff() => DealRunner.Run(_j4, _j4Scenario).Periods.Count;

    [Benchmark(Description = "trustee interpreter (decimal, 360 months)")]
    public decimal DecimalWaterfall()
    {
        var state = DealState<decimal>.AtClosing(_deal);
        var paid = 0m;
        for (var m = 0; m < _decimalMonths.Length; m++)
        {
            var r = Remic.Deals.Waterfall.Waterfall.Distribute(_deal, state, _decimalMonths[m], _markets[m]);
            paid += r.Principal[0];
            state = r.Next;
        }
        return paid;
    }
}

/// <summary>The benchmark deal, written as a deal file so it goes through the loader like any other.</summary>
public static class BenchmarkDeal
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Yaml()
    {
        var sb = new StringBuilder("""
            deal:
              trust_name: Benchmark Trust 4x40
              cutoff_date: 2004-03-01
              closing_date: 2004-03-30
              first_distribution_date: 2004-04-25
            groups:

            """);
        var classes = new StringBuilder();
        var steps = new StringBuilder();
        decimal nonPoTotal = 0, seniorTotal = 0;
        for (var g = 1; g <= 4; g++)
        {
            // Discount loan 5.25% gross (net 4.99%) and premium loan 6.75% (net 6.49%) at a 5.50% strip.
            decimal disc = 20_000_000m + g * 1_000_000m, prem = 60_000_000m + g * 2_000_000m;
            var po = Math.Round((decimal)((double)disc * (0.055 - 0.0499) / 0.055), 2);
            var nonPo = disc + prem - po;
            nonPoTotal += nonPo;
            sb.Append(Inv, $"""
                  - name: "{g}"
                    servicing_fee: 0.25
                    trustee_fee: 0.01
                    strip_rate: 5.5
                    rep_lines:
                      - {"{"} balance: {disc}, gross_rate: 5.25, remaining_term: 360 {"}"}
                      - {"{"} balance: {prem}, gross_rate: 6.75, remaining_term: 358, age: 2 {"}"}

                """);
            var seniors = Math.Round(nonPo * 0.93m, 2);
            seniorTotal += seniors;
            var names = Enumerable.Range(1, 6).Select(i => $"{g}-A-{i}").ToArray();
            var each = Math.Round(seniors / 6, 2);
            for (var i = 0; i < 6; i++)
                classes.Append(Inv, $"  - {{ name: {names[i]}, group: \"{g}\", balance: {(i == 5 ? seniors - 5 * each : each)}, type: senior, coupon: 5.5 }}\n");
            classes.Append(Inv, $"  - {{ name: {g}-PO, group: \"{g}\", balance: {po}, type: po }}\n");
            classes.Append(Inv, $"  - {{ name: {g}-X, group: \"{g}\", balance: 0, type: notional_io, notional: premium_loans, coupon: strip_excess }}\n");
            steps.Append(Inv, $"  - pay_po: {{ group: \"{g}\", class: {g}-PO }}\n");
            steps.Append(Inv, $"  - pay_interest: {{ from: \"{g}\", classes: [{string.Join(", ", names)}, {g}-X] }}\n");
            steps.Append(Inv, $"  - pay_principal: {{ from: \"{g}\", amount: senior_principal, to: {{ sequential: [ {{ pro_rata: [{names[0]}, {names[1]}] }}, {names[2]}, {{ split: [ {{ percent: 60, to: {names[3]} }}, {{ percent: 40, to: {names[4]} }} ] }}, {names[5]} ] }} }}\n");
        }
        var subs = new[] { "M", "B-1", "B-2", "B-3", "B-4", "B-5", "B-6", "B-7" };
        var subTotal = nonPoTotal - seniorTotal;
        var subEach = Math.Round(subTotal / subs.Length, 2);
        for (var i = 0; i < subs.Length; i++)
            classes.Append(Inv, $"  - {{ name: {subs[i]}, groups: [\"1\", \"2\", \"3\", \"4\"], balance: {(i == subs.Length - 1 ? subTotal - 7 * subEach : subEach)}, type: subordinate, coupon: 5.5 }}\n");
        steps.Append("  - pay_po_deferred: { from: all }\n");
        steps.Append($"  - pay_subordinates: {{ from: all, classes: [{string.Join(", ", subs)}] }}\n");
        sb.Append("classes:\n").Append(classes).Append("waterfall:\n").Append(steps);
        sb.Append($"shifting_interest:\n  subordinates: [{string.Join(", ", subs)}]\n");
        sb.Append("cross_collateral: { groups: [\"1\", \"2\", \"3\", \"4\"] }\n");
        return sb.ToString();
    }

    /// <summary>The projected months as the trustee would receive them: whole cents, balances carried forward.</summary>
    public static PeriodCollections<decimal>[] DecimalCollections(Deal deal, CollateralProjection c, int months)
    {
        var prior = new GroupCollections<decimal>?[deal.Groups.Count];
        var result = new PeriodCollections<decimal>[months];
        for (var m = 1; m <= months; m++)
        {
            var groups = new GroupCollections<decimal>[deal.Groups.Count];
            for (var k = 0; k < groups.Length; k++)
            {
                var name = deal.Groups[k].Name;
                var d = DealRunner.Collections(c.Group(name), c.Strips.GetValueOrDefault(name), m, 0, 0, false);
                groups[k] = prior[k] = new GroupCollections<decimal>
                {
                    BeginBalance = prior[k]?.EndBalance ?? Money.ToCents(d.BeginBalance),
                    ScheduledPrincipal = Money.ToCents(d.ScheduledPrincipal), Prepayments = Money.ToCents(d.Prepayments),
                    LiquidationProceeds = Money.ToCents(d.LiquidationProceeds), RealizedLoss = Money.ToCents(d.RealizedLoss),
                    NetInterest = Money.ToCents(d.NetInterest),
                    PoBeginBalance = prior[k]?.PoEndBalance ?? Money.ToCents(d.PoBeginBalance),
                    PoScheduledPrincipal = Money.ToCents(d.PoScheduledPrincipal), PoPrepayments = Money.ToCents(d.PoPrepayments),
                    PoLiquidationProceeds = Money.ToCents(d.PoLiquidationProceeds), PoRealizedLoss = Money.ToCents(d.PoRealizedLoss),
                    ClassXExcessInterest = Money.ToCents(d.ClassXExcessInterest), PremiumLoanBalance = Money.ToCents(d.PremiumLoanBalance),
                };
                // Rounding each figure to the cent can leave the PO portion a cent below zero at the end: keep it whole.
                var gc = groups[k];
                if (gc.PoEndBalance < 0)
                    groups[k] = prior[k] = gc with { PoPrepayments = gc.PoPrepayments + gc.PoEndBalance, Prepayments = gc.Prepayments + gc.PoEndBalance };
            }
            result[m - 1] = new PeriodCollections<decimal>(groups);
        }
        return result;
    }
}
