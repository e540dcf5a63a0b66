using System.Text;
using Remic.Core;

namespace Remic.Reports;

/// <summary>
/// RFC 4180 CSV of a table as data (<see cref="Table.Tidy"/>): one header row of snake_case names, then plain values —
/// no thousands separators, "%" or display markers, ISO dates. Title, preamble and notes are left out. Cells are
/// spelled by <see cref="CsvCell"/>: quoted when needed, and a text cell starting with = + - @ neutralised so a
/// spreadsheet never runs it as a formula.
/// </summary>
public static class CsvRenderer
{
    public static string Render(Table table) => Render(table.Tidy());

    public static string Render(TidyData data)
    {
        var sb = new StringBuilder();
        sb.Append(CsvCell.Line(data.Columns)).Append("\r\n");
        foreach (var row in data.Rows)
            sb.Append(CsvCell.Line(Enumerable.Range(0, data.Columns.Count).Select(c => c < row.Count ? TidyData.Text(row[c]) : ""))).Append("\r\n");
        return sb.ToString();
    }
}
