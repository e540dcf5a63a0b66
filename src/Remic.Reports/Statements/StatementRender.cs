using System.Text;
using System.Text.Json;
using Remic.Trustee.Statements;

namespace Remic.Reports.Statements;

/// <summary>The monthly statement rendered as `remic trustee statement` and the server hand it out: txt, csv, html or json.</summary>
public static class StatementRender
{
    /// <summary>The JSON naming every Remic command uses: snake_case names (enum values too), dates ISO.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <param name="trace">The close's trace: the HTML statement links each class's figures to its explanation, written below the tables.</param>
    public static string Render(Statement s, string format, Remic.Deals.Explain.PeriodTrace? trace = null)
    {
        var tables = StatementTables.All(s);
        switch (format)
        {
            case "json":
                return JsonSerializer.Serialize(s, JsonOptions) + "\n";
            case "html":
            {
                var page = new HtmlPage($"{s.DealId} statement {s.Period}");
                page.Paragraph(StatementTables.Heading(s));
                foreach (var t in tables) page.Section(t.Title).Add(ExplanationLinks.Link(t, trace));
                ExplanationLinks.Write(page, trace);
                return page.Render();
            }
            default:
            {
                var sb = new StringBuilder();
                if (format == "txt") sb.Append(StatementTables.Heading(s)).Append("\n\n");
                foreach (var t in tables)
                    sb.Append(format == "csv" ? "# " + t.Title + "\n" + CsvRenderer.Render(t)
                        : t.Title == StatementTables.Item1121Title ? StatementTables.Item1121Text(s) : TextRenderer.Render(t)).Append('\n');
                return sb.ToString();
            }
        }
    }
}
