using Microsoft.Extensions.DependencyInjection;

namespace Remic.Grid.Cluster;

/// <summary>
/// Tells the <see cref="ClusterExecutor"/> at once when the client loses a gateway (a silo died or left): the batches then
/// out may have gone to it, and Orleans would only time them out, so the executor sends them again elsewhere.
/// </summary>
public sealed class GatewayWatch
{
    private TaskCompletionSource next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int losses;

    /// <summary>Gateways lost since the client started.</summary>
    public int Losses => Volatile.Read(ref losses);

    /// <summary>Completes at the next loss.</summary>
    public Task NextLoss => Volatile.Read(ref next).Task;

    public void OnChanged(object? sender, GatewayCountChangedEventArgs e)
    {
        if (e.NumberOfConnectedGateways >= e.PreviousNumberOfConnectedGateways) return;
        Interlocked.Increment(ref losses);
        Interlocked.Exchange(ref next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }
}

public static class GridClientBuilder
{
    /// <summary>What a grid client needs beside its clustering: the <see cref="GatewayWatch"/> (used by <c>remic grid --cluster</c> and tests).</summary>
    public static IClientBuilder AddGridClient(this IClientBuilder client)
    {
        client.Services.AddSingleton<GatewayWatch>();
        client.AddGatewayCountChangedHandler(sp => sp.GetRequiredService<GatewayWatch>().OnChanged);
        return client;
    }
}
