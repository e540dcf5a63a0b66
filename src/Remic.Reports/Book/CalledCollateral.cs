using Remic.Collateral;

namespace Remic.Reports.Book;

/// <summary>
/// A loan group's collateral when the clean-up call is exercised in month m: the months up to the call as projected,
/// with the remaining balance (performing and awaiting liquidation) bought at par in month m as a prepayment — what
/// the waterfall distributes (<c>DealRunner.Collections</c> with call) — and nothing after it.
/// </summary>
public static class CalledCollateral
{
    public static GroupCashFlows At(GroupCashFlows g, int m)
    {
        if (m < 1 || m > g.Months) throw new ArgumentOutOfRangeException(nameof(m), m, $"the call month must be within the group's {g.Months} months");
        var c = new GroupCashFlows(g.Group, m);
        (double[] From, double[] To)[] columns =
        [
            (g.BeginBalance, c.BeginBalance), (g.ScheduledPrincipal, c.ScheduledPrincipal), (g.Prepayment, c.Prepayment), (g.Defaults, c.Defaults),
            (g.LiquidationProceeds, c.LiquidationProceeds), (g.RealizedLoss, c.RealizedLoss), (g.GrossInterest, c.GrossInterest),
            (g.ServicingFee, c.ServicingFee), (g.OtherFees, c.OtherFees), (g.NetInterest, c.NetInterest), (g.Advances, c.Advances),
            (g.EndBalance, c.EndBalance), (g.LoanCount, c.LoanCount),
        ];
        foreach (var (from, to) in columns) Array.Copy(from, to, m + 1);
        c.Prepayment[m] += g.EndBalance[m];
        c.EndBalance[m] = 0;
        c.LoanCount[m] = 0;
        return c;
    }
}
