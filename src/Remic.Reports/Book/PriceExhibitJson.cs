using System.Globalization;
using System.Text;
using System.Text.Json;
using Remic.Analytics;

namespace Remic.Reports.Book;

/// <summary>
/// A price exhibit as JSON, in the naming and units every Remic JSON output uses: snake_case names, rates and yields
/// in percent (<c>_percent</c>), spreads in basis points (<c>_bp</c>), times in years or months as named, dates ISO.
/// </summary>
public static class PriceExhibitJson
{
    public static string Write(string title, string? className, string group, DateOnly settle, string pricingSpeed,
        IReadOnlyList<BookLine> header, PriceExhibit x, double? couponPercent = null)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("title", title);
            if (className is not null) w.WriteString("class", className);
            w.WriteString("group", group);
            if (couponPercent is { } c) w.WriteNumber("coupon_percent", Math.Round(c, 10));
            w.WriteString("settlement", Fmt.Date(settle));
            w.WriteString("pricing_speed", pricingSpeed);
            w.WriteString("reference_price", x.ReferencePrice.ToString());
            w.WriteStartObject("header");
            foreach (var h in header) w.WriteString(TidyData.SnakeCase(h.Label), h.Value);
            w.WriteEndObject();
            if (x.Curve is { } curve) Curve(w, curve);
            w.WriteStartArray("speeds");
            for (var s = 0; s < x.Scenarios.Count; s++) Scenario(w, x, s);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Scenario(Utf8JsonWriter w, PriceExhibit x, int s)
    {
        var f = x.AtReference[s];
        w.WriteStartObject();
        w.WriteString("speed", x.Scenarios[s].Label);
        w.WriteBoolean("to_call", x.Scenarios[s].ToCall);
        w.WriteStartArray("yields");
        foreach (var r in x.Rows)
        {
            w.WriteStartObject();
            w.WriteString("price", r.Price.ToString());
            w.WriteNumber("price_decimal", r.Price.Value);
            w.WriteNumber("yield_percent", Math.Round(r.Yield[s] * 100, 6));
            if (r.DiscountMarginBp is { } dm) w.WriteNumber("dm_bp", Math.Round(dm[s], 4));
            if (r.ISpreadBp is { } i) w.WriteNumber("i_spread_bp", Math.Round(i[s], 4));
            if (r.ZSpreadBp is { } z) w.WriteNumber("z_spread_bp", Math.Round(z[s], 4));
            w.WriteNumber("modified_duration", Math.Round(r.Figures[s].ModifiedDuration, 6));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (x.Solved.Count > 0)
        {
            w.WriteStartArray("solved");
            foreach (var r in x.Solved)
            {
                w.WriteStartObject();
                w.WriteString("quoted_in", PriceExhibitTables.QuotedIn(r.Kind));
                w.WriteNumber("quote", Math.Round(r.Kind == QuoteKind.Yield ? r.Quote * 100 : r.Quote, 8));
                w.WriteNumber("price_decimal", Math.Round(r.Price[s], 8));
                w.WriteString("price", PriceExhibitTables.Price32Text(r.Price[s]));
                w.WriteNumber("yield_percent", Math.Round(r.Yield[s] * 100, 6));
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteNumber("wal_years", Math.Round(f.Wal, 6));
        w.WriteNumber("modified_duration", Math.Round(f.ModifiedDuration, 6));
        w.WriteNumber("convexity", Math.Round(f.Convexity, 6));
        w.WriteString("principal_window", f.Window.Label);
        if (f.Window.First is { } a) w.WriteString("window_first", Fmt.Date(a));
        if (f.Window.Last is { } b) w.WriteString("window_last", Fmt.Date(b));
        w.WriteNumber("maturity_months", f.MaturityMonths);
        var atRef = x.Rows.FirstOrDefault(r => r.Price == x.ReferencePrice);
        if (atRef?.DiscountMarginBp is { } refDm) w.WriteNumber("discount_margin_bp", Math.Round(refDm[s], 4));
        w.WriteEndObject();
    }

    private static void Curve(Utf8JsonWriter w, TreasuryCurve c)
    {
        w.WriteStartObject("treasury_curve");
        w.WriteString("source", c.Source);
        w.WriteString("interpolation", "par yields linear in tenor; zero rates bootstrapped every half year, linear in time, semi-annual compounding");
        w.WriteStartArray("par_yields");
        for (var k = 0; k < c.Tenors.Count; k++)
        {
            w.WriteStartObject();
            w.WriteNumber("tenor_years", Math.Round(c.Tenors[k], 8));
            w.WriteNumber("par_yield_percent", Math.Round(c.ParYields[k] * 100, 8));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("zero_rates");
        foreach (var (years, zero) in c.Zeros)
        {
            w.WriteStartObject();
            w.WriteNumber("tenor_years", years);
            w.WriteNumber("zero_rate_percent", Math.Round(zero * 100, 8));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
