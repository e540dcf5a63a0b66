using System.Globalization;

namespace Remic.Analytics;

/// <summary>
/// The Computational Materials' price/yield grid: one column per speed, one row per price with the
/// bond-equivalent yield in percent (3 decimals), then WAL, modified duration, convexity, principal window and
/// maturity at the <see cref="ReferencePrice"/> (the middle price, as the CMs print them).
/// </summary>
/// <param name="Yields">Yields[row][column]: bond-equivalent yield (annual fraction) at Prices[row] and Speeds[column].</param>
public sealed record PriceYieldTable(
    IReadOnlyList<string> Speeds,
    IReadOnlyList<Price32> Prices,
    IReadOnlyList<IReadOnlyList<double>> Yields,
    Price32 ReferencePrice,
    IReadOnlyList<BondFigures> AtReference)
{
    public static PriceYieldTable Build(IReadOnlyList<(string Speed, BondCashFlows Flows)> columns, IReadOnlyList<Price32> prices, DateOnly settle)
    {
        if (columns.Count == 0 || prices.Count == 0) throw new ArgumentException("a price/yield table needs at least one speed and one price");
        var settled = columns.Select(c => new SettledFlows(c.Flows, settle)).ToArray();
        var yields = prices.Select(p => (IReadOnlyList<double>)settled.Select(f => BondAnalytics.Yield(f, p.ToDouble())).ToArray()).ToArray();
        var reference = prices[prices.Count / 2];
        var figures = settled.Select(f => BondAnalytics.AtPrice(f, reference.ToDouble())).ToArray();
        return new PriceYieldTable(columns.Select(c => c.Speed).ToArray(), prices, yields, reference, figures);
    }

    public string ToText()
    {
        var w = Math.Max(12, Speeds.Max(s => s.Length) + 2);
        var sb = new System.Text.StringBuilder();
        void Line(string label, IEnumerable<string> cells)
        {
            sb.Append(label.PadRight(18));
            foreach (var c in cells) sb.Append(c.PadLeft(w));
            sb.AppendLine();
        }
        string F(double x, string fmt) => x.ToString(fmt, CultureInfo.InvariantCulture);
        Line("Price", Speeds);
        for (var r = 0; r < Prices.Count; r++) Line(Prices[r].ToString(), Yields[r].Select(y => F(y * 100, "0.000")));
        Line("WAL (yr)", AtReference.Select(f => F(f.Wal, "0.00")));
        Line("Mod Duration", AtReference.Select(f => F(f.ModifiedDuration, "0.000")));
        Line("Convexity", AtReference.Select(f => F(f.Convexity, "0.000")));
        Line("Principal Window", AtReference.Select(f => f.Window.Label));
        Line("Maturity (months)", AtReference.Select(f => F(f.MaturityMonths, "0")));
        return sb.ToString();
    }
}
