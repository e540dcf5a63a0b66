using Remic.Core;
using Remic.Deals.Model;
using Remic.Trustee.Ledger;
using Remic.Trustee.Periods;
using Remic.Trustee.Waterfall;

namespace Remic.Trustee.Statements;

/// <summary>Builds the monthly statement from what the close recorded (never by recomputing it).</summary>
public static class StatementBuilder
{
    /// <summary>Per-$1,000 factors are quoted to 8 decimals, as trustee statements do.</summary>
    public const int FactorDecimals = 8;

    public static Statement Build(LedgerDb db, Deal deal, string dealId, Period period) =>
        Build(deal, ClosedPeriodReader.Read(db, dealId, period));

    public static Statement Build(Deal deal, ClosedPeriod p)
    {
        var firstPeriod = Period.Of(deal.Metadata.FirstDistributionDate);
        var date = deal.Metadata.DistributionDate(p.Period.MonthsSince(firstPeriod) + 1);
        var classes = p.Classes.Select(k =>
        {
            var d = k.Distribution;
            var notional = deal.Classes.FirstOrDefault(c => c.Name == d.Name)?.IsNotional ?? false;
            // A notional class's change is never a loss or accretion (ledgers closed before this rule recorded it as one).
            return new ClassLine(d.Name, notional, k.OriginalBalance, d.BeginningBalance, notional ? 0 : d.PrincipalPaid, d.InterestPaid, d.InterestShortfall,
                d.UnpaidInterest, notional ? 0 : d.RealizedLoss, d.EndingBalance, d.PassThroughRate,
                Per1000(notional ? 0 : d.PrincipalPaid, k.OriginalBalance), Per1000(d.InterestPaid, k.OriginalBalance), Per1000(d.EndingBalance, k.OriginalBalance),
                notional ? 0 : d.Accretion, notional ? d.EndingBalance - d.BeginningBalance : 0);
        }).ToArray();
        var triggers = p.Distribution.Triggers.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var groups = p.Collections.Groups.Select(g => new GroupLine(g.Group, g.LoanCount, g.BeginningBalance, g.ScheduledPrincipal, g.PrepaymentsInFull,
            g.Curtailments, g.LiquidationProceeds, g.InterestCollected, g.ServicingFees,
            p.Distribution.Fees.Where(f => f.Name == $"trustee fee group {g.Group}").Sum(f => f.Amount),
            g.PrincipalAdvances, g.InterestAdvances, g.RealizedLosses, g.CumulativeRealizedLosses, g.EndingBalance, g.Delinquencies,
            triggers.TryGetValue(TriggerNames.SeniorPercentage + g.Group, out var sp) ? sp.Observed : null,
            triggers.TryGetValue(TriggerNames.SeniorPrepaymentPercentage + g.Group, out var spp) ? spp.Observed : null,
            triggers.TryGetValue(TriggerNames.StepDown + g.Group, out var sd) ? sd.Passed : null)).ToArray();
        return new Statement(p.DealId, deal.Metadata.TrustName, p.Period.ToString(), date, p.CloseId, p.Indices, classes, ClassTotals.Of(classes), groups,
            p.Distribution.Fees, p.Distribution.Retained, p.Distribution.Residual, p.Distribution.CorridorReceipts, p.CarryForwards, p.Reconciliation);
    }

    /// <summary>Amount per $1,000 of original balance, 8 decimals (zero for a class with no original balance).</summary>
    public static decimal Per1000(decimal amount, decimal original) =>
        original == 0 ? 0 : Math.Round(amount * 1000m / original, FactorDecimals, MidpointRounding.AwayFromZero);
}
