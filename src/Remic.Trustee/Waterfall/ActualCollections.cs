using Remic.Core;
using Remic.Deals.Model;
using Remic.Trustee.Distribution;
using Remic.Trustee.Remittance;
using W = Remic.Deals.Waterfall;

namespace Remic.Trustee.Waterfall;

/// <summary>
/// Turns a period's loan lines into the waterfall's per-group collections (exact cents): the Class PO / Class X
/// split from each loan's net rate against the group's strip rate, the trustee (and LPMI) fee taken out of
/// interest before Available Funds, and 60+ day delinquencies (incl. FC, REO, BK) for the step-down tests.
/// </summary>
public static class ActualCollections
{
    /// <summary>Fees paid out of interest remitted before the classes, per group in deal order.</summary>
    public sealed record GroupFees(string Group, decimal TrusteeFee, decimal LpmiFee, decimal PremiumLoanEnd);

    public static (W.PeriodCollections<decimal> Collections, IReadOnlyList<GroupFees> Fees) Build(Deal deal, DistributionRequest request)
    {
        var groups = new W.GroupCollections<decimal>[deal.Groups.Count];
        var fees = new GroupFees[deal.Groups.Count];
        for (var g = 0; g < deal.Groups.Count; g++)
        {
            var spec = deal.Groups[g];
            var lines = request.Loans.Where(l => l.Group == spec.Name).ToArray();
            var begin = lines.Sum(l => l.PriorBalance);
            var interest = lines.Sum(l => l.InterestCollected + l.InterestAdvance - l.ServicingFee);
            // Fees accrue on the group's stated balance (30/360, one month), never more than the interest remitted.
            var trustee = Math.Min(Money.Round(begin * spec.TrusteeFee / 100m / 12m), interest);
            var lpmi = Math.Min(Money.Round(begin * spec.LpmiFee / 100m / 12m), interest - trustee);
            var po = PoSplit(spec, lines);
            var ppis = PrepaymentInterestShortfall(lines);
            fees[g] = new GroupFees(spec.Name, trustee, lpmi, po.PremiumEnd);
            var cumulative = request.Collections.Groups.FirstOrDefault(x => x.Group == spec.Name)?.CumulativeRealizedLosses ?? 0m;
            groups[g] = new W.GroupCollections<decimal>
            {
                BeginBalance = begin,
                ScheduledPrincipal = lines.Sum(l => l.ScheduledPrincipal),
                Prepayments = lines.Sum(l => l.Payoff + l.Curtailment),
                LiquidationProceeds = lines.Sum(l => l.LiquidationProceeds),
                RealizedLoss = lines.Sum(l => l.RealizedLoss),
                // The waterfall allocates the shortfall on prepaid loans pro rata (Net Interest Shortfall); Available Funds stay the cash.
                NetInterest = interest - trustee - lpmi + ppis,
                PrepaymentInterestShortfall = ppis,
                PoBeginBalance = po.Begin,
                PoScheduledPrincipal = po.Scheduled,
                PoPrepayments = po.Prepaid,
                PoLiquidationProceeds = po.Liquidation,
                PoRealizedLoss = po.Loss,
                ClassXExcessInterest = po.Excess,
                PremiumLoanBalance = po.Premium,
                SeriousDelinquency = lines.Where(l => IsSerious(l.Delinquency) && l.EndingBalance > 0).Sum(l => l.EndingBalance),
                CumulativeLoss = cumulative,
            };
        }
        return (new W.PeriodCollections<decimal>(groups), fees);
    }

    /// <summary>
    /// Interest a loan prepaid in full (it has a paid-through date) fell short of a full month at its net rate:
    /// a month's net interest less what the loan actually remitted net of its servicing fee and its other fees
    /// (trustee, LPMI — taken on a full month). Compensating interest the servicer paid is part of
    /// <c>interest_collected</c>, so this is the shortfall net of it.
    /// </summary>
    public static decimal PrepaymentInterestShortfall(IEnumerable<LoanCollection> lines)
    {
        decimal sum = 0;
        foreach (var l in lines)
        {
            if (l.PaidThroughDate is null) continue;
            var due = l.PriorBalance * l.NetRate / 12m;
            var got = l.InterestCollected + l.InterestAdvance - l.ServicingFee - l.PriorBalance * l.OtherFeeRate / 12m;
            if (got < due) sum += due - got;
        }
        return Money.Round(sum);
    }

    public static bool IsSerious(Delinquency d) => d is Delinquency.Days60 or Delinquency.Days90Plus or Delinquency.Foreclosure or Delinquency.Reo or Delinquency.Bankruptcy;

    private sealed record Po(decimal Begin, decimal Scheduled, decimal Prepaid, decimal Liquidation, decimal Loss, decimal Excess, decimal Premium, decimal PremiumEnd);

    /// <summary>
    /// Discount loans (net rate below the strip) carry a PO fraction (strip − net) / strip of every principal amount;
    /// premium loans pay Class X their interest above the strip.
    /// </summary>
    private static Po PoSplit(LoanGroupSpec spec, IReadOnlyList<LoanCollection> lines)
    {
        if (spec.StripRate is not { } stripPercent) return new Po(0, 0, 0, 0, 0, 0, 0, 0);
        var strip = stripPercent / 100m;
        decimal begin = 0, end = 0, prepaid = 0, liq = 0, loss = 0, excess = 0, premium = 0, premiumEnd = 0;
        foreach (var l in lines)
        {
            var net = l.NetRate;
            if (net < strip)
            {
                var f = (strip - net) / strip;
                begin += l.PriorBalance * f; end += l.EndingBalance * f;
                prepaid += (l.Payoff + l.Curtailment) * f; liq += l.LiquidationProceeds * f; loss += l.RealizedLoss * f;
            }
            else if (net > strip)
            {
                premium += l.PriorBalance;
                premiumEnd += l.EndingBalance;
                // Class X is paid only what the loan actually remitted (collected or advanced).
                if (l.InterestCollected + l.InterestAdvance > 0) excess += l.PriorBalance * (net - strip) / 12m;
            }
        }
        // Rounded once per group, at the begin and end balance, with scheduled principal taking what remains:
        // this month's end is next month's begin to the cent, so the PO pool and Class PO stay equal.
        (begin, end, prepaid, liq, loss) = (Money.Round(begin), Money.Round(end), Money.Round(prepaid), Money.Round(liq), Money.Round(loss));
        var sched = begin - end - prepaid - liq - loss;
        excess = Money.Round(excess);
        return new Po(begin, sched, prepaid, liq, loss, excess, premium, premiumEnd);
    }
}
