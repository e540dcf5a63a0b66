namespace Remic.Cli.Tests;

/// <summary>
/// deal.prepayment_assumption and assumptions.indices as <c>remic run</c>, <c>price</c> and <c>trustee simulate</c> use them:
/// the file's value whenever the option is not given, the option when it is, today's defaults when the file has neither.
/// </summary>
public class DealFileFieldsCliTests
{
    private static string Text(string deal) => File.ReadAllText(CwaltExampleDeals.PathOf(deal));

    /// <summary>classes.csv of `remic run` on the file with the options.</summary>
    private static string Classes(string dealFile, params string[] extra)
    {
        using var dir = new Cli.TempDir();
        var (code, _, err) = Cli.Run(["run", dealFile, "--prepay", "100 PPC", "--format", "csv", "--out", dir.Path, .. extra]);
        Assert.True(code == 0, err);
        return File.ReadAllText(Path.Combine(dir.Path, "classes.csv"));
    }

    private static string Cell(string csv, int period, string cls, string column)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var col = Array.IndexOf(lines[0].Split(','), column);
        return lines.Select(l => l.Split(',')).Single(r => r[0] == period.ToString() && r[2] == cls)[col];
    }

    [Fact]
    public void A_ramp_in_the_file_changes_run_exactly_as_ppc_ramp_does()
    {
        using var tmp = new Cli.TempDir();
        var text = Text("cwalt-2004-j2");
        Assert.DoesNotContain("prepayment_assumption", text);
        var withRamp = tmp.File("j2.yaml", text.Replace("  settlement_date: 2004-03-30\n",
            "  settlement_date: 2004-03-30\n  prepayment_assumption: { start_cpr: 6, plateau_cpr: 20, months_to_plateau: 12 }\n"));
        var original = CwaltExampleDeals.PathOf("cwalt-2004-j2");
        var byFile = Classes(withRamp);
        Assert.Equal(Classes(original, "--ppc-ramp", "6,20,12"), byFile);
        Assert.NotEqual(Classes(original), byFile); // without either: 8 → 20 CPR
        Assert.Equal(Classes(original), Classes(withRamp, "--ppc-ramp", "8,20,12")); // the option wins over the file
    }

    [Fact]
    public void The_26T1_file_carries_its_printed_ramp_and_passing_it_explicitly_gives_the_same_run()
    {
        var deal = CwaltExampleDeals.PathOf("cwalt-2004-26t1");
        Assert.Equal(new Remic.Collateral.PpcRamp(6, 20, 12), CwaltExampleDeals.Load("cwalt-2004-26t1").Metadata.PrepaymentAssumption);
        var byFile = Classes(deal);
        Assert.Equal(Classes(deal, "--ppc-ramp", "6,20,12"), byFile);
        Assert.NotEqual(Classes(deal, "--ppc-ramp", "8,20,12"), byFile);
    }

    [Fact]
    public void Cm_on_26T1_reproduces_the_printed_WALs_at_100_PPC_from_the_files_ramp_alone()
    {
        // Deal Summary (efc4-1928_exhibit991.txt): A1 WAL 4.13, SUBORD 10.01 at 100 PPC = 6 → 20 CPR over 12 months.
        using var dir = new Cli.TempDir();
        var deal = CwaltExampleDeals.PathOf("cwalt-2004-26t1");
        var (code, stdout, err) = Cli.Run("cm", deal, "--speeds", "100 PPC", "--out", Path.Combine(dir.Path, "a"));
        Assert.True(code == 0, err);
        Assert.Matches(@"A1\s+330,000,000\.00\s+6\.000%\s+WAL\s+4\.13 yr", stdout);
        Assert.Matches(@"SUBORD\s+21,063,829\.80\s+6\.000%\s+WAL\s+10\.01 yr", stdout);
        Assert.Contains($"100% PPC = {new Remic.Collateral.PpcRamp(6, 20, 12)}", File.ReadAllText(Path.Combine(dir.Path, "a", "deal.txt")));
        var (code8, stdout8, _) = Cli.Run("cm", deal, "--speeds", "100 PPC", "--ppc-ramp", "8,20,12", "--out", Path.Combine(dir.Path, "b"));
        Assert.Equal(0, code8);
        Assert.DoesNotMatch(@"A1\s+330,000,000\.00\s+6\.000%\s+WAL\s+4\.13 yr", stdout8); // the option wins over the file
        Assert.Contains($"100% PPC = {Remic.Collateral.PpcRamp.CwaltFixed}", File.ReadAllText(Path.Combine(dir.Path, "b", "deal.txt")));
    }

    [Fact]
    public void The_assumed_index_drives_a_floaters_coupon_in_run_and_index_overrides_it()
    {
        var j4 = CwaltExampleDeals.PathOf("cwalt-2004-j4");
        var byFile = Classes(j4);
        // 1-A-1 = LIBOR + 0.40% (floor 0.40, cap 5.50): 1.10 + 0.40 = 1.50%; 30/360: 119,351,000 × 1.5% / 12.
        Assert.Equal("1.5", Cell(byFile, 1, "1-A-1", "coupon"));
        Assert.Equal("149188.75", Cell(byFile, 1, "1-A-1", "interest_due"));
        Assert.Equal("4", Cell(byFile, 1, "1-A-3", "coupon")); // inverse IO: 5.10 − 1.10
        Assert.Equal(Classes(j4, "--index", "LIBOR_1MO=1.10"), byFile);
        var given = Classes(j4, "--index", "LIBOR_1MO=2.00");
        Assert.Equal("2.4", Cell(given, 1, "1-A-1", "coupon"));

        var t1 = CwaltExampleDeals.PathOf("cwalt-2007-12t1");
        var t1ByFile = Classes(t1);
        Assert.Equal("5.82", Cell(t1ByFile, 1, "1-A-2", "coupon")); // 5.32 + 0.50
        Assert.Equal(Classes(t1, "--index", "LIBOR_1MO=5.32"), t1ByFile);
    }

    [Fact]
    public void A_floater_deal_without_assumed_index_or_index_option_is_still_refused()
    {
        using var tmp = new Cli.TempDir();
        var text = Text("cwalt-2007-12t1");
        var cut = text.IndexOf("assumptions:\n", StringComparison.Ordinal);
        Assert.True(cut > 0);
        var deal = tmp.File("t1.yaml", text[..cut]);
        var (code, _, _) = Cli.Run("run", deal, "--out", tmp.File("out"));
        Assert.Equal(2, code); // `remic run` writes its message to Console.Error, not the captured writer
        Assert.False(File.Exists(Path.Combine(tmp.Path, "out", "checks.txt")));
    }

    [Fact]
    public void Price_on_a_deal_uses_the_assumed_index_unless_index_is_given()
    {
        var t1 = CwaltExampleDeals.PathOf("cwalt-2007-12t1");
        string[] args = ["price", t1, "--class", "1-A-2", "--prices", "100-00", "--speeds", "100,200 PPC"];
        var byFile = Cli.Run(args);
        Assert.True(byFile.Code == 0, byFile.Err);
        Assert.Equal(Cli.Run([.. args, "--index", "LIBOR_1MO=5.32"]).Out, byFile.Out);
        Assert.NotEqual(Cli.Run([.. args, "--index", "LIBOR_1MO=1.10"]).Out, byFile.Out);
    }

    [Fact]
    public void Trustee_simulate_follows_the_files_ramp_unless_ppc_ramp_is_given()
    {
        using var tmp = new Cli.TempDir();
        var sample = CwaltExampleDeals.PathOf("sample");
        var text = File.ReadAllText(sample);
        var flat = tmp.File("flat.yaml", text.Replace("  settlement_date: 2004-03-30\n",
            "  settlement_date: 2004-03-30\n  prepayment_assumption: { start_cpr: 40, plateau_cpr: 40, months_to_plateau: 1 }\n"));
        string Remittances(string deal, string name, params string[] extra)
        {
            var dir = tmp.File(name);
            var r = Cli.Run(["trustee", "simulate", deal, "--months", "3", "--prepay", "100 PPC", "--out", dir, .. extra]);
            Assert.True(r.Code == 0, r.Err);
            return string.Join("\n", Directory.GetFiles(dir).Order().Select(File.ReadAllText));
        }
        var byFile = Remittances(flat, "a");
        Assert.Equal(Remittances(sample, "b", "--ppc-ramp", "40,40,1"), byFile);
        Assert.NotEqual(Remittances(sample, "c"), byFile);
        Assert.Equal(Remittances(sample, "c2"), Remittances(flat, "d", "--ppc-ramp", "8,20,12"));
    }
}
