using System.Globalization;
using Remic.Core;
using C = Remic.Trustee.Remittance.RemittanceColumns;

namespace Remic.Trustee.Remittance;

/// <summary>
/// Plausibility bounds on one remittance row, so an implausible servicer figure (a quadrillion dollars of interest on a
/// $250,000 loan) is refused at its line instead of being distributed:
/// <list type="bullet">
/// <item>every amount is at most <see cref="CutoffMultiple"/> × the deal's cut-off pool balance;</item>
/// <item>interest collected + interest advanced is at most <see cref="MaxInterestMonths"/> months of interest on the prior
/// balance at the loan's note rate or <see cref="FloorRate"/>, whichever is higher (a year of arrears caught up, plus the
/// month, with room for an adjustable rate that has reset upward), plus one dollar of rounding.</item>
/// </list>
/// Principal amounts need no bound of their own: they must roll the prior balance forward to a non-negative ending balance.
/// With these bounds every per-period SQL SUM of a cents column stays within a small multiple of the deal's balances, far
/// inside 64 bits.
/// </summary>
public static class RemittanceBounds
{
    public const decimal CutoffMultiple = 10m;
    public const int MaxInterestMonths = 13;
    public const decimal FloorRate = 0.12m;

    public static void Check(string file, RemittanceRow r, LoanPosition pos, decimal? dealCutoffBalance, List<InputError> errors)
    {
        if (dealCutoffBalance is { } cutoff)
        {
            var before = errors.Count;
            var cap = CutoffMultiple * cutoff;
            foreach (var (column, amount) in Amounts(r))
                if (amount > cap)
                    errors.Add(new(file, r.Line, column, Money(amount),
                        $"at most {CutoffMultiple:0} × the deal's cut-off balance ({Money(cap)}); no servicer amount can be that large"));
            if (errors.Count > before) return;
        }
        var rate = Math.Max(pos.GrossRate ?? 0m, FloorRate);
        var most = Math.Round(pos.Balance * rate / 12m * MaxInterestMonths, 2) + 1m;
        var interest = r.InterestCollected + r.InterestAdvance;
        if (interest > most)
        {
            var (column, value) = r.InterestCollected >= r.InterestAdvance ? (C.InterestCollected, r.InterestCollected) : (C.InterestAdvance, r.InterestAdvance);
            errors.Add(new(file, r.Line, column, Money(value), string.Create(CultureInfo.InvariantCulture,
                $"interest collected + interest advanced ({Money(r.InterestCollected)} + {Money(r.InterestAdvance)}) of at most {MaxInterestMonths} months' interest on the prior balance {Money(pos.Balance)} at {100 * rate:0.###}% (the note rate or {100 * FloorRate:0}%, whichever is higher): {Money(most)}")));
        }
    }

    private static IEnumerable<(string Column, decimal Amount)> Amounts(RemittanceRow r)
    {
        if (r.PriorBalance is { } prior) yield return (C.PriorBalance, prior);
        yield return (C.ScheduledPrincipal, r.ScheduledPrincipal);
        yield return (C.Curtailment, r.Curtailment);
        yield return (C.Payoff, r.Payoff);
        yield return (C.InterestCollected, r.InterestCollected);
        yield return (C.ServicingFee, r.ServicingFee);
        yield return (C.PrincipalAdvance, r.PrincipalAdvance);
        yield return (C.InterestAdvance, r.InterestAdvance);
        yield return (C.LiquidationProceeds, r.LiquidationProceeds);
        yield return (C.RealizedLoss, r.RealizedLoss);
        yield return (C.EndingBalance, r.EndingBalance);
        yield return (C.CompensatingInterest, r.CompensatingInterest);
        if (r.PrepaymentInterestShortfall is { } ppis) yield return (C.PrepaymentInterestShortfall, ppis);
        yield return (C.ReliefActShortfall, r.ReliefActShortfall);
        yield return (C.SubsequentRecovery, r.SubsequentRecovery);
    }

    private static string Money(decimal x) => x.ToString("0.00", CultureInfo.InvariantCulture);
}
