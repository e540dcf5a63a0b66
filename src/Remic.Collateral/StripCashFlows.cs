namespace Remic.Collateral;

/// <summary>
/// A group's Class PO / Class X split at a strip rate. Discount loans (net rate below the strip)
/// give the fraction (strip − net)/strip of their principal (and losses) to the PO component;
/// premium loans give (net − strip) of interest to the notional Class X. The rest of the group
/// is the non-PO pool at the strip rate. Arrays are indexed like <see cref="GroupCashFlows"/>.
/// </summary>
public sealed class StripCashFlows
{
    public double StripRate { get; }
    public double[] PoBeginBalance { get; }
    public double[] PoScheduledPrincipal { get; }
    public double[] PoPrepayment { get; }
    public double[] PoDefaults { get; }
    public double[] PoLiquidationProceeds { get; }
    public double[] PoRealizedLoss { get; }
    public double[] PoEndBalance { get; }
    /// <summary>Interest above the strip rate on premium loans: the Class X interest.</summary>
    public double[] ExcessInterest { get; }
    /// <summary>Balance of premium loans, the Class X notional (before weighting by their excess rate).</summary>
    public double[] PremiumBalance { get; }

    public StripCashFlows(double stripRate, int months)
    {
        StripRate = stripRate;
        double[] A() => new double[months + 1];
        PoBeginBalance = A(); PoScheduledPrincipal = A(); PoPrepayment = A(); PoDefaults = A();
        PoLiquidationProceeds = A(); PoRealizedLoss = A(); PoEndBalance = A(); ExcessInterest = A(); PremiumBalance = A();
    }

    /// <summary>Every series zeroed, as a new one is.</summary>
    internal void Clear()
    {
        Array.Clear(PoBeginBalance); Array.Clear(PoScheduledPrincipal); Array.Clear(PoPrepayment); Array.Clear(PoDefaults);
        Array.Clear(PoLiquidationProceeds); Array.Clear(PoRealizedLoss); Array.Clear(PoEndBalance); Array.Clear(ExcessInterest);
        Array.Clear(PremiumBalance);
    }

    public double PoPrincipal(int m) => PoScheduledPrincipal[m] + PoPrepayment[m] + PoLiquidationProceeds[m];
}
