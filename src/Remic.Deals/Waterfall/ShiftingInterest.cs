using System.Numerics;

namespace Remic.Deals.Waterfall;

/// <summary>
/// Senior Percentage, Senior Prepayment Percentage and the Senior / Subordinate Principal Distribution
/// Amounts of each group (CWALT shifting interest). Senior% = senior non-PO class balance / non-PO pool
/// balance (at most 100%); Senior Prepayment% = Senior% + share(year) × Subordinate%, where the share is
/// 100% in years 1-5 and steps down afterwards only while the step-down tests pass (a failed test keeps the
/// share in effect on the prior date — 100% if it never stepped down — or 100% if the deal says so); 100%
/// whenever a group's Senior% exceeds its original Senior%. The two-times test may step it down early.
/// The delinquency test uses the six-month average of the pool's 60+ day delinquencies as of this date.
/// </summary>
internal static class ShiftingInterest
{
    private static class Margins<T> where T : unmanaged, IFloatingPoint<T>
    {
        public static readonly T AboveOriginal = T.CreateChecked(1e-12m);
        public static readonly T Half = T.CreateChecked(0.5m);
        public static readonly T Two = T.CreateChecked(2m);
    }

    public static void Compute<T>(Ledger<T> l) where T : unmanaged, IFloatingPoint<T>
    {
        var d = l.Deal;
        var r = l.R;
        T subBal = T.Zero, nonPoPool = T.Zero, delinquent = T.Zero, cumLoss = T.Zero;
        T[] begin = r.BeginBalance, nonPoBegin = l.NonPoBegin; // locals: loads hoisted out of the loops
        var groups = l.Groups;
        foreach (var s in d.Subordinates) subBal += Num<T>.Pos(begin[s]);
        for (var g = 0; g < groups.Length; g++)
        {
            ref readonly var c = ref groups[g];
            nonPoPool += nonPoBegin[g];
            delinquent += c.SeriousDelinquency;
            cumLoss += c.CumulativeLoss;
        }

        var y = l.YearIndex;
        delinquent = AverageDelinquency(l, delinquent);
        var stepDown = StepDownTest(l, subBal, delinquent, cumLoss, y);
        l.StepDown = stepDown;
        var share = d.ShiftByYear[Math.Min(y, d.ShiftByYear.Length - 1)];
        // "No decrease ... unless" the tests pass: a failed test keeps the level in effect on the prior date (100% if
        // it never stepped down), or 100% as the deal says.
        if (!stepDown) share = d.FailedKeepsPriorYear ? Num<T>.Max(share, l.State.SeniorPrepaymentShift) : T.One;
        l.Shift = share;

        var anyAboveOriginal = false;
        // The ledger's scratch: no stackalloc, so the method tiers up. Each group's senior balance (the sum of its seniors'
        // beginning balances, at least zero each) was stated by the distribution's first pass over the groups.
        var seniorPct = l.SeniorPctScratch;
        var seniorBalance = l.SeniorBalanceScratch;
        var noSubordinates = d.Subordinates.Length == 0;
        for (var g = 0; g < groups.Length; g++)
        {
            var sen = seniorBalance[g];
            seniorPct[g] = nonPoBegin[g] > T.Zero ? Num<T>.Min(T.One, sen / nonPoBegin[g]) : T.Zero;
            if (noSubordinates) seniorPct[g] = sen > T.Zero ? T.One : T.Zero;
            if (seniorPct[g] > d.OriginalSeniorPct[g] + Margins<T>.AboveOriginal) anyAboveOriginal = true;
        }
        var twoTimes = TwoTimes(l, subBal, nonPoPool, delinquent, cumLoss);
        if (l.Trace is { } trace) trace.StepDown(l, subBal, delinquent, cumLoss, y, stepDown, share, twoTimes);

        T[] nonPoPrincipal = l.NonPoPrincipal, poPda = l.PoPda, seniorPda = l.SeniorPda;
        T[] seniorPercentage = r.SeniorPercentage, seniorPrepaymentPercentage = r.SeniorPrepaymentPercentage;
        var stepDownPassed = r.StepDownPassed;
        var poClass = d.PoClass;
        for (var g = 0; g < groups.Length; g++)
        {
            ref readonly var c = ref groups[g];
            T sr = seniorPct[g], sub = T.One - sr, srpp;
            if (!d.HasShifting) srpp = sr;
            else if (anyAboveOriginal) srpp = T.One;
            else
            {
                srpp = sr + share * sub;
                if (twoTimes is { } tt) srpp = Num<T>.Min(srpp, sr + tt * sub);
            }
            srpp = Num<T>.Min(T.One, Num<T>.Max(sr, srpp));
            seniorPercentage[g] = sr;
            seniorPrepaymentPercentage[g] = srpp;
            stepDownPassed[g] = stepDown;

            var sched = c.ScheduledPrincipal - c.PoScheduledPrincipal;
            var prepay = c.Prepayments - c.PoPrepayments;
            var liqProceeds = c.LiquidationProceeds - c.PoLiquidationProceeds;
            var liqBalance = c.LiquidationProceeds + c.RealizedLoss - c.PoLiquidationProceeds - c.PoRealizedLoss;
            var sSched = Num<T>.Cents(sr * sched);
            var sPrepay = Num<T>.Cents(srpp * prepay);
            var sLiq = Num<T>.Cents(Num<T>.Min(sr * liqBalance, srpp * liqProceeds));
            // PO principal beyond the Class PO's balance (the PO pool's last fraction of a cent when the Class PO retires)
            // is principal no Class PO can take: it joins the non-PO principal instead of leaving the classes above the pool.
            var po = poClass[g];
            var poExtra = po >= 0 ? Num<T>.Pos(c.PoPrincipal - Num<T>.Pos(begin[po])) : T.Zero;
            nonPoPrincipal[g] = sched + prepay + liqProceeds + poExtra;
            poPda[g] = c.PoPrincipal - poExtra;
            if (l.Terminating)
            {
                // The last distribution retires every class: the seniors take the group's principal up to their
                // balances before any subordinate is paid, so the date's loss falls on the subordinates first.
                var seniorsLeft = seniorBalance[g];
                seniorPda[g] = Num<T>.Min(nonPoPrincipal[g], seniorsLeft);
                l.SubScheduled += nonPoPrincipal[g] - seniorPda[g];
                l.Trace?.SeniorPrincipalLastDate(l, g, nonPoPrincipal[g], poExtra, seniorsLeft);
            }
            else
            {
                // The PO's extra goes with the senior amount; what the retired seniors cannot take passes to the subordinates.
                seniorPda[g] = sSched + sPrepay + sLiq + poExtra;
                // Subordinate Principal Distribution Amount: clause (i) scheduled principal; clauses (ii) liquidation
                // principal and (iii) prepayments are the unscheduled part the Class Prepayment Distribution Triggers restrict.
                l.SubScheduled += sched - sSched;
                l.SubUnscheduled += prepay - sPrepay + liqProceeds - sLiq;
                if (l.Trace is { } t) t.SeniorPrincipal(l, g, sr, srpp, sched, prepay, liqProceeds, liqBalance, sSched, sPrepay, sLiq, anyAboveOriginal);
            }
            r.SeniorPrincipal[g] = seniorPda[g];
            r.PoPrincipal[g] = poPda[g];
        }
        r.SubordinatePrincipal = l.SubScheduled + l.SubUnscheduled;
        l.Trace?.SubordinatePrincipal(l);
    }

    /// <summary>
    /// The 60+ day delinquent balance (incl. foreclosure, REO, bankruptcy) "averaged over the preceding six month
    /// period": this date's figure and the five dates before it (fewer in the first months).
    /// </summary>
    private static T AverageDelinquency<T>(Ledger<T> l, T current) where T : unmanaged, IFloatingPoint<T>
    {
        var h = l.State.SeriousDelinquencyHistory;
        var months = Math.Min(l.Period, 6);
        var sum = current;
        for (var k = 0; k < months - 1 && k < h.Length; k++) sum += h[k];
        return sum / T.CreateChecked(months);
    }

    /// <summary>Serious delinquencies below the limit of the subordinate balance, cumulative losses below the year's limit.</summary>
    private static bool StepDownTest<T>(Ledger<T> l, T subBal, T delinquent, T cumLoss, int year) where T : unmanaged, IFloatingPoint<T>
    {
        var d = l.Deal;
        if (!d.HasShifting) return true;
        if (subBal <= T.Zero) return false;
        if (delinquent >= d.StepDownDelinq * subBal) return false;
        var k = Math.Clamp(year - 5, 0, d.StepDownLossByYear.Length - 1);
        return cumLoss < d.StepDownLossByYear[k] * d.OriginalSubTotal;
    }

    /// <summary>Share of the Subordinate% the seniors keep when the two-times test passes (null: test fails or absent).</summary>
    private static T? TwoTimes<T>(Ledger<T> l, T subBal, T nonPoPool, T delinquent, T cumLoss) where T : unmanaged, IFloatingPoint<T>
    {
        var d = l.Deal;
        if (d.TwoTimes is not { } tt || nonPoPool <= T.Zero || subBal <= T.Zero) return null;
        if (subBal / nonPoPool < Margins<T>.Two * d.OriginalSubPct) return null;
        if (delinquent >= d.TwoTimesDelinq * subBal) return null;
        var before = l.Period <= tt.Month;
        if (cumLoss >= (before ? d.TwoTimesLossBefore : d.TwoTimesLossAfter) * d.OriginalSubTotal) return null;
        return before ? Margins<T>.Half : T.Zero;
    }
}
