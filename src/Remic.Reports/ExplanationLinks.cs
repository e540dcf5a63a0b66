using System.Text;
using Remic.Deals.Explain;

namespace Remic.Reports;

/// <summary>
/// An HTML page's class figures linked to their explanations: each row of a table whose first column is a class leads
/// to that class's explanation, written on the same page under an anchor (self-contained, works offline).
/// </summary>
public static class ExplanationLinks
{
    /// <summary>The anchor of a class's explanation ("explain-1-A-1"; characters outside letters, digits, '-' and '_' become '_').</summary>
    public static string Anchor(string className)
    {
        var sb = new StringBuilder("explain-");
        foreach (var ch in className) sb.Append(char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' ? ch : '_');
        return sb.ToString();
    }

    /// <summary>The table with its class rows linked (a first cell "1-A-IO (notional)" is class 1-A-IO); unchanged without a trace.</summary>
    public static Table Link(Table t, PeriodTrace? trace)
    {
        if (trace is null || t.Header.Count == 0 || t.Header[0] != "class") return t;
        var names = trace.Classes.Select(c => c.Class).ToHashSet(StringComparer.Ordinal);
        return t with
        {
            RowLinks = t.Rows.Select(r =>
            {
                var cell = r.Count > 0 ? r[0] : "";
                var name = cell.EndsWith(" (notional)", StringComparison.Ordinal) ? cell[..^" (notional)".Length] : cell;
                return names.Contains(name) ? "#" + Anchor(name) : null;
            }).ToList(),
        };
    }

    /// <summary>Every class's explanation, each under its anchor, after a heading.</summary>
    public static void Write(HtmlPage page, PeriodTrace? trace)
    {
        if (trace is null) return;
        page.Section("Why each class got its amount");
        page.Paragraph("Each class's figures link here: the waterfall's chain of rules for this close, with every number and the deal file line it comes from (`remic trustee explain`).");
        foreach (var c in trace.Classes) page.Pre(Anchor(c.Class), c.Class, ExplainText.Render(trace.For(c.Class)));
    }
}
