namespace Remic.Grid.Cluster.Tests;

/// <summary>
/// The wait before a try that follows a failed call (ClusterRun.RetryDelay). A silo SIGKILLed mid-run stays in the directory
/// until declared dead; on a quiet machine the two-process test's batch spent its 8 tries on it within 6 s (20.3 s into the
/// run: "got no answer in 8 tries … Unable to connect"). The waits must outlast a death declaration.
/// </summary>
public class ClusterRetryTests
{
    [Fact]
    public void Tries_after_failed_calls_wait_0_5_s_doubling_to_10_s_about_35_s_over_8_tries()
    {
        var waits = Enumerable.Range(1, 7).Select(a => ClusterRun.RetryDelay(a).TotalSeconds).ToArray(); // before tries 2..8
        Assert.Equal([0.5, 1, 2, 4, 8, 10, 10], waits);
        Assert.True(waits.Sum() >= 30);
    }
}
