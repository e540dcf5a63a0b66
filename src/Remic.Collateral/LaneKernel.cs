using System.Numerics;

namespace Remic.Collateral;

/// <summary>
/// The projection's hot loop for a batch of fixed-rate level-pay loans (<see cref="LaneLayout"/>),
/// <see cref="Vector{T}.Count"/> loans per vector. Each lane does exactly the scalar loop's arithmetic
/// (<see cref="Projector.ProjectLoan"/>: same operations in the same order), so every loan's amounts are bit for
/// bit the scalar ones; only the summing of loans into a month's totals differs (order, fused multiply-adds).
/// <para>Months are the outer loop and vectors the inner one: the vectors of a batch are independent, so
/// the CPU overlaps their month-to-month dependency chains (a division among them), and a month's sums
/// stay in registers until the batch's month is done.</para>
/// </summary>
internal static class LaneKernel
{
    /// <summary>Per-thread working state for one batch.</summary>
    internal sealed class Scratch
    {
        public readonly LaneState[] State = new LaneState[LaneLayout.MaxBatchVectors];
        public readonly StripShare[] Strip = new StripShare[LaneLayout.MaxBatchVectors];
    }

    /// <summary>Each lane's share of its principal that is Class PO, and its net rate above the strip (Class X).</summary>
    internal struct StripShare
    {
        public Vector<double> PoFraction, Excess;
    }

    /// <param name="smm">Prepayment rates of the batch's age by projection month.</param>
    /// <param name="mdr">Default rates of the batch's age by projection month.</param>
    public static void Project(LaneLayout lanes, LaneBatch batch, int months, double[] smm, double[] mdr, GroupSums sums, Scratch scratch)
    {
        if (sums.Strip is null) Project<No>(lanes, batch, months, smm, mdr, sums, scratch);
        else Project<Yes>(lanes, batch, months, smm, mdr, sums, scratch);
    }

    // Compile-time switches: the JIT specialises Month<,> per struct pair and drops the code a switch turns off.
    private interface ISwitch { static abstract bool On { get; } }
    private struct No : ISwitch { public static bool On => false; }
    private struct Yes : ISwitch { public static bool On => true; }

    private static void Project<TStrip>(LaneLayout lanes, LaneBatch batch, int months, double[] smm, double[] mdr, GroupSums sums, Scratch scratch)
        where TStrip : struct, ISwitch
    {
        ReadOnlySpan<LaneTerms> terms = lanes.Terms.AsSpan(batch.FirstVector, batch.Vectors);
        Span<LaneState> state = scratch.State.AsSpan(0, batch.Vectors);
        Span<StripShare> shares = scratch.Strip.AsSpan(0, batch.Vectors);
        lanes.Start.AsSpan(batch.FirstVector, batch.Vectors).CopyTo(state);

        var last = Math.Min(months, batch.MaxRemaining);
        if (TStrip.On && last >= 1) StripShares(sums.Strip!, terms, state, shares);
        for (var m = 1; m <= last; m++)
        {
            // Before any lane's last month of term every lane amortises; from then on lanes pay off or sit at zero.
            if (m < batch.MinRemaining) Month<TStrip, No>(terms, state, shares, m, smm[m], mdr[m], sums);
            else Month<TStrip, Yes>(terms, state, shares, m, smm[m], mdr[m], sums);
        }
    }

    /// <summary>One month of the batch: every vector advanced, the month's sums added to the group's.</summary>
    /// <typeparam name="TPayoff">Some lane may be in or past its last month of term.</typeparam>
    private static void Month<TStrip, TPayoff>(ReadOnlySpan<LaneTerms> terms, Span<LaneState> state, ReadOnlySpan<StripShare> shares,
        int m, double smm, double mdr, GroupSums sums)
        where TStrip : struct, ISwitch where TPayoff : struct, ISwitch
    {
        var zero = Vector<double>.Zero;
        var one = Vector<double>.One;
        var mdrM = new Vector<double>(mdr);
        var smmM = new Vector<double>(smm);
        var keep = new Vector<double>((1 - mdr) * (1 - smm));
        var month = new Vector<double>(m);
        Vector<double> sSched = zero, sPrepay = zero, sDefault = zero, sGross = zero, sSvc = zero, sOth = zero,
            sNet = zero, sDefaultNet = zero, sEnd = zero, sCount = zero,
            sPoSched = zero, sPoPrepay = zero, sPoDefault = zero, sPoEnd = zero, sExcess = zero, sPremium = zero,
            sPremDefault = zero, sExcessDefault = zero;

        for (var v = 0; v < state.Length; v++)
        {
            ref var s = ref state[v];
            ref readonly var t = ref terms[v];
            var b = s.Balance;
            var x = s.Discount;
            var d = b * mdrM;
            b -= d;
            var interest = b * t.Rate;
            var sp = interest / (one - x) - interest;
            // The last month of term (remaining at cut-off ≤ m) pays the balance off; past it the lane is zero.
            // The scalar loop's "sp > b ⇒ sp = b" never fires here: for n ≥ 2 months left,
            // sp / b = r / ((1 + r)^n − 1) ≤ 1 / (2 + r), far from 1 for the rates the layout admits.
            if (TPayoff.On) sp = Vector.ConditionalSelect(Vector.LessThanOrEqual(t.Remaining, month), b, sp);
            b -= sp;
            var pp = b * smmM;
            b -= pp;
            var perf = b + sp + pp; // performing balance that paid interest this month
            var survivors = Vector.ConditionalSelect(Vector.LessThanOrEqual(b, zero), zero, s.Survivors * keep);

            s.Balance = b;
            s.Survivors = survivors;
            s.Discount = x * t.Growth;

            // Amounts above are each rounded as the scalar loop rounds them; products that only feed a sum are
            // fused into it (one rounding fewer in the sum, none in any loan's amount).
            sSched += sp; sPrepay += pp; sDefault += d; sGross += interest; sEnd += b; sCount += survivors;
            sSvc = Vector.FusedMultiplyAdd(perf, t.Servicing, sSvc);
            sOth = Vector.FusedMultiplyAdd(perf, t.OtherFees, sOth);
            sNet = Vector.FusedMultiplyAdd(perf, t.NetRate, sNet);
            sDefaultNet = Vector.FusedMultiplyAdd(d, t.NetRate, sDefaultNet);
            if (TStrip.On)
            {
                ref readonly var share = ref shares[v];
                sPoSched = Vector.FusedMultiplyAdd(share.PoFraction, sp, sPoSched);
                sPoPrepay = Vector.FusedMultiplyAdd(share.PoFraction, pp, sPoPrepay);
                sPoDefault = Vector.FusedMultiplyAdd(share.PoFraction, d, sPoDefault);
                sPoEnd = Vector.FusedMultiplyAdd(share.PoFraction, b, sPoEnd);
                sExcess = Vector.FusedMultiplyAdd(share.Excess, perf, sExcess);
                sPremium += Vector.ConditionalSelect(Vector.GreaterThan(share.Excess, zero), perf, zero);
                sPremDefault += Vector.ConditionalSelect(Vector.GreaterThan(share.Excess, zero), d, zero);
                sExcessDefault = Vector.FusedMultiplyAdd(share.Excess, d, sExcessDefault);
            }
        }

        var flows = sums.Flows;
        flows.ScheduledPrincipal[m] += Vector.Sum(sSched);
        flows.Prepayment[m] += Vector.Sum(sPrepay);
        flows.Defaults[m] += Vector.Sum(sDefault);
        flows.GrossInterest[m] += Vector.Sum(sGross);
        flows.ServicingFee[m] += Vector.Sum(sSvc);
        flows.OtherFees[m] += Vector.Sum(sOth);
        flows.NetInterest[m] += Vector.Sum(sNet);
        flows.LoanCount[m] += Vector.Sum(sCount);
        sums.DefaultNetInterest[m] += Vector.Sum(sDefaultNet);
        sums.PerformingEnd[m] += Vector.Sum(sEnd);
        if (TStrip.On)
        {
            var strip = sums.Strip!;
            strip.PoScheduledPrincipal[m] += Vector.Sum(sPoSched);
            strip.PoPrepayment[m] += Vector.Sum(sPoPrepay);
            strip.PoDefaults[m] += Vector.Sum(sPoDefault);
            strip.PoEndBalance[m] += Vector.Sum(sPoEnd);
            strip.ExcessInterest[m] += Vector.Sum(sExcess);
            strip.PremiumBalance[m] += Vector.Sum(sPremium);
            sums.PremiumDefaults[m] += Vector.Sum(sPremDefault);
            sums.ExcessDefaults[m] += Vector.Sum(sExcessDefault);
        }
    }

    /// <summary>Each lane's PO fraction and excess rate at the strip rate, as the scalar loop derives them; adds the PO cut-off balance.</summary>
    private static void StripShares(StripCashFlows strip, ReadOnlySpan<LaneTerms> terms, ReadOnlySpan<LaneState> state, Span<StripShare> shares)
    {
        var stripMonthly = new Vector<double>(strip.StripRate / 12);
        var zero = Vector<double>.Zero;
        var poBegin = zero;
        for (var v = 0; v < terms.Length; v++)
        {
            var rn = terms[v].NetRate;
            shares[v].PoFraction = Vector.ConditionalSelect(Vector.LessThan(rn, stripMonthly), (stripMonthly - rn) / stripMonthly, zero);
            shares[v].Excess = Vector.ConditionalSelect(Vector.GreaterThan(rn, stripMonthly), rn - stripMonthly, zero);
            poBegin += shares[v].PoFraction * state[v].Balance;
        }
        strip.PoBeginBalance[0] += Vector.Sum(poBegin);
    }
}
