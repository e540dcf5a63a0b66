using Remic.Core;

namespace Remic.Analytics;

/// <summary>Interest accrued from the start of the current accrual period to settlement.</summary>
/// <param name="From">Start of the accrual (1st of the settlement month, the prior distribution date, or the dated date).</param>
/// <param name="Days">Days from <paramref name="From"/> to settlement under the class's day count.</param>
/// <param name="Balance">Class balance the buyer acquires (beginning balance of the first flow received).</param>
/// <param name="Coupon">Rate of the current accrual period (annual fraction).</param>
/// <param name="Amount">Accrued interest in currency.</param>
public sealed record AccruedInterest(DateOnly From, int Days, double Balance, double Coupon, double Amount);

/// <summary>
/// Which flows a buyer settling on a date receives, and the interest accrued at settlement (domain notes):
/// <list type="bullet">
/// <item>Classes with a payment delay (fixed, 30/360): each distribution pays the calendar month before it;
/// the buyer receives the distributions of months after the settlement month, and accrued interest runs
/// from the 1st of the settlement month (never before the dated date).</item>
/// <item>Classes without delay (floaters, actual/360): the buyer receives distributions after the settlement
/// date; accrued runs from the prior distribution date (never before the dated date).</item>
/// </list>
/// </summary>
public static class Accrual
{
    /// <summary>Index of the first flow the buyer receives; <see cref="BondCashFlows.Count"/> if none.</summary>
    public static int FirstFlowAfter(BondCashFlows flows, DateOnly settle)
    {
        var sp = Period.Of(settle);
        for (var k = 0; k < flows.Count; k++)
        {
            var received = flows.PaymentDelay > 0 ? Period.Of(flows.Dates[k]) > sp : flows.Dates[k] > settle;
            if (received) return k;
        }
        return flows.Count;
    }

    /// <summary>Whether a buyer settling on <paramref name="settle"/> has anything to receive (a balance or notional at the
    /// first flow after it): false for a class already paid off, a residual with no balance, or a Class X whose notional
    /// is zero because no loan is a premium loan.</summary>
    public static bool Receivable(BondCashFlows flows, DateOnly settle)
    {
        var first = FirstFlowAfter(flows, settle);
        return settle >= flows.DatedDate && first < flows.Count && flows.BeginBalance[first] > 0;
    }

    /// <summary>Checks that a settlement date can be analysed: not before the dated date, something left to receive.</summary>
    public static int Validate(BondCashFlows flows, DateOnly settle)
    {
        if (settle < flows.DatedDate)
            throw new RemicInputException("--settle", 0, "", settle.ToString("yyyy-MM-dd"),
                $"the settlement date must be on or after the dated date {flows.DatedDate:yyyy-MM-dd}");
        var first = FirstFlowAfter(flows, settle);
        if (first >= flows.Count || flows.BeginBalance[first] <= 0)
            throw new RemicInputException("--settle", 0, "", settle.ToString("yyyy-MM-dd"),
                flows.Count == 0 ? "the class has no cash flows"
                : $"the settlement date must be before the class pays off (last distribution {flows.Dates[^1]:yyyy-MM-dd})");
        return first;
    }

    public static AccruedInterest Accrued(BondCashFlows flows, DateOnly settle)
    {
        var first = Validate(flows, settle);
        var from = AccrualStart(flows.PaymentDelay, flows.Dates[first], first > 0 ? flows.Dates[first - 1] : null, flows.DatedDate, settle);
        var balance = flows.BeginBalance[first];
        var coupon = flows.Coupon[first];
        return new AccruedInterest(from, DayCounts.Days(flows.DayCount, from, settle), balance, coupon,
            Amount(flows.DayCount, from, settle, balance, coupon));
    }

    /// <summary>Where the accrual at <paramref name="settle"/> starts, the first flow received being on <paramref name="firstDate"/>
    /// (the flow before it on <paramref name="priorDate"/>, if any): see <see cref="Accrual"/>.</summary>
    internal static DateOnly AccrualStart(int paymentDelay, DateOnly firstDate, DateOnly? priorDate, DateOnly datedDate, DateOnly settle)
    {
        DateOnly from;
        if (paymentDelay > 0) from = new DateOnly(settle.Year, settle.Month, 1);
        else from = priorDate ?? firstDate.AddMonths(-1);
        if (from < datedDate) from = datedDate;
        return from;
    }

    /// <summary>Interest accrued on <paramref name="balance"/> at <paramref name="coupon"/> from <paramref name="from"/> to <paramref name="settle"/>.</summary>
    internal static double Amount(DayCount dayCount, DateOnly from, DateOnly settle, double balance, double coupon)
    {
        var days = DayCounts.Days(dayCount, from, settle);
        var basis = dayCount == DayCount.Actual365 ? 365.0 : 360.0;
        return balance * coupon * days / basis;
    }
}
