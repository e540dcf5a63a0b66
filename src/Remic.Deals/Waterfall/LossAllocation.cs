using System.Numerics;
using System.Runtime.CompilerServices;

namespace Remic.Deals.Waterfall;

/// <summary>
/// Realised losses after the distribution. The PO portion writes down the group's Class PO and becomes a
/// Class PO Deferred Amount. The non-PO portion goes to the loss order (subordinates, lowest first), then
/// to the group's seniors pro rata by balance, a super senior's share going to its senior support class
/// while that class has a balance. Then the writedowns: the lowest subordinate loses whatever Class PO
/// Deferred Amounts were paid from subordinate principal, and, if the classes still exceed the pool
/// (principal used to pay interest), the excess. When no loan is left (the deal's last distribution), every
/// class balance still outstanding is written off — the seniors pro rata, support classes first — so no class
/// ends with a balance and no loss shown for it.
/// </summary>
internal static class LossAllocation
{
    public static void Allocate<T>(Ledger<T> l, T[] nextDeferred) where T : unmanaged, IFloatingPoint<T>
    {
        var d = l.Deal;
        var r = l.R;
        var groups = l.Groups;
        T[] deferredBefore = l.State.PoDeferred, deferredPaidNow = l.PoDeferredPaid; // locals: loads hoisted
        for (var g = 0; g < groups.Length; g++)
        {
            ref readonly var c = ref groups[g];
            var po = d.PoClass[g];
            var poLoss = c.PoRealizedLoss;
            nextDeferred[g] = deferredBefore[g] - deferredPaidNow[g];
            if (po >= 0 && poLoss > T.Zero)
            {
                var p = Num<T>.Min(poLoss, l.Outstanding(po));
                Write(l, po, p);
                nextDeferred[g] += p;
            }
            var loss = c.RealizedLoss - c.PoRealizedLoss;
            foreach (var s in d.LossOrder)
            {
                if (loss <= T.Zero) break;
                var p = Num<T>.Min(loss, l.Outstanding(s));
                Write(l, s, p);
                loss -= p;
            }
            if (loss > T.Zero) loss = Seniors(l, d.Seniors[g], loss);
            // A group whose seniors are retired passes its loss to the other groups' seniors (cross-collateralisation).
            if (loss > T.Zero) Seniors(l, d.AllSeniors, loss);
        }

        var deferredPaid = T.Zero;
        foreach (var p in l.PoDeferredPaid) deferredPaid += p;
        // Nothing paid (the usual date): the writedown would write nothing and return zero; no call.
        var wd = deferredPaid > T.Zero ? WriteDownSubordinates(l, deferredPaid) : T.Zero;

        // Undercollateralisation: classes above the pool after all of the above.
        T classes = T.Zero, pool = T.Zero;
        T[] balance = l.Balance;
        var notional = d.Notional;
        var n = balance.Length;
        // Element references checked once for the loop (Num.Data), not a bounds check of each array per class.
        ref T bal = ref Num<T>.Data(balance, n);
        if (typeof(T) == typeof(double))
        {
            // The same sum over the classes that are not notional, in class order, and beside it (independent chains of additions: no
            // longer than the one) the checks' other class sums, as the date's last pass would add them (PeriodChecks.ClassSums): unless
            // a writedown below changes a balance or a loss, these are its figures and it takes them (Ledger.LossSums).
            l.LossSums = PeriodChecks.ClassSums<T>.Over(d.PrincipalClasses, d.WritesAccretion,
                ref Num<T>.Data(r.Principal, n), ref Num<T>.Data(r.Loss, n), ref Num<T>.Data(r.Accretion, n), ref bal);
            classes = l.LossSums.End;
            l.LossSumsFinal = true;
        }
        else
        {
            ref bool isNotional = ref Num<T>.Data(notional, n);
            for (var i = 0; i < n; i++) if (!Unsafe.Add(ref isNotional, i)) classes += Unsafe.Add(ref bal, i);
        }
        var dust = true; // every group under half a cent: paid off (WaterfallRun stops after such a date)
        foreach (ref readonly var g in groups.AsSpan()) { pool += g.EndBalance; dust &= g.EndBalance < Num<T>.HalfCent; }
        var excess = classes - pool;
        if (excess > Num<T>.Tiny)
        {
            wd += WriteDownSubordinates(l, excess);
            l.LossSumsFinal = false;
        }
        // The deal's end (no loans left): no class may keep a balance without a loss shown for it.
        var gone = pool < Num<T>.HalfCent;   // a projection's last loans can leave ~1e-7 of floating-point dust
        if (gone || dust || l.FinalDate)
        {
            l.LossSumsFinal = false;
            var left = T.Zero;
            for (var i = 0; i < balance.Length; i++) if (!notional[i]) left += l.Outstanding(i);
            // The end with a cent or so of loans left (groups each under half a cent, or a liquidation's remainder in the
            // projection's last month): the classes keep what the loans still hold and lose only their excess over it, so the
            // books end with no undercollateralisation.
            if (!gone) left = Num<T>.Pos(left - pool);
            if (left > T.Zero)
            {
                var rest = Seniors(l, d.AllSeniors, left);
                wd += left - rest;
                for (var i = 0; i < d.NClasses && rest > T.Zero; i++)
                {
                    if (d.Notional[i]) continue;
                    var p = Num<T>.Min(rest, l.Outstanding(i));
                    Write(l, i, p);
                    wd += p;
                    rest -= p;
                }
            }
        }
        r.Writedown = wd;
    }

    private static T WriteDownSubordinates<T>(Ledger<T> l, T amount) where T : unmanaged, IFloatingPoint<T>
    {
        var done = T.Zero;
        foreach (var s in l.Deal.LossOrder)
        {
            if (amount - done <= T.Zero) break;
            var p = Num<T>.Min(amount - done, l.Outstanding(s));
            Write(l, s, p);
            done += p;
        }
        return done;
    }

    /// <summary>Loss to the seniors pro rata by balance (support classes first for super seniors); returns what no class could take.</summary>
    private static T Seniors<T>(Ledger<T> l, int[] seniors, T loss) where T : unmanaged, IFloatingPoint<T>
    {
        var d = l.Deal;
        Span<T> w = stackalloc T[seniors.Length];
        var total = T.Zero;
        for (var i = 0; i < seniors.Length; i++) { w[i] = l.Outstanding(seniors[i]); total += w[i]; }
        if (total <= T.Zero) return loss;
        var give = Num<T>.Min(loss, total);
        var written = T.Zero;
        // Shares are fixed on balances before any of this loss, so support classes do not double count.
        Span<T> shares = stackalloc T[seniors.Length];
        ProRataShares.Split<T>(give, w, shares);
        // Support classes first take their own share, then the shares of the super seniors they support.
        for (var pass = 0; pass < 2; pass++)
            for (var i = 0; i < seniors.Length; i++)
            {
                var c = seniors[i];
                var support = d.SupportOf[c];
                if ((support >= 0) != (pass == 1)) continue;
                var share = shares[i];
                if (support >= 0)
                {
                    var toSupport = Num<T>.Min(share, l.Outstanding(support));
                    Write(l, support, toSupport);
                    written += toSupport;
                    share -= toSupport;
                }
                var own = Num<T>.Min(share, l.Outstanding(c));
                Write(l, c, own);
                written += own;
            }
        return loss - written;
    }

    private static void Write<T>(Ledger<T> l, int c, T amount) where T : unmanaged, IFloatingPoint<T>
    {
        if (amount <= T.Zero) return;
        l.Balance[c] -= amount;
        l.R.Loss[c] += amount;
    }
}
