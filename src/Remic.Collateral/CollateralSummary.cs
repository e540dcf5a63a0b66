namespace Remic.Collateral;

/// <summary>
/// One group's (or the pool's) headline figures: the loans at cut-off and their projected life.
/// WAL is in years from the cut-off with month m's principal at m/12 (no payment delay).
/// </summary>
public sealed record CollateralSummary(
    string Group, double Loans, double CutoffBalance, double GrossWac, double NetWac, double Wam, double Wala,
    double WalYears, double ScheduledPrincipal, double Prepayments, double Defaults, double LiquidationProceeds,
    double RealizedLoss, double NetInterest, int MonthsToZero)
{
    public double Principal => ScheduledPrincipal + Prepayments + LiquidationProceeds;

    /// <param name="loans">The loans of this group (all loans for the total); used for the cut-off averages.</param>
    public static CollateralSummary Of(GroupCashFlows g, IEnumerable<Loan> loans)
    {
        var list = loans.ToList();
        var bal = list.Sum(l => l.Balance);
        double W(Func<Loan, double> f) => bal > 0 ? list.Sum(l => l.Balance * f(l)) / bal : 0;
        double S(double[] a) => a.Skip(1).Sum();
        return new CollateralSummary(g.Group, g.LoanCount[0], g.EndBalance[0], W(l => l.GrossRate), W(l => l.NetRate),
            W(l => l.RemainingTerm), W(l => l.Age), g.WalYears(), S(g.ScheduledPrincipal), S(g.Prepayment), S(g.Defaults),
            S(g.LiquidationProceeds), S(g.RealizedLoss), S(g.NetInterest), g.MonthsToZero());
    }

    /// <summary>A summary per group, then the total (only when there is more than one group).</summary>
    public static IReadOnlyList<CollateralSummary> All(CollateralProjection p, IReadOnlyList<Loan> loans)
    {
        var list = InGroupOrder(p).Select(g => Of(g, loans.Where(l => l.Group == g.Group))).ToList();
        if (p.Groups.Count > 1) list.Add(Of(p.Total, loans));
        return list;
    }

    /// <summary>Groups as a reader expects them: numeric names in numeric order ("2" before "10"), then the rest by name.</summary>
    public static IEnumerable<GroupCashFlows> InGroupOrder(CollateralProjection p) =>
        p.Groups.OrderBy(g => int.TryParse(g.Group, out var n) ? n : int.MaxValue).ThenBy(g => g.Group, StringComparer.Ordinal);
}
