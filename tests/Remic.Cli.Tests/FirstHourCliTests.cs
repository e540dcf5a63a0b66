using System.Text.Json;
using Remic.Reports.Book;

namespace Remic.Cli.Tests;

/// <summary>Issue 12 item 13, where the user met it: seller names, class names typed in any case with suggestions,
/// `run`'s summary first (monthly tables only with --months), `item1115 --format json`.</summary>
public class FirstHourCliTests
{
    private static readonly string J4 = CwaltExampleDeals.PathOf("cwalt-2004-j4");

    public static TheoryData<string> ExampleDeals() =>
        new(Directory.GetFiles(Path.Combine(CwaltExampleDeals.RepoRoot(), "examples"), "deal.yaml", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(CwaltExampleDeals.RepoRoot(), p)).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(ExampleDeals))]
    public void Every_example_deals_sellers_are_whole_names_not_split_at_the_comma_before_Inc(string path)
    {
        var deal = Remic.Deals.Loading.DealLoader.Load(Path.Combine(CwaltExampleDeals.RepoRoot(), path));
        Assert.NotEmpty(deal.Metadata.Sellers);
        foreach (var s in deal.Metadata.Sellers)
            Assert.DoesNotMatch(@"^(Inc|LLC|L\.?P|N\.A|Corp|Co)\.?$", s.Trim());
        Assert.Contains("Countrywide Home Loans, Inc.", deal.Metadata.Sellers);
    }

    [Fact]
    public void The_J4_book_names_two_sellers()
    {
        var deal = Remic.Deals.Loading.DealLoader.Load(J4);
        Assert.Equal(["Countrywide Home Loans, Inc.", "Park Granada LLC"], deal.Metadata.Sellers);
        var input = DealBook.Input(deal, new DealBookTerms());
        Assert.Equal("Countrywide Home Loans, Inc.; Park Granada LLC", input.Metadata.Single(m => m.Label == "Sellers").Value);
    }

    [Fact]
    public void A_class_typed_in_lower_case_is_priced()
    {
        var (code, stdout, stderr) = Cli.Run("price", J4, "--class", "1-a-2", "--speeds", "100 PPC");
        Assert.True(code == 0, stderr);
        Assert.Contains("Class 1-A-2 (Senior, 3.230%)", stdout);
    }

    [Fact]
    public void A_mistyped_class_is_an_input_error_with_the_closest_names()
    {
        var (code, _, stderr) = Cli.Run("price", J4, "--class", "1-A-21");
        Assert.Equal(2, code);
        Assert.StartsWith("error: --class: got '1-A-21'; a class of the deal; did you mean 1-A-1 or 1-A-2? (one of A-R, 1-A-1, 1-A-2, 1-A-IO,", stderr);
        (code, _, stderr) = Cli.Run("run", J4, "--class", "b6", "--class", "zz", "--class", "m");
        Assert.Equal(2, code);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length); // "m" is M; both bad names reported at once
        Assert.StartsWith("error: --class: got 'b6'; a class of the deal; did you mean B-1 or B-2 or B-3? (one of", lines[0]);
        Assert.StartsWith("error: --class: got 'zz'; a class of the deal (one of", lines[1]);
    }

    [Fact]
    public void Run_prints_the_class_summary_and_the_checks_and_the_monthly_tables_only_with_months()
    {
        var (code, stdout, stderr) = Cli.Run("run", J4, "--default", "5 CDR", "--severity", "50", "--lag", "6", "--class", "m", "--class", "2-a-1");
        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("CWALT, Inc. Alternative Loan Trust 2004-J4: Class Summary over 365 Distributions", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("M ", StringComparison.Ordinal) && l.Contains("12,328,000.00"));
        Assert.Contains(lines, l => l.StartsWith("2-A-1 ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("B-1 ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("checks passed every period", StringComparison.Ordinal));
        Assert.DoesNotContain("Collateral by group", stdout);
        Assert.True(lines.Count < 30, $"{lines.Count} lines without --months");

        var (code2, monthly, _) = Cli.Run("run", J4, "--default", "5 CDR", "--severity", "50", "--lag", "6", "--class", "M", "--months");
        Assert.Equal(0, code2);
        Assert.StartsWith("CWALT, Inc. Alternative Loan Trust 2004-J4: Class Summary", monthly);
        Assert.True(monthly.IndexOf("Class Summary", StringComparison.Ordinal) < monthly.IndexOf("Class M\n", StringComparison.Ordinal));
        Assert.Contains("Collateral by group", monthly);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(monthly, "checks passed every period"));
    }

    [Fact]
    public void The_summary_totals_agree_with_the_monthly_rows()
    {
        using var dir = new Cli.TempDir();
        var (code, stdout, stderr) = Cli.Run("run", J4, "--default", "3 CDR", "--severity", "35", "--lag", "12", "--call", "--format", "table", "--out", dir.Path);
        Assert.True(code == 0, stderr);
        var m = stdout.Split('\n').Single(l => l.StartsWith("M ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // M  Subordinate  12,328,000.00  5.500  interest  principal  writedown  unpaid  ending  WAL  window
        var rows = File.ReadAllLines(Path.Combine(dir.Path, "classes.csv")).Skip(1).Select(l => l.Split(',')).Where(r => r[2] == "M").ToList();
        decimal Sum(int col) => rows.Sum(r => decimal.Parse(r[col], System.Globalization.CultureInfo.InvariantCulture));
        decimal Cell(int i) => decimal.Parse(m[i], System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Sum(6), Cell(4), 2);   // interest paid
        Assert.Equal(Sum(9), Cell(5), 2);   // principal
        Assert.Equal(Sum(10), Cell(6), 2);  // writedown
        // Principal + writedown + ending balance = original, to the rounding of ~114 monthly rows of cents.
        var gap = Math.Abs(12_328_000m - (Cell(5) + Cell(6) + Cell(8)));
        Assert.True(gap <= 0.01m * rows.Count / 20, $"off by {gap} over {rows.Count} rows");
        Assert.Contains("Class Summary over", stdout.Split('\n')[0]);
        Assert.Contains("clean-up call exercised in period", stdout.Split('\n')[0]);
    }

    [Fact]
    public void Item1115_json_has_the_tables_figures_in_snake_case_and_percent()
    {
        var deal = CwaltExampleDeals.PathOf("cwalt-2007-12t1");
        var (code, table, _) = Cli.Run("item1115", deal);
        Assert.Equal(0, code);
        var (code2, json, stderr) = Cli.Run("item1115", deal, "--format", "json");
        Assert.True(code2 == 0, stderr);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var pct = root.GetProperty("significance_percent").GetDouble();
        Assert.Contains($"= {pct:0.000}%", table);
        Assert.Equal(root.GetProperty("present_value").GetDouble() / root.GetProperty("denominator").GetDouble() * 100, pct, 5);
        Assert.Equal(10, root.GetProperty("summary_data_threshold_percent").GetDouble());
        var corridors = root.GetProperty("corridors").EnumerateArray().ToList();
        Assert.Equal(2, corridors.Count);
        Assert.Equal("1-A-2", corridors[0].GetProperty("beneficiary").GetString());
        Assert.Contains("×", root.GetProperty("method").GetString());
        var (bad, _, err) = Cli.Run("item1115", deal, "--format", "xml");
        Assert.NotEqual(0, bad);
        Assert.Contains("xml", err);
    }
}
