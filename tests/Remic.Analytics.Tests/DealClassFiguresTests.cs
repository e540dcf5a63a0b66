using Remic.Collateral;
using Remic.Core;
using Remic.Deals.Loading;
using Remic.Deals.Model;
using Remic.Deals.Projection;

namespace Remic.Analytics.Tests;

/// <summary>
/// <see cref="DealClassFigures"/> (the grid's reused buffers) against the existing API it stands for: <see cref="DealClassFlows.Of"/>,
/// <see cref="SettledFlows"/>, <see cref="BondAnalytics.Wal"/>, <see cref="PrincipalWindow.Of"/>, <see cref="BondAnalytics.Yield"/>.
/// Every figure must be the same double, bit for bit, over the example deals and scenarios with and without losses, with
/// one buffer reused across classes, deals and projections of different lengths.
/// </summary>
public class DealClassFiguresTests
{
    private static string Repo([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));

    /// <summary>Each example deal, and whether some class of it has no yield in the scenarios below (a subordinate wiped out
    /// at 20 CDR, 60% severity, no yield at 100-00), so the no-yield path is compared too.</summary>
    public static TheoryData<string, bool> Deals() => new()
    {
        { "cwalt-2004-j4/deal.yaml", true }, { "cwalt-2004-12cb/deal.yaml", true }, { "cwalt-2004-j2/deal.yaml", true },
        { "cwalt-2004-26t1/deal.yaml", false }, { "cwalt-2007-12t1/deal.yaml", true }, { "sample/deal.yaml", false },
        { "sample/structures.yaml", true },
    };

    private static Scenario At(Deal deal, string prepay, string dflt, double severity, int lag, double? index = null) => new()
    {
        Prepay = Speed.Prepay(prepay, deal.Metadata.PrepaymentAssumption), Default = Speed.Default(dflt),
        Severity = MonthlyVector.Flat(severity), RecoveryLag = lag,
        Indices = DealIndices.Used(deal).ToDictionary(n => n, n => MonthlyVector.Flat(index ?? 0.011), StringComparer.OrdinalIgnoreCase),
    };

    [Theory]
    [MemberData(nameof(Deals))]
    public void Reused_buffers_give_the_existing_APIs_figures_bit_for_bit(string file, bool someWithoutYield)
    {
        var deal = DealLoader.Load(Path.Combine(Repo(), "examples", file));
        var run = new WaterfallRun(deal);
        var figures = new DealClassFigures();
        var settle = deal.Metadata.SettlementDate ?? deal.Metadata.ClosingDate;
        // Long, short, long again (buffers reused over shorter projections), losses, a high index, a call.
        var scenarios = new (Scenario S, bool Call)[]
        {
            (At(deal, "0 PPC", "0 CDR", 0, 0), false),
            (At(deal, "600 PPC", "0 CDR", 0, 0), false),
            (At(deal, "100 PPC", "5 CDR", 0.5, 6, 0.06), false),
            (At(deal, "300 PPC", "20 CDR", 0.6, 12), false),
            (At(deal, "100 PPC", "0 CDR", 0, 0), true),
        };
        var checkedClasses = 0;
        var noYield = 0;
        foreach (var (scenario, call) in scenarios)
        {
            var p = run.Run(scenario, call);
            figures.Begin(p, settle);
            for (var c = 0; c < deal.Classes.Count; c++)
            {
                var f = DealClassFlows.Of(p, c);
                Assert.True(figures.Load(c), $"{file} {deal.Classes[c].Name}: the buffers refused flows the existing API takes");
                var s = new SettledFlows(f, settle);
                var what = $"{file} {deal.Classes[c].Name} {scenario.Prepay} {scenario.Default} call={call}";
                Assert.Equal(f.Count, figures.Count);
                Assert.Equal(s.First, figures.First);
                Assert.Equal(f.IsNotional, figures.IsNotional);
                Same(f.TotalLoss, figures.TotalLoss, what + " total loss");
                Same(f.LossReimbursed, figures.LossReimbursed, what + " reimbursed");
                Same(s.TotalCash, figures.TotalCash, what + " total cash");
                Same(s.Balance, figures.Balance, what + " balance");
                Same(BondAnalytics.Wal(s), figures.Wal(), what + " WAL");
                var w = PrincipalWindow.Of(f, s.First);
                figures.Window(out var first, out var last);
                Assert.Equal(w.First, first);
                Assert.Equal(w.Last, last);
                foreach (var price in new[] { 100.0, 99.5, 101.25, 3.5 })
                {
                    double expected, actual;
                    try { expected = BondAnalytics.Yield(s, price); } catch (Exception e) when (e is ArgumentException or ArithmeticException) { expected = double.NaN; }
                    try { actual = figures.Yield(price); } catch (Exception e) when (e is ArgumentException or ArithmeticException) { actual = double.NaN; }
                    Same(expected, actual, what + $" yield at {price}");
                    // Where the existing API throws (no bracket, a NaN present value), TryYield answers false.
                    Same(expected, figures.TryYield(price, out var y) ? y : double.NaN, what + $" TryYield at {price}");
                    if (double.IsNaN(expected)) noYield++;
                }
                checkedClasses++;
            }
        }
        Assert.Equal(scenarios.Length * deal.Classes.Count, checkedClasses);
        Assert.Equal(someWithoutYield, noYield > 0);
    }

    [Fact]
    public void A_settlement_the_existing_API_refuses_is_left_to_it()
    {
        // Settling in 2040, after the last loan matures: every J4 class has paid off (Accrual.Validate refuses the date).
        var deal = DealLoader.Load(Path.Combine(Repo(), "examples", "cwalt-2004-j4", "deal.yaml"));
        var p = new WaterfallRun(deal).Run(At(deal, "600 PPC", "0 CDR", 0, 0));
        var figures = new DealClassFigures();
        var settle = new DateOnly(2040, 1, 15);
        figures.Begin(p, settle);
        for (var c = 0; c < deal.Classes.Count; c++)
        {
            Assert.False(figures.Load(c));
            var f = DealClassFlows.Of(p, c);
            Assert.Throws<RemicInputException>(() => new SettledFlows(f, settle));
        }
    }

    /// <summary>
    /// One buffer carried from deal to deal (15, 11, 21 ... classes; long and short projections) gives each class the figures a
    /// fresh buffer gives it (its per-class buffers grown for a longer projection and reused over shorter ones).
    /// </summary>
    [Fact]
    public void One_buffer_across_deals_of_different_class_counts_gives_a_fresh_buffers_figures()
    {
        var carried = new DealClassFigures();
        var classCounts = new HashSet<int>();
        foreach (var file in new[] { "cwalt-2004-j4/deal.yaml", "sample/structures.yaml", "cwalt-2004-12cb/deal.yaml", "cwalt-2004-j4/deal.yaml" })
        foreach (var prepay in new[] { "600 PPC", "0 PPC" })
        {
            var deal = DealLoader.Load(Path.Combine(Repo(), "examples", file));
            classCounts.Add(deal.Classes.Count);
            var p = new WaterfallRun(deal).Run(At(deal, prepay, "5 CDR", 0.5, 6));
            var settle = deal.Metadata.SettlementDate ?? deal.Metadata.ClosingDate;
            var fresh = new DealClassFigures();
            carried.Begin(p, settle);
            fresh.Begin(p, settle);
            for (var c = 0; c < deal.Classes.Count; c++)
            {
                var what = $"{file} {prepay} {deal.Classes[c].Name}";
                Assert.Equal(fresh.Load(c), carried.Load(c));
                Same(fresh.TotalLoss, carried.TotalLoss, what + " total loss");
                Same(fresh.TotalCash, carried.TotalCash, what + " total cash");
                Same(fresh.Wal(), carried.Wal(), what + " WAL");
                Same(DealClassFlows.Of(p, c).TotalLoss, carried.TotalLoss, what + " the existing API's total loss");
            }
        }
        Assert.True(classCounts.Count > 1, "the deals must differ in class count");
    }

    /// <summary>The same double: equal bits (NaN equal to NaN), not within a tolerance.</summary>
    private static void Same(double expected, double actual, string what) =>
        Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual),
            $"{what}: {expected:R} expected, {actual:R} computed");
}
