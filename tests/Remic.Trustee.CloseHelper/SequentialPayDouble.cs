using Remic.Core;
using Remic.Trustee.Distribution;

namespace Remic.Trustee.CloseHelper;

/// <summary>
/// TEST DOUBLE, not a deal's waterfall: two or more classes paid sequentially, for exercising the ledger.
/// Interest: each class accrues <see cref="AnnualRate"/>/12 on its beginning balance (rounded to the cent) plus
/// its unpaid interest, paid in class order from interest remitted; what is left is the residual.
/// Principal: all principal remitted to the classes in order. Losses: to the classes in reverse order.
/// A fee of <see cref="TrusteeFeeRate"/>/12 of the pool's beginning balance is paid first from interest.
/// It carries one value forward: the number of periods it has closed.
/// </summary>
public sealed class SequentialPayDouble : IDistributionCalculator
{
    public decimal AnnualRate { get; init; } = 0.05m;
    public decimal TrusteeFeeRate { get; init; } = 0.0001m;

    public PeriodDistribution Distribute(DistributionRequest request)
    {
        var c = request.Collections;
        var interestLeft = c.Groups.Sum(g => g.InterestRemitted);
        var fee = Math.Min(interestLeft, Money.Round(c.BeginningBalance * TrusteeFeeRate / 12));
        interestLeft -= fee;
        var principalLeft = c.Groups.Sum(g => g.PrincipalRemitted);
        var lossLeft = c.RealizedLosses;

        var n = request.Classes.Count;
        var paidPrincipal = new decimal[n];
        var loss = new decimal[n];
        for (var i = 0; i < n; i++)
        {
            paidPrincipal[i] = Math.Min(principalLeft, request.Classes[i].Balance);
            principalLeft -= paidPrincipal[i];
        }
        for (var i = n - 1; i >= 0; i--)
        {
            loss[i] = Math.Min(lossLeft, request.Classes[i].Balance - paidPrincipal[i]);
            lossLeft -= loss[i];
        }
        if (principalLeft != 0 || lossLeft != 0)
            throw new ConservationException($"test double: {principalLeft} principal / {lossLeft} loss left over after all classes");

        var classes = request.Classes.Select((k, i) =>
        {
            var current = Money.Round(k.Balance * AnnualRate / 12);
            var due = current + k.UnpaidInterest;
            var paid = Math.Min(due, interestLeft);
            interestLeft -= paid;
            return new ClassDistribution(k.Name, k.Balance, current, paid, current - Math.Min(current, paid), due - paid,
                paidPrincipal[i], loss[i], k.Balance - paidPrincipal[i] - loss[i], AnnualRate);
        }).ToArray();
        // A counter carried period to period, so tests can see carry-forwards come back in the next request.
        var closes = request.CarryForwards.SingleOrDefault(x => x.Name == "test double")?.Amount ?? 0m;
        return new PeriodDistribution(classes, [new NamedAmount("trustee fee", fee)], [], interestLeft, [], [],
            [new CarryForward("test double", "periods closed", closes + 1)]);
    }
}
