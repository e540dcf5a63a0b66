using System.Numerics;

namespace Remic.Deals.Waterfall;

/// <summary>
/// Interest rate corridor contracts: each pays notional(t) × max(0, min(index, ceiling) − strike) × day
/// fraction. The payment covers the beneficiary's net-rate-cap shortfall (this period's and any carried);
/// the excess goes to the class the deal names (else it stays with the trust, reported as unused).
/// </summary>
internal static class Corridor
{
    /// <param name="nextCapShortfall">The cap shortfalls carried, this date's included (the state's + the result's, by class: the
    /// distribution's last pass over the classes states them); the payments cover them.</param>
    public static void Pay<T>(Ledger<T> l, T[] nextCapShortfall) where T : unmanaged, IFloatingPoint<T>
    {
        var d = l.Deal;
        var r = l.R;
        for (var i = 0; i < d.Corridors.Length; i++)
        {
            var k = d.Corridors[i];
            var spec = k.Spec;
            var notional = l.Period - 1 < k.Notional.Length ? k.Notional[l.Period - 1] : T.Zero;
            var index = Num<T>.Of(l.Index(k.IndexId));
            var rate = Num<T>.Pos(Num<T>.Min(index, k.Ceiling) - k.Strike);
            var fraction = Coupons.Fraction<T>(spec.DayCount, l.ActualDays);
            var payment = Num<T>.Cents(Coupons.Accrual(notional, rate, fraction, spec.DayCount, l.ActualDays));
            if (payment <= T.Zero)
            {
                if (l.Trace is { } t0) t0.Corridor(i, k, notional, index, rate, fraction, T.Zero, nextCapShortfall[k.Beneficiary], T.Zero);
                continue;
            }
            r.CorridorReceived += payment;
            var b = k.Beneficiary;
            var covered = Num<T>.Min(payment, nextCapShortfall[b]);
            r.CorridorPaid[b] += covered;
            if (l.Trace is { } t) t.Corridor(i, k, notional, index, rate, fraction, payment, nextCapShortfall[b], covered);
            nextCapShortfall[b] -= covered;
            if (k.ExcessTo >= 0) r.CorridorPaid[k.ExcessTo] += payment - covered;
        }
    }
}
