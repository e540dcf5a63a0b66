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

    [Theory]
    [InlineData("collateral", "error: --advance: got 'sometimes'; expected an advancing convention: pi (scheduled principal and interest), interest or none")]
    [InlineData("run", "--advance: got 'sometimes'; expected an advancing convention: pi (scheduled principal and interest), interest or none")]
    public void A_bad_convention_is_an_input_error(string command, string message)
    {
        string[] args = command == "collateral"
            ? ["collateral", "--balance", "1e6", "--gross", "6.5", "--servicing", "0.25", "--wam", "360", "--advance", "sometimes"]
            : ["run", Path.Combine(CwaltExampleDeals.RepoRoot(), "examples", "sample", "deal.yaml"), "--advance", "sometimes"];
        var (code, stdout, stderr) = Cli.Run(args);
        Assert.Equal((2, ""), (code, stdout));
        Assert.Equal(message, stderr.TrimEnd());
    }

    [Fact]
    public void Run_uses_the_deal_files_convention_unless_told_otherwise()
    {
        var deal = Path.Combine(CwaltExampleDeals.RepoRoot(), "examples", "cwalt-2004-j4", "deal.yaml");
        string[] scenario = ["--prepay", "100 PPC", "--default", "5 CDR", "--severity", "50", "--lag", "6", "--format", "csv"];
        var (_, pi, _) = Cli.Run(["run", deal, .. scenario]);
        var (_, interest, _) = Cli.Run(["run", deal, .. scenario, "--advance", "interest"]);
        Assert.Contains("lag 6, P&I advancing", pi);                  // advancing: pi in the deal file
        Assert.Contains("lag 6, interest advancing", interest);
        // P&I advancing brings principal forward; over the life the collateral principal and losses are the same
        // (the loss is severity × the balance at default under both).
        static string Totals(string csv) =>
            System.Text.RegularExpressions.Regex.Match(csv, @"collateral principal ([\d.,]+) \+ realised losses ([\d.,]+)").Value;
        Assert.Equal(Totals(interest), Totals(pi));
        Assert.Equal("collateral principal 558928709.35 + realised losses 57453350.65", Totals(pi));
        Assert.NotEqual(interest.Split("\n\n")[0], pi.Split("\n\n")[0]);        // the class flows differ
    }
}
