namespace Remic.Analytics;

/// <summary>How a breakeven search ended.</summary>
public enum BreakevenStatus { Found, LossAtZero, NoLossAtMaximum }

/// <summary>Which test a class failed first above its breakeven CDR.</summary>
public enum BreakCause { None, Writedown, Yield }

/// <param name="Cdr">Largest CDR (percent, on the 0.01 grid) at which the class does not break.</param>
/// <param name="WritedownAbove">Writedown at <paramref name="Cdr"/> + 0.01 (the first breaking grid point), if evaluated;
/// in the unit of the function searched (dollars for <see cref="LossSensitivity.BreakevenCdr(Func{double, double}, double, double)"/>,
/// percent of the original balance for the <see cref="BreakevenRule"/> search).</param>
/// <param name="Evaluations">Calls made to the scenario function.</param>
public sealed record BreakevenResult(double Cdr, BreakevenStatus Status, double? WritedownAbove, int Evaluations)
{
    /// <summary>The test that failed at the first breaking grid point (<see cref="BreakCause.None"/> when nothing broke).</summary>
    public BreakCause Cause { get; init; }
}

/// <summary>One class's figures at one CDR: principal written down over the life (percent of its original balance)
/// and its yield at par (bond-equivalent, a fraction; NaN when no yield solves).</summary>
public readonly record struct LossOutcome(double WritedownPercent, double YieldAtPar);

/// <summary>
/// When a class "breaks" in a loss scenario, as CM books define the breakeven CDR: its principal writedown exceeds a
/// stated materiality (<see cref="MaterialityPercent"/> of the original balance; default 0.01%, so a few dollars of tail
/// writedown on a $100 million class do not count as a loss), or its yield breaks: the yield at par falls more than
/// <see cref="YieldBreakBp"/> below the class's yield at par with no defaults (interest shortfalls that are never repaid
/// show up here before any principal is written down).
/// </summary>
public sealed record BreakevenRule(double MaterialityPercent = 0.01, double YieldBreakBp = 1)
{
    public static readonly BreakevenRule Default = new();

    /// <summary>The cause of the break at <paramref name="at"/>, given the class's yield at par with no defaults.</summary>
    public BreakCause Test(LossOutcome at, double baseYield)
    {
        if (at.WritedownPercent > MaterialityPercent) return BreakCause.Writedown;
        if (double.IsFinite(baseYield) && !(at.YieldAtPar >= baseYield - YieldBreakBp / 10_000)) return BreakCause.Yield;
        return BreakCause.None;
    }
}

/// <summary>Loss sensitivity helpers: writedowns and the breakeven default rate.</summary>
public static class LossSensitivity
{
    /// <summary>Principal written down over the life, percent of the original balance.</summary>
    public static double WritedownPercent(BondCashFlows flows) =>
        100 * Math.Max(flows.TotalLoss - flows.LossReimbursed, 0) / flows.OriginalBalance;

    /// <summary>
    /// Breakeven CDR: the largest CDR on a 0.01 grid in [0, <paramref name="maxCdr"/>] at which
    /// <paramref name="writedown"/>(cdr) ≤ <paramref name="tolerance"/> (default half a cent: "no principal loss").
    /// Bisection on grid points, assuming the writedown does not fall as CDR rises: lo always has no loss,
    /// hi always has a loss, so the answer never overstates the breakeven; about log2(100·max) ≈ 14 evaluations.
    /// </summary>
    public static BreakevenResult BreakevenCdr(Func<double, double> writedown, double maxCdr = 100, double tolerance = 0.005) =>
        Search(cdr => { var w = writedown(cdr); return (w > tolerance ? BreakCause.Writedown : BreakCause.None, w); }, maxCdr);

    /// <summary>
    /// Breakeven CDR under a CM <paramref name="rule"/>: the class breaks at the first CDR at which it has a material
    /// writedown or a broken yield (the yield compared with <paramref name="outcome"/>(0)); the breakeven is the 0.01 grid
    /// point just below it. A class need not break monotonically (a shifting-interest step-down that passes at a low CDR and
    /// fails at a higher one can expose a subordinate at the low CDR only), so the search scans upward — every CDR in
    /// <paramref name="mustCheck"/> (the loss table's rows, so the two exhibits agree) and the <see cref="ScanPoints"/> —
    /// and bisects to 0.01 only inside the first scanned step that breaks.
    /// </summary>
    public static BreakevenResult BreakevenCdr(Func<double, LossOutcome> outcome, BreakevenRule rule, double maxCdr = 100,
        IEnumerable<double>? mustCheck = null)
    {
        var baseYield = double.NaN;
        var first = true;
        return Search(cdr =>
        {
            var o = outcome(cdr);
            if (first) { baseYield = o.YieldAtPar; first = false; } // the search starts at 0 CDR
            return (rule.Test(o, baseYield), o.WritedownPercent);
        }, maxCdr, ScanPoints(maxCdr).Concat(mustCheck ?? []));
    }

    /// <summary>The CDRs the rule-based search scans before bisecting: every 0.25 to 10, every 0.5 to 20, every 2.5 to the maximum.</summary>
    public static IEnumerable<double> ScanPoints(double maxCdr)
    {
        for (var t = 25L; t <= 1000 && t <= maxCdr * 100; t += 25) yield return t / 100.0;
        for (var t = 1050L; t <= 2000 && t <= maxCdr * 100; t += 50) yield return t / 100.0;
        for (var t = 2250L; t <= maxCdr * 100; t += 250) yield return t / 100.0;
    }

    /// <summary>
    /// Scans <paramref name="scan"/> (CDRs, any order; 0 and the maximum are always checked) upward for the first CDR
    /// that breaks, then bisects on the 0.01 grid between the last scanned CDR that does not break and it, keeping lo
    /// unbroken and hi broken. Without scan points this is a plain bisection of [0, max] (about 14 evaluations).
    /// </summary>
    private static BreakevenResult Search(Func<double, (BreakCause Cause, double Writedown)> at, double maxCdr, IEnumerable<double>? scan = null)
    {
        if (!(maxCdr > 0)) throw new ArgumentOutOfRangeException(nameof(maxCdr), maxCdr, "the search needs a positive maximum CDR");
        var evals = 0;
        bool Breaks(long ticks, out (BreakCause Cause, double Writedown) r) { evals++; r = at(ticks / 100.0); return r.Cause != BreakCause.None; }
        var max = (long)Math.Round(maxCdr * 100);
        if (Breaks(0, out var r0)) return new BreakevenResult(0, BreakevenStatus.LossAtZero, r0.Writedown, evals) { Cause = r0.Cause };
        var steps = (scan ?? []).Select(c => (long)Math.Round(c * 100)).Where(t => t > 0 && t < max).Append(max).Distinct().Order();
        long lo = 0, hi = -1;
        (BreakCause Cause, double Writedown) above = default;
        foreach (var t in steps)
        {
            if (Breaks(t, out var r)) { hi = t; above = r; break; }
            lo = t;
        }
        if (hi < 0) return new BreakevenResult(max / 100.0, BreakevenStatus.NoLossAtMaximum, null, evals);
        while (hi - lo > 1)
        {
            var mid = lo + (hi - lo) / 2;
            if (Breaks(mid, out var r)) { hi = mid; above = r; } else lo = mid;
        }
        return new BreakevenResult(lo / 100.0, BreakevenStatus.Found, above.Writedown, evals) { Cause = above.Cause };
    }
}
