using System.Numerics;
using System.Runtime.CompilerServices;

namespace Remic.Deals.Waterfall;

/// <summary>
/// Splits a principal amount among classes by an allocation tree (sequential, pro rata by balance, fixed
/// percentages, down to a PAC/TAC schedule, NAS lockout share). Returns what was paid; what no class could
/// take is left for the caller.
/// </summary>
internal static class PrincipalAllocation
{
    public static T Allocate<T>(Ledger<T> l, CompiledDeal<T>.CAlloc node, T amount) where T : unmanaged, IFloatingPoint<T>
    {
        if (amount <= T.Zero) return T.Zero; // nothing offered: nothing paid, nothing traced (AllocateCore's own first test)
        if (l.Trace is not { } t) return AllocateCore(l, node, amount);
        t.BeginAllocation(l, node, amount);
        var paid = AllocateCore(l, node, amount);
        t.EndAllocation(paid);
        return paid;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)] // the untraced path keeps one frame per node
    private static T AllocateCore<T>(Ledger<T> l, CompiledDeal<T>.CAlloc node, T amount) where T : unmanaged, IFloatingPoint<T>
    {
        if (amount <= T.Zero) return T.Zero;
        switch (node.Op) // the op code is the record's type (set by its constructor): each case's cast cannot fail
        {
            case CompiledDeal<T>.AllocOp.ToClass:
                return ToClass(l, Unsafe.As<CompiledDeal<T>.CToClass>(node).Class, amount);
            case CompiledDeal<T>.AllocOp.Sequential:
            {
                var s = Unsafe.As<CompiledDeal<T>.CSequential>(node);
                var paid = T.Zero;
                // Once nothing is left a part would be offered nothing and pay nothing (Allocate's first test: no call, no trace), and
                // adding its zero leaves the sum as it is (never -0: a sum of zeros and positive payments): the rest are not called.
                foreach (var part in s.Parts)
                {
                    if (amount - paid <= T.Zero) break;
                    paid += Part(l, part, amount - paid);
                }
                return paid;
            }
            case CompiledDeal<T>.AllocOp.ProRata:
                return ProRata(l, Unsafe.As<CompiledDeal<T>.CProRata>(node), amount);
            case CompiledDeal<T>.AllocOp.Split:
            {
                var s = Unsafe.As<CompiledDeal<T>.CSplit>(node);
                var paid = T.Zero;
                var shares = l.AllocScratch.AsSpan(s.Scratch, s.Parts.Length); // the node's own scratch (Split writes it whole)
                ProRataShares.Split(amount, s.Shares, shares);
                for (var i = 0; i < s.Parts.Length; i++) paid += Part(l, s.Parts[i], shares[i]);
                // What a retired part could not take goes to the others in order (none when nothing is left, as above).
                foreach (var part in s.Parts)
                {
                    if (amount - paid <= T.Zero) break;
                    paid += Part(l, part, amount - paid);
                }
                return paid;
            }
            case CompiledDeal<T>.AllocOp.ToSchedule:
            {
                var t = Unsafe.As<CompiledDeal<T>.CToSchedule>(node);
                var target = Scheduled(l, t.Class);
                var p = Num<T>.Min(amount, Num<T>.Pos(l.Balance[t.Class] - target));
                l.PayPrincipal(t.Class, p);
                return p;
            }
            case CompiledDeal<T>.AllocOp.Lockout:
            {
                var n = Unsafe.As<CompiledDeal<T>.CLockout>(node);
                var shift = n.ShiftByYear[Math.Min(l.YearIndex, n.ShiftByYear.Length - 1)];
                var share = l.StepLeafBalance > T.Zero ? Num<T>.Cents(shift * amount * l.Outstanding(n.Class) / l.StepLeafBalance) : T.Zero;
                var p = Num<T>.Min(Num<T>.Min(amount, share), l.Outstanding(n.Class));
                l.PayPrincipal(n.Class, p);
                return p;
            }
            default:
                throw new NotSupportedException(node.GetType().Name);
        }
    }

    private static T ProRata<T>(Ledger<T> l, CompiledDeal<T>.CProRata p, T amount) where T : unmanaged, IFloatingPoint<T>
    {
        var n = p.Parts.Length;
        var w = l.AllocScratch.AsSpan(p.Scratch, n); // the node's own scratch: weights, then shares
        var total = T.Zero;
        for (var i = 0; i < n; i++)
        {
            var wi = T.Zero;
            foreach (var c in p.PartLeaves[i]) wi += l.Outstanding(c);
            w[i] = wi;
            total += wi;
        }
        if (total <= T.Zero) return T.Zero;
        var shares = l.AllocScratch.AsSpan(p.Scratch + n, n);
        ProRataShares.Split(Num<T>.Min(amount, total), w, shares);
        var paid = T.Zero;
        for (var i = 0; i < w.Length; i++) paid += Part(l, p.Parts[i], shares[i]);
        return paid;
    }

    /// <summary>
    /// A part of a sequential, pro rata or split node: a class (the usual part) paid here, untraced, instead of through a call to
    /// <see cref="Allocate"/> (whose frame, with every case of the switch, costs more than the payment); any other part, or any part
    /// when traced (each node's trace), through <see cref="Allocate"/>. The same figures: <see cref="ToClass"/> is that case.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Part<T>(Ledger<T> l, CompiledDeal<T>.CAlloc part, T amount) where T : unmanaged, IFloatingPoint<T> =>
        part.Op == CompiledDeal<T>.AllocOp.ToClass && l.Trace is null
            ? ToClass(l, Unsafe.As<CompiledDeal<T>.CToClass>(part).Class, amount)
            : Allocate(l, part, amount);

    /// <summary>Up to <paramref name="amount"/> to class c, at most its balance (nothing when nothing is offered: Allocate's first test).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ToClass<T>(Ledger<T> l, int c, T amount) where T : unmanaged, IFloatingPoint<T>
    {
        if (amount <= T.Zero) return T.Zero;
        var p = Num<T>.Min(amount, l.Outstanding(c));
        l.PayPrincipal(c, p);
        return p;
    }

    /// <summary>PAC/TAC scheduled balance for this period (the last scheduled figure holds after the schedule ends).</summary>
    public static T Scheduled<T>(Ledger<T> l, int c) where T : unmanaged, IFloatingPoint<T>
    {
        var s = l.Deal.Schedules[c];
        if (s is null || s.Length == 0) return T.Zero;
        return s[Math.Min(l.Period - 1, s.Length - 1)];
    }
}
