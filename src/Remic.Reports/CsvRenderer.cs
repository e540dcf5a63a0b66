using CsvHelper;

namespace Remic.Reports;

/// <summary>
/// RFC 4180 CSV of a table as data (<see cref="Table.Tidy"/>): one header row of snake_case names, then plain values —
/// no thousands separators, "%" or display markers, ISO dates. Title, preamble and notes are left out.
/// </summary>
public static class CsvRenderer
{
    public static string Render(Table table) => Render(table.Tidy());

    public static string Render(TidyData data)
    {
        using var writer = new StringWriter();
        using (var csv = CsvWriter.Create(writer, new CsvWriterOptions(), true))
        {
            csv.WriteRecord(data.Columns.ToArray());
            foreach (var row in data.Rows)
                csv.WriteRecord(Enumerable.Range(0, data.Columns.Count).Select(c => c < row.Count ? TidyData.Text(row[c]) : "").ToArray());
        }
        return writer.ToString();
    }
}
