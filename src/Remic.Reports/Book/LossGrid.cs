namespace Remic.Reports.Book;

/// <summary>
/// The loss sensitivity scenarios: constant default rates (CDR, percent) crossed with loss severities
/// (percent of the defaulted balance), liquidated <see cref="Lag"/> months after default, at the pricing speed.
/// Breakeven CDRs are searched up to <see cref="MaxBreakevenCdr"/>.
/// </summary>
public sealed record LossGrid(IReadOnlyList<double> Cdrs, IReadOnlyList<double> Severities, int Lag = 12, double MaxBreakevenCdr = 100)
{
    public static readonly LossGrid Default = new([0, 1, 2, 3, 5, 7.5, 10], [20, 35, 50]);
}
