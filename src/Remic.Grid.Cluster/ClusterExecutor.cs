namespace Remic.Grid.Cluster;

/// <summary>Knobs of <see cref="ClusterExecutor"/>; the defaults suit a cluster of a few silos on a LAN.</summary>
public sealed record ClusterExecutorOptions
{
    /// <summary>Batches sent and not yet answered, at most (backpressure on the client and the silos).</summary>
    public int MaxInFlight { get; init; } = 16;
    /// <summary>Batches that may start ahead of the first one not yet handed to the consumer (its reorder buffer bound); 0 = 4 × <see cref="MaxInFlight"/>.</summary>
    public int Window { get; init; }
    /// <summary>Tries of one batch (timeouts and lost silos) before the run gives up.</summary>
    public int MaxAttempts { get; init; } = 8;
    /// <summary>How long a try may take before the batch is sent again elsewhere, before any batch has come back (covers start-up).</summary>
    public TimeSpan FirstTimeout { get; init; } = TimeSpan.FromSeconds(120);
    /// <summary>Once batches come back: a try may take <see cref="TimeoutFactor"/> × the slowest answer so far, and at least this.</summary>
    public TimeSpan MinTimeout { get; init; } = TimeSpan.FromSeconds(10);
    public double TimeoutFactor { get; init; } = 5;
    /// <summary>Distinct worker grain keys: the client spreads keys over the silos' gateways, and a re-sent batch takes another key.</summary>
    public int Lanes { get; init; } = 64;
}

/// <summary>
/// Runs a job's batches on an Orleans cluster (<see cref="IGridWorkerGrain"/>, a stateless worker on whichever silo the
/// call reaches). One loop on the caller's side keeps at most <see cref="ClusterExecutorOptions.MaxInFlight"/> batches
/// out and never starts batch <c>i</c> before batches up to <c>i − Window</c> have been handed on. A try that fails (the
/// connection broke) or takes too long is sent again under another key, so it reaches a live silo; when the client loses
/// a gateway (<see cref="GatewayWatch"/>) every batch then out is sent again at once. The first answer of a batch is
/// handed on, later ones dropped. Results are computed by the same <see cref="BatchRunner"/> as the local engine from the
/// same job text, so the output is the same bit for bit.
/// </summary>
public sealed class ClusterExecutor(IClusterClient client, ClusterExecutorOptions? options = null) : IGridExecutor, IGridWindow, IGridEngineInfo
{
    private readonly ClusterExecutorOptions o = options ?? new ClusterExecutorOptions();
    private readonly GatewayWatch? watch = client.ServiceProvider.GetService(typeof(GatewayWatch)) as GatewayWatch;

    public int MaxInFlight => Math.Max(1, o.MaxInFlight);
    public int Window => o.Window > 0 ? o.Window : 4 * MaxInFlight;
    /// <summary>The last (or current) run: batches per silo, tries sent again, duplicates dropped.</summary>
    public ClusterRunStats Stats { get; } = new();
    /// <summary>Tries sent again after a failure, a timeout or a lost gateway, in the last run.</summary>
    public int Retries => Stats.Retries;
    /// <summary>Batches answered per silo address, in the last run.</summary>
    public IReadOnlyDictionary<string, int> BySilo => Stats.BySilo;
    /// <summary>What runs the grid, for the progress line and the summary (<see cref="ClusterRunStats.Describe"/>).</summary>
    public string Describe(bool brief = false) => Stats.Describe(brief);

    public async Task RunAsync(GridJob job, IReadOnlyList<GridBatch> batches, Func<GridBatch, GridBatchResult, ValueTask> onResult, CancellationToken ct)
    {
        if (batches.Count == 0) return;
        var wire = ClusterWire.For(client, job);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        Stats.Clear();
        try
        {
            await new ClusterRun(wire, batches, o, MaxInFlight, Window, watch, Stats, stop.Token).RunAsync(onResult, ct).ConfigureAwait(false);
        }
        finally
        {
            stop.Cancel(); // tries still out are abandoned; their answers, if any, are dropped
        }
        ct.ThrowIfCancellationRequested();
    }
}
