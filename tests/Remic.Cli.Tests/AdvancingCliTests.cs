using System.Text.Json;

namespace Remic.Cli.Tests;

/// <summary>
/// <c>--advance pi|interest|none</c>. The hand case of docs/collateral.md: $120,000 at 0%, 120 months ($1,000 a month), half
/// defaults in month 1, severity 40%, lag 3.
/// </summary>
public class AdvancingCliTests
{
    private static readonly string[] Line =
        ["collateral", "--balance", "120000", "--gross", "0", "--servicing", "0", "--wam", "120", "--default", "50 MDR for 1, then 0 MDR",
         "--severity", "40", "--lag", "3", "--format", "csv"];

    private static string[] Month(string csv, int m) => csv.Split('\n')[m].Split(',');

    [Fact]
    public void Pi_advances_the_delinquent_half_and_recovers_it_from_the_liquidation_proceeds()
    {
        var (code, stdout, stderr) = Cli.Run([.. Line, "--advance", "pi"]);
        Assert.Equal((0, ""), (code, stderr));
        var head = Month(stdout, 0);
        int Col(string name) => Array.IndexOf(head, name);
        // Months 1-3: 500 paid by the performing half, 500 advanced on the delinquent half.
        for (var m = 1; m <= 3; m++)
            Assert.Equal(("1000.00", "500.00"), (Month(stdout, m)[Col("scheduled_principal")], Month(stdout, m)[Col("principal_advances")]));
        // Month 4: liquidated at its stated balance 58,500: loss 24,000 (40% of 60,000), proceeds 34,500, advances 1,500 recovered.
        var m4 = Month(stdout, 4);
        Assert.Equal(("34500.00", "1500.00", "24000.00", "58000.00"),
            (m4[Col("liquidation_proceeds")], m4[Col("advances_recovered")], m4[Col("realized_loss")], m4[Col("end_balance")]));
    }

    [Fact]
    public void Interest_advancing_keeps_the_defaulted_half_at_its_balance_until_liquidation()
    {
        var (code, stdout, _) = Cli.Run([.. Line, "--advance", "interest"]);
        Assert.Equal(0, code);
        var head = Month(stdout, 0);
        int Col(string name) => Array.IndexOf(head, name);
        Assert.Equal(("500.00", "0.00"), (Month(stdout, 1)[Col("scheduled_principal")], Month(stdout, 1)[Col("principal_advances")]));
        var m4 = Month(stdout, 4);
        Assert.Equal(("36000.00", "24000.00"), (m4[Col("liquidation_proceeds")], m4[Col("realized_loss")]));
    }

    [Fact]
    public void The_table_names_the_convention_and_shows_the_advances()
    {
        var (code, stdout, _) = Cli.Run([.. Line[..^2], "--advance", "pi"]);
        Assert.Equal(0, code);
        Assert.Contains("lag 3, P&I advancing", stdout);
        Assert.Contains("Prin Advanced", stdout);
        Assert.Contains("Adv Recovered", stdout);
        var (_, json, _) = Cli.Run([.. Line[..^2], "--advance", "none", "--format", "json"]);
        Assert.Equal("none", JsonDocument.Parse(json).RootElement.GetProperty("scenario").GetProperty("advancing_convention").GetString());
    }

    [Fact]
    public void A_bad_convention_is_an_input_error()
    {
        var (code, stdout, stderr) = Cli.Run("collateral", "--balance", "1e6", "--gross", "6.5", "--servicing", "0.25", "--wam", "360", "--advance", "sometimes");
        Assert.Equal((2, ""), (code, stdout));
        Assert.Equal("error: --advance: got 'sometimes'; expected an advancing convention: pi (scheduled principal and interest), interest or none",
            stderr.TrimEnd());
        // `remic run` writes to the console itself; its exit code is the one for bad input.
        Assert.Equal(2, Cli.Run("run", Path.Combine(CwaltExampleDeals.RepoRoot(), "examples", "sample", "deal.yaml"), "--advance", "sometimes").Code);
    }

    private static (string Checks, string Collateral, string Classes) RunDeal(params string[] args)
    {
        var dir = Path.Combine(Path.GetTempPath(), "remic-adv-" + Guid.NewGuid().ToString("N"));
        try
        {
            Assert.Equal(0, Cli.Run(["run", .. args, "--format", "csv", "--out", dir]).Code);
            return (File.ReadAllText(Path.Combine(dir, "checks.txt")), File.ReadAllText(Path.Combine(dir, "collateral.csv")),
                File.ReadAllText(Path.Combine(dir, "classes.csv")));
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }

    [Fact]
    public void Run_uses_the_deal_files_convention_unless_told_otherwise()
    {
        var deal = Path.Combine(CwaltExampleDeals.RepoRoot(), "examples", "cwalt-2004-j4", "deal.yaml");
        string[] scenario = [deal, "--prepay", "100 PPC", "--default", "5 CDR", "--severity", "50", "--lag", "6"];
        var pi = RunDeal(scenario);
        var interest = RunDeal([.. scenario, "--advance", "interest"]);
        Assert.Contains("lag 6, P&I advancing", pi.Checks);                  // advancing: pi in the deal file
        Assert.Contains("lag 6, interest advancing", interest.Checks);
        Assert.EndsWith("interest_advances,principal_advances,advances_recovered", pi.Collateral.Split('\n')[0].TrimEnd());
        // P&I advancing brings principal forward; over the life every dollar of the cut-off balance (616,382,060.00) is
        // either collateral principal or realised loss under both conventions. The realised loss is severity × the
        // balance at default (57,453,350.65 under both) plus the liquidated loans' accrued interest the proceeds pay
        // first (PSA: Realized Loss = unpaid principal and accrued interest less net liquidation proceeds), which
        // depends on the balance still outstanding at liquidation, so the split differs slightly between them.
        static (decimal Principal, decimal Loss) Totals(string checks)
        {
            var m = System.Text.RegularExpressions.Regex.Match(checks, @"collateral principal ([\d.]+) \+ realised losses ([\d.]+)");
            return (decimal.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                decimal.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
        foreach (var t in new[] { Totals(pi.Checks), Totals(interest.Checks) })
        {
            Assert.Equal(616_382_060.00m, t.Principal + t.Loss);
            Assert.InRange(t.Loss, 57_453_350.65m, 57_453_350.65m * 1.02m); // + at most a month's interest or so
        }
        Assert.NotEqual(interest.Classes, pi.Classes);
    }
}
