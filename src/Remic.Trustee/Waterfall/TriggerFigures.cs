using Remic.Deals.Model;
using Remic.Deals.Waterfall;
using Remic.Trustee.Distribution;
using W = Remic.Deals.Waterfall;

namespace Remic.Trustee.Waterfall;

/// <summary>
/// The shifting-interest tests as the statement reports them (Regulation AB Item 1121(a)(12)): each with the value observed,
/// the threshold and the result, computed deal-wide as the waterfall's step-down runs them (docs/deal-format.md,
/// <c>shifting_interest</c>):
/// <list type="bullet">
/// <item>step-down delinquency test: 60+ day delinquencies (incl. FC, REO, BK) averaged over this and the five prior distribution
/// dates, as a fraction of the subordinate classes' balance, below <c>delinquency_percent_of_subordinates</c>;</item>
/// <item>step-down loss test: cumulative realised losses as a fraction of the subordinates' original balance, below the year's limit;</item>
/// <item>two-times test: the Subordinate Percentage (subordinates / non-PO pool) over its cut-off value, at least 2 (with its own
/// delinquency and loss limits).</item>
/// </list>
/// </summary>
public static class TriggerFigures
{
    public const string StepDownDelinquency = "step-down delinquency test", StepDownLoss = "step-down loss test", TwoTimes = "two-times test";

    public static IReadOnlyList<TriggerResult> Of(Deal deal, DealState<decimal> state, W.PeriodCollections<decimal> collections, int period)
    {
        if (deal.ShiftingInterest is not { } si) return [];
        var index = deal.Classes.Select((k, i) => (k.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        var subs = si.Subordinates.Where(index.ContainsKey).Select(n => index[n]).ToArray();
        var subBalance = subs.Sum(i => Math.Max(0m, state.Balances[i]));
        var subOriginal = subs.Sum(i => deal.Classes[i].OriginalBalance);
        var months = Math.Min(period, 6);
        var delinquent = collections.Groups.Sum(g => g.SeriousDelinquency);
        for (var k = 0; k < months - 1 && k < state.SeriousDelinquencyHistory.Length; k++) delinquent += state.SeriousDelinquencyHistory[k];
        delinquent /= months;
        var cumLoss = collections.Groups.Sum(g => g.CumulativeLoss);
        var year = (period - 1) / 12;
        var lossLimits = si.StepDown.CumulativeLossPercentByYear;
        var lossLimit = lossLimits.Count == 0 ? 1m : lossLimits[Math.Clamp(year - 5, 0, lossLimits.Count - 1)] / 100m;
        var delinquencyLimit = si.StepDown.DelinquencyPercentOfSubordinates / 100m;
        var list = new List<TriggerResult>
        {
            new(StepDownDelinquency, Ratio(delinquent, subBalance), delinquencyLimit, subBalance > 0 && delinquent < delinquencyLimit * subBalance),
            new(StepDownLoss, Ratio(cumLoss, subOriginal), lossLimit, cumLoss < lossLimit * subOriginal),
        };
        if (si.TwoTimesTest is not null)
        {
            var po = deal.Classes.Select((k, i) => (k, i)).Where(x => x.k.Is(ClassType.Po)).ToArray();
            var nonPoNow = collections.Groups.Sum(g => g.BeginBalance - g.PoBeginBalance);
            var nonPoOriginal = deal.Groups.Sum(g => g.CutoffBalance) - po.Sum(x => x.k.OriginalBalance);
            var originalSubPct = Ratio(subOriginal, nonPoOriginal);
            var multiple = originalSubPct == 0 ? 0m : Ratio(subBalance, nonPoNow) / originalSubPct;
            list.Add(new(TwoTimes, Math.Round(multiple, 12), 2m, multiple >= 2m));
        }
        return list;
    }

    private static decimal Ratio(decimal a, decimal b) => b <= 0 ? 0m : Math.Round(a / b, 12);
}
