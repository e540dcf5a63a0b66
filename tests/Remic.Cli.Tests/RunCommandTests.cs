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
