namespace Remic.Deals.Model;

/// <summary>
/// Shifting interest: how prepayments are kept from the subordinates in the early years. The Senior
/// Prepayment Percentage is Senior% + <see cref="SubordinateShareToSeniorsByYear"/>[year] × Subordinate%
/// (100 for years 1-5 means every prepayment to the seniors), subject to the step-down tests.
/// </summary>
public sealed record ShiftingInterestSpec
{
    public required IReadOnlyList<string> Subordinates { get; init; }
    /// <summary>Percent of the Subordinate Percentage added to the Senior Percentage, by year (the last holds).</summary>
    public IReadOnlyList<decimal> SubordinateShareToSeniorsByYear { get; init; } = [100, 100, 100, 100, 100, 70, 60, 40, 20, 0];
    public StepDownSpec StepDown { get; init; } = new();
    public TwoTimesTestSpec? TwoTimesTest { get; init; }
    public bool ClassPrepaymentTriggers { get; init; } = true;
}

/// <summary>
/// Step-down tests: 60+ day delinquencies (incl. foreclosure, REO, bankruptcy), averaged over the current and five
/// prior distribution dates, below <see cref="DelinquencyPercentOfSubordinates"/> of the subordinate balance, and cumulative realised
/// losses below <see cref="CumulativeLossPercentByYear"/> of the original subordinate balance (by year,
/// from year 6).
/// </summary>
public sealed record StepDownSpec
{
    public decimal DelinquencyPercentOfSubordinates { get; init; } = 50;
    public IReadOnlyList<decimal> CumulativeLossPercentByYear { get; init; } = [30, 35, 40, 45, 50];
    /// <summary>When a test fails: true = no decrease (the level in effect on the prior distribution date stays, 100% if it never stepped down); false = 100%.</summary>
    public bool FailedKeepsPriorYear { get; init; } = true;
}

/// <summary>
/// Two-times test: when the subordinate percentage has doubled from the cut-off and losses are low, the
/// Senior Prepayment Percentage steps down early (Senior% + 50% of Subordinate% up to <see cref="Month"/>, Senior% after).
/// </summary>
public sealed record TwoTimesTestSpec
{
    public int Month { get; init; } = 36;
    public decimal DelinquencyPercentOfSubordinates { get; init; } = 50;
    public decimal CumulativeLossPercentBefore { get; init; } = 20;
    public decimal CumulativeLossPercentAfter { get; init; } = 30;
}

/// <summary>
/// Loss allocation: non-PO realised losses to <see cref="Order"/> (the subordinates, lowest first), then
/// to the group's seniors pro rata, except that a super senior's share goes to its senior support class
/// (<see cref="SupportOf"/>: super senior → support) while that class has a balance.
/// </summary>
public sealed record LossAllocationSpec
{
    public IReadOnlyList<string> Order { get; init; } = [];
    public IReadOnlyDictionary<string, string> SupportOf { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// Interest rate corridor: pays notional(t) × max(0, min(index, ceiling) − strike) × days/360 to cover the
/// beneficiary's net-rate-cap shortfalls; the excess goes to <see cref="ExcessTo"/> (a class, normally the residual).
/// </summary>
public sealed record CorridorSpec
{
    public required string Name { get; init; }
    public required string Beneficiary { get; init; }
    public required string Index { get; init; }
    public decimal Strike { get; init; }
    public decimal Ceiling { get; init; }
    public Remic.Core.DayCount DayCount { get; init; } = Remic.Core.DayCount.Actual360;
    /// <summary>Notional by distribution period (1-based; after the last the contract has ended).</summary>
    public required IReadOnlyList<decimal> NotionalSchedule { get; init; }
    public string? ExcessTo { get; init; }
}

/// <summary>Optional clean-up call: exercisable once the pool is below <see cref="PercentOfCutoff"/> of the cut-off balance.</summary>
public sealed record CleanUpCallSpec(decimal PercentOfCutoff);

/// <summary>
/// Cross-collateralisation: when a group's seniors are retired (or it is undercollateralised), its senior
/// principal goes to the seniors of the other groups listed, pro rata by their balance.
/// </summary>
public sealed record CrossCollateralSpec(IReadOnlyList<string> Groups);
