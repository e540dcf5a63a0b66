namespace Remic.Grid.Tests;

public class ScenarioSpaceTests
{
    private static readonly GridAxes Axes = new()
    {
        Prepay = ["0 PPC", "100 PPC", "300 PPC"],
        Default = ["0 CDR", "5 CDR"],
        Severity = [25, 50],
        Lag = [0, 6, 12],
        Call = [false, true],
        IndexPaths = [new GridIndexPath("base", [1.1]), new GridIndexPath("up", [3.1])],
    };

    [Fact]
    public void The_count_is_the_product_of_the_axes()
    {
        Assert.Equal(2 * 3 * 2 * 2 * 3 * 2, new ScenarioSpace(Axes).Count);
        Assert.Equal(1, new ScenarioSpace(new GridAxes()).Count);
    }

    [Fact]
    public void Scenarios_run_call_fastest_then_lag_severity_default_prepay_and_path_slowest()
    {
        var s = new ScenarioSpace(Axes);
        Assert.Equal(new GridScenario(0, 0, 0, 0, 0, 0, 0), s.At(0));
        Assert.Equal(new GridScenario(1, 0, 0, 0, 0, 0, 1), s.At(1));
        Assert.Equal(new GridScenario(2, 0, 0, 0, 0, 1, 0), s.At(2));
        Assert.Equal(new GridScenario(6, 0, 0, 0, 1, 0, 0), s.At(6));
        Assert.Equal(new GridScenario(12, 0, 0, 1, 0, 0, 0), s.At(12));
        Assert.Equal(new GridScenario(24, 0, 1, 0, 0, 0, 0), s.At(24));
        Assert.Equal(new GridScenario(72, 1, 0, 0, 0, 0, 0), s.At(72));
        Assert.Equal(new GridScenario(143, 1, 2, 1, 1, 2, 1), s.At(143));
        Assert.Throws<ArgumentOutOfRangeException>(() => s.At(144));
    }

    [Fact]
    public void IndexOf_inverts_At_for_every_scenario()
    {
        var s = new ScenarioSpace(Axes);
        var seen = new HashSet<GridScenario>();
        for (long i = 0; i < s.Count; i++)
        {
            var g = s.At(i);
            Assert.True(seen.Add(g with { Index = 0 }));
            Assert.Equal(i, s.IndexOf(g.Path, g.Prepay, g.Default, g.Severity, g.Lag, g.Call));
        }
    }

    [Fact]
    public void Batches_cover_every_scenario_of_every_deal_once_in_order()
    {
        var job = new GridJob { Deals = [TestFiles.J4Deal, TestFiles.J4Deal], Axes = Axes };
        var batches = job.Batches(10);
        Assert.Equal(2 * 15, batches.Count);
        Assert.Equal(new GridBatch(0, 0, 10), batches[0]);
        Assert.Equal(new GridBatch(0, 140, 4), batches[14]);
        Assert.Equal(new GridBatch(1, 0, 10), batches[15]);
        Assert.Equal(2 * 144, batches.Sum(b => b.Count));
    }
}
