using System.Text.Json;

namespace Remic.Cli.Tests;

/// <summary>`remic price deal.yaml --class` and `remic cm deal.yaml`: output, and bad inputs with their exact messages.</summary>
public class DealPriceAndCmCommandTests
{
    private static string Repo([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));

    private static readonly string Sample = Path.Combine(Repo(), "examples", "sample", "deal.yaml");
    private static readonly string Structures = Path.Combine(Repo(), "examples", "sample", "structures.yaml");

    [Fact]
    public void A_deal_class_prices_as_a_table_with_a_row_per_price_and_the_figures()
    {
        var (code, stdout, stderr) = Cli.Run("price", Sample, "--class", "1-A-1", "--prices", "99-00,99-16,100-00",
            "--speeds", "0,50,100,150,200,300 PPC", "--settle", "2004-04-30");
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        var lines = stdout.Split('\n');
        Assert.StartsWith("Sample Alternative Loan Trust 2004-S1: Price/Yield - Class 1-A-1 (Senior, 5.500%)", lines[0]);
        Assert.Matches(@"^Balance\s+[\d,.]+\s+Coupon\s+5\.500\s+Delay\s+24$", lines[2]);
        Assert.Contains(lines, l => l.Contains("Clean-up Call") && l.Contains("10% of cut-off balance"));
        var head = Array.FindIndex(lines, l => l.StartsWith("Price "));
        // The deal has a clean-up call: each speed has its to-call column beside it.
        Assert.Matches(@"^Price\s+0 PPC\s+0 PPC Call\s+50 PPC\s+50 PPC Call\s+100 PPC\s+100 PPC Call\s+150 PPC\s+150 PPC Call\s+200 PPC\s+200 PPC Call\s+300 PPC\s+300 PPC Call$", lines[head]);
        Assert.StartsWith("99-00", lines[head + 2]);
        Assert.StartsWith("WAL (yr)", lines[head + 5]);
    }

    [Fact]
    public void A_floaters_json_carries_its_discount_margin_and_an_IOs_yields_are_per_100_of_notional()
    {
        var (code, stdout, stderr) = Cli.Run("price", Structures, "--class", "A-5", "--prices", "100", "--speeds", "0,100 PPC",
            "--index", "LIBOR_1MO=5.32", "--format", "json");
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        var speeds = JsonDocument.Parse(stdout).RootElement.GetProperty("speeds");
        foreach (var s in speeds.EnumerateArray()) Assert.Equal(40, s.GetProperty("discount_margin_bp").GetDouble(), 3);

        var io = Cli.Run("price", Sample, "--class", "1-X", "--prices", "1-08,2-00", "--speeds", "0,100 PPC", "--format", "csv");
        Assert.Equal(0, io.Code);
        var rows = io.Out.Replace("\r\n", "\n").TrimEnd().Split('\n');
        Assert.Equal(PriceCommandTests.TidyHeader, rows[0]);
        // Lower price, higher yield: both parse as yields of a strip worth a few points.
        double Yield(string price) => double.Parse(rows.Single(r => r.StartsWith($"1-X,0 PPC,false,price,{price},")).Split(',')[7], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Yield("1.25") > Yield("2") && Yield("2") > 0);
    }

    [Fact]
    public void Bad_deal_price_inputs_are_all_reported_with_exit_2()
    {
        using var dir = new Cli.TempDir();
        var outFile = dir.File("p.txt");
        var (code, stdout, stderr) = Cli.Run("price", Sample, "--class", "Z-9", "--prices", "99-40,abc", "--speeds", "0,50",
            "--settle", "2004-03-01", "--out", outFile);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.False(File.Exists(outFile));
        Assert.Equal(
        [
            "error: --prices: got '99-40'; 40 is not a number of 32nds (00 to 31); expected a price in percent of face as points-32nds ('99-16', '99-16+', '99-162': a third digit counts eighths of a 32nd) or a decimal ('99.5')",
            "error: --prices: got 'abc'; expected a price in percent of face as points-32nds ('99-16', '99-16+', '99-162': a third digit counts eighths of a 32nd) or a decimal ('99.5')",
            "error: --speeds: got '0,50'; no unit; a list of prepayment speeds such as '0,50,100,150 PPC' (the unit applies to each value) or '100 PSA; 5 CPR for 12, then 20 CPR' (semicolons between vector speeds)",
            "error: --settle: got '2004-03-01'; the settlement date must be on or after the closing date 2004-03-30",
            "error: --class: got 'Z-9'; a class of the deal (one of A-R, 1-A-1, 1-A-2, 2-A-1, 2-A-2, PO, 1-X, 2-X, M, B-1, B-2, B-3, B-4, B-5)",
        ], stderr.TrimEnd().Split(Environment.NewLine));
    }

    [Fact]
    public void A_deal_needs_a_class_and_takes_no_tape_options()
    {
        var (code, _, stderr) = Cli.Run("price", Sample, "--tape", "t.csv", "--coupon", "5");
        Assert.Equal(2, code);
        Assert.Equal(
        [
            "error: --tape: only for a tape; a deal file gives its own collateral, dates, delay and coupons",
            "error: --coupon: only for a tape; a deal file gives its own collateral, dates, delay and coupons",
            "error: --class: this option is required with a deal file: the class to price",
        ], stderr.TrimEnd().Split(Environment.NewLine));
    }

    [Fact]
    public void Cm_refuses_bad_options_and_writes_nothing()
    {
        using var dir = new Cli.TempDir();
        var book = Path.Combine(dir.Path, "book");
        var (code, stdout, stderr) = Cli.Run("cm", Sample, "--out", book, "--speeds", "0,fast PPC", "--settle", "2004-02-30", "--index", "LIBOR_1MO=5");
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.False(Directory.Exists(book));
        Assert.Equal(
        [
            "error: --speeds: got 'fast PPC'; not a speed (a number, then optionally its unit); a list of prepayment speeds such as '0,50,100,150 PPC' (the unit applies to each value) or '100 PSA; 5 CPR for 12, then 20 CPR' (semicolons between vector speeds)",
            "error: --settle: got '2004-02-30'; a date as YYYY-MM-DD, e.g. 2004-04-30",
            "error: --index: got 'LIBOR_1MO'; the deal uses no index (no floater, corridor or ARM)",
        ], stderr.TrimEnd().Split(Environment.NewLine));
    }

    [Fact]
    public void Cm_writes_the_book_of_a_deal_and_prints_each_classs_headline()
    {
        using var dir = new Cli.TempDir();
        var book = Path.Combine(dir.Path, "book");
        var (code, stdout, stderr) = Cli.Run("cm", Structures, "--out", book, "--speeds", "0,100,300 PPC", "--index", "LIBOR_1MO=5.32");
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        Assert.StartsWith("Sample Structures Trust 2007-S2: 500 loans in 2 rep lines; 10 classes; pricing speed 100 PPC (3 speeds); settlement 2007-04-27", stdout);
        Assert.Contains("  A-6 ", stdout);
        Assert.True(File.Exists(Path.Combine(book, "index.html")));
        Assert.Matches(@"\n\s+DM \(bp\)\s+40\s", File.ReadAllText(Path.Combine(book, "price-yield-a-5.txt")));
        Assert.Contains("Index LIBOR_1MO", File.ReadAllText(Path.Combine(book, "deal.txt")));
    }
}
