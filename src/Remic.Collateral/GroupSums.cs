namespace Remic.Collateral;

/// <summary>
/// What the loan loop adds up for one loan group: the group's cash-flow sums plus the two series only
/// the group-level bookkeeping needs (performing balance at each month end, net interest on loans in the
/// month they default). A projection has one per group; each parallel chunk has its own, merged in order.
/// </summary>
internal sealed class GroupSums
{
    public GroupCashFlows Flows { get; }
    /// <summary>Balance of loans still performing at the end of each month (index 0 = cut-off).</summary>
    public double[] PerformingEnd { get; }
    /// <summary>Net interest, at the loan's net rate, on balances defaulting in each month (the advance base).</summary>
    public double[] DefaultNetInterest { get; }
    public StripCashFlows? Strip { get; }
    /// <summary>A parallel chunk's sums: some loan of the chunk was added (see <see cref="ChunkedProjection"/>).</summary>
    public bool Used { get; set; }

    // Interest or no advancing: premium-loan balance defaulting each month and its excess interest (Class X on
    // delinquent premium loans, summed over the months a default awaits liquidation by the group bookkeeping).
    public double[] PremiumDefaults { get; }
    public double[] ExcessDefaults { get; }
    // P&I advancing (the loan loop follows each delinquent loan's Stated Principal Balance):
    /// <summary>Stated balance of delinquent loans at month end (not yet liquidated).</summary>
    public double[] DelinquentEnd { get; }
    /// <summary>Stated balance of loans liquidated in the month.</summary>
    public double[] LiquidatedStated { get; }
    public double[] InterestAdvanced { get; }
    public double[] PrincipalAdvanced { get; }
    /// <summary>Interest advanced over their delinquency on the loans liquidated in the month.</summary>
    public double[] InterestRecovered { get; }
    public double[] PoDelinquentEnd { get; }
    public double[] PoLiquidatedStated { get; }

    public GroupSums(string group, int months, double? stripRate)
    {
        Flows = new GroupCashFlows(group, months);
        PerformingEnd = new double[months + 1];
        DefaultNetInterest = new double[months + 1];
        Strip = stripRate is { } s ? new StripCashFlows(s, months) : null;
        double[] A() => new double[months + 1];
        PremiumDefaults = A(); ExcessDefaults = A(); DelinquentEnd = A(); LiquidatedStated = A(); InterestAdvanced = A();
        PrincipalAdvanced = A(); InterestRecovered = A(); PoDelinquentEnd = A(); PoLiquidatedStated = A();
    }

    /// <summary>
    /// Adds a parallel chunk's sums into these: every series the loan loop writes without delinquent pockets (a
    /// projection with P&amp;I advancing and defaults runs the scalar loop, unchunked: <see cref="Projector.Project"/>).
    /// Element by element, so the result does not depend on how the additions are vectorised.
    /// </summary>
    public void Add(GroupSums chunk)
    {
        Add(Flows.ScheduledPrincipal, chunk.Flows.ScheduledPrincipal);
        Add(Flows.Prepayment, chunk.Flows.Prepayment);
        Add(Flows.Defaults, chunk.Flows.Defaults);
        Add(Flows.GrossInterest, chunk.Flows.GrossInterest);
        Add(Flows.ServicingFee, chunk.Flows.ServicingFee);
        Add(Flows.OtherFees, chunk.Flows.OtherFees);
        Add(Flows.NetInterest, chunk.Flows.NetInterest);
        Add(Flows.LoanCount, chunk.Flows.LoanCount);
        Add(PerformingEnd, chunk.PerformingEnd);
        Add(DefaultNetInterest, chunk.DefaultNetInterest);
        Add(PremiumDefaults, chunk.PremiumDefaults);
        Add(ExcessDefaults, chunk.ExcessDefaults);
        if (Strip is { } a && chunk.Strip is { } b)
        {
            Add(a.PoBeginBalance, b.PoBeginBalance);
            Add(a.PoScheduledPrincipal, b.PoScheduledPrincipal);
            Add(a.PoPrepayment, b.PoPrepayment);
            Add(a.PoDefaults, b.PoDefaults);
            Add(a.PoEndBalance, b.PoEndBalance);
            Add(a.ExcessInterest, b.ExcessInterest);
            Add(a.PremiumBalance, b.PremiumBalance);
        }
    }

    /// <summary>Zeroes every series <see cref="Add"/> reads, so a chunk's sums can be reused by the next projection.</summary>
    public void Clear()
    {
        Array.Clear(Flows.ScheduledPrincipal); Array.Clear(Flows.Prepayment); Array.Clear(Flows.Defaults);
        Array.Clear(Flows.GrossInterest); Array.Clear(Flows.ServicingFee); Array.Clear(Flows.OtherFees);
        Array.Clear(Flows.NetInterest); Array.Clear(Flows.LoanCount);
        Array.Clear(PerformingEnd); Array.Clear(DefaultNetInterest); Array.Clear(PremiumDefaults); Array.Clear(ExcessDefaults);
        if (Strip is { } st)
        {
            Array.Clear(st.PoBeginBalance); Array.Clear(st.PoScheduledPrincipal); Array.Clear(st.PoPrepayment); Array.Clear(st.PoDefaults);
            Array.Clear(st.PoEndBalance); Array.Clear(st.ExcessInterest); Array.Clear(st.PremiumBalance);
        }
    }

    /// <summary>Zeroes every series, as new sums are: a <see cref="CollateralRun"/>'s totals before its next projection.</summary>
    public void ClearAll()
    {
        Flows.Clear();
        Array.Clear(PerformingEnd); Array.Clear(DefaultNetInterest);
        Array.Clear(PremiumDefaults); Array.Clear(ExcessDefaults); Array.Clear(DelinquentEnd); Array.Clear(LiquidatedStated);
        Array.Clear(InterestAdvanced); Array.Clear(PrincipalAdvanced); Array.Clear(InterestRecovered);
        Array.Clear(PoDelinquentEnd); Array.Clear(PoLiquidatedStated);
        Strip?.Clear();
        Used = false;
    }

    /// <summary>Whether these sums can hold a chunk of a projection shaped like <paramref name="like"/> (group, months, strip).</summary>
    public bool Fits(GroupSums like) =>
        Flows.Months == like.Flows.Months && Flows.Group == like.Flows.Group && Strip?.StripRate == like.Strip?.StripRate;

    private static void Add(double[] into, double[] from)
    {
        var m = 0;
        if (from.Length >= into.Length)
        {
            var w = System.Numerics.Vector<double>.Count;
            var a = System.Runtime.InteropServices.MemoryMarshal.Cast<double, System.Numerics.Vector<double>>(into.AsSpan());
            var b = System.Runtime.InteropServices.MemoryMarshal.Cast<double, System.Numerics.Vector<double>>(from.AsSpan(0, into.Length));
            for (var v = 0; v < a.Length; v++) a[v] += b[v];
            m = a.Length * w;
        }
        for (; m < into.Length; m++) into[m] += from[m];
    }
}
