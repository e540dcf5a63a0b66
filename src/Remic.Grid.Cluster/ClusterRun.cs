namespace Remic.Grid.Cluster;

/// <summary>What a cluster run has done so far: batches answered per silo, tries sent again, duplicate answers dropped.</summary>
public sealed class ClusterRunStats
{
    private readonly Dictionary<string, int> bySilo = new(StringComparer.Ordinal);

    /// <summary>Batches answered (and handed on) per silo address.</summary>
    public IReadOnlyDictionary<string, int> BySilo => bySilo;
    /// <summary>Tries sent again after a failure, a timeout or a lost gateway.</summary>
    public int Retries { get; internal set; }
    /// <summary>Tries of a batch already answered by another try: their answers, if any, are dropped.</summary>
    public int Duplicates { get; internal set; }

    /// <summary>The most distinct batches out at once (sent, not yet answered or abandoned): at most <see cref="ClusterExecutorOptions.MaxInFlight"/>.
    /// A batch sent again while its first try is still out (after a lost gateway) counts once: it is the same work.</summary>
    public int PeakBatchesOut { get; private set; }
    /// <summary>The furthest a batch started ahead of the first one not yet handed on, counting both (1 = only that one):
    /// at most the window, which bounds the results the consumer must hold to write them in order.</summary>
    public int PeakAhead { get; private set; }

    internal void Answered(string silo) => bySilo[silo] = bySilo.GetValueOrDefault(silo) + 1;

    internal void Started(int batchesOut, int ahead)
    {
        PeakBatchesOut = Math.Max(PeakBatchesOut, batchesOut);
        PeakAhead = Math.Max(PeakAhead, ahead);
    }

    internal void Clear()
    {
        bySilo.Clear();
        Retries = 0;
        Duplicates = 0;
        PeakBatchesOut = PeakAhead = 0;
    }

    /// <summary>For the summary: "2 silo(s) of the cluster (19 + 13 batches, 3 sent again, 1 duplicate(s) dropped)";
    /// <paramref name="brief"/> (the progress line): "2 silo(s)".</summary>
    public string Describe(bool brief = false)
    {
        if (brief) return $"{bySilo.Count} silo(s)";
        var counts = bySilo.Count == 0 ? "no batch yet" : $"{string.Join(" + ", bySilo.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value))} batches";
        return $"{bySilo.Count} silo(s) of the cluster ({counts}, {Retries} sent again, {Duplicates} duplicate(s) dropped)";
    }
}

/// <summary>
/// One run of <see cref="ClusterExecutor"/>: the batches, what is out (a task per try), what is delivered, and the loop
/// that keeps at most MaxInFlight tries out within the window, sends again what a lost gateway may have taken, and
/// hands each batch's first answer on.
/// </summary>
internal sealed class ClusterRun(ClusterWire wire, IReadOnlyList<GridBatch> batches, ClusterExecutorOptions o, int maxInFlight, int window,
    GatewayWatch? watch, ClusterRunStats stats, CancellationToken stop)
{
    private readonly int n = batches.Count;
    private readonly bool[] delivered = new bool[batches.Count];
    private readonly int[] attempts = new int[batches.Count];
    private readonly bool[] failedFast = new bool[batches.Count];
    private readonly int[] triesOut = new int[batches.Count]; // tries of each batch now out
    private int batchesOut; // batches with a try out
    private readonly Queue<int> retry = new();
    private readonly Dictionary<Task<Outcome>, Try> running = [];
    private readonly Task never = new TaskCompletionSource().Task;
    private int prefix, next;
    private TimeSpan slowest = TimeSpan.Zero;

    /// <summary>A try out: its batch, and the gateway losses counted when it was sent (or last sent again).</summary>
    private sealed record Try(int Batch, int Losses);

    /// <param name="ct">The caller's token: a try that ended without a result because of it ends the run.</param>
    public async Task RunAsync(Func<GridBatch, GridBatchResult, ValueTask> onResult, CancellationToken ct)
    {
        while (prefix < n)
        {
            FillWindow();
            if (running.Count == 0) throw new InvalidOperationException("the cluster executor has nothing to wait for before the last batch");
            var lost = watch?.NextLoss ?? never;
            var done = await Task.WhenAny(running.Keys.Append<Task>(lost)).ConfigureAwait(false);
            if (done == lost) SendAgainAfterLoss();
            else await TryEnded((Task<Outcome>)done, onResult, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Starts tries up to MaxInFlight: batches to send again first, then new ones within the window.</summary>
    private void FillWindow()
    {
        while (running.Count < maxInFlight)
        {
            if (retry.Count > 0) Start(retry.Dequeue());
            else if (next < n && next < prefix + window) Start(next++);
            else break;
        }
    }

    private void Start(int i)
    {
        var timeout = slowest == TimeSpan.Zero ? o.FirstTimeout : Max(o.MinTimeout, slowest * o.TimeoutFactor);
        var delay = failedFast[i] ? RetryDelay(attempts[i]) : TimeSpan.Zero;
        failedFast[i] = false;
        var t = delay == TimeSpan.Zero ? wire.Try(batches[i], attempts[i]++, o.Lanes, timeout, stop) : Later(delay, i, attempts[i]++, timeout);
        running[t] = new Try(i, watch?.Losses ?? 0);
        if (triesOut[i]++ == 0) batchesOut++;
        stats.Started(batchesOut, i - prefix + 1);
    }

    /// <summary>A try of batch <paramref name="b"/> is no longer out (it ended, or its answer will be dropped).</summary>
    private void Ended(int b)
    {
        if (--triesOut[b] == 0) batchesOut--;
    }

    /// <summary>
    /// The wait before a try that follows one which failed without timing out: a silo killed a moment ago stays in the cluster's
    /// directory until the others declare it dead, and a call routed to it fails at once. Doubling from 0.5 s up to 10 s spreads
    /// the default 8 tries over about 35 s, so the batch outlives the death declaration instead of spending its tries in a second.
    /// </summary>
    internal static TimeSpan RetryDelay(int attempt) =>
        TimeSpan.FromSeconds(Math.Min(10, 0.5 * Math.Pow(2, Math.Max(0, attempt - 1))));

    private async Task<Outcome> Later(TimeSpan delay, int i, int attempt, TimeSpan timeout)
    {
        try { await Task.Delay(delay, stop).ConfigureAwait(false); }
        catch (OperationCanceledException) { return new Outcome(null, "", TimeSpan.Zero, "cancelled"); }
        return await wire.Try(batches[i], attempt, o.Lanes, timeout, stop).ConfigureAwait(false);
    }

    /// <summary>A silo went away: whatever was out before may have been on it. Sends each such batch once more.</summary>
    private void SendAgainAfterLoss()
    {
        var losses = watch!.Losses;
        foreach (var (task, was) in running.Where(r => r.Value.Losses < losses).ToList())
        {
            running[task] = was with { Losses = losses };
            if (attempts[was.Batch] >= o.MaxAttempts) continue;
            stats.Retries++;
            Start(was.Batch);
        }
    }

    /// <summary>A try ended: its answer is handed on if it is the batch's first; a try without one is sent again (or the run gives up).</summary>
    private async Task TryEnded(Task<Outcome> finished, Func<GridBatch, GridBatchResult, ValueTask> onResult, CancellationToken ct)
    {
        var b = running[finished].Batch;
        running.Remove(finished);
        Ended(b);
        var outcome = await finished.ConfigureAwait(false);
        if (delivered[b])
        {
            if (outcome.Result is not null) stats.Duplicates++; // a late answer of a batch already handed on
            return;
        }
        if (outcome.Result is null)
        {
            ct.ThrowIfCancellationRequested();
            // A try that timed out counts as the slowest answer yet: the next tries wait longer (no cascade of re-sends on a busy cluster).
            if (outcome.TimedOut && outcome.Elapsed > slowest) slowest = outcome.Elapsed;
            if (running.Values.Any(r => r.Batch == b)) return; // another try of it is still out
            if (attempts[b] >= o.MaxAttempts) throw GaveUp(batches[b], attempts[b], outcome.Error);
            stats.Retries++;
            failedFast[b] = !outcome.TimedOut;
            retry.Enqueue(b);
            return;
        }
        if (outcome.Elapsed > slowest) slowest = outcome.Elapsed;
        stats.Answered(outcome.Silo);
        delivered[b] = true;
        foreach (var other in running.Where(r => r.Value.Batch == b).Select(r => r.Key).ToList())
        {
            running.Remove(other); // its answer, if any, is dropped
            Ended(b);
            stats.Duplicates++;
        }
        await onResult(batches[b], outcome.Result).ConfigureAwait(false);
        while (prefix < n && delivered[prefix]) prefix++;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static Remic.Core.RemicInputException GaveUp(GridBatch b, int tries, string? why) =>
        new(ClusterConnection.Option, 0, "", null,
            $"a cluster that stays up: batch (deal {b.Deal}, scenarios {b.First}..{b.First + b.Count - 1}) got no answer in {tries} tries (last: {why}); the output is incomplete");
}
