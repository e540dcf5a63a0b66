using System.Text.Json;

namespace Remic.Cli.Tests;

public class PriceCommandTests
{
    private const string Header = "loan_id,group,balance,original_balance,gross_rate,servicing_fee,original_term,remaining_term,age,io_term,balloon_term,fico,original_ltv,state,property_type,occupancy,purpose,documentation";

    // Group 1: one new $1,000,000 loan at 6.25% gross, 0.25% servicing (net 6%), 360 months. Group 2: a second loan.
    private const string Tape = Header + "\n"
        + "a1,1,1000000.00,1000000,6.25,0.25,360,360,0,0,0,720,80,CA,SFR,PRIMARY,PURCHASE,FULL\n"
        + "b1,2,200000.00,200000,7,0.25,360,360,0,0,0,700,75,TX,PUD,INVESTOR,CASHOUT_REFI,REDUCED\n";

    /// <summary>Yield of group 1 at 0 CPR by bisection: level-pay flows at 6% net, t = 25/30 + k months, 29 days accrued.</summary>
    private static double HandYieldPercent(double price, double coupon = 0.06)
    {
        const double b = 1_000_000, r = 0.0625 / 12;
        double Bal(int k) => b * (Math.Pow(1 + r, 360) - Math.Pow(1 + r, k)) / (Math.Pow(1 + r, 360) - 1);
        var dirty = price / 100 * b + b * coupon * 29 / 360;
        double Pv(double i)
        {
            double s = 0;
            for (var k = 1; k <= 360; k++) s += (Bal(k - 1) - Bal(k) + Bal(k - 1) * coupon / 12) * Math.Pow(1 + i, -(25.0 / 30 + k - 1));
            return s;
        }
        double lo = -0.01, hi = 0.05;
        for (var it = 0; it < 200; it++) { var mid = (lo + hi) / 2; if (Pv(mid) > dirty) lo = mid; else hi = mid; }
        return 200 * (Math.Pow(1 + (lo + hi) / 2, 6) - 1);
    }

    [Fact]
    public void Json_yields_match_a_hand_discounting_of_the_group()
    {
        using var dir = new Cli.TempDir();
        var (code, stdout, stderr) = Cli.Run("price", "--tape", dir.File("t.csv", Tape), "--group", "1", "--prices", "99-00,100-00,101-16",
            "--speeds", "0,100,300 PPC", "--settle", "2004-04-30", "--format", "json");
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        var root = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("100-00", root.GetProperty("reference_price").GetString());
        var zero = root.GetProperty("speeds")[0];
        Assert.Equal("0 PPC", zero.GetProperty("speed").GetString());
        Assert.Equal("300 PPC", root.GetProperty("speeds")[2].GetProperty("speed").GetString());
        var yields = zero.GetProperty("yields");
        Assert.Equal(HandYieldPercent(99), yields[0].GetProperty("yield_percent").GetDouble(), 5);
        Assert.Equal(HandYieldPercent(101.5), yields[2].GetProperty("yield_percent").GetDouble(), 5);
        Assert.Equal("May04 - Apr34", zero.GetProperty("principal_window").GetString());
    }

    [Fact]
    public void Coupon_option_prices_a_fixed_coupon_class_on_the_group_principal()
    {
        using var dir = new Cli.TempDir();
        var (code, stdout, _) = Cli.Run("price", "--tape", dir.File("t.csv", Tape), "--group", "1", "--prices", "99-00", "--speeds", "0 CPR", "--coupon", "5.5", "--format", "json");
        Assert.Equal(0, code);
        var y = JsonDocument.Parse(stdout).RootElement.GetProperty("speeds")[0].GetProperty("yields")[0].GetProperty("yield_percent").GetDouble();
        Assert.Equal(HandYieldPercent(99, 0.055), y, 5);
    }

    [Fact]
    public void Table_and_csv_formats()
    {
        using var dir = new Cli.TempDir();
        var tape = dir.File("t.csv", Tape);
        var table = Cli.Run("price", "--tape", tape, "--group", "1", "--prices", "99-00,99-16,100-00", "--speeds", "0,50,100,150,200,300 PPC");
        Assert.Equal(0, table.Code);
        var lines = table.Out.Replace("\r\n", "\n").Split('\n');
        Assert.Equal("Group 1: pass-through at the net WAC (6.000%)", lines[0]);
        // The header block: balance, coupon, delay, dates, WAC/NET/WAM/WALA and the pricing speed, as the Intex page prints them.
        Assert.Matches(@"^Balance\s+1,000,000\.00\s+Coupon\s+6\.000\s+Delay\s+24$", lines[2]);
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"WALA\s+\d+\s+Pricing Speed\s+100 PPC"));
        var head = Array.FindIndex(lines, l => l.StartsWith("Price "));
        Assert.Equal("Price                      0 PPC         50 PPC        100 PPC        150 PPC        200 PPC        300 PPC", lines[head]);
        Assert.StartsWith("99-00                      " + HandYieldPercent(99).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture), lines[head + 2]);

        var csv = Cli.Run("price", "--tape", tape, "--group", "1", "--prices", "100-00", "--speeds", "0 CPR; 5 CPR for 12, then 20 CPR", "--format", "csv");
        Assert.Equal(0, csv.Code);
        var rows = csv.Out.Replace("\r\n", "\n").TrimEnd().Split('\n');
        Assert.Equal(TidyHeader, rows[0]);
        Assert.StartsWith("group 1,0 CPR,false,price,100,100,100-00,", rows[1]);
        Assert.StartsWith("group 1,\"5 CPR for 12, then 20 CPR\",false,price,100,100,100-00,", rows[2]);
        Assert.StartsWith("group 1,100 PPC,false,price,100,100,100-00,", rows[3]); // the pricing speed is always a column
        Assert.Equal(4, rows.Length);
    }

    public const string TidyHeader = "class,scenario,to_call,quoted_in,quote,price,price_32nds,yield_percent,dm_bp,i_spread_bp,z_spread_bp,wal_years,mod_duration,convexity,window_first,window_last,maturity_months";

    [Theory]
    [InlineData(new[] { "--group", "9" }, "error: --group: got '9'; a loan group on the tape (1, 2)")]
    [InlineData(new string[0], "error: --group: this option is required: a loan group on the tape (1, 2)")]
    [InlineData(new[] { "--group", "1", "--prices", "99-00,99-40" },
        "error: --prices: got '99-40'; 40 is not a number of 32nds (00 to 31); expected a price in percent of face as points-32nds ('99-16', '99-16+', '99-162': a third digit counts eighths of a 32nd) or a decimal ('99.5')")]
    [InlineData(new[] { "--group", "1", "--settle", "2004-03-31" },
        "error: --settle: got '2004-03-31'; the settlement date must be on or after the dated date 2004-04-01")]
    [InlineData(new[] { "--group", "1", "--settle", "30/04/2004" }, "error: --settle: got '30/04/2004'; a date as YYYY-MM-DD, e.g. 2004-04-30")]
    [InlineData(new[] { "--group", "1", "--speeds", "0,50,100" },
        "error: --speeds: got '0,50,100'; no unit; a list of prepayment speeds such as '0,50,100,150 PPC' (the unit applies to each value) or '100 PSA; 5 CPR for 12, then 20 CPR' (semicolons between vector speeds)")]
    [InlineData(new[] { "--group", "1", "--speeds", "0,50,fast" },
        "error: --speeds: got 'fast'; not a speed (a number, then optionally its unit); a list of prepayment speeds such as '0,50,100,150 PPC' (the unit applies to each value) or '100 PSA; 5 CPR for 12, then 20 CPR' (semicolons between vector speeds)")]
    [InlineData(new[] { "--group", "1", "--speeds", "0,50 PPX" },
        "error: --speeds: got 'PPX'; 'PPX' is not a prepayment unit; expected a prepayment speed such as '100 PSA', '25 CPR', '150 PPC' or '5 CPR for 12, then 20 CPR' (units CPR, SMM, PSA or PPC)")]
    [InlineData(new[] { "--group", "1", "--format", "xml" }, "error: --format: got 'xml'; table, csv, json or xlsx")]
    [InlineData(new[] { "--group", "1", "--format", "xlsx" }, "error: --out: got 'OUT'; a file name ending in .xlsx")]
    [InlineData(new[] { "--group", "1", "--curve", "6MO 2.6, 2YR" }, "error: --curve: got '2YR'; expected tenor and par yield (percent) pairs, e.g. \"6MO 2.634, 2YR 3.142, 10YR 4.140\" (tenors in MO/M, YR/Y or W, increasing), or a file of such lines")]
    [InlineData(new[] { "--group", "1", "--curve", "2YR 3, 1YR 2" }, "error: --curve: got '1YR 2'; tenors in increasing order; expected tenor and par yield (percent) pairs, e.g. \"6MO 2.634, 2YR 3.142, 10YR 4.140\" (tenors in MO/M, YR/Y or W, increasing), or a file of such lines")]
    [InlineData(new[] { "--group", "1", "--spreads", "50" }, "error: --spreads: got '50'; a Treasury curve (--curve) to take I- or Z-spreads over, or --spread-kind dm for a floater")]
    [InlineData(new[] { "--group", "1", "--yields", "5,x" }, "error: --yields: got 'x'; yields in percent, comma-separated, e.g. '4.5, 5, 5.5'")]
    [InlineData(new[] { "--group", "1", "--pricing-speed", "fast" }, "error: --pricing-speed: got 'fast'; cannot read this part of the speed; expected a prepayment speed such as '100 PSA', '25 CPR', '150 PPC' or '5 CPR for 12, then 20 CPR' (units CPR, SMM, PSA or PPC)")]
    public void Bad_input_exits_2_with_a_clear_message_and_writes_nothing(string[] extra, string message)
    {
        using var dir = new Cli.TempDir();
        var outFile = Path.Combine(dir.Path, "out.txt");
        var (code, stdout, stderr) = Cli.Run(["price", "--tape", dir.File("t.csv", Tape), .. extra, "--out", outFile]);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal(message.Replace("OUT", outFile) + "\n", stderr.Replace("\r\n", "\n"));
        Assert.False(File.Exists(outFile));
    }

    [Fact]
    public void A_unit_applies_to_the_bare_values_before_it_and_after_the_last_one()
    {
        using var dir = new Cli.TempDir();
        var (code, stdout, _) = Cli.Run("price", "--tape", dir.File("t.csv", Tape), "--group", "1", "--prices", "100", "--speeds", "0,25 CPR,100,200 PSA", "--format", "csv");
        Assert.Equal(0, code);
        var scenarios = stdout.Replace("\r\n", "\n").TrimEnd().Split('\n').Skip(1).Select(r => r.Split(',')[1]).ToList();
        Assert.Equal(["0 CPR", "25 CPR", "100 PSA", "200 PSA", "100 PPC"], scenarios);
    }

    [Fact]
    public void Settling_after_the_group_has_paid_off_is_an_input_error()
    {
        using var dir = new Cli.TempDir();
        var (code, _, stderr) = Cli.Run("price", "--tape", dir.File("t.csv", Tape), "--group", "1", "--speeds", "0 CPR", "--settle", "2040-01-15");
        Assert.Equal(2, code);
        Assert.Equal("error: --settle: got '2040-01-15'; the settlement date must be before the class pays off (last distribution 2034-04-25)\n", stderr.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Out_file_gets_the_table_only_on_success()
    {
        using var dir = new Cli.TempDir();
        var outFile = Path.Combine(dir.Path, "py.csv");
        var ok = Cli.Run("price", "--tape", dir.File("t.csv", Tape), "--group", "1", "--prices", "100", "--speeds", "0 CPR", "--format", "csv", "--out", outFile);
        Assert.Equal(0, ok.Code);
        Assert.Equal($"wrote {outFile}\n", ok.Out.Replace("\r\n", "\n"));
        Assert.StartsWith(TidyHeader + "\r\ngroup 1,0 CPR,false,price,100,100,100-00,", File.ReadAllText(outFile));
    }

    [Fact]
    public void Help_lists_the_price_command()
    {
        var (code, stdout, _) = Cli.Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("price", stdout);
        var help = Cli.Run("price", "--help");
        Assert.Contains("--speeds", help.Out);
        Assert.Contains("'0,50,100 PPC' (the unit applies to each value)", help.Out);
    }

    [Fact]
    public void Several_bad_values_are_reported_together()
    {
        using var dir = new Cli.TempDir();
        var (code, _, stderr) = Cli.Run("price", "--tape", dir.File("t.csv", Tape), "--group", "3", "--prices", "abc", "--settle", "2004-01-01");
        Assert.Equal(2, code);
        Assert.Equal(
            "error: --group: got '3'; a loan group on the tape (1, 2)\n" +
            "error: --prices: got 'abc'; expected a price in percent of face as points-32nds ('99-16', '99-16+', '99-162': a third digit counts eighths of a 32nd) or a decimal ('99.5')\n" +
            "error: --settle: got '2004-01-01'; the settlement date must be on or after the dated date 2004-04-01\n",
            stderr.Replace("\r\n", "\n"));
    }
}

public class PriceArmTests
{
    private const string ArmTape = "loan_id,group,balance,original_balance,gross_rate,servicing_fee,original_term,remaining_term,age,io_term,balloon_term,fico,original_ltv,state,property_type,occupancy,purpose,documentation,index,margin,first_reset_age,reset_frequency,initial_cap,periodic_cap,lifetime_cap,lifetime_floor\n"
        + "arm1,1,100000.00,100000,4,0.25,360,360,0,0,0,720,80,CA,SFR,PRIMARY,PURCHASE,FULL,LIBOR_6MO,2.25,61,12,2,1,9,2.25\n";

    [Fact]
    public void Arm_group_needs_its_index_path()
    {
        using var dir = new Cli.TempDir();
        var tape = dir.File("arm.csv", ArmTape);
        var missing = Cli.Run("price", "--tape", tape, "--speeds", "0 CPR");
        Assert.Equal(2, missing.Code);
        Assert.Equal("error: --index LIBOR_6MO: an ARM resets off index 'LIBOR_6MO' but no value was given for it (e.g. --index \"LIBOR_6MO=5.32\")\n", missing.Err.Replace("\r\n", "\n"));
        var ok = Cli.Run("price", "--tape", tape, "--speeds", "0 CPR", "--index", "LIBOR_6MO=5", "--prices", "100-00", "--format", "csv");
        Assert.Equal(0, ok.Code);
        Assert.StartsWith(PriceCommandTests.TidyHeader + "\r\ngroup 1,0 CPR,false,price,100,100,100-00,", ok.Out);
    }
}
