using System.Collections.Concurrent;
using Orleans.Runtime;
using Remic.Core;

namespace Remic.Grid.Cluster;

/// <summary>
/// One per silo: the jobs (without deals) and deals it has been sent, by content hash; the one-deal jobs it runs batches
/// of, each with a pool of <see cref="GridDealCache"/> (one per running batch, so a deal is parsed once per core); and a
/// gate that runs at most one batch per core at a time, off Orleans' scheduler. Caches are bounded by dropping everything
/// when full: a dropped job or deal is simply asked for again (<see cref="BatchReply.NeedJob"/>).
/// </summary>
public sealed class GridWorkerService
{
    private const int MaxJobs = 64, MaxDeals = 1024;
    private readonly ConcurrentDictionary<string, string> specs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> deals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Job, string Deal, int Index), Lazy<OneDeal>> jobs = new();
    private readonly SemaphoreSlim cores = new(Environment.ProcessorCount);

    public GridWorkerService(ILocalSiloDetails silo) => Silo = silo.SiloAddress.ToString();

    public string Silo { get; }

    public async Task<BatchReply> RunAsync(BatchRequest r)
    {
        if (r.JobJson is not null) Put(specs, r.JobHash, r.JobJson, MaxJobs);
        if (r.DealJson is not null) Put(deals, r.DealHash, r.DealJson, MaxDeals);
        var key = (r.JobHash, r.DealHash, r.Deal);
        if (!jobs.TryGetValue(key, out var one))
        {
            var haveJob = specs.TryGetValue(r.JobHash, out var spec);
            var haveDeal = deals.TryGetValue(r.DealHash, out var deal);
            if (!haveJob || !haveDeal) return new BatchReply(null, !haveJob, !haveDeal, null, null, Silo);
            if (jobs.Count >= MaxJobs) jobs.Clear();
            one = jobs.GetOrAdd(key, _ => new Lazy<OneDeal>(() => new OneDeal(JobWire.OneDealJob(spec!, deal!, r.Deal))));
        }
        await cores.WaitAsync();
        try
        {
            return await Task.Run(() => Compute(one, r));
        }
        finally { cores.Release(); }
    }

    private BatchReply Compute(Lazy<OneDeal> lazy, BatchRequest r)
    {
        try
        {
            var one = lazy.Value;
            var sent = one.Job.Deals[r.Deal].Hash;
            if (sent != r.DealHash) return new BatchReply(null, false, false, null, $"the deal sent as {r.DealHash} hashes to {sent}", Silo);
            var cache = one.Caches.TryTake(out var c) ? c : new GridDealCache();
            try
            {
                var result = BatchRunner.Run(one.Job, new GridBatch(r.Deal, r.First, r.Count), cache);
                return new BatchReply(result.Encode(), false, false, null, null, Silo);
            }
            finally { one.Caches.Add(cache); }
        }
        catch (RemicInputException e)
        {
            var wire = e.Errors.Select(x => new WireInputError(x.Source, x.Line, x.Field, x.Value, x.Expected, x.Column)).ToArray();
            return new BatchReply(null, false, false, wire, null, Silo);
        }
        catch (Exception e)
        {
            return new BatchReply(null, false, false, null, e.ToString(), Silo);
        }
    }

    private static void Put(ConcurrentDictionary<string, string> cache, string key, string value, int max)
    {
        if (cache.Count >= max && !cache.ContainsKey(key)) cache.Clear();
        cache[key] = value;
    }

    private sealed class OneDeal(GridJob job)
    {
        public GridJob Job { get; } = job;
        public ConcurrentBag<GridDealCache> Caches { get; } = [];
    }
}
