using Remic.Collateral;

namespace Remic.Analytics.Strats;

/// <summary>
/// One row of a strat table. Weighted averages are balance-weighted; FICO and LTV average only over
/// loans that report them (null when none does). Rates are percent, terms months, LTV percent.
/// </summary>
public sealed record StratRow(string Label, double Count, double Balance, double PercentOfPool,
    double WaRate, double WaRemainingTerm, double? WaFico, double? WaLtv);

public sealed record StratTable(string Title, IReadOnlyList<StratRow> Rows, StratRow Total);

public sealed record ValueRange(double Min, double Max);

/// <summary>The summary block of the collateral description. Rates percent, terms months, LTV percent.</summary>
public sealed record PoolSummary(double Count, double Balance, double AverageBalance, double Wac, double NetWac,
    double Wam, double Wala, double WaOriginalTerm, double? WaFico, double? WaLtv,
    ValueRange Rate, ValueRange LoanBalance, ValueRange RemainingTerm, ValueRange Age, ValueRange? Fico, ValueRange? Ltv);

public sealed record Strats(PoolSummary Summary, IReadOnlyList<StratTable> Tables);

/// <summary>
/// Collateral stratification tables as Computational Materials print them. Loan counts add each record's
/// <see cref="Loan.LoanCount"/> (a rep line counts as its loans); a rep line's balance bucket is its average
/// loan balance. Original LTV is read in percent (80 = 80%). Loans without an attribute go to "Not Available".
/// </summary>
public static class Stratification
{
    public const string NotAvailable = "Not Available";

    public static Strats Build(IReadOnlyList<Loan> loans, StratBuckets? buckets = null)
    {
        if (loans.Count == 0) throw new ArgumentException("no loans to stratify", nameof(loans));
        var b = buckets ?? StratBuckets.Cwalt;
        var tables = new List<StratTable>
        {
            Numeric("Current Mortgage Rate (%)", loans, b.Rate, l => l.GrossRate * 100),
            Numeric("Current Principal Balance ($)", loans, b.Balance, l => l.Balance / Math.Max(l.LoanCount, 1e-12)),
            Numeric("Original Loan-to-Value Ratio (%)", loans, b.Ltv, l => l.OriginalLtv * 100),
            Numeric("FICO Credit Score", loans, b.Fico, l => l.Fico),
            Categorical("State", loans, l => l.State),
            Categorical("Property Type", loans, l => l.PropertyType),
            Categorical("Occupancy", loans, l => l.Occupancy),
            Categorical("Loan Purpose", loans, l => l.Purpose),
            Categorical("Documentation Type", loans, l => l.Documentation),
            Numeric("Remaining Term to Maturity (months)", loans, b.RemainingTerm, l => l.RemainingTerm),
        };
        return new Strats(Summary(loans), tables);
    }

    public static StratTable Numeric(string title, IReadOnlyList<Loan> loans, NumericBuckets buckets, Func<Loan, double?> value)
    {
        var pool = loans.Sum(l => l.Balance);
        var groups = loans.GroupBy(l => value(l) is { } v ? buckets.IndexOf(v) : int.MaxValue).OrderBy(g => g.Key);
        var rows = groups.Select(g => Row(g.Key == int.MaxValue ? NotAvailable : buckets.Label(g.Key), g.ToList(), pool)).ToList();
        return new StratTable(title, rows, Row("Total", loans, pool));
    }

    /// <summary>Rows by value, largest balance first (ties by name).</summary>
    public static StratTable Categorical(string title, IReadOnlyList<Loan> loans, Func<Loan, string?> value)
    {
        var pool = loans.Sum(l => l.Balance);
        var rows = loans.GroupBy(l => string.IsNullOrWhiteSpace(value(l)) ? NotAvailable : value(l)!.Trim(), StringComparer.OrdinalIgnoreCase)
            .Select(g => Row(g.Key, g.ToList(), pool))
            .OrderByDescending(r => r.Balance).ThenBy(r => r.Label, StringComparer.Ordinal)
            .ToList();
        return new StratTable(title, rows, Row("Total", loans, pool));
    }

    private static StratRow Row(string label, IReadOnlyList<Loan> ls, double pool)
    {
        var bal = ls.Sum(l => l.Balance);
        double Wa(Func<Loan, double> f) => bal == 0 ? 0 : ls.Sum(l => l.Balance * f(l)) / bal;
        return new StratRow(label, ls.Sum(l => l.LoanCount), bal, pool == 0 ? 0 : 100 * bal / pool,
            Wa(l => l.GrossRate * 100), Wa(l => l.RemainingTerm), WaOf(ls, l => l.Fico), WaOf(ls, l => l.OriginalLtv * 100));
    }

    private static double? WaOf(IReadOnlyList<Loan> ls, Func<Loan, double?> f)
    {
        double num = 0, den = 0;
        foreach (var l in ls)
            if (f(l) is { } v) { num += l.Balance * v; den += l.Balance; }
        return den > 0 ? num / den : null;
    }

    private static ValueRange? RangeOf(IReadOnlyList<Loan> ls, Func<Loan, double?> f)
    {
        var vs = ls.Select(f).Where(v => v.HasValue).Select(v => v!.Value).ToList();
        return vs.Count == 0 ? null : new ValueRange(vs.Min(), vs.Max());
    }

    public static PoolSummary Summary(IReadOnlyList<Loan> loans)
    {
        var bal = loans.Sum(l => l.Balance);
        var count = loans.Sum(l => l.LoanCount);
        double Wa(Func<Loan, double> f) => bal == 0 ? 0 : loans.Sum(l => l.Balance * f(l)) / bal;
        return new PoolSummary(count, bal, count == 0 ? 0 : bal / count,
            Wa(l => l.GrossRate * 100), Wa(l => l.NetRate * 100), Wa(l => l.RemainingTerm), Wa(l => l.Age), Wa(l => l.OriginalTerm),
            WaOf(loans, l => l.Fico), WaOf(loans, l => l.OriginalLtv * 100),
            new ValueRange(loans.Min(l => l.GrossRate * 100), loans.Max(l => l.GrossRate * 100)),
            new ValueRange(loans.Min(l => l.Balance / Math.Max(l.LoanCount, 1e-12)), loans.Max(l => l.Balance / Math.Max(l.LoanCount, 1e-12))),
            new ValueRange(loans.Min(l => l.RemainingTerm), loans.Max(l => l.RemainingTerm)),
            new ValueRange(loans.Min(l => l.Age), loans.Max(l => l.Age)),
            RangeOf(loans, l => l.Fico), RangeOf(loans, l => l.OriginalLtv * 100));
    }
}
