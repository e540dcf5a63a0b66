using Remic.Core;
using Remic.Deals.Model;
using Remic.Deals.Waterfall;
using Remic.Trustee.Distribution;
using W = Remic.Deals.Waterfall;

namespace Remic.Trustee.Waterfall;

/// <summary>
/// The trustee's <see cref="IDistributionCalculator"/>: a thin adapter over the deal's own interpreter,
/// <see cref="W.Waterfall.Distribute{T}"/> in <c>decimal</c>, on the period's actual collections.
/// Cash in = remitted collections + corridor receipts; cash out = class interest (incl. corridor payments)
/// + class principal + trustee/LPMI fees + Class PO Deferred Amounts paid + residual + anything the waterfall
/// left undistributed (held in the distribution account) — the ledger's check proves it to the cent.
/// </summary>
public sealed class WaterfallCalculator(Deal deal) : IDistributionCalculator
{
    public const string PoDeferredPaidPrefix = "Class PO Deferred Amount paid to ";
    public const string Undistributed = "undistributed (distribution account)";

    public PeriodDistribution Distribute(DistributionRequest request)
    {
        var (collections, fees) = ActualCollections.Build(deal, request);
        var state = DealStateCarry.From(deal, request);
        var r = W.Waterfall.Distribute(deal, state, collections, Market(request), out var trace);

        var positions = request.Classes.ToDictionary(k => k.Name, StringComparer.Ordinal);
        var classes = new List<ClassDistribution>();
        for (var c = 0; c < deal.Classes.Count; c++)
        {
            var k = deal.Classes[c];
            var begin = positions[k.Name].Balance;
            var end = EndBalance(k, c, r, fees);
            // A notional class has no principal, loss or accretion: its notional amount follows its reference (a notional change).
            classes.Add(new ClassDistribution(k.Name, begin, r.InterestDue[c], r.InterestPaid[c] + r.CorridorPaid[c], r.InterestShortfall[c],
                r.Next.UnpaidInterest[c], k.IsNotional ? 0 : r.Principal[c], k.IsNotional ? 0 : r.Loss[c], end, r.Coupon[c],
                k.IsNotional ? 0 : r.Accretion[c], k.IsNotional));
        }
        var feeLines = fees.SelectMany(f => new[] { new NamedAmount($"trustee fee group {f.Group}", f.TrusteeFee), new NamedAmount($"LPMI fee group {f.Group}", f.LpmiFee) })
            .Where(f => f.Amount != 0).ToList();
        var retained = new List<NamedAmount>();
        for (var c = 0; c < deal.Classes.Count; c++)
            if (r.PoDeferredPaid[c] != 0) retained.Add(new(PoDeferredPaidPrefix + deal.Classes[c].Name, r.PoDeferredPaid[c]));
        var corridor = r.CorridorReceived == 0 ? [] : new[] { new CorridorReceipt(deal.Corridors.FirstOrDefault()?.Name ?? "corridor",
            request.Market.Indices.TryGetValue("LIBOR_1MO", out var libor) ? libor : 0m, r.CorridorReceived) };
        var cashIn = request.Collections.Remitted + r.CorridorReceived;
        var paid = classes.Sum(k => k.InterestPaid + k.PrincipalPaid) + feeLines.Sum(f => f.Amount) + retained.Sum(x => x.Amount) + r.ResidualPaid;
        if (cashIn - paid > 0) retained.Add(new(Undistributed, cashIn - paid)); // e.g. principal no class could take
        return new PeriodDistribution(classes, feeLines, retained, r.ResidualPaid, Triggers(r), corridor, DealStateCarry.To(deal, r.Next)) { Trace = trace };
    }

    /// <summary>Ending balance: the waterfall's, except a premium-loan notional, which follows the premium loans' ending balance.</summary>
    private decimal EndBalance(ClassSpec k, int c, PeriodResult<decimal> r, IReadOnlyList<ActualCollections.GroupFees> fees)
    {
        if (k.Notional is not PremiumLoanNotional) return r.EndBalance[c];
        return k.Groups.Sum(name => fees[deal.GroupIndex(name)].PremiumLoanEnd);
    }

    /// <summary>Per group: Senior Percentage, Senior Prepayment Percentage (observed) and the step-down test.</summary>
    private IReadOnlyList<TriggerResult> Triggers(PeriodResult<decimal> r)
    {
        var list = new List<TriggerResult>();
        for (var g = 0; g < deal.Groups.Count; g++)
        {
            var name = deal.Groups[g].Name;
            list.Add(new($"{TriggerNames.SeniorPercentage}{name}", r.SeniorPercentage[g], 0m, true));
            list.Add(new($"{TriggerNames.SeniorPrepaymentPercentage}{name}", r.SeniorPrepaymentPercentage[g], 0m, true));
            if (deal.ShiftingInterest is not null) list.Add(new($"{TriggerNames.StepDown}{name}", 0m, 0m, r.StepDownPassed[g]));
        }
        return list;
    }

    private W.PeriodMarket Market(DistributionRequest request)
    {
        var md = deal.Metadata;
        var n = request.PeriodNumber;
        var date = md.DistributionDate(n);
        var prior = n == 1 ? md.ClosingDate : md.DistributionDate(n - 1);
        var fix = request.Market.Indices.ToDictionary(x => x.Key, x => (double)x.Value, StringComparer.OrdinalIgnoreCase);
        return new W.PeriodMarket(n, date, date.DayNumber - prior.DayNumber, fix);
    }
}

/// <summary>How the adapter names the per-group figures it records as trigger results.</summary>
public static class TriggerNames
{
    public const string SeniorPercentage = "Senior Percentage group ", SeniorPrepaymentPercentage = "Senior Prepayment Percentage group ", StepDown = "step-down test group ";
}
