using System.Numerics;

namespace Remic.Deals.Waterfall;

/// <summary>
/// A <c>pay_principal</c> step with <c>amount: remaining</c> pays what is left of its groups' Available Funds, so it may pay more
/// or less than the groups' principal collections. The groups' principal (their non-PO principal this period, once: a later
/// <c>remaining</c> step of the same groups finds none) is what the classes are owed; the rest of what the step pays is interest
/// paid as principal, which lowers the classes below the pool (overcollateralisation: <see cref="PeriodResult{T}.ExtraPrincipal"/>).
/// Principal the step could not draw (the funds went to interest) or no class could take is recorded as such, so the period's
/// conservation check accounts for every dollar instead of failing on a deal whose coupons are below the loans' net rate.
/// </summary>
internal static class RemainingPrincipal
{
    public static void Account<T>(Ledger<T> l, int[] from, T drawn, T paid) where T : unmanaged, IFloatingPoint<T>
    {
        var principal = T.Zero;
        foreach (var g in from)
        {
            principal += l.NonPoPrincipal[g];
            l.NonPoPrincipal[g] = T.Zero;
        }
        var r = l.R;
        r.ExtraPrincipal += Num<T>.Pos(paid - principal);
        r.PrincipalShortfall += Num<T>.Pos(principal - drawn);
        r.UnpayablePrincipal += Num<T>.Min(drawn - paid, Num<T>.Pos(principal - paid) - Num<T>.Pos(principal - drawn));
    }
}
