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
    public static void Accrue<T>(Ledger<T> l, T[] current, T[] uncapped) where T : struct, IFloatingPoint<T>
    {
        var d = l.Deal;
        for (var c = 0; c < d.NClasses; c++)
        {
            var spec = d.Classes[c];
            var bal = l.R.BeginBalance[c];
            var frac = Fraction<T>(spec.DayCount, l.Market.ActualDays);
            T rate, full;
            switch (spec.Coupon)
            {
                case FixedCoupon f:
                    rate = full = Num<T>.Pct(f.Rate);
                    break;
                case FormulaCoupon f:
                    var raw = Num<T>.Of(l.Market.Index(f.Index)) * Num<T>.Of(f.Multiplier) + Num<T>.Pct(f.Margin);
                    if (f.Floor is { } fl) raw = Num<T>.Max(raw, Num<T>.Pct(fl));
                    full = raw;
                    if (f.Cap is { } cap) raw = Num<T>.Min(raw, Num<T>.Pct(cap));
                    if (f.NetWacCapGroups is { Count: > 0 } groups) raw = Num<T>.Min(raw, NetWac(l, groups.Select(d.G)) * Fraction<T>(DayCount.Thirty360, 0) / frac);
                    rate = raw;
                    break;
                case NetWacCoupon n:
                    rate = full = Num<T>.Max(T.Zero, NetWac(l, n.Groups.Select(d.G)) - Num<T>.Pct(n.Minus));
                    break;
                case StripExcessCoupon:
                    var x = T.Zero;
                    foreach (var g in d.ClassGroups[c]) x += l.Collections.Groups[g].ClassXExcessInterest;
                    current[c] = x;
                    uncapped[c] = x;
                    l.R.Coupon[c] = bal > T.Zero ? x * Num<T>.Twelve / bal : T.Zero;
                    continue;
                default:
                    rate = full = T.Zero;
                    break;
            }
            l.R.Coupon[c] = rate;
            current[c] = Num<T>.Cents(bal * rate * frac);
            uncapped[c] = Num<T>.Cents(bal * full * frac);
        }
    }

    public static T Fraction<T>(DayCount dc, int actualDays) where T : struct, IFloatingPoint<T> => dc switch
    {
        DayCount.Thirty360 => T.One / Num<T>.Twelve,
        DayCount.Actual360 => T.CreateChecked(actualDays) / Num<T>.D360,
        _ => T.CreateChecked(actualDays) / T.CreateChecked(365),
    };

    /// <summary>Weighted average net rate of the non-PO pools of the groups (annual fraction).</summary>
    public static T NetWac<T>(Ledger<T> l, IEnumerable<int> groups) where T : struct, IFloatingPoint<T>
    {
        T interest = T.Zero, balance = T.Zero;
        foreach (var g in groups)
        {
            var c = l.Collections.Groups[g];
            interest += c.NetInterest - c.ClassXExcessInterest;
            balance += c.BeginBalance - c.PoBeginBalance;
        }
        return balance > T.Zero ? interest * Num<T>.Twelve / balance : T.Zero;
    }
}
