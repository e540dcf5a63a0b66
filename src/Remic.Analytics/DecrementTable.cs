using System.Globalization;
using Remic.Core;

namespace Remic.Analytics;

/// <summary>One row: a distribution date and the percent of original balance outstanding after it, per speed.</summary>
public sealed record DecrementRow(string Label, DateOnly? Date, IReadOnlyList<double> Percent, IReadOnlyList<string> Cells);

/// <summary>
/// Percent of original class balance outstanding on each anniversary distribution date, one column per
/// speed, with the WAL row below (domain notes). Cells are whole percents (half away from zero), "*" for
/// 0 &lt; x &lt; 0.5%, "0" once the balance is gone (below half a cent).
/// </summary>
public sealed record DecrementTable(IReadOnlyList<string> Speeds, IReadOnlyList<DecrementRow> Rows,
    IReadOnlyList<double> Wal, IReadOnlyList<string> WalCells)
{
    public static string Cell(double percent, double balance) =>
        balance <= PrincipalWindow.Dust ? "0"
        : percent < 0.5 ? "*"
        : Math.Round(percent, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture);

    /// <param name="columns">Speed label and the class's flows at that speed.</param>
    /// <param name="walFrom">Date WAL is measured from (settlement or closing), 30/360.</param>
    /// <param name="anniversaryOf">Month whose anniversaries give the rows (default: the dated date's month,
    /// i.e. the closing/cut-off month); the row's date is that month's distribution date.</param>
    public static DecrementTable Build(IReadOnlyList<(string Speed, BondCashFlows Flows)> columns, DateOnly walFrom, Period? anniversaryOf = null)
    {
        if (columns.Count == 0) throw new ArgumentException("a decrement table needs at least one speed", nameof(columns));
        var start = anniversaryOf ?? Period.Of(columns[0].Flows.DatedDate);
        var payDay = columns[0].Flows.Count > 0 ? columns[0].Flows.Dates[0].Day : 25;
        var rows = new List<DecrementRow>
        {
            new("Initial Percentage", null, columns.Select(_ => 100.0).ToArray(), columns.Select(_ => "100").ToArray()),
        };
        for (var year = 1; year <= 50; year++)
        {
            var p = start.AddMonths(12 * year);
            var pct = new double[columns.Count];
            var cells = new string[columns.Count];
            var allZero = true;
            for (var c = 0; c < columns.Count; c++)
            {
                var f = columns[c].Flows;
                var bal = BalanceAfter(f, p);
                pct[c] = 100 * bal / f.OriginalBalance;
                cells[c] = Cell(pct[c], bal);
                if (bal > PrincipalWindow.Dust) allZero = false;
            }
            var date = p.Day(payDay);
            rows.Add(new DecrementRow(date.ToString("MMMM yyyy", CultureInfo.InvariantCulture), date, pct, cells));
            if (allZero) break;
        }
        var wal = columns.Select(c => BondAnalytics.WalFrom(c.Flows, walFrom)).ToArray();
        return new DecrementTable(columns.Select(c => c.Speed).ToArray(), rows, wal,
            wal.Select(w => w.ToString("0.00", CultureInfo.InvariantCulture)).ToArray());
    }

    /// <summary>Balance after the distribution of month <paramref name="p"/> (the original balance before any).</summary>
    public static double BalanceAfter(BondCashFlows f, Period p)
    {
        var bal = f.Count > 0 ? f.BeginBalance[0] : f.OriginalBalance;
        for (var k = 0; k < f.Count && Period.Of(f.Dates[k]) <= p; k++) bal = f.EndBalance[k];
        return bal;
    }

    /// <summary>Plain-text rendering: one line per row, columns right-aligned.</summary>
    public string ToText()
    {
        var w = Math.Max(8, Speeds.Max(s => s.Length) + 2);
        var sb = new System.Text.StringBuilder();
        sb.Append("Distribution Date".PadRight(24));
        foreach (var s in Speeds) sb.Append(s.PadLeft(w));
        sb.AppendLine();
        foreach (var r in Rows)
        {
            sb.Append(r.Label.PadRight(24));
            foreach (var c in r.Cells) sb.Append(c.PadLeft(w));
            sb.AppendLine();
        }
        sb.Append("Weighted Average Life (years)".PadRight(24)[..24]);
        foreach (var c in WalCells) sb.Append(c.PadLeft(w));
        sb.AppendLine();
        return sb.ToString();
    }
}
