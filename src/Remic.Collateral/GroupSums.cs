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

    /// <summary>Adds a chunk's sums into these (every series the loan loop writes).</summary>
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
        Add(DelinquentEnd, chunk.DelinquentEnd);
        Add(LiquidatedStated, chunk.LiquidatedStated);
        Add(InterestAdvanced, chunk.InterestAdvanced);
        Add(PrincipalAdvanced, chunk.PrincipalAdvanced);
        Add(InterestRecovered, chunk.InterestRecovered);
        Add(PoDelinquentEnd, chunk.PoDelinquentEnd);
        Add(PoLiquidatedStated, chunk.PoLiquidatedStated);
        if (Strip is not null && chunk.Strip is not null)
        {
            Add(Strip.PoBeginBalance, chunk.Strip.PoBeginBalance);
            Add(Strip.PoScheduledPrincipal, chunk.Strip.PoScheduledPrincipal);
            Add(Strip.PoPrepayment, chunk.Strip.PoPrepayment);
            Add(Strip.PoDefaults, chunk.Strip.PoDefaults);
            Add(Strip.PoEndBalance, chunk.Strip.PoEndBalance);
            Add(Strip.ExcessInterest, chunk.Strip.ExcessInterest);
            Add(Strip.PremiumBalance, chunk.Strip.PremiumBalance);
        }
    }

    private static void Add(double[] into, double[] from)
    {
        for (var m = 0; m < into.Length; m++) into[m] += from[m];
    }
}
