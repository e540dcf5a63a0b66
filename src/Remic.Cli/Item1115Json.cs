using System.Text;
using System.Text.Json;
using Remic.Deals.Disclosure;

namespace Remic.Cli;

/// <summary>`remic item1115 --format json`: the same figures as the table, snake_case names, rates and percentages in percent, money in dollars.</summary>
internal static class Item1115Json
{
    public static string Render(string trust, Item1115Result r)
    {
        using var ms = new MemoryStream();
        using (var j = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            j.WriteStartObject();
            j.WriteString("trust", trust);
            j.WriteString("method", r.Method);
            j.WriteStartArray("corridors");
            foreach (var c in r.Corridors)
            {
                j.WriteStartObject();
                j.WriteString("corridor", c.Name);
                j.WriteString("beneficiary", c.Beneficiary);
                j.WriteNumber("periods", c.Periods);
                j.WriteNumber("stressed_index_percent", Math.Round(c.StressedIndexPercent, 6));
                j.WriteNumber("undiscounted_payments", Math.Round(c.UndiscountedPayments, 2));
                j.WriteNumber("present_value", Math.Round(c.PresentValue, 2));
                j.WriteNumber("denominator", Math.Round(c.Denominator, 2));
                j.WriteNumber("significance_percent", Math.Round(c.SignificancePercent, 6));
                j.WriteEndObject();
            }
            j.WriteEndArray();
            j.WriteNumber("present_value", Math.Round(r.PresentValue, 2));
            j.WriteNumber("denominator", Math.Round(r.Denominator, 2));
            j.WriteNumber("significance_percent", Math.Round(r.SignificancePercent, 6));
            j.WriteNumber("summary_data_threshold_percent", Item1115.SummaryDataThreshold);
            j.WriteNumber("financial_statements_threshold_percent", Item1115.FinancialStatementsThreshold);
            j.WriteString("requirement", r.Requirement);
            j.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray()) + Environment.NewLine;
    }
}
