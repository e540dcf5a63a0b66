using System.Net;
using System.Text;

namespace Remic.Reports;

/// <summary>HTML fragments for tables; <see cref="HtmlPage"/> assembles them into one self-contained page.</summary>
public static class HtmlRenderer
{
    public static string Render(Table table)
    {
        var sb = new StringBuilder();
        if (table.Preamble.Count > 0) sb.Append("<pre class=\"preamble\">").Append(Enc(string.Join("\n", table.Preamble))).Append("</pre>");
        sb.Append("<table>");
        if (table.Title.Length > 0) sb.Append("<caption>").Append(Enc(table.Title)).Append("</caption>");
        sb.Append("<thead><tr>");
        for (var c = 0; c < table.Columns; c++) sb.Append(Cell("th", table, c, table.Header[c]));
        sb.Append("</tr></thead><tbody>");
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            var link = table.RowLinks is { } links && i < links.Count ? links[i] : null;
            sb.Append("<tr>");
            for (var c = 0; c < table.Columns; c++) sb.Append(Cell("td", table, c, c < row.Count ? row[c] : "", link));
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table>");
        foreach (var note in table.Notes) sb.Append("<p class=\"note\">").Append(Enc(note)).Append("</p>");
        return sb.ToString();
    }

    private static string Cell(string tag, Table t, int c, string text, string? link = null) =>
        $"<{tag} class=\"{(t.AlignOf(c) == Align.Left ? "l" : "r")}\">{(link is null || text.Length == 0 ? Enc(text) : $"<a href=\"{Enc(link)}\">{Enc(text)}</a>")}</{tag}>";

    public static string Enc(string s) => WebUtility.HtmlEncode(s);
}
