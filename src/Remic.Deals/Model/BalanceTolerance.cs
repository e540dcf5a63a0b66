namespace Remic.Deals.Model;

/// <summary>
/// How closely a deal's amounts must agree, stated once for the loader and the waterfall's checks, so that a
/// deal file the loader accepts can never fail a check for a difference the user wrote.
/// <para>Deal file: the classes' original balances add up to the loan groups' cut-off balance, and a Class PO
/// equals the PO portion of its loans, to the cent (both sides rounded to the cent must be equal). The trustee's
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

    private static decimal Round(decimal x) => Math.Round(x, 2, MidpointRounding.AwayFromZero);
}
