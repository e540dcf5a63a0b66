using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Remic.Grid.Cluster;

/// <summary>
/// The executor <c>remic grid … --cluster "Host=…"</c> runs on: connected (or refused with an input error naming
/// <c>--cluster</c>) when created, before any output is opened; a <see cref="ClusterExecutor"/> over that connection;
/// the connection closed when the run ends.
/// </summary>
public sealed class ClusterGrid : IGridExecutor, IGridEngineInfo
{
    private readonly IHost host;
    private readonly ClusterExecutor executor;

    private ClusterGrid(IHost host, ClusterExecutor executor)
    {
        this.host = host;
        this.executor = executor;
    }

    public ClusterExecutor Executor => executor;
    public string Describe(bool brief = false) => executor.Describe(brief);

    /// <summary>
    /// Connects to the cluster whose membership is in <paramref name="connection"/> (waiting at most <paramref name="wait"/>
    /// for a silo), over TLS when <paramref name="tls"/> is given. <paramref name="window"/> is how far ahead of the consumer batches may start (the grid writer's reorder
    /// bound); the batches in flight are at most that and <see cref="ClusterExecutorOptions.MaxInFlight"/>.
    /// </summary>
    public static async Task<ClusterGrid> ConnectAsync(string? connection, int window, TimeSpan? wait = null, CancellationToken ct = default, ClusterTls? tls = null)
    {
        var cluster = ClusterConnection.Parse(connection);
        var host = await GridClient.ConnectAsync(cluster, wait ?? GridClient.DefaultWait, ct, tls);
        var defaults = new ClusterExecutorOptions();
        var options = defaults with { Window = Math.Max(1, window), MaxInFlight = Math.Clamp(window, 1, defaults.MaxInFlight) };
        return new ClusterGrid(host, new ClusterExecutor(host.Services.GetRequiredService<IClusterClient>(), options));
    }

    public async Task RunAsync(GridJob job, IReadOnlyList<GridBatch> batches, Func<GridBatch, GridBatchResult, ValueTask> onResult, CancellationToken ct)
    {
        try { await executor.RunAsync(job, batches, onResult, ct).ConfigureAwait(false); }
        finally
        {
            using var bye = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try { await host.StopAsync(bye.Token).ConfigureAwait(false); }
            catch (OperationCanceledException) { /* a gateway that died cannot say goodbye */ }
            host.Dispose();
        }
    }
}
