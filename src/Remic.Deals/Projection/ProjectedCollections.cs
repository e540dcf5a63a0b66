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
    private readonly Deal _deal;
    private readonly GroupCashFlows[] _groups;
    private readonly StripCashFlows?[] _strips;
    private readonly double[] _pending, _cumLoss, _netRate, _poRemainder;
    private GroupFlows<double>[]? _month;

    public ProjectedCollections(Deal deal, CollateralProjection collateral)
    {
        _deal = deal;
        var n = deal.Groups.Count;
        _groups = new GroupCashFlows[n];
        _strips = new StripCashFlows?[n];
        _pending = new double[n];
        _cumLoss = new double[n];
        _netRate = new double[n];
        _poRemainder = new double[n];
        Reset(collateral);
    }

    /// <summary>Starts again at month 1 over another projection of the same deal's groups (a run reuses one per scenario).</summary>
    internal void Reset(CollateralProjection collateral)
    {
        for (var g = 0; g < _groups.Length; g++)
        {
            var name = _deal.Groups[g].Name;
            _groups[g] = GroupOf(collateral, name);
            _strips[g] = collateral.Strips.TryGetValue(name, out var s) ? s : null;
        }
        Array.Clear(_pending);
        Array.Clear(_cumLoss);
        Array.Clear(_netRate);
        PoRemainders(_deal, _strips, _poRemainder);
    }

    /// <summary>The projection's group of that name (<see cref="CollateralProjection.Group"/> without its lambda: nothing allocated).</summary>
    internal static GroupCashFlows GroupOf(CollateralProjection collateral, string name)
    {
        for (var i = 0; i < collateral.Groups.Count; i++) if (collateral.Groups[i].Group == name) return collateral.Groups[i];
        return collateral.Group(name); // throws its own error
    }

    /// <summary>
    /// The remainder rule for a Class PO within $1.00 of its loans' PO portion (the trustee's, docs/trustee.md): the difference is
    /// added to the first month's beginning PO balance and scheduled PO principal of the first of its groups that can take it.
    /// </summary>
    private static void PoRemainders(Deal deal, StripCashFlows?[] strips, double[] r)
    {
        Array.Clear(r);
        for (var i = 0; i < deal.Classes.Count; i++) // indexed loops: a run calls this per scenario and allocates nothing
        {
            var k = deal.Classes[i];
            if (!k.Is(ClassType.Po)) continue;
            var portion = 0.0;
            for (var j = 0; j < k.Groups.Count; j++)
                if (PoGroup(deal, strips, k.Groups[j]) is var g and >= 0) portion += strips[g]!.PoBeginBalance[1];
            var remainder = (double)k.OriginalBalance - portion;
            if (Math.Abs(remainder) < 0.005 || Math.Abs(remainder) > (double)BalanceTolerance.PoRemainderLimit) continue;
            for (var j = 0; j < k.Groups.Count; j++)
                if (PoGroup(deal, strips, k.Groups[j]) is var g and >= 0 && strips[g]!.PoScheduledPrincipal[1] + remainder >= 0) { r[g] += remainder; break; }
        }
    }

    private static int PoGroup(Deal deal, StripCashFlows?[] strips, string name)
    {
        var g = deal.GroupIndex(name);
        return g >= 0 && strips[g] is { PoBeginBalance.Length: > 1 } ? g : -1;
    }

    /// <summary>Month m's collections, one per group; with <paramref name="call"/> the remaining loans are bought at par.</summary>
    public GroupCollections<double>[] Month(int m, bool call = false)
    {
        _month ??= new GroupFlows<double>[_groups.Length];
        Fill(m, call, _month);
        var coll = new GroupCollections<double>[_groups.Length];
        for (var g = 0; g < coll.Length; g++) coll[g] = _month[g].ToRecord();
        return coll;
    }

    /// <summary><see cref="Month"/> into the ledger's own group figures (no record per group per month).</summary>
    internal void Fill(int m, bool call, GroupFlows<double>[] into)
    {
        for (var g = 0; g < _groups.Length; g++)
        {
            var cf = _groups[g];
            var strip = _strips[g];
            var interest = DealRunner.LiquidatedLoanInterest(cf, m, _pending[g], ref _netRate[g]);
            // Loans awaiting liquidation after this month's defaults and liquidations: delinquent as of this date.
            _pending[g] += cf.Defaults[m] - cf.LiquidationProceeds[m] - cf.RealizedLoss[m];
            // Cumulative Realized Losses include the accrued interest the liquidation proceeds paid (see GroupCollections).
            _cumLoss[g] += cf.RealizedLoss[m] + Math.Min(interest, Math.Max(0, cf.LiquidationProceeds[m] - (strip?.PoLiquidationProceeds[m] ?? 0)));
            ref var c = ref into[g];
            DealRunner.Fill(ref c, cf, strip, m, _pending[g], _cumLoss[g], call);
            c.LiquidatedLoanInterest = interest;
            if (m == 1 && _poRemainder[g] != 0)
            {
                c.PoBeginBalance += _poRemainder[g];
                c.PoScheduledPrincipal += _poRemainder[g];
            }
        }
    }
}
