using System.Globalization;
using Remic.Analytics;
using Remic.Collateral;
using Remic.Core;

namespace Remic.Reports.Book;

/// <summary>
/// The loss sensitivity section: every class across the CDR × severity grid at the pricing speed (writedown, WAL,
/// yield at par), breakeven CDRs by bisection on the 0.01 grid, and the writedown and breakeven charts.
/// </summary>
internal static class LossSection
{
    private static ScenarioRequest LossRequest(BookInput input, double cdr, double severityPercent) =>
        new(input.Pricing, Speed.Default(Fmt.Num(cdr, "0.####") + " CDR", "loss grid"), severityPercent / 100, input.Loss.Lag);

    public static (List<BookTable>, List<BookChart>) Build(BookInput input, ScenarioCache cache, IReadOnlyList<BookClass> live,
        IReadOnlyList<BookClass> offered, IBookProgress progress)
    {
        var grid = input.Loss;
        var points = new Dictionary<string, List<LossPoint>>();
        foreach (var c in live) points[c.Name] = [];
        foreach (var cdr in grid.Cdrs)
            foreach (var sev in grid.Severities)
            {
                var req = LossRequest(input, cdr, sev);
                var r = cache.Step(req);
                foreach (var c in live)
                {
                    var f = r.Class(c.Name, req);
                    var s = new SettledFlows(f, input.Settlement);
                    double y;
                    try { y = BondAnalytics.Yield(s, 100); }
                    catch (Exception e) when (e is ArithmeticException or InvalidOperationException or RemicInputException) { y = double.NaN; }
                    points[c.Name].Add(new LossPoint(cdr, sev, LossSensitivity.WritedownPercent(f), BondAnalytics.Wal(s), y));
                }
            }

        var tables = offered.Where(c => !c.Notional)
            .Select(c => new BookTable($"loss-{Stems.Of(c.Name)}", LossTables.Sensitivity(c.Name, grid, points[c.Name], input.Pricing.Text))).ToList();

        var breakevens = new List<(string, IReadOnlyList<BreakevenResult>)>();
        foreach (var c in live)
        {
            var bySev = new List<BreakevenResult>();
            foreach (var sev in grid.Severities)
            {
                bySev.Add(LossSensitivity.BreakevenCdr(cdr =>
                {
                    var req = LossRequest(input, cdr, sev);
                    return cache.Get(req).Class(c.Name, req).TotalLoss;
                }, grid.MaxBreakevenCdr));
                progress.Done($"breakeven CDR, class {c.Name}, severity {sev.ToString("0.##", CultureInfo.InvariantCulture)}%");
            }
            breakevens.Add((c.Name, bySev));
        }
        if (breakevens.Count > 0) tables.Add(new BookTable("breakeven-cdr", LossTables.Breakeven(grid, breakevens, input.Pricing.Text)));

        var charts = grid.Severities.Select(sev => BookCharts.WritedownVsCdr(sev, grid.Cdrs,
            live.Select(c => (c.Name, (IReadOnlyList<double>)points[c.Name].Where(p => p.Severity == sev).OrderBy(p => p.Cdr).Select(p => p.WritedownPercent).ToList())).ToList()))
            .ToList();
        // Bars only say something when some class survives some default (never for a bare pass-through).
        if (breakevens.Any(b => b.Item2.Any(r => r.Cdr > 0))) charts.Add(BookCharts.Breakeven(grid.Severities, breakevens));
        return (tables, charts);
    }

}
