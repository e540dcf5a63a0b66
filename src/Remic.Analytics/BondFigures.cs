namespace Remic.Analytics;

/// <summary>
/// Price/yield figures for one class at one settlement and price, as Computational Materials print them.
/// Prices are percent of the balance bought; yields are annual fractions (bond-equivalent); times in years.
/// </summary>
/// <param name="CleanPrice">Quoted price, percent.</param>
/// <param name="DirtyPrice">Clean + accrued, percent of the balance bought.</param>
/// <param name="DirtyAmount">Settlement amount in currency.</param>
/// <param name="Yield">Bond-equivalent cash-flow yield Y = 2((1+i)^6 − 1).</param>
/// <param name="MonthlyYield">The monthly rate i solved for.</param>
/// <param name="Wal">Weighted average life from settlement, years (30/360).</param>
/// <param name="MacaulayDuration">Σ t·PV / dirty on the bond-equivalent basis, years.</param>
/// <param name="ModifiedDuration">Macaulay / (1 + Y/2).</param>
/// <param name="Convexity">(1/P)·∂²P/∂Y² / 100 (the Intex/Bloomberg scale: %ΔP for ΔY = 1% is −ModDur + ½·Convexity).</param>
/// <param name="FinalMaturity">Date of the last principal payment (expected final maturity under the scenario).</param>
/// <param name="MaturityMonths">Months from the settlement month to the final maturity month.</param>
public sealed record BondFigures(
    DateOnly Settle,
    double CleanPrice,
    AccruedInterest Accrued,
    double DirtyPrice,
    double DirtyAmount,
    double Yield,
    double MonthlyYield,
    double Wal,
    double MacaulayDuration,
    double ModifiedDuration,
    double Convexity,
    PrincipalWindow Window,
    DateOnly? FinalMaturity,
    int MaturityMonths,
    double TotalPrincipal,
    double TotalInterest,
    double TotalLoss)
{
    public double TotalCash => TotalPrincipal + TotalInterest;
}
