using Remic.Collateral;
using Remic.Collateral.Tape;

namespace Remic.Cli.Tests;

public class DemoCommandTests
{
    [Fact]
    public void Embedded_example_tape_is_the_seeded_synthetic_tape()
    {
        Assert.Equal(SyntheticTape.Csv(), System.Text.Encoding.UTF8.GetString(DemoCommand.ExampleTape()));
    }

    [Fact]
    public void Committed_example_file_is_the_seeded_synthetic_tape()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Remic.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        Assert.Equal(SyntheticTape.Csv(), File.ReadAllText(Path.Combine(dir.FullName, "examples", "collateral", "tape.csv")));
    }

    [Fact]
    public void Demo_prints_a_summary_per_group_and_the_total()
    {
        var (code, stdout, stderr) = Cli.Run("demo");
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        Assert.Contains("Synthetic example tape: 200 loans; prepay 100 PPC (8 CPR rising to 20 CPR by month 12), 0 CDR", stdout);
        var loans = SyntheticTape.Generate();
        var rows = stdout.Split('\n');
        foreach (var (group, balance) in loans.GroupBy(l => l.Group).Select(g => (g.Key, g.Sum(l => l.Balance))).Append(("total", loans.Sum(l => l.Balance))))
        {
            var row = rows.Single(r => r.TrimStart().StartsWith(group + " "));
            Assert.Contains(balance.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture), row);
        }
    }

    [Fact]
    public void Demo_wal_matches_a_direct_projection_of_the_synthetic_tape()
    {
        var loans = SyntheticTape.Generate();
        var p = Projector.Project(new LoanPool(loans), new Scenario { Prepay = Speed.Prepay("100 PPC") });
        var (_, stdout, _) = Cli.Run("demo");
        var total = stdout.Split('\n').Single(r => r.TrimStart().StartsWith("total "));
        Assert.Contains(p.Total.WalYears().ToString("0.000", System.Globalization.CultureInfo.InvariantCulture), total);
    }
}
