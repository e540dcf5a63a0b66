using System.Globalization;
using Remic.Collateral;
using Remic.Core;
using Remic.Deals.Model;

namespace Remic.Reports.Book;

/// <summary>
/// The header block of a class's price/yield page, with the fields and names the Intex-produced CM pages print:
/// Balance, Coupon (a floater's first coupon at the assumed index, its formula beside it), Delay, Dated, Settle,
/// First Payment, WAC/NET/WAM/WALA of the class's loan groups, Index, Index Value, Mult, Margin, Cap, Floor, and the
/// pricing speed.
/// </summary>
public static class PriceHeader
{
    public static IReadOnlyList<BookLine> Of(Deal deal, ClassSpec c, DateOnly settle, IReadOnlyDictionary<string, MonthlyVector> indices, Speed pricing)
    {
        var inv = CultureInfo.InvariantCulture;
        var md = deal.Metadata;
        var balance = (double)c.OriginalBalance;
        if (balance == 0 && c.Notional is ClassNotional cn)
            balance = (double)cn.Factor * cn.Classes.Sum(n => (double)deal.Classes[deal.ClassIndex(n)].OriginalBalance);
        var loans = deal.Groups.Where(g => c.Groups.Contains(g.Name)).SelectMany(g => g.Loans).ToList();
        if (loans.Count == 0) loans = deal.Groups.SelectMany(g => g.Loans).ToList();
        var total = loans.Sum(l => l.Balance);
        double W(Func<Loan, double> v) => total > 0 ? loans.Sum(l => l.Balance * v(l)) / total : 0;
        var lines = new List<BookLine>
        {
            new("Balance", Fmt.Money(balance) + (c.IsNotional ? " (notional)" : "")),
            new("Coupon", Coupon(c.Coupon, indices)),
            new("Delay", c.DelayDays.ToString(inv)),
            new("Dated", Fmt.Date(c.DelayDays > 0 ? md.CutoffDate : md.ClosingDate)),
            new("Settle", Fmt.Date(settle)),
            new("First Payment", Fmt.Date(md.FirstDistributionDate)),
            new("WAC", Fmt.Num(W(l => l.GrossRate) * 100, "0.000###")),
            new("NET", Fmt.Num(W(l => l.NetRate) * 100, "0.000###")),
            new("WAM", Fmt.Num(W(l => l.RemainingTerm), "0")),
            new("WALA", Fmt.Num(W(l => l.Age), "0")),
            new("Day Count", Fmt.DayCountText(c.DayCount)),
            new("Pricing Speed", pricing.Text),
        };
        if (c.Coupon is FormulaCoupon f)
        {
            lines.Add(new("Formula", DealBook.CouponText(f)));
            lines.Add(new("Index", f.Index));
            lines.Add(new("Index Value", indices.TryGetValue(f.Index, out var v) ? Fmt.Num(v.At(1) * 100, "0.000###") + (v.IsFlat ? "" : " (vector)") : "n/a"));
            lines.Add(new("Mult", Fmt.Num((double)f.Multiplier, "0.0###")));
            lines.Add(new("Margin", Fmt.Num((double)f.Margin, "0.000###")));
            lines.Add(new("Cap", f.Cap is { } cap ? Fmt.Num((double)cap, "0.000###") : "none"));
            lines.Add(new("Floor", f.Floor is { } fl ? Fmt.Num((double)fl, "0.000###") : "none"));
        }
        if (deal.CleanUpCall is { } call)
            lines.Add(new("Clean-up Call", $"{Fmt.Num((double)call.PercentOfCutoff, "0.##")}% of cut-off balance"));
        return lines;
    }

    /// <summary>The coupon as the page prints it: a fixed rate, or a formula's first coupon at the assumed index level.</summary>
    public static string Coupon(CouponSpec spec, IReadOnlyDictionary<string, MonthlyVector> indices) => spec switch
    {
        FixedCoupon x => Fmt.Num((double)x.Rate, "0.000###"),
        FormulaCoupon f when indices.TryGetValue(f.Index, out var v) => Fmt.Num(First(f, v.At(1) * 100), "0.000###"),
        _ => DealBook.CouponText(spec),
    };

    /// <summary>index × mult + margin, kept within [floor, cap] (percent); a net WAC cap is not applied here.</summary>
    public static double First(FormulaCoupon f, double indexPercent)
    {
        var r = indexPercent * (double)f.Multiplier + (double)f.Margin;
        if (f.Cap is { } cap) r = Math.Min(r, (double)cap);
        if (f.Floor is { } fl) r = Math.Max(r, (double)fl);
        return r;
    }
}
