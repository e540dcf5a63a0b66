using Remic.Core;

namespace Remic.Analytics;

/// <summary>
/// The flows a buyer settling on <see cref="Settle"/> receives, laid out for discounting: cash per flow
/// and its time from settlement in months on 30/360 (t = days30/360(settle, date) / 30). Built once per
/// (flows, settlement); every price/yield solve on it then runs without allocating.
/// </summary>
public sealed class SettledFlows
{
    public BondCashFlows Flows { get; }
    public DateOnly Settle { get; }
    /// <summary>Index in <see cref="Flows"/> of the first flow received.</summary>
    public int First { get; }
    /// <summary>Interest + principal per received flow (writedowns pay nothing).</summary>
    public double[] Cash { get; }
    /// <summary>Principal per received flow (a notional class: the reduction of its notional), for WAL.</summary>
    public double[] PrincipalPaid { get; }
    /// <summary>Months from settlement to each received flow, 30/360.</summary>
    public double[] Months { get; }
    /// <summary>True when flows are one month apart, so discount factors go by recurrence.</summary>
    public bool MonthlySpaced { get; }
    public AccruedInterest Accrued { get; }
    /// <summary>Balance bought: the beginning balance of the first flow received (price is per 100 of it).</summary>
    public double Balance => Accrued.Balance;

    public SettledFlows(BondCashFlows flows, DateOnly settle)
    {
        Flows = flows;
        Settle = settle;
        Accrued = Accrual.Accrued(flows, settle); // validates the settlement date
        First = Accrual.FirstFlowAfter(flows, settle);
        var n = flows.Count - First;
        Cash = new double[n];
        PrincipalPaid = new double[n];
        Months = new double[n];
        var spaced = true;
        var prevDays = 0;
        for (var j = 0; j < n; j++)
        {
            var k = First + j;
            Cash[j] = flows.Interest[k] + flows.Principal[k];
            PrincipalPaid[j] = flows.Reduction[k]; // a notional class: its notional's reduction
            var days = DayCounts.Days(DayCount.Thirty360, settle, flows.Dates[k]);
            Months[j] = days / 30.0;
            // Compare whole 30/360 days: 57/30 − 27/30 need not be exactly 1.0 in binary.
            if (j > 0 && days - prevDays != 30) spaced = false;
            prevDays = days;
        }
        MonthlySpaced = spaced;
        for (var j = 0; j < n; j++) { TotalCash += Cash[j]; CashMonths += Cash[j] * Months[j]; }
    }

    /// <summary>Σ cash (undiscounted).</summary>
    public double TotalCash { get; }
    /// <summary>Σ cash·t: with <see cref="TotalCash"/>, the cash-weighted time that seeds the yield solve.</summary>
    public double CashMonths { get; }

    public int Count => Cash.Length;

    /// <summary>Settlement amount (currency) for a clean price in percent of the balance bought.</summary>
    public double DirtyAmount(double cleanPrice) => cleanPrice / 100 * Balance + Accrued.Amount;

    /// <summary>Clean price (percent) for a settlement amount.</summary>
    public double CleanPrice(double dirtyAmount) => (dirtyAmount - Accrued.Amount) / Balance * 100;

    /// <summary>Σ cash·v^t with v = 1/(1+i), i the monthly rate.</summary>
    public double PresentValue(double monthlyRate) => PresentValueAndSlope(monthlyRate, out _);

    /// <summary>Σ c·v^t and Σ c·t·v^t in one pass: the yield solver's inner loop (no allocation).</summary>
    public double PresentValueAndSlope(double monthlyRate, out double s1) =>
        PresentValueAndSlope(Cash, Months, MonthlySpaced, monthlyRate, out s1);

    /// <summary>
    /// <see cref="PresentValueAndSlope(double, out double)"/> over any flows laid out as <see cref="SettledFlows"/> lays
    /// them out (cash, months from settlement, monthly spacing): one arithmetic for every caller, so a reused buffer
    /// (<see cref="DealClassFigures"/>) solves the same yields bit for bit.
    /// </summary>
    internal static double PresentValueAndSlope(ReadOnlySpan<double> cash, ReadOnlySpan<double> t, bool monthlySpaced,
        double monthlyRate, out double s1)
    {
        var v = 1 / (1 + monthlyRate);
        double s0 = 0, w = 0;
        if (monthlySpaced && cash.Length > 0)
        {
            // Discount factors by recurrence, as the C peer does: one pow per solve step. Two interleaved
            // chains (even and odd flows, each stepping by v²) halve the multiply latency the loop waits on.
            var d0 = Math.Pow(v, t[0]);
            var d1 = d0 * v;
            var v2 = v * v;
            double a0 = 0, a1 = 0, w0 = 0, w1 = 0, k0 = 0, k1 = 1;
            var n = cash.Length;
            var k = 0;
            for (; k + 1 < n; k += 2)
            {
                var c0 = cash[k] * d0;
                var c1 = cash[k + 1] * d1;
                a0 += c0; a1 += c1;
                w0 += c0 * k0; w1 += c1 * k1;
                d0 *= v2; d1 *= v2;
                k0 += 2; k1 += 2;
            }
            if (k < n) { var c0 = cash[k] * d0; a0 += c0; w0 += c0 * k0; }
            s0 = a0 + a1;
            s1 = w0 + w1 + s0 * t[0];   // Σ c·(t0+k)·v^t = t0·Σ c·v^t + Σ c·k·v^t
            return s0;
        }
        for (var k = 0; k < cash.Length; k++)
        {
            var c = cash[k] * Math.Pow(v, t[k]);
            s0 += c;
            w += c * t[k];
        }
        s1 = w;
        return s0;
    }

    /// <summary>
    /// One pass: S0 = Σ c·v^t, S1 = Σ c·t·v^t, S2 = Σ c·t·(t+6)·v^t (t in months; the "+6" is half a year in
    /// months, from differentiating (1+Y/2)^(−2t/12) twice in the bond-equivalent yield Y).
    /// </summary>
    public (double S0, double S1, double S2) Moments(double monthlyRate, bool wantSecond = true)
    {
        var v = 1 / (1 + monthlyRate);
        double s0 = 0, s1 = 0, s2 = 0;
        var cash = Cash;
        var t = Months;
        if (MonthlySpaced && cash.Length > 0)
        {
            var d = Math.Pow(v, t[0]);
            for (var k = 0; k < cash.Length; k++)
            {
                var c = cash[k] * d;
                s0 += c;
                s1 += c * t[k];
                if (wantSecond) s2 += c * t[k] * (t[k] + 6);
                d *= v;
            }
        }
        else
        {
            for (var k = 0; k < cash.Length; k++)
            {
                var c = cash[k] * Math.Pow(v, t[k]);
                s0 += c;
                s1 += c * t[k];
                if (wantSecond) s2 += c * t[k] * (t[k] + 6);
            }
        }
        return (s0, s1, s2);
    }
}
