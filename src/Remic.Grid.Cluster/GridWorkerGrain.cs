using Orleans.Concurrency;

namespace Remic.Grid.Cluster;

/// <summary>The grid worker: hands each call to its silo's <see cref="GridWorkerService"/> (the caches and the core gate).</summary>
[StatelessWorker]
internal sealed class GridWorkerGrain(GridWorkerService service) : Grain, IGridWorkerGrain
{
    public Task<BatchReply> Run(BatchRequest request) => service.RunAsync(request);

    public Task<string> Where() => Task.FromResult(service.Silo);
}
