using System.Numerics;

namespace Remic.Deals.Waterfall;

/// <summary>
/// Net Interest Shortfalls (prepayment interest shortfall net of compensating interest, plus Relief Act
/// shortfalls) of each group, allocated to the classes of the group pro rata by the interest they would
/// otherwise be due. A class of several groups counts in each group with its current interest's component of
/// that group (<see cref="Ledger{T}.ComponentWeight"/>: Class X by excess interest, subordinates by the
/// group's subordinate amount).
/// </summary>
internal static class InterestShortfalls
{
    public static void Allocate<T>(Ledger<T> l, ReadOnlySpan<T> current) where T : unmanaged, IFloatingPoint<T>
    {
        var d = l.Deal;
        // The ledger's scratch (no stackalloc to zero every date): both are written whole for each group with a shortfall.
        var w = l.ScratchWeights.AsSpan(0, d.NClasses);
        var shares = l.ScratchShares.AsSpan(0, d.NClasses);
        for (var g = 0; g < d.NGroups; g++)
        {
            ref readonly var coll = ref l.Groups[g];
            var shortfall = coll.PrepaymentInterestShortfall + coll.ReliefActShortfall + l.UncoveredInterest[g];
            if (shortfall <= T.Zero) continue;
            for (var c = 0; c < d.NClasses; c++) w[c] = Weight(l, c, g, current);
            ProRataShares.Split<T>(shortfall, w, shares);
            for (var c = 0; c < d.NClasses; c++)
                l.R.InterestShortfall[c] += Num<T>.Min(shares[c], current[c] - l.R.InterestShortfall[c]);
        }
    }

    /// <summary>Some group has a shortfall for <see cref="Allocate"/> to allocate (its test, group by group).</summary>
    public static bool Any<T>(Ledger<T> l) where T : unmanaged, IFloatingPoint<T>
    {
        var uncovered = l.UncoveredInterest;
        for (var g = 0; g < uncovered.Length; g++)
        {
            ref readonly var coll = ref l.Groups[g];
            if (coll.PrepaymentInterestShortfall + coll.ReliefActShortfall + uncovered[g] > T.Zero) return true;
        }
        return false;
    }

    private static T Weight<T>(Ledger<T> l, int c, int g, ReadOnlySpan<T> current) where T : unmanaged, IFloatingPoint<T>
    {
        var groups = l.Deal.ClassGroups[c];
        if (current[c] <= T.Zero || !l.Deal.InGroup[c][g]) return T.Zero;
        if (groups.Length == 1) return current[c];
        T mine = l.ComponentWeight(c, g), all = T.Zero;
        foreach (var h in groups) all += l.ComponentWeight(c, h);
        return all > T.Zero ? current[c] * mine / all : T.Zero;
    }
}
