using System.Text;

namespace Remic.Reports;

/// <summary>Aligned monospaced text, laid out like the EDGAR exhibits of Computational Materials.</summary>
public static class TextRenderer
{
    public static string Render(Table table)
    {
        var widths = new int[table.Columns];
        for (var c = 0; c < table.Columns; c++)
        {
            widths[c] = table.Header[c].Length;
            foreach (var row in table.Rows) if (c < row.Count) widths[c] = Math.Max(widths[c], row[c].Length);
        }
        var total = widths.Sum() + 2 * (table.Columns - 1);
        var sb = new StringBuilder();
        if (table.Title.Length > 0) sb.AppendLine(table.Title).AppendLine(new string('=', Math.Max(total, table.Title.Length)));
        foreach (var line in table.Preamble) sb.AppendLine(line);
        if (table.Preamble.Count > 0) sb.AppendLine();
        AppendRow(sb, table, table.Header, widths);
        sb.AppendLine(new string('-', total));
        foreach (var row in table.Rows) AppendRow(sb, table, row, widths);
        foreach (var note in table.Notes) sb.AppendLine(note);
        return sb.ToString();
    }

    private static void AppendRow(StringBuilder sb, Table t, IReadOnlyList<string> cells, int[] widths)
    {
        for (var c = 0; c < widths.Length; c++)
        {
            var cell = c < cells.Count ? cells[c] : "";
            if (c > 0) sb.Append("  ");
            sb.Append(t.AlignOf(c) == Align.Left ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]));
        }
        sb.Length = sb.ToString().TrimEnd().Length;
        sb.AppendLine();
    }
}
