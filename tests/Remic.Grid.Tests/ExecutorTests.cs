namespace Remic.Grid.Tests;

public class ExecutorTests
{
    private static GridJob Job() => new()
    {
        Deals = [TestFiles.J4Deal],
        Axes = GridAxes.Parse("0,100,300 PPC", "0,5 CDR", "50", "6"),
        Price = "100-00",
    };

    /// <summary>Runs the job on the executor and returns the bytes of every result, in batch-list order, through the ordered sink.</summary>
    private static async Task<byte[]> RunAll(IGridExecutor executor, GridJob job, int perBatch)
    {
        var batches = job.Batches(perBatch);
        var outBytes = new MemoryStream();
        var sink = new GridOrderedSink(batches, (b, r) =>
        {
            // Re-cut to one scenario per block so different batch sizes compare.
            for (var i = 0; i < r.Count; i++)
            {
                var one = new GridBatchResult(r.Deal, r.First + i, 1, r.Classes);
                Array.Copy(r.Wal, i * r.Classes, one.Wal, 0, r.Classes);
                Array.Copy(r.WindowFirst, i * r.Classes, one.WindowFirst, 0, r.Classes);
                Array.Copy(r.WindowLast, i * r.Classes, one.WindowLast, 0, r.Classes);
                Array.Copy(r.WritedownPct, i * r.Classes, one.WritedownPct, 0, r.Classes);
                Array.Copy(r.FirstLoss, i * r.Classes, one.FirstLoss, 0, r.Classes);
                Array.Copy(r.Yield, i * r.Classes, one.Yield, 0, r.Classes);
                one.CollateralLoss[0] = r.CollateralLoss[i];
                one.CollateralLossPct[0] = r.CollateralLossPct[i];
                outBytes.Write(one.Encode());
            }
            return ValueTask.CompletedTask;
        }, maxBuffered: 64);
        await executor.RunAsync(job, batches, sink.Accept, CancellationToken.None);
        Assert.True(sink.Complete);
        return outBytes.ToArray();
    }

    [Fact]
    public async Task One_thread_two_threads_and_any_batch_size_give_the_same_bytes()
    {
        var job = Job();
        var one = await RunAll(new LocalExecutor(1), job, 6);
        Assert.Equal(one, await RunAll(new LocalExecutor(2), job, 1));
        Assert.Equal(one, await RunAll(new LocalExecutor(2, window: 1), job, 4));
        Assert.Equal(one, await RunAll(new LocalExecutor(3), job, 2));
    }

    [Fact]
    public async Task The_sink_writes_in_list_order_whatever_the_arrival_order_and_drops_duplicates()
    {
        var job = Job();
        var batches = job.Batches(1);
        var results = batches.Select(b => BatchRunner.Run(job, b)).ToArray();
        var written = new List<GridBatch>();
        var sink = new GridOrderedSink(batches, (b, r) => { written.Add(b); return ValueTask.CompletedTask; }, maxBuffered: batches.Count);
        foreach (var i in new[] { 3, 1, 3, 0, 5, 1, 2, 0, 4 })
            await sink.Accept(batches[i], results[i]);
        Assert.Equal(batches, written);
        Assert.Equal(3, sink.Duplicates); // the second 3, 1 and 0
        Assert.True(sink.Complete);
        await Assert.ThrowsAsync<InvalidOperationException>(() => sink.Accept(batches[0], results[1]).AsTask());
    }

    [Fact]
    public async Task The_sink_refuses_to_buffer_past_its_bound()
    {
        var job = Job();
        var batches = job.Batches(1);
        var sink = new GridOrderedSink(batches, (_, _) => ValueTask.CompletedTask, maxBuffered: 2);
        await sink.Accept(batches[1], BatchRunner.Run(job, batches[1]));
        await sink.Accept(batches[2], BatchRunner.Run(job, batches[2]));
        await Assert.ThrowsAsync<InvalidOperationException>(() => sink.Accept(batches[3], BatchRunner.Run(job, batches[3])).AsTask());
    }

    [Fact]
    public async Task The_executor_never_lets_more_than_its_window_wait_in_the_sink()
    {
        var job = Job();
        var batches = job.Batches(1);
        var max = 0;
        var sink = new GridOrderedSink(batches, (_, _) => ValueTask.CompletedTask, maxBuffered: 3);
        await new LocalExecutor(2, window: 3).RunAsync(job, batches, async (b, r) => { await sink.Accept(b, r); max = Math.Max(max, sink.Buffered); }, CancellationToken.None);
        Assert.True(sink.Complete);
        Assert.InRange(max, 0, 3);
    }

    [Fact]
    public async Task Cancellation_stops_the_run_and_what_was_delivered_is_a_prefix()
    {
        // 32 batches of one scenario: the executor runs at most its window (4 × 2 + 4 = 12) ahead of the first batch not
        // yet delivered, so cancelling after the second leaves batches unrun however fast the others finish (with 6,
        // a slow first batch let the other five finish and be flushed with it).
        var job = new GridJob { Deals = [TestFiles.J4Deal], Axes = GridAxes.Parse("0..300 PPC step 20", "0,5 CDR", "50", "6"), Price = "100-00" };
        var batches = job.Batches(1);
        Assert.Equal(32, batches.Count);
        using var cts = new CancellationTokenSource();
        var written = new List<GridBatch>();
        var sink = new GridOrderedSink(batches, (b, _) => { written.Add(b); if (written.Count == 2) cts.Cancel(); return ValueTask.CompletedTask; }, maxBuffered: 64);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new LocalExecutor(2).RunAsync(job, batches, sink.Accept, cts.Token));
        Assert.Equal(batches.Take(written.Count), written);
        Assert.True(written.Count < batches.Count);
    }

    [Fact]
    public async Task A_failing_batch_fails_the_run()
    {
        var job = new GridJob { Deals = [TestFiles.J4Deal], Axes = GridAxes.Parse("100 PPC", null, null, null), Settle = new DateOnly(2000, 1, 1) };
        await Assert.ThrowsAsync<Remic.Core.RemicInputException>(() => new LocalExecutor(2).RunAsync(job, job.Batches(1), (_, _) => ValueTask.CompletedTask, CancellationToken.None));
    }
}
