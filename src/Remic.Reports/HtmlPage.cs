using System.Text;

namespace Remic.Reports;

/// <summary>One self-contained HTML page built of sections of tables, text and images (relative paths).</summary>
public sealed class HtmlPage(string title)
{
    private readonly StringBuilder _body = new();
    private readonly List<(string Id, string Heading)> _toc = [];

    public HtmlPage Section(string heading)
    {
        var id = "s" + (_toc.Count + 1);
        _toc.Add((id, heading));
        _body.Append($"<h2 id=\"{id}\">").Append(HtmlRenderer.Enc(heading)).Append("</h2>\n");
        return this;
    }

    public HtmlPage Paragraph(string text)
    {
        _body.Append("<p>").Append(HtmlRenderer.Enc(text)).Append("</p>\n");
        return this;
    }

    /// <param name="collapsed">Fold the table under its title (long tables such as monthly cash flows).</param>
    public HtmlPage Add(Table table, bool collapsed = false)
    {
        if (collapsed) _body.Append("<details><summary>").Append(HtmlRenderer.Enc(table.Title)).Append("</summary>");
        _body.Append(HtmlRenderer.Render(table));
        if (collapsed) _body.Append("</details>");
        _body.Append('\n');
        return this;
    }

    /// <summary>A line of links to files beside the page (e.g. a table's .txt and .csv).</summary>
    public HtmlPage Links(IEnumerable<(string Href, string Text)> links)
    {
        _body.Append("<p class=\"note\">");
        var first = true;
        foreach (var (href, text) in links)
        {
            if (!first) _body.Append(" · ");
            first = false;
            _body.Append($"<a href=\"{HtmlRenderer.Enc(href)}\">{HtmlRenderer.Enc(text)}</a>");
        }
        _body.Append("</p>\n");
        return this;
    }

    /// <summary>Preformatted text under its own anchor (e.g. a class's explanation that the page's tables link to).</summary>
    public HtmlPage Pre(string id, string heading, string text)
    {
        _body.Append($"<section id=\"{HtmlRenderer.Enc(id)}\"><h3>").Append(HtmlRenderer.Enc(heading)).Append("</h3><pre>")
            .Append(HtmlRenderer.Enc(text)).Append("</pre></section>\n");
        return this;
    }

    public HtmlPage Image(string relativePath, string alt)
    {
        _body.Append($"<figure><img src=\"{HtmlRenderer.Enc(relativePath)}\" alt=\"{HtmlRenderer.Enc(alt)}\"><figcaption>{HtmlRenderer.Enc(alt)}</figcaption></figure>\n");
        return this;
    }

    public string Render()
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
          .Append(HtmlRenderer.Enc(title)).Append("</title>\n<style>")
          .Append("body{font-family:system-ui,sans-serif;margin:2em;max-width:80em}")
          .Append("table{border-collapse:collapse;margin:1em 0;font-family:ui-monospace,monospace;font-size:0.85em}")
          .Append("caption{font-weight:bold;text-align:left;padding:0.3em 0}")
          .Append("th,td{border:1px solid #ccc;padding:0.15em 0.5em}th{background:#eef}")
          .Append(".r{text-align:right}.l{text-align:left}.note{font-size:0.8em;color:#555}")
          .Append("figure{display:inline-block;margin:0.5em}img{max-width:38em}summary{cursor:pointer;font-weight:bold;margin:0.5em 0}")
          .Append("</style></head><body>\n<h1>").Append(HtmlRenderer.Enc(title)).Append("</h1>\n<nav><ol>");
        foreach (var (id, heading) in _toc) sb.Append($"<li><a href=\"#{id}\">").Append(HtmlRenderer.Enc(heading)).Append("</a></li>");
        sb.Append("</ol></nav>\n").Append(_body).Append("</body></html>\n");
        return sb.ToString();
    }
}
