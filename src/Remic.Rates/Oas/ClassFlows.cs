using System.Runtime.CompilerServices;
using Remic.Analytics;
using Remic.Deals.Model;
using Remic.Deals.Projection;

namespace Remic.Rates.Oas;

/// <summary>
/// A class's cash per path, by the rules of <see cref="DealClassFlows"/> (cash = interest paid + Class PO Deferred Amounts +
/// corridor payments + the residual + principal; an accrual class's accretion is interest and negative principal; a
/// notional class pays interest only and its notional's fall is what WAL weighs), into the path's reused buffers.
/// </summary>
internal static class ClassFlows
{
    /// <summary>Cash (interest + principal as above) of class c in each period, and the reduction WAL weighs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void CashOf(DealProjection run, int c, bool firstResidual, Span<double> cash, Span<double> reduction)
    {
        var periods = run.Periods;
        var notional = run.Deal.Classes[c].IsNotional;
        cash.Clear();
        reduction.Clear();
        for (var k = 0; k < periods.Count && k < cash.Length; k++)
        {
            var p = periods[k];
            var interest = p.InterestPaid[c] + p.Accretion[c] + p.PoDeferredPaid[c] + p.CorridorPaid[c] + (firstResidual ? p.ResidualPaid : 0);
            if (notional)
            {
                cash[k] = interest;
                reduction[k] = p.BeginBalance[c] - (k + 1 < periods.Count ? periods[k + 1].BeginBalance[c] : 0);
            }
            else
            {
                cash[k] = interest + p.Principal[c] - p.Accretion[c];
                reduction[k] = p.Principal[c] - p.Accretion[c];
            }
        }
    }

    public static bool IsFirstResidual(Deal deal, int c) => DealClassFlows.FirstResidual(deal) == c;
}
