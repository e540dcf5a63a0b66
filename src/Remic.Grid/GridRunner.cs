using System.Diagnostics;

namespace Remic.Grid;

/// <summary>How far a grid run has come: scenarios done of the job's total, and the time since this run began.</summary>
public readonly record struct GridProgress(long Done, long Total, long DoneThisRun, TimeSpan Elapsed)
{
    /// <summary>Scenarios per second in this run.</summary>
    public double Rate => Elapsed.TotalSeconds > 0 ? DoneThisRun / Elapsed.TotalSeconds : 0;
    /// <summary>Time left at <see cref="Rate"/>; null before the first scenario.</summary>
    public TimeSpan? Eta => Rate > 0 ? TimeSpan.FromSeconds((Total - Done) / Rate) : null;
}

/// <summary>The outcome of a run: completed, or interrupted with the partial output kept.</summary>
public sealed record GridRunResult(bool Completed, long Scenarios, long Rows, long ResumedFrom, TimeSpan Elapsed, int Duplicates);

/// <summary>
/// A grid run end to end: the executor runs the batches still to do, <see cref="GridOrderedSink"/> puts results in
/// scenario order, <see cref="GridOutput"/> streams them to the partial file, and the output is committed when all
/// are in. Cancellation leaves the partial file with its complete row groups and returns <c>Completed = false</c>.
/// </summary>
public static class GridRunner
{
    /// <summary>Scenarios per batch: small enough that every worker stays busy to the end, large enough that a batch
    /// outweighs its hand-over (about a second of work on J4-sized deals).</summary>
    public static int BatchSize(long scenarios, int workers) =>
        (int)Math.Clamp(scenarios / Math.Max(1, 8L * workers), 1, 64);

    public static async Task<GridRunResult> RunAsync(GridJob job, GridOutput output, IGridExecutor executor, int workers,
        IProgress<GridProgress>? progress, CancellationToken ct, int? batchSize = null)
    {
        var clock = Stopwatch.StartNew();
        var batches = output.RemainingBatches(batchSize ?? BatchSize(job.TotalScenarios - output.ResumedFrom, workers));
        var window = executor is IGridWindow w ? w.Window : 4 * workers + 4;
        var sink = new GridOrderedSink(batches, async (b, r) =>
        {
            await output.WriteAsync(b, r).ConfigureAwait(false);
            progress?.Report(new GridProgress(output.ScenariosReceived, job.TotalScenarios, output.ScenariosReceived - output.ResumedFrom, clock.Elapsed));
        }, maxBuffered: Math.Max(window, 1) + 1);
        try
        {
            await executor.RunAsync(job, batches, sink.Accept, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return new GridRunResult(false, output.ScenariosWritten, output.RowsWritten, output.ResumedFrom, clock.Elapsed, sink.Duplicates);
        }
        if (!sink.Complete) throw new InvalidOperationException($"the executor delivered {sink.Written} of {batches.Count} batches");
        await output.CompleteAsync().ConfigureAwait(false);
        return new GridRunResult(true, output.ScenariosWritten, output.RowsWritten, output.ResumedFrom, clock.Elapsed, sink.Duplicates);
    }
}
