using System.Text;
using Remic.Core;

namespace Remic.Reports;

/// <summary>
/// RFC 4180 CSV of a table (header row, then the rows; title and notes are left out), CRLF line ends. Cells are
/// spelled by <see cref="CsvCell"/>: quoted when needed, and a text cell starting with = + - @ neutralised so a
/// spreadsheet never runs it as a formula.
/// </summary>
public static class CsvRenderer
{
    public static string Render(Table table)
    {
        var sb = new StringBuilder();
        sb.Append(CsvCell.Line(table.Header)).Append("\r\n");
        foreach (var row in table.Rows)
            sb.Append(CsvCell.Line(Enumerable.Range(0, table.Columns).Select(c => c < row.Count ? row[c] : ""))).Append("\r\n");
        return sb.ToString();
    }
}
