using System.CommandLine;
using System.Text.Json;
using Remic.Reports;

namespace Remic.Cli;

/// <summary>What the read-only trustee views (status, periods, audit, loan) share: --format txt|csv|json and how each is written.</summary>
internal static class TrusteeViews
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower), new PeriodText() },
    };

    /// <summary>A period as users write it, "2004-05".</summary>
    private sealed class PeriodText : System.Text.Json.Serialization.JsonConverter<Core.Period>
    {
        public override Core.Period Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Core.Period.Parse(reader.GetString()!);
        public override void Write(Utf8JsonWriter writer, Core.Period value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }

    public static Option<string> FormatOption()
    {
        var o = new Option<string>("--format") { Description = "txt (aligned tables), csv (the same tables, each under a # title line) or json", DefaultValueFactory = _ => "txt" };
        o.AcceptOnlyFromAmong("txt", "csv", "json");
        return o;
    }

    /// <summary>Writes the tables as text or CSV, or <paramref name="data"/> as JSON (snake_case names; amounts as numbers).</summary>
    public static void Write(TextWriter stdout, string format, object data, params Table[] tables)
    {
        if (format == "json") { stdout.Write(JsonSerializer.Serialize(data, Json) + "\n"); return; }
        foreach (var t in tables)
            stdout.Write(format == "csv" ? "# " + t.Title + "\n" + CsvRenderer.Render(t) : TextRenderer.Render(t) + "\n");
    }

    public static string M(decimal x) => x.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture);
    public static string M(decimal? x) => x is { } v ? M(v) : "";
    public static string Pct(decimal rate) => (rate * 100m).ToString("0.000####", System.Globalization.CultureInfo.InvariantCulture);
}
