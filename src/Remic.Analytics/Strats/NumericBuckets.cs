using System.Globalization;

namespace Remic.Analytics.Strats;

/// <summary>
/// Ranges for a numeric strat: row k holds values in (edge[k−1], edge[k]]; the first row is "edge[0] or less"
/// and a last row "above edge[n−1]". Labels show the lower end as the previous edge plus <see cref="Step"/>
/// (the printed resolution), the way Computational Materials do: "50,000.01 - 100,000.00", "620 - 639".
/// </summary>
public sealed record NumericBuckets(IReadOnlyList<double> UpperEdges, double Step, string Format)
{
    public int IndexOf(double value)
    {
        for (var k = 0; k < UpperEdges.Count; k++)
            if (value <= UpperEdges[k] + 1e-9) return k;
        return UpperEdges.Count;
    }

    public string Label(int k)
    {
        string F(double x) => x.ToString(Format, CultureInfo.InvariantCulture);
        if (k == 0) return $"{F(UpperEdges[0])} or less";
        if (k == UpperEdges.Count) return $"{F(UpperEdges[^1] + Step)} or more";
        return $"{F(UpperEdges[k - 1] + Step)} - {F(UpperEdges[k])}";
    }

    public static NumericBuckets Steps(double first, double last, double width, double step, string format)
    {
        var edges = new List<double>();
        for (var x = first; x <= last + 1e-9; x += width) edges.Add(Math.Round(x, 6));
        return new NumericBuckets(edges, step, format);
    }
}

/// <summary>
/// Bucket edges for each numeric table, defaulting to the layout of the CWALT Computational Materials
/// (rates in quarter points, balances in 50,000s to 500,000 then 100,000s to 1,000,000, LTV in fives from 50
/// to 100, FICO in twenties from 620 to 800, remaining term in 60-month steps from 120 to 360). Override any.
/// </summary>
public sealed record StratBuckets
{
    /// <summary>Current gross rate, percent.</summary>
    public NumericBuckets Rate { get; init; } = NumericBuckets.Steps(4.75, 8.0, 0.25, 0.001, "0.000");
    /// <summary>Current balance per loan (a rep line's balance / its loan count).</summary>
    public NumericBuckets Balance { get; init; } = new(
        [50_000, 100_000, 150_000, 200_000, 250_000, 300_000, 350_000, 400_000, 450_000, 500_000,
         600_000, 700_000, 800_000, 900_000, 1_000_000], 0.01, "#,##0.00");
    /// <summary>Original loan-to-value ratio, percent.</summary>
    public NumericBuckets Ltv { get; init; } = NumericBuckets.Steps(50, 100, 5, 0.01, "0.00");
    public NumericBuckets Fico { get; init; } = new([619, 639, 659, 679, 699, 719, 739, 759, 779, 799], 1, "0");
    /// <summary>Remaining term, months.</summary>
    public NumericBuckets RemainingTerm { get; init; } = new([120, 180, 240, 300, 360], 1, "0");

    public static readonly StratBuckets Cwalt = new();
}
