using CsvHelper;

namespace Remic.Reports;

/// <summary>RFC 4180 CSV of a table (header row, then the rows; title and notes are left out).</summary>
public static class CsvRenderer
{
    public static string Render(Table table)
    {
        using var writer = new StringWriter();
        using (var csv = CsvWriter.Create(writer, new CsvWriterOptions(), true))
        {
            csv.WriteRecord(table.Header.ToArray());
            foreach (var row in table.Rows)
                csv.WriteRecord(Enumerable.Range(0, table.Columns).Select(c => c < row.Count ? row[c] : "").ToArray());
        }
        return writer.ToString();
    }
}
