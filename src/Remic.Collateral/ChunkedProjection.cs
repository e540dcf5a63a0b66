using System.Runtime.ExceptionServices;

namespace Remic.Collateral;

/// <summary>
/// The fast path of <see cref="Projector.Project"/>: the pool's fixed chunks (<see cref="LaneLayout"/>),
/// each summed into its own <see cref="GroupSums"/> on whichever thread takes it, then merged into the
/// projection's sums in chunk order — so the result is the same bits on one thread or many.
/// <para>The chunks' sums are kept on the layout and reused by the pool's next projection of the same shape
/// (months, groups, strips): a projection then allocates nothing per chunk. Two projections of one pool at once
/// do not share them (the second allocates its own).</para>
/// </summary>
internal static class ChunkedProjection
{
    /// <param name="own">A <see cref="CollateralRun"/>'s chunk sums for this shape, and its kernel scratch (used on one thread
    /// only); null: the layout's spare sums and a rented scratch.</param>
    public static void Run(LoanPool pool, Scenario scenario, int months, AgeRates rates, GroupSums[] sums, int maxThreads,
        ChunkSums? own = null, LaneKernel.Scratch? ownScratch = null)
    {
        var layout = pool.Lanes;
        var chunks = layout.Chunks;
        ChunkSums mine;
        if (own is null) mine = layout.TakeChunkSums(sums);
        else { own.Reset(sums); mine = own; }
        if (maxThreads == 1 || chunks.Length == 1)
        {
            var scratch = ownScratch ?? LaneKernel.Scratch.Rent();
            for (var c = 0; c < chunks.Length; c++) RunChunk(pool, layout, chunks[c], scenario, months, rates, sums, mine.Sums[c], scratch);
            if (ownScratch is null) LaneKernel.Scratch.Return(scratch);
        }
        else RunParallel(pool, layout, scenario, months, rates, sums, mine, maxThreads);
        foreach (var chunk in mine.Sums)
            for (var g = 0; g < sums.Length; g++)
                if (chunk[g] is { Used: true } s) sums[g].Add(s);
        if (own is null) layout.ReturnChunkSums(mine);
    }

    /// <summary>The chunks on up to <paramref name="maxThreads"/> threads (a method of its own: its lambdas' closure is
    /// allocated on entry, so the one-thread path does not pay for it).</summary>
    private static void RunParallel(LoanPool pool, LaneLayout layout, Scenario scenario, int months, AgeRates rates, GroupSums[] sums,
        ChunkSums mine, int maxThreads)
    {
        var chunks = layout.Chunks;
        var failures = new Exception?[chunks.Length];
        Parallel.For(0, chunks.Length, new ParallelOptions { MaxDegreeOfParallelism = maxThreads },
            LaneKernel.Scratch.Rent,
            (c, _, scratch) =>
            {
                try { RunChunk(pool, layout, chunks[c], scenario, months, rates, sums, mine.Sums[c], scratch); }
                catch (Exception e) { failures[c] = e; }
                return scratch;
            },
            LaneKernel.Scratch.Return);
        // Report the error the single-threaded run would have hit first, unwrapped (the sums are not reused then).
        if (failures.FirstOrDefault(f => f is not null) is { } first) ExceptionDispatchInfo.Capture(first).Throw();
    }

    /// <summary>One chunk's sums, per group (marked used where the chunk has loans of the group).</summary>
    private static void RunChunk(LoanPool pool, LaneLayout layout, LaneChunk chunk, Scenario scenario, int months,
        AgeRates rates, GroupSums[] totals, GroupSums?[] mine, LaneKernel.Scratch scratch)
    {
        GroupSums For(int g)
        {
            var s = mine[g] ??= new GroupSums(totals[g].Flows.Group, months, totals[g].Strip?.StripRate);
            s.Used = true;
            return s;
        }

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
    }
}

/// <summary>Sums per chunk and group ([chunk][group]; null until a projection of this shape first needed it).</summary>
internal sealed class ChunkSums(int chunks, int groups)
{
    public GroupSums?[][] Sums { get; } = Enumerable.Range(0, chunks).Select(_ => new GroupSums?[groups]).ToArray();

    /// <summary>Ready for a projection into <paramref name="totals"/>: sums of another shape dropped, the rest zeroed and unused.</summary>
    public void Reset(GroupSums[] totals)
    {
        foreach (var chunk in Sums)
            for (var g = 0; g < chunk.Length; g++)
            {
                if (chunk[g] is not { } s) continue;
                if (!s.Fits(totals[g])) { chunk[g] = null; continue; }
                if (s.Used) s.Clear();
                s.Used = false;
            }
    }
}
