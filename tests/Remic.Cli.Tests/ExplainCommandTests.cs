using System.Globalization;
using System.Text.Json;

namespace Remic.Cli.Tests;

/// <summary>
/// Issue 16: `remic explain` and `remic trustee explain` as a user runs them on the example deals: the chain ties to
/// `remic run`'s figures, bad input is the usual located error (exit 2), and the HTML statement links each class's
/// figures to its explanation on the page.
/// </summary>
public sealed class ExplainCommandTests
{
    private static readonly string J4 = CwaltExampleDeals.PathOf("cwalt-2004-j4");
    private static readonly string[] Scenario = ["--prepay", "300 PPC", "--default", "5 CDR", "--severity", "50", "--lag", "6"];

    [Fact]
    public void The_explanation_of_a_class_ties_to_the_run()
    {
        var (code, stdout, stderr) = Cli.Run(["explain", J4, "--class", "1-a-4", "--period", "62", "--format", "json", .. Scenario]);
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var outcome = doc.RootElement.GetProperty("outcome");
        Assert.Equal("1-A-4", outcome.GetProperty("class").GetString());
        // What the entries say 1-A-4 was paid adds up to its figures...
        decimal Paid(string flow) => doc.RootElement.GetProperty("entries").EnumerateArray()
            .SelectMany(e => e.TryGetProperty("payments", out var p) ? p.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Where(p => p.GetProperty("class").GetString() == "1-A-4" && p.GetProperty("flow").GetString() == flow)
            .Sum(p => p.GetProperty("amount").GetDecimal());
        Assert.Equal(outcome.GetProperty("principal").GetDecimal(), Paid("principal"));
        Assert.Equal(outcome.GetProperty("interest_paid").GetDecimal(), Paid("interest"));
        // ... and to `remic run`'s row for the class and period.
        var (runCode, csv, runErr) = Cli.Run(["run", J4, "--format", "csv", "--class", "1-A-4", .. Scenario]);
        Assert.True(runCode == 0, runErr);
        var lines = csv.Split('\n');
        var header = lines[0].Split(',');
        var row = lines.Select(l => l.Split(',')).First(c => c.Length == header.Length && c[Array.IndexOf(header, "period")] == "62" && c[Array.IndexOf(header, "class")] == "1-A-4");
        decimal Col(string n) => decimal.Parse(row[Array.IndexOf(header, n)], CultureInfo.InvariantCulture);
        Assert.Equal(Col("principal"), Math.Round(outcome.GetProperty("principal").GetDecimal(), 2));
        Assert.Equal(Col("interest_paid"), Math.Round(outcome.GetProperty("interest_paid").GetDecimal(), 2));
    }

    [Fact]
    public void The_text_names_the_deal_file_lines_and_marks_the_class()
    {
        var (code, stdout, stderr) = Cli.Run(["explain", J4, "--class", "1-A-4", "--period", "62"]);
        Assert.True(code == 0, stderr);
        var first = stdout.Split('\n')[0];
        Assert.Equal($"CWALT, Inc. Alternative Loan Trust 2004-J4: class 1-A-4, distribution 62 (2009-06-25), {J4}:66", first);
        Assert.Contains("Senior Principal Distribution Amount (line 99)", stdout);
        Assert.Contains("    NAS lockout share (line 99)", stdout);
        Assert.Matches(@"principal to 1-A-4  << +1,190,521\.18", stdout);
    }

    [Theory]
    [InlineData(new[] { "--class", "1a4", "--period", "3" }, "error: --class: got '1a4'; a class of the deal; did you mean 1-A-4? (one of A-R, 1-A-1, 1-A-2, 1-A-IO, 1-A-3, 1-A-4, 2-A-1, 2-A-2, 2-A-3, M, B-1, B-2, B-3, B-4, B-5)")]
    [InlineData(new[] { "--class", "1-A-4", "--period", "400" }, "error: --period: got '400'; a distribution period from 1 to 359 (the deal's last distribution under this scenario)")]
    [InlineData(new[] { "--class", "1-A-4", "--period", "0" }, "error: --period: got '0'; expected a distribution period from 1 (the first distribution date)")]
    [InlineData(new[] { "--period", "3" }, "error: --class: a class to explain (--class NAME), or --all for every class")]
    [InlineData(new[] { "--class", "M", "--all", "--period", "3" }, "error: --class: got 'M'; --class or --all, not both")]
    public void Bad_class_or_period_is_an_input_error(string[] args, string expected)
    {
        var (code, stdout, stderr) = Cli.Run(["explain", J4, .. args]);
        Assert.Equal(2, code);
        Assert.Equal(expected, stderr.Split('\n')[0].TrimEnd('\r'));
        Assert.Equal("", stdout);
    }

    [Fact]
    public void The_trustee_explains_a_close_and_its_html_statement_links_each_class_to_it()
    {
        using var tmp = new Cli.TempDir();
        var deal = CwaltExampleDeals.PathOf("sample");
        var db = tmp.File("t.db");
        Assert.Equal(0, Cli.Run("trustee", "init", deal, "--db", db).Code);
        Assert.Equal(0, Cli.Run("trustee", "simulate", deal, "--months", "2", "--prepay", "300 PPC", "--out", Path.Combine(tmp.Path, "sim")).Code);
        foreach (var p in new[] { "2004-04", "2004-05" })
        {
            Assert.Equal(0, Cli.Run("trustee", "remit", "2004-S1", "--period", p, "--file", Path.Combine(tmp.Path, "sim", $"remittance-{p}.csv"), "--db", db).Code);
            Assert.Equal(0, Cli.Run("trustee", "close", "2004-S1", "--period", p, "--libor", "1.10", "--db", db).Code);
        }
        var (code, text, err) = Cli.Run("trustee", "explain", "2004-S1", "--period", "2004-05", "--class", "b-1", "--db", db);
        Assert.True(code == 0, err);
        Assert.StartsWith("Sample Alternative Loan Trust 2004-S1: class B-1, distribution 2 (2004-05-25), ", text);
        Assert.Contains("Allocable Share", text);

        var html = Path.Combine(tmp.Path, "statement.html");
        Assert.Equal(0, Cli.Run("trustee", "statement", "2004-S1", "--period", "2004-05", "--format", "html", "--out", html, "--db", db).Code);
        var page = File.ReadAllText(html);
        Assert.Contains("<a href=\"#explain-B-1\">B-1</a>", page);
        Assert.Contains("<section id=\"explain-B-1\"><h3>B-1</h3><pre>", page);
        Assert.Contains("<a href=\"#explain-1-X\">1-X (notional)</a>", page);

        (code, _, err) = Cli.Run("trustee", "explain", "2004-S1", "--period", "2004-06", "--class", "B-1", "--db", db);
        Assert.Equal(2, code);
        Assert.Equal("error: --period: got '2004-06'; a closed period of 2004-S1 (2004-04 to 2004-05); 2004-06 is not remitted", err.Split('\n')[0]);
    }
}
