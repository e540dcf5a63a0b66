using System.Numerics;

namespace Remic.Deals.Waterfall;

/// <summary>
/// What one loan group collected for one distribution date, as the master servicer's remittance report
/// gives it (trustee) or a projection computes it. Amounts in dollars; PO figures are the Class PO portion
/// (zero for groups without a strip).
/// </summary>
public sealed record GroupCollections<T> where T : unmanaged, IFloatingPoint<T>
{
    /// <summary>Stated principal balance of the group at the start of the period (after the prior distribution).</summary>
    public T BeginBalance { get; init; }
    public T ScheduledPrincipal { get; init; }
    /// <summary>Prepayments in full and curtailments.</summary>
    public T Prepayments { get; init; }
    public T LiquidationProceeds { get; init; }
    public T RealizedLoss { get; init; }
    /// <summary>Interest collected and advanced, net of servicing, trustee and LPMI fees.</summary>
    public T NetInterest { get; init; }
    /// <summary>Prepayment interest shortfall not covered by compensating interest.</summary>
    public T PrepaymentInterestShortfall { get; init; }
    /// <summary>Interest not collectable under the Servicemembers Civil Relief Act.</summary>
    public T ReliefActShortfall { get; init; }
    public T PoBeginBalance { get; init; }
    public T PoScheduledPrincipal { get; init; }
    public T PoPrepayments { get; init; }
    public T PoLiquidationProceeds { get; init; }
    public T PoRealizedLoss { get; init; }
    /// <summary>Interest on premium loans above the strip rate: Class X's interest.</summary>
    public T ClassXExcessInterest { get; init; }
    /// <summary>Stated principal balance of the premium loans (the Class X notional amount).</summary>
    public T PremiumLoanBalance { get; init; }
    /// <summary>Loans 60+ days delinquent, in foreclosure, REO or bankruptcy (for the step-down tests).</summary>
    public T SeriousDelinquency { get; init; }
    /// <summary>Realised losses since the cut-off, including this period's.</summary>
    public T CumulativeLoss { get; init; }
    /// <summary>
    /// Interest accrued at the net rate on the loans liquidated this period and neither collected nor advanced
    /// (their last month). The PSA's Realized Loss includes it: the waterfall applies the liquidation proceeds to it
    /// first (as interest) and adds it to the realised loss; what the proceeds cannot cover reduces the classes'
    /// interest like a Relief Act shortfall. <see cref="RealizedLoss"/> and <see cref="LiquidationProceeds"/> are
    /// given before that application.
    /// </summary>
    public T LiquidatedLoanInterest { get; init; }

    public T Principal => ScheduledPrincipal + Prepayments + LiquidationProceeds;
    public T EndBalance => BeginBalance - Principal - RealizedLoss;
    public T PoPrincipal => PoScheduledPrincipal + PoPrepayments + PoLiquidationProceeds;
    public T PoEndBalance => PoBeginBalance - PoPrincipal - PoRealizedLoss;
    /// <summary>Available Funds: net interest less uncovered shortfalls, plus every principal collection.</summary>
    public T AvailableFunds => NetInterest - PrepaymentInterestShortfall - ReliefActShortfall + Principal;
}

/// <summary>One distribution date's collections, one entry per loan group in the deal's group order.</summary>
public sealed record PeriodCollections<T>(IReadOnlyList<GroupCollections<T>> Groups) where T : unmanaged, IFloatingPoint<T>;

/// <summary>
/// Market inputs for a period: index fixings (annual fractions, e.g. LIBOR_1MO = 0.0532) and the actual
/// days in the floaters' accrual period.
/// </summary>
public sealed record PeriodMarket(int Period, DateOnly DistributionDate, int ActualDays, IReadOnlyDictionary<string, double> Indices)
{
    public double Index(string name) => Indices.TryGetValue(name, out var v) ? v : throw NoValue(name);

    /// <summary>The error for an index a coupon or corridor uses and the market does not give.</summary>
    internal static Remic.Core.RemicInputException NoValue(string name) => new("--index", 0, name, null,
        $"a coupon or corridor uses index '{name}' but no value was given for it (e.g. --index \"{name}=5.32\")");
}
