namespace Remic.Collateral.PrepayModel;

/// <summary>
/// The parameters of the rate-driven prepayment model (<see cref="RateDrivenPrepay"/>), with their defaults.
/// Rates and spreads are in percent (4.14 = 4.14%), CPRs in percent, months in months. The defaults are stated in
/// docs/rates.md beside the formula; a model file (<see cref="PrepayModelFile"/>) overrides any of them.
/// </summary>
public sealed record PrepayModelParameters
{
    /// <summary>Turnover at 100% of the seasoning ramp (1 = the ramp itself; the deal's PPC ramp by default).</summary>
    public double TurnoverMultiple { get; init; } = 1.0;
    /// <summary>The seasoning ramp (start CPR, plateau CPR, months); null = the deal's Prepayment Assumption.</summary>
    public PpcRamp? Ramp { get; init; }
    /// <summary>Multipliers of turnover by calendar month, January first; they average to 1 (checked).</summary>
    public IReadOnlyList<double> Seasonality { get; init; } = DefaultSeasonality;
    /// <summary>Calendar month (1-12) of projection month 1; the OAS engine takes it from the deal's first distribution date.</summary>
    public int FirstCalendarMonth { get; init; } = 1;

    /// <summary>Refinancing CPR the S-curve approaches at a large incentive.</summary>
    public double RefiMaxCpr { get; init; } = 45;
    /// <summary>Incentive (percentage points of loan rate over the mortgage rate) at the S-curve's steepest point.</summary>
    public double RefiMidpoint { get; init; } = 1.0;
    /// <summary>Width of the S-curve (percentage points): the logistic's scale.</summary>
    public double RefiWidth { get; init; } = 0.4;
    /// <summary>Months between the rate a borrower sees and the prepayment it causes.</summary>
    public int RefiLagMonths { get; init; } = 1;

    /// <summary>Burnout: the refinancing response is multiplied by exp(−rate × Σ past positive incentive), the sum in percentage-point months.</summary>
    public double BurnoutRate { get; init; } = 0.02;
    /// <summary>The burnout multiplier never falls below this.</summary>
    public double BurnoutFloor { get; init; } = 0.3;

    /// <summary>Partial prepayments (curtailments) as a CPR added every month.</summary>
    public double CurtailmentCpr { get; init; } = 0.25;

    /// <summary>Mortgage rate = 10-year rate + this spread (percent).</summary>
    public double MortgageSpread { get; init; } = 1.70;
    /// <summary>The 10-year rate (percent) a projection outside the rate model assumes, flat: the CM page's 10YR of April 2004.</summary>
    public double TenYearRate { get; init; } = 4.14;

    /// <summary>Purchase-mortgage seasonality, January first (low in winter, high in summer), averaging exactly 1.</summary>
    public static readonly IReadOnlyList<double> DefaultSeasonality =
        [0.80, 0.82, 0.92, 1.00, 1.08, 1.16, 1.18, 1.16, 1.06, 1.00, 0.94, 0.88];

    public PpcRamp RampOr(PpcRamp dealRamp) => Ramp ?? dealRamp;
}
