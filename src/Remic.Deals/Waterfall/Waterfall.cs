using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Remic.Deals.Model;

namespace Remic.Deals.Waterfall;

/// <summary>
/// The Pooling and Servicing Agreement's priority of payments as an interpreter: one distribution date
/// at a time, the deal's steps run in order over the period's Available Funds (one switch, below).
/// Generic over the number type: double for projections, decimal (cents) for the trustee; the JIT
/// specialises each, so there is one interpreter and no copy of it.
/// </summary>
public static class Waterfall
{
    /// <summary>
    /// Distributes one period's collections. Order: notional amounts and coupons → Net Interest Shortfalls →
    /// Senior/Subordinate Principal Distribution Amounts → the deal's steps → realised losses and writedowns
    /// → corridor payments → checks (a failure throws <see cref="Remic.Core.ConservationException"/>).
    /// </summary>
    public static PeriodResult<T> Distribute<T>(Deal deal, DealState<T> state, PeriodCollections<T> collections, PeriodMarket market)
        where T : unmanaged, IFloatingPoint<T> => Distribute(CompiledDeal<T>.For(deal), state, collections, market);

    /// <summary>
    /// <see cref="Distribute{T}(Deal, DealState{T}, PeriodCollections{T}, PeriodMarket)"/> with the trace on: the same
    /// result, and the date's <see cref="Explain.PeriodTrace"/> (why each class got what it got).
    /// </summary>
    public static PeriodResult<T> Distribute<T>(Deal deal, DealState<T> state, PeriodCollections<T> collections, PeriodMarket market,
        out Explain.PeriodTrace trace) where T : unmanaged, IFloatingPoint<T>
    {
        var d = CompiledDeal<T>.For(deal);
        var recorder = new TraceRecorder<T>(d);
        var r = Distribute(d, state, collections, market, null, recorder);
        trace = recorder.Finish(r);
        return r;
    }

    /// <param name="ledger">A run's working ledger, reused period after period (null: a fresh one).</param>
    /// <param name="trace">Records the date's trace (null: off, the default; nothing is recorded or allocated for it).</param>
    internal static PeriodResult<T> Distribute<T>(CompiledDeal<T> d, DealState<T> state, PeriodCollections<T> collections, PeriodMarket market,
        Ledger<T>? ledger = null, TraceRecorder<T>? trace = null)
        where T : unmanaged, IFloatingPoint<T>
    {
        var l = ledger ?? new Ledger<T>(d);
        l.Load(collections, market);
        var r = new PeriodResult<T>(d.NClasses, d.NGroups);
        Distribute(l, state, r, DealState<T>.Blank(d.NClasses, d.NGroups), trace);
        return r;
    }

    /// <summary>
    /// The distribution itself, over the collections and market already in the ledger (<see cref="Ledger{T}.Groups"/>,
    /// <see cref="Ledger{T}.Fixings"/>), into <paramref name="r"/> (zeroed) and <paramref name="next"/> (its arrays are
    /// overwritten; a run reuses both from one scenario to the next). Allocates nothing unless traced.
    /// </summary>
    internal static void Distribute<T>(Ledger<T> l, DealState<T> state, PeriodResult<T> r, DealState<T> next, TraceRecorder<T>? trace)
        where T : unmanaged, IFloatingPoint<T>
    {
        var d = l.Deal;
        r.Period = state.Period;
        r.DistributionDate = l.Date;
        l.Begin(state, r, next.Balances);
        LiquidationInterest(l, r);
        l.Terminating = Ledger<T>.PoolEnds(l.Groups);
        l.Trace = trace;

        var groups = l.Groups;
        T[] stateBalances = state.Balances;
        GroupFigures(l, state);
        l.FixWeights();
        // Untraced, the coupons' pass states each class's beginning balance (notional amounts from the state's balances) before
        // its coupon; traced, the balances come first, for the trace's collections.
        var beginInCoupons = trace is null;
        if (!beginInCoupons)
        {
            T[] working = l.Balance, begin = r.BeginBalance;
            var isNotional = d.Notional;
            for (var c = 0; c < working.Length; c++)
            {
                if (isNotional[c]) working[c] = NotionalAmount(d, c, stateBalances, groups);
                begin[c] = working[c];
            }
            trace!.Collections(l, r);
        }

        Span<T> current = l.Current;   // the ledger's: no stack frame to zero each date
        Span<T> uncapped = l.Uncapped;
        T[] due = r.InterestDue, shortfall = r.InterestShortfall, unpaidBefore = state.UnpaidInterest; // locals: loads hoisted
        var stateForBegin = beginInCoupons ? stateBalances : null;
        if (InterestShortfalls.Any(l))
        {
            Coupons.Accrue(l, current, uncapped, null, stateForBegin);
            InterestShortfalls.Allocate<T>(l, current);
            for (var c = 0; c < due.Length; c++) due[c] = current[c] - shortfall[c] + unpaidBefore[c];
        }
        // No group has a shortfall to allocate (the result's shortfalls stay zero): the coupons' pass states the amounts due.
        else Coupons.Accrue(l, current, uncapped, unpaidBefore, stateForBegin);
        if (d.Beneficiaries.Length > 0)
        {
            var capShortfallNow = r.CapShortfall;
            foreach (var c in d.Beneficiaries) capShortfallNow[c] = Num<T>.Pos(uncapped[c] - current[c]);
        }
        if (trace is not null) trace.Interest(l, current, uncapped);
        ShiftingInterest.Compute(l);
        l.Depleted = r.SeniorCreditSupportDepleted = Depleted(l);

        if (trace is null) foreach (var step in d.Steps) RunStep(l, step); // untraced: no wrapper call per step
        else foreach (var step in d.Steps) Run(l, step);

        var poDeferred = next.PoDeferred;
        var unpaid = next.UnpaidInterest;
        var capShortfall = next.CapShortfall;
        trace?.BeginLosses(l);
        LossAllocation.Allocate(l, poDeferred);
        trace?.EndLosses(l);
        r.EndBalance = l.Balance; // the ledger's balances are the next state's: no copy
        r.UnpaidInterest = unpaid;
        var sums = EndOfDate(l, state, next);
        Corridor.Pay(l, capShortfall);
        var deferredPaid = T.Zero;
        foreach (var x in l.PoDeferredPaid) deferredPaid += x;
        // Classes above the pool: principal that paid interest, less writedowns of it, less principal paid from interest.
        next.Reuse(state.Period + 1,
            state.Undercollateralisation + r.PrincipalShortfall + r.UnpayablePrincipal - (r.Writedown - deferredPaid) - r.ExtraPrincipal,
            l.Shift);
        DelinquencyHistory(l, state, next.SeriousDelinquencyHistory);
        PeriodChecks.Verify(l, next.Undercollateralisation, sums);
        r.Next = next;
    }

    /// <summary>
    /// The date's first pass over the groups: each group's Available Funds to the ledger, its collateral figures to the result, its
    /// non-PO beginning balance, its seniors' beginning balance (shifting interest's) and its subordinate amount. A method of its
    /// own for the same reason as <see cref="EndOfDate{T}"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void GroupFigures<T>(Ledger<T> l, DealState<T> state) where T : unmanaged, IFloatingPoint<T>
    {
        var r = l.R;
        var groups = l.Groups;
        var n = groups.Length;
        T[] stateBalances = state.Balances;
        var seniorsOf = l.Deal.Seniors;
        // Element references checked once for the groups' count (Num.Data): nine arrays, each bounds-checked per group before.
        ref T fund = ref Num<T>.Data(l.Fund, n), nonPoBegin = ref Num<T>.Data(l.NonPoBegin, n), subAmount = ref Num<T>.Data(l.SubAmount, n),
            seniorBegin = ref Num<T>.Data(l.SeniorBalanceScratch, n), available = ref Num<T>.Data(r.AvailableFunds, n),
            collPrincipal = ref Num<T>.Data(r.CollateralPrincipal, n), collLoss = ref Num<T>.Data(r.CollateralLoss, n),
            poolEnd = ref Num<T>.Data(r.PoolEndBalance, n), poPoolEnd = ref Num<T>.Data(r.PoPoolEndBalance, n);
        for (var g = 0; g < n; g++)
        {
            ref readonly var c = ref groups[g];
            var af = c.AvailableFunds;
            Unsafe.Add(ref fund, g) = af;
            var nonPo = c.BeginBalance - c.PoBeginBalance;
            Unsafe.Add(ref nonPoBegin, g) = nonPo;
            Unsafe.Add(ref available, g) = af;
            Unsafe.Add(ref collPrincipal, g) = c.Principal;
            Unsafe.Add(ref collLoss, g) = c.RealizedLoss;
            Unsafe.Add(ref poolEnd, g) = c.EndBalance;
            Unsafe.Add(ref poPoolEnd, g) = c.PoEndBalance;
            var seniors = T.Zero;
            foreach (var i in seniorsOf[g]) seniors += Num<T>.Pos(stateBalances[i]);
            Unsafe.Add(ref seniorBegin, g) = seniors; // shifting interest's senior balance (a senior's beginning balance is the state's)
            Unsafe.Add(ref subAmount, g) = Num<T>.Pos(nonPo - seniors);
        }
    }

    /// <summary>
    /// The date's last pass over the classes: end notional amounts, unpaid interest, the cap shortfalls carried (the corridors
    /// pay from them after it), and the class sums of the conservation checks (PeriodChecks.ClassSums: its additions, in class
    /// order). A method of its own: in the distribution's body its dozen arrays were reloaded from the stack for every class.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static PeriodChecks.ClassSums<T> EndOfDate<T>(Ledger<T> l, DealState<T> state, DealState<T> next) where T : unmanaged, IFloatingPoint<T>
    {
        var d = l.Deal;
        var r = l.R;
        var groups = l.Groups;
        T[] balance = l.Balance, paid = r.InterestPaid, accretion = r.Accretion, loss = r.Loss, beginBalance = r.BeginBalance, principal = r.Principal;
        T[] capBefore = state.CapShortfall, capNow = r.CapShortfall, due = r.InterestDue, unpaid = next.UnpaidInterest, capShortfall = next.CapShortfall;
        var notional = d.Notional;
        var classNotional = d.ClassNotionalKind;
        var tol = d.Tolerance;
        // The end notional amounts first, in class order: a notional amount reads only other classes' balances, which the loop
        // below does not change (a notional class's reads its references as they stand, as it did in class order in that loop).
        // No call is left in the loop, so its sums stay in registers (every XMM register is the caller's to save on Unix x64).
        foreach (var c in d.NotionalClasses) balance[c] = classNotional[c] ? NotionalAmount(d, c, balance, groups) : beginBalance[c];
        var sums = new PeriodChecks.ClassSums<T>();
        // Element references checked once for the loop's length (Num.Data): the loop reads and writes eleven arrays, and a bounds check
        // of each reloaded its array from the stack for every class.
        var n = balance.Length;
        if (typeof(T) == typeof(double) && Vector256.IsHardwareAccelerated)
        {
            var four = EndOfDateFour(l, state, next);
            return Unsafe.As<PeriodChecks.ClassSums<double>, PeriodChecks.ClassSums<T>>(ref four);
        }
        ref T bal = ref Num<T>.Data(balance, n), pd = ref Num<T>.Data(paid, n), acc = ref Num<T>.Data(accretion, n), ls = ref Num<T>.Data(loss, n),
            prin = ref Num<T>.Data(principal, n), capB = ref Num<T>.Data(capBefore, n), capN = ref Num<T>.Data(capNow, n), du = ref Num<T>.Data(due, n),
            up = ref Num<T>.Data(unpaid, n), cap = ref Num<T>.Data(capShortfall, n);
        ref bool isNotional = ref Num<T>.Data(notional, n);
        for (var c = 0; c < n; c++)
        {
            T dueC = Unsafe.Add(ref du, c), paidC = Unsafe.Add(ref pd, c), accC = Unsafe.Add(ref acc, c), lossC = Unsafe.Add(ref ls, c), balC = Unsafe.Add(ref bal, c);
            var notionalC = Unsafe.Add(ref isNotional, c);
            Unsafe.Add(ref up, c) = Unpaid(dueC, paidC, accC, notionalC, lossC, balC);
            Unsafe.Add(ref cap, c) = Unsafe.Add(ref capB, c) + Unsafe.Add(ref capN, c);
            sums.Add(notionalC, Unsafe.Add(ref prin, c), lossC, accC, balC, paidC, dueC, tol);
        }
        return sums;
    }

    /// <summary>
    /// <see cref="EndOfDate{T}"/> in double (its end notional amounts already stated): unpaid interest, the cap shortfalls carried and the
    /// per-class rules of the checks four classes at a time — each lane the scalar loop's comparisons and operations, no lane reading
    /// another — then the checks' class sums in a pass of their own over the classes that are not notional, each sum's additions in class
    /// order as in <see cref="PeriodChecks.ClassSums{T}.Add"/> (the sums are independent of each other, so only their own order matters).
    /// The accretion sum is left at zero in a deal without an accrete step: its accretion is zero (never written), and adding zeros to
    /// a zero leaves it as it is. The last pass had about thirty instructions a class; this has about a third of that.
    /// </summary>
    private static PeriodChecks.ClassSums<double> EndOfDateFour<T>(Ledger<T> l, DealState<T> state, DealState<T> next)
        where T : unmanaged, IFloatingPoint<T>
    {
        var d = l.Deal;
        var r = l.R;
        var n = l.Balance.Length;
        ref double bal = ref D(l.Balance, n), pd = ref D(r.InterestPaid, n), acc = ref D(r.Accretion, n), ls = ref D(r.Loss, n),
            prin = ref D(r.Principal, n), capB = ref D(state.CapShortfall, n), capN = ref D(r.CapShortfall, n), du = ref D(r.InterestDue, n),
            up = ref D(next.UnpaidInterest, n), cap = ref D(next.CapShortfall, n);
        ref long notionalMask = ref Num<T>.Data(d.NotionalMask, n);
        var tol = double.CreateTruncating(d.Tolerance);
        var tiny = double.CreateTruncating(Num<T>.Tiny);
        Vector256<double> vTol = Vector256.Create(tol), vNegTol = Vector256.Create(-tol), vTiny = Vector256.Create(tiny), broken = Vector256<double>.Zero;
        var c = 0;
        for (; c + 4 <= n; c += 4)
        {
            var at = (nuint)c;
            Vector256<double> dueC = Vector256.LoadUnsafe(ref du, at), paidC = Vector256.LoadUnsafe(ref pd, at),
                accC = Vector256.LoadUnsafe(ref acc, at), lossC = Vector256.LoadUnsafe(ref ls, at), balC = Vector256.LoadUnsafe(ref bal, at);
            var notionalC = Vector256.LoadUnsafe(ref notionalMask, at).AsDouble();
            var owed = dueC - paidC - accC;
            var unpaid = Vector256.ConditionalSelect(Vector256.GreaterThan(owed, vTiny), owed, Vector256<double>.Zero); // Num.Pos
            // A class written off to zero is owed nothing more: its unpaid interest ends with it.
            var writtenOff = Vector256.AndNot(Vector256.GreaterThan(lossC, Vector256<double>.Zero) & Vector256.LessThanOrEqual(balC, vTiny), notionalC);
            Vector256.AndNot(unpaid, writtenOff).StoreUnsafe(ref up, at);
            (Vector256.LoadUnsafe(ref capB, at) + Vector256.LoadUnsafe(ref capN, at)).StoreUnsafe(ref cap, at);
            broken |= Vector256.GreaterThan(paidC, dueC + vTol) | Vector256.LessThan(balC, vNegTol);
        }
        var anyBroken = broken.AsUInt64() != Vector256<ulong>.Zero; // some lane of some class set: a rule broken
        for (; c < n; c++) // the classes past the last multiple of four: the scalar loop's rules
        {
            double dueC = Unsafe.Add(ref du, c), paidC = Unsafe.Add(ref pd, c), balC = Unsafe.Add(ref bal, c);
            Unsafe.Add(ref up, c) = Unpaid(dueC, paidC, Unsafe.Add(ref acc, c), Unsafe.Add(ref notionalMask, c) != 0, Unsafe.Add(ref ls, c), balC);
            Unsafe.Add(ref cap, c) = Unsafe.Add(ref capB, c) + Unsafe.Add(ref capN, c);
            anyBroken |= PeriodChecks.ClassSums<double>.Breaks(balC, paidC, dueC, tol);
        }
        // The class sums: four chains of additions, each in class order (the order PeriodChecks.ClassSums.Add keeps); the usual date
        // already has them from the losses' pass, over the same figures (Ledger.LossSums: no writedown after it).
        if (l.LossSumsFinal)
        {
            var s = Unsafe.As<PeriodChecks.ClassSums<T>, PeriodChecks.ClassSums<double>>(ref l.LossSums);
            s.Broken = anyBroken;
            return s;
        }
        var sums = PeriodChecks.ClassSums<double>.Over(d.PrincipalClasses, d.WritesAccretion, ref prin, ref ls, ref acc, ref bal);
        sums.Broken = anyBroken;
        return sums;
    }

    /// <summary>
    /// A class's interest unpaid after the date (carried to the next): what was due less what was paid and accreted, if above float
    /// noise. A class written off to zero is owed nothing more: its unpaid interest ends with it. The rule of the last pass's scalar loop
    /// and of its four-lane loop's remainder (the lanes state it as masks).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TN Unpaid<TN>(TN due, TN paid, TN accretion, bool notional, TN loss, TN balance) where TN : unmanaged, IFloatingPoint<TN> =>
        !notional && loss > TN.Zero && balance <= Num<TN>.Tiny ? TN.Zero : Num<TN>.Pos(due - paid - accretion);

    /// <summary><see cref="Num{T}.Data"/> of a T array as doubles (T is double where it is called).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref double D<T>(T[] a, int n) where T : unmanaged, IFloatingPoint<T> => ref Unsafe.As<T, double>(ref Num<T>.Data(a, n));

    /// <summary>
    /// Realized Loss includes the liquidated loans' accrued interest (CWALT: "the amount by which the unpaid principal
    /// balance plus accrued interest ... exceeds the net liquidation proceeds"): the proceeds pay that interest first,
    /// so the group's proceeds allocable to principal fall and its realised loss rises by the same amount (Available
    /// Funds unchanged). Interest the proceeds cannot cover is kept per group (<see cref="Ledger{T}.UncoveredInterest"/>),
    /// to be allocated as a shortfall. Applied to the ledger's copy of the collections.
    /// </summary>
    private static void LiquidationInterest<T>(Ledger<T> l, PeriodResult<T> r) where T : unmanaged, IFloatingPoint<T>
    {
        for (var g = 0; g < l.Groups.Length; g++)
        {
            ref var c = ref l.Groups[g];
            if (c.LiquidatedLoanInterest <= T.Zero) continue;
            var x = Num<T>.Min(c.LiquidatedLoanInterest, Num<T>.Pos(c.LiquidationProceeds - c.PoLiquidationProceeds));
            l.UncoveredInterest[g] = c.LiquidatedLoanInterest - x;
            r.LiquidationInterest[g] = x;
            c.LiquidationProceeds -= x;
            c.RealizedLoss += x;
            c.NetInterest += x;
        }
    }

    /// <summary>This date's pool-wide serious delinquencies followed by the four before it (the next date's history).</summary>
    private static void DelinquencyHistory<T>(Ledger<T> l, DealState<T> state, T[] h) where T : unmanaged, IFloatingPoint<T>
    {
        h[0] = T.Zero;
        foreach (ref readonly var g in l.Groups.AsSpan()) h[0] += g.SeriousDelinquency;
        for (var k = 1; k < 5; k++) h[k] = k - 1 < state.SeriousDelinquencyHistory.Length ? state.SeriousDelinquencyHistory[k - 1] : T.Zero;
    }

    private static void Run<T>(Ledger<T> l, CompiledDeal<T>.CStep step) where T : unmanaged, IFloatingPoint<T>
    {
        if (l.Trace is not { } t)
        {
            RunStep(l, step);
            return;
        }
        t.BeginStep(l, step, step is CompiledDeal<T>.CWhen w && Holds(l, w.If));
        RunStep(l, step);
        t.EndStep(l, step);
    }

    /// <summary>The meaning of every step of a priority of payments.</summary>
    private static void RunStep<T>(Ledger<T> l, CompiledDeal<T>.CStep step) where T : unmanaged, IFloatingPoint<T>
    {
        var d = l.Deal;
        var r = l.R;
        switch (step.Op) // the op code is the record's type (CompiledDeal.OpOf): each case's cast cannot fail
        {
            case CompiledDeal<T>.StepOp.PayPo:
            {
                var s = Unsafe.As<CompiledDeal<T>.CPayPo>(step);
                var want = Num<T>.Min(l.PoPda[s.Group], l.Outstanding(s.Class));
                r.UnpayablePrincipal += l.PoPda[s.Group] - want;
                var got = l.Draw(s.From, want);
                r.PrincipalShortfall += want - got;
                l.PayPrincipal(s.Class, got);
                l.PoPda[s.Group] = T.Zero;
                break;
            }
            case CompiledDeal<T>.StepOp.PayInterest:
            {
                var s = Unsafe.As<CompiledDeal<T>.CPayInterest>(step);
                if (s.Plain) PayInterestOneGroup(l, s.From[0], s.Classes);
                else PayInterestProRata(l, s.From, s.Classes);
                break;
            }
            case CompiledDeal<T>.StepOp.PayPrincipal:
            {
                var s = Unsafe.As<CompiledDeal<T>.CPayPrincipal>(step);
                var want = T.Zero;
                foreach (var g in s.From)
                    want += s.Amount switch
                    {
                        PrincipalAmount.SeniorPrincipal => l.SeniorPda[g],
                        PrincipalAmount.NonPoPrincipal => l.NonPoPrincipal[g],
                        _ => l.Fund[g],
                    };
                var got = l.Draw(s.From, want);
                if (s.Amount != PrincipalAmount.Remaining) r.PrincipalShortfall += want - got;
                if (d.HasLockout) // its only reader is a lockout node (and its trace)
                {
                    var leaves = T.Zero;
                    foreach (var c in s.ToLeaves) leaves += l.Outstanding(c);
                    l.StepLeafBalance = leaves;
                }
                var depleted = s.Amount == PrincipalAmount.SeniorPrincipal && l.Depleted;
                var paid = PrincipalAllocation.Allocate(l, depleted ? s.Depleted : s.To, got);
                var left = got - paid;
                if (s.Amount == PrincipalAmount.Remaining) RemainingPrincipal.Account(l, s.From, got, paid);
                l.Fund[s.From[0]] += left;
                foreach (var g in s.From)
                {
                    if (s.Amount == PrincipalAmount.SeniorPrincipal) l.SeniorPda[g] = T.Zero;
                    if (s.Amount == PrincipalAmount.NonPoPrincipal) l.NonPoPrincipal[g] = T.Zero;
                }
                // Senior principal the seniors could not take (they are retired) belongs to the subordinates.
                if (s.Amount == PrincipalAmount.SeniorPrincipal && left > T.Zero) l.SubUnscheduled += left;
                if (s.Amount == PrincipalAmount.NonPoPrincipal) r.UnpayablePrincipal += left;
                break;
            }
            case CompiledDeal<T>.StepOp.Accrete:
            {
                var s = Unsafe.As<CompiledDeal<T>.CAccrete>(step);
                var got = l.Draw(s.From, l.AccrualCash[s.Class]);
                r.PrincipalShortfall += l.AccrualCash[s.Class] - got;
                l.AccrualCash[s.Class] = T.Zero;
                var paid = PrincipalAllocation.Allocate(l, s.To, got);
                l.Fund[s.From[0]] += got - paid;
                r.UnpayablePrincipal += got - paid;
                break;
            }
            case CompiledDeal<T>.StepOp.PayPoDeferred:
            {
                var s = Unsafe.As<CompiledDeal<T>.CPayPoDeferred>(step);
                // Paid only while the subordinates can absorb it: after this period's principal and losses they must
                // still have the balance to be written down by it (else the Senior Credit Support Depletion Date is here).
                if (!SubordinatesCanAbsorbDeferred(l)) break;
                foreach (var g in s.From)
                {
                    var po = d.PoClass[g];
                    if (po < 0) continue;
                    var room = l.SubScheduled + l.SubUnscheduled - l.SubTakenForDeferred;
                    var want = Num<T>.Min(l.State.PoDeferred[g] - l.PoDeferredPaid[g], Num<T>.Pos(room));
                    var got = l.Draw(s.From, want);
                    r.PoDeferredPaid[po] += got;
                    l.PoDeferredPaid[g] += got;
                    l.SubTakenForDeferred += got;
                    l.CashOut += got;
                }
                break;
            }
            case CompiledDeal<T>.StepOp.PaySubordinates:
            {
                var s = Unsafe.As<CompiledDeal<T>.CPaySubordinates>(step);
                SubordinatePayment.Pay(l, s.From, s.Classes);
                break;
            }
            case CompiledDeal<T>.StepOp.PayResidual:
            {
                var s = Unsafe.As<CompiledDeal<T>.CPayResidual>(step);
                var rest = l.Draw(s.From, l.Available(s.From));
                r.ResidualPaid += rest;
                r.Residual[s.Class] += rest;
                l.CashOut += rest;
                break;
            }
            case CompiledDeal<T>.StepOp.When:
            {
                var w = Unsafe.As<CompiledDeal<T>.CWhen>(step);
                foreach (var inner in Holds(l, w.If) ? w.Then : w.Else) Run(l, inner);
                break;
            }
            default:
                throw new NotSupportedException(step.GetType().Name);
        }
    }

    private static bool Holds<T>(Ledger<T> l, CompiledDeal<T>.CCondition c) where T : unmanaged, IFloatingPoint<T> => c switch
    {
        CompiledDeal<T>.CClassesOutstanding o => AllOutstanding(l, o.Classes),
        CompiledDeal<T>.CPeriodBetween p => l.Period >= p.From && (p.To == 0 || l.Period <= p.To),
        CompiledDeal<T>.CStepDown => l.StepDown,
        _ => throw new NotSupportedException(c.GetType().Name),
    };

    private static bool AllOutstanding<T>(Ledger<T> l, int[] classes) where T : unmanaged, IFloatingPoint<T>
    {
        foreach (var x in classes) if (l.Outstanding(x) <= T.Zero) return false;
        return true;
    }

    /// <summary>
    /// Interest to the classes pro rata by what each is due. An accrual class still accreting takes no
    /// cash: its interest is added to its balance and that cash is kept for its Accrete step. A class of
    /// several groups is due here only the components of the step's groups that are its own, each drawn from
    /// that group's funds alone (Class X in group 1's step: group 1's excess interest, out of group 1).
    /// </summary>
    private static void PayInterestProRata<T>(Ledger<T> l, int[] from, int[] classes) where T : unmanaged, IFloatingPoint<T>
    {
        var d = l.Deal;
        var r = l.R;
        T[] interestDue = r.InterestDue, interestPaid = r.InterestPaid, accretion = r.Accretion; // locals: loads hoisted
        var accreteTargets = d.AccreteTargets;
        var classGroups = d.ClassGroups;
        var total = T.Zero;
        var last = -1;
        // The ledger's scratch (no stackalloc, so the method tiers up); every element up to classes.Length is written here.
        var w = l.ScratchWeights.AsSpan(0, classes.Length);
        for (var i = 0; i < classes.Length; i++)
        {
            var c = classes[i];
            w[i] = T.Zero;
            if (accreteTargets[c] is { } targets)
            {
                if (Accreting(l, targets))
                {
                    var accrued = interestDue[c] - interestPaid[c] - accretion[c];
                    if (accrued <= T.Zero) continue;
                    accretion[c] += accrued;
                    l.Balance[c] += accrued;
                    l.AccrualCash[c] += accrued;
                    continue;
                }
                if (accretion[c] > T.Zero) continue;
            }
            var due = Num<T>.Pos(interestDue[c] - interestPaid[c]);
            if (classGroups[c].Length > 1) due = Num<T>.Min(due, ComponentsDue(l, c, from));
            w[i] = due;
            if (due > T.Zero) { total += due; last = i; }
        }
        if (total <= T.Zero) return;
        var shares = InterestShares(l, w, last, total, l.Available(from));
        for (var i = 0; i <= last; i++)
        {
            if (shares[i] <= T.Zero) continue;
            var c = classes[i];
            l.PayInterest(c, classGroups[c].Length > 1 ? DrawComponents(l, c, from, shares[i], w[i]) : l.Draw(from, shares[i]));
        }
    }

    /// <summary>
    /// <see cref="PayInterestProRata"/> for a step of one group whose classes are each of that group alone and none an accrual
    /// class (<see cref="CompiledDeal{T}.CPayInterest.Plain"/>): the same figures in the same order, without the per-class tests
    /// for accretion and components (a draw from the one group is <see cref="Ledger{T}.DrawFrom"/>).
    /// </summary>
    private static void PayInterestOneGroup<T>(Ledger<T> l, int g, int[] classes) where T : unmanaged, IFloatingPoint<T>
    {
        var r = l.R;
        T[] interestDue = r.InterestDue, interestPaid = r.InterestPaid;
        var total = T.Zero;
        var last = -1;
        var w = l.ScratchWeights.AsSpan(0, classes.Length);
        for (var i = 0; i < classes.Length; i++)
        {
            var c = classes[i];
            var due = Num<T>.Pos(interestDue[c] - interestPaid[c]);
            w[i] = due;
            if (due > T.Zero) { total += due; last = i; }
        }
        if (total <= T.Zero) return;
        T[] fund = l.Fund;
        var shares = InterestShares(l, w, last, total, T.Zero + fund[g]); // Available over one group: zero + its funds
        // Ledger.DrawFrom and PayInterest written out, the group's funds and the cash paid in locals (the same subtractions and
        // additions in the same order; nothing in the loop reads them), stored once after it.
        T left = fund[g], cashOut = l.CashOut;
        for (var i = 0; i <= last; i++)
        {
            var share = shares[i];
            if (share <= T.Zero) continue;
            var take = Num<T>.Min(left, share);
            if (take <= T.Zero) continue;
            left -= take;
            interestPaid[classes[i]] += take;
            cashOut += take;
        }
        fund[g] = left;
        l.CashOut = cashOut;
    }

    /// <summary>
    /// The interest each class of a step is paid, pro rata by what it is due (<paramref name="w"/>, <paramref name="total"/> in
    /// all) out of what the step's groups have: all of it when they have enough, else split by the largest remainder.
    /// </summary>
    private static Span<T> InterestShares<T>(Ledger<T> l, Span<T> w, int last, T total, T available) where T : unmanaged, IFloatingPoint<T>
    {
        var give = Num<T>.Min(available, total);
        if (give == total) return w[..(last + 1)]; // all of it (the usual date): the shares are the dues, read in place (no copy)
        var shares = l.ScratchShares.AsSpan(0, last + 1);
        ProRataShares.Split<T>(give, w[..(last + 1)], shares);
        return shares;
    }

    /// <summary>What is left of class c's components of the groups in <paramref name="from"/> that are its own.</summary>
    private static T ComponentsDue<T>(Ledger<T> l, int c, int[] from) where T : unmanaged, IFloatingPoint<T>
    {
        var due = T.Zero;
        foreach (var g in from)
            if (l.Deal.InGroup[c][g]) due += Num<T>.Pos(l.Component(c, g) - l.PaidFrom[c * l.Deal.NGroups + g]);
        return due;
    }

    /// <summary>Pays <paramref name="amount"/> of class c's components (together <paramref name="due"/>), each group's part from that group.</summary>
    private static T DrawComponents<T>(Ledger<T> l, int c, int[] from, T amount, T due) where T : unmanaged, IFloatingPoint<T>
    {
        var n = l.Deal.NGroups;
        var got = T.Zero;
        foreach (var g in from)
        {
            if (!l.Deal.InGroup[c][g] || amount - got <= T.Zero) continue;
            var part = Num<T>.Pos(l.Component(c, g) - l.PaidFrom[c * n + g]);
            var want = Num<T>.Min(amount - got, amount == due ? part : Num<T>.Cents(amount * part / due));
            var take = l.DrawFrom(g, want);
            l.PaidFrom[c * n + g] += take;
            got += take;
        }
        return got;
    }

    private static bool SubordinatesCanAbsorbDeferred<T>(Ledger<T> l) where T : unmanaged, IFloatingPoint<T>
    {
        T subs = T.Zero, losses = T.Zero;
        foreach (var c in l.Deal.Subordinates) subs += l.Outstanding(c);
        foreach (ref readonly var g in l.Groups.AsSpan()) losses += g.RealizedLoss - g.PoRealizedLoss;
        return subs - Num<T>.Min(subs, losses) - (l.SubScheduled + l.SubUnscheduled) > T.Zero;
    }

    /// <summary>Before the Accretion Termination Date: the earlier of the depletion date and the targets' retirement.</summary>
    private static bool Accreting<T>(Ledger<T> l, int[] targets) where T : unmanaged, IFloatingPoint<T>
    {
        if (l.Depleted) return false;
        foreach (var t in targets) if (l.R.BeginBalance[t] > Num<T>.Tiny) return true;
        return false;
    }

    /// <summary>
    /// On or after the Senior Credit Support Depletion Date: the deal has subordinates and none has a balance left once
    /// this date's realised losses (non-PO) are allocated.
    /// </summary>
    private static bool Depleted<T>(Ledger<T> l) where T : unmanaged, IFloatingPoint<T>
    {
        var d = l.Deal;
        if (d.Subordinates.Length == 0) return false;
        T subs = T.Zero, losses = T.Zero;
        foreach (var c in d.Subordinates) subs += l.Outstanding(c);
        foreach (ref readonly var g in l.Groups.AsSpan()) losses += g.RealizedLoss - g.PoRealizedLoss;
        return subs - losses <= d.Tolerance;
    }

    /// <summary>Notional amount: factor × reference class balances, or the premium loans' balance for Class X.</summary>
    internal static T NotionalAmount<T>(CompiledDeal<T> d, int c, T[] balances, GroupFlows<T>[] groups) where T : unmanaged, IFloatingPoint<T>
    {
        if (d.PremiumNotionalKind[c])
        {
            var s = T.Zero;
            foreach (var g in d.ClassGroups[c]) s += groups[g].PremiumLoanBalance;
            return s;
        }
        var sum = T.Zero;
        foreach (var x in d.NotionalRefs[c]) sum += balances[x];
        return Num<T>.Cents(sum * d.NotionalFactor[c]);
    }
}
