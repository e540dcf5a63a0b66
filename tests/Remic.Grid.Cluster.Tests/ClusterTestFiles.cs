namespace Remic.Grid.Cluster.Tests;

internal static class ClusterTestFiles
{
    public static string Repo([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));

    public static string J4 => Path.Combine(Repo(), "examples", "cwalt-2004-j4", "deal.yaml");
    public static string Sample => Path.Combine(Repo(), "examples", "sample", "deal.yaml");

    /// <summary>
    /// 2,000 scenarios of two deals (J4 and the sample deal, 1,000 each): 10 speeds × 10 CDRs × 10 severities, a 6-month
    /// lag, yields at par; two deals so a batch's deal index travels through the cluster too.
    /// </summary>
    public static GridJob Job2000() => new()
    {
        Deals = [GridDeal.Read(J4), GridDeal.Read(Sample)],
        Axes = GridAxes.Parse("0..450 PPC step 50", "0..9 CDR step 1", "10..100 step 10", "6"),
        Price = "100-00",
    };

    /// <summary>Every batch's encoded result, in batch-list order, through the same ordered sink the grid writer uses.</summary>
    public static async Task<byte[]> RunAll(IGridExecutor executor, GridJob job, IReadOnlyList<GridBatch> batches,
        Func<int, ValueTask>? afterEach = null, int maxBuffered = 256)
    {
        var bytes = new MemoryStream();
        var sink = new GridOrderedSink(batches, (_, r) => { bytes.Write(r.Encode()); return ValueTask.CompletedTask; }, maxBuffered);
        var arrived = 0;
        await executor.RunAsync(job, batches, async (b, r) =>
        {
            await sink.Accept(b, r);
            if (afterEach is not null) await afterEach(++arrived);
        }, CancellationToken.None);
        Assert.True(sink.Complete, $"{sink.Written} of {batches.Count} batches written");
        return bytes.ToArray();
    }

    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "remic-cluster-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }
}
