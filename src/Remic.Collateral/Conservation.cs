using Remic.Core;

namespace Remic.Collateral;

/// <summary>
/// Cash-flow identities every projection must satisfy. Tolerance: 1e-9 of the cut-off balance plus
/// 0.0001 dollars per month (double arithmetic over many loans; amounts are reported to the cent).
/// </summary>
public static class Conservation
{
    public static double Tolerance(double cutoffBalance) => 1e-9 * cutoffBalance + 1e-4;

    /// <param name="runToEnd">The projection ran until every loan paid off, so the last balance must be zero.</param>
    public static void Check(GroupCashFlows g, double[] performingEnd, bool runToEnd)
    {
        var tol = Tolerance(g.EndBalance[0]);
        for (var m = 1; m <= g.Months; m++)
        {
            var outflow = g.ScheduledPrincipal[m] + g.Prepayment[m] + g.LiquidationProceeds[m] + g.RealizedLoss[m];
            var gap = g.BeginBalance[m] - outflow - g.EndBalance[m];
            // Written as !(x <= tol) so that a NaN anywhere fails the check instead of slipping past it.
            if (!(Math.Abs(gap) <= tol))
                throw new ConservationException(
                    $"group {g.Group} month {m}: beginning balance {g.BeginBalance[m]:F2} ≠ scheduled {g.ScheduledPrincipal[m]:F2} + prepaid {g.Prepayment[m]:F2} + liquidation proceeds {g.LiquidationProceeds[m]:F2} + loss {g.RealizedLoss[m]:F2} + ending {g.EndBalance[m]:F2} (off by {gap:G6})");
            var perfGap = performingEnd[m - 1] - g.Defaults[m] - (g.ScheduledPrincipal[m] - g.PrincipalAdvances[m]) - g.Prepayment[m] - performingEnd[m];
            if (!(Math.Abs(perfGap) <= tol))
                throw new ConservationException(
                    $"group {g.Group} month {m}: performing balance does not roll forward (off by {perfGap:G6})");
            if (g.EndBalance[m] < -tol)
                throw new ConservationException($"group {g.Group} month {m}: negative balance {g.EndBalance[m]:F2}");
            var netGap = g.GrossInterest[m] - g.ServicingFee[m] - g.OtherFees[m] + g.Advances[m] - g.NetInterest[m];
            if (!(Math.Abs(netGap) <= tol))
                throw new ConservationException($"group {g.Group} month {m}: gross interest − fees + advances ≠ net interest (off by {netGap:G6})");
        }
        if (runToEnd && g.Months > 0 && Math.Abs(g.EndBalance[g.Months]) > tol)
            throw new ConservationException($"group {g.Group}: {g.EndBalance[g.Months]:F2} left after the last month {g.Months}");
    }

    /// <summary>
    /// Class X notional: the premium loans' balance bearing interest in a month is at most the group's — its beginning
    /// balance less the loans liquidated in the month (everything else, delinquent loans included, bears interest,
    /// collected or advanced) — and never negative.
    /// </summary>
    public static void CheckPremium(GroupCashFlows g, StripCashFlows s)
    {
        var tol = Tolerance(g.EndBalance[0]);
        for (var m = 1; m <= g.Months; m++)
        {
            var bearing = g.BeginBalance[m] - g.LiquidationProceeds[m] - g.RealizedLoss[m];
            if (!(s.PremiumBalance[m] <= bearing + tol) || !(s.PremiumBalance[m] >= -tol))
                throw new ConservationException(
                    $"group {g.Group} month {m}: premium loan balance {s.PremiumBalance[m]:F2} outside 0 .. the balance bearing interest {bearing:F2}");
        }
    }
}
