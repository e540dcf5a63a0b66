namespace Remic.Collateral;

/// <summary>
/// P&amp;I advancing in the scalar loan loop (<see cref="Projector.ProjectLoan"/>): a loan's balances that defaulted in
/// each of the last lag months ("pockets", a ring of lag slots), each amortising on the scheduled principal the master
/// servicer advances, until it is liquidated at its Stated Principal Balance. The scratch array is 3 × lag long:
/// stated balance, interest advanced so far, and expected loss of each pocket.
/// </summary>
internal static class DelinquentPockets
{
    public static bool Any(double[] pockets)
    {
        for (var k = 0; k < pockets.Length / 3; k++) if (pockets[k] > 0) return true;
        return false;
    }

    /// <summary>
    /// P&amp;I advancing for one loan's month m: the balance that defaulted lag months ago is liquidated at its Stated
    /// Principal Balance; this month's default <paramref name="d"/> takes its place; every delinquent pocket has its net
    /// interest (on the stated balance) and its scheduled principal (fraction <paramref name="f"/>) advanced — principal only
    /// as far as it is recoverable: the stated balance is not advanced below the pocket's expected loss
    /// (<paramref name="loss"/> = severity at liquidation × balance at default), which the liquidation proceeds cannot repay.
    /// </summary>
    public static void Advance(double[] pockets, int m, double d, double loss, double f, double rn, double poFraction, double excess, GroupSums sums)
    {
        var lag = pockets.Length / 3;
        var slot = m % lag;                          // the pocket that defaulted in month m − lag
        var liquidated = pockets[slot];
        sums.LiquidatedStated[m] += liquidated;
        sums.InterestRecovered[m] += pockets[lag + slot];
        pockets[slot] = d;
        pockets[lag + slot] = 0;
        pockets[2 * lag + slot] = loss;
        double stated = 0, principal = 0, interest = 0, end = 0;
        for (var k = 0; k < lag; k++)
        {
            var s = pockets[k];
            if (s <= 0) continue;
            var a = s * rn;
            var p = Math.Min(s * f, Math.Max(s - pockets[2 * lag + k], 0));
            pockets[lag + k] += a;
            pockets[k] = s - p;
            stated += s; interest += a; principal += p; end += s - p;
        }
        sums.Flows.ScheduledPrincipal[m] += principal;
        sums.PrincipalAdvanced[m] += principal;
        sums.InterestAdvanced[m] += interest;
        sums.DelinquentEnd[m] += end;
        if (sums.Strip is { } strip)
        {
            strip.PoScheduledPrincipal[m] += poFraction * principal;
            sums.PoDelinquentEnd[m] += poFraction * end;
            sums.PoLiquidatedStated[m] += poFraction * liquidated;
            if (excess > 0) { strip.PremiumBalance[m] += stated; strip.ExcessInterest[m] += excess * stated; }
        }
    }
}
