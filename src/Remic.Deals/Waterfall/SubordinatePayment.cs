using System.Numerics;

namespace Remic.Deals.Waterfall;

/// <summary>
/// The subordinate classes in order of seniority, each its interest then its Allocable Share of the
/// Subordinate Principal Distribution Amount. Its clause (i) (scheduled principal) is shared pro rata by
/// balance among all subordinates; clauses (ii) and (iii) (liquidation principal and prepayments) only among
/// classes whose Class Prepayment Distribution Trigger is met (their subordination, with every class below,
/// at least its original level; the most senior subordinate always qualifies). Class PO Deferred Amounts
/// already paid from this amount come out of the lowest classes' shares. A share a class cannot take (its
/// balance is smaller) passes to the next class, then to the seniors. On the deal's last distribution
/// (<see cref="Ledger{T}.Terminating"/>) the subordinates are paid in order of seniority instead, each short of the
/// date's losses the loss order will give it.
/// </summary>
internal static class SubordinatePayment
{
    public static void Pay<T>(Ledger<T> l, int[] from, int[] subs) where T : unmanaged, IFloatingPoint<T>
    {
        var d = l.Deal;
        var r = l.R;
        CrossCollateral.Apply(l, from);
        var n = subs.Length;
        // The ledger's scratch (no stackalloc, so the method tiers up): what a fresh stackalloc's zeros were read from is cleared.
        var shares = l.SubShares.AsSpan(0, n);
        var eligible = l.SubEligible.AsSpan(0, n);          // written whole below
        var s = l.SubScheduledShares.AsSpan(0, n);
        var p = l.SubUnscheduledShares.AsSpan(0, n);
        var reserve = l.SubReserve.AsSpan(0, n);
        for (var k = 0; k < n; k++) shares[k] = s[k] = p[k] = reserve[k] = T.Zero; // one short loop, not four span clears
        T total = T.Zero, eligibleTotal = T.Zero, pool = T.Zero, origPool = d.OriginalNonPoTotal; // the original pools' sum, in group order
        T[] begin = r.BeginBalance, nonPoBegin = l.NonPoBegin;
        for (var g = 0; g < nonPoBegin.Length; g++) pool += nonPoBegin[g];
        var below = T.Zero;
        var origShare = d.SubOriginalShare;
        var origSubs = d.Subordinates;
        var triggers = d.ClassTriggers;
        for (var k = n - 1; k >= 0; k--)
        {
            var b = Num<T>.Pos(begin[subs[k]]);
            below += b;
            total += b;
            // The original level below / the original pool: the deal's own subordinates' once per deal (SubOriginalShare, the same
            // quotient); else (not the deal's order) the class's balance below now, over the original pool.
            var e = k == 0 || !triggers
                || (pool > T.Zero && origPool > T.Zero
                    && below / pool >= (k < origShare.Length && subs[k] == origSubs[k] ? origShare[k] : below / origPool));
            eligible[k] = e;
            if (e) eligibleTotal += b;
        }
        if (total > T.Zero)
        {
            var w = l.SubWeights.AsSpan(0, n);                // written whole here
            var we = l.SubEligibleWeights.AsSpan(0, n);
            for (var k = 0; k < n; k++)
            {
                w[k] = Num<T>.Pos(begin[subs[k]]);
                we[k] = eligible[k] ? w[k] : T.Zero;
            }
            ProRataShares.Split<T>(l.SubScheduled, w, s);
            ProRataShares.Split<T>(l.SubUnscheduled, eligibleTotal > T.Zero ? we : w, p);
            for (var k = 0; k < n; k++) shares[k] = s[k] + p[k];
        }
        else if (n > 0) shares[0] = l.SubScheduled + l.SubUnscheduled; // nothing left to share by: it passes on below
        if (l.Terminating && n > 0)
        {
            // The last distribution: the subordinates in order of seniority, each up to its balance less the part of
            // the date's losses (and of the Class PO Deferred Amounts paid from their principal) that the loss order
            // gives it, so those losses fall on the lowest classes and what they cannot take passes to the seniors.
            for (var k = 1; k < n; k++) { shares[0] += shares[k]; shares[k] = T.Zero; }
            var absorb = T.Zero;
            foreach (var x in l.PoDeferredPaid) absorb += x;
            foreach (ref readonly var g in l.Groups.AsSpan()) absorb += Num<T>.Pos(g.RealizedLoss - g.PoRealizedLoss);
            foreach (var cls in d.LossOrder)
            {
                if (absorb <= T.Zero) break;
                var k = Array.IndexOf(subs, cls);
                if (k < 0) continue;
                reserve[k] = Num<T>.Min(absorb, l.Outstanding(cls));
                absorb -= reserve[k];
            }
        }
        // Class PO Deferred Amounts came out of the subordinates' principal: lowest classes first.
        var taken = l.SubTakenForDeferred;
        for (var k = n - 1; k >= 0 && taken > T.Zero; k--)
        {
            var t = Num<T>.Min(taken, shares[k]);
            shares[k] -= t;
            taken -= t;
        }

        if (l.Trace is { } trace) trace.SubordinateShares(subs, eligible, s, p, shares);
        var carry = T.Zero;
        T[] interestDue = r.InterestDue, interestPaid = r.InterestPaid;
        for (var k = 0; k < n; k++)
        {
            var c = subs[k];
            var due = interestDue[c] - interestPaid[c];
            if (due > T.Zero) l.PayInterest(c, l.DrawFor(c, from, due));
            var want = shares[k] + carry;
            var target = Num<T>.Min(want, l.Outstanding(c) - reserve[k]);
            var got = l.Draw(from, target);
            r.PrincipalShortfall += target - got;
            l.PayPrincipal(c, got);
            carry = want - target;
        }
        l.SubScheduled = l.SubUnscheduled = T.Zero;
        if (carry > T.Zero) ToSeniors(l, from, carry);
    }

    /// <summary>
    /// Principal no subordinate can take goes to the seniors (cross-collateralisation): first to the seniors of
    /// undercollateralised groups (senior balance above the group's non-PO pool) up to that excess, then to all
    /// seniors of the groups pro rata by balance.
    /// </summary>
    private static void ToSeniors<T>(Ledger<T> l, int[] from, T amount) where T : unmanaged, IFloatingPoint<T>
    {
        var d = l.Deal;
        foreach (var g in from)
        {
            if (amount <= T.Zero) break;
            ref readonly var c = ref l.Groups[g];
            var seniors = T.Zero;
            foreach (var s in d.Seniors[g]) seniors += l.Outstanding(s);
            var under = seniors - (c.EndBalance - c.PoEndBalance);
            if (under <= d.Tolerance) continue;
            amount -= PaySeniors(l, from, new ReadOnlySpan<int>(in g), Num<T>.Min(amount, under));
        }
        if (amount > T.Zero) amount -= PaySeniors(l, from, from, amount);
        l.R.UnpayablePrincipal += amount;
    }

    private static T PaySeniors<T>(Ledger<T> l, int[] fundGroups, ReadOnlySpan<int> seniorGroups, T amount) where T : unmanaged, IFloatingPoint<T>
    {
        var d = l.Deal;
        var n = 0;
        var list = l.ScratchClasses;
        foreach (var g in seniorGroups)
            foreach (var c in d.Seniors[g])
                if (Array.IndexOf(list, c, 0, n) < 0 && l.Outstanding(c) > T.Zero) list[n++] = c;
        var w = l.ScratchWeights.AsSpan(0, n);
        var total = T.Zero;
        for (var i = 0; i < n; i++) { w[i] = l.Outstanding(list[i]); total += w[i]; }
        if (total <= T.Zero) return T.Zero;
        var give = l.Draw(fundGroups, Num<T>.Min(amount, total));
        var shares = l.ScratchShares.AsSpan(0, n);
        ProRataShares.Split<T>(give, w, shares);
        var handed = T.Zero;
        for (var i = 0; i < n; i++)
        {
            var share = Num<T>.Min(shares[i], l.Outstanding(list[i]));
            handed += share;
            l.PayPrincipal(list[i], share);
        }
        if (give - handed > T.Zero) l.Fund[fundGroups[0]] += give - handed;
        return handed;
    }
}
