using Remic.Deals.Model;
using Remic.Deals.Projection;

namespace Remic.Analytics;

/// <summary>
/// A projected deal's classes as <see cref="BondCashFlows"/>, one entry per distribution date of the deal's
/// schedule. What a holder receives is kept exact; how it is labelled follows the CM convention:
/// <list type="bullet">
/// <item>an accrual (Z) class's accreted interest is shown as interest, and the accretion as negative principal
/// (cash = interest paid + principal paid, balance rolls forward);</item>
/// <item>Class PO Deferred Amounts, corridor payments and the residual distribution are cash that does not reduce a
/// balance: they are counted with interest (the Class PO Deferred Amounts also as <see cref="BondCashFlows.LossReimbursed"/>,
/// so the PO's writedown is net of what was made good);</item>
/// <item>a balance left when the projection ends (the waterfall's undercollateralisation) is written down at the
/// last distribution, so over the life class principal + writedowns = collateral principal + losses;</item>
/// <item>notional classes are <see cref="BondCashFlows.NotionalIo"/>: interest on the notional, no principal, the
/// notional falling from each period's beginning amount to the next period's (to zero after the last).</item>
/// </list>
/// Fixed classes are dated from the cut-off date with their delay (30/360); classes without delay (floaters) from the
/// closing date, when their first accrual period starts.
/// </summary>
public static class DealClassFlows
{
    /// <summary>
    /// Class <paramref name="c"/>'s figures of the first <paramref name="n"/> periods, labelled as this class describes: beginning
    /// balance, coupon, interest (paid + accretion + Class PO Deferred + corridor + the first residual class's residual), principal
    /// (paid − accretion), loss and ending balance. The one reading of a period for <see cref="Of"/> and <see cref="DealClassFigures"/>.
    /// </summary>
    internal static void Read(ReadOnlySpan<Remic.Deals.Waterfall.PeriodResult<double>> periods, int n, Deal deal, int c,
        double[] begin, double[] coupon, double[] interest, double[] principal, double[] loss, double[] end)
    {
        var residual = deal.Classes[c].Is(ClassType.Residual) && FirstResidual(deal) == c;
        for (var k = 0; k < n; k++)
        {
            var p = periods[k];
            begin[k] = p.BeginBalance[c];
            coupon[k] = p.Coupon[c];
            interest[k] = p.InterestPaid[c] + p.Accretion[c] + p.PoDeferredPaid[c] + p.CorridorPaid[c] + (residual ? p.ResidualPaid : 0);
            principal[k] = p.Principal[c] - p.Accretion[c];
            loss[k] = p.Loss[c];
            end[k] = p.EndBalance[c];
        }
    }

    public static BondCashFlows Of(DealProjection run, int c)
    {
        var deal = run.Deal;
        var spec = deal.Classes[c];
        var periods = run.Periods;
        var n = periods.Count;
        var dates = new DateOnly[n];
        var begin = new double[n];
        var end = new double[n];
        var interest = new double[n];
        var principal = new double[n];
        var loss = new double[n];
        var coupon = new double[n];
        var rows = periods as Remic.Deals.Waterfall.PeriodResult<double>[] ?? [.. periods];
        for (var k = 0; k < n; k++) dates[k] = rows[k].DistributionDate;
        Read(rows, n, deal, c, begin, coupon, interest, principal, loss, end);
        var dated = spec.DelayDays > 0 ? deal.Metadata.CutoffDate : deal.Metadata.ClosingDate;
        var (original, reimbursed) = Label(rows, n, spec, c, begin, end, loss);
        if (spec.IsNotional)
        {
            var derived = spec.Coupon is StripExcessCoupon;
            return BondCashFlows.NotionalIo(dates, begin, end, interest, derived ? null : coupon, original,
                spec.DayCount, spec.DelayDays, dated);
        }
        return new BondCashFlows(dates, begin, interest, principal, loss, end, coupon, original,
            spec.DayCount, spec.DelayDays, dated) { LossReimbursed = reimbursed };
    }

    /// <summary>
    /// The class's figures of <see cref="Read"/> labelled as this class describes, in place: a notional amount falls to the next
    /// period's (to zero after the last); a class with principal has float dust zeroed and any balance left at the last
    /// distribution written down then. Returns the original balance <see cref="BondCashFlows"/> is built with and the Class PO
    /// Deferred Amounts paid to the class. The one labelling for <see cref="Of"/> and <see cref="DealClassFigures"/>.
    /// </summary>
    internal static (double Original, double Reimbursed) Label(ReadOnlySpan<Remic.Deals.Waterfall.PeriodResult<double>> periods, int n,
        ClassSpec spec, int c, double[] begin, double[] end, double[] loss)
    {
        var original = (double)spec.OriginalBalance;
        if (spec.IsNotional)
        {
            // The waterfall states each notional at the start of its period; it falls to the next period's amount.
            for (var k = 0; k < n; k++) end[k] = k + 1 < n ? begin[k + 1] : 0;
            return (original <= 0 ? n > 0 && begin[0] > 0 ? begin[0] : 1 : original, 0);
        }
        // Float dust below a hundredth of a cent: the waterfall's own checks hold balances to 1e-9 × cut-off.
        for (var k = 0; k < n; k++) if (Math.Abs(end[k]) < 1e-6) end[k] = 0;
        // A balance still outstanding when the collateral is gone (the waterfall's undercollateralisation, e.g.
        // principal that paid interest) will never be paid: it is written down at the last distribution.
        if (n > 0 && end[n - 1] > 0) { loss[n - 1] += end[n - 1]; end[n - 1] = 0; }
        var reimbursed = 0.0;
        for (var k = 0; k < n; k++) reimbursed += periods[k].PoDeferredPaid[c];
        return (Math.Max(original, 1e-2), reimbursed);
    }

    /// <summary>The deal's first residual class (it is paid the residual distribution), or −1.</summary>
    public static int FirstResidual(Deal deal)
    {
        for (var i = 0; i < deal.Classes.Count; i++) if (deal.Classes[i].Is(ClassType.Residual)) return i;
        return -1;
    }
}
