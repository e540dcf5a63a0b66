using Remic.Analytics;
using Remic.Core;
using Remic.Deals.Model;

namespace Remic.Reports.Book;

/// <summary>One class's price/yield grid from a deal's waterfall, with the discount margin row of a floater.</summary>
/// <param name="DiscountMarginBp">A floater's DM (bp) at the middle price per speed; null otherwise.</param>
public sealed record DealPriceTable(string Title, BookClass Class, PriceYieldTable Table, IReadOnlyList<double>? DiscountMarginBp, DateOnly Settlement)
{
    public Table Render() => ClassTables.PriceYield(Title, Table, Settlement, DiscountMarginBp);
}

/// <summary><c>remic price deal.yaml --class NAME</c>: the deal is run once per speed (0 CDR) and the class priced.</summary>
public static class DealPricing
{
    /// <param name="prices">Prices; null: the book's grid for the class (par-centred, or centred near 6% for a PO/IO).</param>
    public static DealPriceTable Table(Deal deal, DealBookTerms terms, string className, IReadOnlyList<Price32>? prices)
    {
        var input = DealBook.Input(deal, terms with { Prices = prices });
        var name = NameMatch.Resolve(className, input.Classes.Select(x => x.Name).ToList(), "--class", "a class of the deal");
        var c = input.Classes.First(x => x.Name == name);
        var columns = input.Speeds.Select(s =>
        {
            var req = ScenarioRequest.At(s);
            return (s.Text, input.Run(req).Class(c.Name, req));
        }).ToList();
        var table = PriceYieldTable.Build(columns, input.PricesFor(c.Name), input.Settlement);
        var dm = c.DiscountMarginIndex is { } index
            ? columns.Select(x => DiscountMargin.Solve(x.Item2, input.Settlement, table.ReferencePrice.ToDouble(), index)).ToArray()
            : null;
        var title = $"{deal.Metadata.TrustName}: Class {c.Name} ({c.Type}, {c.Coupon}{(c.Notional ? ", notional" : "")})";
        return new DealPriceTable(title, c, table, dm, input.Settlement);
    }
}
