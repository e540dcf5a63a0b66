using Remic.Core;
using Remic.Deals.Model;

namespace Remic.Deals.Loading;

/// <summary>The market indices a deal uses: its floaters' and inverse floaters' coupons, its corridors and its ARM loans.</summary>
public static class DealIndices
{
    public static IReadOnlyList<string> Used(Deal deal) =>
        deal.Classes.Select(c => c.Coupon).OfType<FormulaCoupon>().Select(f => f.Index)
            .Concat(deal.Corridors.Select(k => k.Index))
            .Concat(deal.Groups.SelectMany(g => g.Loans).Where(l => l.Arm is not null).Select(l => l.Arm!.Index))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>Refuses a fixing for an index the deal does not use (a typo would otherwise be recorded and ignored).</summary>
    public static void CheckFixings(Deal deal, IEnumerable<string> names, string option)
    {
        var used = Used(deal);
        var errors = names.Where(n => !used.Contains(n, StringComparer.OrdinalIgnoreCase))
            .Select(n => new InputError(option, 0, "", n, used.Count == 0
                ? "the deal uses no index (no floater, corridor or ARM loan); give no fixing"
                : $"an index the deal uses ({string.Join(", ", used)})"))
            .ToList();
        if (errors.Count > 0) throw new RemicInputException(errors);
    }
}
