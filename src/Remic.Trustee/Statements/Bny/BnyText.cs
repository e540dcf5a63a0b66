using System.Globalization;
using System.Text;

namespace Remic.Trustee.Statements.Bny;

/// <summary>
/// Fixed-width plain-text tables as the Bank of New York's EDGAR statements (Exhibit 99.1, "…pds.txt") print them: stacked column
/// headings, text left-aligned and amounts right-aligned, a rule under the headings, and a table wider than the page split into
/// blocks that each repeat the first column.
/// </summary>
internal static class BnyText
{
    public static readonly CultureInfo F = CultureInfo.InvariantCulture;
    public const int PageWidth = 100;

    public static string Money(decimal x) => x.ToString("#,##0.00", F);
    public static string Rate(decimal? fraction) => fraction is { } r ? (r * 100m).ToString("0.000000", F) : "0.000000";
    public static string Factor(decimal x) => x.ToString("0.000000000", F);
    public static string Per1000(decimal x) => x.ToString("0.000000000", F);

    /// <summary>One column: heading lines, width, and whether it is text (left-aligned).</summary>
    public sealed record Column(string Heading, int Width, bool Text = false);

    public static void Title(StringBuilder sb, string title)
    {
        sb.Append('\n').Append(title).Append('\n').Append(new string('-', title.Length)).Append("\n\n");
    }

    /// <summary>
    /// Writes rows under columns (column 0 repeated in every block), splitting into blocks of at most <see cref="PageWidth"/>
    /// characters; a row whose first cell is "Totals" is set off by a rule.
    /// </summary>
    public static void Table(StringBuilder sb, IReadOnlyList<Column> columns, IReadOnlyList<IReadOnlyList<string>> rows, int pageWidth = PageWidth)
    {
        var blocks = new List<List<int>>();
        var current = new List<int>();
        var width = columns[0].Width;
        for (var c = 1; c < columns.Count; c++)
        {
            if (current.Count > 0 && width + 1 + columns[c].Width > pageWidth) { blocks.Add(current); current = []; width = columns[0].Width; }
            current.Add(c);
            width += 1 + columns[c].Width;
        }
        if (current.Count > 0) blocks.Add(current);
        foreach (var block in blocks)
        {
            var cols = new[] { 0 }.Concat(block).ToArray();
            var headings = cols.Select(c => columns[c].Heading.Split('\n')).ToArray();
            var depth = headings.Max(h => h.Length);
            for (var line = 0; line < depth; line++)
            {
                var cells = cols.Select((c, i) =>
                {
                    var h = headings[i];
                    var text = line - (depth - h.Length) is var k && k >= 0 ? h[k] : "";
                    return Cell(text, columns[c]);
                });
                sb.Append(string.Join(" ", cells).TrimEnd()).Append('\n');
            }
            var ruleWidth = cols.Sum(c => columns[c].Width) + cols.Length - 1;
            sb.Append(new string('-', ruleWidth)).Append('\n');
            foreach (var row in rows)
            {
                if (row[0] == "Totals") sb.Append(new string('-', ruleWidth)).Append('\n');
                sb.Append(string.Join(" ", cols.Select(c => Cell(c < row.Count ? row[c] : "", columns[c]))).TrimEnd()).Append('\n');
            }
            sb.Append('\n');
        }
    }

    /// <summary>
    /// Label / value lines (the collateral pages): the label left, one value column per group right-aligned. Given a
    /// <paramref name="pageWidth"/>, value columns that do not fit beside the label go to further blocks that repeat the labels
    /// (without one, every column is on one line, as the 100-column statement prints).
    /// </summary>
    public static void Pairs(StringBuilder sb, IReadOnlyList<string> groupHeadings, IReadOnlyList<(string Label, IReadOnlyList<string> Values)> lines,
        int? pageWidth = null)
    {
        const int label = 52, value = 18;
        var perBlock = pageWidth is { } w ? Math.Max(1, (w - label) / (value + 1)) : Math.Max(1, groupHeadings.Count);
        for (var start = 0; start < groupHeadings.Count || start == 0; start += perBlock)
        {
            if (start > 0) sb.Append('\n');
            var n = Math.Min(perBlock, groupHeadings.Count - start);
            sb.Append(new string(' ', label)).Append(string.Concat(groupHeadings.Skip(start).Take(n).Select(h => " " + h.PadLeft(value)))).Append('\n');
            foreach (var (l, values) in lines)
                sb.Append(l.Length > label ? l[..label] : l.PadRight(label)).Append(string.Concat(values.Skip(start).Take(n).Select(v => " " + v.PadLeft(value)))).TrimEndLine();
            if (groupHeadings.Count == 0) break;
        }
    }

    private static StringBuilder TrimEndLine(this StringBuilder sb)
    {
        while (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
        return sb.Append('\n');
    }

    private static string Cell(string text, Column c)
    {
        if (text.Length > c.Width) text = text[..c.Width];
        return c.Text ? text.PadRight(c.Width) : text.PadLeft(c.Width);
    }
}
