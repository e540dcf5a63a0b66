using Remic.Core;

namespace Remic.Collateral;

/// <summary>
/// The assumptions one projection runs under. Severity is a fraction of the defaulted balance lost
/// at liquidation, <see cref="RecoveryLag"/> months after default (0 = liquidated in the month of
/// default). <see cref="Advance"/> says what the servicer advances on defaulted loans until they are liquidated
/// (<see cref="AdvancingConvention"/>; the advances are recovered from liquidation proceeds, the stated severity is
/// net of that recovery).
/// </summary>
public sealed record Scenario
{
    public Speed Prepay { get; init; } = Speed.Zero(SpeedKind.Prepayment);
    public Speed Default { get; init; } = Speed.Zero(SpeedKind.Default);
    public MonthlyVector Severity { get; init; } = MonthlyVector.Flat(0);
    public int RecoveryLag { get; init; }
    /// <summary>The advancing convention; null = the deal's (a deal run) or <see cref="AdvancingConvention.Interest"/>.</summary>
    public AdvancingConvention? Advance { get; init; }
    /// <summary>The convention a projection runs under: <see cref="Advance"/>, else interest advancing.</summary>
    public AdvancingConvention AdvanceOrDefault => Advance ?? AdvancingConvention.Interest;
    /// <summary>Shorthand kept for callers that only switch advancing on or off: true = interest advancing.</summary>
    public bool Advancing
    {
        get => AdvanceOrDefault != AdvancingConvention.None;
        init => Advance = value ? AdvancingConvention.Interest : AdvancingConvention.None;
    }
    /// <summary>Index paths by name (e.g. "LIBOR_1MO", "LIBOR_6MO", "CMT_1YR"), annual fractions by projection month.</summary>
    public IReadOnlyDictionary<string, MonthlyVector> Indices { get; init; } = new Dictionary<string, MonthlyVector>(StringComparer.OrdinalIgnoreCase);
    /// <summary>Months to project; 0 = until every loan has paid off and every default is liquidated.</summary>
    public int Months { get; init; }
}
