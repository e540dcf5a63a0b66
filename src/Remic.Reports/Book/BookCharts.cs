using System.Globalization;
using System.Text.RegularExpressions;
using Remic.Analytics;
using Remic.Collateral;

namespace Remic.Reports.Book;

/// <summary>The chart specifications of the book (data only; <see cref="BookWriter"/> renders them).</summary>
internal static partial class BookCharts
{
    public static BookChart Paydown(string className, IReadOnlyList<(string Speed, BondCashFlows Flows)> columns) =>
        new($"paydown-{Stems.Of(className)}", $"Class {className}: balance paydown by speed", "Months after the cut-off", "Balance (% of original)",
            columns.Select(c =>
            {
                var x = new List<double> { 0 };
                var y = new List<double> { 100 };
                for (var k = 0; k < c.Flows.Count; k++) { x.Add(k + 1); y.Add(100 * c.Flows.EndBalance[k] / c.Flows.OriginalBalance); }
                return new Series(c.Speed, x, y);
            }).ToList());

    public static BookChart WalVsSpeed(IReadOnlyList<Speed> speeds, IReadOnlyList<(string Class, IReadOnlyList<double> Wal)> classes)
    {
        var (x, label) = Axis(speeds);
        return new("wal-vs-speed", "WAL vs prepayment speed", label, "WAL (years)", classes.Select(c => new Series(c.Class, x, c.Wal)).ToList());
    }

    public static BookChart YieldVsPrice(string className, PriceYieldTable t) =>
        new($"yield-vs-price-{Stems.Of(className)}", $"Class {className}: yield vs price", "Price (% of face)", "Yield (%, bond-equivalent)",
            t.Speeds.Select((s, c) => new Series(s, t.Prices.Select(p => p.ToDouble()).ToArray(), t.Yields.Select(row => row[c] * 100).ToArray())).ToList());

    public static BookChart WritedownVsCdr(double severity, IReadOnlyList<double> cdrs, IReadOnlyList<(string Class, IReadOnlyList<double> Writedown)> classes) =>
        new($"writedown-vs-cdr-sev{Fmt.Num(severity, "0.##").Replace('.', '_')}", $"Writedown vs CDR, severity {Fmt.Num(severity, "0.##")}%", "CDR (%)",
            "Writedown (% of original balance)", classes.Select(c => new Series(c.Class, cdrs, c.Writedown)).ToList());

    /// <summary>Breakeven CDR per class (bars), one bar per severity.</summary>
    public static BookChart Breakeven(IReadOnlyList<double> severities, IReadOnlyList<(string Class, IReadOnlyList<BreakevenResult> BySeverity)> rows) =>
        new("breakeven-cdr", "Breakeven CDR by class", "Class", "CDR (%)",
            severities.Select((sev, s) => new Series($"severity {Fmt.Num(sev, "0.##")}%",
                rows.Select((_, c) => (double)c).ToArray(), rows.Select(r => r.BySeverity[s].Cdr).ToArray())).ToList(),
            rows.Select(r => r.Class).ToList());

    [GeneratedRegex(@"^\s*(?<v>\d+(?:\.\d+)?)\s*%?\s*(?<u>[A-Za-z]+)\s*$")]
    private static partial Regex Single();

    /// <summary>Speeds as numbers when each is one value of the same unit ("100 PPC"), else their order.</summary>
    private static (IReadOnlyList<double> X, string Label) Axis(IReadOnlyList<Speed> speeds)
    {
        var m = speeds.Select(s => Single().Match(s.Text)).ToList();
        if (m.All(x => x.Success) && m.Select(x => x.Groups["u"].Value.ToUpperInvariant()).Distinct().Count() == 1)
            return (m.Select(x => double.Parse(x.Groups["v"].Value, CultureInfo.InvariantCulture)).ToArray(), m[0].Groups["u"].Value.ToUpperInvariant());
        return (speeds.Select((_, i) => (double)i + 1).ToArray(), "Scenario (" + string.Join(", ", speeds.Select(s => s.Text)) + ")");
    }
}
