using System.Globalization;
using Remic.Core;

namespace Remic.Analytics;

/// <summary>What a solved row of a price exhibit is quoted in: a yield, or a spread over a curve or the index.</summary>
public enum QuoteKind { Yield, ISpread, ZSpread, DiscountMargin }

/// <summary>One column of a price exhibit: a scenario's label (e.g. "100 PPC", "100 PPC Call") and the class's flows under it.</summary>
public sealed record ExhibitScenario(string Label, BondCashFlows Flows, bool ToCall = false);

/// <summary>What to put in a price exhibit besides the yield of each price.</summary>
public sealed record ExhibitRequest
{
    public required DateOnly Settle { get; init; }
    /// <summary>Prices, one block row each (clean, percent of the balance bought).</summary>
    public required IReadOnlyList<Price32> Prices { get; init; }
    /// <summary>Bond-equivalent yields (annual fractions) to solve prices for (yield → price).</summary>
    public IReadOnlyList<double> Yields { get; init; } = [];
    /// <summary>Spreads (bp) of kind <see cref="SpreadKind"/> to solve prices for (spread → price).</summary>
    public IReadOnlyList<double> SpreadsBp { get; init; } = [];
    public QuoteKind SpreadKind { get; init; } = QuoteKind.ISpread;
    /// <summary>The Treasury curve: I-spread and Z-spread rows for every price; null: no spread rows.</summary>
    public TreasuryCurve? Curve { get; init; }
    /// <summary>A floater's projected index path (annual fractions): a discount margin row for every price; null otherwise.</summary>
    public MonthlyVector? DiscountIndex { get; init; }
    /// <summary>The price the WAL, duration, convexity and window rows are at; default the middle price.</summary>
    public Price32? ReferencePrice { get; init; }
}

/// <summary>Measures of one price in every scenario (null arrays: not asked for). Spreads in bp, yields annual fractions.</summary>
/// <param name="Figures">Every figure at this price per scenario (yield, WAL, duration, convexity, window).</param>
public sealed record ExhibitPriceRow(Price32 Price, IReadOnlyList<double> Yield, IReadOnlyList<double>? DiscountMarginBp,
    IReadOnlyList<double>? ISpreadBp, IReadOnlyList<double>? ZSpreadBp, IReadOnlyList<BondFigures> Figures);

/// <summary>A price solved from a quote (yield or spread) in every scenario, with the yield that price gives.</summary>
public sealed record ExhibitSolvedRow(QuoteKind Kind, double Quote, IReadOnlyList<double> Price, IReadOnlyList<double> Yield, IReadOnlyList<BondFigures> Figures)
{
    /// <summary>"Yield 5.000%" for a yield, "I-spread +125 bp" for a spread.</summary>
    public string QuoteLabel => Kind switch
    {
        QuoteKind.Yield => "Yield " + (Quote * 100).ToString("0.000", CultureInfo.InvariantCulture) + "%",
        _ => KindName(Kind) + " " + Quote.ToString("+0.#;-0.#;0", CultureInfo.InvariantCulture) + " bp",
    };

    public static string KindName(QuoteKind k) => k switch
    {
        QuoteKind.ISpread => "I-spread", QuoteKind.ZSpread => "Z-spread", QuoteKind.DiscountMargin => "DM", _ => "yield",
    };
}

/// <summary>
/// A class's price exhibit as Intex-produced CM pages lay it out: for each price the yield in every scenario, with a
/// floater's discount margin and, given a Treasury curve, the I-spread (yield − par yield at the WAL) and the Z-spread
/// (over the bootstrapped zero curve, <see cref="TreasuryCurve"/>); rows solved back from yields or spreads; and WAL,
/// modified duration, convexity, window and maturity at the reference price. Scenarios may include to-call columns.
/// </summary>
public sealed record PriceExhibit(
    IReadOnlyList<ExhibitScenario> Scenarios,
    IReadOnlyList<ExhibitPriceRow> Rows,
    IReadOnlyList<ExhibitSolvedRow> Solved,
    Price32 ReferencePrice,
    IReadOnlyList<BondFigures> AtReference,
    TreasuryCurve? Curve)
{
    public bool HasDiscountMargin => Rows.Count > 0 && Rows[0].DiscountMarginBp is not null;

    public static PriceExhibit Build(IReadOnlyList<ExhibitScenario> scenarios, ExhibitRequest r)
    {
        if (scenarios.Count == 0 || r.Prices.Count == 0) throw new ArgumentException("a price exhibit needs at least one scenario and one price");
        if (r.SpreadsBp.Count > 0 && r.SpreadKind is QuoteKind.ISpread or QuoteKind.ZSpread && r.Curve is null)
            throw new RemicInputException("--spreads", 0, "", string.Join(",", r.SpreadsBp), "a Treasury curve (--curve) to take the spreads over");
        if (r.SpreadsBp.Count > 0 && r.SpreadKind == QuoteKind.DiscountMargin && r.DiscountIndex is null)
            throw new RemicInputException("--spread-kind", 0, "", "dm", "a floater: only a class paying an index-linked coupon has a discount margin");
        var settled = scenarios.Select(s => new SettledFlows(s.Flows, r.Settle)).ToArray();
        var wal = settled.Select(BondAnalytics.Wal).ToArray();
        double[] Each(Func<int, double> f) => Enumerable.Range(0, settled.Length).Select(f).ToArray();

        var rows = r.Prices.Select(p =>
        {
            var price = p.ToDouble();
            var figures = settled.Select(f => BondAnalytics.AtPrice(f, price)).ToArray();
            var yields = Each(c => figures[c].Yield);
            return new ExhibitPriceRow(p, yields,
                r.DiscountIndex is { } idx ? Each(c => DiscountMargin.Solve(scenarios[c].Flows, r.Settle, price, idx)) : null,
                r.Curve is { } cv ? Each(c => Spreads.ISpread(yields[c], wal[c], cv)) : null,
                r.Curve is { } cz ? Each(c => Spreads.ZSpread(settled[c], price, cz)) : null, figures);
        }).ToList();

        var solved = new List<ExhibitSolvedRow>();
        ExhibitSolvedRow Solve(QuoteKind kind, double quote, double[] prices)
        {
            var figures = settled.Select((f, c) => BondAnalytics.AtPrice(f, prices[c])).ToArray();
            return new ExhibitSolvedRow(kind, quote, prices, figures.Select(f => f.Yield).ToArray(), figures);
        }
        foreach (var y in r.Yields)
            solved.Add(Solve(QuoteKind.Yield, y, Each(c => BondAnalytics.Price(settled[c], y))));
        foreach (var s in r.SpreadsBp)
        {
            var prices = Each(c => r.SpreadKind switch
            {
                QuoteKind.ZSpread => Spreads.PriceAtZSpread(settled[c], s, r.Curve!),
                QuoteKind.DiscountMargin => DiscountMargin.Price(scenarios[c].Flows, r.Settle, r.DiscountIndex!, s),
                _ => BondAnalytics.Price(settled[c], Spreads.YieldAtISpread(s, wal[c], r.Curve!)),
            });
            solved.Add(Solve(r.SpreadKind, s, prices));
        }

        var reference = r.ReferencePrice ?? r.Prices[r.Prices.Count / 2];
        var figures = settled.Select(f => BondAnalytics.AtPrice(f, reference.ToDouble())).ToArray();
        return new PriceExhibit(scenarios, rows, solved, reference, figures, r.Curve);
    }

    /// <summary>The plain price/yield grid of the same prices and scenarios (charts, older callers); to-call columns left out unless asked.</summary>
    public PriceYieldTable ToPriceYieldTable(bool withCall = false)
    {
        var keep = Enumerable.Range(0, Scenarios.Count).Where(i => withCall || !Scenarios[i].ToCall).ToArray();
        return new PriceYieldTable(keep.Select(i => Scenarios[i].Label).ToArray(), Rows.Select(r => r.Price).ToArray(),
            Rows.Select(r => (IReadOnlyList<double>)keep.Select(i => r.Yield[i]).ToArray()).ToArray(), ReferencePrice,
            keep.Select(i => AtReference[i]).ToArray());
    }
}
