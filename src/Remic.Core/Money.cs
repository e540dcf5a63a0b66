namespace Remic.Core;

/// <summary>
/// Projections run in double for speed; ledgers and statements hold exact decimals.
/// This is the one place a projected amount becomes money.
/// </summary>
public static class Money
{
    /// <summary>Rounds a projected amount to the cent, half away from zero (the trustee's convention).</summary>
    public static decimal ToCents(double amount) => Math.Round((decimal)amount, 2, MidpointRounding.AwayFromZero);

    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
