namespace Remic.Collateral.Tape;

/// <summary>
/// The credit profile a synthetic strats tape is drawn to: balance-weighted averages and mixes as a prospectus
/// supplement or a rating agency prints them. Percentages are percent of the pool balance.
/// Defaults: CWALT 2004-4CB as Moody's described it on 2004-03-31 (weighted average FICO 695–715 by group, 710 used;
/// weighted average LTV about 76%; reduced or no documentation about 46%); average loan size, state, property,
/// occupancy and purpose mixes are ASSUMED typical 2004 Countrywide Alt-A figures, not from a document.
/// </summary>
public sealed record StratProfile
{
    public double WaFico { get; init; } = 710;
    public double WaLtvPercent { get; init; } = 76;
    public double ReducedDocPercent { get; init; } = 46;
    public double AverageLoanBalance { get; init; } = 180_000;
    /// <summary>No synthetic loan above this balance (e.g. the 2004 conforming limit $333,700 for a "CB" pool); null: no limit.</summary>
    public double? MaxLoanBalance { get; init; }
    public IReadOnlyList<(string Value, double Weight)> States { get; init; } =
    [
        ("CA", 36), ("FL", 8), ("NY", 5), ("NJ", 5), ("VA", 5), ("TX", 4), ("AZ", 4), ("NV", 4), ("WA", 4), ("IL", 4),
        ("MD", 4), ("GA", 3), ("CO", 3), ("MA", 3), ("OR", 2), ("MI", 2), ("NC", 2), ("MN", 2),
    ];
    public IReadOnlyList<(string Value, double Weight)> PropertyTypes { get; init; } = [("SFR", 66), ("PUD", 18), ("CONDO", 9), ("2-4UNIT", 7)];
    public IReadOnlyList<(string Value, double Weight)> Occupancies { get; init; } = [("PRIMARY", 85), ("INVESTOR", 11), ("SECOND_HOME", 4)];
    public IReadOnlyList<(string Value, double Weight)> Purposes { get; init; } = [("PURCHASE", 45), ("CASHOUT_REFI", 35), ("RATE_TERM_REFI", 20)];
}

/// <summary>
/// Expands a deal's rep lines into a SYNTHETIC loan-level tape for the collateral strats: each rep line becomes
/// balance / <see cref="StratProfile.AverageLoanBalance"/> loans (an even number, at least 2) whose balances add up to the
/// rep line's to the cent, with its remaining term, age, original term, fees and IO/balloon terms. Gross rates come in
/// pairs of equal balance at the rep line's rate ± k eighths, so each rep line's (and the pool's) weighted average rate is
/// the rep line's exactly. FICO and LTV are drawn around the profile's weighted averages and shifted to meet them;
/// documentation, state, property, occupancy and purpose are drawn from the profile's mixes. No loan is real. The same
/// rep lines, profile and seed always give the same tape.
/// </summary>
public static class RepLineTape
{
    public static IReadOnlyList<Loan> Synthesize(IReadOnlyList<Loan> repLines, StratProfile? profile = null, int seed = 1)
    {
        var p = profile ?? new StratProfile();
        if (!(p.AverageLoanBalance > 0)) throw new ArgumentOutOfRangeException(nameof(profile), "the average loan balance must be above 0");
        var rng = new Random(seed);
        var loans = new List<Loan>();
        foreach (var line in repLines)
        {
            var pairs = Math.Max(1, (int)Math.Round(line.Balance / p.AverageLoanBalance / 2));
            var weights = Enumerable.Range(0, pairs).Select(_ => Math.Exp(Normal(rng, 0, 0.45))).ToArray();
            var scale = line.Balance / 2 / weights.Sum();
            for (var pass = 0; pass < 8 && p.MaxLoanBalance is { } max; pass++) // cap, then spread the excess over the rest
            {
                for (var j = 0; j < pairs; j++) weights[j] = Math.Min(weights[j], max * 0.999 / scale);
                scale = line.Balance / 2 / weights.Sum();
            }
            var cents = weights.Select(w => Math.Round((decimal)(w * scale), 2)).ToArray();
            var residual = (decimal)Math.Round(line.Balance, 2) - 2 * cents.Sum(); // whole cents, put on the last loan
            for (var j = 0; j < pairs; j++)
            {
                var offset = 0.00125 * Math.Min(4, 1 + (int)Math.Abs(Normal(rng, 0, 1.2)));
                for (var side = 0; side < 2; side++)
                {
                    var bal = cents[j] + (j == pairs - 1 && side == 1 ? residual : 0);
                    loans.Add(line with
                    {
                        Id = $"{line.Id}-{2 * j + side + 1:D4}",
                        Balance = (double)bal,
                        OriginalBalance = Original((double)bal, line),
                        GrossRate = Math.Round(line.GrossRate + (side == 0 ? offset : -offset), 6),
                        LoanCount = 1,
                        Fico = (int)Math.Round(Normal(rng, p.WaFico, 45)),
                        OriginalLtv = Normal(rng, p.WaLtvPercent, 11) / 100,
                        Documentation = rng.NextDouble() * 100 < p.ReducedDocPercent ? (rng.NextDouble() < 0.7 ? "REDUCED" : "NO_RATIO") : "FULL",
                        State = Pick(rng, p.States), PropertyType = Pick(rng, p.PropertyTypes),
                        Occupancy = Pick(rng, p.Occupancies), Purpose = Pick(rng, p.Purposes),
                    });
                }
            }
        }
        return Calibrate(loans, p);
    }

    /// <summary>Shifts FICO and LTV so their balance-weighted averages meet the profile (within rounding), kept in range.</summary>
    private static List<Loan> Calibrate(List<Loan> loans, StratProfile p)
    {
        var total = loans.Sum(l => l.Balance);
        for (var pass = 0; pass < 4; pass++)
        {
            var fico = p.WaFico - loans.Sum(l => l.Balance * l.Fico!.Value) / total;
            var ltv = p.WaLtvPercent / 100 - loans.Sum(l => l.Balance * l.OriginalLtv!.Value) / total;
            for (var i = 0; i < loans.Count; i++)
                loans[i] = loans[i] with
                {
                    Fico = (int)Math.Clamp(Math.Round(loans[i].Fico!.Value + fico), 580, 820),
                    OriginalLtv = Math.Round(Math.Clamp(loans[i].OriginalLtv!.Value + ltv, 0.20, 0.95), 4),
                };
        }
        return loans;
    }

    /// <summary>The level-pay original balance whose balance after <c>Age</c> payments is <paramref name="balance"/>, to the cent.</summary>
    private static double Original(double balance, Loan line)
    {
        var n = line.OriginalTerm > 0 ? line.OriginalTerm : line.RemainingTerm + line.Age;
        var r = line.GrossRate / 12;
        if (line.Age == 0 || r <= 0 || line.IoTerm >= line.Age) return balance;
        var grow = Math.Pow(1 + r, n);
        return Math.Round(balance * (grow - 1) / (grow - Math.Pow(1 + r, line.Age)), 2);
    }

    private static double Normal(Random rng, double mean, double sd) =>
        mean + sd * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    private static string Pick(Random rng, IReadOnlyList<(string Value, double Weight)> table)
    {
        var x = rng.NextDouble() * table.Sum(t => t.Weight);
        foreach (var (v, w) in table) { if (x < w) return v; x -= w; }
        return table[^1].Value;
    }
}
