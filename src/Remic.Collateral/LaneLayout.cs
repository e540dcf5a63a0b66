using System.Numerics;

namespace Remic.Collateral;

/// <summary>
/// A pool rearranged for the SIMD kernel (<see cref="LaneKernel"/>), plus the fixed chunks parallel
/// projection splits the work into. Depends only on the pool, so it is built once per pool and reused by
/// every scenario projected on it.
/// <para>Loans that fit the kernel — fixed rate, level pay, no interest-only months ahead, no balloon,
/// positive balance, rate and term — are packed <see cref="Width"/> to a vector, in batches that share
/// group and age (so one prepayment and one default rate per month serve the whole batch). Every other
/// loan (ARMs, IO, balloons, zero-rate) is projected by the scalar loop.</para>
/// </summary>
internal sealed class LaneLayout
{
    public static int Width => Vector<double>.Count;
    /// <summary>Vectors per batch: the batch's state and terms stay in L1 while it is walked month by month.</summary>
    public const int MaxBatchVectors = 64;
    /// <summary>Loans per chunk: enough work per chunk to pay for its own sums, small enough to balance threads.</summary>
    public const int ChunkLoans = 4096;

    public LaneBatch[] Batches { get; }
    public LaneChunk[] Chunks { get; }
    /// <summary>Loans the kernel cannot take, in pool order.</summary>
    public int[] ScalarLoans { get; }
    public int VectorLoanCount { get; }

    // Struct-of-arrays, one vector of Width loans per element: each vector's loan terms (rates monthly; padding
    // lanes copy lane 0's terms, with zero balance and count, so every amount they add is exactly zero) ...
    public AlignedVectors Rate { get; }
    /// <summary>1 + rate: the discount factor's growth per month.</summary>
    public AlignedVectors Growth { get; }
    public AlignedVectors NetRate { get; }
    public AlignedVectors Servicing { get; }
    public AlignedVectors OtherFees { get; }
    /// <summary>Remaining term at cut-off, in months.</summary>
    public AlignedVectors Remaining { get; }
    // ... and its state at cut-off: performing balance, discount factor (1 + rate)^−remaining, surviving loan count.
    public AlignedVectors Balance { get; }
    public AlignedVectors Discount { get; }
    public AlignedVectors Survivors { get; }

    private LaneLayout(LoanPool pool, bool vectorise)
    {
        var eligible = new List<int>();
        var scalar = new List<int>();
        for (var i = 0; i < pool.Count; i++) (vectorise && FitsKernel(pool, i) ? eligible : scalar).Add(i);
        ScalarLoans = scalar.ToArray();
        VectorLoanCount = eligible.Count;

        // Same group and age together; similar remaining terms share vectors, so few lanes idle after payoff.
        eligible.Sort((a, b) =>
        {
            var c = pool.Group[a].CompareTo(pool.Group[b]);
            if (c == 0) c = pool.Age[a].CompareTo(pool.Age[b]);
            if (c == 0) c = pool.RemainingTerm[a].CompareTo(pool.RemainingTerm[b]);
            return c != 0 ? c : a.CompareTo(b);
        });

        var batches = new List<LaneBatch>();
        var lanes = new List<int>(); // pool index per lane, -1 = padding
        for (var start = 0; start < eligible.Count;)
        {
            var (group, age) = (pool.Group[eligible[start]], pool.Age[eligible[start]]);
            var end = start;
            while (end < eligible.Count && end - start < MaxBatchVectors * Width
                   && pool.Group[eligible[end]] == group && pool.Age[eligible[end]] == age) end++;
            var vectors = (end - start + Width - 1) / Width;
            int minRemaining = int.MaxValue, maxRemaining = 0;
            var minBalance = double.MaxValue;
            for (var k = start; k < end; k++)
            {
                minRemaining = Math.Min(minRemaining, pool.RemainingTerm[eligible[k]]);
                maxRemaining = Math.Max(maxRemaining, pool.RemainingTerm[eligible[k]]);
                minBalance = Math.Min(minBalance, pool.Balance[eligible[k]]);
            }
            batches.Add(new LaneBatch(group, age, lanes.Count / Width, vectors, end - start, minRemaining, maxRemaining, minBalance));
            for (var k = start; k < start + vectors * Width; k++) lanes.Add(k < end ? eligible[k] : -1);
            start = end;
        }
        Batches = batches.ToArray();

        var n = lanes.Count / Width;
        var fields = new AlignedVectors[9];
        for (var f = 0; f < fields.Length; f++) fields[f] = new AlignedVectors(n);
        (Rate, Growth, NetRate, Servicing, OtherFees, Remaining, Balance, Discount, Survivors) =
            (fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6], fields[7], fields[8]);
        var t = new double[9][];
        for (var f = 0; f < t.Length; f++) t[f] = new double[Width];
        for (var v = 0; v < n; v++)
        {
            for (var w = 0; w < Width; w++)
            {
                var i = lanes[v * Width + w];
                var padding = i < 0;
                if (padding) i = lanes[v * Width];
                double r = pool.GrossRate[i], svc = pool.ServicingRate[i], oth = pool.OtherFeeRate[i];
                t[0][w] = r;
                t[1][w] = 1 + r;
                t[2][w] = r - svc - oth; // as the scalar loop computes the net rate
                t[3][w] = svc;
                t[4][w] = oth;
                t[5][w] = pool.RemainingTerm[i];
                t[6][w] = padding ? 0 : pool.Balance[i];
                t[7][w] = Math.Pow(1 + r, -pool.RemainingTerm[i]);
                t[8][w] = padding ? 0 : pool.LoanCount[i];
            }
            for (var f = 0; f < t.Length; f++) fields[f][v] = new Vector<double>(t[f]);
        }
        Chunks = CutChunks(Batches, ScalarLoans.Length);
    }

    private ChunkSums? _spare;

    /// <summary>Chunk sums for one projection into <paramref name="totals"/>: the last projection's, zeroed, unless another projection holds them.</summary>
    public ChunkSums TakeChunkSums(GroupSums[] totals)
    {
        var sums = Interlocked.Exchange(ref _spare, null) ?? new ChunkSums(Chunks.Length, totals.Length);
        sums.Reset(totals);
        return sums;
    }

    /// <summary>Hands chunk sums back once merged, for the next projection.</summary>
    public void ReturnChunkSums(ChunkSums sums) => Volatile.Write(ref _spare, sums);

    /// <summary>The layout for the fast path: SIMD where the hardware has it, else every loan on the scalar loop.</summary>
    public static LaneLayout Build(LoanPool pool) => new(pool, Vector.IsHardwareAccelerated);

    /// <summary>Lowest monthly rate the kernel takes: far above where the annuity factor's rounding could matter.</summary>
    public const double MinMonthlyRate = 1e-6;

    /// <summary>
    /// The kernel has no branches for loan shape, so it takes only loans whose every month is the plain
    /// level-pay month: no ARM reset, no IO month still ahead (IO ends at or before the current age), no balloon,
    /// a rate of at least <see cref="MinMonthlyRate"/> (so 1 − (1 + r)^−n is well away from rounding noise), and
    /// something to project.
    /// </summary>
    private static bool FitsKernel(LoanPool pool, int i) =>
        pool.Arm[i] is null && pool.BalloonTerm[i] == 0 && pool.IoTerm[i] <= pool.Age[i]
        && pool.GrossRate[i] >= MinMonthlyRate && double.IsFinite(pool.GrossRate[i])
        && pool.Balance[i] > 0 && double.IsFinite(pool.Balance[i]) && pool.RemainingTerm[i] > 0;

    private static LaneChunk[] CutChunks(LaneBatch[] batches, int scalarLoans)
    {
        var chunks = new List<LaneChunk>();
        int first = 0, loans = 0;
        for (var b = 0; b < batches.Length; b++)
        {
            loans += batches[b].Loans;
            if (loans >= ChunkLoans) { chunks.Add(new LaneChunk(first, b + 1, 0, 0)); first = b + 1; loans = 0; }
        }
        if (first < batches.Length) chunks.Add(new LaneChunk(first, batches.Length, 0, 0));
        for (var s = 0; s < scalarLoans; s += ChunkLoans)
            chunks.Add(new LaneChunk(0, 0, s, Math.Min(s + ChunkLoans, scalarLoans)));
        return chunks.ToArray();
    }
}

/// <summary>Loans of one group and age in vectors [<see cref="FirstVector"/>, +<see cref="Vectors"/>).</summary>
/// <param name="MinBalance">The smallest cut-off balance among the batch's loans (padding lanes aside).</param>
internal readonly record struct LaneBatch(int Group, int Age, int FirstVector, int Vectors, int Loans, int MinRemaining, int MaxRemaining, double MinBalance);

/// <summary>A unit of parallel work: batches [FirstBatch, EndBatch) and scalar loans [FirstScalar, EndScalar) of the layout.</summary>
internal readonly record struct LaneChunk(int FirstBatch, int EndBatch, int FirstScalar, int EndScalar);
