using System.Threading.Channels;

namespace Remic.Grid;

/// <summary>
/// Runs a job's batches somewhere (this machine's cores, a cluster) and hands each result to <c>onResult</c>.
/// Contract: <c>onResult</c> is never called concurrently with itself; results may come in any order, and a batch may
/// come more than once (a re-run after a worker died), so the consumer (<see cref="GridOrderedSink"/>) keeps the first and
/// discards the rest. An executor starts batch <c>i</c> of the list only once the consumer has been handed every batch
/// before <c>i − window</c>, so a consumer writing in list order buffers a bounded number of results.
/// </summary>
public interface IGridExecutor
{
    Task RunAsync(GridJob job, IReadOnlyList<GridBatch> batches, Func<GridBatch, GridBatchResult, ValueTask> onResult, CancellationToken ct);
}

/// <summary>An executor that says how many batches it may run ahead of the first one not yet delivered: the writer's
/// reorder buffer is sized from it (<see cref="GridRunner"/>; an executor without it gets 4 × workers + 4).</summary>
public interface IGridWindow
{
    int Window { get; }
}

/// <summary>An executor that says what runs the grid, for the summary of <c>remic grid</c> ("2 thread(s)", "2 silo(s) of
/// the cluster (…)") and, <paramref name="brief"/>, its progress line ("2 silo(s)"); read between results, never
/// concurrently with them.</summary>
public interface IGridEngineInfo
{
    string Describe(bool brief = false);
}

/// <summary>
/// This machine: <see cref="Threads"/> workers, each with its own <see cref="GridDealCache"/>, take the next batch from
/// one shared cursor (an idle worker always takes the next unstarted batch: dynamic work-stealing over the list), run it
/// with <see cref="BatchRunner"/> and post the result to a channel the caller's thread drains. Nothing mutable is shared
/// on the hot path; the cursor and the delivered-prefix counter are touched once per batch.
/// </summary>
public sealed class LocalExecutor(int threads = 0, int window = 0) : IGridExecutor, IGridWindow, IGridEngineInfo
{
    public int Threads { get; } = threads > 0 ? threads : Environment.ProcessorCount;
    /// <summary>Batches that may run ahead of the first batch not yet delivered (the consumer's reorder buffer bound).</summary>
    public int Window { get; } = window > 0 ? window : 4 * (threads > 0 ? threads : Environment.ProcessorCount) + 4;
    public string Describe(bool brief = false) => $"{Threads} thread(s)";

    /// <summary>The workers' deal caches, kept between runs of this executor (a worker takes one, and gives it back when
    /// it stops), so a deal is loaded once per worker, not once per run.</summary>
    private readonly System.Collections.Concurrent.ConcurrentBag<GridDealCache> caches = [];

    public async Task RunAsync(GridJob job, IReadOnlyList<GridBatch> batches, Func<GridBatch, GridBatchResult, ValueTask> onResult, CancellationToken ct)
    {
        var n = batches.Count;
        if (n == 0) return;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var channel = Channel.CreateUnbounded<(int Index, GridBatchResult Result)>(new UnboundedChannelOptions { SingleReader = true });
        var next = -1;
        var delivered = new bool[n];
        var prefix = 0; // batches [0, prefix) delivered
        var gate = new object();
        var workers = Enumerable.Range(0, Math.Min(Threads, n)).Select(_ => Task.Factory.StartNew(() =>
        {
            var cache = caches.TryTake(out var c) ? c : new GridDealCache();
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    var i = Interlocked.Increment(ref next);
                    if (i >= n) return;
                    lock (gate)
                        while (i >= Volatile.Read(ref prefix) + Window && !stop.IsCancellationRequested) Monitor.Wait(gate, 50);
                    if (stop.IsCancellationRequested) return;
                    var r = BatchRunner.Run(job, batches[i], cache, stop.Token);
                    channel.Writer.TryWrite((i, r));
                }
            }
            finally { caches.Add(cache); }
        }, stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        var all = Task.WhenAll(workers).ContinueWith(t => channel.Writer.TryComplete(t.Exception?.GetBaseException()), TaskScheduler.Default);
        try
        {
            await foreach (var (i, r) in channel.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                // Results already queued when the run is cancelled are not handed on (the channel yields them regardless).
                stop.Token.ThrowIfCancellationRequested();
                await onResult(batches[i], r).ConfigureAwait(false);
                delivered[i] = true;
                var p = prefix;
                while (p < n && delivered[p]) p++;
                if (p != prefix) lock (gate) { Volatile.Write(ref prefix, p); Monitor.PulseAll(gate); }
            }
        }
        catch
        {
            stop.Cancel();
            lock (gate) Monitor.PulseAll(gate);
            try { await Task.WhenAll(workers).ConfigureAwait(false); } catch { /* the first error is the one rethrown */ }
            throw;
        }
        await all.ConfigureAwait(false);
        await Task.WhenAll(workers).ConfigureAwait(false); // a worker's error surfaces here
        ct.ThrowIfCancellationRequested();
    }
}

/// <summary>
/// Puts results back in the order of the job's batch list: accepts them in any order, discards a batch it has had
/// already (<see cref="Duplicates"/>), and calls <c>write</c> for each batch in list order. At most
/// <c>maxBuffered</c> results wait for an earlier one; more means the executor broke its window (an error).
/// </summary>
public sealed class GridOrderedSink
{
    private readonly Dictionary<GridBatch, int> position = [];
    private readonly SortedDictionary<int, GridBatchResult> waiting = [];
    private readonly IReadOnlyList<GridBatch> batches;
    private readonly Func<GridBatch, GridBatchResult, ValueTask> write;
    private readonly int maxBuffered;
    private int next;

    /// <param name="start">Batches of the list already written (a resumed run): results for them are discarded.</param>
    public GridOrderedSink(IReadOnlyList<GridBatch> batches, Func<GridBatch, GridBatchResult, ValueTask> write, int maxBuffered, int start = 0)
    {
        this.batches = batches;
        this.write = write;
        this.maxBuffered = maxBuffered;
        next = start;
        for (var i = 0; i < batches.Count; i++) position[batches[i]] = i;
    }

    /// <summary>Batches written so far (a prefix of the list).</summary>
    public int Written => next;
    public bool Complete => next == batches.Count;
    public int Duplicates { get; private set; }
    public int Buffered => waiting.Count;

    public async ValueTask Accept(GridBatch batch, GridBatchResult result)
    {
        if (!position.TryGetValue(batch, out var at)) throw new InvalidOperationException($"a result for batch {batch}, which is not one of the job's");
        if (result.Deal != batch.Deal || result.First != batch.First || result.Count != batch.Count)
            throw new InvalidOperationException($"the result of batch ({result.Deal}, {result.First}, {result.Count}) was handed in as {batch}");
        if (at < next || waiting.ContainsKey(at)) { Duplicates++; return; }
        waiting[at] = result;
        if (waiting.Count > maxBuffered && !waiting.ContainsKey(next))
            throw new InvalidOperationException($"more than {maxBuffered} results wait for batch {batches[next]}: the executor ran too far ahead");
        while (waiting.Remove(next, out var r))
        {
            await write(batches[next], r).ConfigureAwait(false);
            next++;
        }
    }
}
