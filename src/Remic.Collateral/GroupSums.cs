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
        foreach (var (into, from) in ChunkSeries(this, chunk)) Add(into, from);
    }

    /// <summary>Zeroes every series <see cref="Add"/> reads, so a chunk's sums can be reused by the next projection.</summary>
    public void Clear()
    {
        foreach (var (series, _) in ChunkSeries(this, this)) Array.Clear(series);
    }

    /// <summary>Whether these sums can hold a chunk of a projection shaped like <paramref name="like"/> (group, months, strip).</summary>
    public bool Fits(GroupSums like) =>
        Flows.Months == like.Flows.Months && Flows.Group == like.Flows.Group && Strip?.StripRate == like.Strip?.StripRate;

    private static IEnumerable<(double[] Into, double[] From)> ChunkSeries(GroupSums a, GroupSums b)
    {
        yield return (a.Flows.ScheduledPrincipal, b.Flows.ScheduledPrincipal);
        yield return (a.Flows.Prepayment, b.Flows.Prepayment);
        yield return (a.Flows.Defaults, b.Flows.Defaults);
        yield return (a.Flows.GrossInterest, b.Flows.GrossInterest);
        yield return (a.Flows.ServicingFee, b.Flows.ServicingFee);
        yield return (a.Flows.OtherFees, b.Flows.OtherFees);
        yield return (a.Flows.NetInterest, b.Flows.NetInterest);
        yield return (a.Flows.LoanCount, b.Flows.LoanCount);
        yield return (a.PerformingEnd, b.PerformingEnd);
        yield return (a.DefaultNetInterest, b.DefaultNetInterest);
        yield return (a.PremiumDefaults, b.PremiumDefaults);
        yield return (a.ExcessDefaults, b.ExcessDefaults);
        if (a.Strip is not null && b.Strip is not null)
        {
            yield return (a.Strip.PoBeginBalance, b.Strip.PoBeginBalance);
            yield return (a.Strip.PoScheduledPrincipal, b.Strip.PoScheduledPrincipal);
            yield return (a.Strip.PoPrepayment, b.Strip.PoPrepayment);
            yield return (a.Strip.PoDefaults, b.Strip.PoDefaults);
            yield return (a.Strip.PoEndBalance, b.Strip.PoEndBalance);
            yield return (a.Strip.ExcessInterest, b.Strip.ExcessInterest);
            yield return (a.Strip.PremiumBalance, b.Strip.PremiumBalance);
        }
    }

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
