using Remic.Core;
using Remic.Deals.Model;
using Remic.Trustee.Distribution;
using Remic.Trustee.Ledger;
using Remic.Trustee.Periods;
using Remic.Trustee.Waterfall;

namespace Remic.Trustee.Statements;

/// <summary>Builds the monthly statement from what the close recorded (never by recomputing it).</summary>
public static class StatementBuilder
{
    /// <summary>Per-$1,000 factors are quoted to 8 decimals, as trustee statements do.</summary>
    public const int FactorDecimals = 8;

    public static Statement Build(LedgerDb db, Deal deal, string dealId, Period period)
    {
        var closed = ClosedPeriodReader.Read(db, dealId, period);
        var first = Period.Of(deal.Metadata.FirstDistributionDate);
        return Build(deal, closed, PoolComposition.Read(db, dealId, period, period.MonthsSince(first) + 1));
    }

    public static Statement Build(Deal deal, ClosedPeriod p) => Build(deal, p, ([], []));

    public static Statement Build(Deal deal, ClosedPeriod p, (IReadOnlyList<GroupComposition> Groups, IReadOnlyList<ModifiedLoan> Modified) composition)
    {
        var firstPeriod = Period.Of(deal.Metadata.FirstDistributionDate);
        var date = deal.Metadata.DistributionDate(p.Period.MonthsSince(firstPeriod) + 1);
        var figures = (p.Distribution.Groups ?? []).ToDictionary(g => g.Group, StringComparer.Ordinal);
        var classes = ClassLines(deal, p, figures);
        var triggers = p.Distribution.Triggers.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var compositions = composition.Groups.ToDictionary(g => g.Group, StringComparer.Ordinal);
        decimal Fee(string name) => p.Distribution.Fees.Where(f => f.Name == name).Sum(f => f.Amount);
        var groups = p.Collections.Groups.Select(g =>
        {
            var f = figures.GetValueOrDefault(g.Group);
            var k = compositions.GetValueOrDefault(g.Group);
            return new GroupLine(g.Group, g.LoanCount, g.BeginningBalance, g.ScheduledPrincipal, g.PrepaymentsInFull,
                g.Curtailments, g.LiquidationProceeds, g.InterestCollected, g.ServicingFees, Fee($"trustee fee group {g.Group}"),
                g.PrincipalAdvances, g.InterestAdvances, g.RealizedLosses, g.CumulativeRealizedLosses, g.EndingBalance, g.Delinquencies,
                f?.SeniorPercentage ?? (triggers.TryGetValue(TriggerNames.SeniorPercentage + g.Group, out var sp) ? sp.Observed : null),
                f?.SeniorPrepaymentPercentage ?? (triggers.TryGetValue(TriggerNames.SeniorPrepaymentPercentage + g.Group, out var spp) ? spp.Observed : null),
                triggers.TryGetValue(TriggerNames.StepDown + g.Group, out var sd) ? sd.Passed : null)
            {
                CompensatingInterest = g.CompensatingInterest, PrepaymentInterestShortfall = g.PrepaymentInterestShortfall,
                ReliefActShortfall = g.ReliefActShortfall, NetInterestShortfall = f?.NetInterestShortfall ?? 0m,
                SubsequentRecoveries = g.SubsequentRecoveries, LpmiFees = Fee($"LPMI fee group {g.Group}"),
                ModifiedLoans = g.ModifiedLoans, ModifiedBalance = g.ModifiedBalance, PoDeferred = f?.PoDeferred ?? 0m,
                BeginningLoanCount = k?.BeginningLoanCount ?? 0, WeightedAverageMortgageRate = k?.MortgageRate,
                WeightedAverageNetRate = k?.NetRate, WeightedAverageRemainingTerm = k?.RemainingTerm,
            };
        }).ToArray();
        return new Statement(p.DealId, deal.Metadata.TrustName, p.Period.ToString(), date, p.CloseId, p.Indices, classes, ClassTotals.Of(classes), groups,
            p.Distribution.Fees, p.Distribution.Retained, p.Distribution.Residual, p.Distribution.CorridorReceipts, p.CarryForwards, p.Reconciliation)
        {
            Dates = StatementCalendar.Of(deal, date),
            FeesPaid = FeesPaid(deal, groups),
            Triggers = p.Distribution.Triggers,
            Modifications = composition.Modified,
            MasterServicer = deal.Metadata.MasterServicer,
            Trustee = deal.Metadata.Trustee,
        };
    }

    private static ClassLine[] ClassLines(Deal deal, ClosedPeriod p, IReadOnlyDictionary<string, GroupFigures> figures)
    {
        var specs = deal.Classes.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var cap = p.CarryForwards.Where(c => c.Name == DealStateCarry.CapShortfall).ToDictionary(c => c.Item, c => c.Amount, StringComparer.Ordinal);
        var enhancement = CreditEnhancement(deal, p);
        return p.Classes.Select(k =>
        {
            var d = k.Distribution;
            var spec = specs.GetValueOrDefault(d.Name);
            var notional = spec?.IsNotional ?? false;
            var (ppis, relief) = ShortfallParts(spec, d.InterestShortfall, p, figures);
            // A notional class's change is never a loss or accretion (ledgers closed before this rule recorded it as one).
            return new ClassLine(d.Name, notional, k.OriginalBalance, d.BeginningBalance, notional ? 0 : d.PrincipalPaid, d.InterestPaid, d.InterestShortfall,
                d.UnpaidInterest, notional ? 0 : d.RealizedLoss, d.EndingBalance, d.PassThroughRate,
                Per1000(notional ? 0 : d.PrincipalPaid, k.OriginalBalance), Per1000(d.InterestPaid, k.OriginalBalance), Per1000(d.EndingBalance, k.OriginalBalance),
                notional ? 0 : d.Accretion, notional ? d.EndingBalance - d.BeginningBalance : 0)
            {
                CumulativeRealizedLoss = notional ? 0 : k.CumulativeLoss, CorridorPaid = d.CorridorPaid, WriteUp = d.WriteUp,
                CapShortfall = cap.GetValueOrDefault(d.Name), PrepaymentInterestShortfall = ppis, ReliefActShortfall = relief,
                CreditEnhancement = enhancement.TryGetValue(d.Name, out var ce) ? ce : null, Cusip = spec?.Cusip, Description = spec?.Description,
            };
        }).ToArray();
    }

    /// <summary>
    /// A class's interest shortfall split by its groups' causes: the prepayment-interest part and the Relief Act part in proportion
    /// to the groups' net prepayment interest shortfall and Relief Act shortfall (the rest, e.g. a liquidated loan's uncovered interest,
    /// in neither).
    /// </summary>
    private static (decimal Ppis, decimal Relief) ShortfallParts(ClassSpec? spec, decimal shortfall, ClosedPeriod p, IReadOnlyDictionary<string, GroupFigures> figures)
    {
        if (spec is null || shortfall == 0) return (0, 0);
        var groups = spec.Groups.Where(figures.ContainsKey).ToArray();
        var nis = groups.Sum(g => figures[g].NetInterestShortfall);
        var relief = groups.Sum(g => p.Collections.Groups.FirstOrDefault(x => x.Group == g)?.ReliefActShortfall ?? 0m);
        if (nis <= 0) return (0, 0);
        var reliefPart = Money.Round(shortfall * Math.Min(relief, nis) / nis);
        return (Money.Round(shortfall * (nis - Math.Min(relief, nis)) / nis), reliefPart);
    }

    /// <summary>
    /// Credit enhancement after the distribution: the ending balance of the classes subordinate to a class over all principal classes'
    /// ending balance — for a senior class every subordinate class, for a subordinate class those after it in the deal's order.
    /// </summary>
    private static Dictionary<string, decimal> CreditEnhancement(Deal deal, ClosedPeriod p)
    {
        var ending = p.Classes.ToDictionary(k => k.Distribution.Name, k => k.Distribution.EndingBalance, StringComparer.Ordinal);
        var principal = deal.Classes.Where(c => c.HasPrincipal && ending.ContainsKey(c.Name)).ToArray();
        var total = principal.Sum(c => ending[c.Name]);
        var subs = (deal.ShiftingInterest?.Subordinates ?? deal.Classes.Where(c => c.Is(ClassType.Subordinate)).Select(c => c.Name).ToList())
            .Where(ending.ContainsKey).ToArray();
        var result = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (total <= 0 || subs.Length == 0) return result;
        decimal Share(IEnumerable<string> names) => Math.Round(names.Sum(n => ending[n]) / total, 10);
        foreach (var c in principal.Where(c => !subs.Contains(c.Name) && !c.Is(ClassType.Po) && !c.Is(ClassType.Residual)))
            result[c.Name] = Share(subs);
        for (var i = 0; i < subs.Length; i++) result[subs[i]] = Share(subs.Skip(i + 1));
        return result;
    }

    private static IReadOnlyList<FeePaid> FeesPaid(Deal deal, IReadOnlyList<GroupLine> groups)
    {
        var servicer = deal.Metadata.MasterServicer is { Length: > 0 } m ? m : "the master servicer";
        var trustee = deal.Metadata.Trustee is { Length: > 0 } t ? t : "the trustee";
        return
        [
            new("servicing fee", servicer, "master servicing, retained from interest collected (net of compensating interest paid)",
                groups.Sum(g => g.ServicingFees - g.CompensatingInterest)),
            new("trustee fee", trustee, "trustee and paying agent, paid from interest before the classes", groups.Sum(g => g.TrusteeFees)),
            new("LPMI fee", "the lender-paid mortgage insurers", "lender-paid primary mortgage insurance premiums", groups.Sum(g => g.LpmiFees)),
        ];
    }

    /// <summary>Amount per $1,000 of original balance, 8 decimals (zero for a class with no original balance).</summary>
    public static decimal Per1000(decimal amount, decimal original) =>
        original == 0 ? 0 : Math.Round(amount * 1000m / original, FactorDecimals, MidpointRounding.AwayFromZero);
}
