using System.Text.Json;

namespace Remic.Cli.Tests;

/// <summary><c>remic price</c> against a published price/yield table (shared/reference/edgar.md, case E2).</summary>
public class PriceEdgarTests
{
    // MASTR 2005-2 group 6 as one rep line: WAC 5.707567647, net 5.451716 (servicing 0.255851647), WAM 177, WALA 3.
    private const string Tape =
        "loan_id,group,balance,original_balance,gross_rate,servicing_fee,original_term,remaining_term,age,io_term,balloon_term,fico,original_ltv,state,property_type,occupancy,purpose,documentation\n" +
        "g6,6,32000000.00,32000000,5.707567647,0.255851647,180,177,3,0,0,720,70,CA,SFR,PRIMARY,PURCHASE,FULL\n";

    [Fact]
    public void E2_mastr_2005_2_6a1_at_90_00_and_0_ppc_matches_the_published_table()
    {
        // Class 6A1: 5.00% coupon, the sole senior of group 6 (pro rata at 0 PPC), dated 2005-02-01, settle 2005-02-28,
        // first payment 2005-03-25, delay 24. Published: yield 6.679, WAL 8.42, mod duration 6.105, convexity 0.566.
        using var dir = new Cli.TempDir();
        var (code, stdout, stderr) = Cli.Run("price", "--tape", dir.File("e2.csv", Tape), "--prices", "90-00", "--speeds", "0 PPC",
            "--cutoff", "2005-02-01", "--settle", "2005-02-28", "--coupon", "5", "--format", "json");
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        var s = JsonDocument.Parse(stdout).RootElement.GetProperty("speeds")[0];
        Assert.Equal(6.679, s.GetProperty("yields")[0].GetProperty("yield_percent").GetDouble(), 0.01);
        Assert.Equal(8.42, s.GetProperty("wal_years").GetDouble(), 0.02);
        Assert.Equal(6.105, s.GetProperty("modified_duration").GetDouble(), 0.02);
        Assert.Equal(0.566, s.GetProperty("convexity").GetDouble(), 0.01);
        // Window opens with the first payment; the rep line's WAM 177 closes it in Nov19 (real loans ran to Jan20).
        Assert.Equal("Mar05 - Nov19", s.GetProperty("principal_window").GetString());
    }
}
