using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Remic.Collateral;

/// <summary>
/// The projection's hot loop for a batch of fixed-rate level-pay loans (<see cref="LaneLayout"/>),
/// <see cref="Vector{T}.Count"/> loans per vector. Each lane does exactly the scalar loop's arithmetic
/// (<see cref="Projector.ProjectLoan"/>: same operations in the same order), so every loan's amounts are bit for
/// bit the scalar ones; only the summing of loans into a month's totals differs (order, fused multiply-adds).
/// <para>A batch is one L1-sized tile of loans of one group and age, stored as struct-of-arrays. Months are the
/// outer loop and the tile's vectors the inner one, in two passes per month (as <c>collateral_best.c</c>):
/// pass 1 takes the default and the interest and issues the division for the scheduled principal of every
/// vector, pass 2 finishes each loan (scheduled principal, prepayment, survivors). The vectors of a pass are
/// independent, so the divisions overlap instead of sitting in one long chain per loan, and each pass's sums
/// (3 and 7) stay in registers, where one pass's ten sums and their temporaries would not fit AVX2's 16.
/// Each sum is accumulated in one pass, vector by vector in tile order, exactly as a one-pass loop would.</para>
/// </summary>
internal static class LaneKernel
{
    /// <summary>Per-thread working state for one batch (a tile's state, in L1 while the tile is walked month by month).</summary>
    internal sealed class Scratch
    {
        // One block, the arrays one after another (as collateral_best.c's scratch): no two of them 4 KiB apart.
        private const int N = LaneLayout.MaxBatchVectors;
        private readonly AlignedVectors _block = new(6 * N);
        public readonly AlignedVectors Balance, Discount, Survivors, Scheduled, PoFraction, Excess;

        private static readonly System.Collections.Concurrent.ConcurrentStack<Scratch> Spare = new();

        /// <summary>A scratch no one else is using: one handed back earlier, or a new one (pinned memory, so reused rather than re-allocated).</summary>
        public static Scratch Rent() => Spare.TryPop(out var s) ? s : new Scratch();

        /// <summary>Hands a scratch back once its thread is done with it.</summary>
        public static void Return(Scratch scratch) => Spare.Push(scratch);

        private Scratch()
        {
            Balance = new(_block, 0, N);
            Discount = new(_block, N, N);
            Survivors = new(_block, 2 * N, N);
            Scheduled = new(_block, 3 * N, N); // pass 1 → pass 2: the month's scheduled principal
            PoFraction = new(_block, 4 * N, N); // each lane's share of its principal that is Class PO ...
            Excess = new(_block, 5 * N, N);     // ... and its net rate above the strip (Class X)
        }
    }

    /// <param name="smm">Prepayment rates of the batch's age by projection month.</param>
    /// <param name="mdr">Default rates of the batch's age by projection month.</param>
    public static void Project(LaneLayout lanes, LaneBatch batch, int months, double[] smm, double[] mdr, GroupSums sums, Scratch scratch)
    {
        if (sums.Strip is null) Project<No>(lanes, batch, months, smm, mdr, sums, scratch);
        else Project<Yes>(lanes, batch, months, smm, mdr, sums, scratch);
    }

    // Compile-time switches: the JIT specialises Pass1<,> and Pass2<,> per struct pair and drops the code a switch turns off.
    private interface ISwitch { static abstract bool On { get; } }
    private struct No : ISwitch { public static bool On => false; }
    private struct Yes : ISwitch { public static bool On => true; }

    /// <summary>A tile's arrays, from its first vector: terms (read-only) and state (the scratch).</summary>
    private ref struct Tile
    {
        public ref readonly Vector<double> Rate, Growth, NetRate, Servicing, OtherFees, Remaining, PoFraction, Excess;
        public ref Vector<double> Balance, Discount, Survivors, Scheduled;
        public nint Vectors;
    }

    private static void Project<TStrip>(LaneLayout lanes, LaneBatch batch, int months, double[] smm, double[] mdr, GroupSums sums, Scratch scratch)
        where TStrip : struct, ISwitch
    {
        int first = batch.FirstVector, n = batch.Vectors;
        // Every ref below points into an aligned vector array at an index below its length: the loops stay inside them.
        if (n > LaneLayout.MaxBatchVectors || first + n > lanes.Rate.Length) throw new InvalidOperationException("batch outside the lane layout");
        lanes.Balance.CopyTo(first, scratch.Balance, n);
        lanes.Discount.CopyTo(first, scratch.Discount, n);
        lanes.Survivors.CopyTo(first, scratch.Survivors, n);
        var tile = new Tile
        {
            Rate = ref lanes.Rate.At(first), Growth = ref lanes.Growth.At(first), NetRate = ref lanes.NetRate.At(first),
            Servicing = ref lanes.Servicing.At(first), OtherFees = ref lanes.OtherFees.At(first), Remaining = ref lanes.Remaining.At(first),
            PoFraction = ref scratch.PoFraction.At(0), Excess = ref scratch.Excess.At(0),
            Balance = ref scratch.Balance.At(0), Discount = ref scratch.Discount.At(0),
            Survivors = ref scratch.Survivors.At(0), Scheduled = ref scratch.Scheduled.At(0),
            Vectors = n,
        };

        var last = Math.Min(months, batch.MaxRemaining);
        if (TStrip.On && last >= 1) StripShares(sums.Strip!, lanes, first, n, scratch);
        // Before any lane's last month of term every lane amortises, and its balance stays above zero: each month
        // keeps at least (1 − MDR)(1 − SMM) / 2 of it (scheduled principal is at most 1 / (2 + r) of the balance
        // while two or more months remain; see Pass1). So while that bound on the batch's smallest balance stays far
        // above the smallest double, no lane can be at zero and both selects (payoff, survivors) are inert: they run
        // from the first month of payoff on, or from the month extreme rates could have driven a balance to zero.
        var floor = batch.MinBalance;
        bool Plain(int m)
        {
            floor *= (1 - mdr[m]) * (1 - smm[m]) * 0.5;
            return m < batch.MinRemaining && floor > 1e-280;
        }

        // Month m's pass 2 and month m + 1's pass 1 touch each vector one after the other, so in plain months (and
        // without a strip) one loop does both (Fused): the two passes' chains of running sums (an add or a fused
        // multiply-add per vector, in order, 3-4 cycles each) then advance side by side instead of one pass after
        // the other. Each sum is still accumulated vector by vector in tile order, and each loan's operations run
        // in the same order: the same bits. The ten sums stay in registers; with AVX2's 16 (no AVX-512) the JIT
        // reloads the four broadcast rates from the stack each iteration, a load and no store.
        Unsafe.SkipInit(out Pass1Sums p1);
        Unsafe.SkipInit(out Pass1Sums p1Next);
        Unsafe.SkipInit(out Pass2Sums p2);
        var plainNext = last >= 1 && Plain(1);
        if (last >= 1) Pass1Of(ref tile, 1, mdr[1], plainNext, ref p1);
        for (var m = 1; m <= last; m++)
        {
            var plain = plainNext;
            if (m < last) plainNext = Plain(m + 1);
            if (!TStrip.On && plain && m < last && plainNext) Fused(ref tile, smm[m], mdr[m], mdr[m + 1], ref p2, ref p1Next);
            else
            {
                if (plain) Pass2<TStrip, No>(ref tile, smm[m], mdr[m], ref p2);
                else Pass2<TStrip, Yes>(ref tile, smm[m], mdr[m], ref p2);
                if (m < last) Pass1Of(ref tile, m + 1, mdr[m + 1], plainNext, ref p1Next);
            }
            AddMonth<TStrip>(m, in p1, in p2, sums);
            p1 = p1Next;
        }

        static void Pass1Of(ref Tile t, int m, double rate, bool plain, ref Pass1Sums into)
        {
            if (plain) Pass1<TStrip, No>(ref t, m, rate, ref into);
            else Pass1<TStrip, Yes>(ref t, m, rate, ref into);
        }
    }

    /// <summary>A tile-month's sums from pass 1, one vector each (lanes summed only when the month is added to the group's).</summary>
    private struct Pass1Sums
    {
        public Vector<double> Default, Gross, DefaultNet, PoDefault, PremDefault, ExcessDefault;
    }

    /// <summary>A tile-month's sums from pass 2.</summary>
    private struct Pass2Sums
    {
        public Vector<double> Sched, Prepay, Svc, Oth, Net, End, Count, PoSched, PoPrepay, PoEnd, Excess, Premium;
    }

    /// <summary>Adds the tile's month to the group's sums.</summary>
    private static void AddMonth<TStrip>(int m, in Pass1Sums p1, in Pass2Sums p2, GroupSums sums) where TStrip : struct, ISwitch
    {
        var flows = sums.Flows;
        flows.ScheduledPrincipal[m] += Vector.Sum(p2.Sched);
        flows.Prepayment[m] += Vector.Sum(p2.Prepay);
        flows.Defaults[m] += Vector.Sum(p1.Default);
        flows.GrossInterest[m] += Vector.Sum(p1.Gross);
        flows.ServicingFee[m] += Vector.Sum(p2.Svc);
        flows.OtherFees[m] += Vector.Sum(p2.Oth);
        flows.NetInterest[m] += Vector.Sum(p2.Net);
        flows.LoanCount[m] += Vector.Sum(p2.Count);
        sums.DefaultNetInterest[m] += Vector.Sum(p1.DefaultNet);
        sums.PerformingEnd[m] += Vector.Sum(p2.End);
        if (TStrip.On)
        {
            var strip = sums.Strip!;
            strip.PoScheduledPrincipal[m] += Vector.Sum(p2.PoSched);
            strip.PoPrepayment[m] += Vector.Sum(p2.PoPrepay);
            strip.PoDefaults[m] += Vector.Sum(p1.PoDefault);
            strip.PoEndBalance[m] += Vector.Sum(p2.PoEnd);
            strip.ExcessInterest[m] += Vector.Sum(p2.Excess);
            strip.PremiumBalance[m] += Vector.Sum(p2.Premium);
            sums.PremiumDefaults[m] += Vector.Sum(p1.PremDefault);
            sums.ExcessDefaults[m] += Vector.Sum(p1.ExcessDefault);
        }
    }

    /// <summary>Pass 1: default on the beginning balance, interest on what performs, and the level-pay division.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Pass1<TStrip, TEdge>(ref Tile tile, int m, double mdr, ref Pass1Sums sums)
        where TStrip : struct, ISwitch where TEdge : struct, ISwitch
    {
        var zero = Vector<double>.Zero;
        var one = Vector<double>.One;
        var mdrM = new Vector<double>(mdr);
        var month = new Vector<double>(m);
        var n = tile.Vectors;
        ref var balance = ref tile.Balance;
        ref var scheduled = ref tile.Scheduled;
        ref var discount = ref tile.Discount;
        ref var rate = ref Unsafe.AsRef(in tile.Rate);
        ref var growth = ref Unsafe.AsRef(in tile.Growth);
        ref var netRate = ref Unsafe.AsRef(in tile.NetRate);
        ref var remaining = ref Unsafe.AsRef(in tile.Remaining);
        ref var poFraction = ref Unsafe.AsRef(in tile.PoFraction);
        ref var excessRate = ref Unsafe.AsRef(in tile.Excess);
        Vector<double> sDefault = zero, sGross = zero, sDefaultNet = zero, sPoDefault = zero, sPremDefault = zero, sExcessDefault = zero;
        for (nint v = 0, end = n * Unsafe.SizeOf<Vector<double>>(); v < end; v += Unsafe.SizeOf<Vector<double>>()) // v: byte offset
        {
            var b = Unsafe.AddByteOffset(ref balance, v);
            var x = Unsafe.AddByteOffset(ref discount, v);
            var d = b * mdrM;
            b -= d;
            var interest = b * Unsafe.AddByteOffset(ref rate, v);
            var sp = interest / (one - x) - interest;
            // The last month of term (remaining at cut-off ≤ m) pays the balance off; past it the lane is zero.
            // The scalar loop's "sp > b ⇒ sp = b" never fires here: for n ≥ 2 months left,
            // sp / b = r / ((1 + r)^n − 1) ≤ 1 / (2 + r), far from 1 for the rates the layout admits.
            if (TEdge.On) sp = Vector.ConditionalSelect(Vector.LessThanOrEqual(Unsafe.AddByteOffset(ref remaining, v), month), b, sp);
            Unsafe.AddByteOffset(ref balance, v) = b;
            Unsafe.AddByteOffset(ref scheduled, v) = sp;
            Unsafe.AddByteOffset(ref discount, v) = x * Unsafe.AddByteOffset(ref growth, v);

            // Amounts above are each rounded as the scalar loop rounds them; products that only feed a sum are
            // fused into it (one rounding fewer in the sum, none in any loan's amount).
            sDefault += d; sGross += interest;
            sDefaultNet = Vector.FusedMultiplyAdd(d, Unsafe.AddByteOffset(ref netRate, v), sDefaultNet);
            if (TStrip.On)
            {
                var po = Unsafe.AddByteOffset(ref poFraction, v);
                var excess = Unsafe.AddByteOffset(ref excessRate, v);
                sPoDefault = Vector.FusedMultiplyAdd(po, d, sPoDefault);
                sPremDefault += Vector.ConditionalSelect(Vector.GreaterThan(excess, zero), d, zero);
                sExcessDefault = Vector.FusedMultiplyAdd(excess, d, sExcessDefault);
            }
        }
        sums.Default = sDefault; sums.Gross = sGross; sums.DefaultNet = sDefaultNet;
        sums.PoDefault = sPoDefault; sums.PremDefault = sPremDefault; sums.ExcessDefault = sExcessDefault;
    }

    /// <summary>Pass 2: scheduled principal, prepayment on what is left, survivors, fees and net interest.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Pass2<TStrip, TEdge>(ref Tile tile, double smm, double mdr, ref Pass2Sums sums)
        where TStrip : struct, ISwitch where TEdge : struct, ISwitch
    {
        var zero = Vector<double>.Zero;
        var smmM = new Vector<double>(smm);
        var keep = new Vector<double>((1 - mdr) * (1 - smm));
        var n = tile.Vectors;
        ref var balance = ref tile.Balance;
        ref var scheduled = ref tile.Scheduled;
        ref var survivorsRef = ref tile.Survivors;
        ref var servicing = ref Unsafe.AsRef(in tile.Servicing);
        ref var otherFees = ref Unsafe.AsRef(in tile.OtherFees);
        ref var netRate = ref Unsafe.AsRef(in tile.NetRate);
        ref var poFraction = ref Unsafe.AsRef(in tile.PoFraction);
        ref var excessRate = ref Unsafe.AsRef(in tile.Excess);
        Vector<double> sSched = zero, sPrepay = zero, sSvc = zero, sOth = zero, sNet = zero, sEnd = zero, sCount = zero,
            sPoSched = zero, sPoPrepay = zero, sPoEnd = zero, sExcess = zero, sPremium = zero;
        for (nint v = 0, end = n * Unsafe.SizeOf<Vector<double>>(); v < end; v += Unsafe.SizeOf<Vector<double>>()) // v: byte offset
        {
            var b = Unsafe.AddByteOffset(ref balance, v);
            var sp = Unsafe.AddByteOffset(ref scheduled, v);
            b -= sp;
            var pp = b * smmM;
            b -= pp;
            var perf = b + sp + pp; // performing balance that paid interest this month
            var survivors = Unsafe.AddByteOffset(ref survivorsRef, v) * keep;
            if (TEdge.On) survivors = Vector.ConditionalSelect(Vector.LessThanOrEqual(b, zero), zero, survivors); // paid off: none left
            Unsafe.AddByteOffset(ref balance, v) = b;
            Unsafe.AddByteOffset(ref survivorsRef, v) = survivors;

            sSched += sp; sPrepay += pp; sEnd += b; sCount += survivors;
            sSvc = Vector.FusedMultiplyAdd(perf, Unsafe.AddByteOffset(ref servicing, v), sSvc);
            sOth = Vector.FusedMultiplyAdd(perf, Unsafe.AddByteOffset(ref otherFees, v), sOth);
            sNet = Vector.FusedMultiplyAdd(perf, Unsafe.AddByteOffset(ref netRate, v), sNet);
            if (TStrip.On)
            {
                var po = Unsafe.AddByteOffset(ref poFraction, v);
                var excess = Unsafe.AddByteOffset(ref excessRate, v);
                sPoSched = Vector.FusedMultiplyAdd(po, sp, sPoSched);
                sPoPrepay = Vector.FusedMultiplyAdd(po, pp, sPoPrepay);
                sPoEnd = Vector.FusedMultiplyAdd(po, b, sPoEnd);
                sExcess = Vector.FusedMultiplyAdd(excess, perf, sExcess);
                sPremium += Vector.ConditionalSelect(Vector.GreaterThan(excess, zero), perf, zero);
            }
        }
        sums.Sched = sSched; sums.Prepay = sPrepay; sums.Svc = sSvc; sums.Oth = sOth; sums.Net = sNet; sums.End = sEnd; sums.Count = sCount;
        sums.PoSched = sPoSched; sums.PoPrepay = sPoPrepay; sums.PoEnd = sPoEnd; sums.Excess = sExcess; sums.Premium = sPremium;
    }

    /// <summary>
    /// Month m's pass 2 and month m + 1's pass 1 in one loop, for a tile with no strip in two plain months (no lane
    /// at or past its last month of term, none at zero balance): each vector finishes month m and starts month
    /// m + 1 with the same operations as <see cref="Pass2{TStrip,TEdge}"/> then <see cref="Pass1{TStrip,TEdge}"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Fused(ref Tile tile, double smm, double mdr, double mdrNext, ref Pass2Sums sums, ref Pass1Sums next)
    {
        var zero = Vector<double>.Zero;
        var one = Vector<double>.One;
        var smmM = new Vector<double>(smm);
        var keep = new Vector<double>((1 - mdr) * (1 - smm));
        var mdrN = new Vector<double>(mdrNext);
        var n = tile.Vectors;
        ref var balance = ref tile.Balance;
        ref var scheduled = ref tile.Scheduled;
        ref var survivorsRef = ref tile.Survivors;
        ref var discount = ref tile.Discount;
        ref var rate = ref Unsafe.AsRef(in tile.Rate);
        ref var growth = ref Unsafe.AsRef(in tile.Growth);
        ref var servicing = ref Unsafe.AsRef(in tile.Servicing);
        ref var otherFees = ref Unsafe.AsRef(in tile.OtherFees);
        ref var netRate = ref Unsafe.AsRef(in tile.NetRate);
        Vector<double> sSched = zero, sPrepay = zero, sSvc = zero, sOth = zero, sNet = zero, sEnd = zero, sCount = zero;
        Vector<double> nDefault = zero, nGross = zero, nDefaultNet = zero;
        for (nint v = 0, end = n * Unsafe.SizeOf<Vector<double>>(); v < end; v += Unsafe.SizeOf<Vector<double>>()) // v: byte offset
        {
            // Month m, pass 2.
            var b = Unsafe.AddByteOffset(ref balance, v);
            var sp = Unsafe.AddByteOffset(ref scheduled, v);
            b -= sp;
            var pp = b * smmM;
            b -= pp;
            var perf = b + sp + pp;
            var survivors = Unsafe.AddByteOffset(ref survivorsRef, v) * keep;
            Unsafe.AddByteOffset(ref survivorsRef, v) = survivors;
            var rn = Unsafe.AddByteOffset(ref netRate, v);
            sSched += sp; sPrepay += pp; sEnd += b; sCount += survivors;
            sSvc = Vector.FusedMultiplyAdd(perf, Unsafe.AddByteOffset(ref servicing, v), sSvc);
            sOth = Vector.FusedMultiplyAdd(perf, Unsafe.AddByteOffset(ref otherFees, v), sOth);
            sNet = Vector.FusedMultiplyAdd(perf, rn, sNet);

            // Month m + 1, pass 1.
            var x = Unsafe.AddByteOffset(ref discount, v);
            var d = b * mdrN;
            b -= d;
            var interest = b * Unsafe.AddByteOffset(ref rate, v);
            var spNext = interest / (one - x) - interest;
            Unsafe.AddByteOffset(ref balance, v) = b;
            Unsafe.AddByteOffset(ref scheduled, v) = spNext;
            Unsafe.AddByteOffset(ref discount, v) = x * Unsafe.AddByteOffset(ref growth, v);
            nDefault += d; nGross += interest;
            nDefaultNet = Vector.FusedMultiplyAdd(d, rn, nDefaultNet);
        }
        sums.Sched = sSched; sums.Prepay = sPrepay; sums.Svc = sSvc; sums.Oth = sOth; sums.Net = sNet; sums.End = sEnd; sums.Count = sCount;
        sums.PoSched = zero; sums.PoPrepay = zero; sums.PoEnd = zero; sums.Excess = zero; sums.Premium = zero;
        next.Default = nDefault; next.Gross = nGross; next.DefaultNet = nDefaultNet;
        next.PoDefault = zero; next.PremDefault = zero; next.ExcessDefault = zero;
    }

    /// <summary>Each lane's PO fraction and excess rate at the strip rate, as the scalar loop derives them; adds the PO cut-off balance.</summary>
    private static void StripShares(StripCashFlows strip, LaneLayout lanes, int first, int n, Scratch scratch)
    {
        var stripMonthly = new Vector<double>(strip.StripRate / 12);
        var zero = Vector<double>.Zero;
        var poBegin = zero;
        for (var v = 0; v < n; v++)
        {
            var rn = lanes.NetRate[first + v];
            scratch.PoFraction[v] = Vector.ConditionalSelect(Vector.LessThan(rn, stripMonthly), (stripMonthly - rn) / stripMonthly, zero);
            scratch.Excess[v] = Vector.ConditionalSelect(Vector.GreaterThan(rn, stripMonthly), rn - stripMonthly, zero);
            poBegin += scratch.PoFraction[v] * scratch.Balance[v];
        }
        strip.PoBeginBalance[0] += Vector.Sum(poBegin);
    }
}
