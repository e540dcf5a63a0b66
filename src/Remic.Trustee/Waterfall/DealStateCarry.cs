using Remic.Deals.Model;
using Remic.Deals.Waterfall;
using Remic.Trustee.Distribution;

namespace Remic.Trustee.Waterfall;

/// <summary>
/// The waterfall's <see cref="DealState{T}"/> kept in the ledger between periods: class balances and unpaid
/// interest in the class lines, everything else as carry-forwards (whole cents, never negative, so an
/// over-collateralised pool is carried under its own item).
/// </summary>
public static class DealStateCarry
{
    public const string CapShortfall = "cap shortfall", PoDeferred = "PO deferred", Undercollateralisation = "undercollateralisation";
    /// <summary>The Senior Prepayment Percentage's step-down in effect (1 − the share of the Subordinate % the seniors keep) and the pool's serious delinquencies of the five prior dates.</summary>
    public const string StepDown = "senior prepayment step-down", Delinquency = "60+ delinquent";

    public static DealState<decimal> From(Deal deal, DistributionRequest request)
    {
        var positions = request.Classes.ToDictionary(k => k.Name, StringComparer.Ordinal);
        var carry = request.CarryForwards;
        decimal Get(string name, string item) => carry.Where(c => c.Name == name && c.Item == item).Sum(c => c.Amount);
        var classes = deal.Classes;
        return new DealState<decimal>
        {
            Period = request.PeriodNumber,
            Balances = classes.Select(k => positions[k.Name].Balance).ToArray(),
            UnpaidInterest = classes.Select(k => positions[k.Name].UnpaidInterest).ToArray(),
            CapShortfall = classes.Select(k => Get(CapShortfall, k.Name)).ToArray(),
            PoDeferred = deal.Groups.Select(g => Get(PoDeferred, g.Name)).ToArray(),
            Undercollateralisation = Get(Undercollateralisation, "above pool") - Get(Undercollateralisation, "below pool"),
            SeniorPrepaymentShift = 1m - Get(StepDown, "in effect"),
            SeriousDelinquencyHistory = Enumerable.Range(1, 5).Select(k => Get(Delinquency, $"{k} months before")).ToArray(),
        };
    }

    public static IReadOnlyList<CarryForward> To(Deal deal, DealState<decimal> next)
    {
        var list = new List<CarryForward>();
        for (var c = 0; c < deal.Classes.Count; c++)
            if (next.CapShortfall[c] != 0) list.Add(new(CapShortfall, deal.Classes[c].Name, next.CapShortfall[c]));
        for (var g = 0; g < deal.Groups.Count; g++)
            if (next.PoDeferred[g] != 0) list.Add(new(PoDeferred, deal.Groups[g].Name, next.PoDeferred[g]));
        if (next.Undercollateralisation > 0) list.Add(new(Undercollateralisation, "above pool", next.Undercollateralisation));
        if (next.Undercollateralisation < 0) list.Add(new(Undercollateralisation, "below pool", -next.Undercollateralisation));
        if (next.SeniorPrepaymentShift < 1m) list.Add(new(StepDown, "in effect", 1m - next.SeniorPrepaymentShift));
        for (var k = 0; k < next.SeriousDelinquencyHistory.Length; k++)
            if (next.SeriousDelinquencyHistory[k] > 0) list.Add(new(Delinquency, $"{k + 1} months before", next.SeriousDelinquencyHistory[k]));
        return list;
    }
}
