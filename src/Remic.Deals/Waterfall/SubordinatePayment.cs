using System.Numerics;

namespace Remic.Deals.Waterfall;

/// <summary>
/// The subordinate classes in order of seniority, each its interest then its Allocable Share of the
/// Subordinate Principal Distribution Amount. The scheduled part (scheduled principal and liquidation
/// principal) is shared pro rata by balance among all subordinates; the prepayment part only among
/// classes whose Class Prepayment Distribution Trigger is met (their subordination, with every class below,
/// at least its original level; the most senior subordinate always qualifies). Class PO Deferred Amounts
/// already paid from this amount come out of the lowest classes' shares. A share a class cannot take (its
/// balance is smaller) passes to the next class, then to the seniors.
/// </summary>
internal static class SubordinatePayment
{
    public static void Pay<T>(Ledger<T> l, int[] from, int[] subs) where T : struct, IFloatingPoint<T>
    {
        var d = l.Deal;
        var r = l.R;
        var n = subs.Length;
        var shares = new T[n];
        T total = T.Zero, eligibleTotal = T.Zero, pool = T.Zero, origPool = T.Zero;
        for (var g = 0; g < d.NGroups; g++) { pool += l.NonPoBegin[g]; origPool += d.OriginalNonPoPool[g]; }
        var eligible = new bool[n];
        var below = T.Zero;
        for (var k = n - 1; k >= 0; k--)
        {
            var b = Num<T>.Pos(r.BeginBalance[subs[k]]);
            below += b;
            total += b;
            var origBelow = k < d.SubOriginalBelow.Length && subs[k] == d.Subordinates[k] ? d.SubOriginalBelow[k] : below;
            eligible[k] = k == 0 || !d.ClassTriggers || (pool > T.Zero && origPool > T.Zero && below / pool >= origBelow / origPool);
            if (eligible[k]) eligibleTotal += b;
        }
        if (total > T.Zero)
        {
            T handedS = T.Zero, handedP = T.Zero;
            int lastS = -1, lastP = -1;
            for (var k = 0; k < n; k++)
            {
                if (r.BeginBalance[subs[k]] > T.Zero) lastS = k;
                if (eligible[k] && r.BeginBalance[subs[k]] > T.Zero) lastP = k;
            }
            for (var k = 0; k < n; k++)
            {
                var b = Num<T>.Pos(r.BeginBalance[subs[k]]);
                if (b <= T.Zero) continue;
                var s = k == lastS ? l.SubScheduled - handedS : Num<T>.Cents(l.SubScheduled * b / total);
                handedS += s;
                T p = T.Zero;
                if (eligible[k] && eligibleTotal > T.Zero)
                {
                    p = k == lastP ? l.SubPrepay - handedP : Num<T>.Cents(l.SubPrepay * b / eligibleTotal);
                    handedP += p;
                }
                shares[k] = s + p;
            }
        }
        else if (n > 0) shares[0] = l.SubScheduled + l.SubPrepay;

        // Class PO Deferred Amounts came out of the subordinates' principal: lowest classes first.
        var taken = l.SubTakenForDeferred;
        for (var k = n - 1; k >= 0 && taken > T.Zero; k--)
        {
            var t = Num<T>.Min(taken, shares[k]);
            shares[k] -= t;
            taken -= t;
        }

        var carry = T.Zero;
        for (var k = 0; k < n; k++)
        {
            var c = subs[k];
            var due = r.InterestDue[c] - r.InterestPaid[c];
            if (due > T.Zero) l.PayInterest(c, l.Draw(from, due));
            var want = shares[k] + carry;
            var target = Num<T>.Min(want, l.Outstanding(c));
            var got = l.Draw(from, target);
            r.PrincipalShortfall += target - got;
            l.PayPrincipal(c, got);
            carry = want - target;
        }
        l.SubScheduled = l.SubPrepay = T.Zero;
        if (carry > T.Zero) ToSeniors(l, from, carry);
    }

    /// <summary>Principal no subordinate can take goes to the seniors of the groups, pro rata by balance.</summary>
    private static void ToSeniors<T>(Ledger<T> l, int[] from, T amount) where T : struct, IFloatingPoint<T>
    {
        var d = l.Deal;
        var total = T.Zero;
        foreach (var g in from) foreach (var c in d.Seniors[g]) total += l.Outstanding(c);
        if (total <= T.Zero) return;
        var give = l.Draw(from, Num<T>.Min(amount, total));
        var handed = T.Zero;
        var seen = new HashSet<int>();
        var list = new List<int>();
        foreach (var g in from) foreach (var c in d.Seniors[g]) if (seen.Add(c) && l.Outstanding(c) > T.Zero) list.Add(c);
        for (var i = 0; i < list.Count; i++)
        {
            var c = list[i];
            var share = i == list.Count - 1 ? give - handed : Num<T>.Cents(give * l.Outstanding(c) / total);
            share = Num<T>.Min(share, l.Outstanding(c));
            handed += share;
            l.PayPrincipal(c, share);
        }
        if (give - handed > T.Zero) l.Fund[from[0]] += give - handed;
    }
}
