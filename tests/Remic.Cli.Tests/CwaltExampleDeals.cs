using Remic.Analytics;
using Remic.Collateral;
using Remic.Core;
using Remic.Deals.Loading;
using Remic.Deals.Model;
using Remic.Deals.Projection;

namespace Remic.Cli.Tests;

/// <summary>Runs the examples/cwalt-* deal files and turns a class into analytics cash flows.</summary>
internal static class CwaltExampleDeals
{
    public static string RepoRoot()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "Remic.sln"))) d = d.Parent;
        return d?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    public static string PathOf(string deal, string file = "deal.yaml") => Path.Combine(RepoRoot(), "examples", deal, file);

    public static Deal Load(string deal) => DealLoader.Load(PathOf(deal));

    public static DealProjection Run(Deal deal, string prepay, PpcRamp ramp, IReadOnlyDictionary<string, MonthlyVector>? indices = null) =>
        DealRunner.Run(deal, new Scenario
        {
            Prepay = Speed.Prepay(prepay, ramp),
            Indices = indices ?? new Dictionary<string, MonthlyVector>(StringComparer.OrdinalIgnoreCase),
        });

    /// <summary>The class's flows as analytics sees them: dated the cut-off date, 30/360, CWALT fixed-rate delay 24.</summary>
    public static BondCashFlows Flows(DealProjection run, string cls, int delay = 24, DateOnly? dated = null)
    {
        var c = run.Deal.ClassIndex(cls);
        var ps = run.Periods;
        return new BondCashFlows(
            ps.Select(p => p.DistributionDate).ToArray(), ps.Select(p => p.BeginBalance[c]).ToArray(),
            ps.Select(p => p.InterestPaid[c]).ToArray(), ps.Select(p => p.Principal[c]).ToArray(),
            ps.Select(p => p.Loss[c] - p.Accretion[c]).ToArray(), ps.Select(p => p.EndBalance[c]).ToArray(),
            ps.Select(p => p.Coupon[c]).ToArray(), (double)run.Deal.Classes[c].OriginalBalance, DayCount.Thirty360, delay,
            dated ?? run.Deal.Metadata.CutoffDate);
    }
}
