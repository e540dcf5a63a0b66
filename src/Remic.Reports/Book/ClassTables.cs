using Remic.Analytics;

namespace Remic.Reports.Book;

/// <summary>Per-class tables across the speeds: decrement, and the cash flows at the pricing speed (price/yield: <see cref="PriceExhibitTables"/>).</summary>
public static class ClassTables
{
    public static Table Decrement(string title, DecrementTable t, DateOnly walFrom) =>
        new(title, ["Distribution Date", .. t.Speeds],
            [.. t.Rows.Select(r => (IReadOnlyList<string>)[r.Label, .. r.Cells]), ["Weighted Average Life (years)", .. t.WalCells]])
        {
            // Long and exact: the percent outstanding to 4 places (not "*"), the initial row dated at the WAL's start.
            Data = new TidyData(["distribution_date", "speed", "percent_outstanding", "wal_years"],
                [.. from r in t.Rows from c in Enumerable.Range(0, t.Speeds.Count)
                    select (IReadOnlyList<object?>)[r.Date ?? walFrom, t.Speeds[c], Math.Round(r.Percent[c], 4), Math.Round(t.Wal[c], 6)]]),
            Notes =
            [
                "Percent of the original class balance outstanding after each anniversary distribution.",
                $"* indicates more than 0% and less than 0.5%. WAL from {Fmt.Date(walFrom)} (30/360).",
            ],
        };

    /// <summary>Every distribution of the class at one speed, with a total row; a loss column when any principal is written down.</summary>
    public static Table CashFlows(string title, BondCashFlows f, string speed)
    {
        var losses = f.TotalLoss > 0.005;
        var last = f.Count;
        while (last > 0 && f.BeginBalance[last - 1] <= PrincipalWindow.Dust && f.Interest[last - 1] <= PrincipalWindow.Dust) last--;
        var rows = new List<IReadOnlyList<string>>();
        for (var k = 0; k < last; k++)
        {
            var row = new List<string> { Fmt.Num(k + 1, "0"), Fmt.Date(f.Dates[k]), Fmt.Money(f.Principal[k]), Fmt.Money(f.Interest[k]) };
            if (losses) row.Add(Fmt.Money(f.Loss[k]));
            row.Add(Fmt.Money(f.EndBalance[k]));
            rows.Add(row);
        }
        var total = new List<string> { "Total", "", Fmt.Money(f.TotalPrincipal), Fmt.Money(f.TotalInterest) };
        if (losses) total.Add(Fmt.Money(f.TotalLoss));
        total.Add("");
        rows.Add(total);
        return new Table(title, losses ? ["Period", "Date", "Principal", "Interest", "Writedown", "Balance"] : ["Period", "Date", "Principal", "Interest", "Balance"], rows)
        {
            Data = new TidyData(["period", "date", "begin_balance", "principal", "interest", "writedown", "end_balance", "coupon_percent"],
                [.. Enumerable.Range(0, last).Select(k => (IReadOnlyList<object?>)[k + 1, f.Dates[k], Cents(f.BeginBalance[k]), Cents(f.Principal[k]),
                    Cents(f.Interest[k]), Cents(f.Loss[k]), Cents(f.EndBalance[k]), Math.Round(f.Coupon[k] * 100, 8)])]),
            Notes = [$"At {speed}, 0 CDR. Balance after the distribution. Original balance {Fmt.Money(f.OriginalBalance)}."],
        };
    }

    private static decimal Cents(double x) => Remic.Core.Money.ToCents(x);

    /// <summary>A loan group's collateral cash flows by month (the scenario's own projection), with a total row.</summary>
    public static Table CollateralFlows(string title, Remic.Collateral.GroupCashFlows g, string speed)
    {
        var n = g.MonthsToZero();
        var rows = new List<IReadOnlyList<string>>();
        double sp = 0, pp = 0, lp = 0, rl = 0, ni = 0;
        for (var m = 1; m <= n; m++)
        {
            rows.Add([Fmt.Num(m, "0"), Fmt.Money(g.ScheduledPrincipal[m]), Fmt.Money(g.Prepayment[m]), Fmt.Money(g.LiquidationProceeds[m]),
                Fmt.Money(g.RealizedLoss[m]), Fmt.Money(g.NetInterest[m]), Fmt.Money(g.EndBalance[m])]);
            sp += g.ScheduledPrincipal[m]; pp += g.Prepayment[m]; lp += g.LiquidationProceeds[m]; rl += g.RealizedLoss[m]; ni += g.NetInterest[m];
        }
        rows.Add(["Total", Fmt.Money(sp), Fmt.Money(pp), Fmt.Money(lp), Fmt.Money(rl), Fmt.Money(ni), ""]);
        return new Table(title, ["Month", "Scheduled Principal", "Prepayments", "Liquidation Proceeds", "Realized Loss", "Net Interest", "Ending Balance"], rows)
        {
            Data = new TidyData(["month", "scheduled_principal", "prepayments", "liquidation_proceeds", "realized_loss", "net_interest", "end_balance"],
                [.. Enumerable.Range(1, n).Select(m => (IReadOnlyList<object?>)[m, Cents(g.ScheduledPrincipal[m]), Cents(g.Prepayment[m]),
                    Cents(g.LiquidationProceeds[m]), Cents(g.RealizedLoss[m]), Cents(g.NetInterest[m]), Cents(g.EndBalance[m])])]),
            Notes = [$"At {speed}, 0 CDR. Month 1 is the first month after the cut-off; cut-off balance {Fmt.Money(g.EndBalance[0])}."],
        };
    }
}
