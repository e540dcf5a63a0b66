using System.Numerics;

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
    public PeriodCollections<T> Collections = null!;
    /// <summary>The collections' groups as an array: read in every step, and an array index is cheaper than the list interface.</summary>
    public GroupCollections<T>[] Groups = null!;
    public PeriodMarket Market = null!;
    public PeriodResult<T> R = null!;
    /// <summary>The period's class balances: a new array each period, as it becomes the result's and next state's balances.</summary>
    public T[] Balance = null!;
    public readonly T[] Fund;
    public readonly T[] SeniorPda;
    public readonly T[] NonPoPrincipal;
    public readonly T[] PoPda;
    public readonly T[] AccrualCash;
    public readonly T[] PoDeferredPaid;
    public readonly T[] NonPoBegin;
    public T SubScheduled, SubPrepay, SubTakenForDeferred, CashOut, StepLeafBalance;
    public bool StepDown;

    public Ledger(CompiledDeal<T> deal)
    {
        Deal = deal;
        Fund = new T[deal.NGroups];
        SeniorPda = new T[deal.NGroups];
        NonPoPrincipal = new T[deal.NGroups];
        PoPda = new T[deal.NGroups];
        NonPoBegin = new T[deal.NGroups];
        PoDeferredPaid = new T[deal.NGroups];
        AccrualCash = new T[deal.NClasses];
    }

    /// <summary>Starts a distribution: every working amount back to zero, balances from the state.</summary>
    public void Begin(DealState<T> state, PeriodCollections<T> coll, PeriodMarket market, PeriodResult<T> r)
    {
        State = state; Collections = coll; Market = market; R = r;
        Groups = coll.Groups as GroupCollections<T>[] ?? coll.Groups.ToArray();
        Balance = (T[])state.Balances.Clone();
        Array.Clear(Fund); Array.Clear(SeniorPda); Array.Clear(NonPoPrincipal); Array.Clear(PoPda);
        Array.Clear(NonPoBegin); Array.Clear(PoDeferredPaid); Array.Clear(AccrualCash);
        SubScheduled = SubPrepay = SubTakenForDeferred = CashOut = StepLeafBalance = T.Zero;
        StepDown = false;
    }

    public int Period => State.Period;
    public int YearIndex => (State.Period - 1) / 12;

    public T Available(int[] from)
    {
        var s = T.Zero;
        foreach (var g in from) s += Fund[g];
        return s;
    }

    /// <summary>Takes up to <paramref name="want"/> from the groups' funds in order; returns what it got.</summary>
    public T Draw(int[] from, T want)
    {
        var got = T.Zero;
        foreach (var g in from)
        {
            if (want - got <= T.Zero) break;
            var take = Num<T>.Min(Fund[g], want - got);
            if (take <= T.Zero) continue;
            Fund[g] -= take;
            got += take;
        }
        return got;
    }

    /// <summary>
    /// Interest for class <paramref name="c"/>: a class of several of the paying groups draws from each in
    /// proportion to what that group owes it (Class X: the group's excess interest; others: the group's non-PO
    /// balance), so one group's funds do not carry another's share; any remainder comes from the groups in order.
    /// </summary>
    public T DrawFor(int c, int[] from, T want)
    {
        if (from.Length < 2 || Deal.ClassGroups[c].Length < 2 || want <= T.Zero) return Draw(from, want);
        var member = Deal.InGroup[c];
        var strip = Deal.Coupons[c].Kind == CompiledDeal<T>.CouponKind.StripExcess;
        var total = T.Zero;
        foreach (var g in from)
            if (member[g]) total += strip ? Groups[g].ClassXExcessInterest : NonPoBegin[g];
        if (total <= T.Zero) return Draw(from, want);
        var got = T.Zero;
        foreach (var g in from)
        {
            if (!member[g]) continue;
            var w = strip ? Groups[g].ClassXExcessInterest : NonPoBegin[g];
            var take = Num<T>.Min(Fund[g], Num<T>.Cents(want * w / total));
            take = Num<T>.Min(take, want - got);
            if (take <= T.Zero) continue;
            Fund[g] -= take;
            got += take;
        }
        return got + Draw(from, want - got);
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
