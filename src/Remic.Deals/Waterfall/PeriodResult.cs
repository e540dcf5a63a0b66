using System.Numerics;

namespace Remic.Deals.Waterfall;

/// <summary>
/// One distribution date: per-class amounts (arrays by deal class order), per-group figures, and the state
/// after the distribution. Interest shortfall = prepayment-interest and Relief Act shortfalls allocated to
/// the class (not carried); unpaid interest = interest due but not paid for lack of funds (carried).
/// </summary>
public sealed class PeriodResult<T> where T : unmanaged, IFloatingPoint<T>
{
    public PeriodResult(int classes, int groups)
    {
        T[] C() => new T[classes];
        T[] G() => new T[groups];
        BeginBalance = C(); Coupon = C(); InterestDue = C(); InterestPaid = C(); InterestShortfall = C();
        Principal = C(); Loss = C(); Accretion = C();
        PoDeferredPaid = C(); CorridorPaid = C(); CapShortfall = C();
        AvailableFunds = G(); SeniorPercentage = G(); SeniorPrepaymentPercentage = G(); SeniorPrincipal = G();
        PoPrincipal = G(); CollateralPrincipal = G(); CollateralLoss = G(); PoolEndBalance = G();
        PoPoolEndBalance = G(); StepDownPassed = new bool[groups];
        Residual = C(); LiquidationInterest = G();
    }

    /// <summary>
    /// Back to a fresh result's zeros where the distribution adds to what is there (a run reuses its results from one
    /// scenario to the next). Every other array and figure is written whole by each distribution; WaterfallRunTests
    /// compare reused results with fresh ones after longer, shorter and called runs.
    /// </summary>
    internal void Clear(CompiledDeal<T> d)
    {
        Num<T>.Clear(InterestPaid); Num<T>.Clear(InterestShortfall); Num<T>.Clear(Principal); Num<T>.Clear(Loss);
        Num<T>.Clear(LiquidationInterest);
        // Arrays only some deals' steps write (CompiledDeal.Writes): in any other deal they are still a fresh result's zeros.
        if (d.WritesAccretion) Num<T>.Clear(Accretion);
        if (d.WritesPoDeferredPaid) Num<T>.Clear(PoDeferredPaid);
        if (d.WritesCorridor) { Num<T>.Clear(CorridorPaid); Num<T>.Clear(CapShortfall); }
        if (d.WritesResidual) Num<T>.Clear(Residual);
        ResidualPaid = CorridorReceived = PrincipalShortfall = UnpayablePrincipal = ExtraPrincipal = T.Zero;
    }

    public int Period { get; internal set; }
    public DateOnly DistributionDate { get; internal set; }
    public T[] BeginBalance { get; }
    /// <summary>Pass-through rate (annual fraction) for the period.</summary>
    public T[] Coupon { get; }
    /// <summary>Accrued Certificate Interest: current interest less allocated shortfalls, plus unpaid from before.</summary>
    public T[] InterestDue { get; }
    public T[] InterestPaid { get; }
    public T[] InterestShortfall { get; }
    public T[] UnpaidInterest { get; internal set; } = null!;
    public T[] Principal { get; }
    public T[] Loss { get; }
    public T[] Accretion { get; }
    /// <summary>Balances after the distribution (the same array as <see cref="Next"/>'s balances).</summary>
    public T[] EndBalance { get; internal set; } = null!;
    /// <summary>Class PO Deferred Amounts paid (cash that does not reduce the PO balance).</summary>
    public T[] PoDeferredPaid { get; }
    /// <summary>Corridor payments received (beneficiary: cap shortfall covered; others: excess).</summary>
    public T[] CorridorPaid { get; }
    public T[] CapShortfall { get; }
    /// <summary>What each residual class received from its pay_residual steps (the rest of Available Funds).</summary>
    public T[] Residual { get; }

    public T[] AvailableFunds { get; }
    public T[] SeniorPercentage { get; }
    public T[] SeniorPrepaymentPercentage { get; }
    public T[] SeniorPrincipal { get; }
    public T[] PoPrincipal { get; }
    public T[] CollateralPrincipal { get; }
    /// <summary>Realised losses of the group, including the liquidated loans' accrued interest (<see cref="LiquidationInterest"/>).</summary>
    public T[] CollateralLoss { get; }
    /// <summary>
    /// Liquidation proceeds applied to the liquidated loans' accrued interest (part of <see cref="CollateralLoss"/>; not
    /// part of <see cref="CollateralPrincipal"/>, which holds only the proceeds allocable to principal).
    /// </summary>
    public T[] LiquidationInterest { get; }
    public T[] PoolEndBalance { get; }
    public T[] PoPoolEndBalance { get; }
    public bool[] StepDownPassed { get; }
    /// <summary>The date is on or after the Senior Credit Support Depletion Date (the subordinates are exhausted).</summary>
    public bool SeniorCreditSupportDepleted { get; internal set; }
    public T SubordinatePrincipal { get; internal set; }
    public T ResidualPaid { get; internal set; }
    public T CorridorReceived { get; internal set; }
    /// <summary>Subordinate writedowns (Class PO Deferred payments and undercollateralisation), part of <see cref="Loss"/>.</summary>
    public T Writedown { get; internal set; }
    /// <summary>Principal that was due to classes but could not be paid for lack of Available Funds.</summary>
    public T PrincipalShortfall { get; internal set; }
    /// <summary>Principal collected that no class could take (every class it could go to is retired); it stays in Available Funds.</summary>
    public T UnpayablePrincipal { get; internal set; }
    /// <summary>Principal paid out of interest (cross-collateralisation beyond the subordinates' principal).</summary>
    public T ExtraPrincipal { get; internal set; }

    public DealState<T> Next { get; internal set; } = null!;
}
