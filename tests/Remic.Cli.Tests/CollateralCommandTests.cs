using System.Text.Json;

namespace Remic.Cli.Tests;

public class CollateralCommandTests
{
    // The rep line of shared/reference/collateral.md: $100,000,000, 6.50% gross, 0.25% servicing, 360 months, new.
    private static readonly string[] RefLine = ["collateral", "--balance", "100000000", "--gross", "6.5", "--servicing", "0.25", "--wam", "360"];

    private static JsonElement Json(string stdout) => JsonDocument.Parse(stdout).RootElement;

    [Fact]
    public void Rep_line_at_100_psa_reproduces_the_reference_figures_in_json()
    {
        var (code, stdout, stderr) = Cli.Run([.. RefLine, "--prepay", "100 PSA", "--format", "json"]);
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        var group = Json(stdout).GetProperty("groups")[0];
        var summary = group.GetProperty("summary");
        Assert.Equal(11.493976, summary.GetProperty("wal_years").GetDouble(), 6);
        Assert.Equal(71_837_351.62m, summary.GetProperty("net_interest").GetDecimal());
        Assert.Equal(100_000_000.00m, summary.GetProperty("total_principal").GetDecimal());
        Assert.Equal(360, summary.GetProperty("months_to_zero").GetInt32());
        var months = group.GetProperty("months");
        Assert.Equal(90_401.36m, months[0].GetProperty("scheduled_principal").GetDecimal());
        Assert.Equal(16_666.88m, months[0].GetProperty("prepayment").GetDecimal());
        Assert.Equal(97_594_417.15m, months[11].GetProperty("end_balance").GetDecimal());
        Assert.Equal(11.493976, Json(stdout).GetProperty("total").GetProperty("wal_years").GetDouble(), 6);
    }

    [Fact]
    public void Net_rate_instead_of_servicing_gives_the_same_projection()
    {
        var a = Cli.Run([.. RefLine, "--prepay", "300 PSA", "--format", "json"]);
        var b = Cli.Run(["collateral", "--balance", "100000000", "--gross", "6.5", "--net", "6.25", "--wam", "360", "--prepay", "300 PSA", "--format", "json"]);
        Assert.Equal(a.Out, b.Out);
        Assert.Equal(5.769321, Json(a.Out).GetProperty("total").GetProperty("wal_years").GetDouble(), 6);
        Assert.Equal(36_058_258.73m, Json(a.Out).GetProperty("total").GetProperty("net_interest").GetDecimal());
    }

    [Fact]
    public void Loss_case_reproduces_the_reference_defaults_and_losses()
    {
        var (code, stdout, _) = Cli.Run([.. RefLine, "--prepay", "100 PSA", "--default", "100 SDA", "--severity", "40", "--lag", "12", "--format", "json"]);
        Assert.Equal(0, code);
        var s = Json(stdout).GetProperty("total");
        Assert.Equal(3_041_862.98m, s.GetProperty("defaults").GetDecimal());
        Assert.Equal(1_216_745.19m, s.GetProperty("realized_loss").GetDecimal());
        Assert.Equal(1_666.82m, Json(stdout).GetProperty("groups")[0].GetProperty("months")[0].GetProperty("defaults").GetDecimal());
    }

    [Fact]
    public void Csv_has_a_header_and_one_row_per_month()
    {
        var (code, stdout, _) = Cli.Run([.. RefLine, "--prepay", "20 CPR", "--format", "csv"]);
        Assert.Equal(0, code);
        var lines = stdout.TrimEnd('\n').Split('\n');
        Assert.Equal("group,month,begin_balance,scheduled_principal,prepayment,defaults,liquidation_proceeds,advances_recovered,realized_loss,gross_interest,servicing_fee,other_fees,advances,principal_advances,net_interest,end_balance,loan_count", lines[0]);
        Assert.Equal(361, lines.Length);
        Assert.StartsWith("1,1,100000000.00,90401.36,1840681.51,0.00,0.00,0.00,0.00,541666.67,20833.33,0.00,0.00,0.00,520833.33,", lines[1]);
        Assert.Equal("79105819.62", lines[12].Split(',')[15]);
    }

    [Fact]
    public void Table_prints_monthly_rows_and_the_summary()
    {
        var (code, stdout, _) = Cli.Run([.. RefLine, "--prepay", "100 PSA"]);
        Assert.Equal(0, code);
        Assert.Contains("Scenario: prepay 100 PSA, default 0 CDR, severity 0%, lag 0, interest advancing", stdout);
        Assert.Contains("Group 1: monthly cash flows", stdout);
        Assert.Contains("90,401.36", stdout);
        Assert.Contains("97,594,417.15", stdout);
        Assert.Contains("Summary", stdout);
        Assert.Contains("11.494", stdout);
    }

    private const string Header = "loan_id,group,balance,original_balance,gross_rate,servicing_fee,original_term,remaining_term,age,io_term,balloon_term,fico,original_ltv,state,property_type,occupancy,purpose,documentation";

    // Group A: $100,000 at 6% for 360 months (payment $599.55); group B: $120,000 at 0% for 120 months ($1,000 a month).
    private const string TwoGroupTape = Header + "\n"
        + "a1,A,100000.00,100000,6,0.25,360,360,0,0,0,720,80,CA,SFR,PRIMARY,PURCHASE,FULL\n"
        + "b1,B,120000.00,120000,0,0,120,120,0,0,0,700,75,TX,PUD,INVESTOR,CASHOUT_REFI,REDUCED\n";

    [Fact]
    public void Tape_run_projects_each_group()
    {
        using var dir = new Cli.TempDir();
        var (code, stdout, stderr) = Cli.Run("collateral", "--tape", dir.File("tape.csv", TwoGroupTape), "--format", "json");
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        var root = Json(stdout);
        var a = root.GetProperty("groups")[0];
        var b = root.GetProperty("groups")[1];
        Assert.Equal("A", a.GetProperty("group").GetString());
        Assert.Equal(99.55m, a.GetProperty("months")[0].GetProperty("scheduled_principal").GetDecimal());
        Assert.Equal(1_000.00m, b.GetProperty("months")[119].GetProperty("scheduled_principal").GetDecimal());
        Assert.Equal(121.0 / 24, b.GetProperty("summary").GetProperty("wal_years").GetDouble(), 9);
        Assert.Equal(220_000.00m, root.GetProperty("total").GetProperty("cutoff_balance").GetDecimal());
        Assert.Equal(2, root.GetProperty("total").GetProperty("loans").GetDouble());
    }

    [Fact]
    public void Group_filter_keeps_one_group_and_rejects_an_unknown_one()
    {
        using var dir = new Cli.TempDir();
        var tape = dir.File("tape.csv", TwoGroupTape);
        var (code, stdout, _) = Cli.Run("collateral", "--tape", tape, "--group", "B", "--format", "json");
        Assert.Equal(0, code);
        var groups = Json(stdout).GetProperty("groups");
        Assert.Equal(1, groups.GetArrayLength());
        Assert.Equal(120, groups[0].GetProperty("summary").GetProperty("months_to_zero").GetInt32());

        var bad = Cli.Run("collateral", "--tape", tape, "--group", "C");
        Assert.Equal(2, bad.Code);
        Assert.Equal("error: --group: got 'C'; a loan group on the tape (A, B)\n", bad.Err.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Bad_tape_exits_2_with_every_error_and_writes_nothing()
    {
        using var dir = new Cli.TempDir();
        var tape = dir.File("bad.csv", TwoGroupTape.Replace(",720,", ",900,").Replace(",TX,", ",ZZ,"));
        var outFile = dir.File("out.json");
        var (code, stdout, stderr) = Cli.Run("collateral", "--tape", tape, "--format", "json", "--out", outFile);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal(
            $"error: {tape}:2 fico: got '900'; a FICO score, a whole number from 300 to 850\n" +
            $"error: {tape}:3 state: got 'ZZ'; a US state or territory code, two letters (e.g. CA)\n", stderr.Replace("\r\n", "\n"));
        Assert.False(File.Exists(outFile));
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }

    [Fact]
    public void Out_is_written_whole_on_success_and_left_untouched_on_error()
    {
        using var dir = new Cli.TempDir();
        var outFile = dir.File("flows.json");
        var ok = Cli.Run([.. RefLine, "--prepay", "100 PSA", "--format", "json", "--out", outFile]);
        Assert.Equal(0, ok.Code);
        Assert.Equal($"wrote {outFile}\n", ok.Out.Replace("\r\n", "\n"));
        var written = File.ReadAllText(outFile);
        Assert.Equal(11.493976, Json(written).GetProperty("total").GetProperty("wal_years").GetDouble(), 6);

        var bad = Cli.Run([.. RefLine, "--prepay", "100 PSB", "--format", "json", "--out", outFile]);
        Assert.Equal(2, bad.Code);
        Assert.Equal(written, File.ReadAllText(outFile));
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Help_lists_the_collateral_and_demo_commands()
    {
        var (code, stdout, _) = Cli.Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("collateral", stdout);
        Assert.Contains("demo", stdout);
    }

    [Fact]
    public void Out_into_a_missing_directory_is_an_input_error()
    {
        using var dir = new Cli.TempDir();
        var outFile = Path.Combine(dir.Path, "no-such-dir", "x.json");
        var (code, _, stderr) = Cli.Run([.. RefLine, "--out", outFile]);
        Assert.Equal(2, code);
        Assert.Equal($"error: --out: got '{outFile}'; a file in an existing directory\n", stderr.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Ppc_ramp_option_defines_100_ppc()
    {
        // A flat ramp (6 CPR from month 1) at 100 PPC is 6 CPR; 200 PPC of it is 12 CPR.
        string Wal(params string[] extra) => Json(Cli.Run([.. RefLine, "--format", "json", .. extra]).Out).GetProperty("total").GetProperty("wal_years").GetRawText();
        Assert.Equal(Wal("--prepay", "6 CPR"), Wal("--prepay", "100 PPC", "--ppc-ramp", "6,6,1"));
        Assert.Equal(Wal("--prepay", "12 CPR"), Wal("--prepay", "200 PPC", "--ppc-ramp", "6,6,1"));
        Assert.NotEqual(Wal("--prepay", "100 PPC"), Wal("--prepay", "100 PPC", "--ppc-ramp", "6,6,1"));
    }

    [Theory]
    [InlineData(new[] { "collateral", "--gross", "6.5", "--servicing", "0.25", "--wam", "360" },
        "error: --balance: this option is required: a balance in dollars greater than 0, e.g. 100000000")]
    [InlineData(new[] { "collateral", "--balance", "1e6", "--gross", "6.5", "--wam", "360" },
        "error: --servicing: this option is required: a servicing fee in percent from 0 to the gross rate (6.5); or give --net")]
    [InlineData(new[] { "collateral", "--balance", "abc", "--gross", "6.5", "--servicing", "0.25", "--wam", "360" },
        "error: --balance: got 'abc'; a balance in dollars greater than 0, e.g. 100000000")]
    [InlineData(new[] { "collateral", "--balance", "1e6", "--gross", "30", "--servicing", "0.25", "--wam", "360" },
        "error: --gross: got '30'; a gross rate in percent from 0 to 25, e.g. 6.5")]
    [InlineData(new[] { "collateral", "--balance", "1e6", "--gross", "6.5", "--net", "6.25", "--servicing", "0.25", "--wam", "360" },
        "error: --net: got '6.25'; either --net or --servicing, not both")]
    [InlineData(new[] { "collateral", "--balance", "1e6", "--gross", "6.5", "--servicing", "0.25", "--wam", "360", "--wala", "10", "--balloon", "5" },
        "error: --balloon: got '5'; a balloon age after the loan age --wala (10), or 0 for none")]
    [InlineData(new[] { "collateral", "--balance", "1e6", "--gross", "6.5", "--servicing", "0.25", "--wam", "360", "--prepay", "fast" },
        "error: --prepay: got 'fast'; cannot read this part of the speed; expected a prepayment speed such as '100 PSA', '25 CPR', '150 PPC' or '5 CPR for 12, then 20 CPR' (units CPR, SMM, PSA or PPC)")]
    [InlineData(new[] { "collateral", "--balance", "1e6", "--gross", "6.5", "--servicing", "0.25", "--wam", "360", "--severity", "140" },
        "error: --severity: got '140'; a loss severity in percent from 0 to 100")]
    [InlineData(new[] { "collateral", "--balance", "1e6", "--gross", "6.5", "--servicing", "0.25", "--wam", "360", "--format", "xml" },
        "error: --format: got 'xml'; table, csv or json")]
    [InlineData(new[] { "collateral", "--balance", "1e6", "--gross", "6.5", "--servicing", "0.25", "--wam", "360", "--advance", "pi", "--no-advance" },
        "error: --advance: either --advance or --no-advance, not both")]
    [InlineData(new[] { "collateral", "--tape", "x.csv", "--balance", "1e6" },
        "error: --balance: either --tape or rep-line options (--balance), not both")]
    [InlineData(new[] { "collateral", "--balance", "1e6", "--gross", "6.5", "--servicing", "0.25", "--wam", "360", "--index", "LIBOR" },
        "error: --index: got 'LIBOR'; NAME=rate in percent, or NAME=r1,r2,... by month (e.g. LIBOR_6MO=1.85)")]
    public void Bad_options_exit_2_with_a_clear_message(string[] args, string message)
    {
        var (code, stdout, stderr) = Cli.Run(args);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal(message + "\n", stderr.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Problems_with_the_loans_the_scenario_and_the_format_are_reported_together()
    {
        var (code, _, stderr) = Cli.Run("collateral", "--gross", "6.5", "--servicing", "0.25", "--wam", "360", "--prepay", "-1 CPR", "--format", "pdf");
        Assert.Equal(2, code);
        Assert.Equal(
            "error: --format: got 'pdf'; table, csv or json\n" +
            "error: --balance: this option is required: a balance in dollars greater than 0, e.g. 100000000\n" +
            "error: --prepay: got '-1 CPR'; a speed cannot be negative; expected a prepayment speed such as '100 PSA', '25 CPR', '150 PPC' or '5 CPR for 12, then 20 CPR' (units CPR, SMM, PSA or PPC)\n",
            stderr.Replace("\r\n", "\n"));
    }

    private const string ArmTape = Header + ",index,margin,first_reset_age,reset_frequency,initial_cap,periodic_cap,lifetime_cap,lifetime_floor\n"
        + "arm1,1,100000.00,100000,4,0.25,360,360,0,0,0,720,80,CA,SFR,PRIMARY,PURCHASE,FULL,LIBOR_6MO,2.25,61,12,2,1,9,2.25\n";

    [Fact]
    public void Arm_tape_needs_its_index_and_resets_off_it()
    {
        using var dir = new Cli.TempDir();
        var tape = dir.File("arm.csv", ArmTape);
        var missing = Cli.Run("collateral", "--tape", tape);
        Assert.Equal(2, missing.Code);
        Assert.Equal("error: --index LIBOR_6MO: an ARM resets off index 'LIBOR_6MO' but no value was given for it (e.g. --index \"LIBOR_6MO=5.32\")\n", missing.Err.Replace("\r\n", "\n"));

        // Index 5% + margin 2.25% = 7.25%, capped at 4% + 2% = 6% at the first reset (age 61).
        var (code, stdout, _) = Cli.Run("collateral", "--tape", tape, "--index", "LIBOR_6MO=5", "--format", "json");
        Assert.Equal(0, code);
        var months = Json(stdout).GetProperty("groups")[0].GetProperty("months");
        var b60 = months[59].GetProperty("end_balance").GetDouble();
        Assert.Equal(Math.Round(b60 * 0.06 / 12, 2), months[60].GetProperty("gross_interest").GetDouble(), 2);

        // Several --index options; an index path by month (5% for 61 months then 1%: the reset at 73 moves down 1% to 5%).
        var two = Cli.Run("collateral", "--tape", tape, "--index", "CMT_1YR=3", "--index", "LIBOR_6MO=" + string.Join(",", Enumerable.Repeat("5", 61)) + ",1", "--format", "json");
        Assert.Equal(0, two.Code);
        var m2 = Json(two.Out).GetProperty("groups")[0].GetProperty("months");
        var b72 = m2[71].GetProperty("end_balance").GetDouble();
        Assert.Equal(Math.Round(b72 * 0.05 / 12, 2), m2[72].GetProperty("gross_interest").GetDouble(), 2);

        // The index is required even when no reset falls within --months.
        var short12 = Cli.Run("collateral", "--tape", tape, "--months", "12");
        Assert.Equal(2, short12.Code);
        Assert.Equal(missing.Err, short12.Err);

        var dup = Cli.Run("collateral", "--tape", tape, "--index", "LIBOR_6MO=5", "--index", "libor_6mo=4");
        Assert.Equal(2, dup.Code);
        Assert.Equal("error: --index: got 'libor_6mo=4'; each index once; libor_6mo is given twice\n", dup.Err.Replace("\r\n", "\n"));
    }
}
