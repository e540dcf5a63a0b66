using System.Numerics;

namespace Remic.Deals.Waterfall;

/// <summary>
/// One group's collections as the ledger holds them for a distribution: the figures of <see cref="GroupCollections{T}"/>
/// in a struct the ledger owns (one array for the run, refilled each date), so a projection builds no record per
/// group per month and the liquidated loans' interest is applied in place. Same names and formulas as the record.
/// </summary>
internal struct GroupFlows<T> where T : unmanaged, IFloatingPoint<T>
{
    public T BeginBalance, ScheduledPrincipal, Prepayments, LiquidationProceeds, RealizedLoss, NetInterest;
    public T PrepaymentInterestShortfall, ReliefActShortfall;
    public T PoBeginBalance, PoScheduledPrincipal, PoPrepayments, PoLiquidationProceeds, PoRealizedLoss;
    public T ClassXExcessInterest, PremiumLoanBalance, SeriousDelinquency, CumulativeLoss, LiquidatedLoanInterest;

    public readonly T Principal => ScheduledPrincipal + Prepayments + LiquidationProceeds;
    public readonly T EndBalance => BeginBalance - Principal - RealizedLoss;
    public readonly T PoPrincipal => PoScheduledPrincipal + PoPrepayments + PoLiquidationProceeds;
    public readonly T PoEndBalance => PoBeginBalance - PoPrincipal - PoRealizedLoss;
    public readonly T AvailableFunds => NetInterest - PrepaymentInterestShortfall - ReliefActShortfall + Principal;

    public static GroupFlows<T> From(GroupCollections<T> c) => new()
    {
        BeginBalance = c.BeginBalance, ScheduledPrincipal = c.ScheduledPrincipal, Prepayments = c.Prepayments,
        LiquidationProceeds = c.LiquidationProceeds, RealizedLoss = c.RealizedLoss, NetInterest = c.NetInterest,
        PrepaymentInterestShortfall = c.PrepaymentInterestShortfall, ReliefActShortfall = c.ReliefActShortfall,
        PoBeginBalance = c.PoBeginBalance, PoScheduledPrincipal = c.PoScheduledPrincipal, PoPrepayments = c.PoPrepayments,
        PoLiquidationProceeds = c.PoLiquidationProceeds, PoRealizedLoss = c.PoRealizedLoss,
        ClassXExcessInterest = c.ClassXExcessInterest, PremiumLoanBalance = c.PremiumLoanBalance,
        SeriousDelinquency = c.SeriousDelinquency, CumulativeLoss = c.CumulativeLoss, LiquidatedLoanInterest = c.LiquidatedLoanInterest,
    };

    public readonly GroupCollections<T> ToRecord() => new()
    {
        BeginBalance = BeginBalance, ScheduledPrincipal = ScheduledPrincipal, Prepayments = Prepayments,
        LiquidationProceeds = LiquidationProceeds, RealizedLoss = RealizedLoss, NetInterest = NetInterest,
        PrepaymentInterestShortfall = PrepaymentInterestShortfall, ReliefActShortfall = ReliefActShortfall,
        PoBeginBalance = PoBeginBalance, PoScheduledPrincipal = PoScheduledPrincipal, PoPrepayments = PoPrepayments,
        PoLiquidationProceeds = PoLiquidationProceeds, PoRealizedLoss = PoRealizedLoss,
        ClassXExcessInterest = ClassXExcessInterest, PremiumLoanBalance = PremiumLoanBalance,
        SeriousDelinquency = SeriousDelinquency, CumulativeLoss = CumulativeLoss, LiquidatedLoanInterest = LiquidatedLoanInterest,
    };
}
