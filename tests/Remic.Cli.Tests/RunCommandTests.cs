using Remic.Cli;

namespace Remic.Cli.Tests;

/// <summary>`remic run` end to end: exit codes, files written, bad input.</summary>
public class RunCommandTests
{
    private static string Root()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "Remic.sln"))) d = d.Parent;
        return d!.FullName;
    }

    private static readonly string Sample = Path.Combine(Root(), "examples", "sample", "deal.yaml");

    private static int Run(params string[] args) => Program.BuildRoot().Parse(args).Invoke();

    [Fact]
    public void Writes_class_and_collateral_files_and_the_checks()
    {
        var dir = Path.Combine(Path.GetTempPath(), "remic-run-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(0, Run("run", Sample, "--prepay", "300 PPC", "--default", "2 CDR", "--severity", "40", "--lag", "6", "--format", "csv", "--out", dir));
        var classes = File.ReadAllLines(Path.Combine(dir, "classes.csv"));
        Assert.StartsWith("period,date,class,begin_balance,coupon,interest_due,interest_paid,interest_shortfall,unpaid_interest,principal,loss,accretion,end_balance", classes[0]);
        Assert.Contains(classes, l => l.StartsWith("1,2004-04-25,1-A-1,30000000.00,5.5,137500.00,137500.00,", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(dir, "collateral.csv")));
        Assert.Contains("checks passed every period", File.ReadAllText(Path.Combine(dir, "checks.txt")));
        Assert.Empty(Directory.GetFiles(dir, "*.tmp"));
    }

    [Theory]
    [InlineData("0 PPC", "0 CDR")]
    [InlineData("300 PPC", "5 CDR")]
    public void Class_cash_including_the_residual_adds_up_to_Available_Funds_and_the_printed_equations_balance(string prepay, string dflt)
    {
        // Issue 11 item 6: the residual's distributions are in its own row, so the classes' cash is all of Available Funds.
        var dir = Path.Combine(Path.GetTempPath(), "remic-run-" + Guid.NewGuid().ToString("N"));
        var j2 = Path.Combine(Root(), "examples", "cwalt-2004-j2", "deal.yaml");
        Assert.Equal(0, Run("run", j2, "--prepay", prepay, "--default", dflt, "--severity", "50", "--lag", "6", "--format", "csv", "--out", dir));
        var classes = Csv(Path.Combine(dir, "classes.csv"));
        var groups = Csv(Path.Combine(dir, "collateral.csv"));
        Assert.EndsWith(",corridor_paid,residual_paid", File.ReadLines(Path.Combine(dir, "classes.csv")).First());
        foreach (var period in groups.Select(r => r["period"]).Distinct())
        {
            var af = groups.Where(r => r["period"] == period).Sum(r => decimal.Parse(r["available_funds"], Inv));
            var cash = classes.Where(r => r["period"] == period)
                .Sum(r => decimal.Parse(r["interest_paid"], Inv) + decimal.Parse(r["principal"], Inv) + decimal.Parse(r["po_deferred_paid"], Inv) + decimal.Parse(r["residual_paid"], Inv));
            Assert.True(Math.Abs(af - cash) <= 0.01m * 16, $"period {period}: Available Funds {af} but the classes received {cash}");
        }
        // Residual cash shows in the residual's row (with no losses nothing is left over for it).
        var residual = classes.Sum(r => decimal.Parse(r["residual_paid"], Inv));
        Assert.Equal(residual, classes.Where(r => r["class"] == "A-R").Sum(r => decimal.Parse(r["residual_paid"], Inv)));
        if (dflt == "0 CDR") Assert.Equal(0m, residual);
        // The printed conservation line balances: left = right to the cent.
        var line = File.ReadLines(Path.Combine(dir, "checks.txt")).Single(l => l.StartsWith("collateral principal", StringComparison.Ordinal));
        var n = System.Text.RegularExpressions.Regex.Matches(line, @"-?[0-9][0-9.]*").Select(m => decimal.Parse(m.Value, Inv)).ToArray();
        Assert.Equal(6, n.Length);
        Assert.True(Math.Abs(n[0] + n[1] - (n[2] + n[3] - n[4] + n[5])) <= 0.02m, line);
        Assert.Contains("undercollateralisation at the end 0.00", line); // no class is left above the pool at the deal's end
    }

    private static readonly System.Globalization.CultureInfo Inv = System.Globalization.CultureInfo.InvariantCulture;

    private static List<Dictionary<string, string>> Csv(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => header.Zip(l.Split(','), (h, v) => (h, v)).ToDictionary(x => x.h, x => x.v)).ToList();
    }

    [Fact]
    public void Json_output_and_the_clean_up_call()
    {
        var dir = Path.Combine(Path.GetTempPath(), "remic-run-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(0, Run("run", Sample, "--call", "--format", "json", "--out", dir));
        var json = File.ReadAllText(Path.Combine(dir, "cashflows.json"));
        Assert.Contains("\"classes\"", json);
        Assert.Contains("clean-up call exercised in period", json);
    }

    [Fact]
    public void Bad_deal_file_exits_2()
    {
        var bad = Path.Combine(Path.GetTempPath(), "remic-bad-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(bad, File.ReadAllText(Sample).Replace("classes: [A-R, 1-A-1, 1-A-2, 1-X]", "classes: [A-R, 1-A-9, 1-A-2, 1-X]"));
        Assert.Equal(2, Run("run", bad));
    }

    [Theory]
    [InlineData("--prepay", "fast")]
    [InlineData("--severity", "140")]
    [InlineData("--index", "LIBOR_1MO=abc")]
    public void Bad_options_exit_2(string option, string value) => Assert.Equal(2, Run("run", Sample, option, value));

    [Fact]
    public void Missing_deal_file_exits_2() => Assert.Equal(2, Run("run", "/no/such/deal.yaml"));
}
