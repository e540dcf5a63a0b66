using System.Numerics;

namespace Remic.Deals.Waterfall;

/// <summary>
/// Cross-collateralisation (deals with a cross_collateral section), run just before the subordinates are
/// paid. A group is undercollateralised when its seniors' balance (after this period's senior principal)
/// exceeds its non-PO pool balance. What is left of the other groups' Available Funds pays that group's
/// seniors first their unpaid interest, then principal up to the Undercollateralised Amount. The principal
/// comes out of the Subordinate Principal Distribution Amount first; beyond it, out of interest only as far
/// as the deal as a whole is undercollateralised (that part reduces the undercollateralisation).
/// </summary>
internal static class CrossCollateral
{
    public static void Apply<T>(Ledger<T> l, int[] from) where T : unmanaged, IFloatingPoint<T>
    {
        var d = l.Deal;
        if (d.CrossGroups is not { } groups) return;
        var r = l.R;
        foreach (var u in groups)
        {
            ref readonly var c = ref l.Groups[u];
            var seniorBalance = T.Zero;
            foreach (var s in d.Seniors[u]) seniorBalance += l.Outstanding(s);
            var under = seniorBalance - (c.EndBalance - c.PoEndBalance);
            if (under <= d.Tolerance) continue; // float noise of cents-sized classes is not undercollateralisation
            var n = 0;
            foreach (var g in from) if (g != u && Array.IndexOf(groups, g) >= 0) l.ScratchGroups[n++] = g;
            if (n == 0) continue;
            ReadOnlySpan<int> others = l.ScratchGroups.AsSpan(0, n);

            foreach (var s in d.Seniors[u])
            {
                var due = r.InterestDue[s] - r.InterestPaid[s];
                if (due > T.Zero) l.PayInterest(s, l.Draw(others, due));
            }

            // Principal comes from the subordinates' principal, and from interest only as far as the deal as a
            // whole is undercollateralised (else one group's shortfall would be overpaid out of another's interest).
            var subAvail = Num<T>.Pos(l.SubUnscheduled + l.SubScheduled - l.SubTakenForDeferred);
            var dealUnder = Num<T>.Pos(l.State.Undercollateralisation + r.PrincipalShortfall - r.ExtraPrincipal);
            var seniors = d.Seniors[u];
            var w = l.ScratchWeights.AsSpan(0, seniors.Length);
            for (var i = 0; i < w.Length; i++) w[i] = l.Outstanding(seniors[i]);
            var want = Num<T>.Min(Num<T>.Min(under, l.Available(others)), subAvail + dealUnder);
            var got = l.Draw(others, want);
            var shares = l.ScratchShares.AsSpan(0, w.Length);
            ProRataShares.Split<T>(got, w, shares);
            var paid = T.Zero;
            for (var i = 0; i < w.Length; i++)
            {
                var p = Num<T>.Min(shares[i], l.Outstanding(d.Seniors[u][i]));
                l.PayPrincipal(d.Seniors[u][i], p);
                paid += p;
            }
            l.Fund[others[0]] += got - paid;
            // Class PO Deferred Amounts already took their part of the subordinates' principal: count it once.
            var fromSub = Num<T>.Min(paid, subAvail);
            var takePrepay = Num<T>.Min(fromSub, l.SubUnscheduled);
            l.SubUnscheduled -= takePrepay;
            l.SubScheduled -= fromSub - takePrepay;
            r.ExtraPrincipal += paid - fromSub;
        }
    }
}
