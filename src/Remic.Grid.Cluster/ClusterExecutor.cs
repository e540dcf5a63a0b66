using System.Diagnostics;
using Remic.Core;

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
public sealed class ClusterExecutor(IClusterClient client, ClusterExecutorOptions? options = null) : IGridExecutor, IGridWindow
{
    private readonly ClusterExecutorOptions o = options ?? new ClusterExecutorOptions();
    private readonly GatewayWatch? watch = client.ServiceProvider.GetService(typeof(GatewayWatch)) as GatewayWatch;

    public int MaxInFlight => Math.Max(1, o.MaxInFlight);
    public int Window => o.Window > 0 ? o.Window : 4 * MaxInFlight;
    /// <summary>Tries sent again after a failure, a timeout or a lost gateway, in the last run.</summary>
    public int Retries { get; private set; }
    /// <summary>Batches answered per silo address, in the last run.</summary>
    public IReadOnlyDictionary<string, int> BySilo => bySilo;
    private readonly Dictionary<string, int> bySilo = new(StringComparer.Ordinal);

    public async Task RunAsync(GridJob job, IReadOnlyList<GridBatch> batches, Func<GridBatch, GridBatchResult, ValueTask> onResult, CancellationToken ct)
    {
        var n = batches.Count;
        if (n == 0) return;
        var (spec, deals) = JobWire.Split(job);
        var wire = new Wire(client, job.Hash, spec, deals, job.Deals.Select(d => d.Hash).ToArray());
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delivered = new bool[n];
        var attempts = new int[n];
        var retry = new Queue<int>();
        var running = new Dictionary<Task<Outcome>, Try>();
        var prefix = 0; var next = 0; var slowest = TimeSpan.Zero;
        var never = new TaskCompletionSource().Task;
        bySilo.Clear(); Retries = 0;
        void Start(int i)
        {
            var timeout = slowest == TimeSpan.Zero ? o.FirstTimeout : Max(o.MinTimeout, slowest * o.TimeoutFactor);
            var t = wire.Try(batches[i], attempts[i]++, o.Lanes, timeout, stop.Token);
            running[t] = new Try(i, watch?.Losses ?? 0);
        }
        try
        {
            while (prefix < n)
            {
                while (running.Count < MaxInFlight)
                {
                    if (retry.Count > 0) Start(retry.Dequeue());
                    else if (next < n && next < prefix + Window) Start(next++);
                    else break;
                }
                if (running.Count == 0) throw new InvalidOperationException("the cluster executor has nothing to wait for before the last batch");
                var lost = watch?.NextLoss ?? never;
                var done = await Task.WhenAny(running.Keys.Append<Task>(lost)).ConfigureAwait(false);
                if (done == lost)
                {
                    // A silo went away: whatever was out before may have been on it. Send each such batch once more.
                    var losses = watch!.Losses;
                    foreach (var (task, was) in running.Where(r => r.Value.Losses < losses).ToList())
                    {
                        running[task] = was with { Losses = losses };
                        if (attempts[was.Batch] >= o.MaxAttempts) continue;
                        Retries++;
                        Start(was.Batch);
                    }
                    continue;
                }
                var finished = (Task<Outcome>)done;
                var b = running[finished].Batch;
                running.Remove(finished);
                var outcome = await finished.ConfigureAwait(false);
                if (delivered[b]) continue; // a late answer of a batch already handed on
                if (outcome.Result is null)
                {
                    ct.ThrowIfCancellationRequested();
                    // A try that timed out counts as the slowest answer yet: the next tries wait longer (no cascade of re-sends on a busy cluster).
                    if (outcome.TimedOut && outcome.Elapsed > slowest) slowest = outcome.Elapsed;
                    if (running.Values.Any(r => r.Batch == b)) continue; // another try of it is still out
                    if (attempts[b] >= o.MaxAttempts) throw GaveUp(batches[b], attempts[b], outcome.Error);
                    Retries++;
                    retry.Enqueue(b);
                    continue;
                }
                if (outcome.Elapsed > slowest) slowest = outcome.Elapsed;
                bySilo[outcome.Silo] = bySilo.GetValueOrDefault(outcome.Silo) + 1;
                delivered[b] = true;
                foreach (var other in running.Where(r => r.Value.Batch == b).Select(r => r.Key).ToList()) running.Remove(other);
                await onResult(batches[b], outcome.Result).ConfigureAwait(false);
                while (prefix < n && delivered[prefix]) prefix++;
            }
        }
        finally
        {
            stop.Cancel(); // tries still out are abandoned; their answers, if any, are dropped
        }
        ct.ThrowIfCancellationRequested();
    }

    /// <summary>A try out: its batch, and the gateway losses counted when it was sent (or last sent again).</summary>
    private sealed record Try(int Batch, int Losses);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static RemicInputException GaveUp(GridBatch b, int tries, string? why) =>
        new(ClusterConnection.Option, 0, "", null,
            $"a cluster that stays up: batch (deal {b.Deal}, scenarios {b.First}..{b.First + b.Count - 1}) got no answer in {tries} tries (last: {why}); the output is incomplete");

    /// <summary>A try's end: a result, or why there is none (the batch is then sent again).</summary>
    private sealed record Outcome(GridBatchResult? Result, string Silo, TimeSpan Elapsed, string? Error, bool TimedOut = false);

    /// <summary>One job on the wire: sends a batch by hashes, and the job's or the deal's text only when the silo asks.</summary>
    private sealed class Wire(IGrainFactory grains, string jobHash, string spec, string[] deals, string[] dealHashes)
    {
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
                    var call = grain.Run(request);
                    var left = timeout - clock.Elapsed;
                    if (left <= TimeSpan.Zero) throw new TimeoutException();
                    BatchReply reply;
                    try { reply = await call.WaitAsync(left, ct).ConfigureAwait(false); }
                    catch
                    {
                        _ = call.ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted); // an abandoned call's late failure
                        throw;
                    }
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
    }

    /// <summary>A batch the silo could run but failed on (a bug, the same everywhere): never retried.</summary>
    private sealed class SiloFailure(string message) : Exception(message);
}
