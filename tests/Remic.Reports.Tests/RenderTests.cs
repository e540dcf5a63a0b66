using Remic.Reports;

namespace Remic.Reports.Tests;

public class RenderTests
{
    private static readonly Table Sample = new("Class A-1", ["Price", "0 PPC", "100 PPC"],
        [["99-16", "5.123", "5.456"], ["100-00", "4.987", "4.876"]]) { Notes = ["* less than 0.5%"] };

    [Fact]
    public void Text_is_aligned_with_figures_right_justified()
    {
        var lines = TextRenderer.Render(Sample).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Class A-1", lines[0]);
        Assert.Equal("Price   0 PPC  100 PPC", lines[2]);
        Assert.Equal("99-16   5.123    5.456", lines[4]);
        Assert.Equal("100-00  4.987    4.876", lines[5]);
        Assert.Equal("* less than 0.5%", lines[6]);
    }

    [Fact]
    public void Csv_quotes_fields_that_need_it()
    {
        var t = new Table("", ["Window", "Note"], [["Apr04 - Feb34", "a, \"b\""]]);
        Assert.Equal("window,note\r\nApr04 - Feb34,\"a, \"\"b\"\"\"\r\n", CsvRenderer.Render(t));
    }

    [Fact]
    public void Html_escapes_text()
    {
        var html = new HtmlPage("Book <1>").Section("A & B").Add(Sample).Render();
        Assert.Contains("<title>Book &lt;1&gt;</title>", html);
        Assert.Contains("<h2 id=\"s1\">A &amp; B</h2>", html);
        Assert.Contains("<td class=\"r\">5.456</td>", html);
    }

    [Fact]
    public void Html_folds_a_collapsed_table_under_its_title_and_links_files()
    {
        var html = new HtmlPage("B").Add(Sample, collapsed: true).Links([("a.csv", "CSV"), ("a.txt", "text")]).Render();
        Assert.Contains("<details><summary>Class A-1</summary><table><caption>Class A-1</caption>", html);
        Assert.Contains("</table><p class=\"note\">* less than 0.5%</p></details>", html);
        Assert.Contains("<p class=\"note\"><a href=\"a.csv\">CSV</a> · <a href=\"a.txt\">text</a></p>", html);
    }

    [Fact]
    public void Chart_writes_a_png()
    {
        var path = Path.Combine(Path.GetTempPath(), $"remic-chart-{Guid.NewGuid():N}.png");
        Charts.Line(path, "WAL vs speed", "PPC", "WAL (years)", [new Series("A-1", [0, 100, 200], [9.1, 4.2, 2.6])]);
        var bytes = File.ReadAllBytes(path);
        File.Delete(path);
        Assert.True(bytes.Length > 1000);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
    }

    [Fact]
    public void Output_directory_is_all_or_nothing()
    {
        var target = Path.Combine(Path.GetTempPath(), $"remic-out-{Guid.NewGuid():N}");
        using (var o = new OutputDirectory(target)) o.Write("a.txt", "x"); // not committed
        Assert.False(Directory.Exists(target));
        using (var o = new OutputDirectory(target)) { o.Write("sub/b.txt", "y"); o.Commit(); }
        Assert.Equal("y", File.ReadAllText(Path.Combine(target, "sub", "b.txt")));
        Directory.Delete(target, true);
    }
}
