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
    private readonly double[] _pending, _cumLoss, _netRate, _poRemainder;

    public ProjectedCollections(Deal deal, CollateralProjection collateral)
    {
        _groups = deal.Groups.Select(g => collateral.Group(g.Name)).ToArray();
        _strips = deal.Groups.Select(g => collateral.Strips.TryGetValue(g.Name, out var s) ? s : null).ToArray();
        _pending = new double[_groups.Length];
        _cumLoss = new double[_groups.Length];
        _netRate = new double[_groups.Length];
        _poRemainder = PoRemainders(deal, _strips);
    }

    /// <summary>
    /// The remainder rule for a Class PO within $1.00 of its loans' PO portion (the trustee's, docs/trustee.md): the difference is
    /// added to the first month's beginning PO balance and scheduled PO principal of the first of its groups that can take it.
    /// </summary>
    private static double[] PoRemainders(Deal deal, StripCashFlows?[] strips)
    {
        var r = new double[strips.Length];
        foreach (var k in deal.Classes.Where(c => c.Is(ClassType.Po)))
        {
            var groups = k.Groups.Select(deal.GroupIndex).Where(g => g >= 0 && strips[g] is { PoBeginBalance.Length: > 1 }).ToArray();
            var remainder = (double)k.OriginalBalance - groups.Sum(g => strips[g]!.PoBeginBalance[1]);
            if (Math.Abs(remainder) < 0.005 || Math.Abs(remainder) > (double)BalanceTolerance.PoRemainderLimit) continue;
            foreach (var g in groups)
                if (strips[g]!.PoScheduledPrincipal[1] + remainder >= 0) { r[g] += remainder; break; }
        }
        return r;
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
            if (m == 1 && _poRemainder[g] != 0)
                coll[g] = coll[g] with { PoBeginBalance = coll[g].PoBeginBalance + _poRemainder[g], PoScheduledPrincipal = coll[g].PoScheduledPrincipal + _poRemainder[g] };
        }
        return coll;
    }
}
