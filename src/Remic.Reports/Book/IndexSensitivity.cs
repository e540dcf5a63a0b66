using Remic.Analytics;
using Remic.Core;

namespace Remic.Reports.Book;

/// <summary>
/// Rate sensitivity of a class whose coupon resets off an index (floater, inverse floater, inverse IO): its cash flows
/// depend on the index, so they are re-projected per index scenario — the whole deal run again with every index path
/// moved by −300 … +300 bp (floored at 0%) — at each speed of the book, and the class's yield at its reference price
/// (the middle price of its price/yield table) is tabulated: index rows × speed columns, as CWALT CM books show
/// their inverse IOs. Holding the flows and moving the yield (the fixed-rate <see cref="RateTables"/>) would be wrong here.
/// </summary>
internal static class IndexSensitivity
{
    public static readonly int[] ShiftsBp = [-300, -200, -100, 0, 100, 200, 300];

    /// <summary>The scenarios the tables need (the 0 bp row is the price/yield tables' own runs).</summary>
    public static int Scenarios(BookInput input) =>
        input.Classes.Any(c => c.Offered && c.RateIndex is not null) ? (ShiftsBp.Length - 1) * input.Speeds.Count : 0;

    public static IReadOnlyList<BookTable> Build(BookInput input, ScenarioCache cache, IReadOnlyList<(BookClass Class, Price32 Price)> classes)
    {
        if (classes.Count == 0) return [];
        var runs = ShiftsBp.ToDictionary(bp => bp, bp => input.Speeds.Select(s =>
        {
            var req = ScenarioRequest.At(s) with { IndexShiftBp = bp };
            return (Req: req, Result: bp == 0 ? cache.Get(req) : cache.Step(req));
        }).ToList());
        var names = input.Indices.Keys.Order(StringComparer.Ordinal).ToList();
        return classes.Select(x => new BookTable($"rate-sensitivity-{Stems.Of(x.Class.Name)}", Table(input, x.Class, x.Price, runs, names))).ToList();
    }

    private static Table Table(BookInput input, BookClass c, Price32 price, Dictionary<int, List<(ScenarioRequest Req, ScenarioResult Result)>> runs,
        IReadOnlyList<string> names)
    {
        var rows = ShiftsBp.Select(bp => (IReadOnlyList<string>)
        [
            (bp > 0 ? "+" : "") + bp,
            .. names.Select(n => Fmt.Pct(Math.Max(0, input.Indices[n].At(1) + bp / 10_000.0) * 100)),
            .. runs[bp].Select(r => Yield(r.Result.Class(c.Name, r.Req), input.Settlement, price)),
        ]).ToList();
        return new Table($"Class {c.Name}: Yield at {price} by {c.RateIndex} and Prepayment Speed",
            ["Index shift (bp)", .. names.Select(n => $"{n} (%)"), .. input.Speeds.Select(s => s.Text)], rows)
        {
            Notes =
            [
                $"Bond-equivalent yield (%) at {price}{(c.Notional ? " per 100 of notional" : "")}, settlement {Fmt.Date(input.Settlement)}, 0 CDR. "
                    + "Each row re-projects the deal with every index path moved by the shift (floored at 0%), so the class's coupon and cash flows follow the index.",
                "Index levels shown for the first period; 'n/a' where the class pays nothing at that index level.",
            ],
        };
    }

    private static string Yield(BondCashFlows f, DateOnly settle, Price32 price)
    {
        try
        {
            var y = BondAnalytics.Yield(new SettledFlows(f, settle), price.ToDouble());
            return double.IsFinite(y) ? Fmt.Pct(y * 100) : "n/a";
        }
        catch (Exception e) when (e is ArithmeticException or InvalidOperationException or ArgumentException or RemicInputException) { return "n/a"; }
    }
}
