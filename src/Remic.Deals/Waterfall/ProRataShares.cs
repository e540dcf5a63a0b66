using System.Numerics;

namespace Remic.Deals.Waterfall;

/// <summary>
/// Splits an amount pro rata by weights. In decimal (trustee money) every share is whole cents and the
/// shares add up exactly: each share is rounded down to the cent and the cents left over go one each to
/// the largest remainders (largest-remainder method), so no share is ever negative or above its weight's
/// part. In double the shares are the exact proportions.
/// </summary>
internal static class ProRataShares
{
    public static void Split<T>(T amount, ReadOnlySpan<T> weights, Span<T> shares) where T : unmanaged, IFloatingPoint<T>
    {
        var total = T.Zero;
        foreach (var w in weights) if (w > T.Zero) total += w;
        if (total <= T.Zero || amount <= T.Zero)
        {
            shares.Clear();
            return;
        }
        if (typeof(T) != typeof(decimal))
        {
            // Every share written (zero for a weight of zero or less): no clear of the span first.
            for (var i = 0; i < weights.Length; i++) shares[i] = weights[i] > T.Zero ? amount * weights[i] / total : T.Zero;
            return;
        }
        shares.Clear();
        var cent = T.CreateChecked(0.01m);
        var handed = T.Zero;
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] <= T.Zero) continue;
            shares[i] = T.Floor(amount * weights[i] / total / cent) * cent;
            handed += shares[i];
        }
        var left = amount - handed; // fewer cents than there are weights
        while (left >= cent)
        {
            int best = -1;
            var bestRem = T.Zero;
            for (var i = 0; i < weights.Length; i++)
            {
                if (weights[i] <= T.Zero) continue;
                var rem = amount * weights[i] / total - shares[i];
                if (best < 0 || rem > bestRem) { best = i; bestRem = rem; }
            }
            shares[best] += cent;
            left -= cent;
        }
        if (left > T.Zero) // a fraction of a cent in the amount itself: give it to the largest share
        {
            var big = 0;
            for (var i = 1; i < shares.Length; i++) if (shares[i] > shares[big]) big = i;
            shares[big] += left;
        }
    }
}
