namespace Remic.Trustee.Ledger;

/// <summary>
/// Money is stored as whole cents in a 64-bit integer column on both databases: exact, summable in SQL,
/// identical across dialects. These are the only conversions between ledger columns and decimal money.
/// </summary>
public static class Cents
{
    public static long FromMoney(decimal amount)
    {
        var cents = amount * 100m;
        if (cents != decimal.Truncate(cents))
            throw new ArgumentException($"{amount} has fractions of a cent; the ledger stores whole cents", nameof(amount));
        return (long)cents;
    }

    public static decimal ToMoney(long cents) => cents / 100m;
}
