using Remic.Analytics;
using Remic.Core;
using Remic.Deals.Model;

namespace Remic.Reports.Book;

/// <summary>One class's price exhibit from a deal's waterfall: header block, the grid and its figures.</summary>
public sealed record DealPriceTable(string Title, BookClass Class, PriceExhibit Exhibit, IReadOnlyList<BookLine> Header, DateOnly Settlement, string PricingSpeed)
{
    /// <summary>The plain price/yield grid (yield per price and scenario, figures at the reference price).</summary>
    public PriceYieldTable Table => Exhibit.ToPriceYieldTable(withCall: true);

    /// <summary>A floater's DM (bp) at the reference price per scenario; null for other classes.</summary>
    public IReadOnlyList<double>? DiscountMarginBp =>
        Exhibit.Rows.FirstOrDefault(r => r.Price == Exhibit.ReferencePrice)?.DiscountMarginBp;

    public Table Render() => PriceExhibitTables.Render(Title, Header, Exhibit, Class.Name);
}

/// <summary>What <c>remic price</c> asks of a class besides the deal's own terms.</summary>
public sealed record ClassPriceOptions
{
    /// <summary>Null: the book's grid for the class (par-centred, or centred near 6% for a PO/IO).</summary>
    public IReadOnlyList<Price32>? Prices { get; init; }
    /// <summary>Bond-equivalent yields (annual fractions) to solve prices for.</summary>
    public IReadOnlyList<double> Yields { get; init; } = [];
    public IReadOnlyList<double> SpreadsBp { get; init; } = [];
    public QuoteKind SpreadKind { get; init; } = QuoteKind.ISpread;
    public TreasuryCurve? Curve { get; init; }
    /// <summary>Add a to-call column per speed; null: when the deal has a clean-up call.</summary>
    public bool? ToCall { get; init; }
}

/// <summary><c>remic price deal.yaml --class NAME</c>: the deal is run once per speed (0 CDR, and to the call) and the class priced.</summary>
public static class DealPricing
{
    public static DealPriceTable Table(Deal deal, DealBookTerms terms, string className, IReadOnlyList<Price32>? prices) =>
        Table(deal, terms, className, new ClassPriceOptions { Prices = prices });

    public static DealPriceTable Table(Deal deal, DealBookTerms terms, string className, ClassPriceOptions options)
    {
        var input = DealBook.Input(deal, terms with { Prices = options.Prices });
        var name = NameMatch.Resolve(className, input.Classes.Select(x => x.Name).ToList(), "--class", "a class of the deal");
        var c = input.Classes.First(x => x.Name == name);
        var toCall = options.ToCall ?? input.RunToCall is not null;
        if (toCall && input.RunToCall is null)
            throw new RemicInputException("--call", 0, "", "", "a deal with a clean-up call (clean_up_call in the deal file)");
        var exhibit = PriceExhibit.Build(Scenarios(input, c, toCall), new ExhibitRequest
        {
            Settle = input.Settlement,
            Prices = input.PricesFor(c.Name),
            Yields = options.Yields,
            SpreadsBp = options.SpreadsBp,
            SpreadKind = options.SpreadKind,
            Curve = options.Curve,
            DiscountIndex = c.DiscountMarginIndex,
        });
        var title = $"{deal.Metadata.TrustName}: Price/Yield - Class {c.Name} ({c.Type}, {c.Coupon}{(c.Notional ? ", notional" : "")})";
        var header = input.ClassHeaders.TryGetValue(c.Name, out var h) ? h : [];
        if (options.Curve is { } curve) header = [.. header, new BookLine("Treasury Curve", curve.Source)];
        return new DealPriceTable(title, c, exhibit, header, input.Settlement, input.Pricing.Text);
    }

    /// <summary>One column per speed, each followed by its to-call column when <paramref name="toCall"/>.</summary>
    public static IReadOnlyList<ExhibitScenario> Scenarios(BookInput input, BookClass c, bool toCall)
    {
        var list = new List<ExhibitScenario>();
        foreach (var s in input.Speeds)
        {
            var req = ScenarioRequest.At(s);
            list.Add(new ExhibitScenario(s.Text, input.Run(req).Class(c.Name, req)));
            if (toCall && input.RunToCall is { } run) list.Add(new ExhibitScenario(s.Text + " Call", run(req).Class(c.Name, req), ToCall: true));
        }
        return list;
    }
}
