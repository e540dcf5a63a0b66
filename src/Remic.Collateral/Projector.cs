using Remic.Core;

namespace Remic.Collateral;

/// <summary>
/// Projects a <see cref="LoanPool"/> month by month. Order within a month (domain notes): defaults
/// on the beginning performing balance → scheduled principal on what performs → voluntary
/// prepayment = SMM × (performing balance after scheduled principal). Defaulted balance stays in the
/// pool until liquidated <see cref="Scenario.RecoveryLag"/> months later, when severity × balance is
/// lost and the rest is recovered. Loan-level and rep-line pools run through this same loop.
/// </summary>
public static class Projector
{
    /// <param name="stripRates">Optional Class PO/X strip rate (annual) per group name.</param>
    public static CollateralProjection Project(LoanPool pool, Scenario scenario,
        IReadOnlyDictionary<string, double>? stripRates = null)
    {
        var lag = Math.Max(scenario.RecoveryLag, 0);
        var months = scenario.Months > 0 ? scenario.Months : pool.MaxMonthsToPayoff() + lag;
        var groups = pool.GroupNames.Select(g => new GroupCashFlows(g, months)).ToArray();
        var perfEnd = groups.Select(_ => new double[months + 1]).ToArray();
        var defaultNet = groups.Select(_ => new double[months + 1]).ToArray();
        var strips = pool.GroupNames
            .Select(g => stripRates is not null && stripRates.TryGetValue(g, out var s) ? new StripCashFlows(s, months) : null)
            .ToArray();

        var prepayRows = new Dictionary<int, double[]>();
        var defaultRows = new Dictionary<int, double[]>();
        double[] Row(Dictionary<int, double[]> cache, RateCurve curve, int age0)
        {
            if (!cache.TryGetValue(age0, out var row)) cache[age0] = row = curve.Materialise(age0, months);
            return row;
        }

        for (var i = 0; i < pool.Count; i++)
        {
            var g = pool.Group[i];
            var acc = groups[g];
            var smm = Row(prepayRows, scenario.Prepay.Curve, pool.Age[i]);
            var mdr = Row(defaultRows, scenario.Default.Curve, pool.Age[i]);
            acc.EndBalance[0] += pool.Balance[i];
            perfEnd[g][0] += pool.Balance[i];
            acc.LoanCount[0] += pool.LoanCount[i];
            ProjectLoan(pool, i, scenario, months, smm, mdr, acc, perfEnd[g], defaultNet[g], strips[g]);
        }

        for (var g = 0; g < groups.Length; g++)
            Settle(groups[g], perfEnd[g], defaultNet[g], strips[g], scenario, lag);

        var total = Sum(groups, months);
        foreach (var gcf in groups) Conservation.Check(gcf, perfEnd[Array.IndexOf(groups, gcf)], scenario.Months == 0);
        var stripMap = new Dictionary<string, StripCashFlows>(StringComparer.Ordinal);
        for (var g = 0; g < groups.Length; g++) if (strips[g] is { } s) stripMap[groups[g].Group] = s;
        return new CollateralProjection(scenario, months, groups, total, stripMap);
    }

    /// <summary>The hot loop for one loan: arrays in, sums out, nothing allocated.</summary>
    private static void ProjectLoan(LoanPool pool, int i, Scenario scenario, int months,
        double[] smm, double[] mdr, GroupCashFlows acc, double[] perfEnd, double[] defaultNet, StripCashFlows? strip)
    {
        double b = pool.Balance[i], r = pool.GrossRate[i], svc = pool.ServicingRate[i], oth = pool.OtherFeeRate[i];
        double rn = r - svc - oth, survivors = pool.LoanCount[i];
        int rem = pool.RemainingTerm[i], age0 = pool.Age[i], io = pool.IoTerm[i], balloon = pool.BalloonTerm[i];
        var arm = pool.Arm[i];
        double grow = 1 + r, x = Math.Pow(grow, -rem); // x = (1+r)^-rem, advanced by recurrence
        double poFraction = 0, excess = 0;
        if (strip is not null)
        {
            var stripMonthly = strip.StripRate / 12;
            poFraction = rn < stripMonthly ? (stripMonthly - rn) / stripMonthly : 0;
            excess = rn > stripMonthly ? rn - stripMonthly : 0;
        }
        var indices = scenario.Indices;

        for (var m = 1; m <= months && rem > 0 && b > 0; m++, rem--)
        {
            var age = age0 + m;
            if (arm is not null && IsReset(arm, age))
            {
                r = ResetRate(arm, r * 12, age, IndexAt(indices, arm.Index, m)) / 12;
                rn = r - svc - oth;
                grow = 1 + r;
                x = Math.Pow(grow, -rem);
            }

            var d = b * mdr[m];
            b -= d;
            var interest = b * r;
            double sp;
            if (balloon > 0 && age >= balloon) sp = b;
            else if (age <= io) sp = 0;
            else if (rem == 1) sp = b;
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
                if (m == 1) strip.PoBeginBalance[0] += poFraction * pool.Balance[i];
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
    private static void Settle(GroupCashFlows acc, double[] perfEnd, double[] defaultNet, StripCashFlows? strip, Scenario scenario, int lag)
    {
        double pending = 0, poPending = 0, advanced = 0;
        // The cut-off PO balance was summed into PoBeginBalance[0]; month 1 begins from it.
        if (strip is not null) strip.PoEndBalance[0] = strip.PoBeginBalance[0];
        for (var m = 1; m <= acc.Months; m++)
        {
            acc.BeginBalance[m] = perfEnd[m - 1] + pending;
            var liquidated = m - lag >= 1 ? acc.Defaults[m - lag] : 0;
            var severity = scenario.Severity.At(m);
            acc.RealizedLoss[m] = liquidated * severity;
            acc.LiquidationProceeds[m] = liquidated - acc.RealizedLoss[m];
            pending += acc.Defaults[m] - liquidated;
            if (pending < 0 && pending > -1e-6) pending = 0;

            // Loans that defaulted in months m-lag+1..m are delinquent this month: advance their net interest.
            if (lag > 0)
            {
                advanced += defaultNet[m] - (m - lag >= 1 ? defaultNet[m - lag] : 0);
                if (scenario.Advancing) acc.Advances[m] = Math.Max(advanced, 0);
            }
            acc.NetInterest[m] += acc.Advances[m];
            acc.EndBalance[m] = perfEnd[m] + pending;

            if (strip is not null)
            {
                strip.PoBeginBalance[m] = strip.PoEndBalance[m - 1];
                var poLiquidated = m - lag >= 1 ? strip.PoDefaults[m - lag] : 0;
                strip.PoRealizedLoss[m] = poLiquidated * severity;
                strip.PoLiquidationProceeds[m] = poLiquidated - strip.PoRealizedLoss[m];
                poPending += strip.PoDefaults[m] - poLiquidated;
                // PoEndBalance was summed over performing loans; add what is pending liquidation.
                strip.PoEndBalance[m] += poPending;
            }
        }
    }

    private static GroupCashFlows Sum(IReadOnlyList<GroupCashFlows> groups, int months)
    {
        var t = new GroupCashFlows("total", months);
        foreach (var g in groups)
            for (var m = 0; m <= months; m++)
            {
                t.BeginBalance[m] += g.BeginBalance[m]; t.ScheduledPrincipal[m] += g.ScheduledPrincipal[m];
                t.Prepayment[m] += g.Prepayment[m]; t.Defaults[m] += g.Defaults[m];
                t.LiquidationProceeds[m] += g.LiquidationProceeds[m]; t.RealizedLoss[m] += g.RealizedLoss[m];
                t.GrossInterest[m] += g.GrossInterest[m]; t.ServicingFee[m] += g.ServicingFee[m];
                t.OtherFees[m] += g.OtherFees[m]; t.NetInterest[m] += g.NetInterest[m];
                t.Advances[m] += g.Advances[m]; t.EndBalance[m] += g.EndBalance[m]; t.LoanCount[m] += g.LoanCount[m];
            }
        return t;
    }
}
