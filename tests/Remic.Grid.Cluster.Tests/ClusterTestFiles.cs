namespace Remic.Grid.Cluster.Tests;

internal static class ClusterTestFiles
{
    public static string Repo([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));

    public static string J4 => Path.Combine(Repo(), "examples", "cwalt-2004-j4", "deal.yaml");
    public static string Sample => Path.Combine(Repo(), "examples", "sample", "deal.yaml");

    /// <summary>The grid's axes as `remic grid` options (the two-process test passes them to the CLI).</summary>
    public const string Prepay = "0..450 PPC step 50", Default = "0..9 CDR step 1", Severity = "10..100 step 10", Lag = "6", Price = "100-00";

    /// <summary>
    /// 2,000 scenario rows: J4 and the sample deal (two deals, so a batch's deal index travels through the cluster too),
    /// each under 10 speeds × 10 CDRs × 10 severities at a 6-month lag, yields at par. Built as `remic grid` builds it.
    /// </summary>
    public static GridJob Job2000() => new()
    {
        Deals = [GridDeal.Read(J4), GridDeal.Read(Sample)],
        Axes = GridAxes.Parse(Prepay, Default, Severity, Lag),
        Price = Price,
    };

    /// <summary>Runs the job on the executor through the grid's own runner and writer into a new Parquet file; returns its bytes.</summary>
    public static async Task<byte[]> Parquet(GridJob job, IGridExecutor executor, int workers = 2)
    {
        var path = Path.Combine(TempDir(), "grid.parquet");
        var output = GridOutput.Open(path, job, resume: false);
        try
        {
            var r = await GridRunner.RunAsync(job, output, executor, workers, null, CancellationToken.None);
            Assert.True(r.Completed);
        }
        finally { await output.DisposeAsync(); }
        return await File.ReadAllBytesAsync(path);
    }

    /// <summary>The local engine's output of <see cref="Job2000"/>, computed once for every test of the run.</summary>
    public static Task<byte[]> LocalReference => local.Value;
    private static readonly Lazy<Task<byte[]>> local = new(() => Task.Run(() => Parquet(Job2000(), new LocalExecutor(2))));

    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "remic-cluster-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }
}

/// <summary>An executor that calls <paramref name="afterEach"/> with the count of results handed on so far (to kill a silo mid-run).</summary>
internal sealed class Watched(IGridExecutor inner, Func<int, ValueTask> afterEach) : IGridExecutor
{
    public async Task RunAsync(GridJob job, IReadOnlyList<GridBatch> batches, Func<GridBatch, GridBatchResult, ValueTask> onResult, CancellationToken ct)
    {
        var arrived = 0;
        await inner.RunAsync(job, batches, async (b, r) =>
        {
            await onResult(b, r);
            await afterEach(++arrived);
        }, ct);
    }
}
