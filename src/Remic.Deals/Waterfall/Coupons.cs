using System.Numerics;
using Remic.Core;
using Remic.Deals.Model;

namespace Remic.Deals.Waterfall;

/// <summary>
/// Pass-through rates and current interest for the period. Fixed classes accrue 30/360 (one twelfth);
/// floaters actual/360 over the accrual period's days. Class X takes the premium loans' excess interest.
/// </summary>
internal static class Coupons
{
    /// <param name="unpaidBefore">Given when no group has an interest shortfall to allocate: each class's amount due (current
    /// interest − its shortfall, zero, + the unpaid interest before) is stated in the same pass, as the distribution would after it.</param>
    /// <param name="stateBalances">Given when the beginning balances are not yet stated: each class's (its notional amount from
    /// these, the state's balances, for a notional class; else the ledger's balance, a copy of them) is, before its coupon.</param>
    public static void Accrue<T>(Ledger<T> l, Span<T> current, Span<T> uncapped, T[]? unpaidBefore, T[]? stateBalances) where T : unmanaged, IFloatingPoint<T>
    {
        T[] due = l.R.InterestDue, shortfall = l.R.InterestShortfall, working = l.Balance;
        var fused = unpaidBefore is not null;
        var withBegin = stateBalances is not null;
        var isNotional = l.Deal.Notional;
        var flows = l.Groups;
        var d = l.Deal;
        // The date's three day-count fractions, each computed once (Fraction's values).
        T f30 = Fraction<T>(DayCount.Thirty360, l.ActualDays), f360 = Fraction<T>(DayCount.Actual360, l.ActualDays),
            f365 = Fraction<T>(DayCount.Actual365, l.ActualDays);
        var dayCounts = d.DayCounts;
        var coupons = d.Coupons;
        T[] begin = l.R.BeginBalance, coupon = l.R.Coupon; // locals: loads hoisted out of the loop
        for (var c = 0; c < begin.Length; c++)
        {
            if (withBegin)
            {
                if (isNotional[c]) working[c] = Waterfall.NotionalAmount(d, c, stateBalances!, flows);
                begin[c] = working[c];
            }
            var bal = begin[c];
            var frac = dayCounts[c] switch { DayCount.Thirty360 => f30, DayCount.Actual360 => f360, _ => f365 };
            T rate, full;
            var k = coupons[c];
            switch (k.Kind)
            {
                case CompiledDeal<T>.CouponKind.Fixed:
                    rate = full = k.Rate;
                    break;
                case CompiledDeal<T>.CouponKind.Formula:
                    var raw = Num<T>.Of(l.Index(k.IndexId)) * k.Multiplier + k.Margin;
                    if (k.Floor is { } fl) raw = Num<T>.Max(raw, fl);
                    full = raw;
                    if (k.Cap is { } cap) raw = Num<T>.Min(raw, cap);
                    // The net WAC cap is a 30/360 rate; on an actual/360 class it is restated per day count.
                    if (k.NetWacGroups is { } groups) raw = Num<T>.Min(raw, NetWac(l, groups) * Fraction<T>(DayCount.Thirty360, 0) / frac);
                    rate = raw;
                    break;
                case CompiledDeal<T>.CouponKind.NetWac:
                    // A subordinate's rate weights the groups by their subordinate amounts (CWALT); others by non-PO balance.
                    rate = full = Num<T>.Max(T.Zero, (d.IsSubordinate[c] ? SubordinateNetWac(l, k.NetWacGroups!) : NetWac(l, k.NetWacGroups!)) - k.Margin);
                    break;
                case CompiledDeal<T>.CouponKind.StripExcess:
                    var x = T.Zero;
                    foreach (var g in d.ClassGroups[c]) x += l.Groups[g].ClassXExcessInterest;
                    current[c] = x;
                    uncapped[c] = x;
                    coupon[c] = bal > T.Zero ? x * Num<T>.Twelve / bal : T.Zero;
                    if (fused) due[c] = current[c] - shortfall[c] + unpaidBefore![c];
                    continue;
                default:
                    rate = full = T.Zero;
                    break;
            }
            coupon[c] = rate;
            current[c] = Num<T>.Cents(Accrual(bal, rate, frac, dayCounts[c], l.ActualDays));
            uncapped[c] = Num<T>.Cents(Accrual(bal, full, frac, dayCounts[c], l.ActualDays));
            if (fused) due[c] = current[c] - shortfall[c] + unpaidBefore![c];
        }
    }

    /// <summary>
    /// Amount × rate × the day-count fraction. In decimal (the trustee's cents) the days are multiplied and the basis divided last —
    /// amount × rate × 30 / 360 — so a month's interest that is an exact half cent stays one and rounds up, as the trustee's accrual is
    /// documented to (1/12 has no exact decimal: 3,419,937.00 × 6% × 0.0833… is 17,099.68499…, where × 30 / 360 is 17,099.685, paid
    /// 17,099.69). In double the precomputed fraction, as ever (projections are not rounded to the cent).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static T Accrual<T>(T amount, T rate, T frac, DayCount dc, int actualDays) where T : unmanaged, IFloatingPoint<T> =>
        typeof(T) == typeof(decimal)
            ? amount * rate * T.CreateChecked(dc == DayCount.Thirty360 ? 30 : actualDays) / T.CreateChecked(dc == DayCount.Actual365 ? 365 : 360)
            : amount * rate * frac;

    public static T Fraction<T>(DayCount dc, int actualDays) where T : unmanaged, IFloatingPoint<T> => dc switch
    {
        DayCount.Thirty360 => Num<T>.OneTwelfth,
        DayCount.Actual360 => T.CreateChecked(actualDays) / Num<T>.D360,
        _ => T.CreateChecked(actualDays) / T.CreateChecked(365),
    };

    /// <summary>
    /// The subordinates' pass-through rate across groups: each group's non-PO net rate weighted by its subordinate
    /// amount (non-PO pool less its seniors' balance), as CWALT weights it; the balance-weighted rate if no group has one.
    /// </summary>
    public static T SubordinateNetWac<T>(Ledger<T> l, int[] groups) where T : unmanaged, IFloatingPoint<T>
    {
        T weighted = T.Zero, weights = T.Zero;
        foreach (var g in groups)
        {
            ref readonly var c = ref l.Groups[g];
            var nonPo = c.BeginBalance - c.PoBeginBalance;
            if (nonPo <= T.Zero || l.SubAmount[g] <= T.Zero) continue;
            weighted += (c.NetInterest - c.ClassXExcessInterest) / nonPo * l.SubAmount[g];
            weights += l.SubAmount[g];
        }
        return weights > T.Zero ? weighted * Num<T>.Twelve / weights : NetWac(l, groups);
    }

    /// <summary>Weighted average net rate of the non-PO pools of the groups (annual fraction).</summary>
    public static T NetWac<T>(Ledger<T> l, int[] groups) where T : unmanaged, IFloatingPoint<T>
    {
        T interest = T.Zero, balance = T.Zero;
        foreach (var g in groups)
        {
            ref readonly var c = ref l.Groups[g];
            interest += c.NetInterest - c.ClassXExcessInterest;
            balance += c.BeginBalance - c.PoBeginBalance;
        }
        return balance > T.Zero ? interest * Num<T>.Twelve / balance : T.Zero;
    }
}
