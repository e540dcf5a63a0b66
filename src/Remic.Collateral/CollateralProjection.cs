namespace Remic.Collateral;

/// <summary>
/// The result of projecting a pool: cash flows per loan group and for the whole pool. One from
/// <see cref="CollateralRun.Project"/> is a view of the run's buffers, valid until that run's next projection.
/// </summary>
public sealed class CollateralProjection
{
    public Scenario Scenario { get; private set; }
    public int Months { get; }
    public IReadOnlyList<GroupCashFlows> Groups { get; }
    public GroupCashFlows Total { get; }
    /// <summary>PO/X split per group name, for groups projected with a strip rate.</summary>
    public IReadOnlyDictionary<string, StripCashFlows> Strips { get; }

    public CollateralProjection(Scenario scenario, int months, IReadOnlyList<GroupCashFlows> groups,
        GroupCashFlows total, IReadOnlyDictionary<string, StripCashFlows> strips)
    {
        Scenario = scenario;
        Months = months;
        Groups = groups;
        Total = total;
        Strips = strips;
    }

    /// <summary>A <see cref="CollateralRun"/>'s view, pointed at its next scenario (the series are refilled in place).</summary>
    internal void Reuse(Scenario scenario) => Scenario = scenario;

    public GroupCashFlows Group(string name) =>
        Groups.FirstOrDefault(g => g.Group == name) ?? throw new KeyNotFoundException($"no loan group '{name}' in the projection");
}
