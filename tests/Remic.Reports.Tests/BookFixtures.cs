using Remic.Analytics;
using Remic.Collateral;
using Remic.Core;
using Remic.Reports.Book;

namespace Remic.Reports.Tests;

/// <summary>Inputs shared by the book tests, and an independent level-pay schedule to check them against.</summary>
internal static class BookFixtures
{
    /// <summary>One new loan: $1,000,000 at 6.25% gross, 0.25% servicing (net 6%), 360 months.</summary>
    public static readonly Loan SingleLoan = new()
    {
        Id = "x1", Group = "1", Balance = 1_000_000, OriginalBalance = 1_000_000, GrossRate = 0.0625, ServicingFee = 0.0025,
        OriginalTerm = 360, RemainingTerm = 360, Age = 0, Fico = 720, OriginalLtv = 0.8, State = "CA",
    };

    public static IReadOnlyList<Speed> Speeds(params string[] texts) => texts.Select(t => Speed.Prepay(t)).ToArray();

    public static readonly LossGrid SmallLoss = new([0, 2, 5], [40], Lag: 6);

    /// <summary>Balance after k level payments: B·((1+r)^n − (1+r)^k) / ((1+r)^n − 1).</summary>
    public static double LevelPayBalance(double b, double annualRate, int n, int k)
    {
        var r = annualRate / 12;
        return b * (Math.Pow(1 + r, n) - Math.Pow(1 + r, k)) / (Math.Pow(1 + r, n) - 1);
    }

    /// <summary>
    /// Bond-equivalent yield of the single loan's pass-through at 0 CPR, found by bisection on the monthly rate:
    /// dirty = Σ CF_k (1+i)^(−t_k), with t_1 = <paramref name="firstMonths"/> and one month between flows.
    /// </summary>
    public static double HandYield(double price, double net, double accruedDays, double firstMonths)
    {
        const double b0 = 1_000_000;
        var dirty = price / 100 * b0 + b0 * net * accruedDays / 360;
        var cash = new double[360];
        for (var k = 1; k <= 360; k++)
        {
            var begin = LevelPayBalance(b0, 0.0625, 360, k - 1);
            cash[k - 1] = begin - LevelPayBalance(b0, 0.0625, 360, k) + begin * net / 12;
        }
        double Pv(double i) { double s = 0; for (var k = 0; k < 360; k++) s += cash[k] * Math.Pow(1 + i, -(firstMonths + k)); return s; }
        double lo = -0.01, hi = 0.05;
        for (var it = 0; it < 200; it++) { var mid = (lo + hi) / 2; if (Pv(mid) > dirty) lo = mid; else hi = mid; }
        var m = (lo + hi) / 2;
        return 2 * (Math.Pow(1 + m, 6) - 1);
    }

    public static Table Table(CmBook book, string stem) => book.Tables.Single(t => t.Stem == stem).Table;

    public static string Cell(Table t, string rowLabel, string column) =>
        t.Rows.Single(r => r[0] == rowLabel)[t.Header.ToList().IndexOf(column)];

    public static string TempDir() => Path.Combine(Path.GetTempPath(), $"remic-book-{Guid.NewGuid():N}");
}
