using Remic.Analytics;
using Remic.Deals.Model;
using Remic.Deals.Projection;

namespace Remic.Rates.Oas;

/// <summary>
/// A projected deal's class as <see cref="BondCashFlows"/>, by the rules of Reports' <c>DealClassFlows</c> (Rates sits
/// below Reports, so it cannot call it; the two must agree — <c>OasEngineTests</c> checks the cash against the
/// waterfall's own figures): cash = interest paid + Class PO Deferred Amounts + corridor payments + the residual +
/// principal; an accrual class's accretion is interest and negative principal; a notional class pays interest only and
/// its notional's fall is its "principal" for WAL; a balance left at the end is written down.
/// </summary>
internal static class ClassFlows
{
    public static BondCashFlows Of(DealProjection run, int c)
    {
        var deal = run.Deal;
        var spec = deal.Classes[c];
        var periods = run.Periods;
        var n = periods.Count;
        var dates = new DateOnly[n];
        double[] begin = new double[n], end = new double[n], interest = new double[n], principal = new double[n], loss = new double[n], coupon = new double[n];
        var residual = IsFirstResidual(deal, c);
        for (var k = 0; k < n; k++)
        {
            var p = periods[k];
            dates[k] = p.DistributionDate;
            begin[k] = p.BeginBalance[c];
            coupon[k] = p.Coupon[c];
            interest[k] = p.InterestPaid[c] + p.Accretion[c] + p.PoDeferredPaid[c] + p.CorridorPaid[c] + (residual ? p.ResidualPaid : 0);
            principal[k] = p.Principal[c] - p.Accretion[c];
            loss[k] = p.Loss[c];
            end[k] = p.EndBalance[c];
        }
        var dated = spec.DelayDays > 0 ? deal.Metadata.CutoffDate : deal.Metadata.ClosingDate;
        var original = (double)spec.OriginalBalance;
        if (spec.IsNotional)
        {
            for (var k = 0; k < n; k++) end[k] = k + 1 < n ? begin[k + 1] : 0;
            if (original <= 0) original = n > 0 && begin[0] > 0 ? begin[0] : 1;
            var derived = spec.Coupon is StripExcessCoupon;
            return BondCashFlows.NotionalIo(dates, begin, end, interest, derived ? null : coupon, original, spec.DayCount, spec.DelayDays, dated);
        }
        for (var k = 0; k < n; k++) if (Math.Abs(end[k]) < 1e-6) end[k] = 0;
        if (n > 0 && end[n - 1] > 0) { loss[n - 1] += end[n - 1]; end[n - 1] = 0; }
        return new BondCashFlows(dates, begin, interest, principal, loss, end, coupon, Math.Max(original, 1e-2), spec.DayCount, spec.DelayDays, dated);
    }

    /// <summary>Cash (interest + principal as above) of class c in each period, and the reduction WAL weighs.</summary>
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

    public static bool IsFirstResidual(Deal deal, int c)
    {
        for (var i = 0; i < deal.Classes.Count; i++) if (deal.Classes[i].Is(ClassType.Residual)) return i == c;
        return false;
    }
}
