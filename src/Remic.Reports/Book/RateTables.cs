using Remic.Analytics;

namespace Remic.Reports.Book;

/// <summary>Rate sensitivity of the offered classes whose cash flows do not depend on an index (fixed coupons): the price when
/// the yield moves from the yield at the reference price (speed held). Index-linked classes: <see cref="IndexSensitivity"/>.</summary>
internal static class RateTables
{
    public static readonly int[] ShiftsBp = [-200, -100, -50, 0, 50, 100, 200];

    public static Table Build(IReadOnlyList<(string Class, Price32 Reference, SettledFlows Flows)> classes, string speed)
    {
        var baseYields = classes.Select(c => BondAnalytics.Yield(c.Flows, c.Reference.ToDouble())).ToArray();
        var rows = ShiftsBp.Select(bp => (IReadOnlyList<string>)
        [
            (bp > 0 ? "+" : "") + bp,
            .. classes.Select((c, i) => Fmt.Num(BondAnalytics.Price(c.Flows, baseYields[i] + bp / 10_000.0), "0.000")),
        ]).ToList();
        return new Table("Rate Sensitivity: Price by Yield Shift", ["Yield shift (bp)", .. classes.Select(c => $"{c.Class} ({c.Reference})")], rows)
        {
            Notes = [$"Clean price (% of face) when the bond-equivalent yield moves from the yield at the reference price; cash flows at {speed} (speed held).",
                     "Floaters, inverse floaters and inverse IOs are not here: their cash flows move with the index, see their own tables (re-projected per index level)."],
        };
    }
}
