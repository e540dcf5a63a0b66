using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
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
        var d = l.Deal;
        var actualDays = l.ActualDays;
        // The date's three day-count fractions, each computed once (Fraction's values).
        T f30 = Fraction<T>(DayCount.Thirty360, actualDays), f360 = Fraction<T>(DayCount.Actual360, actualDays),
            f365 = Fraction<T>(DayCount.Actual365, actualDays);
        T[] begin = l.R.BeginBalance, coupon = l.R.Coupon;
        var n = begin.Length;
        // Each class's figures depend on no other class's, so the classes are taken in two loops: the fixed coupons in one without a
        // call (its figures in registers: every XMM register is the caller's to save on Unix x64), every other kind after it
        // (Others). The notional amounts read the state's balances, which neither loop writes.
        if (withBegin) foreach (var c in d.NotionalClasses) working[c] = Waterfall.NotionalAmount(d, c, stateBalances!, l.Groups);
        // Element references checked once for the loop's length (Num.Data) instead of a bounds check per array per class.
        ref T wk = ref Num<T>.Data(working, n), bg = ref Num<T>.Data(begin, n), cp = ref Num<T>.Data(coupon, n), cur = ref Num<T>.Data(current, n),
            unc = ref Num<T>.Data(uncapped, n), rates = ref Num<T>.Data(d.FixedRate, n);
        ref bool isFixed = ref Num<T>.Data(d.FixedCoupon, n);
        ref DayCount dcs = ref Num<T>.Data(d.DayCounts, n);
        ref T du = ref fused ? ref Num<T>.Data(due, n) : ref Unsafe.NullRef<T>(),
            sf = ref fused ? ref Num<T>.Data(shortfall, n) : ref Unsafe.NullRef<T>(),
            ub = ref fused ? ref Num<T>.Data(unpaidBefore!, n) : ref Unsafe.NullRef<T>();
        var c0 = 0;
        var others = d.OtherCoupons;
        if (typeof(T) == typeof(double) && d.FixedThirty360 && Vector256.IsHardwareAccelerated)
        {
            others = d.CouponsAfterFour; // a class without a coupon has its figures from the four-lane loop
            c0 = FixedFour(ref Unsafe.As<T, double>(ref wk), ref Unsafe.As<T, double>(ref bg), ref Unsafe.As<T, double>(ref cp),
                ref Unsafe.As<T, double>(ref cur), ref Unsafe.As<T, double>(ref unc), ref Unsafe.As<T, double>(ref rates),
                ref Unsafe.As<T, double>(ref du), ref Unsafe.As<T, double>(ref sf), ref Unsafe.As<T, double>(ref ub),
                n, withBegin, fused, double.CreateTruncating(f30));
        }
        for (var c = c0; c < n; c++)
        {
            if (withBegin) Unsafe.Add(ref bg, c) = Unsafe.Add(ref wk, c);
            if (!Unsafe.Add(ref isFixed, c)) continue;
            var bal = Unsafe.Add(ref bg, c);
            var dc = Unsafe.Add(ref dcs, c);
            var frac = dc switch { DayCount.Thirty360 => f30, DayCount.Actual360 => f360, _ => f365 };
            var rate = Unsafe.Add(ref rates, c);
            Unsafe.Add(ref cp, c) = rate;
            // A fixed coupon is its own uncapped rate: the same product, once.
            var x = Num<T>.Cents(Accrual(bal, rate, frac, dc, actualDays));
            Unsafe.Add(ref cur, c) = x;
            Unsafe.Add(ref unc, c) = x;
            if (fused) Unsafe.Add(ref du, c) = x - Unsafe.Add(ref sf, c) + Unsafe.Add(ref ub, c);
        }
        if (others.Length > 0) Others(l, others, current, uncapped, unpaidBefore, f30, f360, f365);
    }

    /// <summary>
    /// <see cref="Accrue"/>'s fixed loop four classes at a time, in double, when every fixed coupon accrues 30/360
    /// (<see cref="CompiledDeal{T}.FixedThirty360"/>): each lane's figures are the scalar loop's, by the same IEEE operations in the same
    /// order (balance × rate × fraction; due = interest − shortfall + unpaid before), and no figure depends on another class's. A class
    /// of another kind is computed too (its rate here is zero) and overwritten by <see cref="Others"/>, which writes every figure of each
    /// of its classes, except a class without a coupon, whose figures these are (<see cref="CompiledDeal{T}.CouponsAfterFour"/>); its
    /// beginning balance is the same copy as the scalar loop's. Returns the first class left to the scalar loop.
    /// </summary>
    private static int FixedFour(ref double wk, ref double bg, ref double cp, ref double cur, ref double unc, ref double rates,
        ref double du, ref double sf, ref double ub, int n, bool withBegin, bool fused, double f30)
    {
        var frac = Vector256.Create(f30);
        var c = 0;
        for (; c + 4 <= n; c += 4)
        {
            var at = (nuint)c;
            var bal = withBegin ? Vector256.LoadUnsafe(ref wk, at) : Vector256.LoadUnsafe(ref bg, at);
            if (withBegin) bal.StoreUnsafe(ref bg, at);
            var rate = Vector256.LoadUnsafe(ref rates, at);
            rate.StoreUnsafe(ref cp, at);
            var x = bal * rate * frac;
            x.StoreUnsafe(ref cur, at);
            x.StoreUnsafe(ref unc, at);
            if (fused) (x - Vector256.LoadUnsafe(ref sf, at) + Vector256.LoadUnsafe(ref ub, at)).StoreUnsafe(ref du, at);
        }
        return c;
    }

    /// <summary>The coupons of <see cref="Accrue"/> other than fixed ones (<see cref="CompiledDeal{T}.OtherCoupons"/>), in class order,
    /// after the beginning balances are stated.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Others<T>(Ledger<T> l, int[] others, Span<T> current, Span<T> uncapped, T[]? unpaidBefore, T f30, T f360, T f365)
        where T : unmanaged, IFloatingPoint<T>
    {
        T[] due = l.R.InterestDue, shortfall = l.R.InterestShortfall;
        var fused = unpaidBefore is not null;
        var d = l.Deal;
        var dayCounts = d.DayCounts;
        var coupons = d.Coupons;
        T[] begin = l.R.BeginBalance, coupon = l.R.Coupon;
        foreach (var c in others)
        {
            var bal = begin[c];
            var frac = dayCounts[c] switch { DayCount.Thirty360 => f30, DayCount.Actual360 => f360, _ => f365 };
            T rate, full;
            var k = coupons[c];
            switch (k.Kind)
            {
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
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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
