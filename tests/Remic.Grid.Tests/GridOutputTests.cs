using Parquet;
using Remic.Core;

namespace Remic.Grid.Tests;

/// <summary>The output file: the same bytes whatever the threads, batch size, arrival order or interruptions.</summary>
public class GridOutputTests : IDisposable
{
    private readonly string dir = TestFiles.TempDir();
    public void Dispose() => Directory.Delete(dir, true);

    private static readonly Lazy<GridDeal> T26 = new(() => GridDeal.Read(Path.Combine(TestFiles.Repo(), "examples", "cwalt-2004-26t1", "deal.yaml")));
    private static readonly Lazy<GridDeal> SampleDeal = new(() => GridDeal.Read(TestFiles.Sample));

    /// <summary>Two deals (so rows cross a deal boundary inside a row group), 12 scenarios each.</summary>
    private static GridJob Job(string lag = "0,6") => new()
    {
        Deals = [T26.Value, SampleDeal.Value],
        Axes = GridAxes.Parse("0,100,300 PPC", "0,5 CDR", "50", lag),
        Price = "100-00",
    };

    private async Task<(byte[] Bytes, GridRunResult Result)> Run(string name, GridJob job, IGridExecutor executor, int batch, int rowGroup = 5,
        bool resume = false, long? stopAfter = null)
    {
        var target = Path.Combine(dir, name);
        using var cts = new CancellationTokenSource();
        var progress = new SyncProgress(p => { if (stopAfter is { } n && p.Done >= n) cts.Cancel(); });
        GridRunResult result;
        await using (var output = GridOutput.Open(target, job, resume, rowGroup))
            result = await GridRunner.RunAsync(job, output, executor, 2, progress, cts.Token, batch);
        return (result.Completed ? File.ReadAllBytes(target) : [], result);
    }

    private sealed class SyncProgress(Action<GridProgress> on) : IProgress<GridProgress>
    {
        public void Report(GridProgress value) => on(value);
    }

    [Theory]
    [InlineData("grid.parquet")]
    [InlineData("grid.csv")]
    public async Task One_or_two_threads_and_any_batch_size_write_the_same_bytes(string name)
    {
        var job = Job();
        var (a, ra) = await Run("a-" + name, job, new LocalExecutor(1), batch: 7);
        var (b, _) = await Run("b-" + name, job, new LocalExecutor(2), batch: 1);
        var (c, _) = await Run("c-" + name, job, new LocalExecutor(2, window: 1), batch: 3);
        Assert.True(ra.Completed);
        Assert.Equal(24, ra.Scenarios);
        Assert.Equal(12 * 2 + 12 * 14, ra.Rows);
        Assert.Equal(a, b);
        Assert.Equal(a, c);
        Assert.Equal(["a-" + name, "b-" + name, "c-" + name], Directory.GetFiles(dir).Select(Path.GetFileName).Order()); // no staging left
    }

    /// <summary>An executor that hands every batch over twice, in reverse order within each window (a cluster re-running batches).</summary>
    private sealed class DuplicatingExecutor : IGridExecutor
    {
        public async Task RunAsync(GridJob job, IReadOnlyList<GridBatch> batches, Func<GridBatch, GridBatchResult, ValueTask> onResult, CancellationToken ct)
        {
            for (var start = 0; start < batches.Count; start += 3)
            {
                var chunk = batches.Skip(start).Take(3).Reverse().ToList();
                foreach (var b in chunk) await onResult(b, GridBatchResult.Decode(BatchRunner.Run(job, b).Encode()));
                foreach (var b in chunk) await onResult(b, BatchRunner.Run(job, b));
            }
        }
    }

    [Fact]
    public async Task Results_out_of_order_and_twice_write_the_same_bytes_as_the_local_engine()
    {
        var job = Job();
        var (a, _) = await Run("a.parquet", job, new LocalExecutor(2), batch: 2);
        var (b, rb) = await Run("b.parquet", job, new DuplicatingExecutor(), batch: 2);
        Assert.Equal(a, b);
        Assert.Equal(12, rb.Duplicates);
    }

    [Theory]
    [InlineData("grid.parquet", 7)]
    [InlineData("grid.csv", 7)]
    [InlineData("grid.parquet", 13)]
    public async Task An_interrupted_run_resumed_writes_the_same_bytes_as_an_uninterrupted_one(string name, long stopAfter)
    {
        var job = Job();
        var (whole, _) = await Run("whole-" + name, job, new LocalExecutor(2), batch: 2);

        var (_, first) = await Run(name, job, new LocalExecutor(2), batch: 2, stopAfter: stopAfter);
        Assert.False(first.Completed);
        Assert.False(File.Exists(Path.Combine(dir, name)));
        var partial = GridOutput.Sibling(Path.Combine(dir, name), "grid-partial");
        Assert.True(File.Exists(partial));
        Assert.Equal(0, first.Scenarios % 5); // whole row groups only
        Assert.True(first.Scenarios >= 5 && first.Scenarios < 24);
        if (name.EndsWith(".parquet"))
        {
            // The partial file is a valid Parquet file of whole row groups.
            await using var reader = await ParquetReader.CreateAsync(partial);
            Assert.Equal((int)(first.Scenarios / 5), reader.RowGroupCount);
            Assert.Equal(job.Hash, reader.CustomMetadata["remic.grid.job"]);
        }

        var refused = Assert.Throws<RemicInputException>(() => GridOutput.Open(Path.Combine(dir, name), job, resume: false, 5));
        Assert.Contains("--resume", refused.Errors[0].Expected);
        var other = Assert.Throws<RemicInputException>(() => GridOutput.Open(Path.Combine(dir, name), Job("0,12"), resume: true, 5));
        Assert.Contains("of another grid", other.Errors[0].Expected);

        var (resumed, second) = await Run(name, job, new LocalExecutor(1), batch: 3, resume: true);
        Assert.True(second.Completed);
        Assert.Equal(first.Scenarios, second.ResumedFrom);
        Assert.Equal(whole, resumed);
        Assert.Equal(new[] { "whole-" + name, name }.Order(), Directory.GetFiles(dir).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task A_csv_partial_with_a_block_cut_short_is_truncated_to_its_last_whole_group_on_resume()
    {
        var job = Job();
        var (whole, _) = await Run("whole.csv", job, new LocalExecutor(2), batch: 2);
        await Run("g.csv", job, new LocalExecutor(2), batch: 2, stopAfter: 6);
        File.AppendAllText(GridOutput.Sibling(Path.Combine(dir, "g.csv"), "grid-partial"), "half a line of a killed wri");
        var (resumed, _) = await Run("g.csv", job, new LocalExecutor(2), batch: 2, resume: true);
        Assert.Equal(whole, resumed);
    }

    /// <summary>
    /// A SIGKILL while a row group is appended leaves the partial file with every earlier group's bytes intact, then any
    /// number of the new group's bytes (written in order), and the state of the last whole group: here every such file,
    /// cut at byte positions from the end of the last whole group's data to the end of a later partial (the last one: killed
    /// after the file was flushed but before its state was replaced). Each resumes to the uninterrupted run's bytes.
    /// </summary>
    [Theory]
    [InlineData("grid.parquet")]
    [InlineData("grid.csv")]
    public async Task A_partial_killed_at_any_byte_of_an_append_resumes_to_the_same_bytes(string name)
    {
        var job = Job();
        var (whole, _) = await Run("whole-" + name, job, new LocalExecutor(2), batch: 1);
        var target = Path.Combine(dir, name);
        var partial = GridOutput.Sibling(target, "grid-partial");
        var state = partial + ".json";
        var (_, early) = await Run(name, job, new LocalExecutor(1), batch: 1, stopAfter: 6);
        Assert.Equal(5, early.Scenarios);
        var (earlyBytes, earlyState) = (File.ReadAllBytes(partial), File.ReadAllText(state));
        var (_, late) = await Run(name, job, new LocalExecutor(1), batch: 1, resume: true, stopAfter: 16);
        Assert.Equal(15, late.Scenarios);
        var lateBytes = File.ReadAllBytes(partial);
        // The known-good prefix: the first group's data (Parquet: without its footer; CSV: all of it) is unchanged by later appends.
        var footer = name.EndsWith(".parquet") ? BitConverter.ToInt32(earlyBytes, earlyBytes.Length - 8) + 8 : 0;
        var keep = earlyBytes.Length - footer;
        Assert.Equal(earlyBytes.AsSpan(0, keep).ToArray(), lateBytes.AsSpan(0, keep).ToArray());
        if (footer > 0) Assert.NotEqual(earlyBytes, lateBytes.AsSpan(0, earlyBytes.Length).ToArray()); // Parquet: the footer was written over

        var cuts = Enumerable.Range(0, 9).Select(i => keep + (long)(lateBytes.Length - keep) * i / 8).Append(keep + 1).Distinct().ToList();
        foreach (var cut in cuts)
        {
            File.WriteAllBytes(partial, lateBytes.AsSpan(0, (int)cut).ToArray());
            File.WriteAllText(state, earlyState);
            var (resumed, r) = await Run(name, job, new LocalExecutor(2), batch: 3, resume: true);
            Assert.True(r.Completed);
            Assert.Equal(5, r.ResumedFrom);
            Assert.True(whole.AsSpan().SequenceEqual(resumed), $"killed at byte {cut} of {lateBytes.Length} (group 1 ends at {earlyBytes.Length}): the resumed file differs");
            File.Delete(target);
        }
        // Cut inside the known-good prefix (the file was damaged otherwise): refused, named.
        File.WriteAllBytes(partial, lateBytes.AsSpan(0, keep - 1).ToArray());
        File.WriteAllText(state, earlyState);
        var e = Assert.Throws<RemicInputException>(() => GridOutput.Open(target, job, resume: true, 5));
        Assert.Contains("it is missing or cut short", e.Errors[0].Expected);
    }

    [Fact]
    public async Task A_run_killed_between_renaming_its_output_and_removing_its_state_resumes_to_the_same_file()
    {
        var job = Job();
        var target = Path.Combine(dir, "g.parquet");
        var state = GridOutput.Sibling(target, "grid-partial") + ".json";
        var (_, _) = await Run("g.parquet", job, new LocalExecutor(1), batch: 1, stopAfter: 21);
        var (whole, _) = await Run("g.parquet", job, new LocalExecutor(2), batch: 3, resume: true);
        // The state as the last flush wrote it (all 24 scenarios), left behind by a kill just after the rename.
        var stateText = System.Text.Json.JsonSerializer.Serialize(new { Job = job.Hash, Format = "Parquet", RowGroupScenarios = 5, Scenarios = 24L, Bytes = (long)whole.Length,
            Footer = Convert.ToBase64String(whole.AsSpan(whole.Length - 8 - BitConverter.ToInt32(whole, whole.Length - 8)).ToArray()) });
        File.WriteAllText(state, stateText);
        var (again, r) = await Run("g.parquet", job, new LocalExecutor(2), batch: 3, resume: true);
        Assert.True(r.Completed);
        Assert.Equal(24, r.ResumedFrom);
        Assert.Equal(whole, again);
        Assert.False(File.Exists(state));
    }

    [Fact]
    public async Task The_parquet_file_holds_the_batch_figures_with_nulls_for_missing_ones()
    {
        var job = new GridJob { Deals = [T26.Value], Axes = GridAxes.Parse("0,300 PPC", "5 CDR", "50", "6") }; // no price
        await Run("g.parquet", job, new LocalExecutor(2), batch: 1);
        await using var reader = await ParquetReader.CreateAsync(Path.Combine(dir, "g.parquet"));
        var fields = reader.Schema.GetDataFields();
        Assert.Equal(GridOutput.ColumnNames, fields.Select(f => f.Name));
        Assert.Equal(1, reader.RowGroupCount);
        using var group = reader.OpenRowGroupReader(0);
        Assert.Equal(4, group.RowCount);
        var deal = new string[4]; await group.ReadAsync(fields[0], deal.AsMemory());
        var scenario = new long[4]; await group.ReadAsync<long>(fields[1], scenario.AsMemory());
        var prepay = new string[4]; await group.ReadAsync(fields[3], prepay.AsMemory());
        var cls = new string[4]; await group.ReadAsync(fields[8], cls.AsMemory());
        var wal = new double?[4]; await group.ReadAsync<double>(fields[9], wal.AsMemory());
        var first = new DateTime?[4]; await group.ReadAsync<DateTime>(fields[10], first.AsMemory()); // a DATE column; Parquet.Net reads it as DateTime
        var writedown = new double[4]; await group.ReadAsync<double>(fields[12], writedown.AsMemory());
        var yield = new double?[4]; await group.ReadAsync<double>(fields[14], yield.AsMemory());
        var loss = new double[4]; await group.ReadAsync<double>(fields[15], loss.AsMemory());
        var expected = BatchRunner.Run(job, new GridBatch(0, 0, 2));
        for (var r = 0; r < 4; r++)
        {
            Assert.Equal(T26.Value.File, deal[r]);
            Assert.Equal(r / 2, scenario[r]);
            Assert.Equal(r < 2 ? "0 PPC" : "300 PPC", prepay[r]);
            Assert.Equal(r % 2 == 0 ? "A1" : "SUBORD", cls[r]);
            Assert.Equal(expected.Wal[r], wal[r]);
            Assert.Equal(DateOnly.FromDayNumber(expected.WindowFirst[r]), DateOnly.FromDateTime(first[r]!.Value));
            Assert.Equal(expected.WritedownPct[r], writedown[r]);
            Assert.Null(yield[r]); // no price, no yield
            Assert.Equal(expected.CollateralLoss[r / 2], loss[r]);
        }
    }

    [Fact]
    public void Only_parquet_and_csv_names_are_taken()
    {
        var e = Assert.Throws<RemicInputException>(() => GridOutput.Open(Path.Combine(dir, "g.xlsx"), Job(), false));
        Assert.Equal("--out", e.Errors[0].Source);
        Assert.Throws<RemicInputException>(() => GridOutput.Open(Path.Combine(dir, "missing", "g.csv"), Job(), false));
    }

    [Fact]
    public async Task A_second_writer_of_the_same_output_is_refused()
    {
        await using var first = GridOutput.Open(Path.Combine(dir, "g.csv"), Job(), false);
        var e = Assert.Throws<RemicInputException>(() => GridOutput.Open(Path.Combine(dir, "g.csv"), Job(), false));
        Assert.Contains("no other `remic grid`", e.Errors[0].Expected);
    }

    [Fact]
    public void Resumed_batches_start_at_the_first_scenario_not_written()
    {
        var job = Job();
        Assert.Equal([new GridBatch(0, 10, 2), new GridBatch(1, 0, 5), new GridBatch(1, 5, 5), new GridBatch(1, 10, 2)], job.Batches(5, 10));
        Assert.Equal([new GridBatch(1, 3, 5), new GridBatch(1, 8, 4)], job.Batches(5, 15));
        Assert.Empty(job.Batches(5, 24));
    }
}
