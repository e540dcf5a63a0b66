using Remic.Analytics;

namespace Remic.Reports.Book;

/// <summary>One class's figures in one loss scenario.</summary>
internal sealed record LossPoint(double Cdr, double Severity, double WritedownPercent, double Wal, double YieldAtPar);

/// <summary>Loss sensitivity: per class, CDR rows × severity column groups (writedown %, WAL, yield at par); breakeven CDRs.</summary>
internal static class LossTables
{
    public static Table Sensitivity(string className, LossGrid grid, IReadOnlyList<LossPoint> points, string prepay, string call)
    {
        var header = new List<string> { "CDR (%)" };
        foreach (var s in grid.Severities)
            header.AddRange([$"Writedown % (sev {Fmt.Num(s, "0.##")}%)", $"WAL (sev {Fmt.Num(s, "0.##")}%)", $"Yield @ par (sev {Fmt.Num(s, "0.##")}%)"]);
        var rows = grid.Cdrs.Select(cdr =>
        {
            var row = new List<string> { Fmt.Num(cdr, "0.00") };
            foreach (var s in grid.Severities)
            {
                var p = points.Single(x => x.Cdr == cdr && x.Severity == s);
                row.AddRange([Fmt.Pct(p.WritedownPercent, 2), Fmt.Num(p.Wal, "0.00"), double.IsFinite(p.YieldAtPar) ? Fmt.Pct(p.YieldAtPar * 100) : "n/a"]);
            }
            return (IReadOnlyList<string>)row;
        }).ToList();
        return new Table($"Class {className}: Loss Sensitivity ({prepay}, {call})", header, rows)
        {
            Notes = [$"Prepayments at {prepay}; constant CDR; loss severity on the defaulted balance, liquidated {grid.Lag} months after default; {CallNote(call)}.",
                     "Writedown: principal written down over the life, % of the original balance. Yield at a price of 100-00."],
        };
    }

    public static Table Breakeven(LossGrid grid, IReadOnlyList<(string Class, IReadOnlyList<BreakevenResult> BySeverity)> rows, string prepay, string call)
    {
        var rule = grid.Breakeven;
        return new($"Breakeven CDR ({prepay}, {call})", ["Class", .. grid.Severities.Select(s => $"Severity {Fmt.Num(s, "0.##")}%")],
            rows.Select(r => (IReadOnlyList<string>)[r.Class, .. r.BySeverity.Select(Cell)]).ToList())
        {
            Notes =
            [
                $"Largest constant CDR (%, to 0.01) at which the class has no principal writedown above {Fmt.Num(rule.MaterialityPercent, "0.####")}% of its original balance "
                    + $"and its yield at par is within {Fmt.Num(rule.YieldBreakBp, "0.##")} bp of its yield with no defaults; the next 0.01 CDR breaks it.",
                $"Prepayments at {prepay}, lag {grid.Lag} months; {CallNote(call)}. Offered classes with a principal balance (no residual, notional or not-offered class).",
                $"'>= {Fmt.Num(grid.MaxBreakevenCdr, "0.##")}' means the class does not break even at that CDR; 'loss at 0' that it breaks with no defaults.",
            ],
        };
    }

    private static string CallNote(string call) => call == LossSection.CallText(true)
        ? "run to the clean-up call (exercised in the first month the pool is at or below the deal's percentage of the cut-off balance)"
        : "no clean-up call exercised (run to maturity)";

    private static string Cell(BreakevenResult b) => b.Status switch
    {
        BreakevenStatus.NoLossAtMaximum => $">= {Fmt.Num(b.Cdr, "0.##")}",
        BreakevenStatus.LossAtZero => "loss at 0",
        _ => Fmt.Num(b.Cdr, "0.00"),
    };
}
