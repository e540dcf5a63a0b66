using Remic.Core;

namespace Remic.Collateral;

/// <summary>
/// The assumptions one projection runs under. Severity is a fraction of the defaulted balance lost
/// at liquidation, <see cref="RecoveryLag"/> months after default (0 = liquidated in the month of
/// default). With <see cref="Advancing"/>, the servicer advances net interest on defaulted loans
/// until they are liquidated (the advance is recovered from liquidation proceeds; the stated severity is
/// net of that recovery).
/// </summary>
public sealed record Scenario
{
    public Speed Prepay { get; init; } = Speed.Zero(SpeedKind.Prepayment);
    public Speed Default { get; init; } = Speed.Zero(SpeedKind.Default);
    public MonthlyVector Severity { get; init; } = MonthlyVector.Flat(0);
    public int RecoveryLag { get; init; }
    public bool Advancing { get; init; } = true;
    /// <summary>Index paths by name (e.g. "LIBOR_1MO", "LIBOR_6MO", "CMT_1YR"), annual fractions by projection month.</summary>
    public IReadOnlyDictionary<string, MonthlyVector> Indices { get; init; } = new Dictionary<string, MonthlyVector>(StringComparer.OrdinalIgnoreCase);
    /// <summary>Months to project; 0 = until every loan has paid off and every default is liquidated.</summary>
    public int Months { get; init; }
}
