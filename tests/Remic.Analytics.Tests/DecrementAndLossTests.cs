using Remic.Analytics;
using Remic.Core;

namespace Remic.Analytics.Tests;

public class DecrementAndLossTests
{
    private static readonly DateOnly Dated = new(2005, 1, 1), First = new(2005, 2, 25);

    /// <summary>1,000 original; principal only in the named months (1 = Feb 2005).</summary>
    private static BondCashFlows Paying(params (int Month, double Amount)[] payments)
    {
        var n = payments.Max(p => p.Month);
        var principal = new double[n];
        foreach (var (m, a) in payments) principal[m - 1] += a;
        return BondCashFlows.FixedRate(1_000, 0.05, principal, null, First, Dated);
    }

    [Theory]
    [InlineData(0.0, 0.0, "0")]
    [InlineData(0.001, 0.01, "*")]   // a cent left of 1,000
    [InlineData(0.499, 4.99, "*")]
    [InlineData(0.5, 5, "1")]
    [InlineData(99.5, 995, "100")]
    [InlineData(42.49, 424.9, "42")]
    public void Cells_round_to_whole_percent_with_a_star_below_half(double percent, double balance, string cell) =>
        Assert.Equal(cell, DecrementTable.Cell(percent, balance));

    [Fact]
    public void Table_rows_are_the_anniversary_distribution_dates()
    {
        // Column A: 4 paid in Jan06 (month 12) → 99.6% → "100"; 991 in Jan07 → 0.5% → "1";
        // 0.01 in Jan08 → 0.499% → "*"; the rest in Jan09 → "0". Column B pays everything in month 1.
        var a = Paying((12, 4), (24, 991), (36, 0.01), (48, 4.99));
        var b = Paying((1, 1_000));
        var t = DecrementTable.Build([("0 PPC", a), ("500 PPC", b)], new DateOnly(2005, 1, 1));

        Assert.Equal(["Initial Percentage", "January 2006", "January 2007", "January 2008", "January 2009"], t.Rows.Select(r => r.Label));
        Assert.Equal(new DateOnly(2006, 1, 25), t.Rows[1].Date);
        Assert.Equal(["100", "100"], t.Rows[0].Cells);
        Assert.Equal(["100", "0"], t.Rows[1].Cells);
        Assert.Equal(["1", "0"], t.Rows[2].Cells);
        Assert.Equal(["*", "0"], t.Rows[3].Cells);
        Assert.Equal(["0", "0"], t.Rows[4].Cells);
        // WAL from 2005-01-01 on 30/360: month m's distribution is at (m·30 + 24)/360 years.
        double Years(int m) => (m * 30 + 24) / 360.0;
        var walA = (4 * Years(12) + 991 * Years(24) + 0.01 * Years(36) + 4.99 * Years(48)) / 1_000;
        Assert.Equal(walA, t.Wal[0], 12);
        Assert.Equal(Years(1), t.Wal[1], 12);
        Assert.Equal(["2.07", "0.15"], t.WalCells);      // 2072.6 / 1000 and 54/360
        Assert.Contains("January 2008", t.ToText());
    }

    [Fact]
    public void Writedown_percent_is_losses_over_original_balance()
    {
        var principal = new double[] { 500, 300 };
        var f = BondCashFlows.FixedRate(1_000, 0.05, principal, [0, 200], First, Dated);
        Assert.Equal(20.0, LossSensitivity.WritedownPercent(f), 12);
    }

    [Fact]
    public void Breakeven_finds_the_largest_loss_free_CDR_to_a_hundredth()
    {
        // Synthetic monotone writedown: zero up to 7.234 CDR, then rising steeply.
        var r = LossSensitivity.BreakevenCdr(cdr => Math.Max(0, cdr - 7.234) * 1e6);
        Assert.Equal(BreakevenStatus.Found, r.Status);
        Assert.Equal(7.23, r.Cdr, 12);
        Assert.Equal(0.006 * 1e6, r.WritedownAbove!.Value, 3);      // at 7.24
        Assert.InRange(r.Evaluations, 2, 16);                       // bisection over 10,000 grid steps
    }

    [Fact]
    public void Breakeven_treats_less_than_half_a_cent_as_no_loss_and_reports_the_edges()
    {
        Assert.Equal(5.0, LossSensitivity.BreakevenCdr(cdr => cdr > 5 ? 1 : 0.004).Cdr, 12);
        Assert.Equal(BreakevenStatus.LossAtZero, LossSensitivity.BreakevenCdr(_ => 10).Status);
        var none = LossSensitivity.BreakevenCdr(_ => 0, maxCdr: 50);
        Assert.Equal((50.0, BreakevenStatus.NoLossAtMaximum), (none.Cdr, none.Status));
    }
}
