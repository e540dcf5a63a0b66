using Remic.Analytics;

namespace Remic.Reports.Book;

/// <summary>
/// The loss sensitivity scenarios: constant default rates (CDR, percent) crossed with loss severities
/// (percent of the defaulted balance), liquidated <see cref="Lag"/> months after default, at the pricing speed.
/// Breakeven CDRs are searched up to <see cref="MaxBreakevenCdr"/> under <see cref="Rule"/> (default
/// <see cref="BreakevenRule.Default"/>: a writedown above 0.01% of the original balance, or the yield at par 1 bp below
/// its no-default level).
/// </summary>
public sealed record LossGrid(IReadOnlyList<double> Cdrs, IReadOnlyList<double> Severities, int Lag = 12, double MaxBreakevenCdr = 100,
    BreakevenRule? Rule = null)
{
    public BreakevenRule Breakeven => Rule ?? BreakevenRule.Default;

    public static readonly LossGrid Default = new([0, 1, 2, 3, 5, 7.5, 10], [20, 35, 50]);
}
