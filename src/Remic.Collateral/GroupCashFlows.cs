namespace Remic.Collateral;

/// <summary>
/// One loan group's projected collateral cash flows. Arrays are indexed by projection month
/// 1..<see cref="Months"/>; index 0 is the cut-off (only <see cref="EndBalance"/>[0] is set there).
/// Balances include defaulted loans until they are liquidated (at their balance at default, or under P&amp;I advancing at
/// their Stated Principal Balance, reduced by the scheduled principal advanced).
/// </summary>
public sealed class GroupCashFlows
{
    public string Group { get; }
    public int Months { get; }
    public double[] BeginBalance { get; }
    public double[] ScheduledPrincipal { get; }
    public double[] Prepayment { get; }
    public double[] Defaults { get; }
    public double[] LiquidationProceeds { get; }
    public double[] RealizedLoss { get; }
    public double[] GrossInterest { get; }
    public double[] ServicingFee { get; }
    public double[] OtherFees { get; }
    public double[] NetInterest { get; }
    /// <summary>Net interest the servicer advanced on delinquent (defaulted, not yet liquidated) loans; included in <see cref="NetInterest"/>.</summary>
    public double[] Advances { get; }
    /// <summary>Scheduled principal the servicer advanced on delinquent loans (P&amp;I advancing only); included in <see cref="ScheduledPrincipal"/>.</summary>
    public double[] PrincipalAdvances { get; }
    /// <summary>
    /// Advances (interest and principal) the servicer recovered from the gross liquidation proceeds of the loans liquidated
    /// in the month: gross proceeds = <see cref="LiquidationProceeds"/> (passed to certificateholders) + this.
    /// </summary>
    public double[] AdvancesRecovered { get; }
    public double[] EndBalance { get; }
    public double[] LoanCount { get; }

    public GroupCashFlows(string group, int months)
    {
        Group = group;
        Months = months;
        double[] A() => new double[months + 1];
        BeginBalance = A(); ScheduledPrincipal = A(); Prepayment = A(); Defaults = A();
        LiquidationProceeds = A(); RealizedLoss = A(); GrossInterest = A(); ServicingFee = A();
        OtherFees = A(); NetInterest = A(); Advances = A(); EndBalance = A(); LoanCount = A();
        PrincipalAdvances = A(); AdvancesRecovered = A();
    }

    /// <summary>Every series zeroed, as a new one is (a reused projection's buffers before the next scenario).</summary>
    internal void Clear()
    {
        Array.Clear(BeginBalance); Array.Clear(ScheduledPrincipal); Array.Clear(Prepayment); Array.Clear(Defaults);
        Array.Clear(LiquidationProceeds); Array.Clear(RealizedLoss); Array.Clear(GrossInterest); Array.Clear(ServicingFee);
        Array.Clear(OtherFees); Array.Clear(NetInterest); Array.Clear(Advances); Array.Clear(EndBalance); Array.Clear(LoanCount);
        Array.Clear(PrincipalAdvances); Array.Clear(AdvancesRecovered);
    }

    /// <summary>Principal passed to certificateholders in month m: scheduled + prepaid + liquidation proceeds.</summary>
    public double Principal(int m) => ScheduledPrincipal[m] + Prepayment[m] + LiquidationProceeds[m];

    public double TotalPrincipal => Sum(1, m => Principal(m));
    public double TotalNetInterest => Sum(1, m => NetInterest[m]);
    public double TotalRealizedLoss => Sum(1, m => RealizedLoss[m]);
    public double TotalDefaults => Sum(1, m => Defaults[m]);

    /// <summary>Weighted average life in years from the cut-off, month m's principal at m/12 years.</summary>
    public double WalYears()
    {
        double num = 0, den = 0;
        for (var m = 1; m <= Months; m++) { var p = Principal(m); num += m * p; den += p; }
        return den == 0 ? 0 : num / den / 12;
    }

    /// <summary>Last month with a balance before it (0 if the group starts empty).</summary>
    public int MonthsToZero()
    {
        for (var m = Months; m >= 1; m--) if (BeginBalance[m] > 0.005) return m;
        return 0;
    }

    private double Sum(int from, Func<int, double> f)
    {
        double s = 0;
        for (var m = from; m <= Months; m++) s += f(m);
        return s;
    }
}
