using System.Globalization;
using System.Text.Json;
using MiniExcelLibs;

namespace Remic.Cli.Tests;

/// <summary>
/// `remic price` as the desk analyst of issue 12 used it on the README's deal: the J4 floater 1-A-1 with the header block,
/// the pricing speed, a DM for every price, I-/Z-spreads to the quoted Treasury curve, to-call columns and prices solved
/// back from yields and spreads; and the data outputs (JSON, xlsx, run --out Parquet).
/// </summary>
public class PriceExhibitCliTests
{
    private const string Curve = "6MO 2.634, 2YR 3.142, 3YR 3.295, 5YR 3.637, 10YR 4.140, 30YR 4.645";
    private static readonly string J4 = CwaltExampleDeals.PathOf("cwalt-2004-j4");

    [Fact]
    public void The_j4_floater_exhibit_has_its_header_a_dm_and_spreads_for_every_price_and_call_columns()
    {
        var (code, stdout, stderr) = Cli.Run("price", J4, "--class", "1-a-1", "--prices", "99-00,100-00,101-00", "--speeds", "0,200 PPC",
            "--curve", Curve, "--yields", "2.5", "--spreads", "50");
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        var lines = stdout.Replace("\r\n", "\n").Split('\n');
        // Header block: the Intex fields, the floater's terms, the pricing speed (100% PPC, not the middle of --speeds).
        foreach (var field in new[] { @"Balance\s+119,351,000\.00", @"Coupon\s+1\.500", @"Delay\s+0", @"Dated\s+2004-04-27", @"Settle\s+2004-04-27",
                     @"WAC\s+5\.760", @"NET\s+5\.500", @"WAM\s+358", @"WALA\s+2", @"Index\s+LIBOR_1MO", @"Index Value\s+1\.100", @"Margin\s+0\.400",
                     @"Cap\s+5\.500", @"Floor\s+0\.400", @"Pricing Speed\s+100 PPC", @"Clean-up Call\s+10% of cut-off balance" })
            Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, field));
        var head = Array.FindIndex(lines, l => l.StartsWith("Price "));
        Assert.Matches(@"^Price\s+0 PPC\s+0 PPC Call\s+100 PPC\s+100 PPC Call\s+200 PPC\s+200 PPC Call$", lines[head]);
        // Every price: yield, DM, I-spread, Z-spread.
        for (var p = 0; p < 3; p++)
        {
            Assert.Matches(@"^\d+-\d\d\s+Yield\s", lines[head + 2 + 4 * p]);
            Assert.Matches(@"^\s+DM \(bp\)\s", lines[head + 3 + 4 * p]);
            Assert.Matches(@"^\s+I-Spread \(bp\)\s", lines[head + 4 + 4 * p]);
            Assert.Matches(@"^\s+Z-Spread \(bp\)\s", lines[head + 5 + 4 * p]);
        }
        // At par the DM is the 40 bp margin, a little more the faster the class pays: its first coupon accrues from the
        // 25th while the buyer pays no accrued interest at settlement on the dated date (27th).
        Assert.Matches(@"^\s+DM \(bp\)(\s+4[01]){6}$", lines[head + 7]);
        Assert.StartsWith("Yield 2.500%", lines[head + 14]);
        Assert.StartsWith("I-spread +50 bp", lines[head + 15]);
    }

    [Fact]
    public void Json_of_the_exhibit_is_snake_case_in_percent_and_its_solved_prices_reprice()
    {
        var (code, stdout, stderr) = Cli.Run("price", J4, "--class", "1-A-1", "--prices", "100-00", "--speeds", "100 PPC", "--no-call",
            "--curve", Curve, "--yields", "2.5", "--spreads", "25", "--spread-kind", "z", "--format", "json");
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        var root = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("100 PPC", root.GetProperty("pricing_speed").GetString());
        Assert.Equal("0", root.GetProperty("header").GetProperty("delay").GetString());
        Assert.Equal(2.634, root.GetProperty("treasury_curve").GetProperty("par_yields")[0].GetProperty("par_yield_percent").GetDouble(), 9);
        var s = root.GetProperty("speeds");
        Assert.Equal(1, s.GetArrayLength()); // --no-call
        var solved = s[0].GetProperty("solved");
        Assert.Equal("yield_percent", solved[0].GetProperty("quoted_in").GetString());
        Assert.Equal(2.5, solved[0].GetProperty("yield_percent").GetDouble(), 6);
        Assert.Equal("z_spread_bp", solved[1].GetProperty("quoted_in").GetString());
        // Price the Z-spread price back: its Z-spread is the 25 bp asked.
        var price = solved[1].GetProperty("price_decimal").GetDouble().ToString("0.##########", CultureInfo.InvariantCulture);
        var back = JsonDocument.Parse(Cli.Run("price", J4, "--class", "1-A-1", "--prices", price, "--speeds", "100 PPC", "--no-call",
            "--curve", Curve, "--format", "json").Out).RootElement;
        Assert.Equal(25, back.GetProperty("speeds")[0].GetProperty("yields")[0].GetProperty("z_spread_bp").GetDouble(), 3);
    }

    [Fact]
    public void Xlsx_opens_with_the_exhibit_and_its_header_as_sheets()
    {
        using var dir = new Cli.TempDir();
        var file = dir.File("1a1.xlsx");
        var (code, stdout, stderr) = Cli.Run("price", J4, "--class", "1-A-1", "--prices", "99-16,100-00", "--speeds", "0,100 PPC", "--format", "xlsx", "--out", file);
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        Assert.Equal($"wrote {file}\n", stdout.Replace("\r\n", "\n"));
        Assert.Equal(["price-yield", "header"], MiniExcel.GetSheetNames(file));
        var rows = MiniExcel.Query(file, useHeaderRow: true, sheetName: "price-yield").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2 * 4, rows.Count); // 2 prices × (0, 100 PPC) × (maturity, call)
        var par = rows.Single(r => (string)r["scenario"] == "100 PPC" && (string)r["price_32nds"] == "100-00");
        Assert.InRange(Convert.ToDouble(par["dm_bp"], CultureInfo.InvariantCulture), 40, 41);
        Assert.Equal(100.0, Convert.ToDouble(par["price"], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Run_out_writes_the_monthly_flows_as_parquet_too()
    {
        using var dir = new Cli.TempDir();
        var (code, stdout, stderr) = Cli.Run("run", J4, "--out", dir.Path);
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        var csvRows = File.ReadAllLines(Path.Combine(dir.Path, "classes.csv")).Length - 1;
        using var stream = File.OpenRead(Path.Combine(dir.Path, "classes.parquet"));
        var reader = Parquet.ParquetReader.CreateAsync(stream).GetAwaiter().GetResult();
        try
        {
            var names = reader.Schema.GetDataFields().Select(f => f.Name).ToList();
            Assert.Equal(File.ReadLines(Path.Combine(dir.Path, "classes.csv")).First().Split(','), names);
            long rows = 0;
            for (var g = 0; g < reader.RowGroupCount; g++) { using var rg = reader.OpenRowGroupReader(g); rows += rg.RowCount; }
            Assert.Equal(csvRows, rows);
            Assert.Equal(typeof(double), reader.Schema.GetDataFields().Single(f => f.Name == "principal").ClrType);
        }
        finally { reader.DisposeAsync().AsTask().GetAwaiter().GetResult(); }
    }
}

/// <summary>Issue 12, item 12: every command's --help shows one example, a runnable `remic ...` line.</summary>
public class HelpExampleTests
{
    [Theory]
    [InlineData("demo")]
    [InlineData("collateral")]
    [InlineData("run")]
    [InlineData("price")]
    [InlineData("cm")]
    [InlineData("item1115")]
    [InlineData("trustee")]
    [InlineData("trustee", "init")]
    [InlineData("trustee", "remit")]
    [InlineData("trustee", "close")]
    [InlineData("trustee", "reopen")]
    [InlineData("trustee", "statement")]
    [InlineData("trustee", "simulate")]
    public void Help_shows_one_example(params string[] command)
    {
        var (code, stdout, _) = Cli.Run([.. command, "--help"]);
        Assert.Equal(0, code);
        var text = stdout.Replace("\r\n", "\n");
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Matches(text, @"\n\s*Example:\n\s+remic " + string.Join(" ", command) + " ").Count);
    }
}
