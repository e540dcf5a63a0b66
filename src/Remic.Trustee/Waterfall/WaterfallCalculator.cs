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
        var (up, groupUp) = SubsequentRecoveryWriteUps(request);
        var (collections, fees) = ActualCollections.Build(deal, request, groupUp);
        var state = DealStateCarry.From(deal, request);
        // The recovery written up enters the pool's balance for the month and is paid out as principal; the classes are written up after
        // the distribution (interest accrues on the balances before the write-up), so during it they stand that much below the pool.
        var writtenUp = groupUp.Sum();
        if (writtenUp != 0) state = state with { Undercollateralisation = state.Undercollateralisation - writtenUp };
        var r = W.Waterfall.Distribute(deal, state, collections, Market(request), out var trace);

        var positions = request.Classes.ToDictionary(k => k.Name, StringComparer.Ordinal);
        var classes = new List<ClassDistribution>();
        for (var c = 0; c < deal.Classes.Count; c++)
        {
            var k = deal.Classes[c];
            var begin = positions[k.Name].Balance;
            var end = EndBalance(k, c, r, fees) + up[c];
            // A notional class has no principal, loss or accretion: its notional amount follows its reference (a notional change).
            classes.Add(new ClassDistribution(k.Name, begin, r.InterestDue[c], r.InterestPaid[c] + r.CorridorPaid[c], r.InterestShortfall[c],
                r.Next.UnpaidInterest[c], k.IsNotional ? 0 : r.Principal[c], k.IsNotional ? 0 : r.Loss[c], end, r.Coupon[c],
                k.IsNotional ? 0 : r.Accretion[c], k.IsNotional, r.CorridorPaid[c], up[c], r.PoDeferredPaid[c]));
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
        var groups = deal.Groups.Select((g, i) => new GroupFigures(g.Name, r.SeniorPercentage[i], r.SeniorPrepaymentPercentage[i], r.Next.PoDeferred[i],
            fees[i].PrepaymentInterestShortfall, fees[i].NetInterestShortfall)).ToArray();
        var triggers = Triggers(r).Concat(TriggerFigures.Of(deal, state, collections, request.PeriodNumber)).ToArray();
        return new PeriodDistribution(classes, feeLines, retained, r.ResidualPaid, triggers, corridor, DealStateCarry.To(deal, writtenUp == 0 ? r.Next : r.Next with { Undercollateralisation = r.Next.Undercollateralisation + writtenUp }), groups) { Trace = trace };
    }

    /// <summary>
    /// Subsequent recoveries (cash on loans liquidated earlier) increase the Class Certificate Balances "of each class of certificates
    /// to which Realized Losses have been allocated ..., sequentially in the order of payment priority, ... not by more than the amount of
    /// Realized Losses previously allocated to that class" (CWALT prospectus supplements, "Subsequent Recoveries"); the recovery is then
    /// distributed as principal (the write-up is applied after the distribution, so the class does not accrue interest on it this month). Per group: the classes of the group (payment priority = the deal file's order), principal classes other
    /// than Class PO (a recovery is taken as non-PO). A recovery beyond the losses to write up stays in the distribution account.
    /// </summary>
    private (decimal[] PerClass, decimal[] PerGroup) SubsequentRecoveryWriteUps(DistributionRequest request)
    {
        var perClass = new decimal[deal.Classes.Count];
        var perGroup = new decimal[deal.Groups.Count];
        var positions = request.Classes.ToDictionary(k => k.Name, StringComparer.Ordinal);
        for (var g = 0; g < deal.Groups.Count; g++)
        {
            var name = deal.Groups[g].Name;
            var left = request.Loans.Where(l => l.Group == name).Sum(l => l.SubsequentRecovery);
            for (var c = 0; c < deal.Classes.Count && left > 0; c++)
            {
                var k = deal.Classes[c];
                if (!k.HasPrincipal || k.Is(ClassType.Po) || !k.Groups.Contains(name)) continue;
                var take = Math.Min(left, positions[k.Name].CumulativeLoss - perClass[c]);
                if (take <= 0) continue;
                perClass[c] += take;
                perGroup[g] += take;
                left -= take;
            }
        }
        return (perClass, perGroup);
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
