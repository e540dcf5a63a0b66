using Remic.Core;

namespace Remic.Collateral;

/// <summary>
/// Projects a <see cref="LoanPool"/> month by month. Order within a month (domain notes): defaults
/// on the beginning performing balance → scheduled principal on what performs → voluntary
/// prepayment = SMM × (performing balance after scheduled principal). Defaulted balance stays in the
/// pool until liquidated <see cref="Scenario.RecoveryLag"/> months later, when severity × balance is
/// lost and the rest is recovered. Loan-level and rep-line pools run through this same code: a rep line is a
/// loan with a loan count. Plain fixed-rate loans go through <see cref="LaneKernel"/> (the same arithmetic,
/// several loans per SIMD vector), every other loan through <see cref="ProjectLoan"/>.
/// </summary>
public static class Projector
{
    /// <param name="stripRates">Optional Class PO/X strip rate (annual) per group name.</param>
    /// <param name="options">Threads and reference loop; results do not depend on them beyond summation order (see <see cref="ProjectionOptions"/>).</param>
    public static CollateralProjection Project(LoanPool pool, Scenario scenario,
        IReadOnlyDictionary<string, double>? stripRates = null, ProjectionOptions? options = null)
    {
        options ??= ProjectionOptions.Default;
        if (options.MaxDegreeOfParallelism < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxDegreeOfParallelism, "MaxDegreeOfParallelism must be at least 1");
        var months = MonthsOf(scenario, pool.MaxMonthsToPayoff());
        var sums = pool.GroupNames
            .Select(g => new GroupSums(g, months, StripRateOf(stripRates, g)))
            .ToArray();
        var rates = new AgeRates(pool, scenario, months);
        Loans(pool, scenario, months, rates, sums, options, null, null, null);
        var groups = sums.Select(a => a.Flows).ToArray();
        var total = new GroupCashFlows("total", months);
        Finish(sums, groups, total, scenario);
        var stripMap = new Dictionary<string, StripCashFlows>(StringComparer.Ordinal);
        foreach (var acc in sums) if (acc.Strip is { } s) stripMap[acc.Flows.Group] = s;
        return new CollateralProjection(scenario, months, groups, total, stripMap);
    }

    /// <summary>Months a projection of <paramref name="scenario"/> runs: its own, else until the last loan pays off and its last default is liquidated.</summary>
    internal static int MonthsOf(Scenario scenario, int maxMonthsToPayoff) =>
        scenario.Months > 0 ? scenario.Months : maxMonthsToPayoff + Math.Max(scenario.RecoveryLag, 0);

    internal static double? StripRateOf(IReadOnlyDictionary<string, double>? stripRates, string group) =>
        stripRates is not null && stripRates.TryGetValue(group, out var s) ? s : null;

    /// <summary>
    /// The loan loop and the group bookkeeping into <paramref name="sums"/> (zero but for what this sets at cut-off). A
    /// <see cref="CollateralRun"/> passes its own scratch (<paramref name="pockets"/> 3 × lag long, chunk sums, the kernel's
    /// scratch); null: taken as <see cref="Project"/> takes them. The scratch changes no figure.
    /// </summary>
    internal static void Loans(LoanPool pool, Scenario scenario, int months, AgeRates rates, GroupSums[] sums, ProjectionOptions options,
        Func<int, double[]>? pockets, ChunkSums? chunkSums, LaneKernel.Scratch? scratch)
    {
        var lag = Math.Max(scenario.RecoveryLag, 0);
        // P&I advancing follows each delinquent loan's amortising Stated Principal Balance until it is liquidated:
        // the scalar loop does that (a ring of `lag` pockets per loan); the SIMD kernel does not, so such a run
        // with defaults takes the scalar loop for every loan. Results are the same either way; only the time differs.
        var pi = scenario.AdvanceOrDefault == AdvancingConvention.PrincipalAndInterest && lag > 0 && rates.AnyDefault;

        var cutOff = pool.CutOff;
        for (var g = 0; g < sums.Length; g++)
        {
            sums[g].Flows.EndBalance[0] = cutOff[g].Balance;
            sums[g].PerformingEnd[0] = cutOff[g].Balance;
            sums[g].Flows.LoanCount[0] = cutOff[g].LoanCount;
        }

        if (options.Reference || pi)
        {
            var ring = pi ? pockets?.Invoke(lag) ?? new double[3 * lag] : null;
            for (var i = 0; i < pool.Count; i++)
                ProjectLoan(pool, i, scenario, months, rates.Prepay(pool.Age[i], pool.Group[i]), rates.Default(pool.Age[i]), sums[pool.Group[i]], ring);
        }
        else
            ChunkedProjection.Run(pool, scenario, months, rates, sums, options.MaxDegreeOfParallelism, chunkSums, scratch);

        foreach (var acc in sums) Settle(acc, scenario, lag, pi);
    }

    /// <summary>The pool's total into <paramref name="total"/> (zero), then every conservation check of every group.</summary>
    internal static void Finish(GroupSums[] sums, GroupCashFlows[] groups, GroupCashFlows total, Scenario scenario)
    {
        Sum(groups, total.Months, total);
        foreach (var acc in sums)
        {
            Conservation.Check(acc.Flows, acc.PerformingEnd, scenario.Months == 0);
            if (acc.Strip is { } strip) Conservation.CheckPremium(acc.Flows, strip);
        }
    }

    /// <summary>
    /// The loop for one loan of any shape (ARM, IO, balloon, zero rate): arrays in, sums out, nothing
    /// allocated. The reference the SIMD kernel (<see cref="LaneKernel"/>) reproduces lane by lane.
    /// </summary>
    /// <param name="pockets">P&amp;I advancing only (else null): scratch for the loan's delinquent pockets, 3 × lag long —
    /// the Stated Principal Balance of the balance that defaulted in each of the last lag months, the interest
    /// advanced on it so far, and its expected loss (severity at liquidation × balance at default).</param>
    internal static void ProjectLoan(LoanPool pool, int i, Scenario scenario, int months,
        double[] smm, double[] mdr, GroupSums sums, double[]? pockets = null)
    {
        double b = pool.Balance[i], r = pool.GrossRate[i], svc = pool.ServicingRate[i], oth = pool.OtherFeeRate[i];
        double rn = r - svc - oth, survivors = pool.LoanCount[i];
        int rem = pool.RemainingTerm[i], age0 = pool.Age[i], io = pool.IoTerm[i], balloon = pool.BalloonTerm[i];
        var arm = pool.Arm[i];
        double grow = 1 + r, x = Math.Pow(grow, -rem); // x = (1+r)^-rem, advanced by recurrence
        GroupCashFlows acc = sums.Flows;
        double[] perfEnd = sums.PerformingEnd, defaultNet = sums.DefaultNetInterest;
        var strip = sums.Strip;
        double poFraction = 0, excess = 0;
        if (strip is not null)
        {
            var stripMonthly = strip.StripRate / 12;
            poFraction = rn < stripMonthly ? (stripMonthly - rn) / stripMonthly : 0;
            excess = rn > stripMonthly ? rn - stripMonthly : 0;
        }
        var indices = scenario.Indices;
        if (pockets is not null) Array.Clear(pockets);

        for (var m = 1; m <= months; m++, rem--)
        {
            var performing = rem > 0 && b > 0;
            if (!performing && (pockets is null || !DelinquentPockets.Any(pockets))) break;
            var age = age0 + m;
            if (arm is not null && IsReset(arm, age))
            {
                r = ResetRate(arm, r * 12, age, IndexAt(indices, arm.Index, m)) / 12;
                rn = r - svc - oth;
                grow = 1 + r;
                x = Math.Pow(grow, -rem);
            }

            var d = 0.0;
            if (performing)
            {
                d = b * mdr[m];
                b -= d;
                var interest = b * r;
                double sp;
                if (balloon > 0 && age >= balloon) sp = b;
                else if (rem == 1) sp = b;         // maturity pays off, even for an IO term that runs to the end
                else if (age <= io) sp = 0;
                else if (r == 0) sp = b / rem;
                else sp = interest / (1 - x) - interest;
                if (sp > b) sp = b;
                b -= sp;
                var pp = b * smm[m];
                b -= pp;

                acc.ScheduledPrincipal[m] += sp;
                acc.Prepayment[m] += pp;
                acc.Defaults[m] += d;
                acc.GrossInterest[m] += interest;
                var perf = b + sp + pp; // performing balance that paid interest this month
                acc.ServicingFee[m] += perf * svc;
                acc.OtherFees[m] += perf * oth;
                acc.NetInterest[m] += perf * rn;
                defaultNet[m] += d * rn;
                perfEnd[m] += b;
                survivors *= (1 - mdr[m]) * (1 - smm[m]);
                if (b <= 0 || (balloon > 0 && age >= balloon)) survivors = 0;
                acc.LoanCount[m] += survivors;
                if (strip is not null)
                {
                    strip.PoScheduledPrincipal[m] += poFraction * sp;
                    strip.PoPrepayment[m] += poFraction * pp;
                    strip.PoDefaults[m] += poFraction * d;
                    strip.PoEndBalance[m] += poFraction * b;
                    strip.ExcessInterest[m] += excess * perf;
                    if (excess > 0) strip.PremiumBalance[m] += perf;
                    if (pockets is null && excess > 0) { sums.PremiumDefaults[m] += d; sums.ExcessDefaults[m] += excess * d; }
                    if (m == 1) strip.PoBeginBalance[0] += poFraction * pool.Balance[i];
                }
            }
            if (pockets is not null)
            {
                // The month's scheduled-principal fraction of the loan's balance, as the performing balance pays it.
                double f;
                if (rem <= 1 || (balloon > 0 && age >= balloon)) f = 1;
                else if (age <= io) f = 0;
                else if (r == 0) f = 1.0 / rem;
                else f = r * x / (1 - x);
                DelinquentPockets.Advance(pockets, m, d, d * scenario.Severity.At(m + pockets.Length / 3), f, rn, poFraction, excess, sums);
            }
            x *= grow;
        }
    }

    private static bool IsReset(ArmTerms arm, int age) =>
        age == arm.FirstResetAge || (age > arm.FirstResetAge && arm.ResetFrequency > 0 && (age - arm.FirstResetAge) % arm.ResetFrequency == 0);

    /// <summary>New ARM rate: index + margin, within the periodic cap of the old rate and the lifetime bounds.</summary>
    public static double ResetRate(ArmTerms arm, double oldRate, int age, double index)
    {
        var cap = age == arm.FirstResetAge ? arm.InitialCap : arm.PeriodicCap;
        var target = index + arm.Margin;
        if (cap > 0) target = Math.Clamp(target, oldRate - cap, oldRate + cap);
        return Math.Clamp(target, arm.LifetimeFloor, arm.LifetimeCap > 0 ? arm.LifetimeCap : double.MaxValue);
    }

    private static double IndexAt(IReadOnlyDictionary<string, MonthlyVector> indices, string name, int month) =>
        indices.TryGetValue(name, out var v) ? v.At(month)
            : throw new RemicInputException("--index", 0, name, null, $"an ARM resets off index '{name}' but no value was given for it (e.g. --index \"{name}=5.32\")");

    /// <summary>Group-level bookkeeping after the loan loop: liquidations, losses, advances, balances.</summary>
    private static void Settle(GroupSums sums, Scenario scenario, int lag, bool pi)
    {
        GroupCashFlows acc = sums.Flows;
        double[] perfEnd = sums.PerformingEnd, defaultNet = sums.DefaultNetInterest;
        var strip = sums.Strip;
        var advancing = scenario.AdvanceOrDefault;
        double pending = 0, poPending = 0;
        // The cut-off PO balance must be in place before month 1 reads it as its beginning balance.
        if (strip is not null) strip.PoEndBalance[0] = strip.PoBeginBalance[0];
        for (var m = 1; m <= acc.Months; m++)
        {
            acc.BeginBalance[m] = perfEnd[m - 1] + (pi ? sums.DelinquentEnd[m - 1] : pending);
            var defaulted = m - lag >= 1 ? acc.Defaults[m - lag] : 0; // balance at default of the loans liquidated now
            var severity = scenario.Severity.At(m);
            if (pi)
            {
                // Liquidated at the Stated Principal Balance; the loss is severity × the balance at default (never more
                // than the stated balance); the principal advanced meanwhile is recovered from the gross proceeds.
                var stated = sums.LiquidatedStated[m];
                acc.RealizedLoss[m] = Math.Min(defaulted * severity, stated);
                acc.LiquidationProceeds[m] = stated - acc.RealizedLoss[m];
                acc.Advances[m] = sums.InterestAdvanced[m];
                acc.PrincipalAdvances[m] = sums.PrincipalAdvanced[m];
                acc.AdvancesRecovered[m] = Math.Max(defaulted - stated, 0) + sums.InterestRecovered[m];
                acc.EndBalance[m] = perfEnd[m] + sums.DelinquentEnd[m];
            }
            else
            {
                acc.RealizedLoss[m] = defaulted * severity;
                acc.LiquidationProceeds[m] = defaulted - acc.RealizedLoss[m];
                pending += acc.Defaults[m] - defaulted;
                if (pending < 0 && pending > -1e-6) pending = 0;

                // Loans that defaulted in months m-lag+1..m are delinquent this month: advance their net interest.
                // A direct window sum, not a running one: a running sum's rounding drifts once the window
                // holds only tiny amounts, and the fast path must agree with this loop to 1e-9 relative.
                if (lag > 0 && advancing == AdvancingConvention.Interest)
                {
                    double advanced = 0;
                    for (var k = Math.Max(m - lag + 1, 1); k <= m; k++) advanced += defaultNet[k];
                    acc.Advances[m] = advanced;
                    // The loans liquidated now had lag months of net interest advanced on them.
                    if (m - lag >= 1) acc.AdvancesRecovered[m] = lag * defaultNet[m - lag];
                }
                acc.EndBalance[m] = perfEnd[m] + pending;
                if (strip is not null && lag > 0) DelinquentPremium(sums, strip, m, lag, advancing == AdvancingConvention.Interest);
            }
            acc.NetInterest[m] += acc.Advances[m];

            if (strip is not null)
            {
                strip.PoBeginBalance[m] = strip.PoEndBalance[m - 1];
                var poDefaulted = m - lag >= 1 ? strip.PoDefaults[m - lag] : 0;
                var poLiquidated = pi ? sums.PoLiquidatedStated[m] : poDefaulted;
                strip.PoRealizedLoss[m] = Math.Min(poDefaulted * severity, poLiquidated);
                strip.PoLiquidationProceeds[m] = poLiquidated - strip.PoRealizedLoss[m];
                poPending += strip.PoDefaults[m] - poDefaulted;
                // PoEndBalance was summed over performing loans; add what is pending liquidation.
                strip.PoEndBalance[m] += pi ? sums.PoDelinquentEnd[m] : poPending;
            }
        }
    }

    /// <summary>
    /// Class X on delinquent premium loans (interest or no advancing): the notional is the Stated Principal Balance of
    /// the premium loans, delinquent ones included — those that defaulted in months m-lag+1..m and await liquidation;
    /// with interest advancing their excess interest is advanced with the rest of their net interest.
    /// </summary>
    private static void DelinquentPremium(GroupSums sums, StripCashFlows strip, int m, int lag, bool advanced)
    {
        double balance = 0, excess = 0;
        for (var k = Math.Max(m - lag + 1, 1); k <= m; k++) { balance += sums.PremiumDefaults[k]; excess += sums.ExcessDefaults[k]; }
        strip.PremiumBalance[m] += balance;
        if (advanced) strip.ExcessInterest[m] += excess;
    }

    private static void Sum(GroupCashFlows[] groups, int months, GroupCashFlows t)
    {
        foreach (var g in groups)
            for (var m = 0; m <= months; m++)
            {
                t.BeginBalance[m] += g.BeginBalance[m]; t.ScheduledPrincipal[m] += g.ScheduledPrincipal[m];
                t.Prepayment[m] += g.Prepayment[m]; t.Defaults[m] += g.Defaults[m];
                t.LiquidationProceeds[m] += g.LiquidationProceeds[m]; t.RealizedLoss[m] += g.RealizedLoss[m];
                t.GrossInterest[m] += g.GrossInterest[m]; t.ServicingFee[m] += g.ServicingFee[m];
                t.OtherFees[m] += g.OtherFees[m]; t.NetInterest[m] += g.NetInterest[m];
                t.Advances[m] += g.Advances[m]; t.EndBalance[m] += g.EndBalance[m]; t.LoanCount[m] += g.LoanCount[m];
                t.PrincipalAdvances[m] += g.PrincipalAdvances[m]; t.AdvancesRecovered[m] += g.AdvancesRecovered[m];
            }
    }
}
