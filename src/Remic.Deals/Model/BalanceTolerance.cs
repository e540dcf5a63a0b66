namespace Remic.Deals.Model;

/// <summary>
/// How closely a deal's amounts must agree, stated once for the loader and the waterfall's checks, so that a
/// deal file the loader accepts can never fail a check for a difference the user wrote.
/// <para>Deal file: the classes' original balances add up to the loan groups' cut-off balance, and a Class PO
/// is within $1.00 of the PO portion of its loans (the remainder rule, <see cref="PoRemainderLimit"/>; both sides rounded to the cent must be equal). The trustee's
/// ledger keeps whole cents, so there the two agree exactly.</para>
/// <para>Waterfall checks: exactly in decimal (the trustee's cents); in double projections the float noise of
/// sums over many loans (1e-9 of the pool) plus one cent, more than any rounding the loader allows.</para>
/// </summary>
public static class BalanceTolerance
{
    /// <summary>The deal file's amounts agree when they are equal rounded to the cent.</summary>
    public static bool AgreeToTheCent(decimal a, decimal b) => Round(a) == Round(b);

    /// <summary>The waterfall checks' tolerance for a double projection of a pool of this cut-off balance.</summary>
    public static double Projection(decimal pool) => 1e-9 * (double)pool + 0.01;

    /// <summary>
    /// A Class PO may differ from its loans' PO portion by at most this much (a prospectus rounds each loan's PO balance): the
    /// difference goes into the first month's scheduled PO principal, so the Class PO and the PO pool are equal from then on.
    /// </summary>
    public const decimal PoRemainderLimit = 1.00m;

    /// <summary>A Class PO's balance agrees with its loans' PO portion within <see cref="PoRemainderLimit"/> (both rounded to the cent).</summary>
    public static bool PoWithinRemainder(decimal classPo, decimal poPortion) => Math.Abs(Round(classPo) - Round(poPortion)) <= PoRemainderLimit;

    private static decimal Round(decimal x) => Math.Round(x, 2, MidpointRounding.AwayFromZero);
}
