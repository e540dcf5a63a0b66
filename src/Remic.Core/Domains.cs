namespace Remic.Core;

/// <summary>
/// The stated domain of every number and date Remic reads, checked where it is read (deal file, tape, remittance,
/// option). Values outside are refused as input errors: nothing downstream has to guard against an overflow,
/// an infinite speed or a date past the calendar's end. docs/deal-format.md and docs/collateral.md list them.
/// </summary>
public static class Domains
{
    /// <summary>Loan terms, ages, IO and balloon terms, in months (a 50-year loan).</summary>
    public const int MaxTermMonths = 600;

    /// <summary>The N of a speed vector's "for N" (months), and a vector's total length.</summary>
    public const int MaxVectorMonths = 1200;

    /// <summary>Months from default to liquidation.</summary>
    public const int MaxLagMonths = 120;

    /// <summary>A price in percent of face (an IO priced on its notional is well below).</summary>
    public const decimal MaxPrice = 1000m;

    /// <summary>Any balance or amount in dollars: ten trillion, far above any trust and far below 64-bit cents.</summary>
    public const decimal MaxBalance = 10_000_000_000_000m;

    /// <summary>PSA, SDA and PPC multiples in percent of the curve (100 = the curve itself).</summary>
    public const double MaxSpeedMultiple = 10_000;

    /// <summary>An index level or fixing in percent.</summary>
    public const double MinIndexPercent = -5, MaxIndexPercent = 50;

    /// <summary>Calendar years a date may fall in (cut-off, closing, distribution, settlement, period, paid-through).</summary>
    public const int MinYear = 1970, MaxYear = 2100;

    /// <summary>Loans an inline rep line may stand for, and loans a whole deal may hold (a trustee tracks each one).</summary>
    public const int MaxLoansPerRepLine = 100_000, MaxLoansPerDeal = 1_000_000;

    public const string DateRange = "a date from 1970-01-01 to 2100-12-31";

    public static bool InRange(DateOnly d) => d.Year is >= MinYear and <= MaxYear;
}
