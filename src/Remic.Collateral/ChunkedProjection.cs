using System.Runtime.ExceptionServices;

namespace Remic.Collateral;

/// <summary>
/// The fast path of <see cref="Projector.Project"/>: the pool's fixed chunks (<see cref="LaneLayout"/>),
/// each summed into its own <see cref="GroupSums"/> on whichever thread takes it, then merged into the
/// projection's sums in chunk order — so the result is the same bits on one thread or many.
/// </summary>
internal static class ChunkedProjection
{
    public static void Run(LoanPool pool, Scenario scenario, int months, AgeRates rates, GroupSums[] sums, int maxThreads)
    {
        var layout = pool.Lanes;
        var chunks = layout.Chunks;
        if (maxThreads == 1 || chunks.Length == 1)
        {
            var scratch = new LaneKernel.Scratch();
            foreach (var chunk in chunks) Merge(sums, RunChunk(pool, layout, chunk, scenario, months, rates, sums, scratch));
            return;
        }

        var results = new GroupSums?[chunks.Length][];
        var failures = new Exception?[chunks.Length];
        Parallel.For(0, chunks.Length, new ParallelOptions { MaxDegreeOfParallelism = maxThreads },
            () => new LaneKernel.Scratch(),
            (c, _, scratch) =>
            {
                try { results[c] = RunChunk(pool, layout, chunks[c], scenario, months, rates, sums, scratch); }
                catch (Exception e) { failures[c] = e; }
                return scratch;
            },
            _ => { });
        // Report the error the single-threaded run would have hit first, unwrapped.
        if (failures.FirstOrDefault(f => f is not null) is { } first) ExceptionDispatchInfo.Capture(first).Throw();
        foreach (var r in results) Merge(sums, r!);
    }

    /// <summary>One chunk's sums, per group (null where the chunk has no loans of the group).</summary>
    private static GroupSums?[] RunChunk(LoanPool pool, LaneLayout layout, LaneChunk chunk, Scenario scenario, int months,
        AgeRates rates, GroupSums[] totals, LaneKernel.Scratch scratch)
    {
        var mine = new GroupSums?[totals.Length];
        GroupSums For(int g) => mine[g] ??= new GroupSums(totals[g].Flows.Group, months, totals[g].Strip?.StripRate);

        for (var b = chunk.FirstBatch; b < chunk.EndBatch; b++)
        {
            var batch = layout.Batches[b];
            LaneKernel.Project(layout, batch, months, rates.Prepay(batch.Age, batch.Group), rates.Default(batch.Age), For(batch.Group), scratch);
        }
        for (var k = chunk.FirstScalar; k < chunk.EndScalar; k++)
        {
            var i = layout.ScalarLoans[k];
            Projector.ProjectLoan(pool, i, scenario, months, rates.Prepay(pool.Age[i], pool.Group[i]), rates.Default(pool.Age[i]), For(pool.Group[i]));
        }
        return mine;
    }

    private static void Merge(GroupSums[] totals, GroupSums?[] chunk)
    {
        for (var g = 0; g < totals.Length; g++) if (chunk[g] is { } s) totals[g].Add(s);
    }
}
