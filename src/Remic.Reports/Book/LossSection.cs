using System.Globalization;
using Remic.Analytics;
using Remic.Collateral;
using Remic.Core;

namespace Remic.Reports.Book;

/// <summary>
/// The loss sensitivity section: each offered class with a balance across the CDR × severity grid at the pricing speed
/// (writedown, WAL, yield at par), its breakeven CDRs by bisection on the 0.01 grid under the grid's
/// <see cref="BreakevenRule"/>, and the writedown and breakeven charts. Every loss scenario runs to the clean-up call
/// when the deal has one (<see cref="BookInput.CleanUpCall"/>), so the breakeven table and the loss tables beside it are
/// computed from the same runs. The residual, notional and not-offered classes are left out, as CM books leave them out.
/// </summary>
internal static class LossSection
{
    private static ScenarioRequest LossRequest(BookInput input, double cdr, double severityPercent) =>
        new(input.Pricing, Speed.Default(Fmt.Num(cdr, "0.####") + " CDR", "loss grid"), severityPercent / 100, input.Loss.Lag, input.CleanUpCall);

    /// <summary>The classes of the section: offered, with a principal balance.</summary>
    public static IReadOnlyList<BookClass> Classes(BookInput input) => input.Classes.Where(c => c.Offered && !c.Notional).ToList();

    public static (List<BookTable>, List<BookChart>) Build(BookInput input, ScenarioCache cache, IBookProgress progress)
    {
        var grid = input.Loss;
        var classes = Classes(input);
        var call = CallText(input.CleanUpCall);
        var points = classes.ToDictionary(c => c.Name, _ => new List<LossPoint>());
        foreach (var cdr in grid.Cdrs)
            foreach (var sev in grid.Severities)
            {
                var req = LossRequest(input, cdr, sev);
                var r = cache.Step(req);
                foreach (var c in classes)
                {
                    var (o, wal) = Outcome(input, r.Class(c.Name, req));
                    points[c.Name].Add(new LossPoint(cdr, sev, o.WritedownPercent, wal, o.YieldAtPar));
                }
            }

        var tables = classes.Select(c => new BookTable($"loss-{Stems.Of(c.Name)}",
            LossTables.Sensitivity(c.Name, grid, points[c.Name], input.Pricing.Text, call))).ToList();

        var breakevens = new List<(string, IReadOnlyList<BreakevenResult>)>();
        foreach (var c in classes)
        {
            var bySev = new List<BreakevenResult>();
            foreach (var sev in grid.Severities)
            {
                bySev.Add(LossSensitivity.BreakevenCdr(cdr =>
                {
                    var req = LossRequest(input, cdr, sev);
                    return Outcome(input, cache.Get(req).Class(c.Name, req)).Outcome;
                }, grid.Breakeven, grid.MaxBreakevenCdr, grid.Cdrs));
                progress.Done($"breakeven CDR, class {c.Name}, severity {sev.ToString("0.##", CultureInfo.InvariantCulture)}%");
            }
            breakevens.Add((c.Name, bySev));
        }
        if (breakevens.Count > 0) tables.Add(new BookTable("breakeven-cdr", LossTables.Breakeven(grid, breakevens, input.Pricing.Text, call)));

        var charts = grid.Severities.Select(sev => BookCharts.WritedownVsCdr(sev, grid.Cdrs,
            classes.Select(c => (c.Name, (IReadOnlyList<double>)points[c.Name].Where(p => p.Severity == sev).OrderBy(p => p.Cdr).Select(p => p.WritedownPercent).ToList())).ToList()))
            .ToList();
        // Bars only say something when some class survives some default (never for a bare pass-through).
        if (breakevens.Any(b => b.Item2.Any(r => r.Cdr > 0))) charts.Add(BookCharts.Breakeven(grid.Severities, breakevens));
        return (tables, charts);
    }

    /// <summary>"Call (Y)" when the loss scenarios run to the clean-up call, "Call (N)" otherwise (the CM books' header words).</summary>
    public static string CallText(bool call) => call ? "Call (Y)" : "Call (N)";

    /// <summary>A class's writedown (% of original) and yield at par in one loss scenario, and its WAL from settlement.</summary>
    private static (LossOutcome Outcome, double Wal) Outcome(BookInput input, BondCashFlows f)
    {
        var s = new SettledFlows(f, input.Settlement);
        double y;
        try { y = BondAnalytics.Yield(s, 100); }
        catch (Exception e) when (e is ArithmeticException or InvalidOperationException or RemicInputException) { y = double.NaN; }
        return (new LossOutcome(LossSensitivity.WritedownPercent(f), y), BondAnalytics.Wal(s));
    }
}
