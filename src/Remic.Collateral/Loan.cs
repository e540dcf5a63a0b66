namespace Remic.Collateral;

/// <summary>
/// Adjustable-rate terms. Rates are annual fractions (0.0275 = 2.75%). Resets happen at loan age
/// <see cref="FirstResetAge"/> (the payment number whose rate is the first reset rate) and every
/// <see cref="ResetFrequency"/> months after; the new rate is index + margin, moved at most
/// <see cref="PeriodicCap"/> from the prior rate (<see cref="InitialCap"/> at the first reset),
/// kept within [<see cref="LifetimeFloor"/>, <see cref="LifetimeCap"/>].
/// </summary>
public sealed record ArmTerms(
    string Index,
    double Margin,
    int FirstResetAge,
    int ResetFrequency,
    double InitialCap,
    double PeriodicCap,
    double LifetimeCap,
    double LifetimeFloor);

/// <summary>
/// One mortgage loan, or a rep line standing for <see cref="LoanCount"/> alike loans. Both go
/// through the same projection. Rates are annual fractions; terms are months.
/// <para><see cref="OriginalTerm"/> and <see cref="RemainingTerm"/> are amortisation terms.
/// A balloon loan pays its whole balance at loan age <see cref="BalloonTerm"/> (0 = no balloon);
/// an interest-only loan pays no principal while its age is ≤ <see cref="IoTerm"/>.</para>
/// </summary>
public sealed record Loan
{
    public string Id { get; init; } = "1";
    public string Group { get; init; } = "1";
    public double Balance { get; init; }
    public double GrossRate { get; init; }
    public double ServicingFee { get; init; }
    /// <summary>Trustee fee, LPMI and any other strip taken before the pass-through rate.</summary>
    public double OtherFees { get; init; }
    public int OriginalTerm { get; init; }
    public int RemainingTerm { get; init; }
    public int Age { get; init; }
    public int IoTerm { get; init; }
    public int BalloonTerm { get; init; }
    public ArmTerms? Arm { get; init; }
    public double LoanCount { get; init; } = 1;
    /// <summary>False for a deal file's rep line that does not give its loan_count (<see cref="LoanCount"/> is then 1).</summary>
    public bool LoanCountStated { get; init; } = true;

    // Tape attributes (used by stratification; not by the projection).
    public double? OriginalBalance { get; init; }
    public int? Fico { get; init; }
    /// <summary>Original loan-to-value ratio as a fraction (0.80 = 80%), like every rate on a Loan.</summary>
    public double? OriginalLtv { get; init; }
    public string? State { get; init; }
    public string? PropertyType { get; init; }
    public string? Occupancy { get; init; }
    public string? Purpose { get; init; }
    public string? Documentation { get; init; }

    /// <summary>Pass-through (net) rate: gross less servicing and other fees.</summary>
    public double NetRate => GrossRate - ServicingFee - OtherFees;
}
