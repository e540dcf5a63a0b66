using System.Numerics;

namespace Remic.Collateral;

/// <summary>
/// The projection's hot loop for a batch of fixed-rate level-pay loans (<see cref="LaneLayout"/>),
/// <see cref="Vector{T}.Count"/> loans per vector. Each lane does exactly the scalar loop's arithmetic
/// (<see cref="Projector"/>, same operations in the same order, no fused multiply-add), so every loan's
/// amounts are bit for bit the scalar ones; only the order of summing loans differs.
/// <para>Months are the outer loop and vectors the inner one: the vectors of a batch are independent, so
/// the CPU overlaps their month-to-month dependency chains (a division among them), and the sums of a month
/// stay in registers until the batch's month is done.</para>
/// </summary>
internal static class LaneKernel
{
    /// <summary>Per-thread state for one batch: balance, discount factor and surviving loan count by vector.</summary>
    internal sealed class Scratch
    {
        public readonly Vector<double>[] Balance = new Vector<double>[LaneLayout.MaxBatchVectors];
        public readonly Vector<double>[] Discount = new Vector<double>[LaneLayout.MaxBatchVectors];
        public readonly Vector<double>[] Survivors = new Vector<double>[LaneLayout.MaxBatchVectors];
        public readonly Vector<double>[] PoFraction = new Vector<double>[LaneLayout.MaxBatchVectors];
        public readonly Vector<double>[] Excess = new Vector<double>[LaneLayout.MaxBatchVectors];
    }

    /// <param name="smm">Prepayment rates of the batch's age by projection month.</param>
    /// <param name="mdr">Default rates of the batch's age by projection month.</param>
    public static void Project(LaneLayout lanes, LaneBatch batch, int months, double[] smm, double[] mdr, GroupSums sums, Scratch scratch)
    {
        if (sums.Strip is null) Project<NoStrip>(lanes, batch, months, smm, mdr, sums, scratch);
        else Project<WithStrip>(lanes, batch, months, smm, mdr, sums, scratch);
    }

    // Compile-time switch: the JIT specialises Project<T> per struct and drops the strip code when off.
    private interface IStripMode { static abstract bool On { get; } }
    private struct NoStrip : IStripMode { public static bool On => false; }
    private struct WithStrip : IStripMode { public static bool On => true; }

    private static void Project<TStrip>(LaneLayout lanes, LaneBatch batch, int months, double[] smm, double[] mdr, GroupSums sums, Scratch scratch)
        where TStrip : struct, IStripMode
    {
        var n = batch.Vectors;
        var first = batch.FirstVector;
        ReadOnlySpan<Vector<double>> rate = lanes.Rate.AsSpan(first, n), growth = lanes.Growth.AsSpan(first, n),
            net = lanes.NetRate.AsSpan(first, n), svc = lanes.Servicing.AsSpan(first, n),
            oth = lanes.OtherFees.AsSpan(first, n), remaining = lanes.Remaining.AsSpan(first, n);
        Span<Vector<double>> balance = scratch.Balance.AsSpan(0, n), discount = scratch.Discount.AsSpan(0, n),
            survivors = scratch.Survivors.AsSpan(0, n), poFraction = scratch.PoFraction.AsSpan(0, n), excess = scratch.Excess.AsSpan(0, n);
        lanes.Balance.AsSpan(first, n).CopyTo(balance);
        lanes.Discount.AsSpan(first, n).CopyTo(discount);
        lanes.LoanCount.AsSpan(first, n).CopyTo(survivors);

        var last = Math.Min(months, batch.MaxRemaining);
        var flows = sums.Flows;
        var strip = sums.Strip;
        if (TStrip.On && last >= 1) StripShares(strip!, net, balance, poFraction, excess);

        var zero = Vector<double>.Zero;
        var one = Vector<double>.One;
        for (var m = 1; m <= last; m++)
        {
            var mdrM = new Vector<double>(mdr[m]);
            var smmM = new Vector<double>(smm[m]);
            var keep = new Vector<double>((1 - mdr[m]) * (1 - smm[m]));
            var month = new Vector<double>(m);
            Vector<double> sSched = zero, sPrepay = zero, sDefault = zero, sGross = zero, sSvc = zero, sOth = zero,
                sNet = zero, sDefaultNet = zero, sEnd = zero, sCount = zero,
                sPoSched = zero, sPoPrepay = zero, sPoDefault = zero, sPoEnd = zero, sExcess = zero, sPremium = zero;

            for (var v = 0; v < balance.Length; v++)
            {
                var b = balance[v];
                var x = discount[v];
                var d = b * mdrM;
                b -= d;
                var interest = b * rate[v];
                // Last month of term (remaining at cut-off ≤ m) pays the balance off; past it the lane is zero.
                var sp = Vector.ConditionalSelect(Vector.LessThanOrEqual(remaining[v], month), b, interest / (one - x) - interest);
                sp = Vector.ConditionalSelect(Vector.GreaterThan(sp, b), b, sp);
                b -= sp;
                var pp = b * smmM;
                b -= pp;
                var perf = b + sp + pp; // performing balance that paid interest this month
                var s = survivors[v] * keep;
                s = Vector.ConditionalSelect(Vector.LessThanOrEqual(b, zero), zero, s);

                balance[v] = b;
                survivors[v] = s;
                discount[v] = x * growth[v];

                sSched += sp; sPrepay += pp; sDefault += d; sGross += interest;
                sSvc += perf * svc[v]; sOth += perf * oth[v]; sNet += perf * net[v];
                sDefaultNet += d * net[v]; sEnd += b; sCount += s;
                if (TStrip.On)
                {
                    var po = poFraction[v];
                    var ex = excess[v];
                    sPoSched += po * sp; sPoPrepay += po * pp; sPoDefault += po * d; sPoEnd += po * b;
                    sExcess += ex * perf;
                    sPremium += Vector.ConditionalSelect(Vector.GreaterThan(ex, zero), perf, zero);
                }
            }

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
                strip!.PoScheduledPrincipal[m] += Vector.Sum(sPoSched);
                strip.PoPrepayment[m] += Vector.Sum(sPoPrepay);
                strip.PoDefaults[m] += Vector.Sum(sPoDefault);
                strip.PoEndBalance[m] += Vector.Sum(sPoEnd);
                strip.ExcessInterest[m] += Vector.Sum(sExcess);
                strip.PremiumBalance[m] += Vector.Sum(sPremium);
            }
        }
    }

    /// <summary>Each lane's PO fraction and excess rate at the strip rate, as the scalar loop derives them; adds the PO cut-off balance.</summary>
    private static void StripShares(StripCashFlows strip, ReadOnlySpan<Vector<double>> net, ReadOnlySpan<Vector<double>> balance,
        Span<Vector<double>> poFraction, Span<Vector<double>> excess)
    {
        var stripMonthly = new Vector<double>(strip.StripRate / 12);
        var zero = Vector<double>.Zero;
        var poBegin = zero;
        for (var v = 0; v < net.Length; v++)
        {
            var rn = net[v];
            poFraction[v] = Vector.ConditionalSelect(Vector.LessThan(rn, stripMonthly), (stripMonthly - rn) / stripMonthly, zero);
            excess[v] = Vector.ConditionalSelect(Vector.GreaterThan(rn, stripMonthly), rn - stripMonthly, zero);
            poBegin += poFraction[v] * balance[v];
        }
        strip.PoBeginBalance[0] += Vector.Sum(poBegin);
    }
}
