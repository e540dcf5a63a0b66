namespace Remic.Collateral.Tape;

/// <summary>
/// The columns of a loan-level tape. Rates, fees, caps, margins and LTV are in percent as tapes
/// print them (6.5 = 6.5%); the reader converts them to the fractions <see cref="Loan"/> holds.
/// Terms and ages are whole months; balances are dollars.
/// </summary>
public static class TapeColumns
{
    public const string LoanId = "loan_id", Group = "group", Balance = "balance", OriginalBalance = "original_balance",
        GrossRate = "gross_rate", ServicingFee = "servicing_fee", OtherFees = "other_fees",
        OriginalTerm = "original_term", RemainingTerm = "remaining_term", Age = "age", IoTerm = "io_term",
        BalloonTerm = "balloon_term", Fico = "fico", OriginalLtv = "original_ltv", State = "state",
        PropertyType = "property_type", Occupancy = "occupancy", Purpose = "purpose", Documentation = "documentation",
        Index = "index", Margin = "margin", FirstResetAge = "first_reset_age", ResetFrequency = "reset_frequency",
        InitialCap = "initial_cap", PeriodicCap = "periodic_cap", LifetimeCap = "lifetime_cap", LifetimeFloor = "lifetime_floor";

    /// <summary>Columns every tape must have, in the order <see cref="TapeWriter"/> writes them.</summary>
    public static readonly IReadOnlyList<string> Required =
    [
        LoanId, Group, Balance, OriginalBalance, GrossRate, ServicingFee, OriginalTerm, RemainingTerm, Age,
        IoTerm, BalloonTerm, Fico, OriginalLtv, State, PropertyType, Occupancy, Purpose, Documentation,
    ];

    /// <summary>ARM columns: all blank (or absent) for a fixed-rate loan, all filled for an ARM.</summary>
    public static readonly IReadOnlyList<string> Arm =
        [Index, Margin, FirstResetAge, ResetFrequency, InitialCap, PeriodicCap, LifetimeCap, LifetimeFloor];

    public static readonly IReadOnlyList<string> Optional = [OtherFees, .. Arm];

    public static readonly IReadOnlyList<string> All = [.. Required, .. Optional];
}
