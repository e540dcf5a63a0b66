using System.Numerics;
using System.Runtime.CompilerServices;

namespace Remic.Deals.Waterfall;

/// <summary>
/// The working cash of one distribution: what is left in each group's Available Funds, the principal
/// amounts still to distribute, and the classes' running balances. A projection keeps one ledger for the
/// whole run and <see cref="Begin"/>s it each period, so its scratch arrays are not allocated 360 times.
/// </summary>
internal sealed class Ledger<T> where T : unmanaged, IFloatingPoint<T>
{
    public readonly CompiledDeal<T> Deal;
    public DealState<T> State = null!;
    /// <summary>The period's collections, one per group: owned by the ledger, refilled each date (see <see cref="Load"/>).</summary>
    public readonly GroupFlows<T>[] Groups;
    /// <summary>Days in the floaters' accrual period, and the distribution date.</summary>
    public int ActualDays;
    public DateOnly Date;
    /// <summary>The period's index fixings by the deal's index number (<see cref="CompiledDeal{T}.IndexNames"/>); <see cref="Fixed"/> says which were given.</summary>
    public readonly double[] Fixings;
    public readonly bool[] Fixed;
    public PeriodResult<T> R = null!;
    /// <summary>The period's class balances: the next state's balance array (it becomes the result's and next state's balances).</summary>
    public T[] Balance = null!;
    public readonly T[] Fund;
    public readonly T[] SeniorPda;
    public readonly T[] NonPoPrincipal;
    public readonly T[] PoPda;
    public readonly T[] AccrualCash;
    public readonly T[] PoDeferredPaid;
    public readonly T[] NonPoBegin;
    /// <summary>Each group's subordinate amount: its non-PO pool less its seniors' balance (at least zero), at the period's start.</summary>
    public readonly T[] SubAmount;
    /// <summary>Liquidated loans' accrued interest their liquidation proceeds could not cover, by group (a shortfall).</summary>
    public readonly T[] UncoveredInterest;
    /// <summary>Interest paid to class c out of group g's funds by single-group steps (index c × groups + g).</summary>
    public readonly T[] PaidFrom;
    /// <summary>The date's <see cref="ComponentWeight"/> of each class of several groups (index <see cref="WeightRow"/>[c] + g).</summary>
    public readonly T[] Weights;
    /// <summary>Where class c's row of <see cref="Weights"/> starts: c × groups, or the row of the first class of several groups before it
    /// whose weights are the same by construction (<see cref="_sameWeightsAsPrevious"/>: the subordinates share one row), so the date's
    /// weights are stated once per distinct row and never copied.</summary>
    public readonly int[] WeightRow;
    private readonly int[] _multiGroup;
    private readonly bool[] _sameWeightsAsPrevious;
    /// <summary>Scratch for the steps that build a list per date (cross-collateralisation, principal passed to the seniors).</summary>
    public readonly int[] ScratchGroups, ScratchClasses;
    public readonly T[] ScratchWeights, ScratchShares;
    /// <summary>Each class's current interest and its interest before any rate cap, this date (written whole by the coupons).</summary>
    public readonly T[] Current, Uncapped;
    /// <summary>Per group: shifting interest's Senior Percentage (scratch), and the seniors' balance at the date's start (the sum of
    /// the group's seniors' beginning balances, at least zero each; stated by <see cref="Waterfall.Distribute{T}(Ledger{T}, DealState{T}, PeriodResult{T}, DealState{T}, TraceRecorder{T})"/>).</summary>
    public readonly T[] SeniorPctScratch, SeniorBalanceScratch;
    /// <summary>The principal allocation's scratch: a slice per pro rata / split node (<see cref="CompiledDeal{T}.AllocScratchSize"/>).</summary>
    public readonly T[] AllocScratch;
    /// <summary><see cref="SubordinatePayment"/>'s scratch, one element per subordinate of its step.</summary>
    public readonly T[] SubShares, SubScheduledShares, SubUnscheduledShares, SubReserve, SubWeights, SubEligibleWeights;
    public readonly bool[] SubEligible;
    public T SubScheduled, SubUnscheduled, SubTakenForDeferred, CashOut, StepLeafBalance;
    /// <summary>The checks' class sums as <see cref="LossAllocation"/> found them (double), and whether they are the date's final ones
    /// (no writedown changed a balance or a loss after them): the date's last pass then takes them instead of adding them again.</summary>
    public PeriodChecks.ClassSums<T> LossSums;
    public bool LossSumsFinal;
    public bool StepDown;
    /// <summary>On or after the Senior Credit Support Depletion Date: no subordinate balance left after this date's losses.</summary>
    public bool Depleted;
    /// <summary>
    /// The deal's last distribution: no loan is left after this date (the pool paid off, or bought by the clean-up call).
    /// Every class is retired in its order of priority and the date's losses fall on the classes left, junior first.
    /// </summary>
    public bool Terminating;
    /// <summary>Set by the caller (<see cref="Projection.WaterfallRun"/>) for the projection's last month: no distribution follows, so
    /// whatever the classes still hold is written off even if the pool keeps a few cents of dust (a liquidation's remainder the
    /// projection ends with). Kept across <see cref="Begin"/>; the trustee never sets it (its pool is whole cents).</summary>
    public bool FinalDate;
    /// <summary>The period's share of the Subordinate Percentage kept by the seniors (carried to the next state).</summary>
    public T Shift;
    /// <summary>The distribution's trace recorder; null (the default) when tracing is off.</summary>
    public TraceRecorder<T>? Trace;

    public Ledger(CompiledDeal<T> deal)
    {
        Deal = deal;
        Groups = new GroupFlows<T>[deal.NGroups];
        Fixings = new double[deal.IndexNames.Length];
        Fixed = new bool[deal.IndexNames.Length];
        Fund = new T[deal.NGroups];
        SeniorPda = new T[deal.NGroups];
        NonPoPrincipal = new T[deal.NGroups];
        PoPda = new T[deal.NGroups];
        NonPoBegin = new T[deal.NGroups];
        PoDeferredPaid = new T[deal.NGroups];
        SubAmount = new T[deal.NGroups];
        UncoveredInterest = new T[deal.NGroups];
        PaidFrom = new T[deal.NClasses * deal.NGroups];
        Weights = new T[deal.NClasses * deal.NGroups];
        _multiGroup = Enumerable.Range(0, deal.NClasses).Where(c => deal.ClassGroups[c].Length > 1).ToArray();
        // A class of several groups whose weights are those of the one before it in _multiGroup (the same groups in the same
        // order, subordinate or not alike, Class X or not alike): every input of WeightOf is the same, so its row is a copy.
        _sameWeightsAsPrevious = new bool[_multiGroup.Length];
        for (var k = 1; k < _multiGroup.Length; k++)
        {
            int c = _multiGroup[k], p = _multiGroup[k - 1];
            _sameWeightsAsPrevious[k] = deal.ClassGroups[c].AsSpan().SequenceEqual(deal.ClassGroups[p])
                && deal.IsSubordinate[c] == deal.IsSubordinate[p]
                && (deal.Coupons[c].Kind == CompiledDeal<T>.CouponKind.StripExcess) == (deal.Coupons[p].Kind == CompiledDeal<T>.CouponKind.StripExcess);
        }
        WeightRow = new int[deal.NClasses];
        for (var c = 0; c < deal.NClasses; c++) WeightRow[c] = c * deal.NGroups;
        for (var k = 1; k < _multiGroup.Length; k++)
            if (_sameWeightsAsPrevious[k]) WeightRow[_multiGroup[k]] = WeightRow[_multiGroup[k - 1]];
        AccrualCash = new T[deal.NClasses];
        ScratchGroups = new int[deal.NGroups];
        ScratchClasses = new int[deal.NClasses];
        ScratchWeights = new T[deal.NClasses];
        ScratchShares = new T[deal.NClasses];
        AllocScratch = new T[deal.AllocScratchSize];
        SubShares = new T[deal.NClasses];
        SubScheduledShares = new T[deal.NClasses];
        SubUnscheduledShares = new T[deal.NClasses];
        SubReserve = new T[deal.NClasses];
        SubWeights = new T[deal.NClasses];
        SubEligibleWeights = new T[deal.NClasses];
        SubEligible = new bool[deal.NClasses];
        SeniorPctScratch = new T[deal.NGroups];
        SeniorBalanceScratch = new T[deal.NGroups];
        Current = new T[deal.NClasses];
        Uncapped = new T[deal.NClasses];
    }

    /// <summary>Loads a period's collections and market (the public one-period API's inputs) into the ledger.</summary>
    public void Load(PeriodCollections<T> coll, PeriodMarket market)
    {
        if (coll.Groups.Count != Deal.NGroups)
            throw new ArgumentException($"collections have {coll.Groups.Count} groups; the deal has {Deal.NGroups}", "collections");
        for (var g = 0; g < Groups.Length; g++) Groups[g] = GroupFlows<T>.From(coll.Groups[g]);
        ActualDays = market.ActualDays;
        Date = market.DistributionDate;
        for (var i = 0; i < Fixings.Length; i++) Fixed[i] = market.Indices.TryGetValue(Deal.IndexNames[i], out Fixings[i]);
    }

    /// <summary>
    /// Starts a distribution: every working amount back to zero, balances from the state into <paramref name="balance"/>
    /// (the next state's array). The groups are already loaded.
    /// </summary>
    public void Begin(DealState<T> state, PeriodResult<T> r, T[] balance)
    {
        State = state; R = r;
        Balance = balance;
        state.Balances.CopyTo(balance, 0);
        // Inline clears (Num.Clear): a call per array cost more than the stores on arrays this small.
        Num<T>.Clear(Fund); Num<T>.Clear(SeniorPda); Num<T>.Clear(NonPoPrincipal); Num<T>.Clear(PoPda);
        Num<T>.Clear(NonPoBegin); Num<T>.Clear(PoDeferredPaid);
        if (Deal.WritesAccretion) Num<T>.Clear(AccrualCash); // else never written (only an accrual class's interest fills it, for its accrete step)
        Num<T>.Clear(SubAmount); Num<T>.Clear(UncoveredInterest);
        if (Deal.WritesPaidFrom) Num<T>.Clear(PaidFrom); // else never written: still the zeros it was made with
        SubScheduled = SubUnscheduled = SubTakenForDeferred = CashOut = StepLeafBalance = T.Zero;
        StepDown = false;
        LossSumsFinal = false;
        Depleted = false;
        Terminating = false;
        Shift = T.One;
    }

    /// <summary>Index <paramref name="id"/>'s fixing for the period (a clear input error if none was given).</summary>
    public double Index(int id) => Fixed[id] ? Fixings[id] : throw PeriodMarket.NoValue(Deal.IndexNames[id]);

    /// <summary>
    /// No loan is left after this date: the pool ends below half a cent (the rule of the end write-off in
    /// <see cref="LossAllocation"/>), and it had loans at the date's start.
    /// </summary>
    public static bool PoolEnds(GroupFlows<T>[] groups)
    {
        T begin = T.Zero, end = T.Zero;
        foreach (ref readonly var g in groups.AsSpan()) { begin += g.BeginBalance; end += g.EndBalance; }
        return begin > T.Zero && end < Num<T>.HalfCent;
    }

    public int Period => State.Period;
    public int YearIndex => (State.Period - 1) / 12;

    public T Available(ReadOnlySpan<int> from)
    {
        var s = T.Zero;
        foreach (var g in from) s += Fund[g];
        return s;
    }

    /// <summary>Takes up to <paramref name="want"/> from the groups' funds in order; returns what it got.</summary>
    public T Draw(ReadOnlySpan<int> from, T want) => DrawIn(Fund, from, want);

    /// <summary><see cref="Draw"/>'s loop over the funds given, inlined where a caller's own loop must not make a call
    /// (<see cref="DrawFor"/>'s remainder, once per subordinate per date).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T DrawIn(T[] fund, ReadOnlySpan<int> from, T want)
    {
        var got = T.Zero;
        foreach (var g in from)
        {
            if (want - got <= T.Zero) break;
            var take = Num<T>.Min(fund[g], want - got);
            if (take <= T.Zero) continue;
            fund[g] -= take;
            got += take;
        }
        return got;
    }

    /// <summary>
    /// Group <paramref name="g"/>'s weight in class <paramref name="c"/>'s interest (its component): Class X the
    /// group's premium loans' excess interest; a subordinate the group's subordinate amount (CWALT weights the
    /// subordinates' rate and interest by it); any other class the group's non-PO balance. Zero for a group
    /// the class does not belong to.
    /// </summary>
    public T ComponentWeight(int c, int g) => Deal.ClassGroups[c].Length > 1 ? Weights[WeightRow[c] + g] : WeightOf(c, g, BySubAmount(c));

    /// <summary>
    /// The component weights of the classes of several groups, fixed for the date once the groups' subordinate amounts
    /// are known (the interest steps read them many times).
    /// </summary>
    public void FixWeights()
    {
        var n = Deal.NGroups;
        T[] weights = Weights, subAmount = SubAmount, nonPoBegin = NonPoBegin; // locals: loads hoisted
        var groups = Groups;
        var multi = _multiGroup;
        for (var k = 0; k < multi.Length; k++)
        {
            var c = multi[k];
            if (_sameWeightsAsPrevious[k]) continue; // its row is the previous class's (WeightRow): nothing to copy
            var bySubAmount = BySubAmount(c); // once per class, not per group
            // WeightOf for each group, inline: the class's membership and coupon kind read once.
            var member = Deal.InGroup[c];
            var strip = Deal.Coupons[c].Kind == CompiledDeal<T>.CouponKind.StripExcess;
            var at = c * n;
            for (var g = 0; g < n; g++)
                weights[at + g] = !member[g] ? T.Zero : strip ? groups[g].ClassXExcessInterest : bySubAmount ? subAmount[g] : nonPoBegin[g];
        }
    }

    private bool BySubAmount(int c) => Deal.IsSubordinate[c] && SubAmountTotal(c) > T.Zero;

    private T WeightOf(int c, int g, bool bySubAmount)
    {
        if (!Deal.InGroup[c][g]) return T.Zero;
        if (Deal.Coupons[c].Kind == CompiledDeal<T>.CouponKind.StripExcess) return Groups[g].ClassXExcessInterest;
        return bySubAmount ? SubAmount[g] : NonPoBegin[g];
    }

    private T SubAmountTotal(int c)
    {
        var s = T.Zero;
        foreach (var g in Deal.ClassGroups[c]) s += SubAmount[g];
        return s;
    }

    /// <summary>
    /// Group g's component of what class c is due this period: its interest due × the group's weight; the last
    /// weighted group takes what the others leave, so the components add up to the amount due to the cent.
    /// </summary>
    public T Component(int c, int g)
    {
        if (ComponentWeight(c, g) <= T.Zero) return T.Zero;
        var groups = Deal.ClassGroups[c];
        var total = T.Zero;
        var lastWeighted = -1;
        foreach (var h in groups)
        {
            var w = ComponentWeight(c, h);
            if (w > T.Zero) { total += w; lastWeighted = h; }
        }
        var due = R.InterestDue[c];
        if (g != lastWeighted) return Num<T>.Cents(due * ComponentWeight(c, g) / total);
        var others = T.Zero;
        foreach (var h in groups)
            if (h != g && ComponentWeight(c, h) > T.Zero) others += Num<T>.Cents(due * ComponentWeight(c, h) / total);
        return due - others;
    }

    /// <summary>Takes up to <paramref name="want"/> from group g's funds alone; returns what it got.</summary>
    public T DrawFrom(int g, T want)
    {
        var take = Num<T>.Min(Fund[g], want);
        if (take <= T.Zero) return T.Zero;
        Fund[g] -= take;
        return take;
    }

    /// <summary>
    /// Interest for class <paramref name="c"/>: a class of several of the paying groups draws from each in
    /// proportion to its components (<see cref="ComponentWeight"/>), so one group's funds do not carry another's
    /// share; any remainder comes from the groups in order (the subordinates are paid from the groups' funds together).
    /// </summary>
    public T DrawFor(int c, int[] from, T want)
    {
        if (from.Length < 2 || Deal.ClassGroups[c].Length < 2 || want <= T.Zero) return Draw(from, want);
        var member = Deal.InGroup[c];
        var fund = Fund; // a local: loaded once
        // A class of several groups: its component weights are the date's fixed ones (ComponentWeight's first case).
        var weights = Weights.AsSpan(WeightRow[c], Deal.NGroups);
        var total = T.Zero;
        foreach (var g in from)
            if (member[g]) total += weights[g];
        if (total <= T.Zero) return Draw(from, want);
        var got = T.Zero;
        foreach (var g in from)
        {
            if (!member[g]) continue;
            var take = Num<T>.Min(fund[g], Num<T>.Cents(want * weights[g] / total));
            take = Num<T>.Min(take, want - got);
            if (take <= T.Zero) continue;
            fund[g] -= take;
            got += take;
        }
        // Any remainder from the groups in order: Draw's loop, inlined.
        return got + DrawIn(fund, from, want - got);
    }

    public void PayPrincipal(int c, T amount)
    {
        if (amount <= T.Zero) return;
        Balance[c] -= amount;
        R.Principal[c] += amount;
        CashOut += amount;
    }

    public void PayInterest(int c, T amount)
    {
        if (amount <= T.Zero) return;
        R.InterestPaid[c] += amount;
        CashOut += amount;
    }

    public T Outstanding(int c) => Num<T>.Pos(Balance[c]);
}
