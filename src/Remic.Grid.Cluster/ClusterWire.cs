using System.Diagnostics;
using Remic.Core;

namespace Remic.Grid.Cluster;

/// <summary>A try's end: a result, or why there is none (the batch is then sent again).</summary>
internal sealed record Outcome(GridBatchResult? Result, string Silo, TimeSpan Elapsed, string? Error, bool TimedOut = false);

/// <summary>A batch the silo could run but failed on (a bug, the same everywhere): never retried.</summary>
internal sealed class SiloFailure(string message) : Exception(message);

/// <summary>One job on the wire: sends a batch by hashes, and the job's or the deal's text only when the silo asks.</summary>
internal sealed class ClusterWire(IGrainFactory grains, string jobHash, string spec, string[] deals, string[] dealHashes)
{
    /// <summary>The job cut for the wire (<see cref="JobWire.Split"/>): its spec, its deals' texts and their hashes.</summary>
    public static ClusterWire For(IGrainFactory grains, GridJob job)
    {
        var (spec, deals) = JobWire.Split(job);
        return new ClusterWire(grains, job.Hash, spec, deals, job.Deals.Select(d => d.Hash).ToArray());
    }

    /// <summary>
    /// One try of a batch under a lane (grain key) that depends on the batch and the attempt, so a batch sent again
    /// reaches another silo. Input errors and silo failures are thrown (never retried); anything else (a timeout, a broken
    /// connection) comes back as an <see cref="Outcome"/> without a result.
    /// </summary>
    public async Task<Outcome> Try(GridBatch b, int attempt, int lanes, TimeSpan timeout, CancellationToken ct)
    {
        var lane = (int)((b.First / Math.Max(1, b.Count) + b.Deal * 7919L + attempt * 17L) % Math.Max(1, lanes));
        var grain = grains.GetGrain<IGridWorkerGrain>(lane);
        var request = new BatchRequest(jobHash, null, b.Deal, dealHashes[b.Deal], null, b.First, b.Count);
        var clock = Stopwatch.StartNew();
        try
        {
            for (var round = 0; round < 3; round++)
            {
                var reply = await Call(grain, request, timeout - clock.Elapsed, ct).ConfigureAwait(false);
                if (reply.Errors is { Length: > 0 } errors)
                    throw new RemicInputException(errors.Select(e => new InputError(e.Source, e.Line, e.Field, e.Value, e.Expected, e.Column)).ToList());
                if (reply.Failure is not null)
                    throw new SiloFailure($"silo {reply.Silo} failed batch {b}: {reply.Failure}");
                if (reply.Result is not null)
                    return new Outcome(GridBatchResult.Decode(reply.Result), reply.Silo, clock.Elapsed, null);
                request = request with
                {
                    JobJson = reply.NeedJob ? spec : null,
                    DealJson = reply.NeedDeal ? deals[b.Deal] : null,
                };
            }
            return new Outcome(null, "", clock.Elapsed, "the silos kept asking for the job's text");
        }
        catch (Exception e) when (e is not RemicInputException && e is not SiloFailure && !ct.IsCancellationRequested)
        {
            return e is TimeoutException
                ? new Outcome(null, "", clock.Elapsed, $"no answer within {timeout.TotalSeconds:0.#} s", TimedOut: true)
                : new Outcome(null, "", clock.Elapsed, e.GetBaseException().Message);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return new Outcome(null, "", clock.Elapsed, "cancelled");
        }
    }

    /// <summary>One call, waited for at most <paramref name="left"/>; an abandoned call's late failure is observed.</summary>
    private static async Task<BatchReply> Call(IGridWorkerGrain grain, BatchRequest request, TimeSpan left, CancellationToken ct)
    {
        var call = grain.Run(request);
        if (left <= TimeSpan.Zero) throw new TimeoutException();
        try { return await call.WaitAsync(left, ct).ConfigureAwait(false); }
        catch
        {
            _ = call.ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
            throw;
        }
    }
}
