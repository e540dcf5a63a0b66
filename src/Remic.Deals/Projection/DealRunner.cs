using Remic.Collateral;
using Remic.Core;
using Remic.Deals.Model;
using Remic.Deals.Waterfall;

namespace Remic.Deals.Projection;

/// <summary>
/// Runs a deal under a scenario: projects the loan groups (with each group's PO/X strip), turns each
/// month into the collections a servicer would remit, and folds <see cref="Waterfall.Waterfall.Distribute"/>
/// over the months. Projected collections have no prepayment interest shortfall (the projector pays a full
/// month's interest on prepaid loans), count loans awaiting liquidation (after the month's defaults and
/// liquidations) as seriously delinquent, and give each liquidation's last month of interest
/// (<see cref="LiquidatedLoanInterest"/>) so the realised loss includes it.
/// </summary>
public static class DealRunner
{
    private static readonly IReadOnlyDictionary<string, double> NoFixings = new Dictionary<string, double>();

    public static DealProjection Run(Deal deal, Scenario scenario, bool exerciseCall = false)
    {
        deal = PacSchedules.Resolve(deal);
        var collateral = ProjectCollateral(deal, scenario);
        return RunWaterfall(deal, collateral, scenario.Indices, exerciseCall);
    }

    /// <summary>The deal's collateral under the scenario; a scenario without an advancing convention takes the deal file's.</summary>
    public static CollateralProjection ProjectCollateral(Deal deal, Scenario scenario)
    {
        if (scenario.Advance is null && deal.Metadata.Advancing is { } advancing) scenario = scenario with { Advance = advancing };
        var loans = deal.Groups.SelectMany(g => g.Loans).ToList();
        var strips = deal.Groups.Where(g => g.StripRate is not null).ToDictionary(g => g.Name, g => (double)g.StripRate!.Value / 100);
        return Projector.Project(new LoanPool(loans), scenario, strips);
    }

    /// <summary>
    /// The deal's loans ready to be projected scenario after scenario (what <see cref="ProjectCollateral"/> projects once,
    /// with the deal's strips and advancing convention): one per deal per thread.
    /// </summary>
    public static CollateralRun CollateralRun(Deal deal) =>
        new(new LoanPool(deal.Groups.SelectMany(g => g.Loans).ToList()),
            deal.Groups.Where(g => g.StripRate is not null).ToDictionary(g => g.Name, g => (double)g.StripRate!.Value / 100),
            deal.Metadata.Advancing);

    /// <summary>The waterfall alone over an existing collateral projection (what the benchmark times).</summary>
    /// <param name="trace">The distribution periods to record a <see cref="Explain.PeriodTrace"/> for (null: none, the default;
    /// an untraced run records and allocates nothing for traces); they are in <see cref="DealProjection.Traces"/>.</param>
    public static DealProjection RunWaterfall(Deal deal, CollateralProjection collateral,
        IReadOnlyDictionary<string, MonthlyVector> indices, bool exerciseCall = false, TracePeriods? trace = null) =>
        WaterfallRun.RunOnce(deal, collateral, indices, exerciseCall, trace);

    /// <summary>With the trace on for the given distribution periods (see <see cref="RunWaterfall"/>).</summary>
    public static DealProjection Run(Deal deal, Scenario scenario, bool exerciseCall, TracePeriods trace)
    {
        deal = PacSchedules.Resolve(deal);
        return RunWaterfall(deal, ProjectCollateral(deal, scenario), scenario.Indices, exerciseCall, trace);
    }

    /// <summary>
    /// One month's interest, at the net rate, on the loans liquidated in month m: the month the projection neither
    /// collects nor advances (a loan pays or is advanced interest up to its liquidation month). The projection does
    /// not keep each liquidated loan's rate; defaults hit every loan at the same rate, so the group's net rate on
    /// its paying loans this month (collected net interest / paying balance) stands for it.
    /// </summary>
    public static double LiquidatedLoanInterest(GroupCashFlows g, int m, double pendingAtStart, ref double lastNetRate)
    {
        var paying = g.BeginBalance[m] - pendingAtStart - g.Defaults[m];
        if (paying > 0.005) lastNetRate = (g.NetInterest[m] - g.Advances[m]) / paying;
        var liquidated = g.LiquidationProceeds[m] + g.RealizedLoss[m];
        return liquidated > 0 ? liquidated * Math.Max(lastNetRate, 0) : 0;
    }

    /// <summary>One projected month as servicer collections; with <paramref name="call"/> the remaining loans are bought at par.</summary>
    public static GroupCollections<double> Collections(GroupCashFlows g, StripCashFlows? s, int m, double pending, double cumLoss, bool call)
    {
        var c = default(GroupFlows<double>);
        Fill(ref c, g, s, m, pending, cumLoss, call);
        return c.ToRecord();
    }

    /// <summary><see cref="Collections"/> into a ledger's group figures (every field but the liquidated loans' interest).</summary>
    internal static void Fill(ref GroupFlows<double> c, GroupCashFlows g, StripCashFlows? s, int m, double pending, double cumLoss, bool call)
    {
        c.BeginBalance = g.BeginBalance[m];
        c.ScheduledPrincipal = g.ScheduledPrincipal[m];
        c.Prepayments = g.Prepayment[m] + (call ? g.EndBalance[m] : 0);
        c.LiquidationProceeds = g.LiquidationProceeds[m];
        c.RealizedLoss = g.RealizedLoss[m];
        c.NetInterest = g.NetInterest[m];
        c.PrepaymentInterestShortfall = 0;
        c.ReliefActShortfall = 0;
        c.PoBeginBalance = s?.PoBeginBalance[m] ?? 0;
        c.PoScheduledPrincipal = s?.PoScheduledPrincipal[m] ?? 0;
        c.PoPrepayments = (s?.PoPrepayment[m] ?? 0) + (call ? s?.PoEndBalance[m] ?? 0 : 0);
        c.PoLiquidationProceeds = s?.PoLiquidationProceeds[m] ?? 0;
        c.PoRealizedLoss = s?.PoRealizedLoss[m] ?? 0;
        c.ClassXExcessInterest = s?.ExcessInterest[m] ?? 0;
        c.PremiumLoanBalance = s?.PremiumBalance[m] ?? 0;
        c.SeriousDelinquency = Math.Max(pending, 0);
        c.CumulativeLoss = cumLoss;
        c.LiquidatedLoanInterest = 0;
    }

    /// <summary>Period n's market: index values from the scenario's vectors, actual days since the prior distribution.</summary>
    public static PeriodMarket Market(Deal deal, int n, IReadOnlyDictionary<string, MonthlyVector> indices)
    {
        var md = deal.Metadata;
        return Market(n, n == 1 ? md.ClosingDate : md.DistributionDate(n - 1), md.DistributionDate(n), indices);
    }

    private static PeriodMarket Market(int n, DateOnly prior, DateOnly date, IReadOnlyDictionary<string, MonthlyVector> indices)
    {
        var days = date.DayNumber - prior.DayNumber;
        if (indices.Count == 0) return new PeriodMarket(n, date, days, NoFixings);
        var fix = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in indices) fix[k] = v.At(n);
        return new PeriodMarket(n, date, days, fix);
    }
}
