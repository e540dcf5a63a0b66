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
    public sealed record GroupFees(string Group, decimal TrusteeFee, decimal LpmiFee, decimal PremiumLoanEnd,
        decimal PrepaymentInterestShortfall = 0m, decimal NetInterestShortfall = 0m, decimal SubsequentRecoveries = 0m, decimal WrittenUp = 0m);

    /// <summary>The Class PO rounding remainder folded into the PO pool's scheduled principal: at most this much (see <see cref="PoSplits"/>).</summary>
    public const decimal PoRemainderLimit = BalanceTolerance.PoRemainderLimit;

    /// <param name="writtenUp">Per group (deal order), the subsequent recoveries written up onto class balances this period (see <see cref="SubsequentRecoveries"/>).</param>
    public static (W.PeriodCollections<decimal> Collections, IReadOnlyList<GroupFees> Fees) Build(Deal deal, DistributionRequest request, IReadOnlyList<decimal>? writtenUp = null)
    {
        var groups = new W.GroupCollections<decimal>[deal.Groups.Count];
        var fees = new GroupFees[deal.Groups.Count];
        var splits = PoSplits(deal, request);
        for (var g = 0; g < deal.Groups.Count; g++)
        {
            var spec = deal.Groups[g];
            var lines = request.Loans.Where(l => l.Group == spec.Name).ToArray();
            var begin = lines.Sum(l => l.PriorBalance);
            var interest = lines.Sum(l => l.InterestCollected + l.InterestAdvance - l.ServicingFee + l.CompensatingInterest);
            // Fees accrue on the group's stated balance (30/360, one month), never more than the interest remitted.
            var trustee = Math.Min(Money.Round(begin * spec.TrusteeFee / 100m / 12m), interest);
            var lpmi = Math.Min(Money.Round(begin * spec.LpmiFee / 100m / 12m), interest - trustee);
            var po = splits[g];
            var (gross, ppis) = PrepaymentInterestShortfalls(lines);
            var relief = lines.Sum(l => l.ReliefActShortfall);
            var recovered = lines.Sum(l => l.SubsequentRecovery);
            var up = writtenUp?[g] ?? 0m;
            fees[g] = new GroupFees(spec.Name, trustee, lpmi, po.PremiumEnd, gross, ppis + relief, recovered, up);
            var cumulative = request.Collections.Groups.FirstOrDefault(x => x.Group == spec.Name)?.CumulativeRealizedLosses ?? 0m;
            groups[g] = new W.GroupCollections<decimal>
            {
                // A subsequent recovery written up onto the classes restores that much balance, paid at once as unscheduled principal.
                BeginBalance = begin + up,
                ScheduledPrincipal = lines.Sum(l => l.ScheduledPrincipal),
                Prepayments = lines.Sum(l => l.Payoff + l.Curtailment),
                LiquidationProceeds = lines.Sum(l => l.LiquidationProceeds) + up,
                RealizedLoss = lines.Sum(l => l.RealizedLoss),
                // The waterfall allocates the Net Interest Shortfall (prepayment interest shortfall net of compensating interest, plus
                // the Relief Act shortfall) to the classes pro rata; Available Funds stay the cash.
                NetInterest = interest - trustee - lpmi + ppis + relief,
                PrepaymentInterestShortfall = ppis,
                ReliefActShortfall = relief,
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
    /// <c>interest_collected</c> when the file has no <c>compensating_interest</c> column, so this is then the shortfall net of it.
    /// </summary>
    public static decimal PrepaymentInterestShortfall(IEnumerable<LoanCollection> lines) => PrepaymentInterestShortfalls(lines).Net;

    /// <summary>
    /// The group's prepayment interest shortfall before compensating interest (<c>Gross</c>) and the part compensating interest
    /// does not cover (<c>Net</c>, the PSA's Net Prepayment Interest Shortfall), each summed unrounded and rounded once. Per loan:
    /// the servicer's <c>prepayment_interest_shortfall</c> when given, else (a payoff with a paid-through date) a month's net
    /// interest less what the loan remitted before compensating interest; net = max(0, gross − compensating interest).
    /// </summary>
    public static (decimal Gross, decimal Net) PrepaymentInterestShortfalls(IEnumerable<LoanCollection> lines)
    {
        decimal gross = 0, net = 0;
        foreach (var l in lines)
        {
            decimal shortfall;
            if (l.PrepaymentInterestShortfall is { } given) shortfall = given;
            else if (l.PaidThroughDate is null) continue;
            else
            {
                var due = l.PriorBalance * l.NetRate / 12m;
                var got = l.InterestCollected + l.InterestAdvance - l.ServicingFee - l.PriorBalance * l.OtherFeeRate / 12m;
                shortfall = Math.Max(0m, due - got);
            }
            gross += shortfall;
            net += Math.Max(0m, shortfall - l.CompensatingInterest);
        }
        return (Money.Round(gross), Money.Round(net));
    }

    /// <summary>
    /// Each group's PO split, with the remainder rule: a Class PO within <see cref="PoRemainderLimit"/> of its loans' PO portion (a
    /// prospectus rounds each loan's PO balance; the ledger sums them unrounded and rounds once per group) closes exactly — the
    /// difference is added to the scheduled PO principal (and beginning PO balance) of the first of its groups, in deal order, whose
    /// scheduled PO principal can take it; from then on Class PO and the PO pool are equal to the cent.
    /// </summary>
    private static Po[] PoSplits(Deal deal, DistributionRequest request)
    {
        var splits = deal.Groups.Select(g => PoSplit(g, request.Loans.Where(l => l.Group == g.Name).ToArray())).ToArray();
        foreach (var k in deal.Classes.Where(c => c.Is(ClassType.Po)))
        {
            if (request.Classes.FirstOrDefault(x => x.Name == k.Name) is not { } position) continue;
            var groups = k.Groups.Select(deal.GroupIndex).Where(g => g >= 0).ToArray();
            var remainder = position.Balance - groups.Sum(g => splits[g].Begin);
            if (remainder == 0 || Math.Abs(remainder) > PoRemainderLimit) continue;
            foreach (var g in groups)
                if (splits[g].Scheduled + remainder >= 0)
                {
                    splits[g] = splits[g] with { Begin = splits[g].Begin + remainder, Scheduled = splits[g].Scheduled + remainder };
                    break;
                }
        }
        return splits;
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
