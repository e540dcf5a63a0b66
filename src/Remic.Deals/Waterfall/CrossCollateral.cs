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
            var c = l.Groups[u];
            var seniors = T.Zero;
            foreach (var s in d.Seniors[u]) seniors += l.Outstanding(s);
            var under = seniors - (c.EndBalance - c.PoEndBalance);
            if (under <= d.Tolerance) continue; // float noise of cents-sized classes is not undercollateralisation
            var others = from.Where(g => g != u && Array.IndexOf(groups, g) >= 0).ToArray();
            if (others.Length == 0) continue;

            foreach (var s in d.Seniors[u])
            {
                var due = r.InterestDue[s] - r.InterestPaid[s];
                if (due > T.Zero) l.PayInterest(s, l.Draw(others, due));
            }

            // Principal comes from the subordinates' principal, and from interest only as far as the deal as a
            // whole is undercollateralised (else one group's shortfall would be overpaid out of another's interest).
            var subAvail = Num<T>.Pos(l.SubUnscheduled + l.SubScheduled - l.SubTakenForDeferred);
            var dealUnder = Num<T>.Pos(l.State.Undercollateralisation + r.PrincipalShortfall - r.ExtraPrincipal);
            var w = d.Seniors[u].Select(l.Outstanding).ToArray();
            var want = Num<T>.Min(Num<T>.Min(under, l.Available(others)), subAvail + dealUnder);
            var got = l.Draw(others, want);
            var shares = new T[w.Length];
            ProRataShares.Split(got, w, shares);
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
