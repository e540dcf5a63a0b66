using System.Globalization;
using Remic.Analytics;
using Remic.Core;
using Remic.Reports.Book;

namespace Remic.Reports.Inputs;

/// <summary>The quotes a price/yield exhibit is asked for (a Treasury curve, yields, spreads) as `remic price` takes them.</summary>
public sealed record PriceQuotes(TreasuryCurve? Curve, IReadOnlyList<double> Yields, IReadOnlyList<double> SpreadsBp, QuoteKind Kind);

/// <summary>Prices, yields, spreads and a Treasury curve written as users write them ("99-16, 100-00", "4.5, 5", "50, 100"), each error naming its option.</summary>
public static class PriceOptions
{
    public static PriceQuotes Quotes(string? curveText, string? yieldsText, string? spreadsText, string spreadKind)
    {
        var errors = new List<InputError>();
        T Try<T>(Func<T> read, T fallback)
        {
            try { return read(); }
            catch (RemicInputException e) { errors.AddRange(e.Errors); return fallback; }
        }
        var curve = curveText is { } ct ? Try(() => TreasuryCurve.Parse(ct), null) : null;
        var yields = Try(() => Numbers(yieldsText, "--yields", -50, 100, "yields in percent, comma-separated, e.g. '4.5, 5, 5.5'"), []);
        var spreads = Try(() => Numbers(spreadsText, "--spreads", -5000, 10000, "spreads in basis points, comma-separated, e.g. '50, 100, 150'"), []);
        var kind = spreadKind.Trim().ToLowerInvariant() switch
        {
            "i" or "i-spread" => QuoteKind.ISpread,
            "z" or "z-spread" => QuoteKind.ZSpread,
            "dm" => QuoteKind.DiscountMargin,
            var k => Try<QuoteKind>(() => throw new RemicInputException("--spread-kind", 0, "", k, "i, z or dm"), QuoteKind.ISpread),
        };
        if (spreads.Count > 0 && kind != QuoteKind.DiscountMargin && curve is null && curveText is null)
            errors.Add(new InputError("--spreads", 0, "", spreadsText, "a Treasury curve (--curve) to take I- or Z-spreads over, or --spread-kind dm for a floater"));
        if (errors.Count > 0) throw new RemicInputException(errors);
        return new PriceQuotes(curve, yields.Select(y => y / 100).ToArray(), spreads, kind);
    }

    public static IReadOnlyList<double> Numbers(string? text, string option, double min, double max, string expected)
    {
        if (text is null) return [];
        var errors = new List<InputError>();
        var list = new List<double>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (double.TryParse(part.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && v >= min && v <= max) list.Add(v);
            else errors.Add(new InputError(option, 0, "", part, expected));
        }
        if (errors.Count > 0) throw new RemicInputException(errors);
        return list;
    }

    /// <summary>Prices in 32nds or decimal, comma-separated (default the book's grid).</summary>
    public static IReadOnlyList<Price32> Prices(string? text)
    {
        if (text is null) return BookInput.DefaultPrices;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var errors = new List<InputError>();
        var prices = new List<Price32>();
        foreach (var p in parts)
        {
            try
            {
                var price = Price32.Parse(p, "--prices");
                if (price.Value <= 0) throw new RemicInputException("--prices", 0, "", p, "a price above 0");
                prices.Add(price);
            }
            catch (RemicInputException e) { errors.AddRange(e.Errors); }
        }
        if (errors.Count > 0) throw new RemicInputException(errors);
        return prices;
    }
}
