using System.Globalization;
using Remic.Analytics;

namespace Remic.Reports.Book;

/// <summary>
/// A <see cref="PriceExhibit"/> as the Intex-produced CM page lays it out: the header block, then per price its yield
/// (and DM, I-spread, Z-spread rows when asked for), prices solved from yields or spreads, and the figures at the
/// reference price. Its <see cref="Table.Data"/> is the long, tidy form: one row per quote and scenario.
/// </summary>
public static class PriceExhibitTables
{
    public static Table Render(string title, IReadOnlyList<BookLine> header, PriceExhibit x, string className)
    {
        var measures = x.HasDiscountMargin || x.Curve is not null || x.Solved.Count > 0;
        var rows = new List<IReadOnlyList<string>>();
        void Add(string first, string measure, IEnumerable<string> cells) =>
            rows.Add(measures ? [first, measure, .. cells] : [first, .. cells]);
        foreach (var r in x.Rows)
        {
            Add(r.Price.ToString(), "Yield", r.Yield.Select(y => Fmt.Pct(y * 100)));
            if (r.DiscountMarginBp is { } dm) Add("", "DM (bp)", dm.Select(Bp));
            if (r.ISpreadBp is { } i) Add("", "I-Spread (bp)", i.Select(Bp));
            if (r.ZSpreadBp is { } z) Add("", "Z-Spread (bp)", z.Select(Bp));
        }
        foreach (var s in x.Solved)
        {
            Add(s.QuoteLabel, "Price", s.Price.Select(Price32Text));
            if (s.Kind != QuoteKind.Yield) Add("", "Yield", s.Yield.Select(y => Fmt.Pct(y * 100)));
        }
        var f = x.AtReference;
        Add("WAL (yr)", "", f.Select(v => Fmt.Num(v.Wal, "0.00")));
        Add("Mod Duration", "", f.Select(v => Fmt.Num(v.ModifiedDuration, "0.000")));
        Add("Convexity", "", f.Select(v => Fmt.Num(v.Convexity, "0.000")));
        Add("Principal Window", "", f.Select(v => v.Window.Label));
        Add("Maturity (months)", "", f.Select(v => Fmt.Num(v.MaturityMonths, "0")));
        var labels = x.Scenarios.Select(s => s.Label).ToList();
        return new Table(title, measures ? ["Price", "", .. labels] : ["Price", .. labels], rows)
        {
            Alignment = measures ? [Align.Left, Align.Left, .. labels.Select(_ => Align.Right)] : null,
            Preamble = Block(header),
            Notes = Notes(x),
            Data = Data(x, className),
        };
    }

    private static string Bp(double bp) => Fmt.Num(bp, "0");

    /// <summary>A solved price in 32nds to the nearest 1/256 ("99-16+", "99-163").</summary>
    public static string Price32Text(double price) =>
        price > 0 ? new Price32(Math.Round((decimal)price * 256) / 256).ToString() : Fmt.Num(price, "0.0000");

    /// <summary>The header block, three "Label  value" pairs a line, aligned like the Intex page; long values (a coupon
    /// formula, the curve) on lines of their own below.</summary>
    public static IReadOnlyList<string> Block(IReadOnlyList<BookLine> header)
    {
        if (header.Count == 0) return [];
        const int Long = 24;
        var grid = header.Where(h => h.Value.Length <= Long).ToList();
        var lw = header.Max(h => h.Label.Length);
        var vw = grid.Count == 0 ? 0 : grid.Max(h => h.Value.Length);
        var lines = new List<string>();
        for (var k = 0; k < grid.Count; k += 3)
            lines.Add(string.Join("   ", grid.Skip(k).Take(3).Select(h => h.Label.PadRight(lw) + "  " + h.Value.PadRight(vw))).TrimEnd());
        lines.AddRange(header.Where(h => h.Value.Length > Long).Select(h => h.Label.PadRight(lw) + "  " + h.Value));
        return lines;
    }

    private static IReadOnlyList<string> Notes(PriceExhibit x)
    {
        var notes = new List<string>
        {
            $"Yields (%) are bond-equivalent cash-flow yields, settlement {Fmt.Date(x.AtReference[0].Settle)}, 30/360; prices are clean (32nds), accrued interest added at settlement.",
            $"WAL, modified duration, convexity, window and maturity at {x.ReferencePrice}.",
        };
        if (x.HasDiscountMargin)
            notes.Add("DM: the spread over the projected index path (index + DM per accrual period from settlement) that discounts the flows to each price.");
        if (x.Curve is { } c)
            notes.Add($"Treasury curve {c.Source}: I-spread = yield − par yield at the WAL (par yields linear in tenor); Z-spread over the zero curve " +
                      "bootstrapped from it on a half-year grid (zero rates linear in time, semi-annual compounding, the yield's own).");
        if (x.Scenarios.Any(s => s.ToCall))
            notes.Add("Call columns: the clean-up call is exercised on the first distribution date it may be (the deal file's clean_up_call percentage of the cut-off balance).");
        return notes;
    }

    private static TidyData Data(PriceExhibit x, string className)
    {
        string[] columns =
        [
            "class", "scenario", "to_call", "quoted_in", "quote", "price", "price_32nds", "yield_percent", "dm_bp", "i_spread_bp", "z_spread_bp",
            "wal_years", "mod_duration", "convexity", "window_first", "window_last", "maturity_months",
        ];
        var rows = new List<IReadOnlyList<object?>>();
        void Add(int c, string quotedIn, double quote, double price, BondFigures f, double? dm, double? i, double? z) => rows.Add(
        [
            className, x.Scenarios[c].Label, x.Scenarios[c].ToCall, quotedIn, Math.Round(quote, 8), Math.Round(price, 8), Price32Text(price),
            Math.Round(f.Yield * 100, 6), R(dm), R(i), R(z), Math.Round(f.Wal, 6), Math.Round(f.ModifiedDuration, 6), Math.Round(f.Convexity, 6),
            f.Window.First, f.Window.Last, f.MaturityMonths,
        ]);
        foreach (var r in x.Rows)
            for (var c = 0; c < x.Scenarios.Count; c++)
                Add(c, "price", r.Price.ToDouble(), r.Price.ToDouble(), r.Figures[c], r.DiscountMarginBp?[c], r.ISpreadBp?[c], r.ZSpreadBp?[c]);
        foreach (var s in x.Solved)
            for (var c = 0; c < x.Scenarios.Count; c++)
            {
                var quote = s.Kind == QuoteKind.Yield ? s.Quote * 100 : s.Quote;
                Add(c, QuotedIn(s.Kind), quote, s.Price[c], s.Figures[c], s.Kind == QuoteKind.DiscountMargin ? s.Quote : null,
                    s.Kind == QuoteKind.ISpread ? s.Quote : null, s.Kind == QuoteKind.ZSpread ? s.Quote : null);
            }
        return new TidyData(columns, rows);
    }

    private static double? R(double? bp) => bp is { } v ? Math.Round(v, 4) : null;

    public static string QuotedIn(QuoteKind k) => k switch
    {
        QuoteKind.Yield => "yield_percent", QuoteKind.ISpread => "i_spread_bp", QuoteKind.ZSpread => "z_spread_bp", _ => "dm_bp",
    };

    /// <summary>Header lines of a class priced off a loan group (tape pricing): balance, coupon, dates, WAC/NET/WAM/WALA.</summary>
    public static IReadOnlyList<BookLine> GroupHeader(double balance, string coupon, int delay, DateOnly dated, DateOnly settle, DateOnly firstPayment,
        IReadOnlyList<Remic.Collateral.Loan> loans, string pricingSpeed)
    {
        var inv = CultureInfo.InvariantCulture;
        var total = loans.Sum(l => l.Balance);
        double W(Func<Remic.Collateral.Loan, double> v) => total > 0 ? loans.Sum(l => l.Balance * v(l)) / total : 0;
        return
        [
            new("Balance", Fmt.Money(balance)), new("Coupon", coupon), new("Delay", delay.ToString(inv)),
            new("Dated", Fmt.Date(dated)), new("Settle", Fmt.Date(settle)), new("First Payment", Fmt.Date(firstPayment)),
            new("WAC", Fmt.Pct(W(l => l.GrossRate) * 100)), new("NET", Fmt.Pct(W(l => l.NetRate) * 100)), new("WAM", Fmt.Num(W(l => l.RemainingTerm), "0")),
            new("WALA", Fmt.Num(W(l => l.Age), "0")), new("Pricing Speed", pricingSpeed),
        ];
    }
}
