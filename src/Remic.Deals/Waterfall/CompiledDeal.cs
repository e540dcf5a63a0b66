using System.Numerics;
using System.Runtime.CompilerServices;
using Remic.Deals.Model;

namespace Remic.Deals.Waterfall;

/// <summary>
/// A deal with every name resolved to an index and every rate converted to T, built once per deal and
/// numeric type so the per-period interpreter does no lookups. The steps mirror the deal file's steps.
/// </summary>
internal sealed class CompiledDeal<T> where T : unmanaged, IFloatingPoint<T>
{
    private static readonly ConditionalWeakTable<Deal, CompiledDeal<T>> Cache = new();

    public static CompiledDeal<T> For(Deal deal) => Cache.GetValue(deal, d => new CompiledDeal<T>(d));

    public readonly Deal Deal;
    public readonly int NClasses, NGroups;
    public readonly ClassSpec[] Classes;
    public readonly T[] Original;
    public readonly bool[] Notional, Accrual;
    public readonly Remic.Core.DayCount[] DayCounts;
    /// <summary>Groups each class draws interest-shortfall share from.</summary>
    public readonly int[][] ClassGroups;
    /// <summary>InGroup[c][g]: class c belongs to group g (ClassGroups as a lookup, for the per-period draws).</summary>
    public readonly bool[][] InGroup;
    /// <summary>Per-class kinds the per-period checks test (resolved once instead of type tests on the spec each period).</summary>
    public readonly bool[] ClassNotionalKind, PremiumNotionalKind, IsPo;
    /// <summary>0..classes − 1; the classes whose notional amount the checks test; the Class POs (for the per-period checks).</summary>
    public readonly int[] AllClasses, NotionalChecked, PoClasses;
    /// <summary>The notional classes, in class order (the date's last pass states their end notional amounts first).</summary>
    public readonly int[] NotionalClasses;
    /// <summary>The other classes, in class order (the checks' class sums, added in a pass of their own in double), and per class all
    /// bits set for a notional class, none for another (the last pass's four-lane mask).</summary>
    public readonly int[] PrincipalClasses;
    public readonly long[] NotionalMask;
    /// <summary>Senior principal (non-PO, non-notional) classes per group, for Senior % and loss allocation.</summary>
    public readonly int[][] Seniors;
    public readonly int[] AllSeniors;
    /// <summary>Groups that cross-collateralise each other (null: no cross-collateralisation).</summary>
    public readonly int[]? CrossGroups;
    public readonly int[] PoClass;
    public readonly int[] Subordinates;
    /// <summary>IsSubordinate[c]: class c is one of the subordinates (shifting interest's list, else type subordinate).</summary>
    public readonly bool[] IsSubordinate;
    public readonly T[] SubOriginalBelow; // original balance of each sub and all subs below it
    public readonly T OriginalSubTotal;
    /// <summary>The groups' original non-PO pools added in group order, and each subordinate's <see cref="SubOriginalBelow"/> over it (the
    /// Class Prepayment Distribution Trigger's original level: the same division, once per deal instead of per date).</summary>
    public readonly T OriginalNonPoTotal;
    public readonly T[] SubOriginalShare;
    public readonly T[] OriginalSeniorPct;
    public readonly T[] OriginalNonPoPool;
    public readonly int[] LossOrder;
    public readonly int[] SupportOf;
    public readonly int[][] NotionalRefs;
    public readonly T[] NotionalFactor;
    public readonly T[]?[] Schedules;
    public readonly CCoupon[] Coupons;
    /// <summary>Per class: its coupon is fixed (<see cref="CouponKind.Fixed"/>), and that fixed rate (zero for any other kind); and the
    /// classes of every other kind, in class order (<see cref="Coupons"/>' second loop).</summary>
    public readonly bool[] FixedCoupon;
    public readonly T[] FixedRate;
    /// <summary>Every fixed coupon accrues 30/360: the coupons' fixed loop may take four classes at a time with one day-count fraction
    /// (<see cref="Waterfall.Coupons"/>; a class of another kind is computed there too and overwritten after it).</summary>
    public readonly bool FixedThirty360;
    /// <summary>The classes of <see cref="OtherCoupons"/> with a coupon (not <see cref="CouponKind.None"/>), and those past the last
    /// multiple of four classes: what is left for <see cref="Waterfall.Coupons"/>' second loop after its four-lane fixed loop, which gives
    /// a class without a coupon among its lanes its figures (a zero rate: balance × 0 × fraction is the same signed zero for every day
    /// count's fraction, and the coupon is zero).</summary>
    public readonly int[] CouponsAfterFour;
    public readonly int[] OtherCoupons;
    public readonly CStep[] Steps;
    /// <summary>For an accrual (Z) class, the classes its accretion is directed to (it accretes while any has a balance).</summary>
    public readonly int[]?[] AccreteTargets;
    public readonly bool[] Beneficiary;
    /// <summary>The classes <see cref="Beneficiary"/> marks, in class order.</summary>
    public readonly int[] Beneficiaries;
    public readonly CCorridor[] Corridors;
    /// <summary>The indices the coupons and corridors read, numbered (<see cref="CCoupon.IndexId"/>, <see cref="CCorridor.IndexId"/>).</summary>
    public readonly string[] IndexNames;
    public readonly bool HasShifting;
    public readonly T[] ShiftByYear;
    public readonly T StepDownDelinq;
    public readonly T[] StepDownLossByYear;
    public readonly TwoTimesTestSpec? TwoTimes;
    public readonly T TwoTimesDelinq, TwoTimesLossBefore, TwoTimesLossAfter, OriginalSubPct;
    public readonly bool ClassTriggers;
    public readonly bool FailedKeepsPriorYear;
    public readonly T Tolerance;
    /// <summary>
    /// Result arrays only some deals write: accretion (an accrete step: an accrual class accretes only with its targets),
    /// Class PO Deferred payments (a pay_po_deferred step), residual (a pay_residual step), corridor payments and cap
    /// shortfalls (a corridor: its beneficiary is the only class with a cap shortfall). A reused result clears only these.
    /// </summary>
    public readonly bool WritesAccretion, WritesPoDeferredPaid, WritesResidual, WritesCorridor;
    /// <summary>Some allocation tree of the deal has a NAS lockout node: the only reader of <see cref="Ledger{T}.StepLeafBalance"/> (a
    /// pay_principal step states it only then).</summary>
    public readonly bool HasLockout;
    /// <summary>Elements of a ledger's allocation scratch (<see cref="Ledger{T}.AllocScratch"/>): each pro rata and split node of the
    /// deal's allocation trees owns a slice of it (<see cref="CProRata.Scratch"/>, <see cref="CSplit.Scratch"/>).</summary>
    public readonly int AllocScratchSize;
    /// <summary>A pay_interest step pays a class of several groups (the only writer of <see cref="Ledger{T}.PaidFrom"/>): else the
    /// ledger's per-class, per-group interest drawn stays all zeros and is not cleared each date.</summary>
    public readonly bool WritesPaidFrom;

    private CompiledDeal(Deal deal)
    {
        Deal = deal;
        Classes = deal.Classes.ToArray();
        NClasses = Classes.Length;
        NGroups = deal.Groups.Count;
        Original = Classes.Select(c => Num<T>.Of(c.OriginalBalance)).ToArray();
        Notional = Classes.Select(c => c.IsNotional).ToArray();
        Accrual = Classes.Select(c => c.Is(ClassType.Accrual)).ToArray();
        DayCounts = Classes.Select(c => c.DayCount).ToArray();
        ClassGroups = Classes.Select(c => c.Groups.Select(G).ToArray()).ToArray();
        InGroup = ClassGroups.Select(gs => Enumerable.Range(0, NGroups).Select(g => gs.Contains(g)).ToArray()).ToArray();
        ClassNotionalKind = Classes.Select(c => c.Notional is ClassNotional).ToArray();
        PremiumNotionalKind = Classes.Select(c => c.Notional is PremiumLoanNotional).ToArray();
        IsPo = Classes.Select(c => c.Is(ClassType.Po)).ToArray();
        AllClasses = Enumerable.Range(0, NClasses).ToArray();
        NotionalChecked = AllClasses.Where(c => ClassNotionalKind[c] || PremiumNotionalKind[c]).ToArray();
        PoClasses = AllClasses.Where(c => IsPo[c]).ToArray();
        NotionalClasses = AllClasses.Where(c => Notional[c]).ToArray();
        PrincipalClasses = AllClasses.Where(c => !Notional[c]).ToArray();
        NotionalMask = Notional.Select(x => x ? -1L : 0L).ToArray();
        PoClass = new int[NGroups];
        Array.Fill(PoClass, -1);
        for (var i = 0; i < NClasses; i++)
            if (Classes[i].Is(ClassType.Po)) foreach (var g in ClassGroups[i]) PoClass[g] = i;
        var subs = deal.ShiftingInterest?.Subordinates ?? deal.Classes.Where(c => c.Is(ClassType.Subordinate)).Select(c => c.Name).ToList();
        Subordinates = subs.Select(C).ToArray();
        var isSub = new bool[NClasses];
        foreach (var s in Subordinates) isSub[s] = true;
        IsSubordinate = isSub;
        Seniors = Enumerable.Range(0, NGroups).Select(g => Enumerable.Range(0, NClasses)
            .Where(i => !isSub[i] && !Notional[i] && !Classes[i].Is(ClassType.Po) && ClassGroups[i].Contains(g)).ToArray()).ToArray();
        AllSeniors = Seniors.SelectMany(x => x).Distinct().ToArray();
        CrossGroups = deal.CrossCollateral is { } cc ? Gs(cc.Groups) : null;
        SubOriginalBelow = new T[Subordinates.Length];
        var below = T.Zero;
        for (var k = Subordinates.Length - 1; k >= 0; k--) { below += Original[Subordinates[k]]; SubOriginalBelow[k] = below; }
        OriginalSubTotal = below;
        OriginalNonPoPool = new T[NGroups];
        OriginalSeniorPct = new T[NGroups];
        for (var g = 0; g < NGroups; g++)
        {
            var po = PoClass[g] >= 0 ? Original[PoClass[g]] : T.Zero;
            OriginalNonPoPool[g] = Num<T>.Of(deal.Groups[g].CutoffBalance) - po;
            var sen = T.Zero;
            foreach (var i in Seniors[g]) sen += Original[i];
            OriginalSeniorPct[g] = OriginalNonPoPool[g] > T.Zero ? Num<T>.Min(T.One, sen / OriginalNonPoPool[g]) : T.One;
        }
        LossOrder = (deal.Losses.Order.Count > 0 ? deal.Losses.Order.Select(C) : Subordinates.Reverse()).ToArray();
        SupportOf = new int[NClasses];
        Array.Fill(SupportOf, -1);
        foreach (var (ss, sup) in deal.Losses.SupportOf) SupportOf[C(ss)] = C(sup);
        NotionalRefs = new int[NClasses][];
        NotionalFactor = new T[NClasses];
        for (var i = 0; i < NClasses; i++)
            if (Classes[i].Notional is ClassNotional cn) { NotionalRefs[i] = cn.Classes.Select(C).ToArray(); NotionalFactor[i] = Num<T>.Of(cn.Factor); }
            else NotionalRefs[i] = [];
        // PAC/TAC bands become scheduled balances once (cached per deal).
        Schedules = Projection.PacSchedules.Resolve(deal).Classes.Select(c => c.Schedule?.Balances?.Select(Num<T>.Of).ToArray()).ToArray();
        Coupons = Classes.Select(c => Compile(c.Coupon)).ToArray();
        FixedCoupon = Coupons.Select(k => k.Kind == CouponKind.Fixed).ToArray();
        FixedRate = Coupons.Select(k => k.Kind == CouponKind.Fixed ? k.Rate : T.Zero).ToArray();
        OtherCoupons = AllClasses.Where(c => !FixedCoupon[c]).ToArray();
        CouponsAfterFour = OtherCoupons.Where(c => Coupons[c].Kind != CouponKind.None || c >= NClasses / 4 * 4).ToArray();
        FixedThirty360 = AllClasses.All(c => !FixedCoupon[c] || DayCounts[c] == Remic.Core.DayCount.Thirty360);
        Steps = deal.Waterfall.Select(Compile).ToArray();
        AccreteTargets = new int[NClasses][];
        foreach (var st in Flatten(Steps))
            if (st is CAccrete a) AccreteTargets[a.Class] = Leaves(a.To).Where(x => x != a.Class).ToArray();
        var all = Flatten(Steps).ToList();
        AllocScratchSize = AssignScratch(all);
        foreach (var st in all)
            if (st is CPayInterest pi)
                pi.Plain = pi.From.Length == 1 && pi.Classes.All(c => ClassGroups[c].Length == 1 && AccreteTargets[c] is null);
        WritesAccretion = all.Any(st => st is CAccrete);
        HasLockout = AllocTrees(all).SelectMany(Nodes).Any(n => n is CLockout);
        WritesPoDeferredPaid = all.Any(st => st is CPayPoDeferred);
        WritesResidual = all.Any(st => st is CPayResidual);
        WritesCorridor = deal.Corridors.Count > 0;
        WritesPaidFrom = all.Any(st => st is CPayInterest pi && pi.Classes.Any(c => ClassGroups[c].Length > 1));
        Beneficiary = new bool[NClasses];
        foreach (var c in deal.Corridors) Beneficiary[C(c.Beneficiary)] = true;
        Beneficiaries = Enumerable.Range(0, NClasses).Where(c => Beneficiary[c]).ToArray();
        Corridors = deal.Corridors.Select(c => new CCorridor(c, C(c.Beneficiary), c.ExcessTo is null ? -1 : C(c.ExcessTo),
            c.NotionalSchedule.Select(Num<T>.Of).ToArray())).ToArray();
        var names = new List<string>();
        foreach (var k in Coupons) if (k.Kind == CouponKind.Formula) k.IndexId = IndexId(names, k.Index);
        foreach (var k in Corridors) k.IndexId = IndexId(names, k.Spec.Index);
        IndexNames = names.ToArray();
        var si = deal.ShiftingInterest;
        HasShifting = si is not null;
        ShiftByYear = (si?.SubordinateShareToSeniorsByYear ?? [0m]).Select(Num<T>.Pct).ToArray();
        StepDownDelinq = Num<T>.Pct(si?.StepDown.DelinquencyPercentOfSubordinates ?? 50);
        StepDownLossByYear = (si?.StepDown.CumulativeLossPercentByYear ?? [100m]).Select(Num<T>.Pct).ToArray();
        TwoTimes = si?.TwoTimesTest;
        TwoTimesDelinq = Num<T>.Pct(TwoTimes?.DelinquencyPercentOfSubordinates ?? 0);
        TwoTimesLossBefore = Num<T>.Pct(TwoTimes?.CumulativeLossPercentBefore ?? 0);
        TwoTimesLossAfter = Num<T>.Pct(TwoTimes?.CumulativeLossPercentAfter ?? 0);
        var origPool = T.Zero;
        foreach (var p in OriginalNonPoPool) origPool += p;
        OriginalNonPoTotal = origPool;
        SubOriginalShare = SubOriginalBelow.Select(b => origPool > T.Zero ? b / origPool : T.Zero).ToArray();
        OriginalSubPct = origPool > T.Zero ? OriginalSubTotal / origPool : T.Zero;
        ClassTriggers = si?.ClassPrepaymentTriggers ?? false;
        FailedKeepsPriorYear = si?.StepDown.FailedKeepsPriorYear ?? true;
        var pool = deal.Groups.Sum(g => g.CutoffBalance);
        Tolerance = typeof(T) == typeof(decimal) ? T.Zero : Num<T>.Of(BalanceTolerance.Projection(pool)); // one statement of it, shared with the loader
    }

    private static int IndexId(List<string> names, string name)
    {
        var i = names.IndexOf(name); // ordinal, as the market's lookup is the market's own
        if (i < 0) { names.Add(name); i = names.Count - 1; }
        return i;
    }

    public int C(string name)
    {
        var i = Deal.ClassIndex(name);
        return i >= 0 ? i : throw new InvalidOperationException($"unknown class '{name}' (the loader's semantic checks should have caught this)");
    }

    public int G(string name)
    {
        var i = Deal.GroupIndex(name);
        return i >= 0 ? i : throw new InvalidOperationException($"unknown group '{name}' (the loader's semantic checks should have caught this)");
    }

    private int[] Gs(IReadOnlyList<string> names) => names.Count == 1 && names[0] == "all" ? Enumerable.Range(0, NGroups).ToArray() : names.Select(G).ToArray();

    private CStep Compile(Step s)
    {
        var c = CompileStep(s);
        return c with { Origin = s, Op = OpOf(c) };
    }

    private static StepOp OpOf(CStep s) => s switch
    {
        CPayPo => StepOp.PayPo,
        CPayInterest => StepOp.PayInterest,
        CPayPrincipal => StepOp.PayPrincipal,
        CAccrete => StepOp.Accrete,
        CPayPoDeferred => StepOp.PayPoDeferred,
        CPaySubordinates => StepOp.PaySubordinates,
        CPayResidual => StepOp.PayResidual,
        CWhen => StepOp.When,
        _ => throw new NotSupportedException(s.GetType().Name),
    };

    private CStep CompileStep(Step s) => s switch
    {
        PayPoPrincipal p => new CPayPo(G(p.Group), C(p.Class)),
        PayInterest p => new CPayInterest(Gs(p.From), p.Classes.Select(C).ToArray()),
        PayPrincipal p => new CPayPrincipal(Gs(p.From), p.Amount, Compile(p.To), p.AfterDepletion is { } ad ? Compile(ad) : null),
        Accrete a => new CAccrete(C(a.Class), Gs(a.From), Compile(a.To)),
        PayPoDeferred d => new CPayPoDeferred(Gs(d.From)),
        PaySubordinates p => new CPaySubordinates(Gs(p.From), p.Classes.Select(C).ToArray()),
        PayResidual r => new CPayResidual(Gs(r.From), C(r.Class)),
        When w => new CWhen(Compile(w.If), w.Then.Select(Compile).ToArray(), w.Else.Select(Compile).ToArray()),
        _ => throw new NotSupportedException(s.GetType().Name),
    };

    private CCoupon Compile(CouponSpec c) => c switch
    {
        FixedCoupon f => new CCoupon(CouponKind.Fixed) { Rate = Num<T>.Pct(f.Rate) },
        FormulaCoupon f => new CCoupon(CouponKind.Formula)
        {
            Index = f.Index, Multiplier = Num<T>.Of(f.Multiplier), Margin = Num<T>.Pct(f.Margin),
            Cap = f.Cap is { } cap ? Num<T>.Pct(cap) : null, Floor = f.Floor is { } fl ? Num<T>.Pct(fl) : null,
            NetWacGroups = f.NetWacCapGroups is { Count: > 0 } g ? Gs(g) : null,
        },
        NetWacCoupon n => new CCoupon(CouponKind.NetWac) { NetWacGroups = Gs(n.Groups), Margin = Num<T>.Pct(n.Minus) },
        StripExcessCoupon => new CCoupon(CouponKind.StripExcess),
        _ => new CCoupon(CouponKind.None),
    };

    private CCondition Compile(Condition c) => c switch
    {
        ClassesOutstanding o => new CClassesOutstanding(o.Classes.Select(C).ToArray()),
        PeriodBetween p => new CPeriodBetween(p.From, p.To),
        StepDownPassed => new CStepDown(),
        _ => throw new NotSupportedException(c.GetType().Name),
    };

    private CAlloc Compile(Allocation a) => a switch
    {
        ToClass t => new CToClass(C(t.Class)),
        Sequential s => new CSequential(s.Parts.Select(Compile).ToArray()),
        ProRata p => WithLeaves(new CProRata(p.Parts.Select(Compile).ToArray())),
        Split s => new CSplit(s.Parts.Select(x => Num<T>.Pct(x.Percent)).ToArray(), s.Parts.Select(x => Compile(x.To)).ToArray()),
        ToSchedule t => new CToSchedule(C(t.Class)),
        Lockout l => new CLockout(C(l.Class), l.ShiftPercentByYear.Select(Num<T>.Pct).ToArray()),
        _ => throw new NotSupportedException(a.GetType().Name),
    };

    private static CProRata WithLeaves(CProRata p) => p;

    /// <summary>
    /// Gives every pro rata and split node of the steps' allocation trees (including the default after-depletion pro rata) its own
    /// slice of the ledger's allocation scratch: a node is never entered again while it runs (the trees are trees), so no two
    /// live uses share a slice, and the untraced allocation needs no stackalloc (which kept it from being inlined).
    /// </summary>
    private static int AssignScratch(List<CStep> steps)
    {
        var seen = new HashSet<CAlloc>(ReferenceEqualityComparer.Instance);
        var size = 0;
        void Walk(CAlloc a)
        {
            if (!seen.Add(a)) return;
            switch (a)
            {
                case CSequential s: foreach (var x in s.Parts) Walk(x); break;
                case CProRata p: p.Scratch = size; size += 2 * p.Parts.Length; foreach (var x in p.Parts) Walk(x); break;
                case CSplit s: s.Scratch = size; size += s.Parts.Length; foreach (var x in s.Parts) Walk(x); break;
            }
        }
        foreach (var tree in AllocTrees(steps)) Walk(tree);
        return size;
    }

    /// <summary>The allocation trees of the steps, in step order: a pay_principal step's tree and its after-depletion pro rata,
    /// an accrete step's tree.</summary>
    private static IEnumerable<CAlloc> AllocTrees(IEnumerable<CStep> steps) => steps.SelectMany(st => st switch
    {
        CPayPrincipal pp => new[] { pp.To, pp.Depleted },
        CAccrete ac => [ac.To],
        _ => [],
    });

    /// <summary>Every node of an allocation tree, the root first.</summary>
    private static IEnumerable<CAlloc> Nodes(CAlloc a) => a switch
    {
        CSequential s => s.Parts.SelectMany(Nodes).Prepend(a),
        CProRata p => p.Parts.SelectMany(Nodes).Prepend(a),
        CSplit s => s.Parts.SelectMany(Nodes).Prepend(a),
        _ => [a],
    };

    private static IEnumerable<CStep> Flatten(IEnumerable<CStep> steps) =>
        steps.SelectMany(s => s is CWhen w ? Flatten(w.Then).Concat(Flatten(w.Else)).Prepend(s) : [s]);

    /// <summary>Every class an allocation can pay (for pro rata weights and NAS shares).</summary>
    public static IEnumerable<int> Leaves(CAlloc a) => a switch
    {
        CToClass t => [t.Class],
        CToSchedule t => [t.Class],
        CLockout l => [l.Class],
        CSequential s => s.Parts.SelectMany(Leaves).Distinct(),
        CProRata p => p.Parts.SelectMany(Leaves).Distinct(),
        CSplit s => s.Parts.SelectMany(Leaves).Distinct(),
        _ => [],
    };

    // Compiled mirrors of the model's steps: the same vocabulary with indices instead of names.
    /// <summary>A compiled step's kind: the interpreter switches on it (a jump table) instead of testing the step's type case by case.</summary>
    internal enum StepOp { PayPo, PayInterest, PayPrincipal, Accrete, PayPoDeferred, PaySubordinates, PayResidual, When }

    internal abstract record CStep
    {
        /// <summary>The deal file's step (its line, psa: and note:, for traces).</summary>
        public Step Origin { get; init; } = null!;
        /// <summary>The step's kind (always that of its record type; set by <see cref="Compile(Step)"/>).</summary>
        public StepOp Op { get; init; }
    }
    internal sealed record CPayPo(int Group, int Class) : CStep
    {
        public readonly int[] From = [Group];
    }
    internal sealed record CPayInterest(int[] From, int[] Classes) : CStep
    {
        /// <summary>One group's funds, and every class of one group and no accrual class: each class is due its interest less
        /// what it was paid, drawn from that group alone (the interpreter's short path; set by the constructor of the deal).</summary>
        public bool Plain;
    }
    internal sealed record CPayPrincipal(int[] From, PrincipalAmount Amount, CAlloc To, CAlloc? AfterDepletion) : CStep
    {
        public readonly int[] ToLeaves = Leaves(To).ToArray();
        /// <summary>On and after the Senior Credit Support Depletion Date: the deal's own order, else the step's classes pro rata.</summary>
        public readonly CAlloc Depleted = AfterDepletion ?? new CProRata(Leaves(To).Select(c => (CAlloc)new CToClass(c)).ToArray());
    }
    internal sealed record CAccrete(int Class, int[] From, CAlloc To) : CStep;
    internal sealed record CPayPoDeferred(int[] From) : CStep;
    internal sealed record CPaySubordinates(int[] From, int[] Classes) : CStep;
    internal sealed record CPayResidual(int[] From, int Class) : CStep;
    internal sealed record CWhen(CCondition If, CStep[] Then, CStep[] Else) : CStep;

    internal abstract record CCondition;
    internal sealed record CClassesOutstanding(int[] Classes) : CCondition;
    internal sealed record CPeriodBetween(int From, int To) : CCondition;
    internal sealed record CStepDown : CCondition;

    /// <summary>An allocation node's kind: the allocation switches on it (a jump table) instead of testing the node's type case by case.</summary>
    internal enum AllocOp { ToClass, Sequential, ProRata, Split, ToSchedule, Lockout }

    /// <summary>A node of a principal allocation tree; <see cref="Op"/> is set by each record's constructor, so it is always its type's.</summary>
    internal abstract record CAlloc(AllocOp Op);
    internal sealed record CToClass(int Class) : CAlloc(AllocOp.ToClass);
    internal sealed record CSequential(CAlloc[] Parts) : CAlloc(AllocOp.Sequential);
    internal sealed record CProRata(CAlloc[] Parts) : CAlloc(AllocOp.ProRata)
    {
        public readonly int[][] PartLeaves = Parts.Select(p => Leaves(p).ToArray()).ToArray();
        /// <summary>Start of this node's slice of <see cref="Ledger{T}.AllocScratch"/>: weights, then shares (2 × parts).</summary>
        public int Scratch;
    }
    internal sealed record CSplit(T[] Shares, CAlloc[] Parts) : CAlloc(AllocOp.Split)
    {
        /// <summary>Start of this node's slice of <see cref="Ledger{T}.AllocScratch"/>: the shares (one per part).</summary>
        public int Scratch;
    }
    internal sealed record CToSchedule(int Class) : CAlloc(AllocOp.ToSchedule);
    internal sealed record CLockout(int Class, T[] ShiftByYear) : CAlloc(AllocOp.Lockout);

    internal sealed record CCorridor(CorridorSpec Spec, int Beneficiary, int ExcessTo, T[] Notional)
    {
        public readonly T Strike = Num<T>.Pct(Spec.Strike);
        public readonly T Ceiling = Num<T>.Pct(Spec.Ceiling);
        public int IndexId;
    }

    internal enum CouponKind { None, Fixed, Formula, NetWac, StripExcess }

    /// <summary>A class's coupon with its rates already in T (annual fractions).</summary>
    internal sealed record CCoupon(CouponKind Kind)
    {
        public T Rate, Multiplier, Margin;
        public T? Cap, Floor;
        public string Index = "";
        public int IndexId;
        public int[]? NetWacGroups;
    }
}
