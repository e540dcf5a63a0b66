using Remic.Collateral;
using Remic.Deals.Model;
using Remic.Deals.Waterfall;

namespace Remic.Deals.Projection;

/// <summary>
/// A collateral projection as the servicer collections of each distribution date, month after month (call
/// <see cref="Month"/> in order: it carries the loans awaiting liquidation, cumulative losses and the groups'
/// latest net rates). What <see cref="DealRunner.RunWaterfall"/> folds the waterfall over.
/// </summary>
public sealed class ProjectedCollections
{
    private readonly GroupCashFlows[] _groups;
    private readonly StripCashFlows?[] _strips;
    private readonly double[] _pending, _cumLoss, _netRate;

    public ProjectedCollections(Deal deal, CollateralProjection collateral)
    {
        _groups = deal.Groups.Select(g => collateral.Group(g.Name)).ToArray();
        _strips = deal.Groups.Select(g => collateral.Strips.TryGetValue(g.Name, out var s) ? s : null).ToArray();
        _pending = new double[_groups.Length];
        _cumLoss = new double[_groups.Length];
        _netRate = new double[_groups.Length];
    }

    /// <summary>Month m's collections, one per group; with <paramref name="call"/> the remaining loans are bought at par.</summary>
    public GroupCollections<double>[] Month(int m, bool call = false)
    {
        var coll = new GroupCollections<double>[_groups.Length];
        for (var g = 0; g < _groups.Length; g++)
        {
            var cf = _groups[g];
            var interest = DealRunner.LiquidatedLoanInterest(cf, m, _pending[g], ref _netRate[g]);
            // Loans awaiting liquidation after this month's defaults and liquidations: delinquent as of this date.
            _pending[g] += cf.Defaults[m] - cf.LiquidationProceeds[m] - cf.RealizedLoss[m];
            // Cumulative Realized Losses include the accrued interest the liquidation proceeds paid (see GroupCollections).
            _cumLoss[g] += cf.RealizedLoss[m] + Math.Min(interest, Math.Max(0, cf.LiquidationProceeds[m] - (_strips[g]?.PoLiquidationProceeds[m] ?? 0)));
            coll[g] = DealRunner.Collections(cf, _strips[g], m, _pending[g], _cumLoss[g], call) with { LiquidatedLoanInterest = interest };
        }
        return coll;
    }
}
